// Property test of the stamp reader and the UTC conversion against an independent oracle
// (@js-temporal/polyfill, tests only): stamps in every written form, in zones with daylight saving
// time and fixed offsets, around every transition of 2024–2027. For each generated stamp:
// - the instant the reader gives equals Temporal's;
// - a local time Temporal rejects (repeated or skipped) is reported with its readings and never
//   auto-fixed; one it accepts is converted by the quick fix, fix-all, `pir lint --fix` and the
//   timeline editor to the same text, which the hover and a re-read agree is the same instant;
// - a second fix changes nothing.
// Runs: FUZZ_RUNS (default 10,000; `npm run fuzz -- --runs 100000` for the long run).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Temporal } from '@js-temporal/polyfill';
import { analyze, applyEdits, automaticFixEdits } from '../../src/core';
import { hoverAt } from '../../src/core/language/hover';
import { timelineEdits } from '../../src/core/timeline/edit';
import { lintText } from '../../src/cli/lint';
import { ConfigResolver } from '../../src/cli/config';

const RUNS = Number(process.env.FUZZ_RUNS) || 10_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const ETC = Array.from({ length: 25 }, (_, i) => i - 12).filter(n => n !== 0).map(n => `Etc/GMT${n > 0 ? '+' : ''}${n}`);

/** Every offset change of the zone from 2024 to 2027 (instants, epoch ms). */
function transitions(zone: string): number[] {
  const out: number[] = [];
  let z: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ year: 2024, month: 1, day: 1, timeZone: zone });
  while ((z = z.getTimeZoneTransition('next')) && z.year < 2028) out.push(z.epochMilliseconds);
  return out;
}
const TRANSITIONS = new Map(ZONES.map(z => [z, transitions(z)]));

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Case { zone: string; zoneText: string; declared: boolean; wall: Temporal.PlainDateTime; form: number; wrap: number; seconds: boolean; fraction: boolean }

/** How the zone is written: an IANA name, or for a fixed offset one of its written forms. */
function zoneWritings(zone: string): string[] {
  if (!zone.startsWith('Etc/') && !/^[+-]/.test(zone)) return [zone];
  if (zone.startsWith('Etc/')) return [zone];
  const m = /^([+-])(\d\d):(\d\d)$/.exec(zone)!;
  const h = +m[2], mm = m[3];
  return [zone, `${m[1]}${m[2]}${mm}`, `UTC${m[1]}${h}${mm !== '00' ? `:${mm}` : ''}`, `GMT${m[1]}${h}${mm !== '00' ? `:${mm}` : ''}`];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  kind: fc.integer({ min: 0, max: 9 }),
  zi: fc.nat(), ti: fc.nat(), shift: fc.integer({ min: -180, max: 180 }), anyDay: fc.integer({ min: 0, max: 4 * 365 }), anyMinute: fc.integer({ min: 0, max: 1439 }),
  oh: fc.integer({ min: -12, max: 14 }), om: fc.constantFrom(0, 30, 45), wi: fc.nat(),
  declared: fc.boolean(), form: fc.integer({ min: 0, max: 5 }), wrap: fc.integer({ min: 0, max: 4 }), seconds: fc.boolean(), fraction: fc.boolean(), sec: fc.integer({ min: 0, max: 59 }),
}).map(r => {
  let zone: string;
  if (r.kind < 6) zone = ZONES[r.zi % ZONES.length];
  else if (r.kind < 8) zone = ETC[r.zi % ETC.length];
  else zone = `${r.oh < 0 ? "-" : "+"}${two(Math.abs(r.oh))}:${two(r.oh === 14 || r.oh === -12 ? 0 : r.oh === 0 && r.om === 0 ? 30 : r.om)}`;
  let wall: Temporal.PlainDateTime;
  const tz = TRANSITIONS.get(zone);
  if (tz?.length && r.kind < 5) {
    // around a transition: the local clock minutes either side of the change
    const t = tz[r.ti % tz.length];
    const before = Temporal.Instant.fromEpochMilliseconds(t - 60_000).toZonedDateTimeISO(zone).toPlainDateTime().add({ minutes: 1 });
    wall = before.add({ minutes: r.shift });
  } else {
    wall = Temporal.PlainDateTime.from({ year: 2024, month: 1, day: 1 }).add({ days: r.anyDay, minutes: r.anyMinute });
  }
  if (r.seconds) wall = wall.with({ second: r.sec, millisecond: r.fraction ? 250 : 0 });
  const writings = zoneWritings(zone);
  return { zone, zoneText: writings[r.wi % writings.length], declared: r.declared && !zone.startsWith('+') && !zone.startsWith('-'), wall, form: r.form, wrap: r.wrap, seconds: r.seconds, fraction: r.seconds && r.fraction };
});

