// Restricted mode: the workspace is not trusted. The extension declares untrustedWorkspaces
// supported, treats .pir.yaml as data, and must work the same.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FakeTracker } from '../../../support/fake-tracker';
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

  it('sends nothing to a tracker: not even to a host the user trusts, with a token stored', async () => {
    const token = 'ghp_restrictedModeToken_0c4d';
    const fake = await new FakeTracker({ githubToken: token, jiraToken: 'unused' }).start();
    try {
      await vscode.workspace.getConfiguration('pir').update('tickets.trustedHosts', [fake.url], vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('pir.tickets.setToken', fake.url, token);
      const enc = (s: string) => new TextEncoder().encode(s);
      await vscode.workspace.fs.writeFile(file('tickets', '.pir.yaml'), enc(`tracker:\n  github:\n    repository: acme/actions\n    apiUrl: ${fake.url}\n`));
      const review = file('tickets', 'queue.pir.md');
      const text = '---\nid: INC-2026-090\ntitle: Queue lag\nstatus: draft\n---\n\n# Queue lag\n\n## Action items\n\n- [ ] CAP-90-1: Alert when consumer lag exceeds 5 minutes\n  - owner: @li\n  - due: 2027-01-15\n';
      await vscode.workspace.fs.writeFile(review, enc(text));
      assert.strictEqual(await vscode.commands.executeCommand('pir.tickets.create', { file: review.toString() }), false);
      assert.strictEqual(await vscode.commands.executeCommand('pir.tickets.refresh'), false);
      assert.strictEqual(fake.requests.length, 0, 'no request reached the tracker');
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(review)), text);
      assert.strictEqual((await vscode.workspace.openTextDocument(review)).getText(), text, 'the review is untouched');
    } finally {
      await vscode.workspace.getConfiguration('pir').update('tickets.trustedHosts', undefined, vscode.ConfigurationTarget.Global);
      await fake.close();
    }
  });
});
