/**
 * What the tree's items do: reveal the item in its review, mark it done, set its owner or due date
 * (all through an undoable WorkspaceEdit on the TextDocument, computed by the core's pure edit
 * functions), open its tracking link (http and https only), copy its ID. Plus the view's title
 * actions: group by, filters.
 *
 * Commands take a tree node, or a plain `{ file, line, id }` (tests and other callers), and the
 * value as a second argument to skip the quick pick (Set Owner: the workspace's owners or a typed
 * handle; Set Due: this Friday, in 1 / 2 / 4 weeks, or a custom date) or the input box.
 */
import * as vscode from 'vscode';
import { showError, showWarning, statusMessage } from '../shared/notify';
import { iconSafe } from '../../core/safe/icons';
import { readPirSettings, updateMe } from '../config/settings';
import type { TextEdit } from '../../core/types';
import { getCommands, getCore } from '../shared/core';
import { toTextEdit } from '../shared/convert';
import type { WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import type { ActionsTreeProvider, Node } from './actionsTree';
import { dueChoices, GROUP_BYS, NO_FILTERS, ownerChoices, parseMe, type Filters, type GroupBy } from './model';
import { now } from '../shared/clock';

export interface ActionRef { file: string; line: number; id: string; tracking?: string; evidence?: string; owner?: string; due?: string }

function refOf(arg: unknown): ActionRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const n = arg as Partial<Node> & Partial<ActionRef>;
  if (n.kind === 'action' && 'action' in n && n.action) return n.action;
  if (typeof n.file === 'string' && typeof n.line === 'number') return { file: n.file, line: n.line, id: typeof n.id === 'string' ? n.id : '', tracking: n.tracking, evidence: n.evidence, owner: n.owner, due: n.due };
  return undefined;
}

class UserError extends Error {}

/** The document and the item's current line (found again by ID when lines above it moved). */
async function locate(ref: ActionRef): Promise<{ doc: vscode.TextDocument; line: number }> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.file));
  const text = doc.getText();
  const here = getCore().summarize('', text).actions.find(a => a.line === ref.line);
  if (here && (!ref.id || here.id === ref.id)) return { doc, line: ref.line };
  const line = ref.id ? getCommands().findActionLine(text, ref.id, ref.line) : undefined;
  if (line === undefined) throw new UserError(`${ref.id || 'The action item'} is no longer in ${vscode.workspace.asRelativePath(doc.uri)}.`);
  return { doc, line };
}

async function applyToDocument(doc: vscode.TextDocument, line: number, compute: (text: string, line: number) => TextEdit[], label: string): Promise<boolean> {
  let result: TextEdit[];
  try {
    result = compute(doc.getText(), line);
  } catch (e) {
    if (e instanceof getCommands().ActionEditError) throw new UserError(e.message);
    throw e;
  }
  if (!result.length) return true;
  const we = new vscode.WorkspaceEdit();
  we.set(doc.uri, result.map(toTextEdit));
  const ok = await vscode.workspace.applyEdit(we, { isRefactoring: false });
  if (!ok) throw new UserError(`Could not edit ${vscode.workspace.asRelativePath(doc.uri)} (${label}).`);
  // show the change (the tree keeps the focus): the author reviews it, saves it or undoes it
  const range = doc.lineAt(Math.min(line, doc.lineCount - 1)).range;
  await vscode.window.showTextDocument(doc, { preserveFocus: true, preview: true, selection: range });
  return true;
}

/** Runs a command body; user errors become an error message instead of a failure. */
function guarded<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<unknown> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof UserError) { void showError(e.message); return false; }
      throw e;
    }
  };
}

function needRef(arg: unknown): ActionRef {
  const ref = refOf(arg);
  if (!ref) throw new UserError('Pick a corrective action in the Corrective Actions view first.');
  return ref;
}

