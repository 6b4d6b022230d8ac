/**
 * Quick fixes for the core's findings, "Disable <rule> for this line / this file" (suppression
 * comments, src/core/suppress), "fix all" actions, a `source.fixAll.pir` provider for
 * `editor.codeActionsOnSave`, and the `pir.fixAll` command.
 *
 * Snippet fixes (Fix.snippet) are applied as SnippetTextEdits, so the author tabs through the
 * placeholders; fix-all only ever applies plain (non-snippet) fixes.
 */
import * as vscode from 'vscode';
import { showInfo, showWarning, statusMessage } from '../shared/notify';
import { snippetVariables } from '../../core/safe/snippet';
import type { Finding, Fix, TextEdit } from '../../core/types';
import { getCore } from '../shared/core';
import { LANGUAGE_ID, isReview, sameRange, toRange, toTextEdit } from '../shared/convert';
import { DiagnosticsManager, SOURCE, toDiagnostic } from '../diagnostics/diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pir');
export const FIX_ALL_COMMAND = 'pir.fixAll';

export class PirCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsManager) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    if (only && FIX_ALL_KIND.contains(only) || only && only.contains(FIX_ALL_KIND)) {
      // source.fixAll / source.fixAll.pir (codeActionsOnSave, "Fix All" command)
      const { edits } = automaticEdits(doc, this.diagnostics.findingsFor(doc));
      if (!edits.length) return [];
      const a = new vscode.CodeAction('Fix all auto-fixable PIR problems', FIX_ALL_KIND);
      a.edit = workspaceEdit(doc.uri, edits);
      return [a];
    }
    if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return [];

    const findings = this.diagnostics.findingsFor(doc);
    const actions: vscode.CodeAction[] = [];
    const touching = findings.filter(f => toRange(f.range).intersection(range) !== undefined);
    const here = touching.filter(f => f.fixes?.length);
    for (const f of here) {
      const diag = context.diagnostics.find(d => d.source === SOURCE && codeOf(d) === f.rule && sameRange(d.range, f.range)) ?? toDiagnostic(f);
      for (const fix of f.fixes!) actions.push(quickFix(doc, fix, diag));
    }
    // "Disable <rule> for this line / this file": suppression comments, always the author's choice (last, never preferred)
    const suppress: vscode.CodeAction[] = [];
    const offered = new Set<string>();
    for (const f of touching) {
      const diag = context.diagnostics.find(d => d.source === SOURCE && codeOf(d) === f.rule && sameRange(d.range, f.range)) ?? toDiagnostic(f);
      for (const fix of getCore().suppressionFixes(doc.getText(), f, doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n')) {
        const key = fix.title + JSON.stringify(fix.edits);
        if (offered.has(key)) continue;
        offered.add(key);
        suppress.push(quickFix(doc, fix, diag));
      }
    }
    if (!here.length) return [...actions, ...suppress];

    // "Fix all" variants, when there is more than the one under the cursor to fix
    const rules = [...new Set(here.map(f => f.rule))];
    for (const rule of rules) {
      const ofRule = findings.filter(f => f.rule === rule);
      const { edits } = automaticEdits(doc, ofRule);
      if (countFixable(ofRule) > 1 && edits.length) {
        const a = new vscode.CodeAction(`Fix all ${rule} problems in this file`, vscode.CodeActionKind.QuickFix);
        a.edit = workspaceEdit(doc.uri, edits);
        a.diagnostics = context.diagnostics.filter(d => d.source === SOURCE && codeOf(d) === rule);
        actions.push(a);
      }
    }
    if (countFixable(findings) > 1) {
      const { edits } = automaticEdits(doc, findings);
      if (edits.length) {
        const a = new vscode.CodeAction('Fix all auto-fixable problems', vscode.CodeActionKind.QuickFix);
        a.edit = workspaceEdit(doc.uri, edits);
        actions.push(a);
      }
    }
    return [...actions, ...suppress];
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

function quickFix(doc: vscode.TextDocument, fix: Fix, diag: vscode.Diagnostic): vscode.CodeAction {
  const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [diag];
  a.isPreferred = !!fix.isPreferred;
  const edit = new vscode.WorkspaceEdit();
  // a snippet that would expand a variable ($CLIPBOARD, ${WORKSPACE_FOLDER}) carries text that was not
  // escaped: insert it as plain text rather than let the editor fill the variable in
  if (fix.snippet && fix.edits.every(e => !snippetVariables(e.newText).length)) {
    edit.set(doc.uri, fix.edits.map(e => {
      const s = new vscode.SnippetTextEdit(toRange(e.range), new vscode.SnippetString(e.newText));
      // the core already indents inserted lines as the document needs
      s.keepWhitespace = true;
      return s;
    }));
  } else {
    edit.set(doc.uri, getCore().plainEdits(fix.edits, fix.snippet).map(toTextEdit));
  }
  a.edit = edit;
  return a;
}

function countFixable(findings: Finding[]): number {
  return findings.filter(f => getCore().automaticFixEdits([f]).length > 0).length;
}

/**
 * The automatic (non-snippet) fixes of the findings that one pass applies to the document: whole
 * fixes, none overlapping (a WorkspaceEdit rejects overlaps), none that changes nothing; `fixes`
 * is how many findings they fix (the core's automaticFixes).
 */
export function automaticEdits(doc: vscode.TextDocument, findings: Finding[]): { edits: TextEdit[]; fixes: number } {
  return getCore().automaticFixes(doc.getText(), findings);
}

function workspaceEdit(uri: vscode.Uri, edits: TextEdit[]): vscode.WorkspaceEdit {
  const w = new vscode.WorkspaceEdit();
  w.set(uri, edits.map(toTextEdit));
  return w;
}

/**
 * `pir.fixAll`: applies every automatic fix to the document (the active editor's, or the given
 * URI's), re-analysing between passes so fixes skipped for overlapping are picked up. Returns the
 * number of fixes applied: changes made to the text, one per finding fixed (not per edit).
 */
export async function fixAllCommand(diagnostics: DiagnosticsManager, target?: vscode.Uri): Promise<number> {
  const doc = target
    ? await vscode.workspace.openTextDocument(target)
    : vscode.window.activeTextEditor?.document;
  if (!doc || !isReview(doc)) {
    void showInfo('Open a post-incident review (*.pir.md) to fix its problems.');
    return 0;
  }
  let applied = 0;
  const before = doc.getText();
  const core = getCore();
  const quality = (text: string) => { const r = core.parseReview(text); return core.parseQuality(r, r.parseFindings); };
  const baseline = quality(before);
  for (let pass = 0; pass < 5; pass++) {
    const { edits, fixes } = automaticEdits(doc, diagnostics.findingsFor(doc));
    if (!edits.length) break;
    const textBefore = doc.getText();
    if (!(await vscode.workspace.applyEdit(workspaceEdit(doc.uri, edits)))) break;
    // the result must parse at least as well as the document did (as `pir lint --fix` checks):
    // otherwise this pass is undone and the loop stops
    const loss = core.qualityLoss(baseline, quality(doc.getText()));
    if (loss.length) {
      const all = new vscode.WorkspaceEdit();
      all.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), textBefore);
      await vscode.workspace.applyEdit(all);
      void showWarning(`PIR: ${fixes} automatic fix${fixes === 1 ? ' was' : 'es were'} undone: together they ${loss.join(', ')}. Apply them one at a time.`);
      break;
    }
    applied += fixes;
  }
  void diagnostics.lint(doc);
  statusMessage(applied ? `PIR: applied ${applied} fix${applied === 1 ? '' : 'es'}` : 'PIR: nothing to fix automatically', 4000);
  return applied;
}

export function registerCodeActions(diagnostics: DiagnosticsManager): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider([{ language: LANGUAGE_ID }, { pattern: '**/*.pir.md' }], new PirCodeActionProvider(diagnostics), PirCodeActionProvider.metadata),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, (uri?: vscode.Uri) => fixAllCommand(diagnostics, uri instanceof vscode.Uri ? uri : undefined)),
  );
}
