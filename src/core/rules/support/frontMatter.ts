/** The front matter for rules: its keys (from the schema), ranges to report at, and edits that add keys or list items. */
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import schema from '../../../../schemas/review.schema.json';
import type { Review } from '../../model';
import type { Range, TextEdit } from '../../types';
import { likelyTypo } from './text';

/** The top-level keys of the format, and the keys of its list items. */
export const FRONT_MATTER_KEYS = Object.keys(schema.properties);
export const ATTENDEE_KEYS = Object.keys(schema.properties.attendees.items.properties);
export const RISK_KEYS = Object.keys(schema.properties.residual_risks.items.properties);

/**
 * Whether a mapping has a key, written correctly or as a likely misspelling (which this rule
 * reports): other rules use it so that `major_rational:` is reported once, as a typo.
 */
export function hasKeyOrTypo(obj: unknown, key: string, known: string[]): boolean {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return false;
  if (key in obj) return true;
  return Object.keys(obj).some(k => !known.includes(k) && likelyTypo(k, known) === key);
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && !v.trim());
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
  // a front matter that does not parse as a mapping is read as {}: adding the key it seems to lack
  // would duplicate one that is there (--fix appended `detected:` again on every pass)
  if (!fm || !fm.closed || !fmReadable(review)) return undefined;
  const eol = review.eol;
  return { range: { start: { line: fm.insertLine, character: 0 }, end: { line: fm.insertLine, character: 0 } }, newText: lines.map(l => l + eol).join('') };
}

/** Whether the front matter parsed, as a mapping: only then can an edit add to it. */
export function fmReadable(review: Review): boolean {
  const fm = review.frontMatter;
  return !!fm && fm.doc.errors.length === 0 && (isMap(fm.doc.contents) || fm.doc.contents === null);
}

/**
 * An edit appending an item to a front matter list (attendees, residual_risks), written in the
 * list's own indentation; creates the key when it is missing. `item` holds the item's lines without
 * the dash: the first one follows "- ", the others are aligned under it. Undefined for a flow list
 * (`[a, b]`) or anything that is not a list.
 */
export function fmListAppendEdit(review: Review, key: string, item: string[]): TextEdit | undefined {
  const fm = review.frontMatter;
  if (!fm || !fm.closed || !fmReadable(review)) return undefined;
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
  if (!fm || !fm.closed || !fmReadable(review)) return undefined;
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

/** Text safe inside a plain YAML scalar that follows other words: no ": " or " #" (which YAML reads as structure). */
export function yamlInline(s: string): string {
  return s.replace(/:(\s|$)/g, ' —$1').replace(/\s#/g, ' ').replace(/[\r\n]+/g, ' ');
}

/** A YAML scalar for a value: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(s: string): string {
  const plain = /^[A-Za-z0-9(][^\n]*$/.test(s) && !/:(\s|$)|\s#|^(true|false|yes|no|null|~|on|off)$/i.test(s) && !/^[\d.+-]+$/.test(s) && s.trim() === s;
  return plain ? s : JSON.stringify(s);
}
