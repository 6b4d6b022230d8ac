import type { Rule, RuleFinding } from './rule';
import type { Review } from '../model';
import type { Fix } from '../types';
import { DAY_MS, isoDay, parseInstant, snippetEscape } from './helpers';

export const timestampMissingDate: Rule = {
  id: 'timestamp-missing-date',
  description: 'The timeline\'s first entry has a date (or the front matter has `started`), so that every time after it has a date to carry.',
  defaultSeverity: 'warning',
  check({ review }) {
    const out = [...writtenDates(review)];
    const first = review.timeline.find(e => !e.stamp.relative);
    if (!first || first.date || first.stamp.date?.impossible) return out;
    const undated = review.timeline.filter(e => !e.date).length;
    const d = review.frontMatter?.data ?? {};
    const known = ['started', 'detected', 'mitigated', 'resolved'].map(k => parseInstant(d[k])).filter((t): t is number => t !== undefined);
    const fromName = /(?:^|[\\/])(\d{4}-\d{2}-\d{2})[^\\/]*$/.exec(review.uri ?? '')?.[1];
    const guess = known.length ? isoDay(Math.floor(Math.min(...known) / DAY_MS) * DAY_MS) : fromName ?? 'YYYY-MM-DD';
    const fixes: Fix[] = [];
    if (!first.stamp.date && first.stamp.time) {
      const at = review.lines.positionAt(first.stampBase + first.stamp.time.start);
      fixes.push({ title: 'Write the date on the first entry', edits: [{ range: { start: at, end: at }, newText: `\${1:${snippetEscape(guess)}} ` }], isPreferred: true, snippet: true });
    }
    return [...out, {
      message: `The first timeline entry has no date, and there is no \`started\` in the front matter to take it from, so ${undated === 1 ? 'it has' : `it and ${undated - 1} more entr${undated === 2 ? 'y' : 'ies'} after it have`} no date: write the date on the first entry ("${/^\d/.test(guess) ? guess : '2026-11-20'} ${first.stamp.text.replace(/[*_]/g, '')}").`,
      range: first.stampRange,
      fixes,
    }];
  },
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n: number) => String(n).padStart(2, '0');

/** Dates written on stamps that name no day (2027-02-29, 2026-13-01) or read two ways (03/04/2026). */
function* writtenDates(review: Review): Generator<RuleFinding> {
  for (const e of review.timeline) {
    const d = e.stamp.date;
    if (!d) continue;
    const written = e.stamp.text.slice(d.start - e.stamp.start, d.end - e.stamp.start);
    const range = review.lines.range(e.stampBase + d.start, e.stampBase + d.end);
    if (d.impossible) {
      const why = d.month < 1 || d.month > 12 ? `there is no month ${d.month}`
        : d.month === 2 && d.day === 29 ? `${d.year} is not a leap year` : `${MONTH_NAMES[d.month - 1]} has no day ${d.day}`;
      yield { message: `"${written}" is not a date (${why}): correct it, so the entry has a time the timeline can place.`, range };
      continue;
    }
    if (d.alternative && d.year !== undefined) {
      const a = { year: d.year, month: d.month, day: d.day }, b = { year: d.year, month: d.alternative.month, day: d.alternative.day };
      const iso = (x: typeof a) => `${x.year}-${two(x.month)}-${two(x.day)}`;
      const say = (x: typeof a) => `${x.day} ${MONTH_NAMES[x.month - 1]}`;
      yield {
        message: `"${written}" can be read as ${say(a)} or ${say(b)}: write the date as YYYY-MM-DD, so no reader has to guess (it is read as ${say(a)} for now).`,
        range,
        fixes: [a, b].map(x => ({ title: `It is ${say(x)} ${x.year}: write ${iso(x)}`, edits: [{ range, newText: iso(x) }], isPreferred: false })),
      };
    }
  }
}