export async function revealAction(ref: ActionRef): Promise<vscode.TextEditor> {
  const { doc, line } = await locate(ref);
  const range = doc.lineAt(line).range;
  const editor = await vscode.window.showTextDocument(doc, { preview: true, selection: new vscode.Selection(range.start, range.end) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The Set Owner / Set Due quick pick while it is open. */
let openPick: vscode.QuickPick<vscode.QuickPickItem> | undefined;

/** Shows a quick pick; resolves with the accepted item (undefined when dismissed). */
function pick<T extends vscode.QuickPickItem>(qp: vscode.QuickPick<T>): Promise<T | undefined> {
  return new Promise(resolve => {
    openPick = qp as unknown as vscode.QuickPick<vscode.QuickPickItem>;
    let done = false;
    const finish = (v: T | undefined) => { if (done) return; done = true; openPick = undefined; resolve(v); qp.dispose(); };
    qp.onDidAccept(() => finish(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

const oneOwner = (v: string) => (v.trim() ? (/[\r\n]/.test(v) ? 'One line.' : undefined) : 'Name one owner: a person or a team.');

/**
 * Set Owner: the owners already used in the workspace (the `pir.me` handles first), or what the
 * author types (offered first as "new owner"). Undefined when dismissed.
 */
async function pickOwner(ref: ActionRef, service: WorkspaceIndexService, current: string): Promise<string | undefined> {
  const me = parseMe(readPirSettings().me);
  type Item = vscode.QuickPickItem & { owner: string };
  const known: Item[] = ownerChoices(service.index.actions(now()), me, current).map(c => ({ label: c.owner, description: c.description, owner: c.owner }));
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `Owner of ${ref.id || 'the action'}`;
  qp.placeholder = known.length ? 'Pick an owner used in the workspace, or type a person or team handle' : (me.length ? `@${me[0]}` : '@team-handle');
  qp.matchOnDescription = true;
  const refresh = () => {
    const typed = qp.value.trim();
    const exact = known.find(k => k.owner === typed);
    qp.items = typed && !exact && !oneOwner(typed) ? [{ label: typed, description: 'new owner', owner: typed, alwaysShow: true }, ...known] : known;
  };
  qp.onDidChangeValue(refresh);
  refresh();
  const current0 = known.find(k => k.owner === current.trim());
  if (current0) qp.activeItems = [current0];
  return (await pick(qp))?.owner;
}

/** Set Due: this Friday, in 1 / 2 / 4 weeks, or a custom date (an input box). Undefined when dismissed. */
async function pickDue(ref: ActionRef, current: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { date?: string };
  const items: Item[] = dueChoices(now()).map(c => ({ label: c.label, description: c.date === current ? `${c.description} · current` : c.description, date: c.date }));
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `Due date of ${ref.id || 'the action'}`;
  qp.placeholder = getCommands().isIsoDate(current) ? `Now ${current}` : 'No due date yet';
  qp.items = items;
  const chosen = await pick(qp);
  if (!chosen) return undefined;
  if (chosen.date) return chosen.date;
  return vscode.window.showInputBox({
    title: `Due date of ${ref.id || 'the action'}`,
    prompt: 'A date, YYYY-MM-DD',
    placeHolder: new Date(now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
    value: getCommands().isIsoDate(current) ? current : '',
    validateInput: v => (getCommands().isIsoDate(v.trim()) ? undefined : 'Write a date that exists as YYYY-MM-DD, e.g. 2026-12-11.'),
  }).then(v => v?.trim());
}

export function registerItemCommands(context: vscode.ExtensionContext, service: WorkspaceIndexService, tree: ActionsTreeProvider): void {
  const lookup = (ref: ActionRef) => service.index.get(ref.file)?.actions.find(a => (ref.id ? a.id === ref.id : a.line === ref.line));
  const reg = (id: string, fn: (...args: any[]) => Promise<unknown>) => context.subscriptions.push(vscode.commands.registerCommand(id, guarded(fn))); // eslint-disable-line @typescript-eslint/no-explicit-any

  reg('pir.actions.reveal', async (arg: unknown) => { await revealAction(needRef(arg)); return true; });

  reg('pir.actions.markDone', async (arg: unknown, value?: unknown) => {
    const ref = needRef(arg);
    let evidence = typeof value === 'string' ? value : undefined;
    if (evidence === undefined) {
      evidence = await vscode.window.showInputBox({
        title: `Mark ${ref.id || 'action'} done`,
        prompt: 'Evidence that it is done: a merged change, a closed ticket, a drill result (a link or a short text)',
        placeHolder: 'https://tracker.example.com/PLAT-2291',
        value: ref.evidence ?? lookup(ref)?.evidence ?? '',
        ignoreFocusOut: true,
        validateInput: v => (v.trim() ? undefined : 'Evidence is required: the format asks for proof that a ticked item is done.'),
      });
      if (evidence === undefined) return false;
    }
    const { doc, line } = await locate(ref);
    return applyToDocument(doc, line, (t, l) => getCommands().markDoneEdits(t, l, evidence!), 'mark done');
  });

  reg('pir.actions.setOwner', async (arg: unknown, value?: unknown) => {
    const ref = needRef(arg);
    let owner = typeof value === 'string' ? value : undefined;
    if (owner === undefined) {
      owner = await pickOwner(ref, service, ref.owner ?? lookup(ref)?.owner ?? '');
      if (owner === undefined) return false;
    }
    const { doc, line } = await locate(ref);
    return applyToDocument(doc, line, (t, l) => getCommands().setOwnerEdits(t, l, owner!), 'set owner');
  });

  reg('pir.actions.setDue', async (arg: unknown, value?: unknown) => {
    const ref = needRef(arg);
    let due = typeof value === 'string' ? value : undefined;
    if (due === undefined) {
      due = await pickDue(ref, ref.due ?? lookup(ref)?.due ?? '');
      if (due === undefined) return false;
    }
    const { doc, line } = await locate(ref);
    return applyToDocument(doc, line, (t, l) => getCommands().setDueEdits(t, l, due!), 'set due date');
  });

  // test hook: what the open Set Owner / Set Due quick pick offers (the test then moves and accepts with VS Code's own commands)
  context.subscriptions.push(vscode.commands.registerCommand('pir._test.quickPick', () => openPick
    ? { title: openPick.title, value: openPick.value, items: openPick.items.map(i => ({ label: i.label, description: i.description })), active: openPick.activeItems.map(i => i.label) }
    : undefined));

  reg('pir.actions.openTracking', async (arg: unknown) => {
    const ref = needRef(arg);
    const link = (ref.tracking ?? lookup(ref)?.tracking ?? '').trim();
    let url: URL | undefined;
    try { url = new URL(link); } catch { /* not a URL */ }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      void showWarning(link ? `The tracking link of ${ref.id || 'this action'} is not an http(s) address; it was not opened.` : `${ref.id || 'This action'} has no tracking link.`);
      return false;
    }
    return vscode.env.openExternal(vscode.Uri.parse(url.href, true));
  });

  reg('pir.actions.copyId', async (arg: unknown) => {
    const ref = needRef(arg);
    if (!ref.id) throw new UserError('This action item has no ID.');
    await vscode.env.clipboard.writeText(ref.id);
    statusMessage(`Copied ${ref.id}`, 3000);
    return ref.id;
  });

  // ------------------------------------------------------------------ the view's title bar

  reg('pir.actions.groupBy', async (value?: unknown) => {
    let by = typeof value === 'string' && GROUP_BYS.some(g => g.value === value) ? value as GroupBy : undefined;
    if (!by) {
      const pick = await vscode.window.showQuickPick(GROUP_BYS.map(g => ({ label: g.label, detail: g.detail, value: g.value, description: g.value === tree.groupBy ? 'current' : undefined })), { title: 'Group Corrective Actions by' });
      if (!pick) return false;
      by = pick.value;
    }
    await tree.setGroupBy(by);
    return true;
  });

  const filter = async (value?: unknown) => {
    if (value && typeof value === 'object') { await tree.setFilters(value as Partial<Filters>); return true; }
    const me = parseMe(readPirSettings().me);
    const f = tree.filters;
    type Item = vscode.QuickPickItem & { key: 'openOnly' | 'overdueOnly' | 'mine' };
    const items: Item[] = [
      { key: 'openOnly', label: 'Open only', description: 'open, in progress or blocked', picked: f.openOnly },
      { key: 'overdueOnly', label: 'Overdue only', description: 'open and past the due date', picked: f.overdueOnly },
      { key: 'mine', label: 'Mine', description: me.length ? iconSafe(`owner is ${me.map(m => '@' + m).join(' or ')} (pir.me)`) : 'set your handle in pir.me', picked: f.mine },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter Corrective Actions', canPickMany: true, placeHolder: 'Show only…' });
    if (!picked) return false;
    const next = { openOnly: false, overdueOnly: false, mine: false };
    for (const p of picked) next[p.key] = true;
    if (next.mine && !me.length) {
      const handle = await vscode.window.showInputBox({ title: 'Your handle', prompt: 'The owner handle that means you, e.g. @ana or "@ana, @checkout-platform" (saved in the pir.me setting)', ignoreFocusOut: true });
      if (!handle?.trim()) next.mine = false;
      else await updateMe(handle.trim());
    }
    await tree.setFilters(next);
    return true;
  };
  reg('pir.actions.filter', filter);
  reg('pir.actions.filter.active', filter);

  reg('pir.actions.filterText', async (value?: unknown) => {
    let text = typeof value === 'string' ? value : undefined;
    if (text === undefined) {
      text = await vscode.window.showInputBox({ title: 'Filter Corrective Actions by Text', prompt: 'Words in the ID, title, owner, domain, review or validation (empty: no text filter)', value: tree.filters.text });
      if (text === undefined) return false;
    }
    await tree.setFilters({ text: text.trim() });
    return true;
  });

  reg('pir.actions.clearFilters', async () => { await tree.setFilters({ ...NO_FILTERS }); return true; });
  reg('pir.actions.refresh', async () => { await service.rescan(); tree.refresh(); return true; });
}
