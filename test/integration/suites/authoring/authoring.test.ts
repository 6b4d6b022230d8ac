// Authoring comfort in a real VS Code: hovers (stamps, milestones, action IDs), the outline,
// folding, completions, the status bar and the Markdown preview of a review. Screenshots of the
// hover, the Outline view, the completion list, the status bar and the preview go to
// out/screenshots/authoring/ when the runner is given a screenshot folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { requestScreenshot } from '../../runner/helpers';
import { activeExtension, closeAll, file, lineOf, open, sleep, waitFor } from '../shared/pir';

const CHECKOUT = ['reviews', '2026-11-20-checkout.pir.md'];

async function run(cmd: string, ...args: unknown[]): Promise<void> {
  try { await vscode.commands.executeCommand(cmd, ...args); } catch { /* a layout command the build lacks */ }
}

/** The hover text as a reader sees it: Markdown escapes and entities undone. */
async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  const md = (hovers ?? []).flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

async function completionLabels(uri: vscode.Uri, pos: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos, trigger);
  return list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** Inserts a line before `line` (unsaved), returning the position at its end. */
async function insertLine(editor: vscode.TextEditor, line: number, text: string): Promise<vscode.Position> {
  await editor.edit(e => e.insert(new vscode.Position(line, 0), text + '\n'));
  return new vscode.Position(line, text.length);
}

async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(editor.document.isDirty, false);
}

