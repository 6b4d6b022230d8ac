import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, parseReview, ReviewIndex, summarize, buildAudit, auditToMarkdown } from '../../src/core';
import { toExported, actionsToCsv, actionsToMarkdown, ACTION_COLUMNS } from '../../src/core/commands';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples', 'reviews');
const NOW = new Date('2026-11-23T12:00:00Z');
const files = fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.pir.md')).map(f => path.join(EXAMPLES, f));

function cli(args: string[]) {
  let out = '';
  const code = main(args, { out: s => { out += s + '\n'; }, err: () => {}, isTTY: false, cwd: ROOT });
  return { code, out };
}

describe('workspace index', () => {
  it('reads the same action items as the full parser, on every example', () => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const full = parseReview(text).actions.map(a => ({ id: a.id ?? '', title: a.title, status: a.status, owner: a.fields.get('owner')?.value ?? '', due: a.fields.get('due')?.value ?? '', line: a.line }));
      const quick = summarize(f, text).actions.map(a => ({ id: a.id, title: a.title, status: a.status, owner: a.owner, due: a.due, line: a.line }));
      assert.deepEqual(quick, full, path.basename(f));
    }
  });

  it('re-reads a file only when its content changes, and serves renamed or restored content from the cache', () => {
    const index = new ReviewIndex();
    const text = fs.readFileSync(files[0], 'utf8');
    assert.equal(index.update('a.pir.md', text), true);
    assert.equal(index.update('a.pir.md', text), false);
    index.update('b.pir.md', text);
    assert.equal(index.parsed, 1, 'same content, one summary');
    index.update('a.pir.md', text + '\n- [ ] CAP-99: Add a lag alert on orders-consumer above 5 minutes\n');
    assert.equal(index.parsed, 2);
    const warm = new ReviewIndex();
    warm.restore(index.serialize());
    warm.update('a.pir.md', text);
    assert.equal(warm.parsed, 0, 'restored from the saved cache');
    assert.equal(warm.get('a.pir.md')!.actions.length, index.get('b.pir.md')!.actions.length);
  });

  it('keeps no summary of content no file holds any more (typing does not grow the cache)', () => {
    const index = new ReviewIndex();
    const text = fs.readFileSync(files[0], 'utf8');
    index.update('b.pir.md', text);
    for (let i = 0; i < 50; i++) index.update('a.pir.md', text + 'x'.repeat(i));
    assert.equal(index.cachedSummaries, 2, "b's summary and a's latest");
    index.update('a.pir.md', text);
    assert.equal(index.cachedSummaries, 1, 'a and b share one summary');
    index.remove('b.pir.md');
    assert.equal(index.cachedSummaries, 1, 'a still holds it');
    index.remove('a.pir.md');
    assert.equal(index.cachedSummaries, 0);
  });

  it('counts overdue items: open and past due on the given day', () => {
    const index = new ReviewIndex();
    index.update('x.pir.md', '---\nid: INC-1\n---\n## Action items\n\n- [ ] CAP-1: Add an alert\n  - due: 2026-11-01\n- [x] CAP-2: Pin a version\n  - due: 2026-11-01\n- [ ] CAP-3: Add a test\n  - due: 2026-12-01\n');
    assert.deepEqual(index.actions(NOW).map(a => [a.id, a.overdue]), [['CAP-1', true], ['CAP-2', false], ['CAP-3', false]]);
  });

  it('survives broken files: a summary with the problem named', () => {
    const s = summarize('bad.pir.md', '---\nid: [\n---\n## Action items\n- [ ] CAP-1: Add an alert\n');
    assert.match(s.problem!, /not valid YAML/);
    assert.equal(s.actions.length, 1);
    assert.equal(summarize('bin.pir.md', '\0\0\0').problem, 'not a text file');
  });
});

