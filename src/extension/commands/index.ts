/**
 * Authoring commands: New Post-Incident Review and Import Markdown Postmortem. Both work in
 * untrusted and virtual workspaces (files through vscode.workspace.fs only); the import converter
 * (src/core/import) is loaded on first use.
 */
import * as vscode from 'vscode';
import type { Services } from '../shared/services';
import { newReview, type NewReviewArgs } from './newReview';
import { answerImport, importPostmortem, registerProposalProvider, type ImportArgs } from './importPostmortem';

export function registerCommands({ context, config: store }: Services): void {
  context.subscriptions.push(
    registerProposalProvider(),
    vscode.commands.registerCommand('pir.newReview', (args?: NewReviewArgs) => newReview(store, context.extensionUri, args)),
    // from the explorer: (clicked file, selected files); from the palette: nothing; from scripts: ImportArgs
    vscode.commands.registerCommand('pir.importPostmortem', (arg?: vscode.Uri | ImportArgs, all?: vscode.Uri[]) =>
      importPostmortem(store, arg instanceof vscode.Uri ? { uri: arg } : arg, all)),
    vscode.commands.registerCommand('pir.importPostmortem.write', (arg?: unknown) => answerImport(arg, true)),
    vscode.commands.registerCommand('pir.importPostmortem.discard', (arg?: unknown) => answerImport(arg, false)),
  );
}
