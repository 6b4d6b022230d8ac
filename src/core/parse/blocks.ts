/**
 * The block structure of a section body by a line scan: lists and their items (nested lists
 * included), tables with their rows and cells, paragraphs and headings, with the offsets remark
 * (micromark + mdast, with the GFM table and task-list extensions) gives them. It reads a subset of
 * CommonMark exactly and gives up (`Bail`) on anything outside it, so the caller falls back to the
 * remark tree: HTML blocks other than comments, block quotes inside lists, indented code, setext
 * headings and thematic breaks, link reference definitions, tabs, empty list items, unclosed
 * fences or comments, table rows without a leading pipe, and the like.
 *
 * The result is shaped like an mdast Root so the consumers (timeline, action items, timeline order,
 * prose) read either one the same way; nodes carry offsets only (line and column are 0), relative to
 * the body, and no inline children. A paragraph, heading or table cell carries `inline`: the range
 * whose inline constructs the prose scanner reads.
 */
import type { Root } from 'mdast';
import { TextCache } from './textCache';
import { isDelimiterRow, splitTableRow } from '../format/table';

export class Bail extends Error {}
const bail = (why: string): never => { throw new Bail(why); };

export interface LightNode {
  type: string;
  position: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
  children: LightNode[];
  /** paragraph, heading, table cell: the range to scan for inline constructs */
  inline?: [number, number];
}

/** A light root: what blocks() gives when the scan read the whole section. */
export interface LightRoot extends LightNode { type: 'root'; light: true }

export function isLight(root: Root | LightRoot): root is LightRoot {
  return (root as LightRoot).light === true;
}

interface Line {
  start: number;
  /** end of the content, before the line break */
  end: number;
  /** the line's text */
  text: string;
  /** leading spaces */
  indent: number;
  blank: boolean;
  /** a lazy continuation line of a paragraph (less indented than its container's content) */
  lazy: boolean;
}

const node = (type: string, start: number, end: number, children: LightNode[] = []): LightNode => ({
  type, position: { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } }, children,
});
const setEnd = (n: LightNode, end: number) => { n.position.end.offset = end; };

const THEMATIC_OR_SETEXT = /^(?:=+ *|-+ *|([-*_]) *(?:\1 *){2,})$/;
const ATX = /^#{1,6}(?: |$)/;
const FENCE = /^(`{3,}|~{3,})/;
const BULLET = /^([-*+])( +)(.*)$/;
const ORDERED = /^(\d{1,9})([.)])( +)(.*)$/;
const BARE_MARKER = /^(?:[-*+]|\d{1,9}[.)]) *$/;

type Kind = 'text' | 'atx' | 'fence' | 'quote' | 'comment' | 'table' | 'bullet' | 'ordered';

/** What a line's content (after its indentation) starts; bails on what the scanner does not read. */
function classify(c: string, inParagraph = false): Kind {
  const ch = c.charCodeAt(0);
  // fast path: letters, digits other than list numbers, and most punctuation start a paragraph
  if (ch === 35 /* # */) return ATX.test(c) ? 'atx' : 'text';
  if (ch === 96 /* ` */ || ch === 126 /* ~ */) {
    const f = FENCE.exec(c);
    if (!f) return 'text';
    if (ch === 96 && c.indexOf('`', f[1].length) >= 0) bail('backticks in a fence info string');
    return 'fence';
  }
  if (ch === 62 /* > */) return 'quote';
  if (ch === 60 /* < */) {
    if (c.startsWith('<!--')) { if (/^<!---?>/.test(c)) bail('empty comment'); return 'comment'; }
    if (/^<[A-Za-z/?!]/.test(c)) bail('HTML');
    return 'text';
  }
  if (ch === 124 /* | */) return 'table';
  if (ch === 45 || ch === 42 || ch === 43 || ch === 61 || ch === 95) {
    if (THEMATIC_OR_SETEXT.test(c)) bail('thematic break or setext underline');
    if (ch === 61 || ch === 95) return 'text';
    if (BARE_MARKER.test(c)) return inParagraph ? 'text' : 'bullet'; // an empty item cannot interrupt a paragraph
    return BULLET.test(c) ? 'bullet' : 'text';
  }
  if (ch >= 48 && ch <= 57) {
    if (BARE_MARKER.test(c)) return inParagraph ? 'text' : 'ordered';
    return ORDERED.test(c) ? 'ordered' : 'text';
  }
  if (ch === 91 /* [ */ && /^\[[^\]]*\]:/.test(c)) bail('definition');
  return 'text';
}

