/**
 * The `.pir.yaml` that applies to each review, for the audit (the review-meeting deadline per
 * severity): the team's configuration as the ConfigStore resolves it (the core's resolver: the
 * nearest file in the review's folder or above, within its workspace folder), without the user's
 * settings. A broken file just means the defaults here; its problems are the diagnostics' business.
 */
import * as vscode from 'vscode';
import type { Config } from '../../core';
import type { ConfigStore } from '../config/configStore';
import { getCore } from '../shared/core';

export class AuditConfigs implements vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly store: ConfigStore) {
    this.onDidChange = store.onDidChange;
  }

  /** The configuration of every review, resolved ahead (buildAudit wants a synchronous lookup). */
  async resolveAll(uris: string[]): Promise<(uri: string) => Config> {
    const configs = new Map<string, Config>();
    await Promise.all(uris.map(async u => { configs.set(u, await this.configFor(vscode.Uri.parse(u))); }));
    return uri => configs.get(uri) ?? getCore().defaultConfig();
  }

  async configFor(uri: vscode.Uri): Promise<Config> {
    try { return (await this.store.teamConfigFor(uri)) ?? getCore().defaultConfig(); } catch { return getCore().defaultConfig(); }
  }

  dispose(): void { /* the store is disposed by its owner */ }
}
