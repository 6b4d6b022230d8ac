import type { Finding, TextEdit } from './types';
import { LineIndex, snippetToText } from './text';

/**
 * Applies edits to a text. Overlapping edits are skipped (the later one loses), so applying many
 * fixes at once never corrupts the document; a second pass picks up what was skipped.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number; skipped: number } {
  const lines = new LineIndex(text);
  const abs = edits.map((e, i) => ({ a: lines.offsetAt(e.range.start), b: lines.offsetAt(e.range.end), t: e.newText, i }))
    .sort((x, y) => x.a - y.a || x.b - y.b || x.i - y.i);
  const kept: typeof abs = [];
  let lastEnd = -1; let skipped = 0;
  for (const e of abs) {
    if (e.a < lastEnd || (e.a === lastEnd && e.a === e.b && kept.length && kept[kept.length - 1].a === e.a)) { skipped++; continue; }
    kept.push(e); lastEnd = e.b;
  }
  let out = ''; let pos = 0;
  for (const e of kept) { out += text.slice(pos, e.a) + e.t; pos = e.b; }
  out += text.slice(pos);
  return { text: out, applied: kept.length, skipped };
}

/**
 * The fixes that can be applied without the author (no placeholders to fill in): the preferred
 * fix of each finding; snippet fixes are left for the editor. A lone fix that is not preferred
 * (say "the time is already UTC") may change what the text means, so only the author applies it.
 */
export function automaticFixEdits(findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fixes = (f.fixes ?? []).filter(x => !x.snippet);
    const fix = fixes.find(x => x.isPreferred);
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}

export function plainEdits(edits: TextEdit[], snippet: boolean | undefined): TextEdit[] {
  return snippet ? edits.map(e => ({ ...e, newText: snippetToText(e.newText) })) : edits;
}
