/**
 * Document symbols for Outline, breadcrumbs and Go to Symbol: the front matter, headings nested by
 * level, timeline entries under the Timeline section and action items under Action items.
 */
import * as vscode from 'vscode';
import type { OutlineKind, OutlineSymbol } from '../../core';
import type { Services } from '../shared/services';
import { getCore } from '../shared/core';
import { toRange } from '../shared/convert';
import { PIR_SELECTOR, reviewFor } from '../shared/reviews';

const KIND: Record<OutlineKind, vscode.SymbolKind> = {
  'front-matter': vscode.SymbolKind.Module,
  heading: vscode.SymbolKind.String, // as the Markdown outline shows headings
  'timeline-entry': vscode.SymbolKind.Event,
  action: vscode.SymbolKind.Field,
};

export function registerSymbols({ context, config: store }: Services): void {
  context.subscriptions.push(vscode.languages.registerDocumentSymbolProvider(PIR_SELECTOR, {
    async provideDocumentSymbols(doc) {
      return getCore().outline(await reviewFor(doc, store)).map(toSymbol);
    },
  }, { label: 'Post-Incident Review' }));
}

function toSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const d = new vscode.DocumentSymbol(s.name, s.detail, KIND[s.kind], toRange(s.range), toRange(s.selectionRange));
  d.children = s.children.map(toSymbol);
  return d;
}
