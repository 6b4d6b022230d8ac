import type { Rule, RuleFinding } from './rule';
import type { TimelineEntry } from '../model';
import type { Fix } from '../types';
import { describeZone, resolveZone } from '../time/zones';
import { convertFix } from '../timeline/toUtc';

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
