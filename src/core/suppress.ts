/**
 * Inline suppression comments, as markdownlint does it:
 *   <!-- pir-disable-next-line rule-id -->   <!-- pir-disable rule-id --> … <!-- pir-enable rule-id -->
 *   <!-- pir-disable-file rule-id -->        (no rule id: every rule)
 * A directive counts only as a real HTML comment: not inside a fenced code block, not inside an
 * inline code span (`<!-- pir-disable-file -->` written in backticks documents the directive, it does
 * not give it), not in the front matter. Found by one pass over the lines (linear in the text).
 */
import type { Finding, Fix } from './types';

const DIRECTIVE = /<!--\s*pir-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;
/** A fence opening or closing, after any list or quote markers that contain it. */
const FENCE = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*(`{3,}|~{3,})(.*)$/;

interface Directive { kind: string; rules: string[]; line: number }

/** The directives of a text that are real HTML comments outside code, in order. */
export function suppressionDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('pir-')) return out;
  const lines = text.split(/\r\n|\n|\r/);
  let i = 0;
  // the front matter is YAML: there a directive counts in a YAML comment (# <!-- pir-disable-next-line … -->)
  if (/^\uFEFF?---[ \t]*$/.test(lines[0] ?? '')) {
    let close = 1;
    while (close < lines.length && !/^(---|\.\.\.)[ \t]*$/.test(lines[close])) close++;
    if (close < lines.length) {
      for (let l = 1; l < close; l++) {
        const hash = /(?:^|[ \t])#/.exec(lines[l]);
        if (hash && lines[l].includes('pir-', hash.index)) directivesOf([lines[l].slice(hash.index)], [0], out, l);
      }
      i = close + 1;
    }
  }
  let fence: string | undefined;
  let para: number[] = []; // line numbers of the current paragraph-like run (code spans may cross lines)
  const flush = () => { if (para.length) directivesOf(lines, para, out); para = []; };
  for (; i < lines.length; i++) {
    const t = lines[i];
    const f = FENCE.exec(t);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !f[2].trim()) fence = undefined;
      continue;
    }
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) { flush(); fence = f[1]; continue; }
    if (!t.trim()) { flush(); continue; }
    para.push(i);
  }
  flush();
  return out;
}

/** Directives in a run of lines, skipping those inside inline code spans (CommonMark: a backtick run closed by the next run of the same length). */
function directivesOf(lines: string[], run: number[], out: Directive[], lineNumber?: number): void {
  if (!run.some(l => lines[l].includes('pir-'))) return;
  const text = run.map(l => lines[l]).join('\n');
  const starts: number[] = []; // offset of each line of the run in `text`
  let o = 0;
  for (const l of run) { starts.push(o); o += lines[l].length + 1; }
  // code spans: backtick runs, each opener matched with the next run of the same length
  const runs: { at: number; len: number }[] = [];
  for (let k = 0; k < text.length; k++) {
    if (text.charCodeAt(k) !== 96) continue;
    let e = k; while (e < text.length && text.charCodeAt(e) === 96) e++;
    let at = k; let len = e - k;
    let b = 0; while (at - b - 1 >= 0 && text.charCodeAt(at - b - 1) === 92) b++;
    if (b % 2 === 1) { at++; len--; } // an escaped backtick is literal
    if (len > 0) runs.push({ at, len });
    k = e - 1;
  }
  const spans: [number, number][] = [];
  const nextOfLen = new Map<number, number[]>();
  runs.forEach((r, idx) => { const l = nextOfLen.get(r.len); if (l) l.push(idx); else nextOfLen.set(r.len, [idx]); });
  const cursor = new Map<number, number>();
  for (let idx = 0; idx < runs.length; idx++) {
    const r = runs[idx];
    const same = nextOfLen.get(r.len)!;
    let c = cursor.get(r.len) ?? 0;
    while (c < same.length && same[c] <= idx) c++;
    cursor.set(r.len, c);
    if (c >= same.length) continue; // no closer: the backticks are literal
    const close = runs[same[c]];
    spans.push([r.at, close.at + close.len]);
    // continue after the closing run
    while (idx + 1 < runs.length && runs[idx + 1].at < close.at + close.len) idx++;
  }
  // spans are in order and do not overlap: binary searches keep a paragraph of many directives linear-ish
  const last = (xs: number[], at: number) => { let lo = 0, hi = xs.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (xs[mid] <= at) lo = mid; else hi = mid - 1; } return lo; };
  const spanStarts = spans.map(s => s[0]);
  const inSpan = (at: number) => { if (!spans.length) return false; const k = last(spanStarts, at); return at >= spans[k][0] && at < spans[k][1]; };
  for (const m of text.matchAll(DIRECTIVE)) {
    if (inSpan(m.index)) continue;
    const li = last(starts, m.index);
    const rules = m[2].trim().split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1], rules: rules.length ? rules : ['*'], line: lineNumber ?? run[li] });
  }
}

export function applySuppressions(text: string, findings: Finding[]): Finding[] {
  const directives = suppressionDirectives(text);
  if (!directives.length) return findings;
  const fileOff = new Set<string>();
  const ranges: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const nextLine: { rule: string; line: number }[] = [];
  for (const d of directives) {
    const i = d.line;
    for (const id of d.rules) {
      switch (d.kind) {
        case 'disable-file': fileOff.add(id); break;
        case 'disable-next-line': nextLine.push({ rule: id, line: i + 1 }); break;
        case 'disable-line': nextLine.push({ rule: id, line: i }); break;
        case 'disable': if (!open.has(id)) open.set(id, i); break;
        case 'enable':
          if (id === '*') { for (const [r, from] of open) ranges.push({ rule: r, from, to: i }); open.clear(); }
          else if (open.has(id)) { ranges.push({ rule: id, from: open.get(id)!, to: i }); open.delete(id); }
          break;
      }
    }
  }
  for (const [r, from] of open) ranges.push({ rule: r, from, to: Infinity });
  // looked up per finding by line and rule (a scan of every directive per finding was quadratic:
  // thousands of "disable-next-line" comments beside thousands of findings)
  const byLine = new Map<number, Set<string>>();
  for (const n of nextLine) { let set = byLine.get(n.line); if (!set) byLine.set(n.line, set = new Set()); set.add(n.rule); }
  const spans = new Map<string, [number, number][]>(); // per rule id ('*' for all): merged line spans, sorted
  for (const r of ranges) { let list = spans.get(r.rule); if (!list) spans.set(r.rule, list = []); list.push([r.from, r.to]); }
  for (const list of spans.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let w = 0;
    for (const span of list) { if (w && span[0] <= list[w - 1][1]) list[w - 1][1] = Math.max(list[w - 1][1], span[1]); else list[w++] = span; }
    list.length = w;
  }
  const inSpan = (id: string, line: number) => {
    const list = spans.get(id);
    if (!list) return false;
    let lo = 0, hi = list.length - 1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (list[mid][0] <= line) lo = mid + 1; else hi = mid - 1; }
    return hi >= 0 && line <= list[hi][1];
  };
  return findings.filter(f => {
    const line = f.range.start.line;
    if (fileOff.has('*') || fileOff.has(f.rule)) return false;
    const next = byLine.get(line);
    if (next && (next.has('*') || next.has(f.rule))) return false;
    return !inSpan('*', line) && !inSpan(f.rule, line);
  });
}

// ---------------------------------------------------------------------------------------------
// "Disable this rule for this line / for this file" quick fixes (as markdownlint and cSpell offer).

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_OR_BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}(?:\s|$)|>|<!--)/;
const OWN_DIRECTIVE = (kind: string) => new RegExp(String.raw`^(\s*)<!--\s*pir-${kind}\b([^>]*?)\s*-->\s*$`);

/**
 * The quick fixes that silence one finding's rule with a suppression comment, for the author to
 * choose (never preferred, never in fix-all): "for this line" writes
 * `<!-- pir-disable-next-line rule -->` above the finding's first line at its indentation (or adds
 * the rule to such a comment already there); on a line that continues a paragraph it appends
 * `<!-- pir-disable-line rule -->` instead, so the paragraph is not split. "For this file" writes
 * `<!-- pir-disable-file rule -->` below the front matter (or adds the rule to that comment).
 * No line fix inside the front matter, a table or fenced code, where a comment line would change
 * the document; no file fix when the front matter never closes. `text` is the whole document;
 * ranges are 0-based lines.
 */
export function suppressionFixes(text: string, finding: Pick<Finding, 'rule' | 'range'>, eol = '\n'): Fix[] {
  const lines = text.split(/\r\n|\n|\r/);
  const rule = finding.rule;
  const out: Fix[] = [];
  let bodyStart = 0;
  let frontMatterOpen = false;
  if (/^---[ \t]*$/.test((lines[0] ?? '').replace(/^\uFEFF/, ''))) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    if (close < 0) frontMatterOpen = true; else bodyStart = close + 1;
  }
  const line = Math.min(finding.range.start.line, lines.length - 1);
  const addTo = (at: number, kind: string, newLine: string, title: string): Fix => {
    const m = at >= 0 && at < lines.length ? OWN_DIRECTIVE(kind).exec(lines[at]) : null;
    if (m) {
      const ids = m[2].trim().split(/[\s,]+/).filter(Boolean);
      const r = { start: { line: at, character: 0 }, end: { line: at, character: lines[at].length } };
      return { title, edits: [{ range: r, newText: `${m[1]}<!-- pir-${kind} ${[...ids, rule].join(' ')} -->` }] };
    }
    const p = { line: at + 1, character: 0 };
    return { title, edits: [{ range: { start: p, end: p }, newText: newLine + eol }] };
  };
  if (!frontMatterOpen && line >= bodyStart && !inFence(lines, bodyStart, line) && !inTable(lines, line)) {
    const t = lines[line];
    const prev = line > bodyStart ? lines[line - 1] : '';
    const continuesParagraph = prev.trim() !== '' && !LIST_OR_BLOCK_START.test(t) && !/-->\s*$/.test(prev) && !FENCE_LINE.test(prev);
    const title = `Disable ${rule} for this line`;
    if (continuesParagraph) {
      const end = { line, character: t.length };
      out.push({ title, edits: [{ range: { start: end, end }, newText: `${t.trim() ? ' ' : ''}<!-- pir-disable-line ${rule} -->` }] });
    } else {
      const indent = /^\s*/.exec(t)![0];
      out.push(addTo(line - 1, 'disable-next-line', `${indent}<!-- pir-disable-next-line ${rule} -->`, title));
    }
  }
  if (!frontMatterOpen) {
    const at = bodyStart - 1; // insert after the front matter's closing line (or at the top)
    const existing = bodyStart < lines.length && OWN_DIRECTIVE('disable-file').test(lines[bodyStart]);
    out.push(addTo(existing ? bodyStart : at, 'disable-file', `<!-- pir-disable-file ${rule} -->`, `Disable ${rule} for this file`));
  }
  return out;
}

function inFence(lines: string[], from: number, line: number): boolean {
  let fence: string | undefined;
  for (let i = from; i < line; i++) {
    const m = FENCE_LINE.exec(lines[i]);
    if (!m) continue;
    if (!fence) fence = m[1];
    else if (m[1][0] === fence[0] && m[1].length >= fence.length && lines[i].trim() === m[1]) fence = undefined;
  }
  return fence !== undefined;
}

/** Whether a line is a row of a GFM table (a block of lines with pipes and a delimiter row). */
function inTable(lines: string[], line: number): boolean {
  if (!lines[line].includes('|')) return false;
  let a = line; while (a > 0 && lines[a - 1].includes('|') && lines[a - 1].trim()) a--;
  let b = line; while (b + 1 < lines.length && lines[b + 1].includes('|') && lines[b + 1].trim()) b++;
  for (let i = a; i <= b; i++) if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[i]) && lines[i].includes('-')) return true;
  return false;
}
