import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits, parseReview } from '../../../src/core';
import { timelineEdits, readTimeInput, parseUtcTime, renderStamp, locateEntry, tableCells, type TimelineIntent, type EntryRef } from '../../../src/core/timeline/edit';
import { buildTimelineView } from '../../../src/core/timeline/view';

const LIST = `---
id: INC-1
title: Checkout errors
started: 2026-11-20T13:55:00Z
---
# Checkout errors

## Timeline

All times UTC.

- 2026-11-20 13:55 UTC — Config push reaches all pods [started]
- 14:02 UTC — Alert fires; on-call paged [detected]
- 14:20 UTC — Rollback of release completes; errors unchanged
  - a note under the entry, part of it
- 14:40 UTC — Previous config restored [mitigated]
- 15:30 UTC — Incident closed [resolved]

## Response

Text.
`;

const TABLE = `---
id: INC-2
title: Queue backlog
started: 2026-10-02T05:40:00Z
---
# Queue backlog

## Incident timeline

| Time (UTC) | Event | Source |
|---|---|---|
| 2026-10-02 05:40 UTC | First invoice job stalls | |
| 05:55 UTC | Queue-depth alert posts to the channel | https://alerts.example.com/1 |
| 07:15 UTC | Support escalates a customer report [detected] | |

## Root causes

Text.
`;

function run(text: string, intent: TimelineIntent | ((r: ReturnType<typeof parseReview>) => TimelineIntent)): string {
  const review = parseReview(text);
  const i = typeof intent === 'function' ? intent(review) : intent;
  const res = timelineEdits(review, i);
  if (!res.ok) throw new Error(res.error);
  return applyEdits(text, res.edits).text;
}

function ref(review: ReturnType<typeof parseReview>, i: number): EntryRef {
  const e = review.timeline[i];
  return { line: e.line, text: review.lines.lineText(e.line) };
}

/** The lines of the timeline entries of a document. */
function entryLines(text: string): string[] {
  const r = parseReview(text);
  return r.timeline.map(e => r.lines.lineText(e.line));
}

