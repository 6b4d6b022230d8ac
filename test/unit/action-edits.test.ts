import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, summarize } from '../../src/core';
import { ActionEditError, findActionLine, isIsoDate, markDoneEdits, setDueEdits, setFieldEdits, setOwnerEdits } from '../../src/core/workspace/edits';
import type { TextEdit } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples', 'reviews');

const apply = (text: string, edits: TextEdit[]) => applyEdits(text, edits).text;
const lineOf = (text: string, needle: string) => text.split(/\r?\n/).findIndex(l => l.includes(needle));
const action = (text: string, id: string) => summarize('', text).actions.find(a => a.id === id)!;

/** edits never overlap or touch: VS Code's WorkspaceEdit and applyEdits take them as they are */
function assertDisjoint(edits: TextEdit[]) {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1].range.end, b = edits[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character < b.character), `edit ${i} starts after edit ${i - 1} ends`);
  }
}

const LIST = `---
id: INC-1
---
## Action items

- [ ] CAP-1-1: Page the database on-call when replication lag is above 30 s
  - owner: @db-oncall
  - due: 2026-12-01
  - validation: replaying the lag trace pages within 5 minutes
  - tracking: https://tracker.example.com/DB-1
- [ ] CAP-1-2: Roll out settings pushes to 5% of pods first
  - owner: @deploy-tooling
  - status: in-progress
  - tracking: https://tracker.example.com/DB-2
- [ ] CAP-1-3: Add a schema check to settings-repo CI
  so that a string in tax.providers fails the build
- [x] CAP-1-4: Fire the 5xx alert at 2% over 2 minutes
  - owner: @checkout-oncall
  - evidence: https://tracker.example.com/DB-4
    (see the drill notes)
  - tracking: https://tracker.example.com/DB-5

## Lessons learned

- Something
`;

