/** Folding by section: the front matter, every heading, multi-line action items, region comments. */
import * as vscode from 'vscode';
import type { Services } from '../shared/services';
import { getCore } from '../shared/core';
import { PIR_SELECTOR, reviewFor } from '../shared/reviews';

export function registerFolding({ context, config: store }: Services): void {
  context.subscriptions.push(vscode.languages.registerFoldingRangeProvider(PIR_SELECTOR, {
    async provideFoldingRanges(doc) {
      const folds = getCore().foldingRanges(await reviewFor(doc, store));
      return folds.map(f => new vscode.FoldingRange(f.start, f.end, f.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined));
    },
  }));
}
