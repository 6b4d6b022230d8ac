/**
 * "New Post-Incident Review": asks for a title and a severity, writes
 * `<folder>/<YYYY-MM-DD>-<slug>.pir.md` from the whole-review template (the same text as the
 * snippet) and opens it with the cursor on the first placeholder left to fill.
 */
import * as vscode from 'vscode';
import { iconSafe } from '../../core/safe/icons';
import { showError } from '../shared/notify';
import { safeWrite, WriteRefused } from '../shared/safeWrite';
import { readPirSettings } from '../config/settings';
import { getCommands } from '../shared/core';
import { uniqueUri, exists } from './files';
import type { ConfigStore } from '../config/configStore';

export interface NewReviewArgs {
  title?: string;
  severity?: string;
  /** a workspace folder (its name or URI) */
  folder?: string | vscode.Uri;
  id?: string;
  /** don't open the new file (for scripts) */
  noOpen?: boolean;
}

export const DEFAULT_FOLDER = 'reviews';

let templateText: Promise<string> | undefined;

/**
 * The whole-review template: the body of the file-template snippet in the installed extension's
 * snippets/pir.code-snippets (the same text VS Code offers as the snippet), read once on first use
 * rather than bundled into the entry.
 */
export function templateBody(extensionUri: vscode.Uri): Promise<string> {
  templateText ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'pir.code-snippets')))
    .then(bytes => getCommands().reviewTemplateBody(new TextDecoder().decode(bytes)))
    .catch((e: unknown) => { templateText = undefined; throw e; });
  return templateText;
}

/** The folder reviews go to: `pir.newReview.folder`, relative to the workspace folder, never outside it. */
export function reviewsFolder(folder: vscode.WorkspaceFolder): vscode.Uri {
  const setting = readPirSettings(folder.uri).newReviewFolder;
  const parts = setting.replace(/\\/g, '/').split('/').filter(p => p && p !== '.');
  if (parts.some(p => p === '..')) return vscode.Uri.joinPath(folder.uri, DEFAULT_FOLDER);
  return parts.length ? vscode.Uri.joinPath(folder.uri, ...parts) : folder.uri;
}

async function pickFolder(arg: NewReviewArgs['folder']): Promise<vscode.WorkspaceFolder | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (arg !== undefined) {
    const key = typeof arg === 'string' ? arg : arg.toString();
    const f = folders.find(f => f.name === key || f.uri.toString() === key);
    if (f) return f;
  }
  if (folders.length === 0) return null;
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new review' });
}

export async function newReview(store: ConfigStore, extensionUri: vscode.Uri, args: NewReviewArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(args.folder);
  if (folder === undefined) return undefined; // cancelled
  const dir = folder ? reviewsFolder(folder) : undefined;

  const title = args.title ?? await vscode.window.showInputBox({
    title: 'New Post-Incident Review (1/2)',
    prompt: 'Title: what broke, for whom, for how long (not who did what)',
    placeHolder: 'Checkout API returned 5xx after a settings push',
    value: selectedTitle(),
    ignoreFocusOut: true,
    validateInput: v => v.trim() ? undefined : 'Give the review a title.',
  });
  if (title === undefined || !title.trim()) return undefined;

  let severity = args.severity;
  if (severity === undefined) {
    const fallback = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
    const team = dir && folder ? (await store.teamConfigIn(dir)).severities : fallback;
    const severities = team.length ? team : fallback;
    // severities come from .pir.yaml: `$(…)` in one is text, not an icon
    const picked = await vscode.window.showQuickPick(severities.map(s => ({ label: iconSafe(s), severity: s })), {
      title: 'New Post-Incident Review (2/2)',
      placeHolder: 'Severity',
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    severity = picked.severity;
  }

  const now = new Date();
  const { localDay, newReviewText, nextReviewId, slugify } = getCommands();
  const day = localDay(now);
  const existing = dir ? await existingReviewTexts(dir) : [];
  const id = args.id ?? nextReviewId(existing, now.getFullYear());
  const { text, cursor } = newReviewText(await templateBody(extensionUri), { title, severity, id, now });

  let doc: vscode.TextDocument;
  let uri: vscode.Uri | undefined;
  if (dir) {
    uri = await uniqueUri(dir, `${day}-${slugify(title)}`, '.pir.md');
    await vscode.workspace.fs.createDirectory(dir);
    try {
      // a new file inside the workspace folder, never through a symbolic link (shared/safeWrite)
      await safeWrite(uri, new TextEncoder().encode(text), { exclusive: true, folder: folder!.uri });
    } catch (e) {
      if (!(e instanceof WriteRefused)) throw e;
      void showError(e.message);
      return undefined;
    }
    if (args.noOpen) return uri;
    doc = await vscode.workspace.openTextDocument(uri);
  } else {
    // no folder open: an untitled review the user saves where they like
    doc = await vscode.workspace.openTextDocument({ language: 'pir', content: text });
    uri = doc.uri;
  }
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (cursor) {
    editor.selection = new vscode.Selection(doc.positionAt(cursor.start), doc.positionAt(cursor.end));
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return uri;
}

/** The selected text of the active editor when it is one short line: a title to start from. */
function selectedTitle(): string | undefined {
  const e = vscode.window.activeTextEditor;
  if (!e || e.selection.isEmpty || !e.selection.isSingleLine) return undefined;
  const t = e.document.getText(e.selection).trim();
  return t && t.length <= 200 ? t : undefined;
}

async function existingReviewTexts(dir: vscode.Uri): Promise<string[]> {
  if (!await exists(dir)) return [];
  let entries: [string, vscode.FileType][] = [];
  try { entries = await vscode.workspace.fs.readDirectory(dir); } catch { return []; }
  const texts: string[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !name.endsWith('.pir.md')) continue;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name));
      texts.push(new TextDecoder().decode(bytes.subarray(0, 4096)));
    } catch { /* unreadable: skip */ }
  }
  return texts;
}
