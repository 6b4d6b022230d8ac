/**
 * The VS Code extension: a thin adapter over the analysis core (src/core). One folder per feature.
 *
 * Activation stays cheap: the core (Markdown parser, YAML, time zones) is evaluated on first use,
 * and the first lint of already-open documents runs after activate() has returned.
 */
import * as vscode from 'vscode';
import { ConfigStore } from './config/configStore';
import { SettingsService } from './config/settings';
import { createWorkspaceIndex } from './workspaceIndex/workspaceIndex';
import type { Services } from './shared/services';
import { DiagnosticsManager } from './diagnostics/diagnostics';
import { registerCodeActions } from './actions/codeActions';
import { getCore } from './shared/core';
import { registerTracker } from './tree/tracker';
import { registerTimelineEditor } from './timeline';
import { registerHovers } from './hovers/hovers';
import { registerSymbols } from './symbols/symbols';
import { registerFolding } from './folding/folding';
import { registerCompletion } from './completion/completion';
import { registerStatusBar } from './statusBar/statusBar';
import { registerCommands } from './commands';

export interface PirExtensionApi {
  /** how long activate() took, in milliseconds */
  readonly activationMs: number;
  /** resolves when the diagnostics of the document are up to date (for tests and other extensions) */
  lint(uri: vscode.Uri): Promise<void>;
}

declare const PIR_TEST_HOOKS: boolean | undefined;

export function activate(context: vscode.ExtensionContext): PirExtensionApi {
  const t0 = performance.now();
  // the shared services, built once and handed to every feature
  const log = lazyLog(context);
  const settings = new SettingsService();
  const config = new ConfigStore();
  const index = createWorkspaceIndex(context, settings, log);
  const diagnostics = new DiagnosticsManager(config, settings, index, log);
  context.subscriptions.push(settings, config, diagnostics, registerCodeActions(diagnostics));
  const services: Services = { context, log, settings, config, index, diagnostics };
  const trackers = registerTracker(services);
  registerTimelineEditor(services);
  registerCommands(services);
  registerHovers(services);
  registerSymbols(services);
  registerFolding(services);
  registerCompletion(services);
  registerStatusBar(services);
  if (typeof PIR_TEST_HOOKS !== 'undefined' && PIR_TEST_HOOKS) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./testHooks') as typeof import('./testHooks')).registerTestHooks(services, trackers);
  }
  // after activate() has returned: evaluate the core, read .pir.yaml files, lint open reviews
  setTimeout(() => {
    diagnostics.lintAll();
    void config.warm().catch(() => undefined);
    setTimeout(() => getCore(), 0);
  }, 0);
  const activationMs = performance.now() - t0;
  setTimeout(() => log.info(`activated in ${activationMs.toFixed(1)} ms`), 0);
  return {
    activationMs,
    async lint(uri) {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri);
      await diagnostics.lint(doc);
    },
  };
}

/** The output channel, created on first use (it is not needed to activate). */
function lazyLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  let channel: vscode.LogOutputChannel | undefined;
  const get = () => {
    if (!channel) {
      channel = vscode.window.createOutputChannel('Post-Incident Reviews', { log: true });
      context.subscriptions.push(channel);
    }
    return channel;
  };
  return new Proxy({} as vscode.LogOutputChannel, {
    get: (_t, key) => {
      const c = get() as unknown as Record<string | symbol, unknown>;
      const v = c[key];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(c) : v;
    },
  });
}

export function deactivate(): void { /* everything is in context.subscriptions */ }
