// Issue 20 in a real VS Code: text from a review, a file name or .pir.yaml never becomes a link in
// a notification, an icon in the status bar or a "Copied" message, or a variable in a snippet quick
// fix; Export Timeline as SVG never writes through a symbolic link. Notifications: the message the
// extension hands to VS Code is checked against VS Code's own link pattern (this workbench shows no
// toasts while tests run). The status bar is read from the page (runner/helpers queryWorkbench)
// when the code-server runner listens.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { queryWorkbench } from '../../runner/helpers';
import { activeExtension, closeAll, quickFixFor, codeOf, file, open, sleep, waitFor, writeText } from '../shared/pir';

// VS Code's link syntax in notifications (vs/base/common/linkedText.ts)
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const RUN = 'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D';

type Kind = 'info' | 'warning' | 'error';
const shown: { kind: Kind; message: string }[] = [];
const originals: Partial<Record<string, unknown>> = {};

/** Records what the extension hands to the notification API, and shows it as usual. */
function recordNotifications(): void {
  const w = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const [name, kind] of [['showInformationMessage', 'info'], ['showWarningMessage', 'warning'], ['showErrorMessage', 'error']] as const) {
    const original = w[name];
    originals[name] = original;
    w[name] = (message: unknown, ...rest: unknown[]) => { shown.push({ kind, message: String(message) }); return original.call(vscode.window, message, ...rest); };
  }
}
function restoreNotifications(): void {
  const w = vscode.window as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(originals)) w[k] = v;
}

function assertNoLink(message: string): void {
  assert.ok(!LINK.test(message), `no link in: ${message}`);
}

