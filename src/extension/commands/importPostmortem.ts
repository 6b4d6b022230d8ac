/**
 * "Import Markdown Postmortem": converts a Markdown postmortem (the active editor's, the one
 * right-clicked in the explorer, or a picked file) into the review format, shows the change as a
 * diff against a read-only proposed document, and writes `<name>.pir.md` beside the original only
 * when the user confirms: with the Write Review button in the diff's title bar (it stays there while
 * the diff is open), or with the notification's button. Closing the diff cancels. The original is
 * never changed.
 */
import * as vscode from 'vscode';
import { showError, showInfo } from '../shared/notify';
import { safeWrite, WriteRefused } from '../shared/safeWrite';
import { getCommands } from '../shared/core';
import { exists, uniqueUri } from './files';
import type { ConfigStore } from '../config/configStore';

export const PROPOSAL_SCHEME = 'pir-import';

export interface ImportArgs {
  uri?: vscode.Uri;
  /** answer the confirmation without asking (scripts and tests): write or cancel */
  confirm?: 'write' | 'cancel';
}

export interface ImportOutcome {
  /** the proposed document shown in the diff */
  proposed: vscode.Uri;
  /** the file written, when confirmed */
  written?: vscode.Uri;
  notes: string[];
}

/** Proposed documents, read-only, for the diff editor. */
class ProposalProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  set(uri: vscode.Uri, text: string) { this.texts.set(uri.toString(), text); this.emitter.fire(uri); }
  delete(uri: vscode.Uri) { this.texts.delete(uri.toString()); }
  provideTextDocumentContent(uri: vscode.Uri): string { return this.texts.get(uri.toString()) ?? ''; }
  dispose() { this.emitter.dispose(); this.texts.clear(); }
}

let provider: ProposalProvider | undefined;
let counter = 0;

export function registerProposalProvider(): vscode.Disposable {
  provider = new ProposalProvider();
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, provider), provider);
}

const WRITE = 'Write Review';
const CANCEL = 'Cancel';

/** The imports waiting for the author's answer, by proposed document. */
const decisions = new Map<string, (answer: string | undefined) => void>();

/** The proposed document of a command invoked from the diff's title bar (its URI), or the active diff's. */
function proposalOf(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri && arg.scheme === PROPOSAL_SCHEME) return arg.toString();
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputTextDiff && input.modified.scheme === PROPOSAL_SCHEME) return input.modified.toString();
  return undefined;
}

/**
 * `pir.importPostmortem.write` / `.discard`: the buttons in the title bar of the import's diff.
 * Returns whether an import was waiting for that answer.
 */
export function answerImport(arg: unknown, write: boolean): boolean {
  const key = proposalOf(arg);
  const decide = key ? decisions.get(key) : undefined;
  if (!decide) {
    void showInfo('This proposed import is no longer waiting: run Import Markdown Postmortem again.');
    return false;
  }
  decide(write ? WRITE : CANCEL);
  return true;
}

export async function importPostmortem(store: ConfigStore, args: ImportArgs = {}, selected?: vscode.Uri[]): Promise<ImportOutcome | undefined> {
  const source = args.uri ?? (selected?.length ? selected[0] : undefined) ?? activeMarkdown() ?? await pickFile();
  if (!source) return undefined;

  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === source.toString());
  let text: string;
  try {
    text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  } catch (e) {
    void showError(`Could not read ${baseName(source)}: ${(e as Error).message}`);
    return undefined;
  }

  const dir = vscode.Uri.joinPath(source, '..');
  const folder = vscode.workspace.getWorkspaceFolder(source);
  const config = folder ? await store.teamConfigIn(dir) : undefined;
  const name = baseName(source);
  const result = getCommands().importPostmortem(text, { fileName: name, severities: config?.severities, actionFields: config?.actionFields });

  const stem = name.replace(/\.(pir\.)?(md|markdown|mdown|mkd|txt)$/i, '');
  const target = await uniqueUri(dir, stem, '.pir.md');
  // the proposal is named like the file it would become (so it gets the pir language and its checks)
  const proposed = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${++counter}/${baseName(target)}`, query: `source=${encodeURIComponent(source.toString())}` });
  if (!provider) throw new Error('pir.importPostmortem: the proposal provider is not registered');
  provider.set(proposed, result.text);

  await vscode.commands.executeCommand('vscode.diff', source, proposed, `${name} ↔ ${baseName(target)} (proposed import)`, { preview: false });

  const summary = result.notes.slice(0, 4).join(' ');
  let answer: string | undefined;
  if (args.confirm) answer = args.confirm === 'write' ? WRITE : CANCEL;
  else {
    // three ways to answer, the first one counts: the diff's title-bar buttons, the notification's, closing the diff (cancel)
    const key = proposed.toString();
    const decided = new Promise<string | undefined>(resolve => decisions.set(key, resolve));
    const closed = vscode.window.tabGroups.onDidChangeTabs(e => {
      if (e.closed.some(t => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === key)) decisions.get(key)?.(undefined);
    });
    // dismissing the notification (or never seeing it) is no answer: the diff's buttons stay
    void showInfo(`Write ${baseName(target)} beside ${name}? ${summary} (or use Write Review in the diff's title bar)`, WRITE, CANCEL).then(a => { if (a) decisions.get(key)?.(a); });
    try { answer = await decided; } finally { decisions.delete(key); closed.dispose(); }
  }

  if (answer !== WRITE) {
    if (answer === CANCEL) await closeDiff(proposed);
    provider.delete(proposed);
    return { proposed, notes: result.notes };
  }
  // the name may have been taken while the diff was open: never overwrite
  const out = await exists(target) ? await uniqueUri(dir, stem, '.pir.md') : target;
  try {
    // a new file, never through a symbolic link planted under that name (shared/safeWrite)
    await safeWrite(out, new TextEncoder().encode(result.text), { exclusive: true });
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    void showError(e.message);
    provider.delete(proposed);
    return { proposed, notes: result.notes };
  }
  await closeDiff(proposed);
  provider.delete(proposed);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(out), { preview: false });
  return { proposed, written: out, notes: result.notes };
}

function activeMarkdown(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  // a review is already in the format: importing it again would only propose a copy
  if (!doc || doc.uri.scheme === PROPOSAL_SCHEME || doc.languageId === 'pir' || /\.pir\.md$/i.test(doc.uri.path)) return undefined;
  if (doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri.path)) return doc.uri;
  return undefined;
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Import',
    title: 'Import Markdown Postmortem',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { Markdown: ['md', 'markdown'] },
  });
  return picked?.[0];
}

async function closeDiff(proposed: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t =>
    t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === proposed.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/\/+$/, '').replace(/^.*\//, '');
}
