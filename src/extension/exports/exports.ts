/**
 * Exports from the editor, with the core functions the CLI uses, so that "Export Corrective
 * Actions" writes exactly what `pir actions --format … --output FILE` writes when run from the
 * workspace folder (same files, same order, paths relative to the folder, 1-based lines), and
 * "Show Audit Report" shows what `pir report` prints.
 *
 * The index holds the text the editor shows: a review with unsaved changes is exported as it is on
 * screen, where the CLI reads the saved file. The command offers to save first.
 */
import * as vscode from 'vscode';
import { showError, showInfo, showWarning, statusMessage } from '../shared/notify';
import { safeWrite, WriteRefused } from '../shared/safeWrite';
import type { IndexedAction, ReviewSummary } from '../../core';
import type { ExportedAction } from '../../core/commands';
import type { AuditReport } from '../../core/export/report';
import { getCommands, getCore } from '../shared/core';
import { workspaceFacts, type WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import { relativeTo } from '../workspaceIndex/globs';
import type { AuditConfigs } from './auditConfig';
import { now as clockNow } from '../shared/clock';

export type ExportFormat = 'csv' | 'json' | 'md';
export const FORMATS: { format: ExportFormat; label: string; ext: string; filter: string }[] = [
  { format: 'csv', label: 'CSV', ext: 'csv', filter: 'CSV' },
  { format: 'json', label: 'JSON', ext: 'json', filter: 'JSON' },
  { format: 'md', label: 'Markdown', ext: 'md', filter: 'Markdown' },
];

/** The reviews of one workspace folder, in the CLI's order (by path), and their actions. */
export function folderContent(service: WorkspaceIndexService, folder: vscode.WorkspaceFolder, now: Date): { reviews: ReviewSummary[]; actions: IndexedAction[]; show: (uri: string) => string } {
  const rel = new Map<string, string>();
  const pathOf = new Map<string, string>();
  for (const r of service.index.reviews()) {
    const u = vscode.Uri.parse(r.uri);
    const p = relativeTo(folder.uri, u);
    if (p !== undefined) { rel.set(r.uri, p); pathOf.set(r.uri, u.path); }
  }
  const byPath = (x: string, y: string) => pathOf.get(x)!.localeCompare(pathOf.get(y)!);
  const reviews = service.index.reviews().filter(r => rel.has(r.uri)).sort((x, y) => byPath(x.uri, y.uri));
  // stable: items keep their order in the file
  const actions = service.index.actions(now).filter(a => rel.has(a.file)).sort((x, y) => byPath(x.file, y.file));
  return { reviews, actions, show: uri => rel.get(uri) ?? uri };
}

export function exportRows(service: WorkspaceIndexService, folder: vscode.WorkspaceFolder, now = clockNow()): ExportedAction[] {
  const { actions, show } = folderContent(service, folder, now);
  // with the last ticket sync, when there was one (the tickets feature): ticket state and sync time
  return getCommands().toExported(actions, show, workspaceFacts(service)?.tickets);
}

/** The file content: what `pir actions --format F --output FILE` writes (ends with one line break). */
export function exportText(service: WorkspaceIndexService, folder: vscode.WorkspaceFolder, format: ExportFormat, now = clockNow()): string {
  const core = getCommands();
  const rows = exportRows(service, folder, now);
  const text = format === 'csv' ? core.actionsToCsv(rows) : format === 'json' ? core.actionsToJson(rows) : core.actionsToMarkdown(rows);
  return text.endsWith('\n') ? text : text + '\n';
}

export async function buildFolderAudit(service: WorkspaceIndexService, configs: AuditConfigs, folder: vscode.WorkspaceFolder, now = clockNow()): Promise<AuditReport> {
  const { reviews, actions, show } = folderContent(service, folder, now);
  const config = await configs.resolveAll(reviews.map(r => r.uri));
  return getCore().buildAudit(reviews, actions, { now, config, showFile: show, tickets: workspaceFacts(service)?.tickets });
}

async function pickFolder(title: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: title });
}

/** Reviews with unsaved changes: the export shows them as on screen; offer to save first. */
async function checkUnsaved(service: WorkspaceIndexService): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter(d => d.isDirty && service.inScope(d.uri));
  if (!dirty.length) return true;
  const save = 'Save and Export';
  const asShown = 'Export As Shown';
  const pick = await showWarning(
    `${dirty.length} review${dirty.length === 1 ? ' has' : 's have'} unsaved changes.`,
    { modal: true, detail: 'The export uses the text as the editor shows it; `pir actions` reads the saved files.' },
    save, asShown);
  if (pick === save) { for (const d of dirty) await d.save(); await service.flush(); return true; }
  return pick === asShown;
}

