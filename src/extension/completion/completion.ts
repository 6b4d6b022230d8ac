/**
 * Completions in a review: front-matter keys and values (the team's severities and roles from
 * `.pir.yaml`), missing section headings after `## `, action fields, owners used across the
 * workspace (from the index, never a new scan) and the current UTC time for a new timeline entry.
 */
import * as vscode from 'vscode';
import type { Suggestion, SuggestionKind } from '../../core';
import type { Services } from '../shared/services';
import type { WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import { readSettings } from '../config/configStore';
import { getCore } from '../shared/core';
import { PIR_SELECTOR, authorZone } from '../shared/reviews';

const KIND: Record<SuggestionKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  section: vscode.CompletionItemKind.Module,
  field: vscode.CompletionItemKind.Field,
  owner: vscode.CompletionItemKind.User,
  time: vscode.CompletionItemKind.Event,
  role: vscode.CompletionItemKind.EnumMember,
  'action-id': vscode.CompletionItemKind.Reference,
};

const RETRIGGER: vscode.Command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };

export function registerCompletion({ context, config: store, index }: Services): void {
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(PIR_SELECTOR, {
    async provideCompletionItems(doc, position) {
      const settings = readSettings(doc);
      const config = await store.configFor(doc, settings).catch(() => store.effective(undefined, settings));
      const suggestions = getCore().completionsAt(doc.getText(), { line: position.line, character: position.character }, {
        // the real time, not the checks' clock (PIR_NOW): a new timeline entry is stamped with when it is written
        config, owners: workspaceOwners(index), localZone: authorZone(doc),
      });
      return suggestions.map(s => toItem(s, position));
    },
  }, ' '));
}

/** Owner handles of every action in the workspace index (empty before its first scan). */
function workspaceOwners(index: WorkspaceIndexService): string[] {
  if (!index.ready) return [];
  const owners = new Set<string>();
  for (const r of index.index.reviews()) for (const a of r.actions) if (a.owner) owners.add(a.owner);
  return [...owners];
}

function toItem(s: Suggestion, position: vscode.Position): vscode.CompletionItem {
  const item = new vscode.CompletionItem(s.label, KIND[s.kind]);
  item.insertText = s.snippet ? new vscode.SnippetString(s.insertText) : s.insertText;
  item.range = new vscode.Range(position.line, s.replaceFrom, position.line, position.character);
  item.filterText = s.label;
  if (s.detail) item.detail = s.detail;
  if (s.documentation) item.documentation = new vscode.MarkdownString().appendText(s.documentation);
  if (s.sortText) item.sortText = s.sortText;
  if (s.retrigger) item.command = RETRIGGER;
  return item;
}
