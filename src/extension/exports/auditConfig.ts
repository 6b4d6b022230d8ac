/**
 * The `.pir.yaml` that applies to a review, for the audit (the review-meeting deadline per
 * severity): the nearest one in the review's folder or a folder above it, within its workspace
 * folder, read through workspace.fs and parsed by the core (data only, never executed). Problems in
 * the file are the diagnostics' business; here a broken file just means the defaults.
 */
import * as vscode from 'vscode';
import type { Config } from '../../core';
import { getCore } from '../shared/core';

const CONFIG_FILE = '.pir.yaml';
const decoder = new TextDecoder('utf-8');

export class AuditConfigs implements vscode.Disposable {
  private byDir = new Map<string, Promise<Config>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor() {
    const w = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const changed = () => { this.byDir.clear(); this.emitter.fire(); };
    this.disposables.push(w, w.onDidCreate(changed), w.onDidChange(changed), w.onDidDelete(changed), this.emitter,
      vscode.workspace.onDidChangeWorkspaceFolders(changed));
  }

  /** The configuration of every review, resolved ahead (buildAudit wants a synchronous lookup). */
  async resolveAll(uris: string[]): Promise<(uri: string) => Config> {
    const configs = new Map<string, Config>();
    await Promise.all(uris.map(async u => { configs.set(u, await this.configFor(vscode.Uri.parse(u))); }));
    return uri => configs.get(uri) ?? getCore().defaultConfig();
  }

  configFor(uri: vscode.Uri): Promise<Config> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve(getCore().defaultConfig());
    return this.forDir(vscode.Uri.joinPath(uri, '..'), folder.uri);
  }

  private forDir(dir: vscode.Uri, root: vscode.Uri): Promise<Config> {
    const key = dir.toString();
    let p = this.byDir.get(key);
    if (!p) {
      p = (async () => {
        try {
          const text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, CONFIG_FILE)));
          return getCore().parseConfig(text).config;
        } catch { /* none here */ }
        const rootPath = root.path.replace(/\/+$/, '');
        const dirPath = dir.path.replace(/\/+$/, '');
        if (dirPath === rootPath || !dirPath.startsWith(rootPath + '/')) return getCore().defaultConfig();
        return this.forDir(vscode.Uri.joinPath(dir, '..'), root);
      })();
      this.byDir.set(key, p);
    }
    return p;
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}
