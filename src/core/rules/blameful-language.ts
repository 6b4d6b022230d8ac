import type { Rule, RuleFinding } from './rule';
import type { Fix } from '../types';
import { phrasePattern, reviewProse, snippetEscape } from './helpers';
import { BLAME_PATTERNS, findMatches, SHALLOW_CAUSES, type LanguagePattern } from '../analysis/blame';
import { CAUSE_SECTIONS } from './shallow-root-cause';

export const blamefulLanguage: Rule = {
  id: 'blameful-language',
  description: 'The review describes what the system allowed, not who is at fault: no hindsight ("should have"), judgement ("careless", "negligent") or a person named as the cause.',
  defaultSeverity: 'warning',
  check({ review, config }) {
    const out: RuleFinding[] = [];
    const team: LanguagePattern[] = config.blamePhrases.filter(p => p.trim()).map(p => ({
      re: new RegExp(phrasePattern(p), 'gi'),
      hint: `is on your team's list of blaming phrases (blamePhrases in .pir.yaml). Describe what the system allowed instead`,
      keys: [p.trim().toLowerCase().split(/\s+/)[0]],
    }));
    const seen = new Set<number>(); // start offsets already reported: one finding per place
    const runs = reviewProse(review);
    // most reviews contain none of the words: test each pattern's key words once, on all the prose
    const all = runs.map(r => r.prose.text).join('\n').toLowerCase();
    const live = (ps: LanguagePattern[]) => ps.filter(p => p.keys.some(k => all.includes(k)));
    const blame = live([...BLAME_PATTERNS, ...team]);
    const shallow = live(SHALLOW_CAUSES);
    if (!blame.length && !shallow.length) return out;
    for (const { prose, section } of runs) {
      const inCause = !!section?.kind && CAUSE_SECTIONS.has(section.kind);
      // in the cause sections, "human error" and the like are shallow-root-cause's
      const patterns = inCause ? blame : [...blame, ...shallow];
      for (const pat of patterns) {
        for (const hit of findMatches(prose.text, pat)) {
          const start = prose.start + hit.index;
          if (seen.has(start)) continue;
          seen.add(start);
          const range = review.lines.range(start, prose.start + hit.end);
          const fixes: Fix[] = [];
          const reword = pat.reword?.(hit.m);
          if (reword && !pat.before) {
            // a snippet: the editor selects the new words for the author to adjust; `pir lint --fix` leaves prose alone
            fixes.push({ title: `Reword: "${reword}"`, edits: [{ range, newText: `\${1:${snippetEscape(reword)}}` }], snippet: true });
          }
          out.push({ message: `"${hit.text}" ${pat.hint}.`, range, fixes });
        }
      }
    }
    return out;
  },
};
