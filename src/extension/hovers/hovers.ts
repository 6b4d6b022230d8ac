/**
 * Hovers in a review: a timeline stamp (UTC, your time, offset from the start), a milestone (time
 * to detect / mitigate / resolve) and an action ID (status, owner, due, references here and in the
 * workspace). The text comes from the core; everything from a document is escaped, and the
 * Markdown is not trusted (no command links, no HTML).
 */
import * as vscode from 'vscode';
import type { HoverInfo, KnownAction } from '../../core';
import type { Services } from '../shared/services';
import { getCore } from '../shared/core';
import { toRange } from '../shared/convert';
import { PIR_SELECTOR, authorZone, reviewFor } from '../shared/reviews';
import { now } from '../shared/clock';

export function registerHovers({ context, config: store, index }: Services): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(PIR_SELECTOR, {
    async provideHover(doc, position) {
      const review = await reviewFor(doc, store);
      // the workspace's actions are listed only when the hover is over an action ID
      const workspaceActions = (): KnownAction[] | undefined => {
        return index.ready ? index.index.actions(now()) : undefined;
      };
      const info = getCore().hoverAt(review, { line: position.line, character: position.character }, { localZone: authorZone(doc), workspaceActions, now: now() });
      return info ? new vscode.Hover(render(info), toRange(info.range)) : undefined;
    },
  }));
}

export function render(info: HoverInfo): vscode.MarkdownString {
  const m = new vscode.MarkdownString('', false);
  m.isTrusted = false;
  m.supportHtml = false;
  m.appendMarkdown('**');
  text(m, info.title);
  m.appendMarkdown('**\n\n');
  for (const row of info.rows) {
    text(m, row.label);
    m.appendMarkdown(': ');
    text(m, row.value);
    m.appendMarkdown('  \n');
  }
  for (const note of info.notes) {
    m.appendMarkdown('\n\n_');
    text(m, note);
    m.appendMarkdown('_');
  }
  return m;
}

/**
 * Document text as text: every ASCII punctuation character backslash-escaped, so no Markdown, link
 * or HTML in a title takes effect (and, unlike appendText, spaces stay spaces, so long lines wrap).
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

function text(m: vscode.MarkdownString, value: string): void {
  m.appendMarkdown(escapeMarkdown(value));
}