/** Whether a line that starts `kind` ends an open paragraph (or it continues it). */
function interrupts(kind: Kind, c: string): boolean {
  if (kind === 'text') return false;
  if (kind === 'table') bail('pipe line after a paragraph');
  if (kind === 'ordered') return /^1[.)]/.test(c);
  return true;
}

function splitLines(body: string): Line[] {
  const out: Line[] = [];
  const n = body.length;
  let start = 0;
  while (start <= n) {
    let end = start;
    while (end < n) { const c = body.charCodeAt(end); if (c === 10 || c === 13) break; end++; }
    const text = body.slice(start, end);
    let indent = 0;
    while (indent < text.length && text.charCodeAt(indent) === 32) indent++;
    out.push({ start, end, text, indent, blank: indent === text.length, lazy: false });
    if (end >= n) break;
    start = end + (body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (start === n) { out.push({ start, end: n, text: '', indent: 0, blank: true, lazy: false }); break; }
  }
  return out;
}

/**
 * How deep lists and block quotes are followed. CommonMark sets no limit, but the cost of parsing a
 * line grows with the number of containers open around it (remark's is quadratic in the depth: a
 * line of 40,000 "> " took 16 s), and the trees' consumers recurse into them. Reviews nest a few
 * levels; markdown-it's CommonMark preset stops at 20 as well.
 */
export const MAX_NESTING = 20;

/**
 * The text with everything nested deeper than `max` containers blanked out: on each line, from the
 * point where the list markers, quote markers and indentation (two columns a level, a tab four)
 * pass the limit, the rest of the line becomes spaces. The length and the line breaks stay, so the
 * offsets of a tree parsed from the result hold for the original text. `at` is the offset of the
 * first blanked character (-1 and the same string when nothing is that deep). Linear in the text.
 */
export function capNesting(text: string, max = MAX_NESTING): { text: string; at: number } {
  const n = text.length;
  // a line needs at least `max` characters of markers or indentation to be too deep
  if (n <= max) return { text, at: -1 };
  let out: string[] | undefined;
  let from = 0; // start of the text not yet copied to out
  let first = -1;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n) { const c = text.charCodeAt(end); if (c === 10 || c === 13) break; end++; }
    const cut = end - start > max ? deepAt(text, start, end, max) : -1;
    if (cut >= 0) {
      if (first < 0) first = cut;
      (out ??= []).push(text.slice(from, cut), ' '.repeat(end - cut));
      from = end;
    }
    start = end + 1;
  }
  if (!out) return { text, at: -1 };
  out.push(text.slice(from));
  return { text: out.join(''), at: first };
}

/** Where in the line [start, end) the containers opened pass `max` levels, or -1. */
function deepAt(text: string, start: number, end: number, max: number): number {
  let i = start;
  let markers = 0;
  let columns = 0; // whitespace beyond the one space a marker takes
  while (i < end) {
    let ws = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32) ws++; else if (c === 9) ws += 4; else break;
      i++;
    }
    columns += markers && ws ? ws - 1 : ws;
    if (markers + (columns >> 1) > max) return i;
    if (i >= end) return -1;
    const c = text.charCodeAt(i);
    let next = -1;
    if (c === 62 /* > */) next = i + 1;
    else if (c === 45 || c === 42 || c === 43) next = i + 1;
    else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if (d === 46 || d === 41) next = j + 1;
    }
    if (next < 0) return -1;
    // a list marker must be followed by whitespace or the end of the line; a quote marker need not
    if (c !== 62 && next < end) { const d = text.charCodeAt(next); if (d !== 32 && d !== 9) return -1; }
    markers++;
    if (markers + (columns >> 1) > max) return i;
    i = next;
  }
  return -1;
}

/**
 * Light trees by body text, as parseMarkdown caches remark trees: re-analysis after an edit scans
 * only the sections that changed. A body the scan does not read is remembered as null.
 */
