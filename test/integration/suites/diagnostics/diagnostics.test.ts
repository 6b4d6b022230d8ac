// Diagnostics in a real VS Code: the three headline problems, a clean review, .pir.yaml reloads,
// settings, debounced re-lint on typing, clearing on close.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, closeAll, codeOf, file, hasRule, open, pirDiagnostics, sleep, waitFor, waitForDiagnostics, writeText } from '../shared/pir';

describe('diagnostics', () => {
  after(closeAll);

  // how fast is the benchmark's business (npm run bench); here only that it activates for a review
  it('activates when a review is in the workspace', async () => {
    const ext = await activeExtension();
    assert.strictEqual(ext.isActive, true);
    const ms = ext.exports.activationMs;
    assert.ok(Number.isFinite(ms) && ms >= 0);
    console.log(`    activate() took ${ms.toFixed(1)} ms`);
  });

  it('gives *.pir.md files the pir language, plain *.md files markdown', async () => {
    const review = await vscode.workspace.openTextDocument(file('headline.pir.md'));
    assert.strictEqual(review.languageId, 'pir');
    const notes = await vscode.workspace.openTextDocument(file('notes.md'));
    assert.strictEqual(notes.languageId, 'markdown');
    await open(notes.uri);
    await sleep(800);
    assert.deepStrictEqual(pirDiagnostics(notes.uri), [], 'a plain Markdown file is not checked');
  });

  it('reports the three headline problems within a second of opening', async () => {
    // a review nobody opened yet in this window
    const uri = file('first-open.pir.md');
    const t0 = Date.now();
    const doc = await vscode.workspace.openTextDocument(uri);
    const opened = Date.now();
    const shown = vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitForDiagnostics(uri, d => hasRule('missing-root-cause')(d) && hasRule('vague-action')(d) && hasRule('non-utc-timestamp')(d), 'the three headline problems', 15_000);
    const ms = Date.now() - opened;
    await shown;
    console.log(`    diagnostics ${ms} ms after the document opened (VS Code loaded it in ${opened - t0} ms; editor shown after ${Date.now() - t0} ms): ${ds.map(d => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')}`);
    assert.ok(ms < 1000, `diagnostics took ${ms} ms after the document opened`);

    const pdt = ds.find(d => codeOf(d) === 'non-utc-timestamp' && d.message.includes('06:25 PST'));
    assert.ok(pdt, 'a diagnostic for 06:25 PST');
    assert.strictEqual(pdt.range.start.line, 48);
    assert.strictEqual(pdt.severity, vscode.DiagnosticSeverity.Error, '.pir.yaml makes non-utc-timestamp an error');
    const code = pdt.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'non-utc-timestamp');
    assert.ok(code.target instanceof vscode.Uri || typeof code.target === 'object');
    assert.match(code.target.toString(), /docs\/rules\/non-utc-timestamp\.md$/);

    const vague = ds.find(d => codeOf(d) === 'vague-action')!;
    assert.strictEqual(vague.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(vague.range.start.line, 100);
    const root = ds.find(d => codeOf(d) === 'missing-root-cause')!;
    assert.strictEqual(root.severity, vscode.DiagnosticSeverity.Error);
  });

  it('shows no diagnostics for a complete review', async () => {
    const uri = file('complete.pir.md');
    await open(uri);
    // wait until the extension has linted it (its API resolves when published), then check
    const ext = await activeExtension();
    await ext.exports.lint(uri);
    assert.deepStrictEqual(pirDiagnostics(uri).map(d => d.message), []);
  });

  it('applies the nearest .pir.yaml upward (team-b turns vague-action off)', async () => {
    const uri = file('team-b', 'nested.pir.md');
    await open(uri);
    const ds = await waitForDiagnostics(uri, hasRule('missing-root-cause'), 'diagnostics for team-b/nested.pir.md');
    assert.ok(!hasRule('vague-action')(ds), 'vague-action is off in team-b');
    const pdt = ds.find(d => d.message.includes('06:25 PST'))!;
    assert.strictEqual(pdt.severity, vscode.DiagnosticSeverity.Warning, 'the root .pir.yaml does not apply below team-b/.pir.yaml');
  });

  it('re-lints open reviews when .pir.yaml changes (turning a rule off removes its diagnostic)', async () => {
    const uri = file('headline.pir.md');
    await open(uri);
    await waitForDiagnostics(uri, hasRule('vague-action'), 'vague-action before the change');
    const config = file('.pir.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    try {
      await writeText(config, before.replace('rules:\n', 'rules:\n  vague-action: off\n'));
      const t0 = Date.now();
      await waitForDiagnostics(uri, ds => !hasRule('vague-action')(ds) && hasRule('missing-root-cause')(ds), 'vague-action to disappear after .pir.yaml changed');
      console.log(`    re-linted ${Date.now() - t0} ms after .pir.yaml was written`);
    } finally {
      await writeText(config, before);
    }
    await waitForDiagnostics(uri, hasRule('vague-action'), 'vague-action back after .pir.yaml was restored');
  });

  it('reports problems in .pir.yaml itself', async () => {
    const config = file('.pir.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    try {
      await writeText(config, before + 'rulez: {}\n');
      await open(file('headline.pir.md'));
      const ds = await waitForDiagnostics(config, ds => ds.some(d => d.message.includes('rulez')), 'a diagnostic on the unknown key');
      assert.strictEqual(ds[0].range.start.line, before.split('\n').length - 1);
    } finally {
      await writeText(config, before);
    }
    await waitForDiagnostics(config, ds => ds.length === 0, 'no config diagnostics after the fix');
  });

  it('respects pir.severityOverrides and pir.enable', async () => {
    const uri = file('headline.pir.md');
    await open(uri);
    const conf = vscode.workspace.getConfiguration('pir');
    try {
      await conf.update('severityOverrides', { 'missing-root-cause': 'off', 'vague-action': 'info' }, vscode.ConfigurationTarget.Workspace);
      const ds = await waitForDiagnostics(uri, ds => !hasRule('missing-root-cause')(ds) && ds.some(d => codeOf(d) === 'vague-action' && d.severity === vscode.DiagnosticSeverity.Information), 'overrides applied');
      assert.ok(hasRule('non-utc-timestamp')(ds));
      await conf.update('enable', false, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, ds => ds.length === 0, 'no diagnostics with pir.enable false');
    } finally {
      await conf.update('severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
      await conf.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, hasRule('missing-root-cause'), 'diagnostics back with the defaults');
  });

  it('re-lints after typing (debounced) and drops nothing but stale results', async () => {
    const uri = file('complete.pir.md');
    const editor = await open(uri);
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex(l => /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.test(l));
    assert.ok(line > 0, 'a timeline entry with a full UTC stamp');
    const utc = /\d{2}:\d{2} UTC/.exec(doc.lineAt(line).text)!;
    const range = new vscode.Range(line, utc.index, line, utc.index + utc[0].length);
    // type several edits quickly: only the final state is reported
    await editor.edit(b => b.replace(range, '06:55 PDT'));
    await editor.edit(b => b.replace(new vscode.Range(line, utc.index, line, utc.index + 9), '06:56 PDT'));
    const t0 = Date.now();
    const ds = await waitForDiagnostics(uri, d => d.some(x => x.message.includes('06:56 PDT')), 'a diagnostic for the typed stamp', 15_000);
    console.log(`    diagnostic for the last edit ${Date.now() - t0} ms after it was applied`);
    const stamps = ds.filter(d => codeOf(d) === 'non-utc-timestamp');
    assert.strictEqual(stamps.length, 1, stamps.map(d => d.message).join(' | '));
    assert.ok(stamps[0].message.includes('06:56 PDT'), stamps[0].message);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, ds => ds.length === 0, 'clean again after revert');
  });

  it('reports an action ID used by another review of the workspace, and follows the fix', async () => {
    // a new review reusing CAP-42-1, the first action of complete.pir.md (never opened here)
    const complete = new TextDecoder().decode(await vscode.workspace.fs.readFile(file('complete.pir.md')));
    const uri = file('copy-of-complete.pir.md');
    await writeText(uri, complete.replace(/^id: .*$/m, 'id: INC-2026-999'));
    try {
      const editor = await open(uri);
      const ds = await waitForDiagnostics(uri, hasRule('duplicate-action-id'), 'the cross-file duplicate', 15_000);
      const dup = ds.find(d => codeOf(d) === 'duplicate-action-id' && d.message.startsWith('CAP-42-1 '))!;
      assert.ok(dup, ds.map(d => d.message).join('\n'));
      assert.match(dup.message, /also an action in complete\.pir\.md/);
      // the quick fix renames it to an ID no review uses; the diagnostic goes
      const fix = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, dup.range))
        .find(a => a.title.startsWith('Rename to'))!;
      assert.ok(fix?.edit, 'a rename fix');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const renamed = editor.document.lineAt(dup.range.start.line).text;
      assert.ok(!renamed.includes('CAP-42-1:'), renamed);
      await waitForDiagnostics(uri, ds2 => !ds2.some(d => d.message.startsWith('CAP-42-1 ')), 'the duplicate gone after the rename');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('shallow-root-cause: the fix scaffolds the analysis under the cause, keeping the author\'s words', async () => {
    const uri = file('shallow-cause.pir.md');
    await writeText(uri, [
      '---', 'id: INC-2026-321', 'title: Search suggestions empty', 'status: draft', 'severity: SEV3', 'major: false', '---', '',
      '# Search suggestions empty', '', '## Summary', '', 'Suggestions were empty for 40 minutes.', '',
      '## Root cause', '', 'Human error. The on-call swapped the alias by hand', 'before the new index had finished building.', '',
      '## Action items', '', '- [ ] CAP-321-1: Make the swap job refuse an index whose build is not complete', '  - owner: @search', '  - due: 2099-01-15', '',
    ].join('\n'));
    try {
      const editor = await open(uri);
      const ds = await waitForDiagnostics(uri, hasRule('shallow-root-cause'), 'the shallow cause', 15_000);
      const d = ds.find(x => codeOf(x) === 'shallow-root-cause')!;
      assert.match(d.message, /^"Human error" as a cause/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find(a => /what made it possible, what let it cause harm/.test(a.title));
      assert.ok(fix?.edit, `a scaffold fix among: ${actions.map(a => a.title).join(' | ')}`);
      assert.strictEqual(!!fix.isPreferred, false, 'offered, never preferred: the author writes the analysis');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const doc = editor.document;
      const at = doc.getText().split('\n').findIndex(l => l.startsWith('- **What made it possible:**'));
      assert.ok(at > 0, doc.getText());
      // the author's paragraph is unchanged, the two questions follow it as a list
      assert.strictEqual(doc.lineAt(at - 3).text, 'Human error. The on-call swapped the alias by hand');
      assert.strictEqual(doc.lineAt(at - 2).text, 'before the new index had finished building.');
      assert.strictEqual(doc.lineAt(at - 1).text, '');
      assert.match(doc.lineAt(at + 1).text, /^- \*\*What let it cause harm:\*\* why nothing stopped or contained it/);
      assert.ok(!doc.getText().includes('${'), 'no snippet syntax left in the text');
      // snippet mode: the first question's placeholder is selected for the author to answer
      await waitFor(() => doc.getText(editor.selection).startsWith('the condition that made this step easy to get wrong'), 'the first placeholder to be selected', 15_000);
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await waitFor(() => doc.getText(editor.selection).startsWith('why nothing stopped or contained it'), 'the second placeholder after Tab', 15_000);
      // with the analysis in place the fix is not offered again
      await sleep(600);
      const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(!again.some(a => /what made it possible/.test(a.title)), again.map(a => a.title).join(' | '));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('clears the diagnostics when the document is closed', async () => {
    const uri = file('headline.pir.md');
    await open(uri);
    await waitForDiagnostics(uri, ds => ds.length > 0, 'diagnostics while open');
    await closeAll();
    // the document may stay loaded for a while after its editor closes; closing it ends with onDidClose
    await waitForDiagnostics(uri, ds => ds.length === 0, 'diagnostics cleared after close', 15_000).catch(async e => {
      const stillOpen = vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString());
      if (stillOpen) console.log('    (document still loaded by VS Code after its editor closed; not a failure)');
      else throw e;
    });
  });
});
