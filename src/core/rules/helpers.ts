import type { Review, ActionItem } from '../model';
import type { Fix, Range } from '../types';
import { SECTION_SPECS, sectionSpec, type SectionKind } from '../parse/sections';

/** The meaningful text of a section body: comments, code fences, markup and blank lines removed. */
export function sectionContentText(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^\s*#{3,6}\s.*$/gm, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gm, ' ')
    .replace(/[*_`>|]/g, ' ')
    .replace(/^\s*-{3,}\s*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A fix that inserts a missing section at its place in the format's order, with a prompt line. */
export function insertSectionFix(review: Review, kind: SectionKind): Fix {
  const order = SECTION_SPECS.map(s => s.kind);
  const idx = order.indexOf(kind);
  const eol = review.eol;
  // before the first present section that comes after it in the format; else at the end
  const after = review.sections.find(s => s.kind && order.indexOf(s.kind) > idx);
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
    newText = (lastText.trim() ? eol + eol : review.lines.lineCount > 1 && review.lines.lineText(last - 1).trim() ? eol : '') + block.replace(new RegExp(`${eol}${eol}$`), eol);
  }
  return { title: `Add a "${spec.title}" section`, edits: [{ range: at, newText }], isPreferred: true, snippet: true };
}

/** The next free action ID in the document's style (CAP-7 → CAP-10 when CAP-9 exists). */
export function nextActionId(review: Review): string {
  let prefix = 'CAP-'; let max = 0;
  for (const a of review.actions) {
    const m = a.id && /^(.*?)(\d+)$/.exec(a.id);
    if (m) { prefix = m[1]; max = Math.max(max, +m[2]); }
  }
  return `${prefix}${max + 1}`;
}

/** Escapes text for use inside a snippet placeholder. */
export function snippetEscape(s: string): string { return s.replace(/[$}\\]/g, '\\$&'); }

export function fieldLine(item: ActionItem, key: string, placeholder: string, tab: number, eol: string): string {
  return `${eol}${item.fieldIndent || '  '}- ${key}: \${${tab}:${snippetEscape(placeholder)}}`;
}

export function endOfLine(review: Review, line: number): Range {
  const c = review.lines.lineText(line).length;
  return { start: { line, character: c }, end: { line, character: c } };
}
