// The extension as users get it: installed from the packaged VSIX (scripts/package-test.mjs installs
// it with `code-server --install-extension` into a fresh extensions folder), not loaded from source.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, closeAll, quickFixFor, file, hasRule, open, waitForDiagnostics } from '../shared/pir';

describe('installed VSIX', () => {
  after(closeAll);

  it('is installed from the VSIX, not the source folder', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    console.log(`    installed at ${ext.extensionUri.toString()}`);
    assert.ok(!ext.extensionUri.path.endsWith('/work/main'), 'not the development folder');
    assert.match(ext.extensionUri.path, /pir-tools\.pir-reviews-\d+\.\d+\.\d+/);
    for (const p of ['dist/extension.js', 'dist/core.js', 'dist/commands.js', 'dist/tagger.js', 'dist/tracker-clients.js', 'dist/web/extension.js', 'dist/web/tagger.js', 'syntaxes/pir.tmLanguage.json', 'snippets/pir.code-snippets', 'schemas/pir-config.schema.json', 'media/icon.png', 'LICENSE.txt']) {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, p));
    }
    for (const p of ['src', 'test', 'node_modules', 'dist/extension.js.map']) {
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, p))), `${p} is not shipped`);
    }
  });

  it('activates and reports the headline problems with quick fixes', async () => {
    const ext = await activeExtension();
    console.log(`    activate() took ${ext.exports.activationMs.toFixed(1)} ms`);
    const uri = file('headline.pir.md');
    const editor = await open(uri);
    assert.strictEqual(editor.document.languageId, 'pir');
    const ds = await waitForDiagnostics(uri, d => hasRule('missing-root-cause')(d) && hasRule('vague-action')(d) && hasRule('non-utc-timestamp')(d), 'the headline problems');
    const pdt = ds.find(d => d.message.includes('06:25 PST'))!;
    const fix = await quickFixFor(uri, pdt.range, /Convert to UTC/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(pdt.range.start.line).text, /14:25 UTC/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
