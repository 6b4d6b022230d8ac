import type { Rule, RuleFinding } from './rule';
import type { Fix } from '../types';
import { BLAME_PATTERNS, findMatches, SHALLOW_CAUSES, type LanguagePattern } from '../analysis/blame';
import { reviewProse } from './support/prose';
import { CAUSE_SECTIONS } from './support/sections';
import { phrasePattern } from './support/text';
import { snippetEscape } from './support/edits';

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
    const found = keysIn(all, team.length ? keyMatcher([...BLAME_PATTERNS, ...team, ...SHALLOW_CAUSES].flatMap(p => p.keys)) : BUILT_IN);
    const live = (ps: LanguagePattern[]) => ps.filter(p => p.keys.some(k => found.has(k)));
    const blame = live(team.length ? [...BLAME_PATTERNS, ...team] : BLAME_PATTERNS);
    const shallow = live(SHALLOW_CAUSES);
    if (!blame.length && !shallow.length) return out;
    const blameAndShallow = [...blame, ...shallow];
    for (const { prose, section } of runs) {
      const inCause = !!section?.kinds.some(k => CAUSE_SECTIONS.has(k));
      // in the cause sections, "human error" and the like are shallow-root-cause's
      const patterns = inCause ? blame : blameAndShallow;
      for (const pat of patterns) {
        for (const hit of findMatches(prose.text, pat)) {
          const start = prose.start + hit.index;
          if (seen.has(start)) continue;
          seen.add(start);
          const range = review.lines.range(start, prose.start + hit.end);
          const fixes: Fix[] = [];
          const reword = pat.reword?.(hit.m);
          if (reword && !pat.before) {
            // snippets: the editor selects the new words for the author to adjust; `pir lint --fix` leaves prose alone
            for (const r of Array.isArray(reword) ? reword : [reword]) fixes.push({ title: `Reword: "${r}"`, edits: [{ range, newText: `\${1:${snippetEscape(r)}}` }], snippet: true });
          }
          out.push({ message: `"${hit.text}" ${pat.hint}.`, range, fixes });
        }
      }
    }
    return out;
  },
};

interface KeyMatcher { keys: string[]; distinct: string[]; re: RegExp }

/** The lookahead over a key list: at each place, the longest key that starts there. */
function matcherOf(keys: string[]): KeyMatcher {
  const distinct = [...new Set(keys.filter(k => k))].sort((a, b) => b.length - a.length);
  return { keys, distinct, re: new RegExp(`(?=(${distinct.map(k => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'g') };
}

/** The built-in patterns' matcher, made once at load (a review without blamePhrases uses it). */
const BUILT_IN = matcherOf([...BLAME_PATTERNS, ...SHALLOW_CAUSES].flatMap(p => p.keys));

/** The matcher of a list with a team's own key words, compiled once per list (a few lists). */
const matchers = new Map<string, KeyMatcher>();
function keyMatcher(keys: string[]): KeyMatcher {
  const id = keys.join('\u0000');
  let m = matchers.get(id);
  if (!m) {
    m = matcherOf(keys);
    if (matchers.size >= 16) matchers.clear();
    matchers.set(id, m);
  }
  return m;
}

/**
 * The keys that occur in `text`, found in one pass (a search per key read a 5 MB review a hundred
 * times): a lookahead finds, at each place, the longest key that starts there; every key that is a
 * prefix of one found is there too (two keys starting at one place are always prefix and longer).
 */
function keysIn(text: string, { keys, distinct, re }: KeyMatcher): Set<string> {
  const found = new Set<string>(keys.includes('') ? [''] : []);
  if (!distinct.length) return found;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) found.add(m[1]);
  for (const k of distinct) if (!found.has(k) && [...found].some(f => f.startsWith(k))) found.add(k);
  return found;
}