function render(c: Case): { stamp: string; front: string } {
  const w = c.wall;
  const time24 = `${two(w.hour)}:${two(w.minute)}${c.seconds ? `:${two(w.second)}${c.fraction ? '.250' : ''}` : ''}`;
  const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  const time12 = `${h12}:${two(w.minute)}${c.seconds ? `:${two(w.second)}${c.fraction ? '.250' : ''}` : ''} ${w.hour < 12 ? 'AM' : 'PM'}`;
  const iso = `${w.year}-${two(w.month)}-${two(w.day)}`;
  const zone = c.declared ? '' : ` ${c.zoneText}`;
  let stamp: string;
  switch (c.form) {
    case 0: stamp = `${iso} ${time24}${zone}`; break;
    case 1: stamp = `${MONTHS[w.month - 1].slice(0, 3)} ${w.day}, ${w.year}, ${time12}${zone}`; break;
    case 2: stamp = `${w.day} ${MONTHS[w.month - 1]} ${w.year} ${time24}${zone}`; break;
    case 3: stamp = `${iso} ${time12}${zone}`; break;
    case 4: stamp = /^[+-]/.test(c.zoneText) && !c.declared ? `${iso}T${time24}${c.zoneText}` : `${iso} ${time24}${zone}`; break;
    default: stamp = `${MONTHS[w.month - 1]} ${w.day}, ${w.year} ${time24}${zone}`;
  }
  const wrapped = [stamp, `**${stamp}**`, `\`${stamp}\``, `~${stamp}`, `🚨 ${stamp}`][c.wrap];
  return { stamp: wrapped, front: c.declared ? `timezone: ${c.zone}\n` : '' };
}

const doc = (stamp: string, front: string) =>
  `---\nid: INC-1\ntitle: T\nstatus: draft\nmajor: false\n${front}---\n# T\n\n## Timeline\n\n- 2023-12-01 00:00 UTC — start\n- ${stamp} — the event\n- 2028-02-01 00:00 UTC — later\n`;

function fixAll(text: string, first?: ReturnType<typeof analyze>): string {
  for (let pass = 0; pass < 10; pass++) {
    const edits = automaticFixEdits((pass === 0 && first ? first : analyze(text)).findings);
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    text = next;
  }
  return text;
}

describe(`time conversion against Temporal (${RUNS.toLocaleString('en')} generated stamps)`, function () {
  this.timeout(0);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-time-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const resolver = new ConfigResolver();

  it('reads every stamp as Temporal does; converts only certain ones, the same way everywhere, once', () => {
    let n = 0;
    fc.assert(fc.property(caseArb, c => {
      const { stamp, front } = render(c);
      const text = doc(stamp, front);
      const EVENT_LINE = text.split('\n').findIndex(l => l.endsWith(' — the event'));
      const analysed = analyze(text);
      const review = analysed.review;
      const e = review.timeline.find(x => x.line === EVENT_LINE);
      assert.ok(e, `the entry is read: ${stamp}`);
      const compatible = c.wall.toZonedDateTime(c.zone, { disambiguation: 'compatible' }).epochMilliseconds;
      let certain: number | undefined;
      try { certain = c.wall.toZonedDateTime(c.zone, { disambiguation: 'reject' }).epochMilliseconds; } catch { certain = undefined; }
      assert.equal(e.utc, compatible, `instant of ${stamp} (${c.zone})`);
      const finding = analysed.findings.find(f => f.rule === 'non-utc-timestamp' && f.range.start.line === EVENT_LINE);
      assert.ok(finding, `reported: ${stamp}`);
      const line = (t: string) => t.split('\n')[EVENT_LINE];
      if (certain === undefined) {
        assert.equal(e.certainty?.status === 'certain', false, `uncertain: ${stamp}`);
        assert.ok(finding.fixes!.length >= 2 && finding.fixes!.every(f => !f.isPreferred), `each reading offered, none preferred: ${stamp}`);
        assert.equal(fixAll(text, analysed), text, `fix-all leaves ${stamp}`);
        const readings = finding.fixes!.map(f => analyze(applyEdits(text, f.edits).text).review.timeline.find(x => x.line === EVENT_LINE)!.utc);
        const earlier = c.wall.toZonedDateTime(c.zone, { disambiguation: 'earlier' }).epochMilliseconds;
        const later = c.wall.toZonedDateTime(c.zone, { disambiguation: 'later' }).epochMilliseconds;
        assert.deepEqual(new Set(readings), new Set([earlier, later]), `the readings of ${stamp}`);
        return;
      }
      const preferred = finding.fixes!.find(f => f.isPreferred);
      assert.ok(preferred, `a preferred fix for ${stamp}`);
      const quick = applyEdits(text, preferred.edits).text;
      const all = fixAll(text, analysed);
      assert.equal(line(all), line(quick), `fix-all = quick fix for ${stamp}`);
      const reread = analyze(all);
      const after = reread.review.timeline.find(x => x.line === EVENT_LINE)!;
      assert.equal(after.utc, certain, `converted ${stamp}: ${line(all)}`);
      assert.equal(after.stamp.zone?.ref.kind, 'utc', line(all));
      assert.equal(fixAll(all, reread), all, `a second fix changes nothing: ${line(all)}`);
      // the hover over the original stamp shows the same UTC minute
      const hover = hoverAt(review, e.stampRange.start);
      assert.equal(hover?.title, new Date(certain).toISOString().slice(0, 16).replace('T', ' ') + ' UTC', `hover of ${stamp}`);
      // the timeline editor's conversion writes the same line
      const r = timelineEdits(review, { type: 'convertEntry', ref: { line: e.line, text: line(text) } });
      assert.ok(r.ok, `editor converts ${stamp}: ${!r.ok ? r.error : ''}`);
      assert.equal(line(applyEdits(text, r.edits).text), line(all), `editor = fix-all for ${stamp}`);
      // pir lint --fix, every 10th case (it writes a file)
      if (n++ % 10 === 0) {
        const file = path.join(tmp, 'x.pir.md');
        fs.writeFileSync(file, text);
        lintText(file, text, resolver, {} as never, { fix: true, cwd: tmp });
        assert.equal(line(fs.readFileSync(file, 'utf8')), line(all), `pir lint --fix = fix-all for ${stamp}`);
      }
    }), { numRuns: RUNS });
  });
});
