/**
 * Writing a file the extension creates beside a review (Export Timeline as SVG, Import, New Review)
 * or where the user chose (Export Corrective Actions), without following symbolic links. A
 * repository can hold a link where the extension would write — `x.timeline.svg` → `~/.bashrc`,
 * dangling or not — and writing through it would create or replace a file outside the workspace.
 *
 * Through vscode.workspace.fs, so it works on any file system and in VS Code for the Web: the
 * target is stat'ed (a link — VS Code reports even a dangling one — or anything but a file is
 * refused), every folder between the workspace folder and the target must be a real folder (not a
 * link), the bytes go to a new temporary file in the same folder, which is renamed over the
 * target: a rename replaces a link planted meanwhile instead of following it.
 */
import * as vscode from 'vscode';

/** A write the extension refused; the message is one sentence naming the file and the reason. */
export class WriteRefused extends Error {}

export interface SafeWriteOptions {
  /** the workspace folder the target must stay inside (no link on the way); default: the target's */
  folder?: vscode.Uri | null;
  /** never replace an existing file */
  exclusive?: boolean;
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try { return await vscode.workspace.fs.stat(uri); } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

const baseName = (uri: vscode.Uri) => uri.path.replace(/\/+$/, '').replace(/^.*\//, '');

/** Throws WriteRefused, or the file system's own error for other failures. */
export async function safeWrite(target: vscode.Uri, data: Uint8Array, opts: SafeWriteOptions = {}): Promise<void> {
  const name = baseName(target);
  const refuse = (why: string) => new WriteRefused(`Refusing to write ${name}: ${why}.`);
  const st = await statOf(target);
  if (st && st.type & vscode.FileType.SymbolicLink) throw refuse('it is a symbolic link, and the extension never writes through a link');
  if (st && !(st.type & vscode.FileType.File)) throw refuse('it is not a file');
  if (st && opts.exclusive) throw refuse('it exists');
  const dir = vscode.Uri.joinPath(target, '..');
  const folder = opts.folder === undefined ? vscode.workspace.getWorkspaceFolder(target)?.uri : opts.folder ?? undefined;
  if (folder) {
    const base = folder.path.replace(/\/+$/, '');
    if (folder.scheme !== target.scheme || folder.authority !== target.authority || !(dir.path === base || dir.path.startsWith(base + '/')))
      throw refuse('it is outside the workspace folder');
    // every folder below the workspace folder, down to the target's: a link there leads elsewhere
    const parts = dir.path.slice(base.length).split('/').filter(Boolean);
    let at = folder;
    for (const p of parts) {
      at = vscode.Uri.joinPath(at, p);
      const s = await statOf(at);
      if (s && s.type & vscode.FileType.SymbolicLink) throw refuse(`its folder ${vscode.workspace.asRelativePath(at)} is a symbolic link, which may lead outside the workspace`);
    }
  }
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(6)), b => b.toString(16).padStart(2, '0')).join('');
  const tmp = vscode.Uri.joinPath(dir, `.${name}.${rand}.tmp`);
  if (await statOf(tmp)) throw refuse('a temporary file of that name exists');
  await vscode.workspace.fs.writeFile(tmp, data);
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: !opts.exclusive });
  } catch (e) {
    try { await vscode.workspace.fs.delete(tmp); } catch { /* already gone */ }
    if (opts.exclusive && e instanceof vscode.FileSystemError && e.code === 'FileExists') throw refuse('it exists');
    throw e;
  }
}
