/**
 * The review's structure for the editor: an outline (front matter, headings nested by level,
 * timeline entries under their section, action items under theirs) and folding ranges (front
 * matter, headings, multi-line action items, region comments). Pure.
 */
import type { Review } from '../model';
import type { Range } from '../types';
import { scan, type ScannedHeading } from '../parse/scan';

export type OutlineKind = 'front-matter' | 'heading' | 'timeline-entry' | 'action';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** the whole element (a heading: up to the next heading of the same or a higher level) */
  range: Range;
  /** what is revealed and highlighted: the heading text, the stamp, the action ID */
  selectionRange: Range;
  children: OutlineSymbol[];
}

const NAME_MAX = 120;
const shorten = (s: string, max = NAME_MAX) => (s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s);

/** The last non-blank line in [from, to), or `from` when all are blank. */
function lastContentLine(review: Review, from: number, to: number): number {
  for (let l = to - 1; l > from; l--) if (review.lines.lineText(l).trim()) return l;
  return from;
}

function lineEndRange(review: Review, start: number, end: number): Range {
  return { start: { line: start, character: 0 }, end: { line: end, character: review.lines.lineText(end).length } };
}

interface HeadingSpan { h: ScannedHeading; end: number }

/** Each heading with the last line of its part (before the next heading of the same or a higher level). */
function headingSpans(review: Review): HeadingSpan[] {
  const { headings } = scan(review.lines);
  const n = review.lines.lineCount;
  return headings.map((h, i) => {
    let next = i + 1;
    while (next < headings.length && headings[next].level > h.level) next++;
    const stop = next < headings.length ? headings[next].line : n;
    return { h, end: lastContentLine(review, h.line + (h.setext ? 1 : 0), stop) };
  });
}

export function outline(review: Review): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const fm = review.frontMatter;
  if (fm) {
    const id = typeof fm.data.id === 'string' ? fm.data.id : '';
    roots.push({
      name: 'Front matter', detail: id, kind: 'front-matter', range: fm.range,
      selectionRange: lineEndRange(review, fm.range.start.line, fm.range.start.line), children: [],
    });
  }
  // headings nested by level: a stack of the open ones
  const stack: { level: number; symbol: OutlineSymbol }[] = [];
  const all: OutlineSymbol[] = [];
  for (const { h, end } of headingSpans(review)) {
    const lastLine = h.setext ? h.line + 1 : h.line;
    const symbol: OutlineSymbol = {
      name: h.text || '(empty heading)', detail: '', kind: 'heading',
      range: lineEndRange(review, h.line, Math.max(end, lastLine)),
      selectionRange: { start: { line: h.line, character: h.textStart }, end: { line: h.line, character: h.textStart + h.text.length } },
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children : roots).push(symbol);
    stack.push({ level: h.level, symbol });
    all.push(symbol);
  }
  // entries and actions go under the innermost heading that contains them
  const parentOf = (line: number): OutlineSymbol[] => {
    let best: OutlineSymbol | undefined;
    for (const s of all) {
      if (s.range.start.line < line && s.range.end.line >= line && (!best || s.range.start.line >= best.range.start.line)) best = s;
    }
    return best ? best.children : roots;
  };
  for (const e of review.timeline) {
    const description = e.description.replace(/\s+/g, ' ').trim();
    const milestone = e.tags.map(t => t.milestone).join(', ');
    parentOf(e.line).push({
      name: shorten(description ? `${e.stamp.text} — ${description}` : e.stamp.text),
      detail: milestone, kind: 'timeline-entry',
      range: extendToLine(review, e.range, e.stampRange),
      selectionRange: e.stampRange, children: [],
    });
  }
  for (const a of review.actions) {
    const owner = a.fields.get('owner')?.value;
    const due = a.fields.get('due')?.value;
    const detail = [a.status === 'in-progress' ? 'in progress' : a.status === 'wont-do' ? "won't do" : a.status, owner, due && `due ${due}`].filter(Boolean).join(' · ');
    const range = a.form === 'table' ? review.lines.lineRange(a.line) : lineEndRange(review, a.line, lastContentLine(review, a.line, a.lastLine + 1));
    const selectionRange = a.idRange ?? a.titleRange;
    parentOf(a.line).push({
      name: shorten(a.id ? `${a.id}: ${a.title}` : a.title || '(untitled action)'),
      detail, kind: 'action', range: contains(range, selectionRange) ? range : selectionRange, selectionRange, children: [],
    });
  }
  sortTree(roots);
  return roots;
}

/** An entry's range from the start of its line (the list marker) to the end of its last line. */
function extendToLine(review: Review, r: Range, inner: Range): Range {
  const end = r.end.line;
  const range = { start: { line: r.start.line, character: 0 }, end: { line: end, character: Math.max(r.end.character, review.lines.lineText(end).length) } };
  return contains(range, inner) ? range : inner;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
function contains(outer: Range, inner: Range): boolean { return before(outer.start, inner.start) && before(inner.end, outer.end); }

function sortTree(symbols: OutlineSymbol[]): void {
  symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const s of symbols) sortTree(s.children);
}

// ----------------------------------------------------------------------------------- folding

export interface Fold { start: number; end: number; kind?: 'region' }

const REGION_START = /^\s*<!--\s*#?region\b.*-->/;
const REGION_END = /^\s*<!--\s*#?endregion\b.*-->/;

export function foldingRanges(review: Review): Fold[] {
  const folds: Fold[] = [];
  const fm = review.frontMatter;
  if (fm && fm.range.end.line > fm.range.start.line) folds.push({ start: fm.range.start.line, end: fm.range.end.line });
  for (const { h, end } of headingSpans(review)) if (end > h.line) folds.push({ start: h.line, end });
  for (const a of review.actions) {
    if (a.form === 'table') continue;
    const end = lastContentLine(review, a.line, a.lastLine + 1);
    if (end > a.line) folds.push({ start: a.line, end });
  }
  const open: number[] = [];
  for (let l = 0; l < review.lines.lineCount; l++) {
    const t = review.lines.lineText(l);
    if (REGION_START.test(t)) open.push(l);
    else if (REGION_END.test(t) && open.length) folds.push({ start: open.pop()!, end: l, kind: 'region' });
  }
  return folds.sort((a, b) => a.start - b.start || b.end - a.end);
}
