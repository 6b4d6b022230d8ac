/** File helpers for the authoring commands, through vscode.workspace.fs only (virtual workspaces). */
import * as vscode from 'vscode';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** `<dir>/<base><ext>`, or `<base>-2<ext>`, `-3`… when that name is taken: never an existing file. */
export async function uniqueUri(dir: vscode.Uri, base: string, ext: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(dir, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!await exists(uri)) return uri;
  }
}
