// The corrective-action tracker in a real VS Code: the workspace index finds every review (and
// none that is excluded), the Corrective Actions tree shows, groups and filters their actions and
// follows typing and outside changes, its item actions edit the text undoably, and the editor's
// exports equal the CLI's.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ReviewIndex, analyze, parseConfig, type IndexedAction } from '../../../../src/core';
import { actionsToJson, toExported } from '../../../../src/core/commands';
import { CACHE_VERSION } from '../../../../src/core/workspace/index';
import type { TreeSnapshot } from '../../../../src/extension/tree/actionsTree';
import { requestScreenshot } from '../../runner/helpers';
import { activeExtension, closeAll, file, folder, lineOf, open, sleep, waitFor, writeText } from '../shared/pir';
import { now as clockNow } from '../../../../src/extension/shared/clock';

type Item = TreeSnapshot['groups'][number]['items'][number];

const tree = () => vscode.commands.executeCommand<TreeSnapshot>('pir._test.actionsTree');
const items = (t: TreeSnapshot) => t.groups.flatMap(g => g.items);
const byId = (t: TreeSnapshot, id: string) => items(t).find(i => i.id === id);
const key = (a: { file: string; id: string; line: number }) => `${a.file}#${a.id}@${a.line}`;

/** The reviews the index should read: *.pir.md outside node_modules and archive (files.exclude). */
function expectedFiles(root: string, skip = ['node_modules', 'archive', '.vscode']): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) { if (!skip.includes(e.name)) walk(path.join(dir, e.name)); }
      else if (e.name.endsWith('.pir.md')) out.push(path.join(dir, e.name));
    }
  };
  walk(root);
  return out.sort();
}

/** The core on the files as they are on disk: what the tree must show. */
function expectedActions(now = clockNow()): IndexedAction[] {
  const index = new ReviewIndex();
  for (const f of expectedFiles(folder().fsPath)) index.update(vscode.Uri.file(f).toString(), fs.readFileSync(f, 'utf8'));
  return index.actions(now);
}

/** `node dist/cli.js …` run from the workspace folder, as a user would in a terminal. */
function cli(args: string[]): string {
  const ext = vscode.extensions.getExtension('pir-tools.pir-reviews')!;
  const r = spawnSync(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), ...args], {
    cwd: folder().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.strictEqual(r.status, 0, `pir ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

async function waitForTree(ok: (t: TreeSnapshot) => boolean, what: string, timeoutMs = 20_000): Promise<TreeSnapshot> {
  let last: TreeSnapshot | undefined;
  try {
    return await waitFor(async () => { last = await tree(); return ok(last) ? last : undefined; }, what, timeoutMs, 20);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  tree now: ${last ? items(last).map(i => `${i.id}(${i.status})`).join(', ') : 'none'}`);
  }
}

/** Reverts the workspace's reviews a test left dirty. Only the workspace's files: VS Code's own
 * documents (the user settings.json written by a setting update) come and go on their own, and
 * showing one races with VS Code opening it ("another editor opened in the meantime"). */
async function revert(): Promise<void> {
  const root = folder().fsPath;
  for (const d of vscode.workspace.textDocuments.filter(x => x.isDirty && x.uri.scheme === 'file' && x.uri.fsPath.startsWith(root))) {
    for (let attempt = 0; ; attempt++) {
      try {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
        await sleep(200);
      }
    }
  }
}

