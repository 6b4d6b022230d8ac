// Authoring commands in a real VS Code: New Post-Incident Review (arguments, and once through the
// command palette, the input box and the quick pick), Import Markdown Postmortem (the diff, the
// notification's button, cancel), and the Get Started walkthrough. Screenshots of the walkthrough
// and of the import diff go to out/screenshots/commands/.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestScreenshot } from '../../runner/helpers';
import { activeExtension, closeAll, file, sleep, waitFor } from '../shared/pir';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const readText = async (uri: vscode.Uri) => decode(await vscode.workspace.fs.readFile(uri));
const exists = async (uri: vscode.Uri) => { try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; } };
const pad = (n: number) => String(n).padStart(2, '0');
const today = () => { const d = new Date(); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
const year = () => new Date().getFullYear();

async function run(cmd: string, ...args: unknown[]): Promise<void> {
  try { await vscode.commands.executeCommand(cmd, ...args); } catch { /* a layout command the build lacks */ }
}

function diffTabs(): vscode.TabInputTextDiff[] {
  return vscode.window.tabGroups.all.flatMap(g => g.tabs).map(t => t.input).filter((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff);
}

async function reviewsIn(dir: vscode.Uri): Promise<string[]> {
  if (!await exists(dir)) return [];
  return (await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).filter(n => n.endsWith('.pir.md')).sort();
}

interface ImportOutcome { proposed: vscode.Uri; written?: vscode.Uri; notes: string[] }

describe('commands', () => {
  before(async () => {
    await activeExtension();
    await run('workbench.action.closeAuxiliaryBar');
    await run('workbench.action.closePanel');
    await run('notifications.clearAll');
  });
  after(closeAll);

  describe('New Post-Incident Review', () => {
    const dir = () => file('reviews');

    it('creates reviews/<date>-<slug>.pir.md from the template and puts the cursor on the first placeholder', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('pir.newReview', { title: 'Catalog API: timeouts after cache flush', severity: 'P2' });
      assert.ok(uri, 'the command returns the new file');
      assert.strictEqual(uri.toString(), vscode.Uri.joinPath(dir(), `${today()}-catalog-api-timeouts-after-cache-flush.pir.md`).toString());
      const text = await readText(uri);
      assert.match(text, new RegExp(`^---\\nid: INC-${year()}-001\\ntitle: "Catalog API: timeouts after cache flush"\\nstatus: draft\\nseverity: P2\\nmajor: false\\nstarted: ${today()}T00:00:00Z\\n`));
      assert.match(text, new RegExp(`^# INC-${year()}-001: Catalog API: timeouts after cache flush$`, 'm'));
      for (const h of ['## Summary', '## Timeline', '## Root cause', '## Action items', '## Open questions']) assert.ok(text.includes(`\n${h}\n`), h);
      assert.ok(!/\$\{|\$[0-9A-Z]/.test(text), 'no snippet syntax in the file');
      const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined, 'the new review in the editor');
      assert.strictEqual(editor.document.languageId, 'pir');
      assert.strictEqual(editor.document.getText(editor.selection), 'false');
      assert.strictEqual(editor.document.lineAt(editor.selection.start.line).text, 'major: false');
      assert.strictEqual(editor.document.isDirty, false);
    });

    it('never overwrites: the same title again gets -2 and the next ID', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('pir.newReview', { title: 'Catalog API: timeouts after cache flush', severity: 'P1' });
      assert.match(uri.path, new RegExp(`/reviews/${today()}-catalog-api-timeouts-after-cache-flush-2\\.pir\\.md$`));
      assert.match(await readText(uri), new RegExp(`^id: INC-${year()}-002$`, 'm'));
      assert.match(await readText(vscode.Uri.joinPath(dir(), `${today()}-catalog-api-timeouts-after-cache-flush.pir.md`)), new RegExp(`^id: INC-${year()}-001$`, 'm'), 'the first review is untouched');
    });

    it('works through the command palette, the title input box (the editor selection as the title) and the severity quick pick (the .pir.yaml severities)', async () => {
      await closeAll();
      const before = await reviewsIn(dir());
      // a note with the incident's name selected: the input box starts from it
      const notes = file('postmortems', 'notes.txt');
      await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('Incident: Search <b>index</b> stale for 2 hours\n'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes), { preview: false });
      editor.selection = new vscode.Selection(0, 10, 0, editor.document.lineAt(0).text.length);
      await vscode.commands.executeCommand('workbench.action.quickOpen', '>Post-Incident Reviews: New Post-Incident Review');
      await sleep(800);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(800);
      // the title input box: accept the title it shows
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(800);
      // the severity quick pick offers P1, P2, P3 from .pir.yaml: move down to P3 and accept
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await sleep(300);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const name = `${today()}-search-b-index-b-stale-for-2-hours.pir.md`;
      await waitFor(async () => (await reviewsIn(dir())).includes(name), `${name} created (before: ${before.join(', ')})`, 10_000);
      const text = await readText(vscode.Uri.joinPath(dir(), name));
      assert.match(text, /^title: "Search <b>index<\/b> stale for 2 hours"$/m, 'the title as given, quoted for YAML');
      assert.match(text, /^severity: P3$/m, 'a severity from .pir.yaml');
      assert.match(text, new RegExp(`^id: INC-${year()}-003$`, 'm'));
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(name), 'the review opened');
      await vscode.workspace.fs.delete(notes);
    });

    it('asks nothing more and writes nothing when the title is cancelled', async () => {
      const before = await reviewsIn(dir());
      const pending = vscode.commands.executeCommand<vscode.Uri | undefined>('pir.newReview');
      await sleep(800);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.strictEqual(await pending, undefined);
      assert.deepStrictEqual(await reviewsIn(dir()), before);
    });
  });

  describe('Import Markdown Postmortem', () => {
    const source = () => file('postmortems', 'dns-resolver-outage.md');
    const target = () => file('postmortems', 'dns-resolver-outage.pir.md');

    it('shows the proposed review as a diff and writes it beside the original when the button is pressed', async () => {
      await closeAll();
      const original = await readText(source());
      // as the Explorer's context menu calls it: (the file, the selection)
      const pending = vscode.commands.executeCommand<ImportOutcome>('pir.importPostmortem', source(), [source()]);
      const diff = await waitFor(() => diffTabs().find(d => d.original.toString() === source().toString()), 'the import diff');
      assert.strictEqual(diff.modified.scheme, 'pir-import');
      assert.match(diff.modified.path, /\/dns-resolver-outage\.pir\.md$/);
      const proposed = (await vscode.workspace.openTextDocument(diff.modified)).getText();
      assert.match(proposed, /^---\nid: INC-2026-0506\ntitle: Internal DNS resolvers stopped answering for 25 minutes\nstatus: draft\n/);
      // the table's header says UTC but its stamps carry no zone: they are kept as written, the header becomes a line the checks read, and no `started` is made up
      assert.doesNotMatch(proposed, /^started:/m);
      assert.match(proposed, /\nAll times in UTC \(the original table's "Time \(UTC\)" column\)\.\n/);
      assert.match(proposed, /\n## Impact\n/);
      assert.match(proposed, /\n## Root cause\n/);
      assert.match(proposed, /\n## Action items\n\n- \[ \] CAP-2026-0506-1: Reload resolver configurations one availability zone at a time/);
      assert.match(proposed, /\n  - tracking: https:\/\/tracker\.example\.com\/NET-88\n/);
      assert.match(proposed, /\n- 2026-05-06 13:02 — Resolver configuration reloaded with a new forwarder list\n/);
      assert.match(proposed, /\n## Notes from the review meeting\n\nAttendees agreed/);
      assert.strictEqual(await exists(target()), false, 'nothing written before the answer');

      await run('workbench.action.closeSidebar');
      await sleep(1200);
      await requestScreenshot('import-diff');

      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      const outcome = await pending;
      assert.ok(outcome?.written, 'written after confirmation');
      assert.strictEqual(outcome.written.toString(), target().toString());
      assert.strictEqual(await readText(target()), proposed);
      assert.strictEqual(await readText(source()), original, 'the original is unchanged');
      await waitFor(() => !diffTabs().some(d => d.modified.scheme === 'pir-import'), 'the diff closed');
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === target().toString(), 'the new review opened');
      assert.strictEqual(vscode.window.activeTextEditor!.document.languageId, 'pir');
    });

    it('the diff has a Write Review button of its own: it writes the review when the notification went unseen', async () => {
      await closeAll();
      const ext = await activeExtension();
      const titleBar = ext.packageJSON.contributes.menus['editor/title'] as { command: string; when: string; group: string }[];
      const button = titleBar.find(m => m.command === 'pir.importPostmortem.write');
      assert.ok(button && /resourceScheme == '?pir-import'?/.test(button.when) && /^navigation/.test(button.group), `Write Review in the diff's title bar: ${JSON.stringify(titleBar.slice(0, 3))}`);
      const again = file('postmortems', 'dns-resolver-outage-button.md');
      await vscode.workspace.fs.copy(source(), again, { overwrite: true });
      try {
        const pending = vscode.commands.executeCommand<ImportOutcome>('pir.importPostmortem', again);
        const diff = await waitFor(() => diffTabs().find(d => d.original.toString() === again.toString()), 'the import diff');
        await sleep(500);
        // the notification goes to the notification centre unseen: the import still waits, the diff stays
        await vscode.commands.executeCommand('notifications.clearAll');
        await sleep(300);
        assert.ok(diffTabs().some(d => d.modified.toString() === diff.modified.toString()), 'the diff is still open');
        // the title-bar button, as VS Code calls it: with the diff's (modified) resource
        assert.strictEqual(await vscode.commands.executeCommand('pir.importPostmortem.write', diff.modified), true);
        const outcome = await pending;
        assert.match(outcome?.written?.path ?? '', /\/postmortems\/dns-resolver-outage-button\.pir\.md$/);
        assert.match(await readText(outcome!.written!), /^---\nid: INC-2026-0506\ntitle: Internal DNS resolvers stopped answering for 25 minutes\n/);
        await waitFor(() => !diffTabs().some(d => d.modified.scheme === 'pir-import'), 'the diff closed');
        await vscode.workspace.fs.delete(outcome!.written!);
      } finally {
        await vscode.workspace.fs.delete(again).then(undefined, () => undefined);
        await closeAll();
      }
    });

    it('writes nothing when the diff is closed or the import is cancelled', async () => {
      await closeAll();
      const pending = vscode.commands.executeCommand<ImportOutcome>('pir.importPostmortem', source());
      const diff = await waitFor(() => diffTabs().find(d => d.original.toString() === source().toString()), 'the import diff');
      await sleep(500);
      await vscode.commands.executeCommand('notifications.clearAll');
      // closing the diff is the answer "no"
      const tab = vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === diff.modified.toString())!;
      await vscode.window.tabGroups.close(tab);
      const outcome = await pending;
      assert.strictEqual(outcome?.written, undefined);
      // the explicit Cancel answer closes the diff as well
      const cancelled = await vscode.commands.executeCommand<ImportOutcome>('pir.importPostmortem', { uri: source(), confirm: 'cancel' });
      assert.strictEqual(cancelled?.written, undefined);
      assert.ok(!diffTabs().some(d => d.modified.toString() === cancelled!.proposed.toString()), 'the cancelled diff is closed');
      const names = (await vscode.workspace.fs.readDirectory(file('postmortems'))).map(([n]) => n).sort();
      assert.deepStrictEqual(names, ['dns-resolver-outage.md', 'dns-resolver-outage.pir.md'], 'only the file written by the first import');
    });

    it('imports the Markdown file in the active editor, beside an existing import as -2', async () => {
      await closeAll();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source()), { preview: false });
      const outcome = await vscode.commands.executeCommand<ImportOutcome>('pir.importPostmortem', { confirm: 'write' });
      assert.ok(outcome?.written);
      assert.match(outcome.written.path, /\/postmortems\/dns-resolver-outage-2\.pir\.md$/);
      assert.strictEqual(await readText(outcome.written), await readText(target()));
    });
  });

  describe('Get Started walkthrough', () => {
    it('is contributed with five steps, each with a completion event, and opens', async () => {
      const ext = await activeExtension();
      const wts = ext.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; completionEvents: string[]; media: Record<string, string> }[] }[];
      assert.strictEqual(wts.length, 1);
      assert.strictEqual(wts[0].steps.length, 5);
      for (const s of wts[0].steps) {
        assert.ok(s.completionEvents.length > 0, `${s.id} has a completion event`);
        const media = s.media.markdown ?? s.media.image;
        assert.ok(await exists(vscode.Uri.joinPath(ext.extensionUri, media)), `${media} exists`);
      }
      await closeAll();
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${ext.id}#getStarted`, false);
      const tab = await waitFor(() => {
        const t = vscode.window.tabGroups.activeTabGroup.activeTab;
        return t && !(t.input instanceof vscode.TabInputText) ? t : undefined;
      }, 'the walkthrough editor');
      console.log(`    walkthrough tab: ${tab.label}`);
      await run('workbench.action.closeSidebar');
      await sleep(2000);
      await requestScreenshot('walkthrough');
    });
  });
});
