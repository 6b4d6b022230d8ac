// Issue 14, "Times are never corrupted": each reported corruption, as the user would see it.
import assert from 'node:assert/strict';
import { analyze, applyEdits, automaticFixEdits, readStamp, type Finding } from '../../src/core';

const review = (timeline: string, front = '', heading = 'Timeline') =>
  `---\nid: INC-1\ntitle: T\nstatus: draft\nmajor: false\n${front}---\n# T\n\n## ${heading}\n\n${timeline}\n`;
const findings = (text: string, rule = 'non-utc-timestamp') => analyze(text).findings.filter(f => f.rule === rule);
const fixAll = (text: string) => {
  for (let pass = 0; pass < 10; pass++) {
    const edits = automaticFixEdits(analyze(text).findings);
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    text = next;
  }
  return text;
};
const apply = (text: string, f: Finding, i = 0) => applyEdits(text, f.fixes![i].edits).text;
const line = (text: string, start: string) => text.split('\n').find(l => l.startsWith(start));

describe('times are never corrupted (issue 14)', () => {
  it('an offset after a space is read: +05:30, -0400, -05:00 (not a range)', () => {
    const t = review('- 2026-07-01 12:00 +05:30 — a\n- 2026-07-01 16:00 -0400 — b\n- 2026-07-01 10:20 -05:00 — c', 'timezone: Europe/Berlin\n');
    const out = fixAll(t);
    assert.match(out, /^- 2026-07-01 06:30 UTC — a$/m);
    assert.match(out, /^- 2026-07-01 20:00 UTC — b$/m);
    assert.match(out, /^- 2026-07-01 15:20 UTC — c$/m);
    assert.equal(fixAll(out), out, 'a second fix changes nothing');
  });

  it('Etc/GMT+5 is UTC−5, as IANA means it', () => {
    const t = review('- 2026-07-01 09:00 Etc/GMT+5 — a');
    assert.match(findings(t)[0].message, /Etc\/GMT\+5 \(UTC−05:00\)/);
    assert.match(fixAll(t), /^- 2026-07-01 14:00 UTC — a$/m);
  });

  it('a standard-time abbreviation on a summer date asks, never converts silently; PT/ET/CT/MT are read', () => {
    const pst = review('- 2026-07-15 09:00 PST — a');
    const f = findings(pst)[0];
    assert.match(f.message, /standard time.*daylight saving/);
    assert.equal(f.fixes!.length, 2);
    assert.ok(f.fixes!.every(x => !x.isPreferred));
    assert.equal(fixAll(pst), pst, 'fix-all leaves it');
    assert.match(apply(pst, f, 0), /^- 2026-07-15 17:00 UTC — a$/m, 'as written: UTC−8');
    assert.match(apply(pst, f, 1), /^- 2026-07-15 16:00 UTC — a$/m, 'as PDT');
    const cet = review('All times below are CET (office time in Berlin).\n\n- 2026-07-15 17:30 — a');
    assert.equal(fixAll(cet), cet, 'a declared CET in July asks too');
    assert.equal(findings(cet)[0].fixes!.length, 2);
    for (const [zone, utc] of [['PT', '16:00'], ['ET', '13:00'], ['CT', '14:00'], ['MT', '15:00']]) {
      assert.match(fixAll(review(`- 2026-07-15 09:00 ${zone} — a`)), new RegExp(`^- 2026-07-15 ${utc} UTC — a$`, 'm'), zone);
    }
  });

  it('nonexistent and repeated local times get one fix per reading, none preferred', () => {
    for (const [stamp, readings] of [
      ['2026-03-29 02:15 Europe/Berlin', ['01:15', '00:15']],
      ['2026-10-25 02:30 Europe/Berlin', ['00:30', '01:30']],
      ['2026-11-01 01:30 America/New_York', ['05:30', '06:30']],
    ] as const) {
      const t = review(`- ${stamp} — a`);
      const f = findings(t)[0];
      assert.match(f.message, /twice|never happened/, stamp);
      assert.deepEqual(f.fixes!.map(x => x.isPreferred), [false, false], stamp);
      assert.deepEqual(f.fixes!.map(x => /(\d\d:\d\d) UTC/.exec(apply(t, x === f.fixes![0] ? f : f, f.fixes!.indexOf(x)))![1]), [...readings], stamp);
      assert.equal(fixAll(t), t, `${stamp}: fix-all leaves it`);
    }
  });

  it('a timeline crossing midnight without dates is not sorted a day early: the fix writes the next date', () => {
    const t = review('- 2026-11-20 23:40 UTC — a\n- 23:55 UTC — b\n- 00:10 UTC — c\n- 00:25 UTC — d');
    const f = findings(t, 'timeline-order');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /after midnight.*2026-11-21/);
    assert.ok(!f[0].fixes!.some(x => /Sort/.test(x.title)), 'no sort offered');
    const out = fixAll(t);
    assert.match(out, /- 2026-11-20 23:40 UTC — a\n- 23:55 UTC — b\n- 2026-11-21 00:10 UTC — c\n- 00:25 UTC — d/);
    assert.equal(findings(out, 'timeline-order').length, 0);
  });

  it('impossible dates are findings in timeline stamps and due dates', () => {
    const t = review('- 2027-02-29 10:00 UTC — a\n- 2026-13-01 10:00 UTC — b\n\n## Action items\n\n- [ ] CAP-1: Add a disk-usage alert at 80% on db-1\n  - owner: @a\n  - due: 2026-13-45\n  - validation: x\n  - tracking: https://x.example/1');
    const dates = findings(t, 'timestamp-missing-date').map(f => f.message);
    assert.ok(dates.some(m => /2027-02-29.*not a leap year/.test(m)));
    assert.ok(dates.some(m => /2026-13-01.*no month 13/.test(m)));
    assert.ok(findings(t, 'action-fields').some(f => /2026-13-45.*does not exist/.test(f.message)));
  });

  it('entries led by an emoji or with the stamp in backticks are timeline entries', () => {
    const t = review('- 🚨 09:10 CET — Alert fired [detected]\n- `07:35` Team funds contract', 'started: 2026-01-10T08:00:00Z\n');
    const tl = analyze(t).review.timeline;
    assert.equal(tl.length, 2);
    assert.equal(tl[0].stamp.zone?.ref.text, 'CET');
    assert.deepEqual(tl[0].tags.map(x => x.milestone), ['detected']);
    assert.match(fixAll(t), /^- 🚨 08:10 UTC — Alert fired \[detected\]$/m);
  });

  it('offsets declared in prose, midnight conversions, month-name dates, lowercase abbreviations, hyphenated IANA names, fractional seconds', () => {
    assert.match(fixAll(review('All times in UTC+2.\n\n- 2026-05-10 09:00 — a')), /^- 2026-05-10 07:00 UTC — a$/m);
    assert.match(fixAll(review('Times: GMT-7\n\n- 2026-05-10 09:00 — a')), /^- 2026-05-10 16:00 UTC — a$/m);
    // one entry converted across midnight: the undated entries below keep their day
    const crossing = review('- 2026-11-20 23:30 -05:00 — a\n- 23:45 UTC — b\n- 23:50 UTC — c');
    const f = findings(crossing)[0];
    const once = apply(crossing, f);
    assert.match(once, /^- 2026-11-21 04:30 UTC — a\n- 2026-11-20 23:45 UTC — b\n- 23:50 UTC — c$/m);
    assert.equal(analyze(once).review.timeline[2].date?.day, 20, 'c stays on the 20th');
    assert.match(fixAll(review('- Mar 29, 2020, 19:00 PDT — x')), /^- 2020-03-30 02:00 UTC — x$/m);
    assert.match(fixAll(review('- Mar 29, 2020, 16:00 -0800 — x')), /^- 2020-03-30 00:00 UTC — x$/m);
    assert.match(fixAll(review('- 2026-07-01 10:00 pdt — x')), /^- 2026-07-01 17:00 UTC — x$/m);
    assert.match(fixAll(review('- 2026-07-01 10:00 America/Port-au-Prince — x')), /^- 2026-07-01 14:00 UTC — x$/m);
    assert.match(fixAll(review('- 2026-01-10 10:00:01.250 CET — x')), /^- 2026-01-10 09:00:01\.250 UTC — x$/m);
  });

  it('reads the stamp forms real reviews use', () => {
    const utcOf = (stamp: string, front = 'started: 2026-09-05T00:00:00Z\n') => analyze(review(`- ${stamp} — x`, front)).review.timeline[0]?.utc;
    const at = (s: string) => Date.parse(s);
    assert.equal(utcOf('5 September 2026, 14:00 CEST'), at('2026-09-05T12:00:00Z'));
    assert.equal(utcOf('2026-09-05 10:00 US/Pacific'), at('2026-09-05T17:00:00Z'));
    assert.equal(utcOf('2:15pm on the 5th of September 2026 EDT'), at('2026-09-05T18:15:00Z'));
    assert.equal(utcOf('~14:05 UTC'), at('2026-09-05T14:05:00Z'));
    assert.equal(utcOf('05/Sep/2026 14:05 UTC'), at('2026-09-05T14:05:00Z'));
    assert.equal(utcOf('3:00 PM +UTC'), at('2026-09-05T15:00:00Z'));
    assert.equal(analyze(review('- 14:00 — x', '', 'Timeline (all times UTC, 5 September 2026)')).review.timeline[0].utc, at('2026-09-05T14:00:00Z'));
    assert.equal(readStamp('~2:50pm')?.approximate, true);
  });
});