/** Every line outside [from, to) of the timeline is byte-identical. */
function onlyTimelineChanged(before: string, after: string) {
  const a = before.split('\n'), b = after.split('\n');
  const head = a.findIndex(l => /^## (Incident )?timeline/i.test(l));
  const tailA = a.findIndex((l, i) => i > head && l.startsWith('## '));
  const tailB = b.findIndex((l, i) => i > head && l.startsWith('## '));
  assert.deepEqual(b.slice(0, head + 1), a.slice(0, head + 1));
  assert.deepEqual(b.slice(tailB), a.slice(tailA));
}

describe('timeline edits: Markdown round trip', () => {
  it('an edit that changes nothing gives byte-identical Markdown', () => {
    for (const doc of [LIST, TABLE]) {
      const r = parseReview(doc);
      for (let i = 0; i < r.timeline.length; i++) {
        const view = buildTimelineView(r, [], 1, 'x');
        const row = view.rows[i];
        const res = timelineEdits(r, { type: 'editEntry', ref: ref(r, i), changes: { description: row.description, milestone: row.milestone ?? null, link: row.link ?? '' } });
        assert.ok(res.ok);
        assert.equal(applyEdits(doc, res.ok ? res.edits : []).text, doc, `entry ${i}`);
      }
    }
  });

  it('sorting a sorted timeline changes nothing; converting a UTC timeline fails politely', () => {
    for (const doc of [LIST, TABLE]) {
      const r = parseReview(doc);
      const res = timelineEdits(r, { type: 'sortEntries' });
      assert.ok(res.ok && res.edits.length === 0);
      const c = timelineEdits(r, { type: 'convertAll' });
      assert.equal(c.ok, false);
    }
  });

  it('the example reviews survive a no-op round trip of every entry', () => {
    for (const f of ['2026-11-20-checkout-config-push', '2026-10-02-queue-backlog', '2026-11-18-login-outage-draft']) {
      const doc = readFileSync(`examples/reviews/${f}.pir.md`, 'utf8');
      const r = parseReview(doc);
      const view = buildTimelineView(r, [], 1, f);
      assert.ok(view.rows.length > 5, f);
      view.rows.forEach((row, i) => {
        const res = timelineEdits(r, { type: 'editEntry', ref: ref(r, i), changes: { description: row.description, milestone: row.milestone ?? null } });
        assert.ok(res.ok, `${f} entry ${i}`);
        assert.equal(applyEdits(doc, res.ok ? res.edits : []).text, doc, `${f} entry ${i}: ${row.text}`);
      });
    }
  });

  it('adds an entry where it belongs in time, written as an author would (date omitted on the same day)', () => {
    const out = run(LIST, { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 'Incident declared SEV2', milestone: null } });
    assert.deepEqual(entryLines(out).slice(1, 4), [
      '- 14:02 UTC — Alert fires; on-call paged [detected]',
      '- 14:10 UTC — Incident declared SEV2',
      '- 14:20 UTC — Rollback of release completes; errors unchanged',
    ]);
    onlyTimelineChanged(LIST, out);
    // only one line was added
    assert.equal(out.split('\n').length, LIST.split('\n').length + 1);
  });

  it('writes the date on a new entry on another day, with a source link and a tag', () => {
    const out = run(LIST, { type: 'addEntry', entry: { time: '2026-11-21T09:00', description: 'Customers emailed', milestone: 'resolved', link: 'https://tracker.example.com/X-1' } });
    assert.equal(entryLines(out).at(-1), '- 2026-11-21 09:00 UTC — Customers emailed ([source](https://tracker.example.com/X-1)) [resolved]');
  });

  it('a new entry after a multi-line item goes after the whole item', () => {
    const out = run(LIST, { type: 'addEntry', entry: { time: '2026-11-20 14:30', description: 'Found the cause' } });
    const lines = out.split('\n');
    const i = lines.indexOf('  - a note under the entry, part of it');
    assert.equal(lines[i + 1], '- 14:30 UTC — Found the cause');
  });

  it('edits only what changed: description, tag, link, time', () => {
    const r = parseReview(LIST);
    const res = timelineEdits(r, { type: 'editEntry', ref: ref(r, 1), changes: { description: 'Alert checkout_5xx fires' } });
    assert.ok(res.ok);
    assert.equal(res.edits.length, 1);
    assert.equal(res.edits[0].range.start.line, r.timeline[1].line);
    let out = applyEdits(LIST, res.edits).text;
    assert.equal(entryLines(out)[1], '- 14:02 UTC — Alert checkout_5xx fires [detected]');
    out = run(out, rr => ({ type: 'editEntry', ref: ref(rr, 1), changes: { milestone: null } }));
    assert.equal(entryLines(out)[1], '- 14:02 UTC — Alert checkout_5xx fires');
    out = run(out, rr => ({ type: 'editEntry', ref: ref(rr, 1), changes: { milestone: 'detected', link: 'https://alerts.example.com/a' } }));
    assert.equal(entryLines(out)[1], '- 14:02 UTC — Alert checkout_5xx fires ([source](https://alerts.example.com/a)) [detected]');
    out = run(out, rr => ({ type: 'editEntry', ref: ref(rr, 1), changes: { link: 'https://alerts.example.com/b' } }));
    assert.equal(entryLines(out)[1], '- 14:02 UTC — Alert checkout_5xx fires ([source](https://alerts.example.com/b)) [detected]');
    out = run(out, rr => ({ type: 'editEntry', ref: ref(rr, 1), changes: { link: '' } }));
    assert.equal(entryLines(out)[1], '- 14:02 UTC — Alert checkout_5xx fires [detected]');
    out = run(out, rr => ({ type: 'editEntry', ref: ref(rr, 1), changes: { time: '2026-11-20 14:03' } }));
    assert.equal(entryLines(out)[1], '- 14:03 UTC — Alert checkout_5xx fires [detected]');
  });

  it('a stamp that had a date keeps it when re-timed', () => {
    const out = run(LIST, r => ({ type: 'editEntry', ref: ref(r, 0), changes: { time: '2026-11-20 13:50' } }));
    assert.equal(entryLines(out)[0], '- 2026-11-20 13:50 UTC — Config push reaches all pods [started]');
  });

  it('moving an entry to another day writes the dates the entries after it relied on', () => {
    const out = run(LIST, r => ({ type: 'editEntry', ref: ref(r, 1), changes: { time: '2026-11-19 23:58' } }));
    assert.deepEqual(entryLines(out).slice(0, 3), [
      '- 2026-11-20 13:55 UTC — Config push reaches all pods [started]',
      '- 2026-11-19 23:58 UTC — Alert fires; on-call paged [detected]',
      '- 2026-11-20 14:20 UTC — Rollback of release completes; errors unchanged',
    ]);
    // every other entry keeps its meaning
    const before = parseReview(LIST).timeline.map(e => e.utc);
    const after = parseReview(out).timeline.map(e => e.utc);
    assert.deepEqual([after[0], ...after.slice(2)], [before[0], ...before.slice(2)]);
  });

  it('deletes an entry with its nested lines; the next entry keeps its date', () => {
    let out = run(LIST, r => ({ type: 'deleteEntry', ref: ref(r, 2) }));
    assert.ok(!out.includes('Rollback'));
    assert.ok(!out.includes('a note under the entry'));
    assert.equal(out.split('\n').length, LIST.split('\n').length - 2);
    const doc = LIST.replace('started: 2026-11-20T13:55:00Z\n', '');
    out = run(doc, r => ({ type: 'deleteEntry', ref: ref(r, 0) }));
    assert.equal(entryLines(out)[0], '- 2026-11-20 14:02 UTC — Alert fires; on-call paged [detected]');
  });

  it('moves an entry up and down with two line edits, and sorts by time', () => {
    const r = parseReview(LIST);
    const res = timelineEdits(r, { type: 'moveEntry', ref: ref(r, 4), delta: -1 });
    assert.ok(res.ok);
    assert.equal(res.edits.length, 2);
    const moved = applyEdits(LIST, res.edits).text;
    assert.deepEqual(entryLines(moved).slice(3), ['- 15:30 UTC — Incident closed [resolved]', '- 14:40 UTC — Previous config restored [mitigated]']);
    const sorted = run(moved, { type: 'sortEntries' });
    assert.equal(sorted, LIST);
    // the multi-line item moves as a whole
    const down = run(LIST, rr => ({ type: 'moveEntry', ref: ref(rr, 2), delta: 1 }));
    assert.ok(down.includes('- 14:40 UTC — Previous config restored [mitigated]\n- 14:20 UTC — Rollback of release completes; errors unchanged\n  - a note under the entry, part of it\n- 15:30'));
  });

  it('edits table rows: cells, escaping, link column', () => {
    let out = run(TABLE, { type: 'addEntry', entry: { time: '2026-10-02 06:30', description: 'Consumers cycling | rate near zero', link: 'https://dash.example.com/q' } });
    assert.ok(out.includes('| 05:55 UTC | Queue-depth alert posts to the channel | https://alerts.example.com/1 |\n| 06:30 UTC | Consumers cycling \\| rate near zero | https://dash.example.com/q |\n| 07:15 UTC'));
    const r = parseReview(out);
    assert.equal(r.timeline.length, 4);
    out = run(out, rr => ({ type: 'editEntry', ref: ref(rr, 1), changes: { link: 'https://alerts.example.com/2', milestone: 'detected' } }));
    assert.equal(entryLines(out)[1], '| 05:55 UTC | Queue-depth alert posts to the channel [detected] | https://alerts.example.com/2 |');
    out = run(out, rr => ({ type: 'deleteEntry', ref: ref(rr, 3) }));
    assert.equal(parseReview(out).timeline.length, 3);
    onlyTimelineChanged(TABLE, out);
  });

  it('converts a stamp from its own zone, the declared zone or a picked one', () => {
    // without "All times UTC." the zone-less 16:30 has no known zone
    const doc = LIST.replace('All times UTC.\n\n', '').replace('- 14:20 UTC — Rollback', '- 06:20 PST — Rollback').replace('- 15:30 UTC', '- 16:30');
    let out = run(doc, r => ({ type: 'convertEntry', ref: ref(r, 2) }));
    assert.equal(entryLines(out)[2], '- 14:20 UTC — Rollback of release completes; errors unchanged');
    const bad = timelineEdits(parseReview(out), { type: 'convertEntry', ref: ref(parseReview(out), 4) });
    assert.equal(bad.ok, false);
    out = run(out, r => ({ type: 'convertEntry', ref: ref(r, 4), zone: 'Europe/Berlin' }));
    assert.equal(entryLines(out)[4], '- 15:30 UTC — Incident closed [resolved]');
    const all = run(doc, { type: 'convertAll', zone: 'Europe/Berlin' });
    assert.deepEqual(entryLines(all).slice(2, 3).concat(entryLines(all).slice(4)), ['- 14:20 UTC — Rollback of release completes; errors unchanged', '- 15:30 UTC — Incident closed [resolved]']);
    // "All times UTC." declares the zone: the zone-less stamp is marked UTC
    const declared = run(LIST.replace('- 15:30 UTC', '- 16:30'), r => ({ type: 'convertEntry', ref: ref(r, 4) }));
    assert.equal(entryLines(declared)[4], '- 16:30 UTC — Incident closed [resolved]');
  });

  it('adds the first entry to an empty timeline section, or a section when there is none', () => {
    const empty = '# T\n\n## Timeline\n\nAll times UTC.\n\n## Response\n\nx\n';
    const out = run(empty, { type: 'addEntry', entry: { time: '2026-01-02 03:04', description: 'First' } });
    assert.equal(out, '# T\n\n## Timeline\n\nAll times UTC.\n\n- 2026-01-02 03:04 UTC — First\n\n## Response\n\nx\n');
    const none = run('# T\n', { type: 'addEntry', entry: { time: '2026-01-02 03:04', description: 'First' } });
    assert.equal(none, '# T\n\n## Timeline\n\n- 2026-01-02 03:04 UTC — First\n');
  });

  it('keeps CRLF line endings', () => {
    const crlf = LIST.replace(/\n/g, '\r\n');
    const out = run(crlf, { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 'x' } });
    assert.ok(!/[^\r]\n/.test(out));
    const moved = run(crlf, r => ({ type: 'moveEntry', ref: ref(r, 1), delta: 1 }));
    assert.ok(!/[^\r]\n/.test(moved));
  });

  it('descriptions cannot break the line or smuggle a tag', () => {
    const out = run(LIST, { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 'two\nlines [resolved] <img src=x onerror=alert(1)>' } });
    assert.ok(out.includes('- 14:10 UTC — two lines resolved <img src=x onerror=alert(1)>\n'));
  });

  it('re-locates an entry by its text when lines moved, and rejects it when it changed', () => {
    const r = parseReview(LIST);
    const stale = ref(r, 2);
    const shifted = parseReview(LIST.replace('All times UTC.\n', 'All times UTC.\nAnother line.\n\n'));
    assert.equal(locateEntry(shifted, stale), 2);
    const changed = parseReview(LIST.replace('Rollback of release', 'Rollback of the release'));
    assert.equal(locateEntry(changed, stale), undefined);
    const res = timelineEdits(changed, { type: 'deleteEntry', ref: stale });
    assert.equal(res.ok, false);
  });
});

