import type { Rule, RuleFinding } from './rule';
import type { TimelineEntry } from '../model';
import type { Fix } from '../types';
import { describeZone, resolveZone } from '../time/zones';
import { conversionFixes, instantFix, uncertainty } from '../time/conversion';

export const nonUtcTimestamp: Rule = {
  id: 'non-utc-timestamp',
  description: 'Timeline stamps are written in UTC, so readers in every zone and every tool agree on the order of events.',
  defaultSeverity: 'warning',
  check({ review }) {
    const out: RuleFinding[] = [];
    for (const e of review.timeline) {
      const own = e.stamp.zone?.ref;
      if (own?.kind === 'utc') continue;
      const shown = e.stamp.text.replace(/[*_`]/g, '');
      if (e.stamp.relative) {
        // under a timeline declared UTC, "+2 hrs" counts from a UTC time: no zone is in question
        if (review.declaredZone?.zone.kind === 'utc') continue;
        out.push({ message: `Timeline entry "${shown}" gives a time relative to another event, not the time it happened: write the time in UTC (for example "2026-11-20 14:00 UTC"), so the timeline can be read on its own.`, range: e.stampRange });
        continue;
      }
      if (own?.kind === 'unknown') {
        out.push({ message: `"${own.text}" is not a time zone this tool knows: write the stamp in UTC (or use an IANA zone such as Europe/Berlin, which the quick fix converts).`, range: e.stampRange });
        continue;
      }
      if (own?.kind === 'ambiguous') {
        out.push({
          message: `"${own.text}" is ambiguous (${own.candidates.map(c => c.label).join(', ')}): choose the zone it means, and the fix converts the stamp to UTC.`,
          range: e.stampRange,
          fixes: own.candidates.flatMap(c => conversionFixes(review, e, resolveZone(c.zone), `from ${c.label}`, false)),
        });
        continue;
      }
      if (own) {
        const uncertain = uncertainty(e, own);
        const fixes = conversionFixes(review, e, own, `from ${describeZone(own)}`, true);
        out.push({
          message: `Timeline stamp "${shown}" is in ${describeZone(own)}, not UTC: write timeline times in UTC.${uncertain ? ` ${uncertain}` : fixes.length ? '' : noFixReason(e)}`,
          range: e.stampRange, fixes,
        });
        continue;
      }
      // no zone on the stamp
      const declared = review.declaredZone;
      // the timeline says it is in UTC: a time without a zone is a UTC time
      if (declared?.zone.kind === 'utc' && e.stamp.time) continue;
      if (!e.stamp.time) {
        if (declared?.zone.kind === 'utc') continue;
        out.push({ message: `Timeline entry "${shown}" has a date but no time and no zone: add the time in UTC (for example "${shown} 14:00 UTC").`, range: e.stampRange });
        continue;
      }
      const fixes: Fix[] = [];
      let message = `Timeline stamp "${shown}" has no time zone: write timeline times in UTC.`;
      if (declared && (declared.zone.kind === 'offset' || declared.zone.kind === 'iana')) {
        const from = declared.source === 'prose' ? 'declared in the text' : declared.source === 'front-matter' ? 'the timezone key' : 'your pir.defaultTimezone setting';
        fixes.push(...conversionFixes(review, e, declared.zone, `from ${describeZone(declared.zone)}, ${from}`, true));
        const uncertain = uncertainty(e, declared.zone);
        message += ` It was written in ${describeZone(declared.zone)} (${from}).${uncertain ? ` ${uncertain}` : fixes.length ? '' : noFixReason(e)}`;
      } else if (declared && declared.zone.kind === 'ambiguous') {
        message += ` The declared zone "${declared.zone.text}" is ambiguous: choose one.`;
        for (const c of declared.zone.candidates) fixes.push(...conversionFixes(review, e, resolveZone(c.zone), `from ${c.label}`, false));
      } else {
        message += ' Add the zone it was written in, or declare it once with the `timezone` key or a line such as "All times in Europe/Berlin".';
        // the author may know the time is UTC already: offered, never preferred
        const f = instantFix(review, e, { kind: 'utc', text: 'UTC' }, 'The time is already UTC: add the zone', false);
        if (f) fixes.push(f);
      }
      out.push({ message, range: e.stampRange, fixes });
    }
    return out;
  },
};

function noFixReason(e: TimelineEntry): string {
  if (e.stamp.timeCount > 1) return ' (a range of times is not converted automatically: convert each time)';
  if (e.stamp.date?.impossible) return ' (its date does not exist, so it cannot be converted: correct the date)';
  if (!e.date) return ' (no date is known for it, so it cannot be converted: add the date)';
  return '';
}

