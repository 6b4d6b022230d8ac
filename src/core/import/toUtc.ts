/**
 * The import's time step: the timeline stamps whose instant is certain are written in UTC, with the
 * same fixes the non-utc-timestamp check offers (time/conversion.ts), and the zone declaration a
 * conversion leaves without a stamp to govern ("All times are PDT", "Timeline (times in CEST)") is
 * rewritten to say UTC and where the times came from.
 *
 * Certain means: the entry has a date (its own or carried from the entry or day heading above), a
 * zone (its own or declared by the document) that is a fixed offset or an IANA zone, one time (not a
 * range), a date that reads only one way (not 03/10/2021), and a local time that happened exactly
 * once that day in that zone, in the season its abbreviation names. Everything else stays as
 * written, and the notes say why. A stamp in UTC is never converted again (importing the result
 * again changes nothing). Pure: no `vscode` import, no I/O.
 */
import { parseReview } from '../parse/review';
import { declarationIn } from '../parse/timeline';
import { convertFix, uncertainty } from '../time/conversion';
import type { Review, TimelineEntry } from '../model';
import type { TextEdit } from '../types';

export interface UtcResult {
  /** the text with the certain stamps in UTC (the input itself when none was converted) */
  text: string;
  /** how many stamps were converted */
  converted: number;
  /** one sentence each: what was converted, what stays and why, which declaration was rewritten */
  notes: string[];
}

/** Stamps beyond this many are left as written (each conversion re-reads the review). */
const MAX_ENTRIES = 400;

/** Converts the certain stamps of `text` (a review, `\n` line breaks) to UTC. */
export function convertCertainStamps(text: string): UtcResult {
  let review = parseReview(text);
  const count = review.timeline.length;
  const notes: string[] = [];
  if (!count) return { text, converted: 0, notes };
  if (count > MAX_ENTRIES) {
    notes.push(`The timeline has ${count} entries: its stamps are kept as written (the non-utc-timestamp quick fixes convert them).`);
    return { text, converted: 0, notes };
  }
  const done = new Set<number>();
  const why = new Map<string, number>();
  const converted = new Set<number>();
  // one entry at a time, re-reading after each: a conversion may write the date of the entry below
  for (;;) {
    const i = review.timeline.findIndex((e, k) => !done.has(k) && needsConversion(e));
    if (i < 0) break;
    done.add(i);
    const e = review.timeline[i];
    const reason = whyNot(e);
    const fix = reason ? undefined : convertFix(review, e, e.zone!, 'Convert to UTC', true);
    if (!fix) { const r = reason ?? 'it cannot be converted automatically'; why.set(r, (why.get(r) ?? 0) + 1); continue; }
    const next = applyEdits(review, fix.edits);
    const again = parseReview(next);
    // the same entries, the converted one now in UTC: else the stamp stays as written
    if (again.timeline.length !== count || again.timeline[i].zone?.kind !== 'utc') { why.set('it cannot be converted automatically', (why.get('it cannot be converted automatically') ?? 0) + 1); continue; }
    text = next; review = again; converted.add(i);
  }
  if (converted.size) notes.push(`Converted ${converted.size} timeline stamp${converted.size === 1 ? '' : 's'} to UTC (date and zone known, the instant certain).`);
  for (const [r, n] of why) notes.push(`${n} timeline stamp${n === 1 ? '' : 's'} stay${n === 1 ? 's' : ''} as written: ${r}.`);
  if (converted.size) text = rewriteStaleDeclarations(review, converted, notes);
  return { text, converted: converted.size, notes };
}

/** A time written in a zone other than UTC (its own or the declared one). */
function needsConversion(e: TimelineEntry): boolean {
  return !!e.stamp.time && !!e.zone && e.zone.kind !== 'utc' && !e.stamp.relative;
}

/** Why the entry's instant is not certain, in words; undefined when it is. */
function whyNot(e: TimelineEntry): string | undefined {
  const z = e.zone!;
  if (z.kind === 'ambiguous') return `the zone "${z.text}" has several meanings (${z.candidates.map(c => c.label).join(', ')})`;
  if (z.kind === 'unknown') return `"${z.text}" is not a zone this tool knows`;
  if (e.stamp.timeCount > 1) return 'a range of times is converted one time at a time, by hand';
  if (e.stamp.date?.impossible) return 'its date does not exist';
  if (!e.date) return 'no date is known for it';
  if (e.stamp.date?.alternative) return 'its date reads both day-first and month-first';
  if (uncertainty(e, z)) return 'the local time is not certain (the clocks changed that night, or the zone names the other season)';
  return undefined;
}

function applyEdits(review: Review, edits: TextEdit[]): string {
  let text = review.text;
  const spans = edits.map(x => ({ a: review.lines.offsetAt(x.range.start), b: review.lines.offsetAt(x.range.end), t: x.newText })).sort((x, y) => y.a - x.a);
  for (const s of spans) text = text.slice(0, s.a) + s.t + text.slice(s.b);
  return text;
}

/**
 * Rewrites each timeline declaration ("All times are PDT", "## Timeline (all times in PST/PDT)")
 * whose every entry now carries its own zone, one of them converted here: "All times are UTC
 * (converted from PDT on import)". A declaration still governing a stamp stays, and is named in
 * the notes. A declaration in a table's header row stays (the row is the table's).
 */
function rewriteStaleDeclarations(review: Review, converted: Set<number>, notes: string[]): string {
  const edits: { a: number; b: number; t: string }[] = [];
  const seen = new Set<number>();
  for (const s of review.sections) {
    if (!s.kinds.includes('timeline')) continue;
    const d = declarationIn(s);
    if (!d || d.zone.kind === 'utc' || seen.has(d.range.start.line)) continue;
    seen.add(d.range.start.line);
    const from = s.headingRange.start.line, to = s.subtreeEndLine;
    const scope = review.timeline.map((e, i) => [e, i] as const).filter(([e]) => e.line >= from && e.line < to);
    if (!scope.some(([, i]) => converted.has(i))) continue;
    const a = review.lines.offsetAt(d.range.start), b = review.lines.offsetAt(d.range.end);
    const written = review.text.slice(a, b);
    const still = scope.filter(([e]) => e.zoneSource !== 'stamp' && e.stamp.time).length;
    if (still) { notes.push(`"${written.trim()}" still applies to ${still} stamp${still === 1 ? '' : 's'} left as written.`); continue; }
    const line = d.range.start.line;
    if (/^\s*\|/.test(review.text.slice(review.lines.starts[line], review.lines.lineEnd(line)))) continue;
    const z = written.lastIndexOf(d.zone.text);
    if (z < 0) continue;
    // inside parentheses ("Timeline (times in CEST)", "*(All times US/Pacific, 24-hour clock.)*"): no second pair
    const inParens = /\([^)]*$/.test(review.text.slice(review.lines.starts[line], a + z));
    const replacement = inParens ? `UTC, converted from ${d.zone.text}` : `UTC (converted from ${d.zone.text} on import)`;
    edits.push({ a: a + z, b: a + z + d.zone.text.length, t: replacement });
    notes.push(`"${written.trim()}" now says UTC: every stamp it governed is in UTC.`);
  }
  let text = review.text;
  for (const e of edits.sort((x, y) => y.a - x.a)) text = text.slice(0, e.a) + e.t + text.slice(e.b);
  return text;
}
