import type { Rule, RuleFinding } from './rule';
import type { Review, Section } from '../model';
import type { Range } from '../types';
import { sectionProse } from './helpers';
import { findMatches, SHALLOW_CAUSES } from '../analysis/blame';

/** The sections that state causes: a person named there is offered as the cause. */
export const CAUSE_SECTIONS = new Set(['root-cause', 'contributing-factors']);

export function shallowCauseMatches(review: Review, section: Section): { range: Range; text: string; hint: string }[] {
  const out: { range: Range; text: string; hint: string }[] = [];
  const runs = sectionProse(review, section);
  const all = runs.map(r => r.text).join('\n').toLowerCase();
  const patterns = SHALLOW_CAUSES.filter(p => p.keys.some(k => all.includes(k)));
  for (const p of runs) {
    for (const pat of patterns) {
      for (const hit of findMatches(p.text, pat)) {
        out.push({ range: review.lines.range(p.start + hit.index, p.start + hit.end), text: hit.text, hint: pat.hint });
      }
    }
  }
  return out;
}

export const shallowRootCause: Rule = {
  id: 'shallow-root-cause',
  description: 'The root cause and contributing factors do not stop at a person ("human error", "operator error", "forgot to"): they say what made the error possible.',
  defaultSeverity: 'warning',
  check({ review }) {
    const out: RuleFinding[] = [];
    for (const s of review.sections) {
      if (!s.kind || !CAUSE_SECTIONS.has(s.kind)) continue;
      for (const m of shallowCauseMatches(review, s)) {
        out.push({ message: `"${m.text}" as a cause ${m.hint}.`, range: m.range });
      }
    }
    return out;
  },
};