const cache = new TextCache<LightRoot | null>();

/** scanBlocks(), cached; undefined when remark must parse the body. */
export function cachedScanBlocks(body: string): LightRoot | undefined {
  let hit = cache.get(body);
  if (hit !== undefined) return hit ?? undefined;
  try { hit = scanBlocks(capNesting(body).text); } catch { hit = null; }
  cache.set(body, hit);
  return hit ?? undefined;
}

export function clearBlockCache(): void { cache.clear(); }

/** The light block tree of a section body; throws Bail when remark must parse it. */
export function scanBlocks(body: string): LightRoot {
  if (/[\t\0\f\v]/.test(body)) bail('tab or control character');
  if (body.includes(']:')) bail('possible link reference definition');
  const lines = splitLines(body);
  const children: LightNode[] = [];
  parseBlocks(body, lines, 0, children, true);
  const root = node('root', 0, body.length, children) as LightRoot;
  root.light = true;
  return root;
}

function parseBlocks(body: string, ls: Line[], col: number, out: LightNode[], top: boolean): void {
  let para: LightNode | undefined;
  let i = 0;
  while (i < ls.length) {
    const l = ls[i];
    if (l.blank) { para = undefined; i++; continue; }
    if (l.lazy) {
      if (!para) return bail('lazy line outside a paragraph');
      setEnd(para, l.end); para.inline![1] = l.end; i++; continue;
    }
    const rel = l.indent - col;
    if (rel < 0) bail('line outside its container');
    if (rel >= 4) {
      if (!para) return bail('indented code');
      setEnd(para, l.end); para.inline![1] = l.end; i++; continue;
    }
    const c = l.text.slice(l.indent);
    const kind = classify(c, !!para);
    if (para && !interrupts(kind, c)) { setEnd(para, l.end); para.inline![1] = l.end; i++; continue; }
    para = undefined;
    const at = l.start + l.indent;
    switch (kind) {
      case 'text': {
        para = node('paragraph', at, l.end);
        para.inline = [at, l.end];
        out.push(para);
        i++;
        break;
      }
      case 'atx': {
        const h = node('heading', at, l.end);
        let cs = at; while (cs < l.end && body.charCodeAt(cs) === 35) cs++;
        h.inline = [cs, l.end];
        out.push(h);
        i++;
        break;
      }
      case 'fence': {
        const open = FENCE.exec(c)![1];
        let j = i + 1;
        for (; j < ls.length; j++) {
          const n = ls[j];
          if (n.lazy) bail('lazy line in a fence');
          if (n.blank) continue;
          const nr = n.indent - col;
          if (nr < 0) bail('fence line outside its container');
          if (nr >= 4) continue;
          const nc = n.text.slice(n.indent);
          const m = FENCE.exec(nc);
          if (m && m[1][0] === open[0] && m[1].length >= open.length && /^ *$/.test(nc.slice(m[1].length))) break;
        }
        if (j >= ls.length) bail('unclosed fence');
        out.push(node('code', at, ls[j].end));
        i = j + 1;
        break;
      }
      case 'comment': {
        let j = i;
        let found = l.text.indexOf('-->', l.indent + 4) >= 0;
        while (!found && ++j < ls.length) {
          if (ls[j].lazy) bail('lazy line in a comment');
          found = ls[j].text.includes('-->');
        }
        if (!found) bail('unclosed comment');
        for (let k = i + 1; k <= j; k++) if (!ls[k].blank && ls[k].indent < col) bail('comment line outside its container');
        out.push(node('html', l.start + col, ls[j].end)); // an HTML block starts with the line, indentation included
        i = j + 1;
        break;
      }
      case 'quote': {
        if (!top) bail('block quote in a container');
        i = blockQuote(ls, i, out, at);
        break;
      }
      case 'table': {
        i = table(body, ls, i, col, out);
        break;
      }
      case 'bullet':
      case 'ordered': {
        i = list(body, ls, i, col, out, kind);
        break;
      }
    }
  }
}

