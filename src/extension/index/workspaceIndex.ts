/**
 * The workspace index as the rest of the extension sees it: one service per window, created by
 * registerTracker(). Consumers that may start before it (the diagnostics) use the module-level
 * functions, which work in any order:
 *
 *   analyze(text, { config, uri: doc.uri.toString(), workspace: currentWorkspaceFacts() })
 *   onDidChangeWorkspaceFacts(() => lint the open reviews again)
 *
 * Facts are undefined until the first scan finished (cross-file rules then stay quiet rather than
 * report a duplicate they cannot see yet); onDidChangeWorkspaceFacts fires when they arrive and
 * whenever an action or review ID appears, disappears or moves to another file, not on every edit.
 * Index keys are `uri.toString()`, the same string the diagnostics pass as `uri`.
 */
import * as vscode from 'vscode';
import type { TicketSnapshot, WorkspaceFacts } from '../../core';
import { WorkspaceIndexService } from './indexService';

export { WorkspaceIndexService, DEBOUNCE_MS, type IndexStats } from './indexService';

let service: WorkspaceIndexService | undefined;
const factsEmitter = new vscode.EventEmitter<void>();
const createdEmitter = new vscode.EventEmitter<WorkspaceIndexService>();

/** Fires when the workspace's action or review IDs changed (and once the first scan is done). */
export const onDidChangeWorkspaceFacts: vscode.Event<void> = factsEmitter.event;
/** Fires when the index service is created (for consumers that want the index itself). */
export const onDidCreateWorkspaceIndex: vscode.Event<WorkspaceIndexService> = createdEmitter.event;

let tickets: TicketSnapshot | undefined;

/** What the cross-file rules know of the workspace now (with the last ticket sync); undefined before the first scan. */
export function currentWorkspaceFacts(): WorkspaceFacts | undefined {
  if (!service?.ready) return undefined;
  return tickets ? { ...service.facts(), tickets } : service.facts();
}

/** The last ticket sync (the tickets feature sets it); the open reviews are linted again. */
export function setWorkspaceTickets(snapshot: TicketSnapshot | undefined): void {
  tickets = snapshot;
  factsEmitter.fire();
}

export function workspaceIndex(): WorkspaceIndexService | undefined {
  return service;
}

/** Creates the service (once per activation) and starts its first scan after activate() returns. */
export function createWorkspaceIndex(context: vscode.ExtensionContext, log?: vscode.LogOutputChannel): WorkspaceIndexService {
  const s = new WorkspaceIndexService(context, log);
  service = s;
  context.subscriptions.push(s, s.onDidChangeFacts(() => factsEmitter.fire()), {
    dispose: () => { if (service === s) service = undefined; },
  });
  createdEmitter.fire(s);
  setTimeout(() => s.start(), 0);
  return s;
}
