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
 * again changes nothing). Every entry keeps its instant (or, without one, its date): the
 * conversions are applied in one pass and checked; when one would move an undated entry below to
 * another day, they are applied one at a time, each writing that entry's date (up to
 * MAX_STEPWISE entries; beyond, the stamps stay as written). Pure: no `vscode` import, no I/O.
 */
import { applyEdits } from '../fixes';
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

/** Beyond this many entries, stamps are converted only when one pass converts them all (the one-by-one pass re-reads the review after each). */
const MAX_STEPWISE = 60;

/** Converts the certain stamps of `text` (a review, `\n` line breaks) to UTC. */
export function convertCertainStamps(text: string): UtcResult {
  const review = parseReview(text);
  const count = review.timeline.length;
  const notes: string[] = [];
  if (!count) return { text, converted: 0, notes };
  const why = new Map<string, number>();
  const plan = new Map<number, TextEdit[]>();
  review.timeline.forEach((e, i) => {
    if (!needsConversion(e)) return;
    const reason = whyNot(e);
    const fix = reason ? undefined : convertFix(review, e, e.zone!, 'Convert to UTC', true);
    if (fix) plan.set(i, fix.edits);
    else { const r = reason ?? 'it cannot be converted automatically'; why.set(r, (why.get(r) ?? 0) + 1); }
  });
  if (!plan.size) return { text, converted: 0, notes: reasons(why) };
  // one pass: every conversion at once (each edit is its stamp's span; a date written below is
  // written by that entry's own conversion); kept when every entry reads as it did, at its instant
  const once = applyEdits(review.text, [...plan.values()].map(edits => edits[0])).text;
  let after = parseReview(once);
  let result: string | undefined = sameInstants(review.timeline, after.timeline, plan) ? once : undefined;
  if (result === undefined && count <= MAX_STEPWISE) {
    // a conversion changed the date an entry below takes from it: one at a time, each writing that date
    let cur = review, t = text;
    for (const i of plan.keys()) {
      const e = cur.timeline[i];
      const fix = e && needsConversion(e) && !whyNot(e) ? convertFix(cur, e, e.zone!, 'Convert to UTC', true) : undefined;
      if (!fix) continue;
      t = applyEdits(cur.text, fix.edits).text;
      cur = parseReview(t);
    }
    if (sameInstants(review.timeline, cur.timeline, plan)) { result = t; after = cur; }
  }
  if (result === undefined) {
    notes.push(`The timeline stamps are kept as written: converting them at once would have moved an undated entry to another day (the non-utc-timestamp quick fixes convert them one by one).`);
    return { text, converted: 0, notes };
  }
  const converted = new Set(plan.keys());
  notes.push(`Converted ${converted.size} timeline stamp${converted.size === 1 ? '' : 's'} to UTC (date and zone known, the instant certain).`, ...reasons(why));
  return { text: rewriteStaleDeclarations(after, converted, notes), converted: converted.size, notes };
}

function reasons(why: Map<string, number>): string[] {
  return [...why].map(([r, n]) => `${n} timeline stamp${n === 1 ? '' : 's'} stay${n === 1 ? 's' : ''} as written: ${r}.`);
}

/** The same entries, each at the instant (or on the date) it had; the planned ones now in UTC. */
function sameInstants(before: TimelineEntry[], after: TimelineEntry[], planned: Map<number, unknown>): boolean {
  if (before.length !== after.length) return false;
  return before.every((x, i) => {
    const y = after[i];
    if (planned.has(i) && y.zone?.kind !== 'utc') return false;
    if (x.utc !== undefined || y.utc !== undefined) return x.utc === y.utc;
    const d = (e: TimelineEntry) => e.date ? `${e.date.year}-${e.date.month}-${e.date.day}` : '';
    return d(x) === d(y);
  });
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
  // the `timezone` key: said on purpose for the stamps without a zone; none is left
  const key = review.declaredZone;
  if (key?.source === 'front-matter' && key.zone.kind !== 'utc' && converted.size && !review.timeline.some(e => e.zoneSource === 'front-matter' && e.stamp.time)) {
    const a = review.lines.offsetAt(key.range.start), b = review.lines.offsetAt(key.range.end);
    const written = review.text.slice(a, b);
    edits.push({ a, b, t: `UTC # converted from ${written.replace(/^["']|["']$/g, '')} on import` });
    notes.push(`The timezone key now says UTC: every stamp it governed is in UTC.`);
  }
  return applyEdits(review.text, edits.map(e => ({ range: review.lines.range(e.a, e.b), newText: e.t }))).text;
}