/** Content of a block quote line without its markers; undefined when the line is not a quote line. */
function quoteContent(l: Line): string | undefined {
  if (l.indent > 3 || l.text.charCodeAt(l.indent) !== 62) return undefined;
  let c = l.text.slice(l.indent);
  while (c.charCodeAt(0) === 62) { c = c.slice(1); if (c.charCodeAt(0) === 32) c = c.slice(1); c = c.replace(/^ {0,3}(?=>)/, ''); }
  return c;
}

function blockQuote(ls: Line[], i: number, out: LightNode[], at: number): number {
  let paragraphLike = false;
  let j = i;
  let end = ls[i].end;
  for (; j < ls.length; j++) {
    const l = ls[j];
    if (l.blank) break;
    const q = quoteContent(l);
    if (q !== undefined) {
      const indent = /^ */.exec(q)![0].length;
      const c = q.slice(indent);
      if (c === '') { paragraphLike = false; end = l.end; continue; }
      if (indent >= 4) {
        if (!paragraphLike) bail('indented code in a quote');
      } else {
        const k = classify(c);
        if (k === 'fence' || k === 'comment' || k === 'table') bail('construct in a quote');
        paragraphLike = k !== 'atx';
      }
      end = l.end;
      continue;
    }
    if (l.lazy) bail('lazy line in a quote');
    if (!paragraphLike) break;
    if (l.indent < 4) {
      const c = l.text.slice(l.indent);
      const k = classify(c);
      if (k === 'bullet' || k === 'ordered' || interrupts(k, c)) break;
    }
    end = l.end; // lazy continuation of the quoted paragraph
  }
  out.push(node('blockquote', at, end));
  return j;
}

/**
 * A table row's cells as mdast positions: each cell runs from its pipe to the next; a trailing pipe
 * belongs to the last cell. The split itself is the format's (core/format/table, GFM's).
 */
function cells(body: string, from: number, to: number): [number, number][] {
  const line = body.slice(from, to);
  const { cells: cs, leadingPipe } = splitTableRow(line);
  if (!leadingPipe || line.trimEnd().length === 1) bail('unusual table row');
  return cs.map((c, k) => [from + c.start - 1, k + 1 < cs.length ? from + cs[k + 1].start - 1 : to]);
}

function table(body: string, ls: Line[], i: number, col: number, out: LightNode[]): number {
  const head = ls[i];
  const delim = ls[i + 1];
  if (!delim || delim.blank || delim.lazy || delim.indent - col < 0 || delim.indent - col > 3) bail('no delimiter row');
  const headCells = cells(body, head.start + head.indent, head.end);
  // the delimiter row: cells of dashes with optional colons
  const d = delim.text.slice(delim.indent).replace(/ +$/, '');
  if (!d.includes('|') || THEMATIC_OR_SETEXT.test(d)) bail('setext underline or a delimiter row without pipes');
  if (!isDelimiterRow(d) || splitTableRow(d).cells.length !== headCells.length) bail('not a table');
  const row = (l: Line) => {
    const r = node('tableRow', l.start + l.indent, l.end);
    for (const [a, b] of cells(body, l.start + l.indent, l.end)) {
      const cell = node('tableCell', a, b);
      cell.inline = [a, b];
      r.children.push(cell);
    }
    return r;
  };
  const t = node('table', head.start + head.indent, delim.end, [row(head)]);
  let j = i + 2;
  for (; j < ls.length; j++) {
    const l = ls[j];
    if (l.blank) break;
    if (l.lazy) bail('lazy line in a table');
    const rel = l.indent - col;
    if (rel < 0 || rel > 3 || l.text.charCodeAt(l.indent) !== 124) bail('table row without a leading pipe');
    t.children.push(row(l));
    setEnd(t, l.end);
  }
  out.push(t);
  return j;
}

interface Marker { bullet: boolean; char: string; number: string; width: number; spaces: number; rest: string }

const MARKER = /^(?:([-*+])|(\d{1,9})([.)]))( *)(.*)$/;

function marker(c: string): Marker {
  const m = MARKER.exec(c)!;
  return m[1]
    ? { bullet: true, char: m[1], number: '', width: 1, spaces: m[4].length, rest: m[5] }
    : { bullet: false, char: m[3], number: m[2], width: m[2].length + 1, spaces: m[4].length, rest: m[5] };
}

