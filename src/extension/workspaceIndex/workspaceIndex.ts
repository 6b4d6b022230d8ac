/**
 * The workspace index as the rest of the extension sees it: one service per window, created by
 * activate() (extension.ts) and handed to the features that need it (diagnostics for the
 * cross-file rules, the trees, hovers, completion, exports) in the shared services.
 *
 * Facts are undefined until the first scan finished (cross-file rules then stay quiet rather than
 * report a duplicate they cannot see yet); onDidChangeFacts fires when they arrive and whenever an
 * action or review ID appears, disappears or moves to another file, not on every edit. Index keys
 * are `uri.toString()`, the same string the diagnostics pass as `uri`.
 */
import * as vscode from 'vscode';
import type { WorkspaceFacts } from '../../core';
import type { SettingsService } from '../config/settings';
import { WorkspaceIndexService } from './indexService';

export { WorkspaceIndexService, DEBOUNCE_MS, type IndexStats } from './indexService';

/** What the cross-file rules know of the workspace now; undefined before the first scan. */
export function workspaceFacts(service: WorkspaceIndexService | undefined): WorkspaceFacts | undefined {
  return service?.ready ? service.facts() : undefined;
}

/** Creates the service (once per activation) and starts its first scan after activate() returns. */
export function createWorkspaceIndex(context: vscode.ExtensionContext, settings: SettingsService, log?: vscode.LogOutputChannel): WorkspaceIndexService {
  const s = new WorkspaceIndexService(context, settings, log);
  context.subscriptions.push(s);
  setTimeout(() => s.start(), 0);
  return s;
}
