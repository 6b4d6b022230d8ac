import type { Finding, TextEdit } from './types';
import type { Review } from './model';
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

/** What a parse made of a text: the measures a fix must not make worse. */
export interface ParseQuality {
  /** findings that mean part of the text could not be read (broken YAML, unreadable, too large) */
  parseErrors: number;
  frontMatterKeys: number;
  sections: number;
  timelineEntries: number;
  actionItems: number;
}

const UNREADABLE = new Set(['front-matter-syntax', 'unreadable-file', 'file-too-large']);

export function parseQuality(review: Review, findings: Finding[]): ParseQuality {
  return {
    parseErrors: findings.filter(f => UNREADABLE.has(f.rule) && f.severity !== 'info').length,
    frontMatterKeys: review.frontMatter ? Object.keys(review.frontMatter.data).length : 0,
    sections: review.sections.length,
    timelineEntries: review.timeline.length,
    actionItems: review.actions.length,
  };
}

/** What got worse from `before` to `after`, in words; empty when nothing did. */
export function qualityLoss(before: ParseQuality, after: ParseQuality): string[] {
  const out: string[] = [];
  if (after.parseErrors > before.parseErrors) out.push('made part of the file unreadable (the front matter no longer parses)');
  if (after.frontMatterKeys < before.frontMatterKeys) out.push(`lost front matter keys (${before.frontMatterKeys} → ${after.frontMatterKeys})`);
  if (after.sections < before.sections) out.push(`lost sections (${before.sections} → ${after.sections})`);
  if (after.timelineEntries < before.timelineEntries) out.push(`lost timeline entries (${before.timelineEntries} → ${after.timelineEntries})`);
  if (after.actionItems < before.actionItems) out.push(`lost action items (${before.actionItems} → ${after.actionItems})`);
  return out;
}

export interface FixRun {
  /** the fixed text (the input when nothing could be applied safely) */
  text: string;
  /** the findings of `text` */
  findings: Finding[];
  /** the parse of `text` */
  review: Review;
  /** passes whose fixes were kept */
  passes: number;
  /** set when the fixes of a pass were dropped because the result parsed worse than the input */
  dropped?: Finding;
}

/**
 * Applies the automatic fixes again and again (fixes skipped for overlapping land in the next
 * pass) until none is left, at most `maxPasses` times. After every pass the result must parse at
 * least as well as the input (no new YAML error, no front matter key, section, timeline entry or
 * action item lost); when it does not, that pass's fixes are dropped, the loop stops and `dropped`
 * is a finding that says so. `analyze` parses and lints a text.
 */
export function fixText(original: string, analyze: (text: string) => { review: Review; findings: Finding[] }, maxPasses = 10, first = analyze(original)): FixRun {
  const baseline = parseQuality(first.review, first.findings);
  let text = original;
  let findings = first.findings;
  let review = first.review;
  let passes = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    // whole fixes only, none overlapping another (automaticFixes): the rest land in the next pass
    const { edits } = automaticFixes(text, findings);
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    const r = analyze(next);
    const loss = qualityLoss(baseline, parseQuality(r.review, r.findings));
    if (loss.length) {
      const dropped: Finding = {
        rule: 'unreadable-file', severity: 'warning',
        message: `${edits.length} automatic fix${edits.length === 1 ? ' was' : 'es were'} not applied: together they ${loss.join(', ')}. Apply them one at a time in the editor and check the result.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      };
      return { text, findings: [dropped, ...findings], review, passes, dropped };
    }
    text = next;
    findings = r.findings;
    review = r.review;
    passes++;
  }
  return { text, findings, review, passes };
}
