// Restricted mode: the workspace is not trusted. The extension declares untrustedWorkspaces
// supported, treats .pir.yaml as data, and must work the same.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, closeAll, codeActions, file, hasRule, open, waitForDiagnostics } from '../shared/pir';

describe('restricted mode (untrusted workspace)', () => {
  after(closeAll);

  it('runs in an untrusted workspace', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    const ext = await activeExtension();
    assert.strictEqual(ext.isActive, true);
  });

  it('reports diagnostics, honours .pir.yaml and offers quick fixes', async () => {
    const uri = file('headline.pir.md');
    const editor = await open(uri);
    const ds = await waitForDiagnostics(uri, d => hasRule('missing-root-cause')(d) && hasRule('vague-action')(d) && hasRule('non-utc-timestamp')(d), 'the headline problems');
    const pdt = ds.find(d => d.message.includes('06:25 PST'))!;
    assert.strictEqual(pdt.severity, vscode.DiagnosticSeverity.Error, '.pir.yaml read in restricted mode');
    const fix = (await codeActions(uri, pdt.range, 'quickfix')).find(a => a.isPreferred && /Convert to UTC/.test(a.title));
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(pdt.range.start.line).text, /14:25 UTC/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
