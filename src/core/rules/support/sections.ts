/** Sections for rules: their purpose in messages, when one is empty, inserting a missing one. */
import type { Review, Section } from '../../model';
import type { Fix, Range } from '../../types';
import { SECTION_SPECS, sectionSpec, type SectionKind } from '../../parse/sections';
import { replaceListMarkers } from '../../format/listItem';

/** Why each section is in the format, for the message. */
export const SECTION_PURPOSE: Record<SectionKind, string> = {
  'summary': 'what happened, for how long, to whom, and what ended it, for readers who read nothing else',
  'impact': 'who and what was affected, how much and for how long',
  'timeline': 'the factual record of what happened when, in UTC',
  'response': 'how the incident was detected, contained and resolved, and the key decisions',
  'root-cause': 'the conditions in the system that made the incident possible',
  'contributing-factors': 'what made the incident more likely, larger or longer',
  'went-well': 'what helped, and is worth keeping',
  'went-poorly': 'what hindered detection, diagnosis or recovery, and is worth changing',
  'lucky': 'what limited the damage by chance rather than by design: risks that will not be lucky next time',
  'lessons': 'what the team now knows that it did not before',
  'actions': 'the corrective action plan: what will change, who does it and by when',
  'policy': 'the policies, runbooks or procedures this review changes',
  'questions': 'what is still unknown, each with someone who follows it up',
};

/** The sections that state causes (root cause, contributing factors). */
export const CAUSE_SECTIONS = new Set(['root-cause', 'contributing-factors']);

/** The meaningful text of a section body: comments, code fences, markup and blank lines removed. */
export function sectionContentText(body: string): string {
  return replaceListMarkers(body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^\s*#{3,6}\s.*$/gm, ' '), ' ')
    .replace(/[*_`>|]/g, ' ')
    .replace(/^\s*-{3,}\s*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PLACEHOLDER = /^(?:tbd|tbc|todo|to ?do|n\/?a|-+|[—–]|\.{2,}|…|\?+|xxx+)[.!]?$/i;

/**
 * What a section holds when it is empty: '' for nothing, the placeholder ("TBD"), or the template's
 * prompt; undefined when it has content.
 */
/** Whether the text holds more than `n` characters that are not white space (counting stops there: no copy of a long body is made). */
function nonSpaceOver(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // white space as /\s/ has it: tab to carriage return and space in ASCII, the rest asked of the regex
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]))) continue;
    if (++count > n) return true;
  }
  return false;
}

export function emptyContent(section: Section): string | undefined {
  const body = section.subtree();
  // a long body is never empty: skip the clean-up (sections can be megabytes)
  if (nonSpaceOver(body, 400) && !/<!--/.test(body.slice(0, 200))) return undefined;
  const text = sectionContentText(body);
  if (!text) return '';
  if (PLACEHOLDER.test(text)) return text;
  const prompt = section.kind ? sectionSpec(section.kind).prompt : '';
  if (prompt && text.replace(/[.\s]+$/, '').toLowerCase() === prompt.replace(/[.\s]+$/, '').toLowerCase()) return text;
  return undefined;
}

/** A fix that inserts a missing section at its place in the format's order, with a prompt line. */
export function insertSectionFix(review: Review, kind: SectionKind): Fix {
  const order = SECTION_SPECS.map(s => s.kind);
  const idx = order.indexOf(kind);
  const eol = review.eol;
  // before the first present section that comes after it in the format; else at the end
  const after = review.sections.find(s => s.kind && !s.label && !s.parent?.kind && order.indexOf(s.kind) > idx);
  const spec = sectionSpec(kind);
  const prompt = spec.prompt || (kind === 'actions' ? '- [ ] CAP-1: ${1:specific change to a named system}' : '');
  const block = `## ${spec.title}${eol}${eol}${prompt ? `\${1:${prompt.replace(/[$}\\]/g, '\\$&')}}` : '$1'}${eol}${eol}`;
  let at: Range;
  let newText = block;
  if (after) {
    at = { start: { line: after.headingRange.start.line, character: 0 }, end: { line: after.headingRange.start.line, character: 0 } };
  } else {
    const last = review.lines.lineCount - 1;
    const lastText = review.lines.lineText(last);
    at = { start: { line: last, character: lastText.length }, end: { line: last, character: lastText.length } };
    newText = (lastText.trim() ? eol + eol : review.lines.lineCount > 1 && review.lines.lineText(last - 1).trim() ? eol : '') + (block.endsWith(eol + eol) ? block.slice(0, -eol.length) : block);
  }
  return { title: `Add the "${spec.title}" section`, edits: [{ range: at, newText }], isPreferred: true, snippet: true };
}