describe('action edits (core, no vscode)', () => {
  it('mark done: ticks the box and adds evidence after the last field', () => {
    const line = lineOf(LIST, 'CAP-1-1:');
    const edits = markDoneEdits(LIST, line, 'https://git.example.com/pr/42');
    assertDisjoint(edits);
    const out = apply(LIST, edits);
    assert.match(out, /^- \[x\] CAP-1-1: Page/m);
    assert.match(out, /  - tracking: https:\/\/tracker\.example\.com\/DB-1\n  - evidence: https:\/\/git\.example\.com\/pr\/42\n- \[ \] CAP-1-2/);
    const a = action(out, 'CAP-1-1');
    assert.equal(a.status, 'done');
    assert.equal(a.evidence, 'https://git.example.com/pr/42');
    assert.equal(a.owner, '@db-oncall', 'other fields untouched');
    // nothing else changed
    assert.equal(out.split('\n').length, LIST.split('\n').length + 1);
  });

  it('mark done: removes an in-progress status, which would otherwise keep the item open', () => {
    const line = lineOf(LIST, 'CAP-1-2:');
    const out = apply(LIST, markDoneEdits(LIST, line, 'rolled out, see DEPLOY-7'));
    assert.ok(!out.includes('status: in-progress'));
    assert.match(out, /  - owner: @deploy-tooling\n  - tracking: https:\/\/tracker\.example\.com\/DB-2\n  - evidence: rolled out, see DEPLOY-7\n/);
    assert.equal(action(out, 'CAP-1-2').status, 'done');
  });

  it('mark done: an item without fields gets the evidence after its wrapped title, not inside it', () => {
    const line = lineOf(LIST, 'CAP-1-3:');
    const out = apply(LIST, markDoneEdits(LIST, line, 'PR 17'));
    assert.match(out, /- \[x\] CAP-1-3: Add a schema check to settings-repo CI\n  so that a string in tax\.providers fails the build\n  - evidence: PR 17\n/);
    assert.equal(action(out, 'CAP-1-3').evidence, 'PR 17');
  });

  it('mark done on a done item updates its evidence, a multi-line value included', () => {
    const line = lineOf(LIST, 'CAP-1-4:');
    const out = apply(LIST, markDoneEdits(LIST, line, 'drill 2026-11-30 passed'));
    assert.match(out, /  - evidence: drill 2026-11-30 passed\n  - tracking: https:\/\/tracker\.example\.com\/DB-5/);
    assert.ok(!out.includes('see the drill notes'));
    assert.ok(out.includes('- [x] CAP-1-4'));
  });

  it('mark done: evidence is required and kept on one line', () => {
    assert.throws(() => markDoneEdits(LIST, lineOf(LIST, 'CAP-1-1:'), '  \n '), ActionEditError);
    const out = apply(LIST, markDoneEdits(LIST, lineOf(LIST, 'CAP-1-1:'), 'line one\nline two'));
    assert.equal(action(out, 'CAP-1-1').evidence, 'line one line two');
  });

  it('a plain list item without a checkbox gets one', () => {
    const text = '## Action items\n\n1. CAP-9: Add an alert on queue depth above 10k\n   - owner: @queue\n';
    const out = apply(text, markDoneEdits(text, 2, 'PR 1'));
    assert.equal(out, '## Action items\n\n1. [x] CAP-9: Add an alert on queue depth above 10k\n   - owner: @queue\n   - evidence: PR 1\n');
    assert.equal(action(out, 'CAP-9').status, 'done');
  });

  it('set owner / due: replaces the value, keeps a trailing comment and the bold key style', () => {
    const text = '## Action items\n\n- [ ] CAP-2: Pin the base image digest\n  - **Owner:** @old # was @older\n  - due: next sprint\n';
    let out = apply(text, setOwnerEdits(text, 2, '@platform'));
    assert.equal(out.split('\n')[3], '  - **Owner:** @platform # was @older');
    out = apply(out, setDueEdits(out, 2, '2027-01-15'));
    assert.equal(out.split('\n')[4], '  - due: 2027-01-15');
    assert.equal(action(out, 'CAP-2').owner, '@platform');
    assert.equal(action(out, 'CAP-2').due, '2027-01-15');
  });

  it('fields written after the title on its line are edited in place; marking done turns their status into done', () => {
    const text = '## Action items\n\n- [ ] CAP-4: Rotate the signing key — owner: @ana, due: 2026-12-01, status: in progress\n- [ ] Split the queue - https://git.example.com/ops/-/issues/7 - Owner: @bo\n';
    let out = apply(text, setOwnerEdits(text, 2, '@sec'));
    assert.equal(out.split('\n')[2], '- [ ] CAP-4: Rotate the signing key — owner: @sec, due: 2026-12-01, status: in progress');
    out = apply(out, markDoneEdits(out, 2, 'https://git.example.com/ops/-/merge_requests/12'));
    assert.deepEqual(out.split('\n').slice(2, 4), ['- [x] CAP-4: Rotate the signing key — owner: @sec, due: 2026-12-01, status: done', '  - evidence: https://git.example.com/ops/-/merge_requests/12']);
    assert.equal(action(out, 'CAP-4').status, 'done');
    // a field the line does not carry goes on a line below, as always
    out = apply(text, setDueEdits(text, 3, '2027-01-15'));
    assert.deepEqual(out.split('\n').slice(3, 5), ['- [ ] Split the queue - https://git.example.com/ops/-/issues/7 - Owner: @bo', '  - due: 2027-01-15']);
  });

  it('set a missing field: placed in the canonical order (owner first, due after owner)', () => {
    const text = '## Action items\n\n- [ ] CAP-3: Add a runbook step for the DNS failover\n  - validation: a game day\n  - tracking: https://t.example.com/3\n';
    let out = apply(text, setDueEdits(text, 2, '2026-12-24'));
    assert.deepEqual(out.split('\n').slice(3, 6), ['  - due: 2026-12-24', '  - validation: a game day', '  - tracking: https://t.example.com/3']);
    out = apply(out, setOwnerEdits(out, 2, '@sre'));
    assert.deepEqual(out.split('\n').slice(3, 5), ['  - owner: @sre', '  - due: 2026-12-24']);
  });

  it('follows the item\'s indentation and bullet, and the document\'s CRLF line breaks', () => {
    const text = '## Action items\r\n\r\n* [ ] CAP-4: Alert on cert expiry 14 days ahead\r\n    * owner: @pki\r\n';
    const out = apply(text, markDoneEdits(text, 2, 'PR 9'));
    assert.equal(out, '## Action items\r\n\r\n* [x] CAP-4: Alert on cert expiry 14 days ahead\r\n    * owner: @pki\r\n    * evidence: PR 9\r\n');
  });

  it('a last line without a line break: removing the status and adding evidence stay one edit set', () => {
    const text = '## Action items\n\n- [ ] CAP-5: Cap retries at 3\n  - owner: @api\n  - status: blocked';
    const edits = markDoneEdits(text, 2, 'PR 5');
    assertDisjoint(edits);
    assert.equal(apply(text, edits), '## Action items\n\n- [x] CAP-5: Cap retries at 3\n  - owner: @api\n  - evidence: PR 5');
  });

  it('tables: sets the Status cell and adds an Evidence column when there is none', () => {
    const text = [
      '## Action items', '',
      '| Action | Owner | Due | Status |',
      '|---|---|---|---|',
      '| CAP-31-1: Send failing messages to invoices.dlq | @billing | 2026-10-23 | open |',
      '| CAP-31-2: Alert on queue age above 10 minutes | @billing | 2026-10-30 | in-progress |',
      '',
    ].join('\n');
    const edits = markDoneEdits(text, 5, 'alert fired in the drill | 2026-11-02');
    assertDisjoint(edits);
    const out = apply(text, edits);
    assert.deepEqual(out.split('\n').slice(2, 6), [
      '| Action | Owner | Due | Status | Evidence |',
      '|---|---|---|---|---|',
      '| CAP-31-1: Send failing messages to invoices.dlq | @billing | 2026-10-23 | open | |',
      '| CAP-31-2: Alert on queue age above 10 minutes | @billing | 2026-10-30 | done | alert fired in the drill \\| 2026-11-02 |',
    ]);
    const a = action(out, 'CAP-31-2');
    assert.equal(a.status, 'done');
    assert.equal(action(out, 'CAP-31-1').status, 'open');
  });

  it('tables: set owner and due fill empty cells and replace values', () => {
    const text = '## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| CAP-6: Add a canary stage |  | soon |\n';
    let out = apply(text, setOwnerEdits(text, 4, '@deploy'));
    out = apply(out, setDueEdits(out, 4, '2026-12-31'));
    assert.equal(out.split('\n')[4], '| CAP-6: Add a canary stage | @deploy | 2026-12-31 |');
  });

  it('the example reviews: mark done turns every open item done with its evidence, and nothing else changes', () => {
    for (const f of fs.readdirSync(EXAMPLES).filter(n => n.endsWith('.pir.md'))) {
      const text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      const before = summarize('', text).actions;
      for (const a of before.filter(x => x.status !== 'done')) {
        const out = apply(text, markDoneEdits(text, a.line, `evidence for ${a.id}`));
        const after = summarize('', out).actions;
        assert.equal(after.length, before.length, `${f} ${a.id}: same number of items`);
        const b = after.find(x => x.id === a.id && Math.abs(x.line - a.line) <= 1)!;
        assert.equal(b.status, 'done', `${f} ${a.id}`);
        assert.equal(b.evidence, `evidence for ${a.id}`, `${f} ${a.id}`);
        for (const other of after.filter(x => x !== b)) {
          const was = before.find(x => x.id === other.id && x.title === other.title)!;
          assert.deepEqual({ ...other, line: 0 }, { ...was, line: 0 }, `${f}: ${other.id} unchanged`);
        }
      }
    }
  });

  it('refuses a line that is not an action item, and a date that does not exist', () => {
    assert.throws(() => markDoneEdits(LIST, 0, 'x'), /not an action item/);
    assert.throws(() => markDoneEdits(LIST, lineOf(LIST, '- owner: @db-oncall'), 'x'), /not an action item/);
    assert.throws(() => setDueEdits(LIST, lineOf(LIST, 'CAP-1-1:'), '2026-02-30'), /not a date/);
    assert.throws(() => setDueEdits(LIST, lineOf(LIST, 'CAP-1-1:'), 'next week'), /not a date/);
    assert.throws(() => setOwnerEdits(LIST, lineOf(LIST, 'CAP-1-1:'), ' '), ActionEditError);
    assert.throws(() => setFieldEdits(LIST, 999, 'owner', '@x'), /not an action item/);
  });

  it('isIsoDate and findActionLine', () => {
    assert.equal(isIsoDate('2026-12-11'), true);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-1-1'), false);
    const moved = 'intro\n\n' + LIST;
    assert.equal(findActionLine(moved, 'CAP-1-2', lineOf(LIST, 'CAP-1-2:')), lineOf(moved, 'CAP-1-2:'));
    assert.equal(findActionLine(moved, 'CAP-404'), undefined);
  });
});
