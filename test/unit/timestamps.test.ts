import assert from 'node:assert/strict';
import { analyze, applyEdits, readStamp, resolveZone } from '../../src/core';
import { toUtc } from '../../src/core/time/zones';

const review = (timeline: string, front = '') => `---\nid: INC-1\ntitle: T\nstatus: draft\nmajor: false\n${front}---\n# T\n\n## Timeline\n\n${timeline}\n`;
const stampFindings = (text: string) => analyze(text).findings.filter(f => f.rule === 'non-utc-timestamp');
const fixed = (text: string, which = 0) => {
  const f = stampFindings(text)[0];
  return applyEdits(text, f.fixes![which].edits).text;
};

describe('timestamps and zones', () => {
  it('reads the stamp forms found in real reviews', () => {
    const cases: [string, string, string | undefined][] = [
      ['2026-11-20 13:55 UTC — x', '2026-11-20 13:55 UTC', 'utc'],
      ['2026-11-20T14:02Z — x', '2026-11-20T14:02Z', 'utc'],
      ['**09:49** (CEST) x', '09:49** (CEST)', 'offset'],
      ['6:55 PM PST: x', '6:55 PM PST', 'offset'],
      ['Tuesday, March 19, 10:36 UTC x', 'Tuesday, March 19, 10:36 UTC', 'utc'],
      ['4:00pm US/Pacific x', '4:00pm US/Pacific', 'iana'],
      ['24-10-2024 02:00-04:30 x', '24-10-2024 02:00-04:30', undefined],
      ['13:10 IST x', '13:10 IST', 'ambiguous'],
      ['09:15 GMT x', '09:15 GMT', 'utc'],
    ];
    for (const [input, text, zone] of cases) {
      const s = readStamp(input)!;
      assert.equal(s.text, text, input);
      assert.equal(s.zone?.ref.kind, zone, input);
    }
    assert.equal(readStamp('3 engineers joined the call'), undefined);
    assert.equal(readStamp('API latency rose'), undefined);
  });

  it('resolves zones: offsets, abbreviations, IANA names; unknown ones stay unknown', () => {
    assert.deepEqual(resolveZone('+00:00').kind, 'utc');
    assert.deepEqual(resolveZone('UTC+2'), { kind: 'offset', text: 'UTC+2', minutes: 120 });
    assert.equal(resolveZone('Europe/Berlin').kind, 'iana');
    assert.equal(resolveZone('Mars/Olympus').kind, 'unknown');
    for (const t of ['A5', 'UTC05', 'UTC:5', 'UTC,5']) assert.equal(resolveZone(t).kind, 'unknown', t);
  });

  it('accepts UTC stamps and reports a zone-less or non-UTC one', () => {
    assert.equal(stampFindings(review('- 2026-11-20 13:55 UTC — a\n- 14:00 UTC — b')).length, 0);
    assert.equal(stampFindings(review('- 2026-11-20 13:55 — a')).length, 1);
    assert.equal(stampFindings(review('- 2026-11-20 13:55 CEST — a')).length, 1);
  });

  it('converts with the zone on the stamp, crossing midnight by writing the date', () => {
    const t = review('- 2026-11-20 22:00 UTC — a\n- 23:30 PST — b');
    assert.match(fixed(t), /^- 2026-11-21 07:30 UTC — b$/m);
  });

  it('converts an ISO stamp with an offset to Z form', () => {
    assert.match(fixed(review('- 2026-11-20T14:02:33+02:00 — a')), /^- 2026-11-20T12:02:33Z — a$/m);
  });

  it('uses a zone declared in prose, then the timezone key', () => {
    const prose = review('All times in CET.\n\n- 2026-01-10 09:00 — a');
    assert.match(stampFindings(prose)[0].message, /declared in the text/);
    assert.match(fixed(prose), /^- 2026-01-10 08:00 UTC — a$/m);
    const key = review('- 2026-07-10 09:00 — a', 'timezone: Europe/Berlin\n');
    assert.match(fixed(key), /^- 2026-07-10 07:00 UTC — a$/m, 'summer time: UTC+2');
    // both: the key is the explicit one (docs/format.md: stamp, key, prose, setting)
    const both = review('All times in CET.\n\n- 2026-07-10 09:00 — a', 'timezone: America/New_York\n');
    assert.match(fixed(both), /^- 2026-07-10 13:00 UTC — a$/m);
  });

  it('converts across daylight saving time: the spring gap moves forward, a repeated autumn hour reads as its first occurrence; no 30 February', () => {
    const iso = (w: Parameters<typeof toUtc>[0], z: string) => { const u = toUtc(w, z); return u && new Date(u.toMillis()).toISOString(); };
    assert.equal(iso({ year: 2026, month: 1, day: 10, hour: 9, minute: 0 }, 'Europe/Berlin'), '2026-01-10T08:00:00.000Z');
    assert.equal(iso({ year: 2026, month: 7, day: 10, hour: 9, minute: 0 }, 'Europe/Berlin'), '2026-07-10T07:00:00.000Z');
    assert.equal(iso({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin'), '2026-03-29T01:30:00.000Z');
    assert.equal(iso({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin'), '2026-10-25T00:30:00.000Z', '02:30 CEST');
    assert.equal(iso({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York'), '2026-11-01T05:30:00.000Z', '01:30 EDT');
    assert.equal(iso({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney'), '2026-04-04T15:30:00.000Z', '02:30 AEDT');
    assert.equal(iso({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'), '2026-03-08T07:30:00.000Z', 'gap: as 03:30 EDT');
    assert.equal(iso({ year: 2026, month: 11, day: 20, hour: 23, minute: 30 }, 'PST'), '2026-11-21T07:30:00.000Z');
    assert.equal(toUtc({ year: 2026, month: 2, day: 30, hour: 9, minute: 0 }, 'UTC'), undefined);
    assert.equal(toUtc({ year: 2026, month: 1, day: 10, hour: 9, minute: 0 }, 'Mars/Olympus'), undefined);
    assert.equal(toUtc({ year: 2026, month: 1, day: 10, hour: 9, minute: 0 }, 'IST'), undefined, 'ambiguous: no guess');
  });

  it('reads a short declaration: "All times UTC" and "Times: CET"', () => {
    // declared UTC: a stamp without a zone is a UTC stamp, nothing to report
    const utc = review('All times UTC, 2026-11-20.\n\n- 2026-11-20 09:00 — a');
    assert.equal(stampFindings(utc).length, 0);
    assert.match(fixed(review('Times: CET\n\n- 2026-01-10 09:00 — a')), /^- 2026-01-10 08:00 UTC — a$/m);
    // an ordinary sentence declares nothing: "met" is not MET, nor "eat" EAT
    const sentence = review('Response times met the SLO again after the rollback.\n\n- 2026-11-20 13:55 — a');
    assert.match(stampFindings(sentence)[0].message, /Add the zone it was written in/, 'no zone declared');
    // nor a quoted log or a comment
    const quoted = review('```\nAll times in CET\n```\n<!-- Times: CET -->\n\n- 2026-11-20 13:55 — a');
    assert.match(stampFindings(quoted)[0].message, /Add the zone it was written in/, 'no zone declared');
    // an unknown word after "times" declares nothing
    assert.match(stampFindings(review('Times were rough.\n\n- 2026-01-10 09:00 — a'))[0].message, /no time zone|zone/i);
  });

  it('keeps markup around the tokens when converting', () => {
    assert.match(fixed(review('- 2026-06-01 **09:49** (CEST) — a')), /^- 2026-06-01 \*\*07:49\*\* \(UTC\) — a$/m);
  });

  it('asks for an ambiguous abbreviation: one fix per meaning, none preferred', () => {
    const f = stampFindings(review('- 2026-11-20 13:10 IST — a'))[0];
    assert.match(f.message, /ambiguous/);
    assert.equal(f.fixes!.length, 3);
    assert.ok(f.fixes!.every(x => !x.isPreferred));
    assert.match(applyEdits(review('- 2026-11-20 13:10 IST — a'), f.fixes![0].edits).text, /07:40 UTC/);
  });

  it('names an unknown zone instead of guessing', () => {
    const f = stampFindings(review('- 2026-11-20 13:10 Europe/Berlinn — a'))[0];
    assert.match(f.message, /"Europe\/Berlinn" is not a time zone/);
    assert.equal(f.fixes, undefined);
  });
});
