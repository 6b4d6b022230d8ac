// Smoke test: the extension loads in a real VS Code, recognises a *.pir.md
// file as language `pir` and reports diagnostics with source `pir` for it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestScreenshot, waitFor } from '../../runner/helpers';

const EXTENSION_ID = 'pir-tools.pir-reviews';
const FIXTURE = '2026-11-01-cache-outage.pir.md';

describe('smoke', () => {
  it(`finds and activates ${EXTENSION_ID}`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('reports pir diagnostics for an open .pir.md file', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, FIXTURE);

    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'pir', 'a *.pir.md file gets language id pir');

    const diagnostics = await waitFor(() => {
      const pir = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pir');
      return pir.length > 0 ? pir : undefined;
    }, `diagnostics with source "pir" for ${FIXTURE}`, 30_000);
    const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code ?? '');
    for (const d of diagnostics) {
      console.log(`    diagnostic line ${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`);
    }
    // The fixture has no "Root cause" section on purpose.
    assert.ok(
      diagnostics.some((d) => codeOf(d) === 'missing-root-cause'),
      `a missing-root-cause diagnostic among: ${diagnostics.map(codeOf).join(', ')}`,
    );

    // Show the problems next to the file for the screenshot (no-op without a screenshot dir).
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await new Promise((r) => setTimeout(r, 1000));
    await requestScreenshot('smoke-problems');
  });
});
