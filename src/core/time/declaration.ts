import { readStamp, readZoneToken } from './stamp';
import type { ZoneRef } from './zones';

/**
 * The one reader of zone declarations — the sentence, heading or column header that says which zone
 * a timeline's stamps were written in — for the checks (parse/timeline.ts) and the importer
 * (import/convert.ts) alike. Sentence words in any case ("All times in UTC+2.", "Timestamps are
 * in CET.", "TIMES ARE PST", "All times below are CET (office time in Berlin)", "Times: GMT-7",
 * "*(All times US/Pacific, 24-hour clock.)*"); the zone as a stamp's zone is read (readZoneToken),
 * so a short form needs the zone in capitals ("response times met the SLO" declares no MET).
 */
export interface ZoneDeclared {
  zone: ZoneRef;
  /** 0-based offsets of the declaration within the line */
  index: number;
  length: number;
}

// "All times are in CET", "timestamps below are in Europe/Berlin", "times are given in UTC+2"
const LONG_RE = /\b(?:all\s+)?(?:times?|timestamps?|dates?(?:\s+and\s+times?)?|hours)\b[^.\n]{0,40}?\b(?:in|are|is)(?:\s+(?:in|given in|shown in))?\s+(?:the\s+)?[*_`]{0,2}/gi;
// "All times UTC", "Times: CET", "All times GMT-7"
const SHORT_RE = /\b(?:all\s+)?(?:times?|timestamps?)\s*(?::\s*|\s)[*_`]{0,2}/gi;

/** The zone a prose line declares for the timeline, or undefined. */
export function readZoneDeclaration(line: string): ZoneDeclared | undefined {
  if (line.length > 2000) line = line.slice(0, 2000);
  for (const re of [LONG_RE, SHORT_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const at = m.index + m[0].length;
      const z = readZoneToken(line.slice(at), false);
      if (z && z.ref.kind !== 'unknown') return { zone: z.ref, index: m.index, length: at + z.length - m.index };
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return undefined;
}

/** Whether a prose line declares the timeline's zone. */
export function declaresZone(line: string): boolean {
  return readZoneDeclaration(line) !== undefined;
}

/**
 * What a heading's or column header's parentheses declare: "Timeline (UTC)", "Timeline (all times
 * in PST/PDT)", "Timeline (all times UTC, 5 September 2026)", "Time (UTC)": the zone and a date for
 * stamps that carry only a time. Undefined when they declare neither.
 */
export function readHeadingDeclaration(heading: string): { zone?: ZoneRef; date?: { year: number; month: number; day: number } } | undefined {
  const paren = /\(([^()]{1,120})\)\s*[*_:]*\s*$/.exec(heading);
  if (!paren) return undefined;
  const inner = paren[1].replace(/^\s*(?:all\s+)?(?:times?|timestamps?)?\s*(?:are\s+)?(?:in\s+)?/i, '');
  const z = readZoneToken(inner, true);
  const zone = z && z.ref.kind !== 'unknown' ? z.ref : undefined;
  let date: { year: number; month: number; day: number } | undefined;
  const rest = z ? inner.slice(z.length) : inner;
  const d = /^\s*[,;]\s*(.*)$/.exec(rest);
  if (d) {
    const st = readStamp(d[1]);
    if (st?.date?.year !== undefined && !st.date.impossible && !st.time) date = { year: st.date.year, month: st.date.month, day: st.date.day };
  }
  return zone || date ? { zone, date } : undefined;
}