function list(body: string, ls: Line[], i: number, col: number, out: LightNode[], kind: 'bullet' | 'ordered'): number {
  const first = marker(ls[i].text.slice(ls[i].indent));
  const lst = node('list', ls[i].start + ls[i].indent, ls[i].end);
  out.push(lst);
  while (i < ls.length) {
    const l = ls[i];
    const m = marker(l.text.slice(l.indent));
    // an empty item ("1." alone) has its content column one space after the marker, and may only
    // hold lines that follow it without a blank line
    const empty = m.rest === '';
    if (!empty && m.spaces > 4) bail('indented code in a list item');
    const w = l.indent + m.width + (empty ? 1 : m.spaces);
    const item = node('listItem', l.start + l.indent, l.end);
    const itemLines: Line[] = empty ? [] : [{ ...l, indent: w, lazy: false }];
    let pending = 0; // blank lines seen after the last line of the item
    let j = i + 1;
    for (; j < ls.length; j++) {
      const n = ls[j];
      if (n.blank) { if (!itemLines.length) break; pending++; continue; }
      if (!itemLines.length && (n.lazy || n.indent < w)) break;
      if (n.lazy) {
        if (pending) bail('lazy line after a blank line');
        itemLines.push(n);
        continue;
      }
      if (n.indent >= w) {
        for (let k = j - pending; k < j; k++) itemLines.push(ls[k]);
        pending = 0;
        itemLines.push(n);
        continue;
      }
      if (pending) break;
      const rel = n.indent - col;
      if (rel < 0) bail('line outside its container');
      if (rel >= 4) { itemLines.push({ ...n, lazy: true }); continue; }
      const c = n.text.slice(n.indent);
      const k = classify(c);
      // a list item (any number: the paragraph-interruption rule does not apply here) ends the item
      if (k === 'bullet' || k === 'ordered') break;
      if (interrupts(k, c)) break;
      itemLines.push({ ...n, lazy: true });
    }
    parseBlocks(body, itemLines, w, item.children, false);
    const kids = item.children;
    if (kids.length) setEnd(item, kids[kids.length - 1].position.end.offset);
    if (!empty) taskCheck(body, item, l.start + w);
    lst.children.push(item);
    setEnd(lst, item.position.end.offset);
    while (j < ls.length && ls[j].blank) j++;
    if (j >= ls.length) return j;
    const n = ls[j];
    if (n.lazy || n.indent - col < 0 || n.indent - col > 3) return j;
    const c = n.text.slice(n.indent);
    const k = classify(c);
    if ((k !== 'bullet' && k !== 'ordered') || !isSibling(first, k, c)) return j;
    i = j;
  }
  void kind;
  return i;
}

function isSibling(first: Marker, kind: Kind, c: string): boolean {
  const m = marker(c);
  return kind === 'bullet' ? first.bullet && m.char === first.char : !first.bullet && m.char === first.char;
}

/** GFM task list items: the first paragraph starts after the check ("[x] "), as mdast-util-gfm-task-list-item moves it. */
function taskCheck(body: string, item: LightNode, contentStart: number): void {
  const p = item.children[0];
  if (p.type !== 'paragraph' || p.position.start.offset !== contentStart) return;
  const s = contentStart;
  const e = p.position.end.offset;
  if (body.charCodeAt(s) !== 91 || body.charCodeAt(s + 2) !== 93 || !/[ xX]/.test(body[s + 1] ?? '')) return;
  if (s + 3 >= e) return; // "[x]" alone: not a task
  const after = body.charCodeAt(s + 3);
  if (after === 10 || after === 13) bail('task check before a line break');
  if (after !== 32) return;
  // the rest of the line must hold something
  let k = s + 4;
  while (k < e && body.charCodeAt(k) === 32) k++;
  if (k >= e || body.charCodeAt(k) === 10 || body.charCodeAt(k) === 13) bail('task check without text');
  // mdast-util-gfm-task-list-item drops the space from the first text node and moves the paragraph's
  // start only when that text node holds more than the space
  if ('`*_[!<\\'.includes(body[s + 4])) bail('inline construct right after a task check');
  p.position.start.offset = s + 4;
  p.inline![0] = s + 4;
}

export function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