describe('corrective-action tracker', () => {
  before(async () => {
    await activeExtension();
    await vscode.commands.executeCommand('pir.actions.clearFilters');
    await vscode.commands.executeCommand('pir.actions.groupBy', 'review');
  });
  afterEach(async () => { await revert(); });
  after(closeAll);

  it('indexes every review of the workspace, and none that is excluded', async () => {
    const stats = await vscode.commands.executeCommand<{ files: number; parsed: number; fromCache: number; findMs: number; readMs: number; summariseMs: number; totalMs: number; size: number }>('pir._test.indexStats');
    console.log(`    index: ${stats.files} files in ${stats.totalMs.toFixed(0)} ms (findFiles ${stats.findMs.toFixed(0)} ms, read+summarise ${stats.readMs.toFixed(0)} ms of which summarise ${stats.summariseMs.toFixed(0)} ms; ${stats.parsed} parsed, ${stats.fromCache} from cache)`);
    const expected = expectedActions();
    const t = await waitForTree(x => x.ready && x.total === expected.length, `${expected.length} actions in the tree`);
    assert.strictEqual(stats.size, expectedFiles(folder().fsPath).length);
    assert.deepStrictEqual(items(t).map(key).sort(), expected.map(a => key(a)).sort());
    const ids = items(t).map(i => i.id);
    for (const hidden of ['NOTE-1', 'VENDOR-1', 'OLD-1']) assert.ok(!ids.includes(hidden), `${hidden} is not indexed`);
    // grouped by review: one group per file, labelled with the review's ID and title
    assert.deepStrictEqual(t.groups.map(g => g.label.split(':')[0]).sort(), ['INC-2026-031', 'INC-2026-042', 'INC-2026-044', 'INC-2026-047']);
  });

  it('shows status icons and colours, and escapes document text in tooltips', async () => {
    const t = await tree();
    const icon = (id: string) => { const i = byId(t, id)!; return `${i.icon}/${i.color ?? ''}`; };
    assert.strictEqual(icon('CAP-44-1'), 'error/problemsErrorIcon.foreground', 'overdue');
    assert.strictEqual(icon('CAP-44-2'), 'circle-slash/problemsWarningIcon.foreground', 'blocked');
    assert.strictEqual(icon('CAP-44-4'), 'circle-large-outline/disabledForeground', 'won\'t do');
    assert.strictEqual(icon('CAP-44-5'), 'pass/testing.iconPassed', 'done');
    assert.strictEqual(icon('CAP-44-6'), 'play-circle/charts.blue', 'in progress');
    const tip = byId(t, 'CAP-44-3')!.tooltip;
    // appendText escapes Markdown (and turns spaces into &nbsp;): no link, no emphasis, no code span
    assert.ok(tip.includes('\\[chain&nbsp;check\\]\\(command:'), `the link is escaped: ${tip}`);
    assert.ok(tip.includes('\\*to&nbsp;the\\*'), 'emphasis is escaped');
    assert.ok(tip.includes('\\`runbook\\`'), 'the code span is escaped');
    assert.ok(tip.includes('Tracking: javascript:alert\\(1\\)'), 'the link is text');
    assert.ok(tip.includes('&lt;img'), 'HTML shows as text');
  });

  it('counts the overdue items in the badge', async () => {
    const expected = expectedActions().filter(a => a.overdue).length;
    assert.ok(expected > 0, 'the fixture has overdue items');
    const t = await tree();
    assert.strictEqual(t.badge?.value, expected);
    assert.match(t.badge!.tooltip ?? '', new RegExp(`^${expected} overdue`));
  });

  it('groups by owner, status, due date and domain', async () => {
    const all = expectedActions();
    for (const by of ['owner', 'status', 'due', 'domain', 'review'] as const) {
      assert.strictEqual(await vscode.commands.executeCommand('pir.actions.groupBy', by), true);
      const t = await tree();
      assert.strictEqual(t.groupBy, by);
      assert.strictEqual(items(t).length, all.length, `every action is in one ${by} group`);
      if (by === 'owner') {
        const g = t.groups.find(x => x.label === '@sre-certs')!;
        assert.deepStrictEqual(g.items.map(i => i.id), ['CAP-44-1', 'CAP-44-2', 'CAP-44-6']);
        assert.strictEqual(t.groups[t.groups.length - 1].label, '(no owner)', 'no owner comes last');
      }
      if (by === 'status') assert.deepStrictEqual(t.groups.map(g => g.label), ['Open', 'In progress', 'Blocked', 'Done', 'Won\'t do']);
      if (by === 'due') {
        const labels = t.groups.map(g => g.label);
        // which buckets exist depends on today's date: check the order, then each item's bucket
        assert.deepStrictEqual(labels, ['Overdue', 'Due this week', 'Due later', 'No due date', 'Closed'].filter(l => labels.includes(l)));
        const weekEnd = new Date(Date.parse(clockNow().toISOString().slice(0, 10) + 'T00:00:00Z') + 6 * 86_400_000).toISOString().slice(0, 10);
        for (const label of ['Due this week', 'Due later']) {
          for (const i of t.groups.find(g => g.label === label)?.items ?? []) {
            assert.ok(!i.overdue && (label === 'Due this week' ? i.due <= weekEnd : i.due > weekEnd), `${i.id} (due ${i.due}) belongs in "${label}"`);
          }
        }
        assert.ok(t.groups.find(g => g.label === 'Overdue')!.items.every(i => i.overdue));
        assert.ok(t.groups.find(g => g.label === 'No due date')!.items.some(i => i.id === 'CAP-44-3'));
        assert.ok(t.groups.find(g => g.label === 'Closed')!.items.every(i => i.status === 'done' || i.status === 'wont-do'));
      }
      if (by === 'domain') assert.ok(t.groups.find(g => g.label === 'certificates')!.items.length === 4);
    }
  });

  it('filters: open only, overdue, mine (pir.me), text; the view says which', async () => {
    const all = expectedActions();
    await vscode.commands.executeCommand('pir.actions.filter', { openOnly: true });
    let t = await tree();
    assert.strictEqual(items(t).length, all.filter(a => ['open', 'in-progress', 'blocked'].includes(a.status)).length);
    assert.strictEqual(t.description, 'open');
    await vscode.commands.executeCommand('pir.actions.filter', { openOnly: false, overdueOnly: true });
    t = await tree();
    assert.deepStrictEqual(items(t).map(i => i.id).sort(), all.filter(a => a.overdue).map(a => a.id).sort());
    await vscode.commands.executeCommand('pir.actions.filter', { overdueOnly: false, mine: true });
    t = await tree();
    // pir.me is "@identity-platform, @sre-certs" in the fixture's settings
    assert.deepStrictEqual(items(t).map(i => i.owner).filter((o, i, a) => a.indexOf(o) === i).sort(), ['@identity-platform', '@sre-certs']);
    await vscode.commands.executeCommand('pir.actions.filterText', 'chain');
    t = await tree();
    assert.deepStrictEqual(items(t).map(i => i.id), ['CAP-44-1', 'CAP-44-6']);
    assert.strictEqual(t.description, 'mine · “chain”');
    await vscode.commands.executeCommand('pir.actions.filterText', 'no such words anywhere');
    t = await tree();
    assert.strictEqual(items(t).length, 0);
    assert.match(t.message ?? '', /No corrective action matches/);
    await vscode.commands.executeCommand('pir.actions.clearFilters');
    t = await tree();
    assert.strictEqual(items(t).length, all.length);
    assert.strictEqual(t.description, undefined);
    assert.strictEqual(t.message, undefined);
  });

  it('follows typing in an open document (unsaved), then the revert', async () => {
    const uri = file('reviews', '2026-11-20-checkout-config-push.pir.md');
    const editor = await open(uri);
    // the diagnostics' first lint of a document that just opened is theirs to wait for
    const ext = await activeExtension();
    await ext.exports.lint(uri);
    const line = lineOf(editor.document, 'CAP-42-1:');
    const stats0 = await vscode.commands.executeCommand<{ totalParsed: number; reads: number }>('pir._test.indexStats');
    // typed a character at a time, as a person would
    const typed = '- [ ] CAP-42-9: Typed in the editor, not saved\n  - owner: @typist\n  - due: 2020-02-02\n';
    let t0 = Date.now();
    const durations: number[] = [];
    for (let i = 0; i < typed.length; i += 8) {
      const chunk = typed.slice(i, i + 8);
      const at = editor.document.positionAt(editor.document.offsetAt(new vscode.Position(line, 0)) + i);
      const e0 = Date.now();
      await editor.edit(b => b.insert(at, chunk), { undoStopBefore: false, undoStopAfter: false });
      durations.push(Date.now() - e0);
      t0 = Date.now();
    }
    const t = await waitForTree(x => byId(x, 'CAP-42-9')?.due === '2020-02-02', 'the typed action in the tree', 15_000);
    console.log(`    the tree showed the typed item ${Date.now() - t0} ms after the last keystroke (edits took ${durations.join(', ')} ms)`);
    const stats1 = await vscode.commands.executeCommand<{ totalParsed: number; reads: number }>('pir._test.indexStats');
    const edits = Math.ceil(typed.length / 8);
    console.log(`    while typing ${typed.length} characters in ${edits} edits: ${stats1.totalParsed - stats0.totalParsed} summaries of this document, ${stats1.reads - stats0.reads} files read`);
    assert.ok(stats1.totalParsed - stats0.totalParsed <= edits, 'at most one summary per pause in typing');
    assert.strictEqual(stats1.reads - stats0.reads, 0, 'typing reads no file: only the edited document is summarised');
    assert.ok(editor.document.isDirty, 'still unsaved');
    assert.strictEqual(byId(t, 'CAP-42-9')!.owner, '@typist');
    assert.strictEqual(byId(t, 'CAP-42-9')!.overdue, true);
    assert.strictEqual(t.badge?.value, expectedActions().filter(a => a.overdue).length + 1, `the badge counts it (tree: ${t.overdue} overdue of ${t.total})`);
    assert.strictEqual(byId(t, 'CAP-42-1')!.line, line + 3, 'items below moved down');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForTree(x => !byId(x, 'CAP-42-9'), 'the typed action to go after the revert', 15_000);
  });

  it('follows files created, changed and deleted outside the editor', async () => {
    const uri = file('team-b', '2026-11-21-outside.pir.md');
    const soon = new Date(clockNow().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const text = (title: string) => `---\nid: INC-2026-050\ntitle: Written outside the editor\n---\n\n## Action items\n\n- [ ] CAP-50-1: ${title}\n  - owner: @outside\n  - due: ${soon}\n`;
    let t0 = Date.now();
    await writeText(uri, text('Created by another program'));
    let t = await waitForTree(x => byId(x, 'CAP-50-1')?.title === 'Created by another program', 'the created file in the tree', 15_000);
    console.log(`    created: in the tree after ${Date.now() - t0} ms`);
    // due in two days: "this week"
    await vscode.commands.executeCommand('pir.actions.groupBy', 'due');
    t = await tree();
    assert.ok(t.groups.find(g => g.label === 'Due this week')?.items.some(i => i.id === 'CAP-50-1'), 'due in two days is due this week');
    await vscode.commands.executeCommand('pir.actions.groupBy', 'review');
    t0 = Date.now();
    await writeText(uri, text('Changed by another program'));
    await waitForTree(x => byId(x, 'CAP-50-1')?.title === 'Changed by another program', 'the change in the tree', 15_000);
    console.log(`    changed: in the tree after ${Date.now() - t0} ms`);
    t0 = Date.now();
    await vscode.workspace.fs.delete(uri);
    await waitForTree(x => !byId(x, 'CAP-50-1'), 'the deleted file to leave the tree', 15_000);
    console.log(`    deleted: gone from the tree after ${Date.now() - t0} ms`);
  });

  it('mark done: ticks the item and writes the evidence through an undoable edit', async () => {
    const uri = file('team-b', '2026-11-09-cert-expiry.pir.md');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const item = byId(await tree(), 'CAP-44-6')!; // in progress: the status line must go
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.markDone', item, 'https://git.example.com/deploy/pull/77'), true);
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString())!;
    const text = doc.getText();
    const at = lineOf(doc, 'CAP-44-6:');
    assert.match(doc.lineAt(at).text, /^- \[x\] CAP-44-6:/);
    const block = text.split('\n').slice(at, at + 9).join('\n');
    assert.match(block, /\n {2}- evidence: https:\/\/git\.example\.com\/deploy\/pull\/77\n/);
    assert.ok(!block.includes('status: in-progress'));
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), before, 'the file on disk is untouched: the edit is in the editor, unsaved');
    await waitForTree(x => byId(x, 'CAP-44-6')?.status === 'done', 'the tree to show CAP-44-6 done');
    // undo restores the text
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, 'undo to restore the text', 15_000);
    await waitForTree(x => byId(x, 'CAP-44-6')?.status === 'in-progress', 'the tree to show CAP-44-6 in progress again');
  });

  it('mark done on a table row, set owner and due date; a bad date changes nothing', async () => {
    const t = await tree();
    const row = byId(t, 'CAP-31-2')!;
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.markDone', row, 'contract suite PR 311'), true);
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === row.file)!;
    const rowText = doc.lineAt(lineOf(doc, 'CAP-31-2:')).text;
    assert.match(rowText, /\| done \|/);
    assert.match(rowText, /\| contract suite PR 311 \|$/);
    await waitForTree(x => byId(x, 'CAP-31-2')?.status === 'done' && byId(x, 'CAP-31-2')?.evidence === 'contract suite PR 311', 'the table row done');

    const item = byId(await tree(), 'CAP-44-3')!; // no due date
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.setOwner', item, '@runbooks'), true);
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.setDue', item, '2027-02-30'), false, 'no 30 February');
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.setDue', item, '2027-02-28'), true);
    const after = await waitForTree(x => byId(x, 'CAP-44-3')?.owner === '@runbooks' && byId(x, 'CAP-44-3')?.due === '2027-02-28', 'owner and due in the tree');
    assert.ok(after);
  });

  it('Set Owner: a quick pick of the owners used in the workspace; Set Due: this Friday, in 1/2/4 weeks, custom', async () => {
    const quickPick = async () => vscode.commands.executeCommand<{ title: string; items: { label: string; description?: string }[]; active: string[] } | undefined>('pir._test.quickPick');
    const choose = async (label: string) => {
      const qp = await waitFor(quickPick, 'the quick pick to open');
      const from = Math.max(0, qp.items.findIndex(i => i.label === (qp.active[0] ?? qp.items[0].label)));
      const to = qp.items.findIndex(i => i.label === label);
      assert.ok(to >= 0, `"${label}" among ${qp.items.map(i => i.label).join(', ')}`);
      for (let i = from; i < to; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      for (let i = from; i > to; i--) await vscode.commands.executeCommand('workbench.action.quickOpenSelectPrevious');
      await sleep(100);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    };
    const item = byId(await tree(), 'CAP-44-3')!;
    const owners = [...new Set(expectedActions().map(a => a.owner).filter(Boolean))];
    const setting = vscode.commands.executeCommand('pir.actions.setOwner', item);
    const qp = await waitFor(quickPick, 'the Set Owner quick pick');
    assert.strictEqual(qp.title, 'Owner of CAP-44-3');
    assert.deepStrictEqual(qp.items.map(i => i.label).sort(), owners.sort(), 'every owner of the workspace, once');
    const other = owners.find(o => o !== item.owner)!;
    await choose(other);
    assert.strictEqual(await setting, true);
    await waitForTree(x => byId(x, 'CAP-44-3')?.owner === other, `owner ${other} in the tree`);

    const dating = vscode.commands.executeCommand('pir.actions.setDue', item);
    const due = await waitFor(quickPick, 'the Set Due quick pick');
    assert.deepStrictEqual(due.items.map(i => i.label), ['This Friday', 'In 1 week', 'In 2 weeks', 'In 4 weeks', 'Custom date…']);
    const today = clockNow();
    const inTwoWeeks = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 14)).toISOString().slice(0, 10);
    assert.match(due.items[2].description ?? '', new RegExp(`^${inTwoWeeks}, `));
    await choose('In 2 weeks');
    assert.strictEqual(await dating, true);
    await waitForTree(x => byId(x, 'CAP-44-3')?.due === inTwoWeeks, `due ${inTwoWeeks} in the tree`);

    // dismissed: nothing changes
    const dismissed = vscode.commands.executeCommand('pir.actions.setDue', item);
    await waitFor(quickPick, 'the quick pick again');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await dismissed, false);
  });

  it('tooltips keep action and review IDs on one line (non-breaking hyphens)', async () => {
    const t = await tree();
    const tip = byId(t, 'CAP-44-3')!.tooltip;
    assert.ok(tip.includes('CAP\u201144\u20113'), tip);
    assert.ok(!/CAP\\?-44/.test(tip), 'no breakable hyphen inside the ID');
  });

  it('copies the ID; opens only http(s) tracking links', async () => {
    const t = await tree();
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.copyId', byId(t, 'CAP-42-4')), 'CAP-42-4');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'CAP-42-4');
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.openTracking', byId(t, 'CAP-44-3')), false, 'javascript: is refused');
    assert.ok(!byId(t, 'CAP-44-3')!.contextValue.includes('tracking'), 'no "open link" button for it');
    assert.ok(byId(t, 'CAP-44-1')!.contextValue.includes('tracking'));
  });

  it('reveals an item: opens its review and selects its line', async () => {
    const t = await tree();
    const item = byId(t, 'CAP-42-5')!;
    await vscode.commands.executeCommand('pir.actions.reveal', { file: item.file, line: item.line, id: item.id });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === item.file ? vscode.window.activeTextEditor : undefined, 'the review in the editor');
    assert.strictEqual(editor.selection.start.line, item.line);
    assert.match(editor.document.getText(editor.selection), /^- \[x\] CAP-42-5: /);
  });

  it('exports CSV, JSON and Markdown exactly as `pir actions` run from the workspace folder', async () => {
    const outDir = vscode.Uri.joinPath(folder(), 'out');
    for (const format of ['csv', 'json', 'md'] as const) {
      const target = vscode.Uri.joinPath(outDir, `actions.${format}`);
      const t0 = Date.now();
      assert.strictEqual(await vscode.commands.executeCommand('pir.exportActions', { format, target, folder: folder() }), target.toString());
      const ms = Date.now() - t0;
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      // archive/ is hidden by files.exclude in the editor; the CLI gets the same folders
      const golden = cli(['actions', '--format', format, 'reviews', 'team-b']);
      assert.strictEqual(written, golden, `${format} export equals the CLI's`);
      console.log(`    ${format}: ${written.length} bytes, equal to the CLI's (export ${ms} ms)`);
    }
    // and the core functions on the same files give the same JSON
    const rows = toExported(expectedActions(), uri => path.relative(folder().fsPath, vscode.Uri.parse(uri).fsPath));
    const json = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(outDir, 'actions.json')));
    assert.strictEqual(json, actionsToJson(rows) + '\n');
    await vscode.workspace.fs.delete(outDir, { recursive: true });
  });

  it('with files.exclude emptied, the index reads archive/ too and the export equals plain `pir actions`', async () => {
    const files = vscode.workspace.getConfiguration('files');
    await files.update('exclude', {}, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForTree(x => !!byId(x, 'OLD-1'), 'the archived review once files.exclude no longer hides it');
      const target = vscode.Uri.joinPath(folder(), 'out', 'all.csv');
      await vscode.commands.executeCommand('pir.exportActions', { format: 'csv', target, folder: folder() });
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), cli(['actions', '--format', 'csv']));
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'out'), { recursive: true });
    } finally {
      await files.update('exclude', { '**/archive': true }, vscode.ConfigurationTarget.Workspace);
    }
    await waitForTree(x => !byId(x, 'OLD-1'), 'the archive hidden again');
  });

  it('pir.index.include and pir.index.exclude: the index follows the settings', async () => {
    const c = vscode.workspace.getConfiguration('pir.index');
    await c.update('include', '**/*.md', vscode.ConfigurationTarget.Workspace);
    try {
      await waitForTree(x => !!byId(x, 'NOTE-1'), 'notes.md once every *.md is included');
      await c.update('exclude', '{**/node_modules/**,reviews/**}', vscode.ConfigurationTarget.Workspace);
      const t = await waitForTree(x => !byId(x, 'CAP-42-1'), 'reviews/ excluded');
      assert.ok(byId(t, 'NOTE-1') && byId(t, 'CAP-44-1'));
      assert.ok(!byId(t, 'VENDOR-1'), 'node_modules stays excluded');
    } finally {
      await c.update('include', undefined, vscode.ConfigurationTarget.Workspace);
      await c.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const t = await waitForTree(x => !byId(x, 'NOTE-1') && !!byId(x, 'CAP-42-1'), 'the defaults again');
    assert.strictEqual(t.total, expectedActions().length);
  });

  it('Show Audit Report: an untitled Markdown document equal to `pir report`', async () => {
    const uri = await vscode.commands.executeCommand<string>('pir.showAuditReport', { folder: folder(), preview: false });
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri)!;
    assert.strictEqual(doc.isUntitled, true);
    assert.strictEqual(doc.languageId, 'markdown');
    const strip = (s: string) => s.replace(/^Generated .*$/m, 'Generated …').trimEnd();
    assert.strictEqual(strip(doc.getText()), strip(cli(['report', 'reviews', 'team-b'])));
    assert.match(doc.getText(), /INC-2026-044.*\| 7 \(3\) ⚠ \|/, 'team-b\'s .pir.yaml deadline of 3 days applies');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Reviews view: status, severity, meeting compliance and open/overdue counts; the icon is the review\'s problems', async () => {
    type R = { label: string; description: string; icon: string; tooltip: string; uri: string; audit: { meetingCompliant?: boolean; deadlineDays: number; open: number; overdue: number }; problems?: { errors: number; warnings: number; infos: number } };
    // the tooltip's Markdown as text: appendText writes spaces as &nbsp; and escapes punctuation
    const reviews = (await vscode.commands.executeCommand<R[]>('pir._test.reviewsTree')).map(r => ({ ...r, tooltip: r.tooltip.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1') }));
    const r44 = reviews.find(r => r.label.startsWith('INC-2026-044'))!;
    assert.strictEqual(r44.audit.deadlineDays, 3);
    assert.match(r44.description, /^final · SEV2 · 4 open · 1 overdue · meeting late$/);
    // the meeting status is in the tooltip, in words
    assert.match(r44.tooltip, /Meeting within policy: no: 7 days after resolution \(policy 3\)/);
    const r31 = reviews.find(r => r.label.startsWith('INC-2026-031'))!;
    assert.match(r31.tooltip, /Meeting within policy: yes/);
    assert.strictEqual(reviews.length, 4);
    // each icon says what the core finds in the file (with its .pir.yaml), as the Problems panel would
    for (const r of reviews) {
      const fsPath = vscode.Uri.parse(r.uri).fsPath;
      let dir = path.dirname(fsPath); let configText: string | undefined;
      while (dir.startsWith(folder().fsPath)) { const c = path.join(dir, '.pir.yaml'); if (fs.existsSync(c)) { configText = fs.readFileSync(c, 'utf8'); break; } dir = path.dirname(dir); }
      const config = configText === undefined ? undefined : parseConfig(configText).config;
      const findings = analyze(fs.readFileSync(fsPath, 'utf8'), { uri: r.uri, config, now: clockNow() }).findings;
      const expected = findings.some(f => f.severity === 'error') ? 'error' : findings.some(f => f.severity === 'warning') ? 'warning' : findings.length ? 'info' : 'pass';
      assert.strictEqual(r.icon, expected, `${r.label}: ${findings.map(f => `${f.severity} ${f.rule}`).join(', ')}`);
      assert.ok(r.problems && r.problems.errors === findings.filter(f => f.severity === 'error').length, `${r.label}: error count`);
      assert.match(r.tooltip, r.problems!.errors ? new RegExp(`Problems: ${r.problems!.errors} errors?`) : /Problems: /);
    }
    assert.ok(reviews.some(r => r.icon === 'error'), 'a review with errors shows the error icon, whatever its meeting');
  });

  it('Reviews view follows the open review\'s problems as they are fixed', async () => {
    type R = { label: string; icon: string; uri: string; problems?: { errors: number } };
    const before = (await vscode.commands.executeCommand<R[]>('pir._test.reviewsTree')).find(r => r.problems && r.problems.errors > 0)!;
    const editor = await open(vscode.Uri.parse(before.uri));
    // suppress every rule for the file: the review has no problems left, and the view says so
    const close = editor.document.getText().split('\n').findIndex((l, i) => i > 0 && l.trim() === '---');
    await editor.edit(b => b.insert(new vscode.Position(close + 1, 0), '<!-- pir-disable-file -->\n'));
    await waitFor(async () => (await vscode.commands.executeCommand<R[]>('pir._test.reviewsTree')).find(r => r.uri === before.uri)?.icon === 'pass', 'the pass icon once the problems are gone', 10_000, 100);
    await revert();
    await waitFor(async () => (await vscode.commands.executeCommand<R[]>('pir._test.reviewsTree')).find(r => r.uri === before.uri)?.icon === before.icon, 'the icon back after the revert', 10_000, 100);
    await sleep(1000); // let the index settle (the next test counts its reads)
  });

  it('long work shows progress: the index reports to the window progress, a cancelled export writes nothing', async () => {
    await vscode.commands.executeCommand('pir.actions.refresh');
    const stats = await vscode.commands.executeCommand<{ files: number; progress: string[] }>('pir._test.indexStats');
    assert.strictEqual(stats.progress[0], `0/${stats.files}`);
    assert.strictEqual(stats.progress[stats.progress.length - 1], `${stats.files}/${stats.files}`);
    const target = vscode.Uri.joinPath(folder(), 'cancelled-export.csv');
    const cts = new vscode.CancellationTokenSource();
    cts.cancel();
    const result = await vscode.commands.executeCommand('pir.exportActions', { format: 'csv', folder: folder(), target, token: cts.token });
    assert.strictEqual(result, undefined, 'a cancelled export returns nothing');
    assert.ok(!fs.existsSync(target.fsPath), 'and writes nothing');
  });

  it('keeps the index in the workspace storage, and a rescan reads no unchanged file again', async () => {
    const before = await vscode.commands.executeCommand<{ totalParsed: number; cache?: string; size: number }>('pir._test.indexStats');
    await vscode.commands.executeCommand('pir._test.saveIndex');
    assert.ok(before.cache, 'the extension has workspace storage');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(before.cache!)))) as { version: number; summaries: { uri: string; hash: string }[] };
    assert.strictEqual(saved.version, CACHE_VERSION, 'the cache says which summary format it holds');
    assert.strictEqual(saved.summaries.length, before.size, 'one summary per review, restored by content hash after a restart');
    await vscode.commands.executeCommand('pir.actions.refresh');
    const after = await vscode.commands.executeCommand<{ totalParsed: number; parsed: number; fromCache: number; files: number }>('pir._test.indexStats');
    assert.strictEqual(after.parsed, 0, 'no file summarised again');
    assert.strictEqual(after.fromCache, after.files);
    assert.strictEqual(after.totalParsed, before.totalParsed);
  });

  it('screenshot: the Corrective Actions view', async () => {
    await closeAll();
    await vscode.commands.executeCommand('pir.actions.clearFilters');
    await vscode.commands.executeCommand('pir.actions.groupBy', 'review');
    await vscode.commands.executeCommand('workbench.view.extension.pir-reviews');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closePanel').then(undefined, () => undefined);
    const t = await tree();
    const item = byId(t, 'CAP-44-1')!;
    await vscode.commands.executeCommand('pir.actions.reveal', { file: item.file, line: item.line, id: item.id });
    await vscode.commands.executeCommand('pir._test.revealAll');
    await vscode.commands.executeCommand('pir.actions.focus');
    await sleep(1500);
    const shot = await requestScreenshot('tree');
    if (shot) console.log(`    screenshot ${shot}`);
  });

  it('screenshot: the Reviews view (problems as the icon, the meeting in the tooltip)', async () => {
    await vscode.commands.executeCommand('pir.reviews.focus');
    await sleep(800);
    await vscode.commands.executeCommand('list.focusFirst');
    await sleep(300);
    await sleep(1200);
    const shot = await requestScreenshot('reviews');
    if (shot) console.log(`    screenshot ${shot}`);
  });
});
