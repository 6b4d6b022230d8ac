/**
 * A status bar item for the active review: its status, severity and open findings (from the
 * diagnostics collection). A click opens the Problems view. Hidden for other editors.
 */
import * as vscode from 'vscode';
import type { Services } from '../shared/services';
import { getCore } from '../shared/core';
import { isReview } from '../shared/convert';
import { reviewFor } from '../shared/reviews';

export const STATUS_BAR_ID = 'pir.status';

export function registerStatusBar({ context, config: store, diagnostics }: Services): void {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50);
  item.name = 'Post-Incident Review';
  item.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
  let seq = 0;
  const update = async () => {
    const n = ++seq;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isReview(doc)) { item.hide(); return; }
    const review = await reviewFor(doc, store);
    if (n !== seq) return; // a newer update started meanwhile
    const data = review.frontMatter?.data ?? {};
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    let errors = 0, warnings = 0, infos = 0;
    for (const d of diagnostics.collection.get(doc.uri) ?? []) {
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      else infos++;
    }
    const { text, tooltip } = getCore().statusBarText({ status: str(data.status), severity: str(data.severity), id: str(data.id), errors, warnings, infos });
    item.text = text;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: tooltip };
    item.show();
  };
  const soon = () => { void update().catch(() => item.hide()); };
  context.subscriptions.push(item,
    vscode.window.onDidChangeActiveTextEditor(soon),
    // after each lint: the parse of this version is cached, the counts are new
    diagnostics.onDidUpdate(uri => { if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) soon(); }),
  );
  // the first update loads the core: after activate() has returned
  setTimeout(soon, 0);
}
