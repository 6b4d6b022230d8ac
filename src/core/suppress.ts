/**
 * Inline suppression comments, as markdownlint does it:
 *   <!-- pir-disable-next-line rule-id -->   <!-- pir-disable rule-id --> … <!-- pir-enable rule-id -->
 *   <!-- pir-disable-file rule-id -->        (no rule id: every rule)
 * A directive counts only as a real HTML comment: not inside a fenced code block, not inside an
 * inline code span (`<!-- pir-disable-file -->` written in backticks documents the directive, it does
 * not give it), not in the front matter. Found by one pass over the lines (linear in the text).
 */
import type { Finding } from './types';

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
  const matches = (id: string, rule: string) => id === '*' || id === rule;
  return findings.filter(f => {
    const line = f.range.start.line;
    for (const id of fileOff) if (matches(id, f.rule)) return false;
    for (const n of nextLine) if (n.line === line && matches(n.rule, f.rule)) return false;
    for (const r of ranges) if (line >= r.from && line <= r.to && matches(r.rule, f.rule)) return false;
    return true;
  });
}
