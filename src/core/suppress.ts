/**
 * Inline suppression comments, as markdownlint does it:
 *   <!-- pir-disable-next-line rule-id -->   <!-- pir-disable rule-id --> … <!-- pir-enable rule-id -->
 *   <!-- pir-disable-file rule-id -->        (no rule id: every rule)
 */
import type { Finding, Fix } from './types';

const DIRECTIVE = /<!--\s*pir-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export function applySuppressions(text: string, findings: Finding[]): Finding[] {
  if (!text.includes('pir-')) return findings;
  const fileOff = new Set<string>();
  const ranges: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const nextLine: { rule: string; line: number }[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('pir-')) continue;
    for (const m of lines[i].matchAll(DIRECTIVE)) {
      const rules = m[2].trim().split(/[\s,]+/).filter(Boolean);
      const ids = rules.length ? rules : ['*'];
      for (const id of ids) {
        switch (m[1]) {
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
