/**
 * The configuration that applies to a review: the nearest `.pir.yaml` in its folder or a folder
 * above it (within its workspace folder), read through vscode.workspace.fs so it works in the
 * browser and on virtual file systems, then the user's `pir.*` settings on top.
 *
 * `.pir.yaml` is data: it is parsed as YAML and validated by the core, never executed. Problems in
 * it are reported as diagnostics on the file itself.
 */
import * as vscode from 'vscode';
import type { Config } from '../../core/config';
import { readPirSettings, type PirSettings } from './settings';
import { getCore } from '../shared/core';
import type { AsyncConfigResolver, ResolvedConfig } from '../../core/configFiles';
import type * as ConfigFiles from '../../core/configFiles';
import { toRange, toSeverity } from '../shared/convert';

export const CONFIG_FILE = '.pir.yaml';

/** The core's resolver module, loaded with the core on first use. */
function getCoreConfigFiles(): typeof ConfigFiles {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../core/configFiles') as typeof ConfigFiles;
}

/** The settings the configuration and the diagnostics use (a view of the typed settings object). */
export type Settings = Pick<PirSettings, 'enable' | 'run' | 'severityOverrides' | 'defaultTimezone'>;

/** The `pir.*` settings for a resource (config/settings.ts). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  return readPirSettings(scope);
}

export class ConfigStore implements vscode.Disposable {
  /** the core's `.pir.yaml` resolver over vscode.workspace.fs, stopping at the workspace folder (made on first use: it loads the core) */
  private current?: AsyncConfigResolver;
  private get resolver(): AsyncConfigResolver { return (this.current ??= this.newResolver()); }
  /** `.pir.yaml` files whose problems are published */
  private published = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('pir-config');
  /** fires when a `.pir.yaml` was created, changed or deleted */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const changed = (uri: vscode.Uri) => this.invalidate(uri);
    this.disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      // an unsaved edit is not applied, but saving through the editor should be noticed even if
      // the file watcher is slow (or excluded by files.watcherExclude)
      vscode.workspace.onDidSaveTextDocument(d => { if (isConfigFile(d.uri)) this.invalidate(d.uri); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      this.configDiagnostics, this.emitter);
  }

  invalidate(uri?: vscode.Uri): void {
    this.current = undefined;
    this.published.clear();
    if (uri && !isConfigFile(uri)) return;
    if (uri) this.configDiagnostics.delete(uri);
    this.emitter.fire();
  }

  /**
   * Reads every `.pir.yaml` ahead of the first document (after activation), so opening a review
   * does not wait for file-system round trips.
   */
  async warm(): Promise<void> {
    const known = await this.list();
    if (known) await Promise.all(known.map(k => this.publish(this.resolver.load(k))));
  }

  /**
   * The effective configuration for a document: `.pir.yaml` (if any), then the settings' severity
   * overrides. `defaultTimezone` stays the team's: the user's zone is a separate fallback (zoneFallback.ts).
   */
  async configFor(doc: vscode.TextDocument, settings = readSettings(doc)): Promise<Config> {
    return this.effective(await this.teamConfigFor(doc.uri), settings);
  }

  /** The team's configuration for a file (its `.pir.yaml`, without settings); undefined outside a workspace folder. */
  async teamConfigFor(uri: vscode.Uri): Promise<Config | undefined> {
    if (!vscode.workspace.getWorkspaceFolder(uri) || uri.scheme === 'untitled') return undefined;
    const r = await this.publish(this.resolver.forDir(vscode.Uri.joinPath(uri, '..').toString()));
    return r.file ? r.config : undefined;
  }

  /**
   * The team's configuration for files in `dir` (a review about to be created or imported there):
   * the nearest `.pir.yaml` at `dir` or above it, without settings; the defaults when there is none.
   */
  async teamConfigIn(dir: vscode.Uri): Promise<Config> {
    if (!vscode.workspace.getWorkspaceFolder(dir)) return getCore().defaultConfig();
    return (await this.publish(this.resolver.forDir(dir.toString()))).config;
  }

  effective(base: Config | undefined, settings: Settings): Config {
    const config = base ? { ...base, rules: { ...base.rules } } : getCore().defaultConfig();
    Object.assign(config.rules, settings.severityOverrides);
    return config;
  }

  private newResolver(): AsyncConfigResolver {
    const uriOf = (s: string) => vscode.Uri.parse(s);
    return new (getCoreConfigFiles().AsyncConfigResolver)({
      parent: dir => { const u = uriOf(dir); return u.path === '/' || u.path === '' ? undefined : vscode.Uri.joinPath(u, '..').toString(); },
      join: (dir, name) => vscode.Uri.joinPath(uriOf(dir), name).toString(),
      // read, not looked up in the search made at warm(): a .pir.yaml created with its folder (a
      // checkout, a copy) can come before the watcher watches that folder, and its event is lost
      read: async file => { try { return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uriOf(file))); } catch { return undefined; } },
      // the search stops at the document's workspace folder
      isBoundary: dir => {
        const u = uriOf(dir);
        const folder = vscode.workspace.getWorkspaceFolder(u);
        return !folder || folder.uri.path.replace(/\/+$/, '') === u.path.replace(/\/+$/, '');
      },
    });
  }

  /** Shows a `.pir.yaml`'s problems on the file itself, once per read. */
  private async publish<T extends ResolvedConfig | undefined>(p: Promise<T>): Promise<T> {
    const r = await p;
    if (r?.file && !this.published.has(r.file)) {
      this.published.add(r.file);
      this.configDiagnostics.set(vscode.Uri.parse(r.file), r.findings.map(f => {
        const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
        d.source = 'pir';
        d.code = f.rule;
        return d;
      }));
    }
    return r;
  }

  /**
   * One search for every `.pir.yaml`, read ahead by warm(). Only for file-system workspaces;
   * virtual file systems may have no search provider.
   */
  private async list(): Promise<string[] | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length || folders.some(f => f.uri.scheme !== 'file')) return undefined;
    try {
      return (await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**')).map(u => u.toString());
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith('/' + CONFIG_FILE);
}
