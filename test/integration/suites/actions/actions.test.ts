// Quick fixes and fix-all in a real VS Code: each headline problem offers a fix that edits the
// text, snippet fixes put the cursor on their placeholders, fix-all on save applies only plain fixes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, closeAll, codeActions, codeOf, file, hasRule, lineOf, open, sleep, waitFor, waitForDiagnostics, writeText } from '../shared/pir';

async function revert(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

async function diagnosticFor(uri: vscode.Uri, rule: string, text?: string): Promise<vscode.Diagnostic> {
  const ds = await waitForDiagnostics(uri, ds => ds.some(d => codeOf(d) === rule && (!text || d.message.includes(text))), `${rule} diagnostic`);
  return ds.find(d => codeOf(d) === rule && (!text || d.message.includes(text)))!;
}

describe('code actions', () => {
  const uri = () => file('headline.pir.md');
  before(async () => { await activeExtension(); });
  afterEach(async () => { await revert(); await vscode.commands.executeCommand('leaveSnippet'); });
  after(closeAll);

  it('non-utc-timestamp: the preferred fix converts 06:25 PST to 14:25 UTC', async () => {
    const editor = await open(uri());
    // a second stamp with a known zone, so there are two automatic fixes of the rule
    const line54 = editor.document.lineAt(53);
    const at = line54.text.indexOf('08:10') + '08:10'.length;
    await editor.edit(b => b.insert(new vscode.Position(53, at), ' PST'));
    await waitForDiagnostics(uri(), ds => ds.some(x => x.message.includes('08:10 PST')), 'the PST stamp reported');
    const d = await diagnosticFor(uri(), 'non-utc-timestamp', '06:25 PST');
    const actions = await codeActions(uri(), d.range, vscode.CodeActionKind.QuickFix.value);
    console.log(`    actions: ${actions.map(a => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | ')}`);
    const fix = actions.find(a => a.isPreferred && /Convert to UTC/.test(a.title));
    assert.ok(fix?.edit, 'a preferred "Convert to UTC" fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const line = editor.document.lineAt(d.range.start.line).text;
    assert.match(line, /^- 14:25 UTC — Support reports/);
    await waitForDiagnostics(uri(), ds => !ds.some(x => x.message.includes('06:25 PST')), 'the PDT diagnostic to go');
  });

  it('vague-action: the fix rewrites the item as a snippet and selects its first placeholder', async () => {
    const editor = await open(uri());
    const d = await diagnosticFor(uri(), 'vague-action');
    const actions = await codeActions(uri(), d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.isPreferred && /specific corrective action/.test(a.title));
    assert.ok(fix?.edit, `a preferred rewrite fix among: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = editor.document;
    const l = lineOf(doc, 'CAP-7:');
    // the canonical form: the author's words, then placeholders for what is missing (the change and its target)
    assert.strictEqual(doc.lineAt(l).text, '- [ ] CAP-7: Communicate better with the on-call team: the change (add, remove, set, replace …) the named system, setting or artifact');
    assert.strictEqual(doc.lineAt(l + 1).text, '  - owner: @owner');
    assert.match(doc.lineAt(l + 2).text, /^  - due: \d{4}-\d\d-\d\d$/);
    assert.strictEqual(doc.lineAt(l + 3).text, '  - validation: how we will know the change works');
    // the team's required tracking link comes with the rewrite: no action-fields finding right after it
    assert.strictEqual(doc.lineAt(l + 4).text, '  - tracking: link to the ticket');
    assert.ok(!doc.getText().includes('${'), 'no snippet syntax left in the text');
    // snippet mode: the title is selected, Tab moves to the owner
    await waitFor(() => doc.getText(editor.selection) === 'Communicate better with the on-call team', 'the title placeholder to be selected', 15_000);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await waitFor(() => doc.getText(editor.selection) === 'the change (add, remove, set, replace …)', 'the change placeholder after Tab', 15_000);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await waitFor(() => doc.getText(editor.selection) === '@owner', 'the owner placeholder after two more Tabs', 15_000);
    await editor.edit(b => b.replace(editor.selection, '@identity-platform'));
  });

  it('missing-root-cause: the fix inserts a Root cause section in the format\'s order', async () => {
    const editor = await open(uri());
    const d = await diagnosticFor(uri(), 'missing-root-cause');
    const actions = await codeActions(uri(), d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => /Root cause/.test(a.title));
    assert.ok(fix?.edit, `an "Add a Root cause section" fix among: ${actions.map(a => a.title).join(' | ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = editor.document;
    const root = lineOf(doc, '## Root cause');
    assert.ok(root > lineOf(doc, '## Response') && root < lineOf(doc, '## Contributing factors'), 'between Response and Contributing factors');
    assert.ok(doc.lineAt(root + 2).text.trim().length > 0, 'a prompt line under the heading');
    await waitFor(() => editor.selection.start.line === root + 2 && !editor.selection.isEmpty, 'the prompt placeholder to be selected', 15_000);
    await vscode.commands.executeCommand('leaveSnippet');
    await editor.edit(b => b.replace(editor.selection, 'auth-service caches DNS for the life of the JVM, and the failover runbook ends before clients have moved.'));
    await waitForDiagnostics(uri(), ds => !hasRule('missing-root-cause')(ds), 'missing-root-cause to go');
  });

  it('offers "Fix all non-utc-timestamp problems" and "Fix all auto-fixable problems"', async () => {
    const editor = await open(uri());
    // a second stamp with a known zone, so there are two automatic fixes of the rule
    const line54 = editor.document.lineAt(53);
    const at = line54.text.indexOf('08:10') + '08:10'.length;
    await editor.edit(b => b.insert(new vscode.Position(53, at), ' PST'));
    await waitForDiagnostics(uri(), ds => ds.some(x => x.message.includes('08:10 PST')), 'the PST stamp reported');
    const d = await diagnosticFor(uri(), 'non-utc-timestamp', '06:25 PST');
    const actions = await codeActions(uri(), d.range, vscode.CodeActionKind.QuickFix.value);
    const perRule = actions.find(a => a.title === 'Fix all non-utc-timestamp problems in this file');
    assert.ok(perRule?.edit, `per-rule fix-all among: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(actions.some(a => a.title === 'Fix all auto-fixable problems'));
    assert.ok(await vscode.workspace.applyEdit(perRule.edit));
    const text = editor.document.getText();
    assert.ok(text.includes('- 14:25 UTC — Support reports'));
    assert.ok(text.includes('- 2026-11-18 16:10 UTC — Support confirms'), 'PST converted too');
    assert.ok(!text.includes('## Root cause'), 'no snippet fix in fix-all');
    await waitForDiagnostics(uri(), ds => !hasRule('non-utc-timestamp')(ds) || !ds.some(x => x.message.includes('PST')), 'stamps fixed');
  });

  it('offers "Disable <rule> for this line / this file" after the fixes; the line comment silences only that item', async () => {
    const editor = await open(uri());
    const d = await diagnosticFor(uri(), 'vague-action');
    const actions = await codeActions(uri(), d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map(a => a.title);
    const line = actions.find(a => a.title === 'Disable vague-action for this line');
    assert.ok(line?.edit && titles.includes('Disable vague-action for this file'), `suppression fixes among: ${titles.join(' | ')}`);
    assert.ok(!line.isPreferred, 'never the preferred fix');
    assert.ok(titles.indexOf('Disable vague-action for this line') > titles.findIndex(t => /specific corrective action/.test(t)), 'after the rule\'s own fix');
    assert.ok(await vscode.workspace.applyEdit(line.edit));
    const l = lineOf(editor.document, 'CAP-7:');
    assert.strictEqual(editor.document.lineAt(l - 1).text, '<!-- pir-disable-next-line vague-action -->');
    await waitForDiagnostics(uri(), ds => !ds.some(x => codeOf(x) === 'vague-action' && x.range.start.line === l), 'the vague-action diagnostic on CAP-7 to go');
    // fix-all never writes a suppression comment
    const all = await codeActions(uri(), new vscode.Range(0, 0, 0, 0), 'source.fixAll.pir');
    for (const a of all) for (const [, edits] of a.edit?.entries() ?? []) assert.ok(!edits.some(e => e.newText.includes('pir-disable')));
  });

  it('source.fixAll.pir applies the plain fixes on save (editor.codeActionsOnSave)', async () => {
    const u = file('fix-on-save.pir.md');
    const editor = await open(u);
    await diagnosticFor(u, 'non-utc-timestamp', '06:25 PST');
    const only = await codeActions(u, new vscode.Range(0, 0, 0, 0), 'source.fixAll.pir');
    assert.strictEqual(only.length, 1, 'one source.fixAll.pir action');
    await editor.edit(b => b.insert(new vscode.Position(editor.document.lineCount - 1, editor.document.lineAt(editor.document.lineCount - 1).text.length), '\n'));
    assert.ok(await editor.document.save(), 'saved');
    const text = editor.document.getText();
    assert.ok(text.includes('- 14:25 UTC — Support reports'), 'PDT converted on save');
    assert.ok(!text.includes('${') && !text.includes('## Root cause') && !text.includes('owner: @owner'), 'snippet fixes are not applied on save');
    // a stamp with no zone is not silently declared UTC: only the author knows what zone it was
    assert.ok(text.includes('- 2026-11-18 08:10 — Support confirms'), 'the zone-less stamp is left for the author');
    assert.strictEqual(editor.document.isDirty, false);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
    assert.ok(onDisk.includes('- 14:25 UTC — Support reports'), 'the saved file holds the fix');
  });

  it('pir.fixAll applies every automatic fix and counts the changes it made, not the edits', async () => {
    const editor = await open(uri());
    // an entry out of order: its sort moves several lines in one change
    const from = lineOf(editor.document, '- 14:20 UTC — Status page');
    const moved = editor.document.lineAt(from).text;
    const to = lineOf(editor.document, '- 14:40 UTC') + 1;
    await editor.edit(b => { b.insert(new vscode.Position(to, 0), moved + '\n'); b.delete(editor.document.lineAt(from).rangeIncludingLineBreak); });
    await diagnosticFor(uri(), 'timeline-order');
    await diagnosticFor(uri(), 'non-utc-timestamp');
    const n = await vscode.commands.executeCommand<number>('pir.fixAll');
    const text = editor.document.getText();
    assert.ok(text.includes('- 14:20 UTC — Status page updated: "Some users cannot log in"\n- 14:25 UTC — Support reports'), 'sorted and converted');
    assert.match(text, /- \[ \] CAP-(?!9:)\d+: Page the identity on-call/, 'the duplicate ID renumbered');
    // three changes: the sort, the PST stamp, the duplicate action ID
    assert.strictEqual(n, 3, `applied ${n}`);
    await sleep(50);
  });

  it('pir.fixAll undoes a pass whose result parses worse than the document', async () => {
    const u = file('fix-all-guard.pir.md');
    await writeText(u, '---\nid: PIR-2026-077\ntitle: Cache stampede after a deploy\nmajor: true\n---\n\n# Cache stampede after a deploy\n\n## Timeline\n\n- 2026-11-03 09:14 PST — Error rate alert fires\n');
    const editor = await open(u);
    await diagnosticFor(u, 'non-utc-timestamp');
    // a stand-in for a broken automatic fix (development builds' hook): it opens a YAML flow
    // sequence in the front matter that never closes, so the front matter no longer parses
    assert.ok(await vscode.commands.executeCommand('pir._test.plantBrokenFix', { uri: u.toString(), line: 1, text: 'tags: [\n', marker: 'tags: [' }));
    const append = () => editor.edit(b => b.insert(editor.document.positionAt(editor.document.getText().length), '\n'));
    await append(); // a new version of the document: its findings are computed with the stand-in
    const before = editor.document.getText();
    try {
      const n = await vscode.commands.executeCommand<number>('pir.fixAll');
      assert.strictEqual(n, 0, 'no fix counted as applied');
      assert.strictEqual(editor.document.getText(), before, 'the pass (the good fix with the broken one) is undone');
    } finally {
      await vscode.commands.executeCommand('pir._test.plantBrokenFix', undefined);
    }
    // without the broken fix (a new version of the document, so nothing cached still holds it),
    // the same command converts the stamp
    await append();
    assert.strictEqual(await vscode.commands.executeCommand<number>('pir.fixAll'), 1);
    assert.match(editor.document.getText(), /- 2026-11-03 17:14 UTC — Error rate alert fires/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