export interface ExportArgs {
  format?: ExportFormat; target?: vscode.Uri | string; folder?: vscode.Uri | string;
  /** cancels the export like the notification's Cancel button (callers in this extension host) */
  token?: vscode.CancellationToken;
}

export function registerExports(context: vscode.ExtensionContext, service: WorkspaceIndexService, configs: AuditConfigs, log?: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('pir.exportActions', async (args?: ExportArgs) => {
      // called with arguments (tests, other extensions): no dialogs
      const quiet = !!args && typeof args === 'object' && 'format' in args;
      await service.whenReady();
      let format = quiet ? args!.format : undefined;
      if (!format) {
        const pick = await vscode.window.showQuickPick(FORMATS.map(f => ({ label: f.label, description: `.${f.ext}`, format: f.format })), { title: 'Export Corrective Actions', placeHolder: 'Format' });
        if (!pick) return undefined;
        format = pick.format;
      }
      const spec = FORMATS.find(f => f.format === format);
      if (!spec) throw new Error(`Unknown format "${format}": use csv, json or md.`);
      const folder = quiet && args!.folder ? vscode.workspace.getWorkspaceFolder(typeof args!.folder === 'string' ? vscode.Uri.parse(args!.folder) : args!.folder) : await pickFolder('Export the actions of which folder?');
      if (!folder) { if (!quiet) void showInfo('Open a folder with reviews to export its corrective actions.'); return undefined; }
      if (!quiet && !(await checkUnsaved(service))) return undefined;
      let target = quiet && args!.target ? (typeof args!.target === 'string' ? vscode.Uri.parse(args!.target) : args!.target) : undefined;
      if (!target) {
        target = await vscode.window.showSaveDialog({
          title: 'Export Corrective Actions',
          defaultUri: vscode.Uri.joinPath(folder.uri, `corrective-actions.${spec.ext}`),
          filters: { [spec.filter]: [spec.ext] },
          saveLabel: 'Export',
        });
        if (!target) return undefined;
      }
      const to = target;
      // VS Code's progress notification, cancellable until the file is written (a cancelled export writes nothing)
      const rows = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting the corrective actions (${spec.label})`, cancellable: true }, async (progress, token) => {
        const cancelled = () => token.isCancellationRequested || !!args?.token?.isCancellationRequested;
        const t0 = performance.now();
        progress.report({ message: 'reading the reviews…' });
        await service.flush();
        if (cancelled()) return undefined;
        progress.report({ message: 'writing the register…', increment: 60 });
        const text = exportText(service, folder, spec.format);
        const n = exportRows(service, folder).length;
        if (cancelled()) return undefined;
        try {
          // where the user chose, but never through a symbolic link planted under that name
          await safeWrite(to, new TextEncoder().encode(text), { folder: null });
        } catch (e) {
          if (!(e instanceof WriteRefused)) throw e;
          log?.warn(`export: ${e.message}`);
          void showError(e.message);
          return undefined;
        }
        progress.report({ increment: 40 });
        log?.info(`exported ${n} actions as ${spec.label} to ${to.toString(true)} in ${(performance.now() - t0).toFixed(0)} ms`);
        return n;
      });
      if (rows === undefined) {
        log?.info('export of the corrective actions cancelled: nothing written');
        return undefined;
      }
      if (!quiet) {
        // the confirmation is the register itself, open in the editor (a notification can go unseen)
        await vscode.window.showTextDocument(to, { preview: true });
        statusMessage(`PIR: exported ${rows} corrective action${rows === 1 ? '' : 's'}`, 5000);
      }
      return target.toString();
    }),

    vscode.commands.registerCommand('pir.showAuditReport', async (args?: { folder?: vscode.Uri | string; preview?: boolean }) => {
      await service.whenReady();
      await service.flush();
      const folder = args?.folder ? vscode.workspace.getWorkspaceFolder(typeof args.folder === 'string' ? vscode.Uri.parse(args.folder) : args.folder) : await pickFolder('Audit the reviews of which folder?');
      if (!folder) { void showInfo('Open a folder with reviews to audit them.'); return undefined; }
      const audit = await buildFolderAudit(service, configs, folder);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: getCore().auditToMarkdown(audit) });
      await vscode.window.showTextDocument(doc, { preview: false });
      if (args?.preview !== false) {
        try { await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri); } catch { /* no Markdown preview here: the source is open */ }
      }
      return doc.uri.toString();
    }),
  );
}
