import assert from 'node:assert/strict';
import { parseReview } from '../../src/core';

const DOC = `---
id: INC-7
title: Queue stalled
started: 2026-03-28T23:50:00Z
timezone: Europe/Berlin
---
# Queue stalled

## Overview

The queue stalled.

## Chronology

\`\`\`
## not a heading inside code
\`\`\`

- 2026-03-29 01:30 — consumer lag alert [detected]
- 03:30 — consumers restarted [mitigated]
  - a nested note, not an entry
- Another note without a time

| When (UTC) | What |
|---|---|
| 2026-03-29 02:00 UTC | Paged the owner |

## Corrective actions

- [ ] **CAP-7-1**: Add a lag alert on orders-consumer above 5 minutes
  - Owner: @queue-team
  - Due date: 2026-04-15
  - ticket: https://tracker.example.com/Q-1   # the epic
- [x] CAP-7-2 — Pin the client library to 4.2.1
  - evidence: https://tracker.example.com/Q-2
- Raise the consumer timeout to 30 s

| Action | Owner | Due | Status |
|---|---|---|---|
| CAP-7-3: Document the restart runbook | @ops | 2026-04-20 | done |
`;

describe('parsing a review', () => {
  const r = parseReview(DOC);

  it('finds the title and sections by their aliases, ignoring headings in code', () => {
    assert.equal(r.title?.text, 'Queue stalled');
    // the title is a part too (its preamble is prose), serving no purpose of its own
    assert.deepEqual(r.sections.map(s => [s.heading, s.kind]), [['Queue stalled', undefined], ['Overview', 'summary'], ['Chronology', 'timeline'], ['Corrective actions', 'actions']]);
    assert.equal(r.sections[2].headingRange.start.line, 12);
  });

  it('reads front matter with positions of keys and values', () => {
    assert.equal(r.frontMatter?.data.id, 'INC-7');
    const v = r.frontMatter!.rangeOf(['timezone'], 'value')!;
    assert.deepEqual([v.start.line, v.start.character, v.end.character], [4, 10, 23]);
  });

  it('reads list and table timeline entries, carrying dates and converting zones DST-correctly', () => {
    assert.deepEqual(r.timeline.map(e => e.stamp.text), ['2026-03-29 01:30', '03:30', '2026-03-29 02:00 UTC']);
    const [a, b, c] = r.timeline;
    // Europe/Berlin switches to summer time at 02:00 local on 2026-03-29
    assert.equal(new Date(a.utc!).toISOString(), '2026-03-29T00:30:00.000Z');
    assert.equal(new Date(b.utc!).toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(b.date?.carried, true);
    assert.equal(a.zoneSource, 'front-matter');
    assert.equal(c.form, 'table');
    assert.equal(c.zoneSource, 'stamp');
    assert.deepEqual(a.tags.map(t => t.milestone), ['detected']);
    assert.equal(a.description, 'consumer lag alert');
    assert.equal(a.line, 18);
  });

  it('reads action items in task, list and table form with their fields', () => {
    const ids = r.actions.map(a => a.id);
    assert.deepEqual(ids, ['CAP-7-1', 'CAP-7-2', undefined, 'CAP-7-3']);
    const [a, b, c, d] = r.actions;
    assert.equal(a.title, 'Add a lag alert on orders-consumer above 5 minutes');
    assert.equal(a.fields.get('owner')?.value, '@queue-team');
    assert.equal(a.fields.get('due')?.value, '2026-04-15');
    assert.equal(a.fields.get('tracking')?.value, 'https://tracker.example.com/Q-1', 'a trailing # comment is not part of the value');
    assert.equal(a.status, 'open');
    assert.equal(b.status, 'done');
    assert.equal(b.title, 'Pin the client library to 4.2.1');
    assert.equal(c.form, 'list');
    assert.equal(d.form, 'table');
    assert.equal(d.status, 'done');
    assert.equal(d.fields.get('owner')?.value, '@ops');
    assert.equal(a.idRange!.start.character, 8);
  });

  it('handles CRLF and a BOM with the same positions', () => {
    const crlf = parseReview('\uFEFF' + DOC.replace(/\n/g, '\r\n'));
    assert.equal(crlf.frontMatter?.data.id, 'INC-7');
    assert.deepEqual(crlf.timeline.map(e => e.line), r.timeline.map(e => e.line));
    assert.deepEqual(crlf.actions.map(e => e.id), r.actions.map(e => e.id));
    assert.equal(crlf.eol, '\r\n');
  });

  it('reports broken YAML with its position and still reads the body', () => {
    const broken = parseReview('---\nid: INC-1\ntitle: [unclosed\n---\n# T\n\n## Timeline\n\n- 10:00 UTC — x\n');
    const f = broken.parseFindings.find(x => x.rule === 'front-matter-syntax')!;
    assert.ok(f, 'a finding');
    assert.ok(f.range.start.line >= 1 && f.range.start.line <= 3);
    assert.equal(broken.timeline.length, 1);
  });

  it('refuses front matter nested thousands of levels deep instead of recursing into it', () => {
    const deep = parseReview(`---\nid: INC-1\ntags: ${'['.repeat(5000)}\n---\n# T\n\n## Timeline\n\n- 10:00 UTC — x\n`);
    const f = deep.parseFindings.find(x => x.rule === 'front-matter-syntax')!;
    assert.match(f.message, /nested more than 64 levels deep/);
    assert.equal(f.range.start.line, 2);
    assert.equal(deep.timeline.length, 1, 'the body is still read');
    // ordinary nesting, and brackets inside quotes, are read as usual
    const fine = parseReview('---\nid: INC-1\ntitle: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\nattendees: [{ name: Ana, role: incident-commander }]\n---\n# T\n');
    assert.equal(fine.parseFindings.filter(x => x.rule === 'front-matter-syntax').length, 0);
    assert.equal((fine.frontMatter!.data.attendees as { name: string }[])[0].name, 'Ana');
  });

  it('reports an unclosed front matter block', () => {
    const r2 = parseReview('---\nid: INC-1\n# T\n');
    assert.match(r2.parseFindings[0].message, /never closed/);
  });

  it('reports binary content instead of parsing it', () => {
    const r3 = parseReview('PK\u0003\u0004\u0000\u0000binary');
    assert.equal(r3.parseFindings[0].rule, 'unreadable-file');
  });
});
