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

/** The automatic fixes chosen for one pass over a text: whole fixes only, none overlapping another. */
export interface AutomaticFixes {
  /** the edits of the chosen fixes (no two overlap; WorkspaceEdit and applyEdits take them as they are) */
  edits: TextEdit[];
  /** how many findings these edits fix: each chosen fix changes the text (a fix that writes what is already there is not counted) */
  fixes: number;
}

/**
 * The automatic fixes (see automaticFixEdits) that one pass can apply to `text`: a fix goes in
 * whole or not at all (half of a sort or of a move would change the meaning), a fix whose edits
 * overlap an earlier chosen one waits for the next pass, and a fix that changes nothing is
 * dropped. `fixes` is therefore the number of changes the pass makes. Ranges are 0-based lines.
 */
export function automaticFixes(text: string, findings: Finding[]): AutomaticFixes {
  const lines = new LineIndex(text);
  // the chosen spans, sorted by start (then end): an overlap test looks at the neighbours only
  const taken: { a: number; b: number }[] = [];
  const edits: TextEdit[] = [];
  let fixes = 0;
  const clash = (t: { a: number; b: number }, a: number, b: number) => (a < t.b && t.a < b) || (a === b && t.a === t.b && a === t.a) || (a === b && a > t.a && a < t.b);
  const firstAfter = (a: number, b: number) => { let lo = 0, hi = taken.length; while (lo < hi) { const m = (lo + hi) >> 1; if (taken[m].a < a || (taken[m].a === a && taken[m].b <= b)) lo = m + 1; else hi = m; } return lo; };
  // chosen spans never overlap, so only the span just before and those starting before b can clash
  const overlaps = (a: number, b: number) => {
    const i = firstAfter(a, b);
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) if (clash(taken[j], a, b)) return true;
    for (let j = i; j < taken.length && taken[j].a <= b; j++) if (clash(taken[j], a, b)) return true;
    return false;
  };
  for (const f of findings) {
    const fix = (f.fixes ?? []).filter(x => !x.snippet).find(x => x.isPreferred);
    if (!fix || !fix.edits.length) continue;
    const spans = fix.edits.map(e => ({ a: lines.offsetAt(e.range.start), b: lines.offsetAt(e.range.end), t: e.newText }));
    if (spans.every(s => text.slice(s.a, s.b) === s.t)) continue;
    if (spans.some(s => overlaps(s.a, s.b))) continue;
    // edits of one fix that overlap each other are the fix's own business: applyEdits would drop one
    const sorted = [...spans].sort((x, y) => x.a - y.a || x.b - y.b);
    if (sorted.some((s, i) => i > 0 && s.a < sorted[i - 1].b)) continue;
    for (const sp of spans) taken.splice(firstAfter(sp.a, sp.b), 0, { a: sp.a, b: sp.b });
    edits.push(...fix.edits);
    fixes++;
  }
  return { edits, fixes };
}

export function plainEdits(edits: TextEdit[], snippet: boolean | undefined): TextEdit[] {
  return snippet ? edits.map(e => ({ ...e, newText: snippetToText(e.newText) })) : edits;
}
