import type { Rule, RuleFinding } from './rule';
import { MILESTONES } from '../model';
import { humanInstant, parseInstant } from '../time/calendar';
import { fmRange } from './support/frontMatter';

export const milestoneOrder: Rule = {
  id: 'milestone-order',
  description: 'The incident milestones in the front matter are in order: started ≤ detected ≤ mitigated ≤ resolved.',
  defaultSeverity: 'error',
  check({ review }) {
    const d = review.frontMatter?.data;
    if (!d) return [];
    const out: RuleFinding[] = [];
    let prev: { m: string; t: number } | undefined;
    for (const m of MILESTONES) {
      const t = parseInstant(d[m]);
      if (t === undefined) continue;
      if (prev && t < prev.t) {
        out.push({
          message: `"${m}" (${humanInstant(t)}) is before "${prev.m}" (${humanInstant(prev.t)}): the milestones run started ≤ detected ≤ mitigated ≤ resolved, so one of the two is wrong. Check them against the timeline.`,
          range: fmRange(review, [m], 'value'),
        });
        continue;
      }
      prev = { m, t };
    }
    return out;
  },
};
