import type { Review, ActionItem, Section } from '../model';
import type { Fix, Range, Severity, TextEdit } from '../types';
import type { RuleContext } from './rule';
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { SECTION_SPECS, sectionSpec, type SectionKind } from '../parse/sections';
import { sectionProse, type Prose } from '../parse/prose';

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
  return { title: `Add the "${spec.title}" section`, edits: [{ range: at, newText }], isPreferred: true, snippet: true };
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

/** Escapes text for use inside a snippet placeholder (see ../safe/snippet). */
export { snippetEscape } from '../safe/snippet';
import { snippetEscape } from '../safe/snippet';

export function fieldLine(item: ActionItem, key: string, placeholder: string, tab: number, eol: string): string {
  return `${eol}${item.fieldIndent || '  '}- ${snippetEscape(key)}: \${${tab}:${snippetEscape(placeholder)}}`;
}

export function endOfLine(review: Review, line: number): Range {
  const c = review.lines.lineText(line).length;
  return { start: { line, character: c }, end: { line, character: c } };
}

// ---------------------------------------------------------------------------------------------
// Shared by the rule catalogue: dates, severities, front matter edits, prose scanning.


export const DAY_MS = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** An ISO 8601 date-time with a zone (Z or an offset), or a Date: epoch ms. Anything else: undefined. */
export function parseInstant(v: unknown): number | undefined {
  if (v instanceof Date) return isNaN(v.getTime()) ? undefined : v.getTime();
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})\s*$/i.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, s) + (m[7] ? Math.round(+`0.${m[7]}` * 1000) : 0);
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  if (m[8].toUpperCase() !== 'Z') {
    const off = /([+-])(\d{2}):?(\d{2})/.exec(m[8])!;
    ms -= (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +off[3]) * 60_000;
  }
  return ms;
}

/** A calendar day (YYYY-MM-DD, or the UTC day of a date-time): epoch ms of its UTC midnight. */
export function parseDay(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(v);
    if (m) {
      const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
      return new Date(ms).getUTCDate() === +m[3] && +m[2] >= 1 && +m[2] <= 12 ? ms : undefined;
    }
  }
  const t = parseInstant(v);
  return t === undefined ? undefined : Math.floor(t / DAY_MS) * DAY_MS;
}

export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

export function isoInstant(ms: number): string {
  const d = new Date(ms);
  return `${isoDay(ms)}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}Z`;
}