describe('security: what a repository holds stays text', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-outside-'));
  before(async () => {
    await activeExtension();
    await vscode.commands.executeCommand('notifications.clearAll');
    recordNotifications();
  });
  after(async () => {
    restoreNotifications();
    await vscode.commands.executeCommand('notifications.clearAll');
    fs.rmSync(outside, { recursive: true, force: true });
    await closeAll();
  });
  beforeEach(() => { shown.length = 0; });

  it('Import: a heading with a nested command link reaches the confirmation as text', async () => {
    const src = file('sec', 'nested-link.md');
    await writeText(src, `# Cache outage\n\n## [[Open the diff](x)](${RUN})\n\nThe cache fell over.\n\n## Timeline\n\n- 10:00 UTC paged\n`);
    const pending = vscode.commands.executeCommand<{ notes: string[] }>('pir.importPostmortem', { uri: src });
    const message = await waitFor(() => shown.find(s => s.message.includes('Open the diff'))?.message, 'the import confirmation', 60_000);
    assertNoLink(message);
    await vscode.commands.executeCommand('notifications.clearAll');
    // dismissing the notification is no answer (the diff's own buttons stay): closing the diff cancels
    await closeAll();
    const outcome = await pending;
    assert.ok(outcome?.notes.some(n => n.includes(RUN)), 'the note itself quotes the heading as written');
  });

  it('Open Tracking Link: an action ID with a command link is named as text in the warning', async () => {
    const review = file('sec', 'tracking.pir.md');
    await writeText(review, '# INC-1: x\n\n## Action items\n\n- [ ] CAP-1: Add a lag alert\n');
    const id = `[Run](${RUN})`;
    assert.strictEqual(await vscode.commands.executeCommand('pir.actions.openTracking', { file: review.toString(), line: 4, id, tracking: 'javascript:alert(1)' }), false);
    const message = await waitFor(() => shown.find(s => s.kind === 'warning')?.message, 'the warning');
    assert.match(message, /\[Run\] \(command:/);
    assertNoLink(message);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Export Timeline as SVG: refuses a planted symbolic link (dangling) beside a review named like a command link, in one message that is text', async () => {
    const name = `[Open](${RUN.replace(/%/g, '')})`;
    const review = file('sec', `${name}.pir.md`);
    await writeText(review, '---\nid: INC-9\ntitle: t\n---\n# INC-9: t\n\n## Timeline\n\n- 2026-01-01 10:00 UTC paged\n- 2026-01-01 10:30 UTC mitigated\n');
    const planted = path.join(path.dirname(review.fsPath), `${name}.timeline.svg`);
    const victim = path.join(outside, 'victim.txt');
    fs.symlinkSync(victim, planted);
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('pir.exportTimelineSvg', review);
    assert.strictEqual(result, undefined);
    assert.strictEqual(fs.existsSync(victim), false, 'nothing was created outside the workspace');
    assert.ok(fs.lstatSync(planted).isSymbolicLink(), 'the link is left as it was');
    const message = await waitFor(() => shown.find(s => s.kind === 'error')?.message, 'the error');
    assert.match(message, /symbolic link/);
    assert.strictEqual(message.split('\n').length, 1);
    assertNoLink(message);
    // without the link, the picture is written, and the message naming it is text as well
    fs.rmSync(planted);
    shown.length = 0;
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('pir.exportTimelineSvg', review);
    assert.ok(written && fs.readFileSync(written.fsPath, 'utf8').startsWith('<svg'));
    const saved = await waitFor(() => shown.find(s => s.message.startsWith('Saved'))?.message, 'the saved message');
    assertNoLink(saved);
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAll();
  });

  it('the status bar shows status: "$(sync~spin)" and severity: "$(flame)" as text, not icons', async () => {
    const review = file('sec', 'icons.pir.md');
    await writeText(review, '---\nid: INC-7\ntitle: t\nstatus: "$(sync~spin)"\nseverity: "$(flame)"\n---\n# INC-7: t\n');
    await open(review);
    const probe = await queryWorkbench('.statusbar-item');
    if (!probe) return; // no page to read (desktop runner): the core's text is unit-tested
    const item = await waitFor(async () => (await queryWorkbench('.statusbar-item'))?.find(e => e.text.includes('(flame)')), 'the review\'s status bar item');
    assert.ok(item.text.includes('$(sync~spin)') && item.text.includes('$(flame)'), item.text);
    assert.ok(!item.icons.some(c => /codicon-(sync|flame)\b/.test(c)), item.icons.join(' '));
    assert.ok(item.icons.some(c => /codicon-checklist\b/.test(c)), 'the item\'s own icon is still an icon');
    await closeAll();
  });

  it('"Copied" shows an ID with $(…) as text', async () => {
    const review = file('sec', 'tracking.pir.md');
    const id = '$(eye)CAP-1';
    try { await vscode.commands.executeCommand('pir.actions.copyId', { file: review.toString(), line: 4, id }); } catch { /* no clipboard in this browser */ }
    const probe = await queryWorkbench('.statusbar-item');
    if (!probe) return;
    const item = await waitFor(async () => (await queryWorkbench('.statusbar-item'))?.find(e => e.text.includes('Copied')), 'the Copied message');
    assert.ok(item.text.includes('$(eye)CAP-1'), item.text);
    assert.ok(!item.icons.some(c => /codicon-eye\b/.test(c)));
  });

  it('requiredRoles: ["$CLIPBOARD ${TM_FILENAME}"] in .pir.yaml: the quick fix inserts the name as written', async () => {
    await writeText(file('sec', 'roles', '.pir.yaml'), 'requiredRoles: ["$CLIPBOARD ${TM_FILENAME}"]\nroles: ["$CLIPBOARD ${TM_FILENAME}", responder]\n');
    const review = file('sec', 'roles', 'roles.pir.md');
    await writeText(review, '---\nid: INC-5\ntitle: t\nstatus: draft\nseverity: P2\nattendees:\n  - name: Ana\n    role: responder\n---\n# INC-5: t\n');
    const editor = await open(review);
    // the first lint of a review in a new folder reads that folder's .pir.yaml (no file-watcher event needed)
    const ext = await activeExtension();
    const ds = await waitFor(async () => {
      await ext.exports.lint(review);
      const found = vscode.languages.getDiagnostics(review).filter(x => codeOf(x) === 'required-roles' && x.message.includes('$CLIPBOARD'));
      return found.length ? found : undefined;
    }, 'the required-roles finding for the .pir.yaml role', 20_000, 500);
    for (const d of ds) {
      const fix = await quickFixFor(review, d.range, /Add an attendee/);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await sleep(300);
      await vscode.commands.executeCommand('leaveSnippet');
    }
    const text = editor.document.getText();
    assert.ok(text.includes('role: $CLIPBOARD ${TM_FILENAME}'), text);
    assert.ok(!text.includes('roles.pir.md'), 'no variable was filled in');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });
});