describe('exports and the audit report', () => {
  it('pir actions --format json: every field of the register, 1-based lines', () => {
    const rows = JSON.parse(cli(['actions', '--format', 'json', '--now', '2026-11-23', 'examples']).out);
    assert.ok(rows.length >= 10);
    for (const r of rows) assert.deepEqual(Object.keys(r), [...ACTION_COLUMNS]);
    const done = rows.find((r: { id: string }) => r.id === 'CAP-42-5');
    assert.equal(done.status, 'done');
    assert.equal(done.overdue, false);
    const text = fs.readFileSync(path.join(ROOT, done.file), 'utf8').split('\n');
    assert.match(text[done.line - 1], /CAP-42-5/);
  });

  it('CSV and Markdown carry the same rows as JSON; CSV quotes commas and guards formulas', () => {
    const json = JSON.parse(cli(['actions', '--format', 'json', 'examples']).out);
    const csv = cli(['actions', '--format', 'csv', 'examples']).out.trim().split('\n');
    assert.equal(csv[0], ACTION_COLUMNS.join(','));
    assert.equal(csv.length - 1, json.length);
    const md = cli(['actions', '--format', 'md', 'examples']).out.trim().split('\n');
    assert.equal(md.length - 2, json.length);
    const tricky = toExported([{ id: 'CAP-1', title: '=HYPERLINK("x"), with comma', status: 'open', owner: '@ops', due: '', type: '', domain: '', validation: 'a | b', tracking: '', evidence: '', depends: '', line: 0, overdue: false, review: 'INC-1', reviewTitle: '', file: 'f' }]);
    const out = actionsToCsv(tricky);
    assert.match(out, /"'=HYPERLINK\(""x""\), with comma"/);
    assert.match(out, /,'@ops,/, 'a leading @ is a formula to Excel: neutralised too (OWASP)');
    assert.match(actionsToMarkdown(tricky), /a \\\| b/);
  });

  it('the audit report: meeting compliance against the policy, counts, owners and themes', () => {
    const index = new ReviewIndex();
    index.update('late.pir.md', '---\nid: INC-1\ntitle: Late\nseverity: SEV1\nmajor: true\nresolved: 2026-11-01T10:00:00Z\nreview_meeting: 2026-11-12\n---\n## Action items\n- [ ] CAP-1: Add an alert on queue age above 5 minutes\n  - owner: @a\n  - due: 2026-11-10\n  - domain: monitoring\n- [x] CAP-2: Pin the client to 4.2.1\n  - owner: @a\n  - evidence: https://t/1\n');
    index.update('none.pir.md', '---\nid: INC-2\ntitle: Missing\nseverity: SEV3\nresolved: 2026-10-01T10:00:00Z\n---\n');
    const audit = buildAudit(index.reviews(), index.actions(NOW), { now: NOW });
    const late = audit.reviews.find(r => r.id === 'INC-1')!;
    assert.deepEqual([late.daysToMeeting, late.deadlineDays, late.meetingCompliant], [11, 7, false]);
    assert.deepEqual([late.open, late.overdue, late.done, late.verified], [1, 1, 1, 1]);
    assert.equal(audit.reviews.find(r => r.id === 'INC-2')!.meetingCompliant, false);
    assert.deepEqual([audit.totals.meetingsLate, audit.totals.meetingsMissing], [1, 1]);
    assert.deepEqual(audit.openByOwner, [{ owner: '@a', open: 1, overdue: 1 }]);
    const md = auditToMarkdown(audit);
    assert.match(md, /\| 11 \(7\) ⚠ \|/);
    assert.match(md, /monitoring\s+█+ 1 \(1 open\)/);
  });

  it('the audit report counts as verified exactly the done items action-done-unverified accepts (evidence, not validation alone)', () => {
    const text = '---\nid: INC-3\ntitle: V\nstatus: in-review\n---\n## Action items\n' +
      '- [x] CAP-3-1: Pin the client to 4.2.1\n  - owner: @a\n  - validation: replay the load test\n' +
      '- [x] CAP-3-2: Add an alert on queue age\n  - owner: @a\n  - validation: a drill\n  - evidence: https://t/2\n' +
      '- [x] CAP-3-3: Raise the pool size to 50\n  - owner: @a\n  - evidence: **\n';
    const index = new ReviewIndex();
    index.update('v.pir.md', text);
    const audit = buildAudit(index.reviews(), index.actions(NOW), { now: NOW });
    assert.deepEqual([audit.reviews[0].done, audit.reviews[0].verified, audit.totals.verified], [3, 1, 1]);
    const unverified = analyze(text, { uri: 'v.pir.md', now: NOW }).findings.filter(f => f.rule === 'action-done-unverified').map(f => f.message.slice(0, 8));
    assert.deepEqual(unverified, ['CAP-3-1 ', 'CAP-3-3 ']);
  });
});
