// Corrective actions as tickets in real VS Code, against a local fake GitHub started by the suite
// (test/support/fake-tracker.ts; its responses are checked against GitHub's OpenAPI description by
// the unit tests): nothing is sent before the host is confirmed; create tickets for a review's
// items and see the links written (one undo step); close one on the server, refresh, see the
// ticket-drift finding and the tree's mark, fix it both ways; a failing tracker leaves the review
// untouched; the token is in no file of the workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTracker } from '../../../support/fake-tracker';
import { activeExtension, closeAll, codeActions, codeOf, file, folder, open, sleep, waitFor, waitForDiagnostics } from '../shared/pir';

const TOKEN = 'ghp_integrationTestToken_5f2c9e1a7b3d';
const REPO = 'acme/incident-actions';
const WEBHOOK = () => file('reviews', '2026-11-14-webhook-retries.pir.md');
const QUEUE = () => file('reviews', '2026-11-20-queue-lag.pir.md');

interface TreeItem { label: string; description: string; contextValue: string; id: string }
interface TreeSnapshot { groups: { label: string; items: TreeItem[] }[] }
const treeItems = async () => (await vscode.commands.executeCommand<TreeSnapshot>('pir._test.actionsTree')).groups.flatMap(g => g.items);
const docText = async (uri: vscode.Uri) => (await vscode.workspace.openTextDocument(uri)).getText();
const links = (text: string) => [...text.matchAll(/^ {2}- tracking: (\S+)$/gm)].map(m => m[1]);

