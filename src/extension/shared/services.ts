/**
 * The services the extension builds once in activate() and hands to every feature's register…():
 * the settings, the `.pir.yaml` configuration, the workspace index, the diagnostics and the log.
 * No feature creates one of these itself or reaches it through a module-level variable.
 */
import type * as vscode from 'vscode';
import type { SettingsService } from '../config/settings';
import type { ConfigStore } from '../config/configStore';
import type { WorkspaceIndexService } from '../workspaceIndex/indexService';
import type { DiagnosticsManager } from '../diagnostics/diagnostics';

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  settings: SettingsService;
  config: ConfigStore;
  index: WorkspaceIndexService;
  diagnostics: DiagnosticsManager;
}
