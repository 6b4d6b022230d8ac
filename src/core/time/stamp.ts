import { isKnownAbbreviation, resolveZone, type ZoneRef } from './zones';

/**
 * Reads the timestamp at the start of a timeline entry ("2026-11-20 13:55 UTC", "14:02Z",
 * "**09:49** (CEST)", "Tuesday, March 19, 10:36 UTC", "6:55 PM PST"). Offsets are within the
 * string given; tokens keep their own spans so a fix can rewrite the time and the zone in place.
 */
export interface StampToken { kind: 'date' | 'time' | 'zone' | 'word'; start: number; end: number }

export interface Stamp {
  start: number;
  end: number;
  text: string;
  date?: { year?: number; month: number; day: number; start: number; end: number };
  time?: { hour: number; minute: number; second?: number; start: number; end: number };
  /** More than one time on the stamp (a range such as "10:00 to 12:30"). */
  timeCount: number;
  zone?: { ref: ZoneRef; start: number; end: number; /** span including enclosing parentheses */ outerStart: number; outerEnd: number };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])/i;
const WEEKDAY_RE = /^(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?(?![a-z])/i;
const ISO_DATE_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/;
const DMY_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/;
const MD_RE = /^(\d{1,2})-(\d{1,2})(?=\s+\d{1,2}[:.]\d{2})/;
const TIME_RE = /^(\d{1,2})[:.h](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?:\s?([ap])\.?\s?m\b\.?)?(?![\d%])/i;
const BARE_AMPM_RE = /^(\d{1,2})\s?([ap])\.?m\b\.?/i;
const ZONE_SUFFIX_RE = /^(Z|[+\-−]\d{2}:?\d{2})(?![\w])/;
const UTC_OFFSET_RE = /^(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?(?![\d])/i;
const IANA_RE = /^[A-Z][A-Za-z_]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?/;
const WORD_RE = /^[A-Za-z]+/;
const DAY_RE = /^(\d{1,2})(st|nd|rd|th)?\.?(?!\d)/i;
const YEAR_RE = /^(\d{4})(?!\d)/;

export function readStamp(s: string): Stamp | undefined {
  let p = 0;
  let start = -1, end = -1;
  let date: Stamp['date'];
  let time: Stamp['time'];
  let timeCount = 0;
  let zone: Stamp['zone'];
  let pendingMonth: number | undefined;
  let pendingDay: number | undefined;
  let pendingYear: number | undefined;
  let lastKind: string | undefined;
  let parenOpen = -1;
  // a numeric offset glued to a time ("14:02+02:00") is only read as a zone in ISO form (date"T"time);
  // elsewhere "02:00-04:30" is a range of times
  let isoJoined = false;

  const mark = (a: number, b: number, kind: string) => { if (start < 0) start = a; end = b; lastKind = kind; };

  while (p < s.length) {
    const rest = s.slice(p);
    // filler between tokens: spaces, emphasis, brackets, commas, "at", "on", "to", "-" between parts
    const filler = /^(\s+|\*+|_+|\[|\]|,|\(|\)|\|)/.exec(rest);
    if (filler) {
      if (filler[0] === '(') parenOpen = p; else if (filler[0] !== ')') { /* keep */ }
      p += filler[0].length;
      continue;
    }
    let m: RegExpExecArray | null;
    if (start >= 0 && (m = /^(at|on|to|and|until|from)\b/i.exec(rest))) { p += m[0].length; continue; }
    if (start >= 0 && (m = /^[-–](?=\s*\*{0,2}\d)/.exec(rest))) { p += m[0].length; continue; }

    if ((m = ISO_DATE_RE.exec(rest))) {
      if (date) break;
      date = { year: +m[1], month: +m[2], day: +m[3], start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'date'); p += m[0].length;
      if (s[p] === 'T' && /^\d/.test(s.slice(p + 1))) { p++; isoJoined = true; }
      continue;
    }
    if ((m = DMY_RE.exec(rest))) {
      if (date) break;
      let a = +m[1], b = +m[3];
      // day-month-year unless the first part can only be a month (b > 12) or the separator is US-style "/"
      let day = a, month = b;
      if (b > 12 || (m[2] === '/' && a <= 12)) { day = b; month = a; }
      date = { year: +m[4], month, day, start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'date'); p += m[0].length; continue;
    }
    if (!date && !time && (m = MD_RE.exec(rest))) {
      date = { month: +m[1], day: +m[2], start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'date'); p += m[0].length; continue;
    }
    if ((m = TIME_RE.exec(rest)) && +m[1] < 24 && +m[2] < 60) {
      let hour = +m[1];
      if (m[4]) { const pm = m[4].toLowerCase() === 'p'; if (hour === 12) hour = pm ? 12 : 0; else if (pm) hour += 12; }
      timeCount++;
      if (!time) time = { hour, minute: +m[2], second: m[3] !== undefined ? +m[3] : undefined, start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'time'); p += m[0].length;
      const z = ZONE_SUFFIX_RE.exec(s.slice(p));
      const glued = isoJoined && time.start === p - m[0].length;
      if (z && !zone && (glued || z[1] === 'Z')) { zone = { ref: resolveZone(z[1]), start: p, end: p + z[0].length, outerStart: p, outerEnd: p + z[0].length }; mark(p, p + z[0].length, 'zone'); p += z[0].length; }
      continue;
    }
    if (start >= 0 && lastKind === 'time' && (m = BARE_AMPM_RE.exec(rest))) { timeCount++; mark(p, p + m[0].length, 'time'); p += m[0].length; continue; }
    if ((m = UTC_OFFSET_RE.exec(rest)) && start >= 0) {
      if (zone) break;
      zone = { ref: resolveZone(m[0].replace(/\s+/g, '')), start: p, end: p + m[0].length, outerStart: parenOpen >= 0 && parenOpen === lastParen(s, p) ? parenOpen : p, outerEnd: p + m[0].length };
      mark(p, p + m[0].length, 'zone'); p += m[0].length; continue;
    }
    if (start >= 0 && (m = IANA_RE.exec(rest))) {
      if (zone) break;
      zone = { ref: resolveZone(m[0]), start: p, end: p + m[0].length, outerStart: p, outerEnd: p + m[0].length };
      mark(p, p + m[0].length, 'zone'); p += m[0].length; continue;
    }
    if ((m = MONTH_RE.exec(rest))) {
      pendingMonth = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
      mark(p, p + m[0].length, 'month'); p += m[0].length; continue;
    }
    if ((m = WEEKDAY_RE.exec(rest))) { mark(p, p + m[0].length, 'weekday'); p += m[0].length; continue; }
    if ((pendingMonth || lastKind === 'weekday') && pendingDay === undefined && (m = DAY_RE.exec(rest)) && +m[1] >= 1 && +m[1] <= 31 && !TIME_RE.test(rest)) {
      pendingDay = +m[1]; mark(p, p + m[0].length, 'day'); p += m[0].length; continue;
    }
    if (pendingMonth && (m = YEAR_RE.exec(rest)) && !TIME_RE.test(rest)) { pendingYear = +m[1]; mark(p, p + m[0].length, 'year'); p += m[0].length; continue; }
    if (start >= 0 && (m = WORD_RE.exec(rest)) && isKnownAbbreviation(m[0]) && m[0] === m[0].toUpperCase()) {
      if (zone) break;
      const openParen = s[p - 1] === '(' ? p - 1 : -1;
      const closeParen = s[p + m[0].length] === ')' ? p + m[0].length + 1 : -1;
      zone = { ref: resolveZone(m[0]), start: p, end: p + m[0].length, outerStart: openParen >= 0 ? openParen : p, outerEnd: closeParen >= 0 ? closeParen : p + m[0].length };
      mark(p, p + m[0].length, 'zone'); p += m[0].length; continue;
    }
    break;
  }
  if (!date && pendingMonth && pendingDay) date = { year: pendingYear, month: pendingMonth, day: pendingDay, start, end };
  if (!time && !(date && (date.year !== undefined || pendingMonth))) return undefined;
  if (!time && date && date.year === undefined && !pendingMonth) return undefined;
  if (zone) end = Math.max(end, zone.outerEnd);
  return { start, end, text: s.slice(start, end), date, time, timeCount, zone };
}

function lastParen(s: string, p: number): number { let i = p - 1; while (i >= 0 && s[i] === ' ') i--; return s[i] === '(' ? i : -1; }
