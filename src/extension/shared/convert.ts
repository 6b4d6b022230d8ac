/** Conversions between the core's plain positions (0-based line/UTF-16 character, like LSP) and vscode's. */
import * as vscode from 'vscode';
import type { Range, Severity, TextEdit } from '../../core/types';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export function toTextEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(e.range), e.newText);
}

export function sameRange(a: vscode.Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export const LANGUAGE_ID = 'pir';

/** A review document: language `pir`, or a `*.pir.md` file another extension claimed. */
export function isReview(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID || /\.pir\.md$/i.test(doc.uri.path);
}