describe('tickets', () => {
  let fake: FakeTracker;

  before(async () => {
    fake = await new FakeTracker({ githubToken: TOKEN, jiraToken: 'unused' }).start();
    await vscode.workspace.fs.writeFile(file('.pir.yaml'), new TextEncoder().encode(
      `tracker:\n  github:\n    repository: ${REPO}\n    apiUrl: ${fake.url}\n    labels: [corrective-action]\n    owners:\n      "@ana": ana-p\n`));
    await activeExtension();
    await vscode.commands.executeCommand('pir._test.indexStats'); // the index is ready
  });

  after(async () => {
    await vscode.workspace.getConfiguration('pir').update('tickets.trustedHosts', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
    await fake.close();
  });

  it('sends nothing to a host named by .pir.yaml until the user trusts it, nor without a token', async () => {
    const before = await docText(WEBHOOK());
    assert.strictEqual(await vscode.commands.executeCommand('pir.tickets.create', { file: WEBHOOK().toString() }, { interactive: false }), false);
    assert.strictEqual(fake.requests.length, 0, 'no request reached the tracker');
    // trusted in user settings, but no token stored for the host yet
    await vscode.workspace.getConfiguration('pir').update('tickets.trustedHosts', [fake.url], vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand('pir.tickets.create', { file: WEBHOOK().toString() }, { interactive: false }), false);
    assert.strictEqual(fake.requests.length, 0);
    assert.strictEqual(await docText(WEBHOOK()), before, 'the review is untouched');
  });

  it("creates tickets for a review's open items and writes their links as one undoable edit", async () => {
    assert.strictEqual(await vscode.commands.executeCommand('pir.tickets.setToken', fake.url, TOKEN), true);
    const editor = await open(WEBHOOK());
    const before = editor.document.getText();
    const result = await vscode.commands.executeCommand<{ created: { id: string; url: string }[]; failed: unknown[] }>('pir.tickets.create', { file: WEBHOOK().toString() });
    assert.deepStrictEqual(result.failed, []);
    assert.deepStrictEqual(result.created.map(c => c.id), ['CAP-74-1', 'CAP-74-2'], 'the done item gets no ticket');
    const text = editor.document.getText();
    assert.deepStrictEqual(links(text), result.created.map(c => c.url));
    assert.match(text, /validation: a dry run with an untrusted issuer stops before the swap\n {2}- tracking: http:\/\/127\.0\.0\.1:\d+\/acme\/incident-actions\/issues\/\d+\n/);
    const issues = fake.repo(REPO).issues;
    assert.strictEqual(issues.length, 2);
    assert.strictEqual(issues[0].title, 'CAP-74-1: Check the webhook client\'s trust store in the rotation runbook\'s dry run');
    assert.deepStrictEqual(issues[0].assignees, ['ana-p'], 'the owners map of .pir.yaml');
    assert.deepStrictEqual(issues[0].labels, ['corrective-action', 'prevent']);
    assert.match(issues[0].body, /- Review: reviews\/2026-11-14-webhook-retries\.pir\.md/);

    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === before, 'one undo removes both links');
    await vscode.commands.executeCommand('redo');
    await waitFor(() => links(editor.document.getText()).length === 2, 'redo writes them again');
    await editor.document.save();
  });

  it('refresh reads the tickets; a ticket closed on the tracker is a ticket-drift finding and a mark in the tree; taking the tracker\'s value fixes it', async () => {
    const url = links(await docText(WEBHOOK()))[0];
    fake.closeGitHubIssue(REPO, Number(/issues\/(\d+)$/.exec(url)![1]));
    const r = await vscode.commands.executeCommand<{ read: number; errors: number; drift: number }>('pir.tickets.refresh');
    assert.deepStrictEqual(r, { read: 2, errors: 0, drift: 1 });

    const uri = WEBHOOK();
    await open(uri);
    const ds = await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'ticket-drift'), 'the ticket-drift finding');
    const drift = ds.filter(d => codeOf(d) === 'ticket-drift');
    assert.strictEqual(drift.length, 1);
    assert.match(drift[0].message, /^acme\/incident-actions#\d+ is closed \(closed \(completed\)\) but CAP-74-1 is still open\. \(synced \d{4}-\d{2}-\d{2} \d\d:\d\d UTC\)/);

    const item = await waitFor(async () => (await treeItems()).find(i => i.label.startsWith('CAP-74-1') && /closed \(completed\) ⚠/.test(i.description)), 'the tree shows the ticket state and the drift');
    assert.match(item.contextValue, /;ticket;drift$/);
    const other = (await treeItems()).find(i => i.label.startsWith('CAP-74-2'))!;
    assert.match(other.description, /acme\/incident-actions#\d+ open$/);

    // the register export and the audit report carry the ticket state and the sync time
    const target = vscode.Uri.joinPath(folder(), 'out', 'actions.csv');
    await vscode.commands.executeCommand('pir.exportActions', { format: 'csv', target, folder: folder() });
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(csv.split('\n')[0], /,tracking,ticketState,ticketSynced,/);
    assert.match(csv, /CAP-74-1,.*,closed \(closed \(completed\)\),\d{4}-\d{2}-\d{2}T\d\d:\d\d/);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'out'), { recursive: true });
    const reportUri = await vscode.commands.executeCommand<string>('pir.showAuditReport', { folder: folder(), preview: false });
    const reportDoc = await vscode.workspace.openTextDocument(vscode.Uri.parse(reportUri));
    const report = reportDoc.getText();
    assert.match(report, /## Tickets\n\nLast sync \d{4}-\d{2}-\d{2} \d\d:\d\d UTC: 2 actions with a tracking link, 2 tickets read \(1 open, 1 closed\), 0 not read, 1 disagreeing with the review\./);
    // the report is an untitled document: make it the active editor, then revert and close it
    await vscode.window.showTextDocument(reportDoc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // the light bulb: take the tracker's value (the rule's fix) or push the item's (a command)
    await open(uri);
    const [current] = (await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'ticket-drift'), 'the ticket-drift finding, still')).filter(d => codeOf(d) === 'ticket-drift');
    const actions = await codeActions(uri, current.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map(a => a.title);
    assert.ok(titles.some(t => /^Reopen acme\/incident-actions#\d+ \(push the item's value to the tracker\)$/.test(t)), titles.join(' | '));
    const take = actions.find(a => /^Mark CAP-74-1 done \(acme\/incident-actions#\d+ is closed\)$/.test(a.title));
    assert.ok(take?.edit, titles.join(' | '));
    assert.ok(!take.isPreferred, 'never applied automatically');
    assert.ok(await vscode.workspace.applyEdit(take.edit));
    await waitForDiagnostics(uri, d => !d.some(x => codeOf(x) === 'ticket-drift'), 'no drift after taking the tracker\'s value');
    const text = await docText(uri);
    assert.match(text, /- \[x\] CAP-74-1:/);
    assert.match(text, /evidence: acme\/incident-actions#\d+ closed: http:\/\/127\.0\.0\.1/);
  });

  it("pushing the item's value updates the ticket and leaves the review as it is", async () => {
    const uri = WEBHOOK();
    const editor = await open(uri);
    // the author moves CAP-74-2's due date: the milestone on the tracker now disagrees
    const line = editor.document.getText().split('\n').findIndex(l => l.includes('due: 2027-01-22'));
    await editor.edit(e => e.replace(new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length), '  - due: 2027-02-12'));
    const ds = await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'ticket-drift'), 'the due date drift');
    const diag = ds.find(x => codeOf(x) === 'ticket-drift')!;
    assert.match(diag.message, /is due 2027-01-22, but CAP-74-2 is due 2027-02-12/);
    const before = editor.document.getText();
    const push = (await codeActions(uri, diag.range, vscode.CodeActionKind.QuickFix.value)).find(a => /^Set acme\/incident-actions#\d+'s due date to 2027-02-12/.test(a.title));
    assert.ok(push?.command);
    assert.strictEqual(await vscode.commands.executeCommand(push.command.command, ...(push.command.arguments ?? [])), true);
    const issue = fake.repo(REPO).issues.find(i => i.title.startsWith('CAP-74-2'))!;
    const ms = fake.repo(REPO).milestones.find(m => m.number === issue.milestone)!;
    assert.strictEqual(ms.due_on, '2027-02-12T00:00:00Z');
    await waitForDiagnostics(uri, d => !d.some(x => codeOf(x) === 'ticket-drift'), 'no drift after the push');
    assert.strictEqual(editor.document.getText(), before, 'the review is not changed by a push');
    await editor.document.save();
  });

  it('a failing tracker gives a message per item and leaves the review untouched', async () => {
    const uri = QUEUE();
    const before = await docText(uri);
    fake.failNext(503, { times: 1, body: { message: 'Service Unavailable' } }); // the first request (the milestones) fails
    const r = await vscode.commands.executeCommand<{ created: unknown[]; failed: { id: string; error: string }[] }>('pir.tickets.create', { file: uri.toString() });
    assert.deepStrictEqual(r.created, []);
    assert.strictEqual(r.failed.length, 1);
    assert.match(r.failed[0].error, /^GitHub milestones: the tracker answered 503: Service Unavailable; try again later\.$/);
    assert.strictEqual(await docText(uri), before);
    // later, with the tracker back: a selection of the tree's items (here the review's one item)
    const line = before.split('\n').findIndex(l => l.includes('CAP-79-1'));
    const again = await vscode.commands.executeCommand<{ created: { id: string }[] }>('pir.tickets.create', { file: uri.toString(), line, id: 'CAP-79-1' }, [{ file: uri.toString(), line, id: 'CAP-79-1' }]);
    assert.deepStrictEqual(again.created.map(c => c.id), ['CAP-79-1']);
    assert.strictEqual(links(await docText(uri)).length, 1);
  });

  it('the token is in no file of the workspace', async () => {
    await sleep(200);
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]);
    for (const f of walk(folder().fsPath)) assert.ok(!fs.readFileSync(f, 'utf8').includes(TOKEN), `no token in ${f}`);
    // VS Code's logs (the extension's output channel among them) and the user settings, when the
    // runner's user data folder is known (code-server: next to XDG_CONFIG_HOME)
    const xdg = process.env.XDG_CONFIG_HOME;
    if (xdg) {
      const userData = path.join(path.dirname(xdg), 'user-data');
      const logFiles = () => (fs.existsSync(path.join(userData, 'logs')) ? walk(path.join(userData, 'logs')) : []);
      await waitFor(() => logFiles().some(f => /Post-Incident Reviews/.test(f) && /→ http:\/\/127\.0\.0\.1/.test(fs.readFileSync(f, 'utf8'))), "the extension's log, recording the tickets it opened", 15_000, 250);
      const logs = logFiles();
      for (const f of [...logs, path.join(userData, 'User', 'settings.json')].filter(x => fs.existsSync(x))) assert.ok(!fs.readFileSync(f, 'utf8').includes(TOKEN), `no token in ${f}`);
    }
    const snapshot = await vscode.commands.executeCommand<unknown>('pir._test.ticketSnapshot');
    assert.ok(!JSON.stringify(snapshot).includes(TOKEN), 'nor in the stored sync');
    for (const r of fake.requests) assert.ok(!JSON.stringify(r.body ?? '').includes(TOKEN), 'nor in any request body');
  });
});
