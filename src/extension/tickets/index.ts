/**
 * Corrective actions as tickets in the editor: open tickets for one item, a review or a selection
 * of the Corrective Actions view (links written into `tracking:` by one undoable WorkspaceEdit);
 * refresh the linked tickets' state (kept in the workspace state, shown in the tree, compared by
 * the ticket-drift rule); take the tracker's value into the item or push the item's value to the
 * ticket. The tracker clients load on the first ticket command (clients.ts); access.ts decides
 * whether anything may be sent, and with which token.
 *
 * Commands take a tree node, a selection of nodes, or `{ file, line?, id? }` (tests and other
 * callers; without `line` the whole review), and an options object `{ interactive: false }` that
 * refuses instead of asking (host confirmation, token entry).
 */
import * as vscode from 'vscode';
import type { ActionRecord, IndexedAction, TicketEntry, TicketSnapshot, TicketState, TrackerConfig, TrackerPort } from '../../core';
import type { Services } from '../shared/services';
import { showError, showInfo, showWarning } from '../shared/notify';
import { getCommands, getCore } from '../shared/core';
import { toTextEdit } from '../shared/convert';
import { itemExtras } from '../tree/actionsTree';
import { ensureAllowed, forgetToken, promptToken, Refused, storeToken, tokenFor } from './access';
import { ClientsUnavailable, loadTrackerClients } from './clients';

const SNAPSHOT_KEY = 'pir.tickets.snapshot';

interface Target { file: string; line?: number; id?: string }
interface Options { interactive: boolean }

class UserError extends Error {}

function optionsOf(v: unknown): Options {
  return { interactive: !(v && typeof v === 'object' && (v as { interactive?: unknown }).interactive === false) };
}

/** Tree nodes (action, review group, Reviews view item), `{ file, line?, id? }`, a Uri, or an array of them → targets. */
function targetsOf(arg: unknown, selection: unknown): Target[] {
  const list = Array.isArray(selection) && selection.length ? selection : arg === undefined ? [] : [arg];
  const out: Target[] = [];
  for (const n of list as unknown[]) {
    if (!n || typeof n !== 'object') continue;
    if (n instanceof vscode.Uri) { out.push({ file: n.toString() }); continue; }
    const o = n as { kind?: string; action?: IndexedAction; group?: { uri?: string }; uri?: unknown; file?: unknown; line?: unknown; id?: unknown };
    if (o.kind === 'action' && o.action) out.push({ file: o.action.file, line: o.action.line, id: o.action.id });
    else if (o.kind === 'group' && o.group?.uri) out.push({ file: o.group.uri });
    else if (typeof o.file === 'string') out.push({ file: o.file, line: typeof o.line === 'number' ? o.line : undefined, id: typeof o.id === 'string' ? o.id : undefined });
    else if (typeof o.uri === 'string') out.push({ file: o.uri });
  }
  if (!out.length) {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === 'pir') out.push({ file: doc.uri.toString() });
  }
  return out;
}

declare const PIR_TEST_HOOKS: boolean | undefined;

