/**
 * Converting a timeline stamp to UTC, for the non-utc-timestamp fixes, the timeline editor and
 * timeline-order: the zone policy decides whether the instant is certain (time/zones.ts
 * resolveLocal); every stamp edit replaces the stamp's whole span.
 */
import type { Review, TimelineEntry } from '../model';
import type { Fix, TextEdit } from '../types';
import { resolveLocal, type LocalResolution, type ZoneRef } from './zones';
import { stampWallTime } from './stamp';

/** Why a conversion from a zone is not certain for this entry, in a sentence; empty when it is. */
export function uncertainty(e: TimelineEntry, zone: ZoneRef): string {
  const r = resolution(e, zone);
  const written = e.stamp.text.replace(/[*_`]/g, '');
  const alt = e.stamp.date?.alternative;
  if (alt && e.stamp.date) return `Its date "${e.stamp.text.slice(e.stamp.date.start - e.stamp.start, e.stamp.date.end - e.stamp.start)}" can be read day-first or month-first: the conversion is offered, not applied.`;
  if (!r || r.status === 'certain') return '';
  if (r.status === 'repeated') return `"${written}" happened twice that night (the clocks went back an hour): choose which one it was; nothing is converted without you.`;
  if (r.status === 'nonexistent') return `"${written}" never happened on the clock (the clocks skipped that hour): choose how to read it; nothing is converted without you.`;
  const a = zone.kind === 'offset' ? zone.abbreviation : undefined;
  return `${a ? `${a.name} is ${a.daylight ? 'daylight saving' : 'standard'} time, but ${a.region} was on ${a.daylight ? 'standard' : 'daylight saving'} time on that date` : 'The zone does not match the season'}: choose which time was meant; nothing is converted without you.`;
}

export function resolution(e: TimelineEntry, zone: ZoneRef): LocalResolution | undefined {
  if (!e.stamp.time || !e.date) return undefined;
  // asked up to three times in a row per entry and zone (the message, the fixes, the fix's
  // instant): the last answer is kept (one slot, no table per entry for the collector to trace)
  const last = lastResolution;
  if (last && last.e === e && last.zone === zone && last.date === e.date && last.time === e.stamp.time) return last.r;
  const r = resolveLocal(stampWallTime(e.date, e.stamp.time), zone);
  lastResolution = { e, zone, date: e.date, time: e.stamp.time, r };
  return r;
}
let lastResolution: { e: TimelineEntry; zone: ZoneRef; date: TimelineEntry['date']; time: TimelineEntry['stamp']['time']; r: LocalResolution | undefined } | undefined;

/**
 * The fixes converting an entry's stamp from a zone to UTC: one, preferred when asked, when the
 * instant is certain; one per reading, none preferred, when the local time is repeated, skipped
 * or contradicts the season (or the date reads both day-first and month-first).
 */
export function conversionFixes(review: Review, e: TimelineEntry, zone: ZoneRef, from: string, preferred: boolean): Fix[] {
  const r = resolution(e, zone);
  if (r && r.status !== 'certain') {
    return r.readings.map(x => instantFix(review, e, zone, `Convert to UTC ${from}, ${x.label}`, false, x.ms)).filter((f): f is Fix => !!f);
  }
  const f = instantFix(review, e, zone, `Convert to UTC (${from})`, preferred && !e.stamp.date?.alternative);
  return f ? [f] : [];
}

/** The one conversion of an entry from a zone when its instant is certain (the timeline editor's), else undefined. */
export function convertFix(review: Review, e: TimelineEntry, zone: ZoneRef, title: string, preferred: boolean): Fix | undefined {
  const r = resolution(e, zone);
  if (r && r.status !== 'certain') return undefined;
  return instantFix(review, e, zone, title, preferred);
}

const two = (n: number) => String(n).padStart(2, '0');
const iso = (d: { year: number; month: number; day: number }) => `${String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}`;

/**
 * Rewrites the stamp in UTC as one edit of the stamp's span: the time token, the zone token (or
 * " UTC" after the time) and the date when it changes (a date in words becomes an ISO date, the
 * weekday with it); markup around the tokens (bold, brackets, "~") stays as written. `ms` is the
 * instant (UTC epoch milliseconds) when the caller chose a reading; else the zone's certain one.
 * When the date the entry below takes from this one changes, that entry gets its date written
 * (same meaning, now explicit), so no undated entry moves to another day.
 */
export function instantFix(review: Review, e: TimelineEntry, zone: ZoneRef, title: string, preferred: boolean, ms?: number): Fix | undefined {
  const { stamp } = e;
  if (!stamp.time || stamp.timeCount > 1 || stamp.relative || stamp.date?.impossible) return undefined;
  let local = e.date;
  if (!local) {
    // a fixed offset converts without a date, as long as the day does not change
    if (zone.kind !== 'utc' && zone.kind !== 'offset') return undefined;
    local = { year: 2001, month: 1, day: 1, carried: true };
  }
  if (ms === undefined) {
    const r = e.date ? resolution(e, zone) : resolveLocal(stampWallTime(local, stamp.time), zone);
    if (!r) return undefined;
    ms = r.ms;
  }
  const u = new Date(ms);
  const utc = { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate(), hour: u.getUTCHours(), minute: u.getUTCMinutes(), second: u.getUTCSeconds() };
  const dayChanged = utc.year !== local.year || utc.month !== local.month || utc.day !== local.day;
  if (dayChanged && !e.date) return undefined;
  const time = `${two(utc.hour)}:${two(utc.minute)}${stamp.time.second !== undefined ? `:${two(utc.second)}${stamp.time.fraction ? `.${stamp.time.fraction}` : ''}` : ''}`;
  const s0 = stamp.start;
  const text = stamp.text;
  let newText: string;
  const d = stamp.date;
  const prose = d && (d.form === 'words' || d.form === 'month-day');
  if ((d && (prose || d.start > stamp.time.start) && (dayChanged || d.year === undefined)) || (d && dayChanged && stamp.weekday)) {
    // "Tuesday, March 19, 23:30 PST", "3pm on 3 March": written again as an ISO stamp
    newText = `${iso(utc)} ${time} UTC`;
  } else {
    const spans: { a: number; b: number; t: string }[] = [];
    if (d && dayChanged) spans.push({ a: d.start, b: d.end, t: iso(utc) });
    else if (!d && dayChanged) spans.push({ a: stamp.time.start, b: stamp.time.start, t: `${iso(utc)} ` });
    spans.push({ a: stamp.time.start, b: stamp.time.end, t: time });
    if (stamp.zone) spans.push({ a: stamp.zone.start, b: stamp.zone.end, t: stamp.zone.start === stamp.time.end ? 'Z' : 'UTC' });
    else spans.push({ a: stamp.time.end, b: stamp.time.end, t: ' UTC' });
    spans.sort((x, y) => y.a - x.a || y.b - x.b);
    newText = text;
    for (const x of spans) newText = newText.slice(0, x.a - s0) + x.t + newText.slice(x.b - s0);
  }
  const at = (a: number, b: number) => review.lines.range(e.stampBase + a, e.stampBase + b);
  const edits: TextEdit[] = [{ range: at(stamp.start, stamp.end), newText }];
  // the entry below took its date from this one: write it there before this one changes
  const writesDate = dayChanged || (d !== undefined && d.year === undefined && utc.year !== local.year);
  if (writesDate) {
    const i = indexOf(review, e);
    const next = review.timeline[i + 1];
    const pin = next && pinDateEdit(review, next);
    if (pin) edits.push(pin);
  }
  return { title, edits, isPreferred: preferred };
}

// each entry's place in its timeline, once per timeline (a long timeline converted across midnight stays linear)
const places = new WeakMap<TimelineEntry[], Map<TimelineEntry, number>>();
function indexOf(review: Review, e: TimelineEntry): number {
  let m = places.get(review.timeline);
  if (!m) { m = new Map(review.timeline.map((x, i) => [x, i])); places.set(review.timeline, m); }
  return m.get(e) ?? -1;
}

/**
 * An edit writing the date an undated entry takes from the entry above onto its own stamp ("00:10
 * UTC" → "2026-11-20 00:10 UTC"): the same meaning, no longer dependent on its neighbour. Replaces
 * the whole stamp span, like every stamp edit, so two fixes touching one stamp never both apply.
 */
export function pinDateEdit(review: Review, e: TimelineEntry, date = e.date): TextEdit | undefined {
  if (!date || !e.date?.carried || e.stamp.date || !e.stamp.time) return undefined;
  const s = e.stamp;
  const newText = `${s.text.slice(0, s.time!.start - s.start)}${iso(date)} ${s.text.slice(s.time!.start - s.start)}`;
  return { range: review.lines.range(e.stampBase + s.start, e.stampBase + s.end), newText };
}
