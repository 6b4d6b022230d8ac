/**
 * The inline constructs of a paragraph, heading or table cell that are not prose, found without a
 * Markdown parse: code spans, autolinks, inline HTML, images, and the brackets and destinations of
 * links (their text stays). It follows CommonMark's precedence (left to right: code spans, autolinks
 * and HTML bind where they start; brackets pair on a stack; a link deactivates the brackets before
 * it) and gives up (`Bail`) on what it does not read exactly: processing instructions, declarations,
 * odd comments, link destinations or titles over several lines, autolinks inside link text.
 * Section bodies with link reference definitions never get here (see blocks.ts), so every
 * reference-style bracket is literal text.
 */
import { Bail, isAsciiPunct } from './blocks';

const bail = (why: string): never => { throw new Bail(why); };

const AUTOLINK_URI = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>\x7f]*>/;
const AUTOLINK_EMAIL = /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/;
const ATTRIBUTE = String.raw`(?:[ \r\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \r\n]*=[ \r\n]*(?:[^ \r\n"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = new RegExp(String.raw`^<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \r\n]*\/?>`);
const CLOSE_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*[ \r\n]*>/;

interface Opener { at: number; image: boolean; active: boolean }

/**
 * Adds to `out` the ranges [start, end) of src within [a, b) to blank, as sectionProse does from the
 * tree: inline code, HTML, images whole; a link's (or autolink's) brackets and destination.
 */
export function inlineBlanks(src: string, a: number, b: number, out: [number, number][]): void {
  const openers: Opener[] = [];
  let lastAutolink = -1;
  // backtick run lengths with no closing run after the current position (each search runs once)
  const noCloser = new Set<number>();
  let i = a;
  while (i < b) {
    const c = src.charCodeAt(i);
    if (c === 92 /* \ */) { i += i + 1 < b && isAsciiPunct(src.charCodeAt(i + 1)) ? 2 : 1; continue; }
    if (c === 96 /* ` */) {
      let n = i;
      while (n < b && src.charCodeAt(n) === 96) n++;
      const len = n - i;
      // the closing run: exactly as many backticks
      let k = noCloser.has(len) ? b : n;
      let close = -1;
      while (k < b) {
        if (src.charCodeAt(k) !== 96) { k++; continue; }
        let e = k;
        while (e < b && src.charCodeAt(e) === 96) e++;
        if (e - k === len) { close = e; break; }
        k = e;
      }
      if (close < 0) { noCloser.add(len); i = n; continue; }
      out.push([i, close]);
      i = close;
      continue;
    }
    if (c === 60 /* < */) {
      const rest = src.slice(i, Math.min(b, i + 2048));
      const auto = AUTOLINK_URI.exec(rest) ?? AUTOLINK_EMAIL.exec(rest);
      if (auto) {
        const e = i + auto[0].length;
        out.push([i, i + 1], [e - 1, e]);
        lastAutolink = i;
        i = e;
        continue;
      }
      const n = rest.charCodeAt(1);
      if (n === 33 /* ! */) {
        if (!rest.startsWith('<!--')) bail('declaration or CDATA');
        const m = /^<!--(?!>|->)([\s\S]*?)-->/.exec(rest);
        if (!m || m[1].includes('--') || m[1].endsWith('-')) bail('unusual comment');
        out.push([i, i + m![0].length]);
        i += m![0].length;
        continue;
      }
      if (n === 63 /* ? */) bail('processing instruction');
      const tag = OPEN_TAG.exec(rest) ?? CLOSE_TAG.exec(rest);
      if (tag) {
        if (tag[0].length >= 2000) bail('long tag');
        out.push([i, i + tag[0].length]);
        i += tag[0].length;
        continue;
      }
      if (rest.length >= 2048 && /^<\/?[A-Za-z]/.test(rest)) bail('long tag');
      i++;
      continue;
    }
    if (c === 33 /* ! */ && src.charCodeAt(i + 1) === 91 && i + 1 < b) {
      openers.push({ at: i, image: true, active: true });
      i += 2;
      continue;
    }
    if (c === 91 /* [ */) {
      openers.push({ at: i, image: false, active: true });
      i++;
      continue;
    }
    if (c === 93 /* ] */) {
      const o = openers[openers.length - 1];
      if (!o) { i++; continue; }
      if (!o.active) { openers.pop(); i++; continue; }
      const r = src.charCodeAt(i + 1) === 40 /* ( */ ? resource(src, i + 1, b) : -1;
      if (r < 0) { openers.pop(); i++; continue; }
      openers.pop();
      if (o.image) {
        out.push([o.at, r]);
      } else {
        if (lastAutolink > o.at) bail('autolink in link text');
        const textStart = o.at + 1;
        if (textStart === i) out.push([o.at, r]);
        else out.push([o.at, textStart], [i, r]);
        for (const p of openers) if (!p.image) p.active = false;
      }
      i = r;
      continue;
    }
    i++;
  }
}

/** The end of an inline link's resource "(dest "title")" starting at `i` (the parenthesis), or -1. */
function resource(src: string, i: number, b: number): number {
  // a resource runs to its closing parenthesis; the scan of a long unclosed one stops (and gives up) after 4 KB
  const capped = i + 4096 < b;
  if (capped) b = i + 4096;
  const atEnd = () => (capped ? bail('long link resource') : -1);
  let j = i + 1;
  const ws = () => {
    while (j < b && src.charCodeAt(j) === 32) j++;
    const c = src.charCodeAt(j);
    if (j < b && (c === 10 || c === 13)) bail('resource over several lines');
  };
  ws();
  if (j >= b) return atEnd();
  if (src.charCodeAt(j) === 41) return j + 1;
  if (src.charCodeAt(j) === 60 /* < */) {
    j++;
    for (;;) {
      if (j >= b) return atEnd();
      const c = src.charCodeAt(j);
      if (c === 62) break;
      if (c === 10 || c === 13 || c === 60) return -1;
      if (c === 92 && j + 1 < b && isAsciiPunct(src.charCodeAt(j + 1))) j += 2; else j++;
    }
    j++;
  } else {
    const s = j;
    let depth = 0;
    while (j < b) {
      const c = src.charCodeAt(j);
      if (c === 92 && j + 1 < b && isAsciiPunct(src.charCodeAt(j + 1))) { j += 2; continue; }
      if (c <= 32 || c === 127) break;
      if (c === 40) { if (++depth > 30) bail('deeply nested parentheses'); } else if (c === 41) { if (depth === 0) break; depth--; }
      j++;
    }
    if (j >= b) return atEnd();
    if (j === s || depth !== 0) return -1;
    const c = src.charCodeAt(j);
    if (j < b && c < 32 && c !== 10 && c !== 13) return -1;
  }
  const before = j;
  ws();
  if (j >= b) return atEnd();
  if (src.charCodeAt(j) === 41) return j + 1;
  if (j === before) return -1;
  const q = src.charCodeAt(j);
  if (q !== 34 && q !== 39 && q !== 40) return -1;
  const close = q === 40 ? 41 : q;
  j++;
  for (;;) {
    if (j >= b) return atEnd();
    const c = src.charCodeAt(j);
    if (c === 92 && j + 1 < b && isAsciiPunct(src.charCodeAt(j + 1))) { j += 2; continue; }
    if (c === close) break;
    if (q === 40 && c === 40) return -1;
    if (c === 10 || c === 13) bail('title over several lines');
    j++;
  }
  j++;
  ws();
  if (j >= b) return atEnd();
  return src.charCodeAt(j) === 41 ? j + 1 : -1;
}