export function registerTickets({ context, config: store, index: service, log }: Services): void {
  let snapshot = context.workspaceState.get<TicketSnapshot>(SNAPSHOT_KEY);
  const setWorkspaceTickets = (s: TicketSnapshot | undefined) => service.setTickets(s);
  /** review file → its tracker, as last resolved (the tree's drift marks use it) */
  const trackerOf = new Map<string, TrackerConfig | undefined>();
  if (snapshot) setWorkspaceTickets(snapshot);

  const save = async (next: TicketSnapshot) => {
    snapshot = next;
    await context.workspaceState.update(SNAPSHOT_KEY, next);
    setWorkspaceTickets(next);
    itemExtras.changed.fire();
  };

  // the tree: the linked ticket's state after the item's other facts
  itemExtras.describe = (a) => {
    if (!snapshot || !a.tracking) return undefined;
    const core = getCore();
    const url = core.trackingUrl(a.tracking);
    const e = url ? snapshot.tickets[url] : undefined;
    if (!e) return undefined;
    const synced = `synced ${e.syncedAt.slice(0, 16).replace('T', ' ')} UTC`;
    if (core.isTicketError(e)) return { text: 'ticket not read', tooltip: `Ticket not read (${synced}): ${e.error}`, context: ['ticket'] };
    const drift = core.driftOf(a, e, trackerOf.get(a.file));
    return {
      text: `${e.key} ${e.status}${drift.length ? ' ⚠' : ''}`,
      tooltip: `Ticket ${e.key}: ${e.status}, ${synced}.${drift.map(d => ` ${d.message}`).join('')}`,
      context: drift.length ? ['ticket', 'drift'] : ['ticket'],
    };
  };

  const trackerFor = async (file: string): Promise<TrackerConfig | undefined> => {
    const uri = vscode.Uri.parse(file);
    const config = await store.teamConfigIn(vscode.Uri.joinPath(uri, '..'));
    trackerOf.set(file, config.tracker);
    return config.tracker;
  };

  /** A client for one command: allowed (trust, confirmed host) and with a token, or Refused. */
  const portFor = async (tracker: TrackerConfig, o: Options): Promise<TrackerPort> => {
    await ensureAllowed(tracker, context.globalState, o);
    const token = await tokenFor(tracker, context.secrets, o);
    return loadTrackerClients().createTracker(tracker, token);
  };

  const reg = (id: string, fn: (...args: any[]) => Promise<unknown>) => context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof UserError || e instanceof Refused || e instanceof ClientsUnavailable) { log.warn(e.message); void showError(e.message); return false; }
      const message = getCommands().failureMessage(e);
      log.error(`${id}: ${message}`);
      void showError(`Tickets: ${message}`);
      return false;
    }
  }));

  // ------------------------------------------------------------------------------- create

  reg('pir.tickets.create', async (arg: unknown, selection?: unknown, options?: unknown) => {
    const o = optionsOf(Array.isArray(selection) ? options : selection ?? options);
    const targets = targetsOf(arg, Array.isArray(selection) ? selection : undefined);
    if (!targets.length) throw new UserError('Pick a corrective action or a review in the Corrective Actions view, or open a review, to create tickets.');
    const byFile = new Map<string, Target[]>();
    for (const t of targets) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
    const created: { file: string; id: string; url: string; key: string }[] = [];
    const failed: { file: string; id: string; error: string }[] = [];
    for (const [file, items] of byFile) {
      const uri = vscode.Uri.parse(file);
      const tracker = await trackerFor(file);
      const name = vscode.workspace.asRelativePath(uri);
      if (!tracker) throw new UserError(`No tracker is configured for ${name}: add a tracker: block to .pir.yaml (docs/tickets.md).`);
      const doc = await vscode.workspace.openTextDocument(uri);
      const core = getCore();
      const commands = getCommands();
      const summary = core.summarize(file, doc.getText());
      const wholeReview = items.some(t => t.line === undefined);
      const wanted = (a: ActionRecord) => wholeReview || items.some(t => (t.id ? a.id === t.id : a.line === t.line));
      const pending = commands.itemsNeedingTicket(summary).filter(wanted);
      if (!pending.length) {
        if (!wholeReview) throw new UserError(`${items.map(t => t.id).filter(Boolean).join(', ') || 'This item'} already ha${items.length === 1 ? 's' : 've'} a tracking link or is closed: no ticket was opened.`);
        continue;
      }
      const port = await portFor(tracker, o);
      const links: { id: string; line: number; title: string; url: string }[] = [];
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Opening tickets in ${core.trackerLabel(tracker)}`, cancellable: false }, async progress => {
        for (const a of pending) {
          progress.report({ message: a.id || a.title, increment: 100 / pending.length });
          try {
            const t = await port.create(core.ticketFor(a, { id: summary.id, title: summary.title, link: name }, tracker));
            links.push({ id: a.id, line: a.line, title: a.title, url: t.url });
            created.push({ file, id: a.id, url: t.url, key: t.key });
            log.info(`${name}:${a.line + 1} ${a.id} → ${t.url}`);
          } catch (e) {
            const error = commands.failureMessage(e);
            failed.push({ file, id: a.id || a.title, error });
            log.warn(`${name}:${a.line + 1} ${a.id}: not created: ${error}`);
          }
        }
      });
      if (!links.length) continue;
      // the links go into the document as it is now (the author may have typed meanwhile): one edit, one undo step
      const before = doc.getText();
      const { text, missed } = commands.writeLinks(before, links);
      for (const m of missed) failed.push({ file, id: m.id || m.title, error: `its ticket ${m.url} was opened, but the item changed meanwhile: add the link by hand` });
      const edit = commands.replaceEdit(before, text);
      if (edit) {
        const we = new vscode.WorkspaceEdit();
        we.set(uri, [toTextEdit(edit)]);
        if (!await vscode.workspace.applyEdit(we)) throw new UserError(`Tickets were opened but ${name} could not be edited: ${links.map(l => `${l.id} ${l.url}`).join(', ')}.`);
      }
    }
    if (failed.length) {
      void showError(`${failed.length} ticket${failed.length === 1 ? '' : 's'} not opened (those items are unchanged): ${failed.slice(0, 3).map(f => `${f.id}: ${f.error}`).join(' · ')}${failed.length > 3 ? ' · …' : ''}`);
    }
    if (created.length) {
      void showInfo(`Opened ${created.length} ticket${created.length === 1 ? '' : 's'}; the links are in the review (Undo removes them; save to keep them).`);
    } else if (!failed.length) {
      void showInfo('Every open action item here already has a tracking link.');
    }
    return { created, failed };
  });

  // ------------------------------------------------------------------------------- refresh

  reg('pir.tickets.refresh', async (options?: unknown) => {
    const o = optionsOf(options);
    if (!vscode.workspace.isTrusted) throw new Refused('This workspace is not trusted, so nothing is sent to a tracker. Trust the workspace to create or sync tickets.');
    await service.whenReady();
    await service.flush(); // the links just written or saved, not the index as of the last debounce
    const core = getCore();
    const commands = getCommands();
    const groups = new Map<string, { tracker: TrackerConfig; urls: string[] }>();
    for (const r of service.index.reviews()) {
      const tracker = await trackerFor(r.uri);
      if (!tracker) continue;
      const key = JSON.stringify(tracker);
      const g = groups.get(key) ?? { tracker, urls: [] };
      g.urls.push(...commands.linkedTickets(r, tracker).map(l => l.url));
      groups.set(key, g);
    }
    const urls = [...groups.values()].flatMap(g => g.urls);
    if (!urls.length) { void showInfo('No action item links a ticket of the tracker in .pir.yaml yet.'); return { read: 0, errors: 0, drift: 0 }; }
    const tickets: Record<string, TicketEntry> = { ...(snapshot?.tickets ?? {}) };
    const refused: string[] = [];
    await vscode.window.withProgress({ location: { viewId: 'pir.actions' }, title: 'Reading tickets' }, async () => {
      for (const g of groups.values()) {
        let port: TrackerPort;
        try { port = await portFor(g.tracker, o); } catch (e) { if (e instanceof Refused) { refused.push(e.message); continue; } throw e; }
        Object.assign(tickets, await commands.readTickets(g.urls, port, e => { if (core.isTicketError(e)) log.warn(`${e.url}: ${e.error}`); }));
      }
    });
    if (refused.length && refused.length === groups.size) throw new Refused(refused[0]);
    await save({ syncedAt: new Date().toISOString(), tickets });
    const entries = urls.map(u => tickets[u]).filter(Boolean);
    const errors = entries.filter(e => core.isTicketError(e)).length;
    let drift = 0;
    for (const r of service.index.reviews()) {
      const tracker = trackerOf.get(r.uri);
      if (!tracker) continue;
      for (const l of commands.linkedTickets(r, tracker)) {
        const e = tickets[l.url];
        if (e && !core.isTicketError(e) && core.driftOf(l.action, e, tracker).length) drift++;
      }
    }
    const msg = `Read ${entries.length - errors} ticket${entries.length - errors === 1 ? '' : 's'}: ${drift} disagree${drift === 1 ? 's' : ''} with the review${errors ? `, ${errors} could not be read (see the item's tooltip)` : ''}.`;
    if (errors || refused.length) void showWarning([msg, ...refused].join(' '));
    else void showInfo(msg);
    return { read: entries.length - errors, errors, drift };
  });

  // ------------------------------------------------------------------------- take / push

  /** The item, its ticket at the last sync and the drift to act on (asked when there are several). */
  const driftAt = async (arg: unknown, kind: unknown) => {
    const [t] = targetsOf(arg, undefined);
    if (!t || t.line === undefined && !t.id) throw new UserError('Pick a corrective action in the Corrective Actions view first.');
    const uri = vscode.Uri.parse(t.file);
    const doc = await vscode.workspace.openTextDocument(uri);
    const core = getCore();
    const review = core.parseReview(doc.getText(), { uri: t.file });
    const item = review.actions.find(a => (t.id ? a.id === t.id : a.line === t.line));
    if (!item) throw new UserError(`${t.id || 'The action item'} is no longer in ${vscode.workspace.asRelativePath(uri)}.`);
    const url = core.trackingUrl(item.fields.get('tracking')?.value ?? '');
    const e = url ? snapshot?.tickets[url] : undefined;
    if (!url || !e) throw new UserError(`${item.id || 'This item'} has no synced ticket: run Refresh Ticket Status first.`);
    if (core.isTicketError(e)) throw new UserError(`${e.url} could not be read at the last sync: ${e.error}`);
    const tracker = await trackerFor(t.file);
    const facts = { id: item.id ?? '', status: item.status, owner: item.fields.get('owner')?.value ?? '', due: item.fields.get('due')?.value ?? '' };
    const drifts = core.detectDrift(facts, e, tracker);
    if (!drifts.length) throw new UserError(`${item.id || 'The item'} agrees with ${e.key} (as of the last sync).`);
    let d = drifts.find(x => x.kind === kind);
    if (!d && drifts.length === 1) d = drifts[0];
    if (!d) {
      const pick = await vscode.window.showQuickPick(drifts.map(x => ({ label: x.message, drift: x })), { title: `${item.id || 'The item'} and ${e.key} disagree` });
      if (!pick) return undefined;
      d = pick.drift;
    }
    return { doc, uri, item, ticket: e as TicketState, drift: d, tracker };
  };

  reg('pir.tickets.takeTrackerValue', async (arg: unknown, kind?: unknown) => {
    const at = await driftAt(arg, kind);
    if (!at) return false;
    const fix = getCommands().takeTrackerValue(at.doc.getText(), at.item, at.drift, at.ticket);
    if (!fix) throw new UserError(`${at.ticket.key} has no value to take for this (${at.drift.message}).`);
    const we = new vscode.WorkspaceEdit();
    we.set(at.uri, fix.edits.map(toTextEdit));
    if (!await vscode.workspace.applyEdit(we)) throw new UserError(`Could not edit ${vscode.workspace.asRelativePath(at.uri)}.`);
    return true;
  });

  reg('pir.tickets.pushItemValue', async (arg: unknown, kind?: unknown, options?: unknown) => {
    const at = await driftAt(arg, kind);
    if (!at) return false;
    if (!at.tracker) throw new UserError('No tracker is configured for this review in .pir.yaml.');
    const patch = getCore().pushPatch(at.drift);
    if (!patch) throw new UserError(`The item has no value to push for this (${at.drift.message}).`);
    const port = await portFor(at.tracker, optionsOf(options));
    const state = await port.update(at.ticket.url, patch);
    await save({ syncedAt: snapshot?.syncedAt ?? state.syncedAt, tickets: { ...(snapshot?.tickets ?? {}), [state.url]: state } });
    void showInfo(`${state.key} updated: ${state.status}${state.owner ? `, ${state.owner}` : ''}${state.due ? `, due ${state.due}` : ''}.`);
    return true;
  });

  // ------------------------------------------------------------------------------- tokens

  reg('pir.tickets.setToken', async (origin?: unknown, token?: unknown) => {
    let host = typeof origin === 'string' ? origin : undefined;
    if (!host) {
      const doc = vscode.window.activeTextEditor?.document;
      const tracker = doc?.languageId === 'pir' ? await trackerFor(doc.uri.toString()) : undefined;
      host = await vscode.window.showInputBox({ title: 'Tracker host', prompt: 'The Jira site or GitHub Enterprise API address the token is for', value: tracker ? getCore().trackerOrigin(tracker) : 'https://', ignoreFocusOut: true });
      if (!host) return false;
    }
    try { host = new URL(host).origin; } catch { throw new UserError(`"${host}" is not an address such as https://jira.example.com.`); }
    const value = typeof token === 'string' ? token : await promptToken(undefined, host);
    if (!value) return false;
    await storeToken(context.secrets, host, value);
    return true;
  });

  reg('pir.tickets.forgetToken', async (origin?: unknown) => {
    const host = typeof origin === 'string' ? origin : await vscode.window.showInputBox({ title: 'Forget the token of which host?', value: 'https://', ignoreFocusOut: true });
    if (!host) return false;
    await forgetToken(context.secrets, host);
    return true;
  });

  // the light bulb on a ticket-drift finding: push the item's value (taking the tracker's is the rule's own fix)
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider({ language: 'pir' }, {
    async provideCodeActions(doc, _range, ctx) {
      const drifted = ctx.diagnostics.filter(d => (typeof d.code === 'object' ? d.code.value : d.code) === 'ticket-drift');
      if (!drifted.length || !snapshot) return [];
      const core = getCore();
      const tracker = await trackerFor(doc.uri.toString());
      if (!tracker) return [];
      const summary = core.summarize(doc.uri.toString(), doc.getText());
      const out: vscode.CodeAction[] = [];
      for (const diag of drifted) {
        const item = [...summary.actions].reverse().find(a => a.line <= diag.range.start.line);
        const url = item && core.trackingUrl(item.tracking);
        const e = url ? snapshot.tickets[url] : undefined;
        if (!item || !e || core.isTicketError(e)) continue;
        const d = core.driftOf(item, e, tracker).find(x => diag.message.startsWith(x.message));
        if (!d || !core.pushPatch(d)) continue;
        const what = d.kind === 'ticket-closed' ? `Reopen ${e.key}` : d.kind === 'ticket-open' ? `Close ${e.key}` : d.kind === 'assignee' ? `Assign ${e.key} to ${d.itemValue}` : d.itemValue ? `Set ${e.key}'s due date to ${d.itemValue}` : `Clear ${e.key}'s due date`;
        const action = new vscode.CodeAction(`${what} (push the item's value to the tracker)`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diag];
        action.command = { command: 'pir.tickets.pushItemValue', title: what, arguments: [{ file: doc.uri.toString(), line: item.line, id: item.id }, d.kind] };
        out.push(action);
      }
      return out;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));

  // test hook (development builds only, as testHooks.ts): the last sync as plain JSON
  if (typeof PIR_TEST_HOOKS !== 'undefined' && PIR_TEST_HOOKS) context.subscriptions.push(vscode.commands.registerCommand('pir._test.ticketSnapshot', () => snapshot));
}
