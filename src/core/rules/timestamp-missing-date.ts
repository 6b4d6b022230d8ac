import type { Rule } from './rule';
import type { Fix } from '../types';
import { DAY_MS, isoDay, parseInstant, snippetEscape } from './helpers';

export const timestampMissingDate: Rule = {
  id: 'timestamp-missing-date',
  description: 'The timeline\'s first entry has a date (or the front matter has `started`), so that every time after it has a date to carry.',
  defaultSeverity: 'warning',
  check({ review }) {
    const first = review.timeline[0];
    if (!first || first.date) return [];
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
    return [{
      message: `The first timeline entry has no date, and there is no \`started\` in the front matter to take it from, so ${undated === 1 ? 'it has' : `it and ${undated - 1} more entr${undated === 2 ? 'y' : 'ies'} after it have`} no date: write the date on the first entry ("${/^\d/.test(guess) ? guess : '2026-11-20'} ${first.stamp.text.replace(/[*_]/g, '')}").`,
      range: first.stampRange,
      fixes,
    }];
  },
};
