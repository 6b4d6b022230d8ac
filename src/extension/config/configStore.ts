/**
 * The configuration that applies to a review: the nearest `.pir.yaml` in its folder or a folder
 * above it (within its workspace folder), read through vscode.workspace.fs so it works in the
 * browser and on virtual file systems, then the user's `pir.*` settings on top.
 *
 * `.pir.yaml` is data: it is parsed as YAML and validated by the core, never executed. Problems in
 * it are reported as diagnostics on the file itself.
 */
import * as vscode from 'vscode';
import type { Config, RuleSetting } from '../../core/config';
import { getCore } from '../shared/core';
import { toRange, toSeverity } from '../shared/convert';

export const CONFIG_FILE = '.pir.yaml';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  severityOverrides: Record<string, RuleSetting>;
  defaultTimezone?: string;
}

const VALID = new Set(['error', 'warning', 'info', 'off']);

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('pir', scope);
  const overrides: Record<string, RuleSetting> = {};
  const raw = c.get<Record<string, unknown>>('severityOverrides') ?? {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && VALID.has(v)) overrides[k] = v as RuleSetting;
  }
  const tz = c.get<string>('defaultTimezone')?.trim();
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    severityOverrides: overrides,
    defaultTimezone: tz || undefined,
  };
}

interface ParsedFile { uri: vscode.Uri; config: Config }

export class ConfigStore implements vscode.Disposable {
  /** folder URI → the `.pir.yaml` that applies there (undefined: none) */
  private nearest = new Map<string, Promise<vscode.Uri | undefined>>();
  /** every `.pir.yaml` in the workspace, when the workspace can be searched (file-system folders) */
  private listing?: Promise<Set<string> | undefined>;
  /** `.pir.yaml` URI → its parsed content */
  private parsed = new Map<string, Promise<ParsedFile | undefined>>();
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
    this.listing = undefined;
    this.nearest.clear();
    this.parsed.clear();
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
    if (known) await Promise.all([...known].map(k => this.parsedFile(vscode.Uri.parse(k))));
  }

  /**
   * The effective configuration for a document: `.pir.yaml` (if any), then the settings' severity
   * overrides. `defaultTimezone` stays the team's: the user's zone is a separate fallback (zoneFallback.ts).
   */
  async configFor(doc: vscode.TextDocument, settings = readSettings(doc)): Promise<Config> {
    const file = await this.fileFor(doc.uri);
    return this.effective(file?.config, settings);
  }

  /**
   * The team's configuration for files in `dir` (a review about to be created or imported there):
   * the nearest `.pir.yaml` at `dir` or above it, without settings; the defaults when there is none.
   */
  async teamConfigIn(dir: vscode.Uri): Promise<Config> {
    const folder = vscode.workspace.getWorkspaceFolder(dir);
    const configUri = folder ? await this.nearestFrom(dir, folder.uri) : undefined;
    const file = configUri ? await this.parsedFile(configUri) : undefined;
    return file?.config ?? getCore().defaultConfig();
  }

  effective(base: Config | undefined, settings: Settings): Config {
    const config = base ? { ...base, rules: { ...base.rules } } : getCore().defaultConfig();
    Object.assign(config.rules, settings.severityOverrides);
    return config;
  }

  private async fileFor(uri: vscode.Uri): Promise<ParsedFile | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme === 'untitled') return undefined;
    const configUri = await this.nearestFrom(vscode.Uri.joinPath(uri, '..'), folder.uri);
    return configUri ? this.parsedFile(configUri) : undefined;
  }

  private parsedFile(configUri: vscode.Uri): Promise<ParsedFile | undefined> {
    const key = configUri.toString();
    let p = this.parsed.get(key);
    if (!p) { p = this.read(configUri); this.parsed.set(key, p); }
    return p;
  }

  private nearestFrom(dir: vscode.Uri, root: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = dir.toString();
    let p = this.nearest.get(key);
    if (!p) {
      p = (async () => {
        const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE);
        const known = await this.list();
        if (known ? known.has(candidate.toString()) : await exists(candidate)) return candidate;
        const rootPath = root.path.replace(/\/+$/, '');
        const dirPath = dir.path.replace(/\/+$/, '');
        if (dirPath === rootPath || !dirPath.startsWith(rootPath + '/')) return undefined;
        return this.nearestFrom(vscode.Uri.joinPath(dir, '..'), root);
      })();
      this.nearest.set(key, p);
    }
    return p;
  }

  /**
   * One search for every `.pir.yaml` instead of a stat per folder level. Only for file-system
   * workspaces; virtual file systems may have no search provider, and fall back to stat.
   */
  private list(): Promise<Set<string> | undefined> {
    if (!this.listing) {
      this.listing = (async () => {
        const folders = vscode.workspace.workspaceFolders ?? [];
        if (!folders.length || folders.some(f => f.uri.scheme !== 'file')) return undefined;
        try {
          const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**');
          return new Set(found.map(u => u.toString()));
        } catch {
          return undefined;
        }
      })();
    }
    return this.listing;
  }

  private async read(uri: vscode.Uri): Promise<ParsedFile | undefined> {
    let text: string;
    try {
      // an open editor on the file may hold the saved text; read the file, as the CLI does
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
    const { config, findings } = getCore().parseConfig(text);
    this.configDiagnostics.set(uri, findings.map(f => {
      const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
      d.source = 'pir';
      d.code = f.rule;
      return d;
    }));
    return { uri, config };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith('/' + CONFIG_FILE);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    const s = await vscode.workspace.fs.stat(uri);
    return (s.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}
