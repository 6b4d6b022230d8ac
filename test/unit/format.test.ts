/**
 * The format layer (src/core/format, src/core/time/calendar) and the probes of issue 13: every
 * consumer — lint, the workspace index (tree, `pir actions`, audit report), exports and hovers —
 * reads an action item, a due date and a milestone the same way.
 */
import assert from 'node:assert/strict';
import {
  analyze, buildAudit, hoverAt, parseReview, ReviewIndex, summarize
} from '../../src/core';
import { actionsToJson, toExported } from '../../src/core/commands';
import { splitTableRow, cellValue, escapeCell, isDelimiterRow } from '../../src/core/format/table';
import { readListItem, stripListMarker } from '../../src/core/format/listItem';
import { dueDay, isOverdue, readFieldLine, readLeadingId, actionIdsIn } from '../../src/core/format/actionItem';
import { milestoneTags } from '../../src/core/format/milestones';
import { dayOf, formatDay, isDay, leadingYmd, parseDay, parseInstant, readUtcDateTime, utcDay } from '../../src/core/time/calendar';

const NOW = new Date('2026-12-20T09:00:00Z');

function review(actions: string, frontMatter = ''): string {
  return `---
id: INC-2026-101
title: Settings service rejected writes
status: in-review
severity: SEV2
started: 2026-11-20T13:55:00Z
resolved: 2026-11-20T16:00:00Z
${frontMatter}---

# Settings service rejected writes

## Action items

${actions}
`;
}

/** The action items as lint's parser, the workspace index and the JSON export see them. */
function threeWays(text: string) {
  const { review: parsed, findings } = analyze(text, { uri: 'file:///w/a.pir.md', now: NOW });
  const index = new ReviewIndex();
  index.update('file:///w/a.pir.md', text);
  const indexed = index.actions(NOW);
  const exported = JSON.parse(actionsToJson(toExported(indexed))) as { id: string; owner: string; due: string; title: string; overdue: boolean }[];
  return { parsed: parsed.actions, findings, indexed, exported };
}