describe('timeline edits: helpers', () => {
  it('parses UTC times strictly', () => {
    assert.deepEqual(parseUtcTime('2026-11-20 13:55'), { year: 2026, month: 11, day: 20, hour: 13, minute: 55, second: 0 });
    assert.ok(parseUtcTime('2026-11-20T13:55:10Z'));
    for (const bad of ['2026-02-30 10:00', '2026-11-20 24:00', '13:55', '2026-11-20 13:55 CET', '']) assert.equal(parseUtcTime(bad), undefined, bad);
  });
  it('renders stamps', () => {
    assert.equal(renderStamp({ year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 0 }, true), '2026-01-02 03:04 UTC');
    assert.equal(renderStamp({ year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5 }, false), '03:04:05 UTC');
  });
  it('splits table cells, keeping escaped pipes', () => {
    const line = '| a | b \\| c | d |';
    assert.deepEqual(tableCells(line).map(([x, y]) => line.slice(x, y)), ['a', 'b \\| c', 'd']);
  });
});

describe('timeline editor: a time typed with its zone', () => {
  it('"15:02 CET" in a time field is converted to UTC with the stamp reader and the fixes\' zone policy', () => {
    const out = run(LIST, r => ({ type: 'editEntry', ref: ref(r, 2), changes: { time: '15:25 CET' } }));
    assert.ok(out.includes('\n- 14:25 UTC — Rollback of release completes; errors unchanged\n'), out);
    const added = run(LIST, { type: 'addEntry', entry: { time: '2026-11-20 09:10 America/New_York', description: 'Vendor confirms', milestone: null, link: '' } });
    assert.ok(added.includes('\n- 14:10 UTC — Vendor confirms\n- 14:20 UTC'), added);
  });

  it('summer time: 02:45 CEST on 2026-07-14 is 00:45 UTC; the date of the entry is kept', () => {
    const r = readTimeInput('02:45 CEST', { year: 2026, month: 7, day: 14 });
    assert.deepEqual(r, { ok: true, time: { year: 2026, month: 7, day: 14, hour: 0, minute: 45, second: 0 } });
    assert.deepEqual(readTimeInput('2026-07-14 02:45 CEST'), r);
  });

  it('refuses what the quick fixes refuse to convert alone: an ambiguous zone, a repeated or skipped time, a zone against the season', () => {
    const ist = readTimeInput('2026-11-20 14:00 IST');
    assert.ok(!ist.ok && /"IST" is ambiguous/.test(ist.error), JSON.stringify(ist));
    const repeated = readTimeInput('2026-10-25 02:30 Europe/Berlin');
    assert.ok(!repeated.ok && /happened twice/.test(repeated.error) && /00:30 UTC .* or 01:30 UTC/.test(repeated.error), JSON.stringify(repeated));
    const skipped = readTimeInput('2026-03-29 02:30 Europe/Berlin');
    assert.ok(!skipped.ok && /never happened/.test(skipped.error), JSON.stringify(skipped));
    const season = readTimeInput('2026-11-20 06:25 PDT');
    assert.ok(!season.ok && /not in force/.test(season.error), JSON.stringify(season));
    for (const bad of ['soon', '14:00', '', '2026-02-30 10:00 CET']) assert.equal(readTimeInput(bad, { year: 2026, month: 11, day: 20 }).ok, false, bad);
    // the edit is refused with the reason, the document untouched
    const res = timelineEdits(parseReview(LIST), { type: 'editEntry', ref: ref(parseReview(LIST), 2), changes: { time: '2026-11-20 14:00 IST' } });
    assert.ok(!res.ok && /ambiguous/.test(res.error));
  });
});

