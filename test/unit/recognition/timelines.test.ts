import assert from 'node:assert/strict';
import { parseReview } from '../../../src/core';
import { lint } from '../rules/_support';

const entries = (doc: string) => parseReview(doc).timeline.map(e => [e.line, e.form, e.stamp.text.replace(/[*`]/g, '').trim(), e.zone?.text ?? '-']);
const zoneFindings = (doc: string) => lint(doc).filter(f => f.rule === 'non-utc-timestamp').map(f => f.range.start.line);

describe('timelines in the shapes teams write them', () => {
  it('any heading naming a timeline, and more than one per document', () => {
    const doc = ['# Outage', '', '## Incident timeline and response', '', '- 10:00 UTC alert fires', '', '## Follow-up timeline', '', '- 2026-02-01 09:00 UTC fix shipped', ''].join('\n');
    assert.deepEqual(entries(doc).map(e => e[0]), [4, 8]);
  });

  it('an entry per heading; per-day headings give the date; a heading declaring the zone gives it to its entries', () => {
    const doc = [
      '# Cluster full', '', '## Timeline', '',
      '### 2026-03-04 07:42', '', 'Pods stop scheduling.', '',
      '### 08:47', '', 'Node pool grows.', '',
      '#### 2026-03-05 (All times CEST)', '', '- 09:14 second wave', '',
    ].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.timeline.map(e => [e.line, e.form, e.date?.day, e.zone?.text ?? '-']), [[4, 'heading', 4, 'CEST'], [8, 'heading', 4, 'CEST'], [14, 'list', 5, 'CEST']]);
    assert.deepEqual(zoneFindings(doc), [4, 8, 14]);
  });

  it('the date the header states for times without one; "All times in Pacific Time (PDT)." declares the zone', () => {
    const doc = (header: string) => ['# Payments declined', '', header, '', '## Timeline', '', 'All times in Pacific Time (PDT).', '', '- **9:40 AM** config change', '- **10:20 AM** rolled back', ''].join('\n');
    const utc = (d: string) => parseReview(d).timeline.map(e => e.utc === undefined ? '-' : new Date(e.utc).toISOString());
    assert.deepEqual(utc(doc('**Date:** 2026-03-10')), ['2026-03-10T16:40:00.000Z', '2026-03-10T17:20:00.000Z']);
    assert.deepEqual(utc(doc('| | |\n|---|---|\n| **Date** | March 10, 2026 |\n| **Severity** | SEV-1 |')), ['2026-03-10T16:40:00.000Z', '2026-03-10T17:20:00.000Z']);
    assert.deepEqual(utc(doc('Date of incident: 12 January 2026')), ['2026-01-12T17:40:00.000Z', '2026-01-12T18:20:00.000Z'], 'PST in January');
    // a report's or a meeting's date is not the incident's
    assert.deepEqual(utc(doc('**Date of report:** 2026-03-12\n**Meeting:** 2026-03-13')), ['-', '-']);
    assert.ok(lint(doc('**Date:** 2026-03-10')).every(f => f.rule !== 'timestamp-missing-date'));
  });

  it('bold stamps, stamps in code, stamps after <br> and raw HTML paragraphs', () => {
    const doc = [
      '# Build broken', '', '## Timeline (all times in PST)', '',
      '**2026-05-02**', '', '**21:36** the CI turns red<br>', '`22:10` a revert is proposed.<br> 22:15 - the revert lands', '',
      '<p>9:30pm: the site is down.</p>', '',
      '> 23:00 quoted chat is not an entry', '',
      '```', '23:30 a log line is not an entry', '```', '',
    ].join('\n');
    assert.deepEqual(entries(doc).map(e => [e[0], e[2]]), [[4, '2026-05-02'], [6, '21:36'], [7, '22:10'], [7, '22:15'], [9, '9:30pm']]);
    assert.ok(parseReview(doc).timeline.every(e => e.zone?.text === 'PST'));
  });

  it('tables: the stamp from the time column wherever it stands, the date from a Day column', () => {
    const doc = [
      '# Chain halt', '', '## Timeline', '',
      '| Day | Event | Time (UTC) |', '|---|---|---|',
      '| 2026-03-12 | Chain halts | 15:57 |', '| 2026-03-13 | Restarted | 01:10 |', '',
    ].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.timeline.map(e => [e.line, e.stamp.text, e.date?.day, e.description]), [[6, '15:57', 12, 'Chain halts'], [7, '01:10', 13, 'Restarted']]);
    assert.deepEqual(zoneFindings(doc), [], 'the column declares UTC');
  });

  it('a line declaring the zone with a date is no entry: it dates the entries below', () => {
    const doc = ['# Node crash', '', '#### Timeline', '', '2026-12-04 **(all times UTC)**', '', '- 2:50 - participation drops', ''].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.timeline.map(e => [e.line, e.date?.day, e.zone?.text]), [[6, 4, 'UTC']]);
    assert.deepEqual(zoneFindings(doc), []);
  });
});

describe('milestones from what real timelines say', () => {
  it('no "not detected / not mitigated" finding when the entries say it in their own words, under a heading entry too', () => {
    const doc = ['# Chain halt', '', '## Timeline (UTC)', '',
      '- 2026-03-12 15:57 the chain halts at block 3078794', '- 2026-03-12 16:03 a validator reports it to the developers', '',
      '### 2026-03-13 11:25', '', 'The fix is published to the validators.', '',
      '### 2026-03-13 13:58', '', 'Block production resumes.', ''].join('\n');
    assert.deepEqual(lint(doc).filter(f => f.rule === 'timeline-milestones').map(f => f.message), []);
    const bare = ['# X', '', '## Timeline (UTC)', '', '- 2026-03-12 15:57 the cache is emptied', '- 2026-03-12 16:03 a deploy starts', ''].join('\n');
    assert.equal(lint(bare).filter(f => f.rule === 'timeline-milestones').length, 2);
  });
});