describe('format: one reading of an action item', () => {
  it('a table row with an escaped pipe: the same owner, due and title for lint, the index and the exports', () => {
    const text = review(`| Action | Owner | Due |
|---|---|---|
| CAP-1: Reject a \\| in settings keys | @platform | 2026-12-11 |
`);
    const { parsed, findings, indexed, exported } = threeWays(text);
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0].id, 'CAP-1');
    assert.equal(parsed[0].fields.get('owner')?.value, '@platform');
    assert.equal(parsed[0].fields.get('due')?.value, '2026-12-11');
    assert.equal(parsed[0].title, 'Reject a | in settings keys');
    for (const a of [indexed[0], exported[0]]) {
      assert.equal(a.id, 'CAP-1');
      assert.equal(a.owner, '@platform');
      assert.equal(a.due, '2026-12-11');
      assert.equal(a.title, 'Reject a | in settings keys');
    }
    // overdue on 2026-12-20 in Problems and in the tree / exports alike
    assert.ok(findings.some(f => f.rule === 'action-overdue'));
    assert.equal(indexed[0].overdue, true);
    assert.equal(exported[0].overdue, true);
    // the audit report counts the same owner
    const audit = buildAudit(index(text).reviews(), indexed, { now: NOW });
    assert.deepEqual(audit.openByOwner.map(o => o.owner), ['@platform']);
  });

  it('a pipe inside a code span splits the cell unless escaped, as GFM says, for every reader', () => {
    const text = review(`| Action | Owner | Due |
|---|---|---|
| CAP-2: Quote \`a\\|b\` in logs | @logs | 2026-12-30 |
`);
    const { parsed, indexed } = threeWays(text);
    assert.equal(parsed[0].fields.get('owner')?.value, '@logs');
    assert.equal(indexed[0].owner, '@logs');
    assert.equal(indexed[0].title, parsed[0].title);
  });

  it('due: **2026-11-20** is overdue in Problems and in the tree', () => {
    const text = review(`- [ ] CAP-1: Alert on rejected writes
  - owner: @platform
  - due: **2026-11-20**
  - validation: a drill
  - tracking: https://t.example/1
`);
    const { findings, indexed, exported } = threeWays(text);
    assert.ok(findings.some(f => f.rule === 'action-overdue'), 'Problems');
    assert.equal(indexed[0].overdue, true, 'tree');
    assert.equal(exported[0].overdue, true, 'export');
    assert.ok(!findings.some(f => f.rule === 'action-fields'), 'a bold date is a date');
  });

  it('due: 2026-11-20 (moved) is not a date anywhere: not overdue in Problems nor in the tree, and action-fields asks for a date', () => {
    const text = review(`- [ ] CAP-1: Alert on rejected writes
  - owner: @platform
  - due: 2026-11-20 (moved)
  - validation: a drill
  - tracking: https://t.example/1
`);
    const { findings, indexed } = threeWays(text);
    assert.ok(!findings.some(f => f.rule === 'action-overdue'), 'Problems');
    assert.equal(indexed[0].overdue, false, 'tree');
    assert.ok(findings.some(f => f.rule === 'action-fields' && /write a date/.test(f.message)));
  });

  it('an impossible due date (2027-02-29) is no date: action-fields says so, nobody calls it overdue', () => {
    const text = review(`- [ ] CAP-1: Alert on rejected writes
  - owner: @platform
  - due: 2027-02-29
  - validation: a drill
  - tracking: https://t.example/1
`);
    const { findings, indexed } = threeWays(text);
    assert.ok(findings.some(f => f.rule === 'action-fields' && /2027-02-29/.test(f.message)));
    assert.equal(indexed[0].overdue, false);
  });

  it('a milestone key with an offset (started: …+01:00) is read by hovers as by milestone-order', () => {
    const text = `---
id: INC-2026-102
title: Login failures
status: in-review
severity: SEV2
started: 2026-11-20T14:55:00+01:00
---

# Login failures

## Timeline

- 14:02 UTC — Alert fired [detected]
- 14:40 UTC — Rolled back [mitigated]
`;
    const r = parseReview(text, { uri: 'file:///w/b.pir.md' });
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes('[mitigated]'));
    const h = hoverAt(r, { line, character: lines[line].indexOf('[mitigated]') + 2 })!;
    const rows = Object.fromEntries(h.rows.map(x => [x.label, x.value]));
    assert.equal(rows['Time to mitigate'], '45 min');
    assert.equal(rows['Time to detect'], '7 min');
    const started = hoverAt(r, { line: lines.findIndex(l => l.startsWith('started:')), character: 3 })!;
    assert.equal(started.title, 'Started: 2026-11-20 13:55 UTC');
  });
});

function index(text: string): ReviewIndex {
  const i = new ReviewIndex();
  i.update('file:///w/a.pir.md', text);
  return i;
}

describe('format: table rows', () => {
  const cells = (line: string) => splitTableRow(line).cells.map(c => c.raw);
  it('splits at unescaped pipes, keeps escapes, and reads a trailing pipe as the row end', () => {
    assert.deepEqual(cells('| a | b\\|c | d |'), ['a', 'b\\|c', 'd']);
    assert.deepEqual(cells('| x\\\\| y |'), ['x\\\\', 'y']);
    assert.deepEqual(cells('a | b'), ['a', 'b']);
    assert.deepEqual(cells('| a | `b|c` |'), ['a', '`b', 'c`']);
    assert.deepEqual(cells('| a | b\\|'), ['a', 'b\\|']);
    assert.equal(cellValue('Reject a \\| in keys'), 'Reject a | in keys');
    assert.equal(escapeCell('a | b \\| c'), 'a \\| b \\| c');
  });
  it('recognises the delimiter row', () => {
    assert.ok(isDelimiterRow('|---|:--:|--:|'));
    assert.ok(isDelimiterRow(' --- | --- '));
    assert.ok(!isDelimiterRow('| a | --- |'));
    assert.ok(!isDelimiterRow('|   |'));
  });
});

