import type { Rule, RuleFinding } from './rule';
import type { Review, TimelineEntry } from '../model';
import type { Fix, TextEdit } from '../types';
import { describeZone, resolveZone, toUtc, type ZoneRef } from '../time/zones';

export const nonUtcTimestamp: Rule = {
  id: 'non-utc-timestamp',
  description: 'Timeline stamps are written in UTC, so readers in every zone and every tool agree on the order of events.',
  defaultSeverity: 'warning',
  check({ review }) {
    const out: RuleFinding[] = [];
    for (const e of review.timeline) {
      const own = e.stamp.zone?.ref;
      if (own?.kind === 'utc') continue;
      const shown = e.stamp.text.replace(/[*_]/g, '');
      if (own?.kind === 'unknown') {
        out.push({ message: `"${own.text}" is not a time zone this tool knows: write the stamp in UTC (or use an IANA zone such as Europe/Berlin, which the quick fix converts).`, range: e.stampRange });
        continue;
      }
      if (own?.kind === 'ambiguous') {
        out.push({
          message: `"${own.text}" is ambiguous (${own.candidates.map(c => c.label).join(', ')}): choose the zone it means, and the fix converts the stamp to UTC.`,
          range: e.stampRange,
          fixes: own.candidates.map(c => convertFix(review, e, resolveZone(c.zone), `Convert to UTC from ${c.label}`, false)).filter((f): f is Fix => !!f),
        });
        continue;
      }
      if (own) {
        const fix = convertFix(review, e, own, `Convert to UTC (from ${describeZone(own)})`, true);
        out.push({ message: `Timeline stamp "${shown}" is in ${describeZone(own)}, not UTC: write timeline times in UTC.${fix ? '' : noFixReason(e)}`, range: e.stampRange, fixes: fix ? [fix] : [] });
        continue;
      }
      // no zone on the stamp
      if (!e.stamp.time) {
        out.push({ message: `Timeline entry "${shown}" has a date but no time and no zone: add the time in UTC (for example "${shown} 14:00 UTC").`, range: e.stampRange });
        continue;
      }
      const fixes: Fix[] = [];
      let message = `Timeline stamp "${shown}" has no time zone: write timeline times in UTC.`;
      const declared = review.declaredZone;
      if (declared && declared.zone.kind === 'utc') {
        const f = convertFix(review, e, declared.zone, 'Mark as UTC (the timeline is declared UTC)', true);
        if (f) fixes.push(f);
        message += ' The timeline is declared UTC: the fix adds the zone.';
      } else if (declared && (declared.zone.kind === 'offset' || declared.zone.kind === 'iana')) {
        const from = declared.source === 'prose' ? 'declared in the text' : declared.source === 'front-matter' ? 'the timezone key' : 'your pir.defaultTimezone setting';
        const f = convertFix(review, e, declared.zone, `Convert to UTC (from ${describeZone(declared.zone)}, ${from})`, true);
        if (f) fixes.push(f);
        message += ` It was written in ${describeZone(declared.zone)} (${from}).${f ? '' : noFixReason(e)}`;
      } else if (declared && declared.zone.kind === 'ambiguous') {
        message += ` The declared zone "${declared.zone.text}" is ambiguous: choose one.`;
        for (const c of declared.zone.candidates) {
          const f = convertFix(review, e, resolveZone(c.zone), `Convert to UTC from ${c.label}`, false);
          if (f) fixes.push(f);
        }
      } else {
        message += ' Add the zone it was written in, or declare it once with the `timezone` key or a line such as "All times in Europe/Berlin".';
        // the author may know the time is UTC already: offered, never preferred
        const f = convertFix(review, e, { kind: 'utc', text: 'UTC' }, 'The time is already UTC: add the zone', false);
        if (f) fixes.push(f);
      }
      out.push({ message, range: e.stampRange, fixes });
    }
    return out;
  },
};

function noFixReason(e: TimelineEntry): string {
  if (e.stamp.timeCount > 1) return ' (a range of times is not converted automatically: convert each time)';
  if (!e.date) return ' (no date is known for it, so it cannot be converted: add the date)';
  return '';
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Rewrites the stamp in UTC, in place: the time token, the zone token (or " UTC" after the time)
 * and the date when it changes; markup around the tokens (bold, brackets) stays as written.
 */
export function convertFix(review: Review, e: TimelineEntry, zone: ZoneRef, title: string, preferred: boolean): Fix | undefined {
  const { stamp } = e;
  if (!stamp.time || stamp.timeCount > 1) return undefined;
  let dateParts = e.date;
  if (!dateParts) {
    // a fixed offset converts without a date, as long as the day does not change
    if (zone.kind === 'iana') return undefined;
    dateParts = { year: 2001, month: 1, day: 1, carried: true };
  }
  const utc = toUtc({ ...dateParts, hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second }, zone);
  if (!utc) return undefined;
  const dayChanged = utc.year !== dateParts.year || utc.month !== dateParts.month || utc.day !== dateParts.day;
  if (dayChanged && !e.date) return undefined;
  const base = e.stampBase;
  const at = (a: number, b: number) => review.lines.range(base + a, base + b);
  const edits: TextEdit[] = [];
  const time = `${two(utc.hour)}:${two(utc.minute)}${stamp.time.second !== undefined ? `:${two(utc.second)}` : ''}`;
  const isoDate = `${utc.year}-${two(utc.month)}-${two(utc.day)}`;
  if (stamp.date && stamp.date.year !== undefined) {
    if (dayChanged) edits.push({ range: at(stamp.date.start, stamp.date.end), newText: isoDate });
  } else if (stamp.date) {
    if (dayChanged) return undefined; // "March 19, 23:30 PST": leave a month-name date to the author
  } else if (dayChanged) {
    edits.push({ range: at(stamp.time.start, stamp.time.start), newText: `${isoDate} ` });
  }
  edits.push({ range: at(stamp.time.start, stamp.time.end), newText: time });
  if (stamp.zone) {
    const glued = stamp.zone.start === stamp.time.end;
    edits.push({ range: at(stamp.zone.start, stamp.zone.end), newText: glued ? 'Z' : 'UTC' });
  } else {
    edits.push({ range: at(stamp.time.end, stamp.time.end), newText: ' UTC' });
  }
  return { title, edits, isPreferred: preferred };
}
