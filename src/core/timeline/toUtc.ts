/**
 * Rewriting a timeline stamp in UTC, in place: the non-utc-timestamp rule's fixes and the timeline
 * editor's conversion share it. Pure.
 */
import type { Review, TimelineEntry } from '../model';
import type { Fix, TextEdit } from '../types';
import { toUtc, type ZoneRef } from '../time/zones';
import { formatYmd } from '../time/calendar';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Rewrites the stamp in UTC, in place: the time token, the zone token (or " UTC" after the time)
 * and the date when it changes; markup around the tokens (bold, brackets) stays as written.
 */
export function convertFix(review: Review, e: TimelineEntry, zone: ZoneRef, title: string, preferred: boolean): Fix | undefined {
  const { stamp } = e;
  if (!stamp.time || stamp.timeCount > 1) return undefined;
  let dateParts = e.date;
  if (!dateParts) {
    // a fixed offset converts without a date, as long as the day does not change
    if (zone.kind === 'iana') return undefined;
    dateParts = { year: 2001, month: 1, day: 1, carried: true };
  }
  const utc = toUtc({ ...dateParts, hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second }, zone);
  if (!utc) return undefined;
  const dayChanged = utc.year !== dateParts.year || utc.month !== dateParts.month || utc.day !== dateParts.day;
  if (dayChanged && !e.date) return undefined;
  const base = e.stampBase;
  const at = (a: number, b: number) => review.lines.range(base + a, base + b);
  const edits: TextEdit[] = [];
  const time = `${two(utc.hour)}:${two(utc.minute)}${stamp.time.second !== undefined ? `:${two(utc.second)}` : ''}`;
  const isoDate = formatYmd(utc);
  if (stamp.date && stamp.date.year !== undefined) {
    if (dayChanged) edits.push({ range: at(stamp.date.start, stamp.date.end), newText: isoDate });
  } else if (stamp.date) {
    if (dayChanged) return undefined; // "March 19, 23:30 PST": leave a month-name date to the author
  } else if (dayChanged) {
    edits.push({ range: at(stamp.time.start, stamp.time.start), newText: `${isoDate} ` });
  }
  edits.push({ range: at(stamp.time.start, stamp.time.end), newText: time });
  if (stamp.zone) {
    const glued = stamp.zone.start === stamp.time.end;
    edits.push({ range: at(stamp.zone.start, stamp.zone.end), newText: glued ? 'Z' : 'UTC' });
  } else {
    edits.push({ range: at(stamp.time.end, stamp.time.end), newText: ' UTC' });
  }
  return { title, edits, isPreferred: preferred };
}