describe('format: list items, IDs, fields, milestones', () => {
  it('reads markers, checkboxes and content columns', () => {
    assert.deepEqual(readListItem('  - [x] CAP-1: Do it'), { indent: '  ', marker: '-', markerEnd: 4, contentCol: 8, content: 'CAP-1: Do it', checkbox: { col: 4, checked: true } });
    assert.equal(readListItem('12) item')?.marker, '12)');
    assert.equal(readListItem('1234567890. not a list'), undefined);
    assert.equal(readListItem('-no space'), undefined);
    assert.equal(stripListMarker('* [ ] text'), 'text');
  });
  it('reads the leading ID in its written forms and IDs in running text', () => {
    assert.deepEqual(readLeadingId('**CAP-7** — Add a canary'), { id: 'CAP-7', idStart: 2, end: 12 });
    assert.equal(readLeadingId('`FU-3a`. Fix')?.id, 'FU-3a');
    assert.equal(readLeadingId('CAP-42-1: Alert')?.id, 'CAP-42-1');
    assert.equal(readLeadingId('Add an alert'), undefined);
    assert.deepEqual(actionIdsIn('after CAP-1 and PLAT-7, not X-CAP-1b-'), [{ id: 'CAP-1', start: 6, end: 11 }, { id: 'PLAT-7', start: 16, end: 22 }]);
  });
  it('reads field lines with markup and aliases', () => {
    assert.equal(readFieldLine('**Owner:** @ana')?.key, 'owner');
    assert.equal(readFieldLine('**Owner:** @ana')?.value, '@ana');
    assert.equal(readFieldLine('_due date_: **2026-12-11** # moved once')?.value, '**2026-12-11');
    assert.equal(readFieldLine('assigned to: @ops')?.key, 'owner');
    assert.equal(readFieldLine('no colon here'), undefined);
  });
  it('isOverdue takes today as a parameter and agrees with dueDay', () => {
    const today = utcDay(new Date('2026-11-21T23:59:00Z'));
    assert.equal(isOverdue({ status: 'open', due: '2026-11-20' }, today), true);
    assert.equal(isOverdue({ status: 'blocked', due: '**2026-11-20**' }, today), true);
    assert.equal(isOverdue({ status: 'open', due: '2026-11-21' }, today), false);
    assert.equal(isOverdue({ status: 'done', due: '2026-11-20' }, today), false);
    assert.equal(isOverdue({ status: 'open', due: '2026-11-20 (moved)' }, today), false);
    assert.equal(dueDay('`2026-11-20`'), Date.UTC(2026, 10, 20));
  });
  it('finds milestone tags in any case', () => {
    assert.deepEqual(milestoneTags('a [Detected] b [resolved]').map(t => t.milestone), ['detected', 'resolved']);
  });
});

describe('time/calendar', () => {
  it('refuses impossible dates everywhere', () => {
    for (const bad of ['2027-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-01']) {
      assert.equal(parseDay(bad), undefined, bad);
      assert.equal(isDay(bad), false, bad);
    }
    assert.equal(formatDay(parseDay('2028-02-29')!), '2028-02-29');
    assert.equal(parseInstant('2027-02-29T10:00:00Z'), undefined);
    assert.equal(readUtcDateTime('2026-13-01 10:00'), undefined);
    assert.equal(leadingYmd('2026-02-30T10:00Z'), undefined);
  });
  it('reads instants with Z or an offset, and not without a zone', () => {
    assert.equal(parseInstant('2026-11-20T14:55:00+01:00'), Date.UTC(2026, 10, 20, 13, 55));
    assert.equal(parseInstant('2026-11-20T14:55-0530'), Date.UTC(2026, 10, 20, 20, 25));
    assert.equal(parseInstant('2026-11-20T14:55:00'), undefined);
    assert.equal(parseInstant(new Date(Date.UTC(2026, 0, 1))), Date.UTC(2026, 0, 1));
    assert.equal(dayOf('2026-11-20T23:30:00-02:00'), Date.UTC(2026, 10, 21));
  });
  it('the summary keeps an index restored from an older cache version out', () => {
    const text = review('- [ ] CAP-1: A\n  - owner: @a\n');
    const old = new ReviewIndex();
    old.restore(JSON.stringify({ version: 1, summaries: [{ ...summarize('file:///w/a.pir.md', text), actions: [] }] }));
    old.update('file:///w/a.pir.md', text);
    assert.equal(old.actions(NOW)[0]?.owner, '@a');
  });
});