describe('authoring', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    uri = file(...CHECKOUT);
    doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'pir');
    await run('workbench.action.closeAuxiliaryBar');
    await run('workbench.action.closePanel');
    await run('notifications.clearAll');
  });
  after(closeAll);

  describe('hovers', () => {
    it('a timeline stamp shows UTC, the author\'s time (pir.defaultTimezone) and the offset from the start', async () => {
      const line = lineOf(doc, '14:02 UTC — Alert');
      const text = await hoverText(uri, new vscode.Position(line, 4));
      assert.match(text, /\*\*2026-11-20 14:02 UTC\*\*/);
      assert.match(text, /UTC: 2026-11-20 14:02 UTC/);
      assert.match(text, /Your time: 2026-11-20 15:02 \(Europe\/Berlin, UTC\+01:00\)/);
      assert.match(text, /Since the start: 7 min after the start \(2026-11-20 13:55 UTC, started key\)/);
      assert.match(text, /Time to detect: 7 min/);
    });

    it('a milestone tag and a front-matter key show the time to detect / mitigate / resolve', async () => {
      const tagLine = lineOf(doc, '[mitigated]');
      const tag = await hoverText(uri, new vscode.Position(tagLine, doc.lineAt(tagLine).text.indexOf('[mitigated]') + 3));
      assert.match(tag, /Mitigated: 2026-11-20 14:40 UTC/);
      assert.match(tag, /Time to mitigate: 45 min/);
      assert.match(tag, /Time to detect: 7 min/);
      assert.match(tag, /Time to resolve: 1 h 35 min/);
      assert.match(tag, /After detection: 38 min/);
      const key = await hoverText(uri, new vscode.Position(lineOf(doc, 'resolved: 2026'), 2));
      assert.match(key, /Resolved: 2026-11-20 15:30 UTC/);
      assert.match(key, /From: front matter/);
      assert.match(key, /Time to resolve: 1 h 35 min/);
    });

    it('an action ID in prose shows status, owner, due and where it is referenced, across the workspace', async () => {
      const line = lineOf(doc, 'CAP-42-1 stops such a push');
      const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('CAP-42-1') + 2);
      // the reference from the other review comes from the workspace index (its first scan)
      const text = await waitFor(async () => { const t = await hoverText(uri, pos); return /queue/.test(t) ? t : undefined; }, 'the hover to include the other review', 15_000, 200);
      assert.match(text, /CAP-42-1: Reject checkout-api settings that fail its JSON Schema in the settings-repo CI/);
      assert.match(text, /Status: open/);
      assert.match(text, /Owner: @checkout-platform/);
      assert.match(text, /Due: 2026-12-11/);
      assert.match(text, new RegExp(`Defined: line ${lineOf(doc, '- [ ] CAP-42-1') + 1}`));
      assert.match(text, new RegExp(`Referenced here: line ${line + 1}, line ${lineOf(doc, 'depends: CAP-42-1') + 1} \\(CAP-42-2 depends on it\\)`));
      assert.match(text, /Depended on by: CAP-31-2 in 2026-10-02-queue\.pir\.md, line \d+/);
    });

    it('document text in a hover is shown as text: no HTML, no links, not trusted', async () => {
      const queue = await vscode.workspace.openTextDocument(file('reviews', '2026-10-02-queue.pir.md'));
      const line = lineOf(queue, 'CAP-31-3:');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', queue.uri, new vscode.Position(line, 8));
      const md = hovers[0].contents[0] as vscode.MarkdownString;
      assert.strictEqual(md.isTrusted, false);
      assert.ok(!md.supportHtml);
      assert.ok(!/(^|[^\\])(<img|\]\(command:|\*\*invoice)/.test(md.value), `every < ] * of the title is escaped: ${md.value}`);
      const text = await hoverText(queue.uri, new vscode.Position(line, 8));
      assert.match(text, /CAP-31-3: Show <img src=x onerror=alert\(1\)> and \[a link\]\(command:workbench\.action\.quit\) as text in the \*\*invoice\*\* log/);
      assert.match(text, /Status: done/);
    });

    it('no hover on plain prose', async () => {
      const line = lineOf(doc, 'The on-call engineer');
      assert.strictEqual(await hoverText(uri, new vscode.Position(line, 10)), '');
    });

    it('screenshot: the hover on a stamp', async () => {
      const editor = await open(uri);
      const line = lineOf(doc, '14:02 UTC — Alert');
      editor.selection = new vscode.Selection(line, 4, line, 4);
      editor.revealRange(new vscode.Range(line - 8, 0, line + 12, 0), vscode.TextEditorRevealType.AtTop);
      await sleep(1200);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(1200);
      await requestScreenshot('hover');
      await run('editor.action.hideHover');
    });
  });

  describe('document symbols', () => {
    it('headings nest by level; timeline entries and action items nest under their sections', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const names = (s: vscode.DocumentSymbol[]): unknown => s.map(x => (x.children.length ? [x.name, names(x.children)] : x.name));
      assert.deepStrictEqual(names(symbols), [
        'Front matter',
        ['Checkout API returned 5xx after a settings push', [
          'Summary', 'Impact',
          ['Timeline', [
            '2026-11-20 13:55 UTC — Settings revision 4411 pushed to checkout-api',
            '14:02 UTC — Alert checkout_5xx_rate fired; on-call paged',
            '14:21 UTC — Unrelated code release rolled back; errors continue',
            '14:40 UTC — Settings revision 4410 restored on all pods',
            '15:30 UTC — Error rate normal for 50 minutes; incident closed',
          ]],
          'Response',
          ['Root cause', ['Trigger', 'Why it reached production']],
          'Contributing factors',
          ['Action items', [
            'CAP-42-1: Reject checkout-api settings that fail its JSON Schema in the settings-repo CI',
            'CAP-42-2: Roll out settings pushes to 5% of checkout-api pods first',
          ]],
        ]],
      ]);
      const body = symbols[1];
      const timeline = body.children.find(s => s.name === 'Timeline')!;
      assert.strictEqual(timeline.kind, vscode.SymbolKind.String);
      assert.strictEqual(timeline.children[1].kind, vscode.SymbolKind.Event);
      assert.strictEqual(timeline.children[1].detail, 'detected');
      // Go to Symbol and breadcrumbs reveal the stamp / the ID; the section spans its body
      assert.deepStrictEqual(timeline.children[1].selectionRange, new vscode.Range(lineOf(doc, '14:02 UTC — Alert'), 2, lineOf(doc, '14:02 UTC — Alert'), 11));
      assert.strictEqual(timeline.range.start.line, lineOf(doc, '## Timeline'));
      assert.strictEqual(timeline.range.end.line, lineOf(doc, '15:30 UTC'));
      const actions = body.children.find(s => s.name === 'Action items')!;
      const cap1 = actions.children[0];
      assert.strictEqual(cap1.detail, 'open · @checkout-platform · due 2026-12-11');
      assert.strictEqual(doc.getText(cap1.selectionRange), 'CAP-42-1');
      assert.strictEqual(cap1.range.end.line, lineOf(doc, 'tracking: https://tracker.example.com/PLAT-2291'));
    });

    it('screenshot: the Outline view', async () => {
      const editor = await open(uri);
      const line = lineOf(doc, '14:02 UTC — Alert');
      editor.selection = new vscode.Selection(line, 4, line, 4);
      editor.revealRange(new vscode.Range(line - 6, 0, line + 12, 0), vscode.TextEditorRevealType.AtTop);
      // the Outline on its own, full height: in the secondary side bar
      await run('workbench.action.closeSidebar');
      await run('vscode.moveViews', { viewIds: ['outline'], destinationId: 'workbench.panel.chat' });
      await run('outline.focus');
      await sleep(2000);
      await run('workbench.action.focusActiveEditorGroup');
      await sleep(800);
      await requestScreenshot('outline');
      await run('workbench.action.closeAuxiliaryBar');
    });
  });

  describe('folding', () => {
    it('folds the front matter, each section and each multi-line action item', async () => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
      const has = (start: number, end: number) => ranges.some(r => r.start === start && r.end === end);
      assert.ok(has(0, lineOf(doc, 'role: scribe') + 1), 'the front matter');
      assert.ok(has(lineOf(doc, '## Timeline'), lineOf(doc, '15:30 UTC')), 'the Timeline section');
      assert.ok(has(lineOf(doc, '## Root cause'), lineOf(doc, 'The settings repository')), 'Root cause with its subsections');
      assert.ok(has(lineOf(doc, '### Trigger'), lineOf(doc, 'The settings push wrote')), 'a subsection');
      assert.ok(has(lineOf(doc, '- [ ] CAP-42-2'), lineOf(doc, 'depends: CAP-42-1')), 'an action item with its fields');
    });
  });

  describe('completion', () => {
    let editor: vscode.TextEditor;
    before(async () => { editor = await open(uri); });
    afterEach(async () => { await run('hideSuggestWidget'); await revert(editor); });

    it('front-matter keys not written yet, and the team\'s severities and roles from .pir.yaml', async () => {
      const keyPos = await insertLine(editor, lineOf(editor.document, 'attendees:'), 'a');
      const keys = await completionLabels(uri, keyPos);
      assert.ok(keys.includes('approver') && keys.includes('authors') && keys.includes('review_meeting'), keys.join(', '));
      assert.ok(!keys.includes('attendees') && !keys.includes('status'), 'keys already present are not offered');
      await revert(editor);

      const sevLine = lineOf(editor.document, 'severity: P2');
      await editor.edit(e => e.replace(editor.document.lineAt(sevLine).range, 'severity: '));
      const severities = await completionLabels(uri, new vscode.Position(sevLine, 'severity: '.length), ' ');
      assert.deepStrictEqual(severities.filter(l => /^P\d$|^SEV/.test(l)), ['P1', 'P2', 'P3']);
      await revert(editor);

      const roleLine = lineOf(editor.document, 'role: scribe');
      await editor.edit(e => e.replace(editor.document.lineAt(roleLine).range, '  - { name: Mei Lin, role: '));
      const roles = await completionLabels(uri, new vscode.Position(roleLine, '  - { name: Mei Lin, role: '.length), ' ');
      for (const r of ['incident-lead', 'responder', 'scribe', 'vendor-liaison']) assert.ok(roles.includes(r), `role ${r}: ${roles.join(', ')}`);
      assert.ok(!roles.includes('incident-commander'), 'the default roles are replaced by .pir.yaml');
    });

    it('section headings not written yet, after "## " at the start of a line', async () => {
      const pos = await insertLine(editor, lineOf(editor.document, '## Action items'), '## ');
      const labels = await completionLabels(uri, pos, ' ');
      for (const s of ['What went well', 'What went poorly', 'Where we got lucky', 'Lessons learned', 'Open questions']) assert.ok(labels.includes(s), `${s}: ${labels.join(', ')}`);
      for (const s of ['Summary', 'Timeline', 'Root cause', 'Action items']) assert.ok(!labels.includes(s), `${s} is already there`);
    });

    it('action fields, then owners used across the workspace after "owner: "', async () => {
      const line = lineOf(editor.document, 'depends: CAP-42-1') + 1;
      const fieldPos = await insertLine(editor, line, '  - ');
      const fields = await completionLabels(uri, fieldPos, ' ');
      for (const f of ['evidence', 'domain', 'status']) assert.ok(fields.includes(f), `${f}: ${fields.join(', ')}`);
      for (const f of ['owner', 'due', 'depends']) assert.ok(!fields.includes(f), `${f} is already there`);
      await revert(editor);

      const ownerLine = lineOf(editor.document, 'owner: @deploy-tooling');
      await editor.edit(e => e.replace(editor.document.lineAt(ownerLine).range, '  - owner: '));
      const ownerPos = new vscode.Position(ownerLine, '  - owner: '.length);
      // @billing-eng is only in the other review: it comes from the workspace index
      const owners = await waitFor(async () => { const l = await completionLabels(uri, ownerPos, ' '); return l.includes('@billing-eng') ? l : undefined; }, 'owners from the workspace index', 15_000, 200);
      assert.ok(owners.includes('@checkout-platform'));
      editor.selection = new vscode.Selection(ownerPos, ownerPos);
      editor.revealRange(new vscode.Range(ownerLine - 10, 0, ownerLine + 6, 0), vscode.TextEditorRevealType.AtTop);
      await sleep(600);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(1500);
      await requestScreenshot('completion');
    });

    it('the current UTC time at the start of a timeline entry', async () => {
      const pos = await insertLine(editor, lineOf(editor.document, '15:30 UTC') + 1, '- ');
      // the real time: a new entry is stamped with when it is written (the checks' clock, PIR_NOW, is not used here)
      const before = Date.now();
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos, ' ');
      const stamp = list.items.find(i => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(String(i.label)));
      assert.ok(stamp, `a stamp among ${list.items.map(i => i.label).join(', ')}`);
      const t = Date.parse(String(stamp.label).replace(' UTC', 'Z').replace(' ', 'T'));
      assert.ok(Math.abs(t - before) < 2 * 60_000, `${stamp.label} is now`);
      assert.strictEqual(stamp.insertText, `${stamp.label} — `);
      editor.selection = new vscode.Selection(pos, pos);
      await sleep(300);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(1200);
      await requestScreenshot('completion-timeline');
    });
  });

  describe('status bar and preview', () => {
    it('screenshot: the status bar item of the active review', async () => {
      await open(uri);
      await run('workbench.action.closeSidebar');
      await sleep(1500);
      await requestScreenshot('status-bar');
    });

    it('opens the Markdown preview of a review to the side, and offers it in the editor title', async () => {
      const ext = await activeExtension();
      const menus = (ext.packageJSON.contributes.menus['editor/title'] ?? []) as { command: string; when?: string }[];
      assert.ok(menus.some(m => m.command === 'markdown.showPreviewToSide' && /editorLangId == pir/.test(m.when ?? '')), 'a preview button for pir editors');
      const source = await open(uri);
      source.revealRange(new vscode.Range(0, 0, 20, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType);
      const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(isPreview), 'a Markdown preview tab');
      assert.match(tab.label, /2026-11-20-checkout\.pir\.md/);
      await sleep(2500);
      await requestScreenshot('preview');
      // the preview follows unsaved edits of the pir document
      const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString())!;
      await editor.edit(e => e.insert(new vscode.Position(lineOf(editor.document, '## Impact'), 0), '**Edited live: this line is not saved.**\n\n'));
      await sleep(2500);
      await requestScreenshot('preview-live-edit');
      await revert(editor);
    });
  });
});
