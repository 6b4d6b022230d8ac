// Restricted mode: the workspace is not trusted. The extension declares untrustedWorkspaces
// supported, treats .pir.yaml as data, and must work the same.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FakeTracker } from '../../../support/fake-tracker';
import { activeExtension, closeAll, quickFixFor, file, hasRule, open, waitFor, waitForDiagnostics, writeText } from '../shared/pir';

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
    const fix = await quickFixFor(uri, pdt.range, /Convert to UTC/);
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

describe('restricted mode: settings a workspace cannot set', () => {
  const settingsFile = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'settings.json');
  let original: Uint8Array | undefined;
  before(async () => {
    await activeExtension();
    try { original = await vscode.workspace.fs.readFile(settingsFile()); } catch { original = undefined; }
  });
  after(async () => {
    if (original) await vscode.workspace.fs.writeFile(settingsFile(), original);
    await closeAll();
  });

  it('ignores the workspace\'s pir.index.include/exclude and pir.newReview.folder; New Review and the views use the defaults', async () => {
    const ext = await activeExtension();
    const restricted = ext.packageJSON.capabilities.untrustedWorkspaces;
    assert.strictEqual(restricted.supported, 'limited');
    assert.deepStrictEqual([...restricted.restrictedConfigurations].sort(), ['pir.index.exclude', 'pir.index.include', 'pir.newReview.folder']);
    const base = original ? JSON.parse(new TextDecoder().decode(original)) : {};
    await writeText(settingsFile(), JSON.stringify({
      ...base,
      // a pattern that would take seconds per file, one that would hide every review, a folder elsewhere
      'pir.index.exclude': '**/*?*?*?*?*?*?*?*?*?*?*?*?*?*?x',
      'pir.index.include': 'nothing-here/**/*.pir.md',
      'pir.newReview.folder': 'planted',
      // not restricted: shows the file was read
      'pir.me': '@restricted-sentinel',
    }, null, 2));
    await waitFor(() => vscode.workspace.getConfiguration('pir').get('me') === '@restricted-sentinel', 'the workspace settings to be read', 30_000);
    const c = vscode.workspace.getConfiguration('pir');
    assert.strictEqual(c.get('index.include'), '**/*.pir.md', 'the default include');
    assert.strictEqual(c.get('index.exclude'), '**/node_modules/**', 'the default exclude');
    assert.strictEqual(c.get('newReview.folder'), 'reviews', 'the default folder');
    // the views still list the workspace's reviews, at once
    await vscode.commands.executeCommand('pir.actions.refresh');
    const t = Date.now();
    const reviews = await vscode.commands.executeCommand<{ uri: string }[]>('pir._test.reviewsTree');
    assert.ok(reviews.length > 0, 'the reviews are indexed with the default include');
    assert.ok(Date.now() - t < 5000);
    // New Review writes under the default folder, not the planted one
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pir.newReview', { title: 'Restricted mode check', severity: 'SEV3', noOpen: true });
    assert.ok(uri);
    assert.match(uri.path, /\/reviews\/[^/]+\.pir\.md$/);
    assert.ok(!uri.path.includes('/planted/'));
    await vscode.workspace.fs.delete(uri);
  });
});
