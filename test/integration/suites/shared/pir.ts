// Helpers shared by the extension's integration suites (diagnostics, actions, restricted, installed).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { sleep, waitFor } from '../../runner/helpers';

export const EXTENSION_ID = 'pir-tools.pir-reviews';

export interface PirApi { activationMs: number; lint(uri: vscode.Uri): Promise<void> }

export async function activeExtension(): Promise<vscode.Extension<PirApi>> {
  const ext = vscode.extensions.getExtension<PirApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await ext.activate();
  return ext;
}

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

export const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);

export function pirDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'pir');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

/** Waits until the document's pir diagnostics satisfy `ok`, and returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(() => { last = pirDiagnostics(uri); return ok(last) ? last : undefined; }, what, timeoutMs, 20);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  diagnostics now: ${last.map(d => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ') || 'none'}`);
  }
}

export const hasRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some(d => codeOf(d) === rule);

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * The code actions VS Code collects for a range (all providers), like the light bulb does. An empty
 * answer is asked again for up to `retryMs`: VS Code answers with nothing when the text changes or
 * another extension registers a code-action provider while the request runs (see quickFixFor).
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string, retryMs = 5000): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + retryMs;
  for (;;) {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
    const found = (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof (a as vscode.Command).command === 'string'));
    if (found.length || Date.now() > deadline) return found;
    await sleep(200);
  }
}

/**
 * The quick fix titled like `title` for a range, as the light bulb offers it. Asked again until it
 * comes: VS Code answers a code-action request with nothing when the text changes or another
 * extension registers a code-action provider while it runs (getCodeActions in VS Code's
 * codeAction.ts), as happens while extensions activate, and the light bulb simply asks again.
 */
export async function quickFixFor(uri: vscode.Uri, range: vscode.Range, title: RegExp, preferred = true, timeoutMs = 10_000): Promise<vscode.CodeAction & { edit: vscode.WorkspaceEdit }> {
  let seen: string[] = [];
  try {
    return await waitFor(async () => {
      // asked again here until the named fix comes, not only while the answer is empty
      const actions = await codeActions(uri, range, 'quickfix', 0);
      seen = actions.map(a => `${a.isPreferred ? '* ' : ''}${a.title}`);
      return actions.find((a): a is vscode.CodeAction & { edit: vscode.WorkspaceEdit } => (!preferred || !!a.isPreferred) && title.test(a.title) && !!a.edit);
    }, `the quick fix ${title}`, timeoutMs, 200);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  offered: ${seen.join(' | ') || 'nothing'}`);
  }
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  const i = doc.getText().split(/\r?\n/).findIndex(l => l.includes(needle));
  assert.ok(i >= 0, `"${needle}" is in ${doc.uri.path}`);
  return i;
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await sleep(100);
}

export { sleep, waitFor };