/** "14:02 UTC on 2026-11-20" */
export function humanInstant(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC on ${isoDay(ms)}`;
}

/** The severity of a completeness finding from a rule that also reports other problems: info in drafts. */
export function completenessSeverity(ctx: RuleContext): Severity | undefined {
  return ctx.lifecycle === 'draft' ? 'info' : undefined;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The front matter's opening line (---), or the start of the document when there is none. */
export function frontMatterStart(review: Review): Range {
  const fm = review.frontMatter;
  if (!fm) return ZERO;
  const l = fm.range.start.line;
  return review.lines.lineRange(l);
}

/** The range of a front matter key (or its value), falling back to the opening line. */
export function fmRange(review: Review, path: (string | number)[], which: 'key' | 'value' = 'key'): Range {
  return review.frontMatter?.rangeOf(path, which) ?? frontMatterStart(review);
}

/** Keeps a multi-line YAML node's range to its first line (block maps end at the next line's start). */
export function firstLineOf(review: Review, r: Range): Range {
  if (r.end.line === r.start.line) return r;
  return { start: r.start, end: { line: r.start.line, character: review.lines.lineText(r.start.line).length } };
}

/** The last line of a YAML node whose range may end at the start of the next line. */
function lastLineOf(review: Review, r: Range): number {
  let line = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
  while (line > r.start.line && !review.lines.lineText(line).trim()) line--;
  return line;
}

/** An edit inserting top-level front matter lines before the closing fence; undefined when the block is not closed. */
export function fmInsertEdit(review: Review, lines: string[]): TextEdit | undefined {
  const fm = review.frontMatter;
  if (!fm || !fm.closed) return undefined;
  const eol = review.eol;
  return { range: { start: { line: fm.insertLine, character: 0 }, end: { line: fm.insertLine, character: 0 } }, newText: lines.map(l => l + eol).join('') };
}

/**
 * An edit appending an item to a front matter list (attendees, residual_risks), written in the
 * list's own indentation; creates the key when it is missing. `item` holds the item's lines without
 * the dash: the first one follows "- ", the others are aligned under it. Undefined for a flow list
 * (`[a, b]`) or anything that is not a list.
 */
export function fmListAppendEdit(review: Review, key: string, item: string[]): TextEdit | undefined {
  const fm = review.frontMatter;
  if (!fm || !fm.closed) return undefined;
  const eol = review.eol;
  if (!(key in fm.data)) return fmInsertEdit(review, [`${key}:`, `  - ${item[0]}`, ...item.slice(1).map(l => `    ${l}`)]);
  const node = fm.doc.get(key, true) as YamlNode | null | undefined;
  const keyRange = fm.rangeOf([key], 'key');
  if (!keyRange) return undefined;
  if (node === null || node === undefined || (!isSeq(node) && !isMap(node) && (node as { value?: unknown }).value === null)) {
    // `key:` with nothing after it
    const at = { line: keyRange.start.line, character: review.lines.lineText(keyRange.start.line).length };
    const ind = ' '.repeat(keyRange.start.character + 2);
    return { range: { start: at, end: at }, newText: `${eol}${ind}- ${item[0]}${item.slice(1).map(l => `${eol}${ind}  ${l}`).join('')}` };
  }
  if (!isSeq(node) || node.flow || !node.items.length) return undefined;
  const seqRange = fm.rangeOf([key], 'value');
  const firstItem = fm.rangeOf([key, 0], 'value');
  if (!seqRange || !firstItem || firstItem.start.line !== seqRange.start.line) return undefined;
  const dash = ' '.repeat(seqRange.start.character);
  const inner = ' '.repeat(firstItem.start.character);
  const last = lastLineOf(review, seqRange);
  const at = { line: last, character: review.lines.lineText(last).length };
  return { range: { start: at, end: at }, newText: `${eol}${dash}- ${item[0]}${item.slice(1).map(l => `${eol}${inner}${l}`).join('')}` };
}

/** An edit adding `key: value` lines to a block mapping inside the front matter (an item of a list). */
export function fmMapAppendEdit(review: Review, path: (string | number)[], lines: string | string[]): TextEdit | undefined {
  const fm = review.frontMatter;
  if (!fm || !fm.closed) return undefined;
  let node: unknown = fm.doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find(p => ((p.key as { value?: unknown })?.value ?? p.key) === seg)?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  if (!isMap(node) || node.flow || !node.items.length) return undefined;
  const firstKey = fm.rangeOf([...path, String((node.items[0].key as { value?: unknown })?.value ?? '')], 'key');
  const whole = fm.rangeOf(path, 'value');
  if (!firstKey || !whole) return undefined;
  const last = lastLineOf(review, whole);
  const at = { line: last, character: review.lines.lineText(last).length };
  const ind = ' '.repeat(firstKey.start.character);
  return { range: { start: at, end: at }, newText: (Array.isArray(lines) ? lines : [lines]).map(l => `${review.eol}${ind}${l}`).join('') };
}

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name a likely misspelling stands for: same letters ignoring case, `-`, `_` and spaces, or a small edit distance. */
export function likelyTypo(name: string, known: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]+/g, '');
  const n = norm(name);
  for (const k of known) if (k !== name && norm(k) === n) return k;
  let best: string | undefined; let bestD = 99;
  for (const k of known) {
    const d = levenshtein(n, norm(k));
    const limit = Math.min(k.length, n.length) <= 4 ? 1 : 2;
    if (d <= limit && d < bestD) { best = k; bestD = d; }
  }
  return best;
}

/** A phrase as a regular expression: case-insensitive, whole words, any whitespace or emphasis between words. */
export function phrasePattern(phrase: string): string {
  const words = phrase.trim().split(/\s+/).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
  const lead = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const tail = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return lead + words.join('[\\s*_]+') + tail;
}

export type { Prose } from '../parse/prose';
export { sectionProse } from '../parse/prose';

/** The prose of the whole review: the H1 title, the front matter title and every level-2 section. */
export function reviewProse(review: Review, skip?: (s: Section) => boolean): { prose: Prose; section?: Section }[] {
  const out: { prose: Prose; section?: Section }[] = [];
  if (review.title) {
    const a = review.lines.offsetAt(review.title.range.start);
    out.push({ prose: { text: review.text.slice(a, review.lines.offsetAt(review.title.range.end)), start: a } });
  }
  const t = review.frontMatter?.rangeOf(['title'], 'value');
  if (t && typeof review.frontMatter?.data.title === 'string') {
    const a = review.lines.offsetAt(t.start);
    out.push({ prose: { text: review.text.slice(a, review.lines.offsetAt(t.end)), start: a } });
  }
  for (const s of review.sections) {
    if (skip?.(s)) continue;
    for (const p of sectionProse(review, s)) out.push({ prose: p, section: s });
  }
  return out;
}

/** Text safe inside a plain YAML scalar that follows other words: no ": " or " #" (which YAML reads as structure). */
export function yamlInline(s: string): string {
  return s.replace(/:(\s|$)/g, ' —$1').replace(/\s#/g, ' ').replace(/[\r\n]+/g, ' ');
}

/** A YAML scalar for a value: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(s: string): string {
  const plain = /^[A-Za-z0-9(][^\n]*$/.test(s) && !/:(\s|$)|\s#|^(true|false|yes|no|null|~|on|off)$/i.test(s) && !/^[\d.+-]+$/.test(s) && s.trim() === s;
  return plain ? s : JSON.stringify(s);
}

/** A short quotation of a text for a message. */
export function quote(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}
