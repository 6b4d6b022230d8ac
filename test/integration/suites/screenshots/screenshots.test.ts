// README screenshots from the real editor: the example draft review with the hover of the
// `06:25 PST` diagnostic, and the quick-fix menus. scripts/screenshots.mjs runs this suite with a
// screenshot folder and copies the PNGs to media/screenshots/; without one (a normal test run)
// requestScreenshot does nothing and the suite only checks that hover and menu open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestScreenshot } from '../../runner/helpers';
import { activeExtension, file, hasRule, sleep, waitForDiagnostics } from '../shared/pir';

const DRAFT = ['reviews', '2026-11-18-login-outage-draft.pir.md'];

async function run(cmd: string, ...args: unknown[]): Promise<void> {
  try { await vscode.commands.executeCommand(cmd, ...args); } catch { /* a layout command the build lacks */ }
}

describe('screenshots', () => {
  before(async () => {
    await activeExtension();
    await run('workbench.action.closeAuxiliaryBar');
    await run('workbench.action.closePanel');
    await run('workbench.action.closeSidebar');
    await run('notifications.clearAll');
  });

  it('diagnostic with its hover', async () => {
    const uri = file(...DRAFT);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitForDiagnostics(uri, hasRule('non-utc-timestamp'), 'diagnostics on the draft');
    const pos = new vscode.Position(48, 4);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(34, 0, 62, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(1500);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1200);
    await requestScreenshot('diagnostic-hover');
    await run('editor.action.hideHover');
  });

  it('quick-fix menu on the non-UTC stamp', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const pos = new vscode.Position(48, 4);
    editor.selection = new vscode.Selection(pos, pos);
    await sleep(300);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    await requestScreenshot('quick-fix-menu');
    await run('hideCodeActionWidget');
    await sleep(300);
  });

  it('quick-fix menu on the vague action item', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const pos = new vscode.Position(100, 20);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(84, 0, 112, 0), vscode.TextEditorRevealType.AtTop);
    await sleep(800);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    await requestScreenshot('quick-fix-vague-action');
    await run('hideCodeActionWidget');
  });
});
