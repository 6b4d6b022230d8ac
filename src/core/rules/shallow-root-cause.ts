import type { Rule, RuleFinding } from './rule';
import type { Review, Section } from '../model';
import type { Fix, Range } from '../types';
import { findMatches, SHALLOW_CAUSES } from '../analysis/blame';
import { sectionProse } from './support/prose';
import { CAUSE_SECTIONS } from './support/sections';
import { endOfLine } from './support/edits';

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

const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+/;
export const POSSIBLE_LABEL = 'What made it possible:';
export const HARM_LABEL = 'What let it cause harm:';

/** The last line (0-based) of the paragraph or list item that holds `line`, within the section. */
function blockEnd(review: Review, section: Section, line: number): number {
  let l = line;
  while (l + 1 < section.endLine) {
    const next = review.lines.lineText(l + 1);
    if (!next.trim() || LIST_ITEM.test(next) || /^\s{0,3}(?:#|>|```|~~~|\||<!--)/.test(next)) break;
    l++;
  }
  return l;
}

/** The first line (0-based) of the paragraph or list item that holds `line`. */
function blockStart(review: Review, section: Section, line: number): number {
  let l = line;
  while (l > section.bodyStartLine && !LIST_ITEM.test(review.lines.lineText(l))) {
    const prev = review.lines.lineText(l - 1);
    if (!prev.trim() || /^\s{0,3}(?:#|>|```|~~~|\|)/.test(prev)) break;
    l--;
  }
  return l;
}

/**
 * The scaffold of the analysis under a cause that stops at a person: what made the error possible,
 * what let it cause harm. Inserted after the paragraph or list item, whose text is kept as written.
 */
function scaffoldFix(review: Review, section: Section, range: Range): Fix | undefined {
  if (section.body.includes(POSSIBLE_LABEL)) return undefined; // the analysis is already there
  const end = blockEnd(review, section, range.end.line);
  const start = blockStart(review, section, range.start.line);
  const item = LIST_ITEM.exec(review.lines.lineText(start));
  const eol = review.eol;
  // after a list item: two sibling items; after a paragraph: a list of its own, after a blank line
  const lead = item ? `${eol}${item[1]}- ` : `${eol}${eol}- `;
  const between = item ? `${eol}${item[1]}- ` : `${eol}- `;
  const newText = `${lead}**${POSSIBLE_LABEL}** \${1:the condition that made this step easy to get wrong (a missing check, a confusing interface, an unsafe default, time pressure)}`
    + `${between}**${HARM_LABEL}** \${2:why nothing stopped or contained it before it caused harm (no review, no alert, no safe default, no quick rollback)}`;
  return { title: 'Add the analysis under this cause: what made it possible, what let it cause harm', edits: [{ range: endOfLine(review, end), newText }], snippet: true };
}

export const shallowRootCause: Rule = {
  id: 'shallow-root-cause',
  description: 'The root cause and contributing factors do not stop at a person ("human error", "operator error", "forgot to"): they say what made the error possible.',
  defaultSeverity: 'warning',
  check({ review }) {
    const out: RuleFinding[] = [];
    for (const s of review.sections) {
      if (!s.kinds.some(k => CAUSE_SECTIONS.has(k))) continue;
      for (const m of shallowCauseMatches(review, s)) {
        const fix = scaffoldFix(review, s, m.range);
        out.push({ message: `"${m.text}" as a cause ${m.hint}.`, range: m.range, ...(fix ? { fixes: [fix] } : {}) });
      }
    }
    return out;
  },
};
