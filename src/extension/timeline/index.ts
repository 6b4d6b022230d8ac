/**
 * The timeline editor feature: the custom editor (`pir.timeline`, opened beside the text with
 * "Open Timeline Editor") and the "Export Timeline as SVG" command.
 */
import * as vscode from 'vscode';
import { showError, showInfo } from '../shared/notify';
import { safeWrite } from '../shared/safeWrite';
import { TimelineEditorProvider, VIEW_TYPE, viewOf } from './provider';
import { getCommands } from '../shared/core';
import type { Services } from '../shared/services';

const SVG_NAME = (reviewName: string) => reviewName.replace(/\.pir\.md$/i, '').replace(/\.md$/i, '') + '.timeline.svg';

export function registerTimelineEditor({ context, settings }: Services): void {
  // the output channel is created on first use: nothing to pay at activation
  let out: vscode.LogOutputChannel | undefined;
  const log = (s: string) => {
    if (!out) { out = vscode.window.createOutputChannel('PIR Timeline Editor', { log: true }); context.subscriptions.push(out); }
    out.info(s);
  };
  const provider = new TimelineEditorProvider(context.extensionUri, settings, log, doc => exportSvg(doc, log));

  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, provider, {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('pir.openTimeline', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri ?? provider.activePanel?.doc.uri;
      if (!target) {
        void showInfo('Open a post-incident review (*.pir.md) first.');
        return;
      }
      await vscode.commands.executeCommand('vscode.openWith', target, VIEW_TYPE, vscode.ViewColumn.Beside);
    }),
    vscode.commands.registerCommand('pir.exportTimelineSvg', async (uri?: vscode.Uri) => {
      let doc: vscode.TextDocument | undefined;
      if (uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
      else if (provider.activePanel?.panel.active) doc = provider.activePanel.doc;
      else doc = vscode.window.activeTextEditor?.document ?? provider.activePanel?.doc;
      if (!doc) {
        void showInfo('Open a post-incident review (*.pir.md) first.');
        return;
      }
      return exportSvg(doc, log);
    }),
  );
}

/**
 * Writes `<name>.timeline.svg` next to the review (vscode.workspace.fs: works on any file system and
 * in the browser); refuses a link or a folder link on the way (shared/safeWrite), with one message.
 */
export async function exportSvg(doc: vscode.TextDocument, log: (s: string) => void): Promise<vscode.Uri | undefined> {
  const core = getCommands();
  const view = viewOf(doc);
  const svg = core.sceneToSvg(core.layoutPicture(view, 1000), view.title ? `Timeline: ${view.title}` : `Timeline of ${view.fileName}`);
  const name = SVG_NAME(doc.uri.path.split('/').pop() ?? 'review');
  const target = vscode.Uri.joinPath(doc.uri, '..', name);
  try {
    // never through a symbolic link planted where the picture goes (shared/safeWrite)
    await safeWrite(target, new TextEncoder().encode(svg));
  } catch (e) {
    log(`timeline: could not write ${target.toString()}: ${(e as Error).message}`);
    void showError(`Could not save the timeline picture: ${(e as Error).message}`);
    return undefined;
  }
  log(`timeline: exported ${target.toString()}`);
  void showInfo(`Saved the timeline picture as ${name}.`, 'Open').then(choice => {
    if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}
