import { isKnownAbbreviation, resolveZone, type ZoneRef } from './zones';
import { isValidYmd } from './calendar';

/**
 * The one reader of timeline stamps: the date, time and zone at the start of a timeline entry, in
 * every form reviews are written in — ISO ("2026-11-20 13:55 UTC", "2026-11-20T14:02:33.250+02:00"),
 * prose dates ("Tuesday, March 19, 10:36 UTC", "5 September 2026 14:00 CET", "Jan 27th 2025,
 * 18:50:28 UTC", "29/Mar/2026:14:00"), numeric day-first and month-first dates (ambiguity
 * reported), 12-hour clocks ("6:55 PM PST", "3pm"), seconds and fractional seconds, approximate
 * marks ("~2:50pm", "approx. 14:00"), code and emphasis around the stamp ("`07:35`", "**09:49**
 * (CEST)"), a leading emoji, and relative times ("+2 hrs", "T+15m").
 *
 * Zones: UTC words, abbreviations (any case for the unmistakable ones: "pdt"), region words ("PT",
 * "Eastern", "PST/PDT"), IANA names ("America/Port-au-Prince", "Etc/GMT+5"), offsets glued or
 * after a space ("+05:30", "+0530", "-07", "16:00 -0400"), "UTC±h[:mm]" and "GMT±h". What a zone
 * means (which are ambiguous, which need the season checked) is zones.ts's policy.
 *
 * Offsets are within the string given (0-based UTF-16 offsets); tokens keep their own spans so a
 * fix can rewrite the date, time and zone in place. Never throws; linear in the input.
 *
 * chrono-node was measured as the recogniser instead (2.10.3): on the corpus stamps it classified
 * the zone right on 0.886 where this reader does on 1.000, on 5,000 generated abbreviation and
 * offset stamps it gave Temporal's instant on 0.944 (1.000 here); it reads no IANA name, re-reads
 * "CET" on a July date as CEST without a word (the season policy here asks), takes "+1 hrs" for a
 * certain UTC instant, and costs 48 KB minified, which the 600 KB extension budget does not hold.
 */
export interface Stamp {
  start: number;
  end: number;
  text: string;
  date?: StampDate;
  time?: { hour: number; minute: number; second?: number; /** digits after the decimal point, as written */ fraction?: string; start: number; end: number };
  /** More than one time on the stamp (a range such as "10:00 to 12:30"). */
  timeCount: number;
  zone?: { ref: ZoneRef; start: number; end: number; /** span including enclosing parentheses */ outerStart: number; outerEnd: number };
  /** "~14:00", "approx. 14:00", "around 2pm" */
  approximate?: boolean;
  /** "+2 hrs", "T+15m": a time relative to another event, not a time of day */
  relative?: boolean;
  /** a weekday written on the stamp ("Tuesday, March 19"): wrong once the date changes */
  weekday?: { start: number; end: number };
}

export interface StampDate {
  /** undefined when the stamp gives only a month and day ("March 19", "10-01") */
  year?: number;
  month: number;
  day: number;
  start: number;
  end: number;
  /** how it was written: `iso` YYYY-MM-DD, `numeric` 03/04/2026, `words` March 19, 2026 */
  form: 'iso' | 'numeric' | 'words' | 'month-day';
  /** a numeric date both of whose readings exist (03/04/2026): the other reading */
  alternative?: { month: number; day: number };
  /** month 13, 30 February, 29 February of a common year: written, but no such day */
  impossible?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_RE = new RegExp(String.raw`^(${MONTH})\.?(?![a-z])`, 'i');
const WEEKDAY_RE = /^(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?(?![a-z])/i;
const ISO_DATE_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/;
const NUMERIC_DATE_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2}(?=[\s,T]|$))(?![\d])/;
// "29/Mar/2026", "29-Mar-2026"
const DAY_MONTH_YEAR_RE = new RegExp(String.raw`^(\d{1,2})([-/ ])(${MONTH})\.?\2(\d{4})(?!\d):?`, 'i');
// "10-01 14:00", "10-01 evening": month-day without a year, only before a time or a part of the day
const MONTH_DAY_RE = /^(\d{1,2})-(\d{1,2})(?=\s+(?:~\s*)?(?:\d{1,2}[:.]\d{2}|(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|noon|midnight)\b))/i;
const TIME_RE = /^(\d{1,2})(?:[:.h](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?)(?:\s?([ap])\.?\s?m\b\.?)?(?![\d%])/i;
const BARE_AMPM_RE = /^(\d{1,2})\s?([ap])\.?m\b\.?/i;
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const ORDINAL_WORD_RE = /^(?:(twenty|thirty)[- ]?)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b/i;
const DAY_RE = /^(\d{1,2})(st|nd|rd|th)?\.?(?!\d)/i;
const YEAR_RE = /^(\d{4})(?![\d:])/;
// zones
const UTC_OFFSET_RE = /^\+?(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?(?![\d:])/i;
const SIGNED_OFFSET_RE = /^([+\-−])(\d{2})(?::?(\d{2}))?(?![\d:]|\.\d)/;
const IANA_RE = /^(?:Etc\/(?:GMT|UTC)(?:[+-]\d{1,2})?|[A-Z][A-Za-z_]*(?:\/[A-Z][A-Za-z_]*(?:-[A-Za-z_]+)*){1,2})(?![\w/+-])/;
const REGION_RE = /^(?:(PT|MT|CT|ET)(?![\w/])|(Pacific|Mountain|Central|Eastern)(?:\s+(?:Time|time))?(?=\s*(?:[)\]—–:,|;*_.(-]|$))|((?:PST\/PDT|PDT\/PST|MST\/MDT|MDT\/MST|CST\/CDT|CDT\/CST|EST\/EDT|EDT\/EST|CET\/CEST|CEST\/CET|GMT\/BST|BST\/GMT|AEST\/AEDT|AEDT\/AEST|EET\/EEST|WET\/WEST))(?![\w/]))/;
/** Abbreviations read in lower case too: none of them is an English word. */
const ANY_CASE = new Set(['UTC', 'GMT', 'PST', 'PDT', 'MST', 'MDT', 'EST', 'EDT', 'CST', 'CDT', 'CET', 'CEST', 'EET', 'EEST', 'BST', 'IST', 'JST', 'KST', 'SGT', 'HKT', 'AEST', 'AEDT', 'NZST', 'NZDT', 'AKST', 'AKDT', 'MSK']);
const WORD_RE = /^[A-Za-z]+(?![\w/])/;
// marks and words before the stamp
const LEADING_RE = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{FE0F}\u{200D}\u{20E3}]|[\s*_`\\[(|~≈>]+)/u;
const APPROX_WORD_RE = /^(?:approx(?:\.|imately)?|about|around|circa|ca\.|roughly|~|≈)\s*/i;
const LEAD_WORD_RE = /^(?:after|before|by|since|until|from|at|on)\s+(?=[~≈]?\s*(?:\d|\*|`|(?:approx|about|around|circa|ca\.)))/i;
const RELATIVE_RE = /^(?:T\s*)?[+]\s*\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?|(?:business|working)\s+days?)\b(?:\s+later)?|^T\s*[+-]\s*\d{1,2}:\d{2}\b|^T\s*[+-]\s*\d+\s*(?:h|m|min|d)\b/i;

/**
 * Reads a zone written at the start of `s` ("UTC+2", "GMT-7", "+05:30", "CET", "pdt", "PT",
 * "Eastern", "PST/PDT", "Europe/Berlin", "Etc/GMT+5"), with the same rules as a stamp's zone; its
 * length in characters. A bare "-07" (no "+"/UTC before it) is read only when `signed` allows it.
 */
export function readZoneToken(s: string, signed = true): { ref: ZoneRef; length: number } | undefined {
  let m: RegExpExecArray | null;
  if ((m = UTC_OFFSET_RE.exec(s))) return { ref: resolveZone(m[0].replace(/^\+/, '').replace(/\s+/g, '')), length: m[0].length };
  if (/^\+(UTC|GMT)(?![\w])/i.test(s)) return { ref: resolveZone('UTC'), length: 4 };
  if (signed && (m = SIGNED_OFFSET_RE.exec(s)) && plausibleOffset(m)) return { ref: resolveZone(m[0]), length: m[0].length };
  if ((m = REGION_RE.exec(s))) return { ref: resolveZone(m[0]), length: m[0].length };
  if ((m = IANA_RE.exec(s))) return { ref: resolveZone(m[0]), length: m[0].length };
  if ((m = WORD_RE.exec(s)) && isKnownAbbreviation(m[0]) && (m[0] === m[0].toUpperCase() ? m[0].length > 1 || m[0] === 'Z' : ANY_CASE.has(m[0].toUpperCase()) && m[0] === m[0].toLowerCase())) {
    return { ref: resolveZone(m[0]), length: m[0].length };
  }
  return undefined;
}

/** Reads the stamp at the start of `s` (the text of a timeline entry), or undefined when it starts with none. */
export function readStamp(s: string): Stamp | undefined {
  // the text is an entry's first line: the stamp is at its start, within the first 200 characters
  if (s.length > 400) s = s.slice(0, 400);
  let p = 0;
  let approximate = false;
  // lead: emoji, markup, "~", "approx.", "After"
  for (let guard = 0; guard < 50 && p < s.length; guard++) {
    const rest = s.slice(p);
    const m = LEADING_RE.exec(rest) ?? APPROX_WORD_RE.exec(rest) ?? LEAD_WORD_RE.exec(rest);
    if (!m || !m[0]) break;
    if (APPROX_WORD_RE.test(rest) || /[~≈]/.test(m[0])) approximate = true;
    p += m[0].length;
  }
  const rel = RELATIVE_RE.exec(s.slice(p));
  if (rel) {
    let end = p + rel[0].length;
    if (s[end] === ']' || s[end] === ')') end++;
    return { start: p, end, text: s.slice(p, end), timeCount: 0, relative: true, approximate: approximate || undefined };
  }
  return readFrom(s, p, approximate);
}

function readFrom(s: string, p: number, approximate: boolean): Stamp | undefined {
  let start = -1, end = -1;
  let date: StampDate | undefined;
  let time: Stamp['time'];
  let timeCount = 0;
  let zone: Stamp['zone'];
  let month: { value: number; start: number; end: number } | undefined;
  let day: { value: number; start: number; end: number } | undefined;
  let year: { value: number; start: number; end: number } | undefined;
  let lastKind: string | undefined;
  let isoJoined = false;
  let weekday: Stamp['weekday'];

  const mark = (a: number, b: number, kind: string) => { if (start < 0) start = a; end = b; lastKind = kind; };
  const setZone = (ref: ZoneRef, a: number, b: number) => {
    let oa = a, ob = b;
    let i = a - 1; while (i >= 0 && s[i] === ' ') i--;
    let j = b; while (j < s.length && s[j] === ' ') j++;
    if (s[i] === '(' && s[j] === ')') { oa = i; ob = j + 1; }
    zone = { ref, start: a, end: b, outerStart: oa, outerEnd: ob };
    mark(a, b, 'zone');
  };
  const readZone = (rest: string, at: number, afterSpace: boolean): number => {
    const z = readZoneToken(rest, afterSpace);
    if (!z) return 0;
    setZone(z.ref, at, at + z.length);
    return z.length;
  };

  for (let guard = 0; guard < 60 && p < s.length; guard++) {
    const rest = s.slice(p);
    let m: RegExpExecArray | null;
    // a zone right after the time, the date or another zone's parenthesis
    if (start >= 0 && !zone && lastKind !== 'weekday' && lastKind !== 'month') {
      const spaced = /\s/.test(s[p - 1] ?? '') || s[p - 1] === '(';
      const n = readZone(rest, p, spaced || lastKind === 'zone');
      if (n) { p += n; continue; }
    }
    // filler between tokens: spaces, emphasis, code, brackets, commas, "at", "on", "to", "-" between parts
    const filler = /^(\s+|\*+|_+|`+|\\|\[|\]|,|\(|\)|\||~|≈|--)/.exec(rest);
    if (filler) {
      if (filler[0] === '~' || filler[0] === '≈') approximate = true;
      p += filler[0].length;
      continue;
    }
    if (start >= 0 && (m = /^(at|on|to|and|until|till|from|of|the|approx(?:\.|imately)?|around|about)\b\.?/i.exec(rest))) {
      if (/^(approx|around|about)/i.test(m[0])) approximate = true;
      p += m[0].length; continue;
    }
    if (start >= 0 && (m = /^[-–](?=\s*[*_`~]{0,2}\d)/.exec(rest))) { p += m[0].length; continue; }

    if ((m = ISO_DATE_RE.exec(rest))) {
      if (date || month) break;
      date = makeDate(+m[1], +m[3], +m[4], p, p + m[0].length, 'iso');
      mark(p, p + m[0].length, 'date'); p += m[0].length;
      if (s[p] === 'T' && /^\d/.test(s.slice(p + 1))) { p++; isoJoined = true; }
      continue;
    }
    if ((m = DAY_MONTH_YEAR_RE.exec(rest))) {
      if (date || month) break;
      const mo = MONTHS.indexOf(m[3].slice(0, 3).toLowerCase()) + 1;
      date = makeDate(+m[4], mo, +m[1], p, p + m[0].length - (m[0].endsWith(':') ? 1 : 0), 'words');
      mark(p, date.end, 'date'); p += m[0].length; continue;
    }
    if ((m = NUMERIC_DATE_RE.exec(rest))) {
      if (date || month) break;
      const a = +m[1], b = +m[3];
      const y = m[4].length === 2 ? 2000 + +m[4] : +m[4];
      // day-month-year, unless the first part can only be a month (b > 12) or the separator is US-style "/"
      let d = a, mo = b;
      if (b > 12 || (m[2] === '/' && a <= 12)) { d = b; mo = a; }
      date = makeDate(y, mo, d, p, p + m[0].length, 'numeric');
      if (a <= 12 && b <= 12 && a !== b) date.alternative = { month: d, day: mo };
      mark(p, p + m[0].length, 'date'); p += m[0].length; continue;
    }
    if (!date && !time && !month && (m = MONTH_DAY_RE.exec(rest))) {
      date = makeDate(undefined, +m[1], +m[2], p, p + m[0].length, 'month-day');
      mark(p, p + m[0].length, 'date'); p += m[0].length; continue;
    }
    if ((m = TIME_RE.exec(rest)) && m[2] !== undefined && +m[1] < 24 && +m[2] < 60 && (m[3] === undefined || +m[3] < 60)) {
      // "2026" after a month name is a year, not 20:26 (TIME_RE needs a separator, so only "20.26")
      let hour = +m[1];
      // "13:55 PM": a 24-hour time with a redundant marker (the marker is ignored past 12)
      if (m[5] && hour >= 1 && hour <= 12) { const pm = m[5].toLowerCase() === 'p'; if (hour === 12) hour = pm ? 12 : 0; else if (pm) hour += 12; }
      timeCount++;
      if (!time) time = { hour, minute: +m[2], second: m[3] !== undefined ? +m[3] : undefined, fraction: m[4], start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'time'); p += m[0].length;
      // an offset glued to the time: "+02:00" always, "-04:00" only in ISO form (elsewhere
      // "02:00-04:30" is a range); "Z"
      const g = /^(Z(?![\w])|[+](\d{2})(?::?(\d{2}))?(?![\d:])|[-−](\d{2}):?(\d{2})(?![\d:]))/.exec(s.slice(p));
      if (g && !zone && (g[1] === 'Z' || g[1][0] === '+' || isoJoined || !g[1].includes(':'))) {
        setZone(resolveZone(g[1]), p, p + g[1].length); p += g[1].length;
      }
      continue;
    }
    if ((m = BARE_AMPM_RE.exec(rest)) && +m[1] >= 1 && +m[1] <= 12) {
      timeCount++;
      const pm = m[2].toLowerCase() === 'p';
      const hour = +m[1] === 12 ? (pm ? 12 : 0) : +m[1] + (pm ? 12 : 0);
      if (!time) time = { hour, minute: 0, start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'time'); p += m[0].length; continue;
    }
    if ((m = MONTH_RE.exec(rest))) {
      if (month || date) break;
      month = { value: MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, start: p, end: p + m[0].length };
      mark(p, p + m[0].length, 'month'); p += m[0].length; continue;
    }
    if (start < 0 || lastKind === 'weekday' || lastKind === 'month' || lastKind === 'day' || (lastKind === 'date' && !time)) {
      if ((m = WEEKDAY_RE.exec(rest))) { weekday ??= { start: p, end: p + m[0].length }; mark(p, p + m[0].length, 'weekday'); p += m[0].length; continue; }
    }
    if (!day && !date && (m = ORDINAL_WORD_RE.exec(rest))) {
      const unit = ORDINAL_WORDS.indexOf(m[2].toLowerCase()) + 1 || (m[2].toLowerCase() === 'thirtieth' ? 30 : 0);
      const tens = m[1] ? (m[1].toLowerCase() === 'twenty' ? 20 : 30) : 0;
      const value = tens && unit <= 9 ? tens + unit : !tens ? unit : 0;
      const nextIsMonth = new RegExp(String.raw`^\s*(?:of\s+)?${MONTH}`, 'i').test(s.slice(p + m[0].length));
      if (value >= 1 && value <= 31 && (month || nextIsMonth)) { day = { value, start: p, end: p + m[0].length }; mark(p, p + m[0].length, 'day'); p += m[0].length; continue; }
    }
    if (!day && !date && (m = DAY_RE.exec(rest)) && +m[1] >= 1 && +m[1] <= 31) {
      // "March 19", "19 March", "Tuesday 19th"
      const nextIsMonth = new RegExp(String.raw`^\s*(?:of\s+)?${MONTH}\.?(?![a-z])`, 'i').test(s.slice(p + m[0].length));
      if (month || nextIsMonth || (lastKind === 'weekday' && m[2])) {
        day = { value: +m[1], start: p, end: p + m[0].length }; mark(p, p + m[0].length, 'day'); p += m[0].length; continue;
      }
    }
    if ((month || day) && !year && (lastKind === 'day' || lastKind === 'month') && (m = YEAR_RE.exec(rest))) { year = { value: +m[1], start: p, end: p + m[0].length }; mark(p, p + m[0].length, 'year'); p += m[0].length; continue; }
    if (start >= 0 && !zone) {
      const n = readZone(rest, p, true);
      if (n) { p += n; continue; }
    }
    break;
  }
  if (!date && month && day) {
    const a = Math.min(month.start, day.start), b = Math.max(month.end, day.end, year?.end ?? 0);
    date = makeDate(year?.value, month.value, day.value, a, b, 'words');
  }
  if (start < 0) return undefined;
  if (!time && !date) return undefined;
  if (!time && date && date.year === undefined && date.form !== 'words' && date.form !== 'month-day') return undefined;
  if (zone) end = Math.max(end, zone.outerEnd);
  return { start, end, text: s.slice(start, end), date, time, timeCount, zone, approximate: approximate || undefined, weekday };
}

/** The wall-clock time a stamp writes on a date (fractional seconds as milliseconds). */
export function stampWallTime(date: { year: number; month: number; day: number }, time: NonNullable<Stamp['time']>) {
  const millisecond = time.fraction ? Math.floor(+`0.${time.fraction}` * 1000) : undefined;
  return { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute, second: time.second, millisecond };
}

function makeDate(year: number | undefined, month: number, day: number, start: number, end: number, form: StampDate['form']): StampDate {
  const d: StampDate = { year, month, day, start, end, form };
  // without a year, 29 February may exist (the year is carried from above)
  if (!isValidYmd(year ?? 2000, month, day)) d.impossible = true;
  return d;
}

/** "-05:00", "+0530", "-07" after a space: an offset (whole or half hours, at most 14 h), not a range's second time. */
function plausibleOffset(m: RegExpExecArray): boolean {
  const h = +m[2], mm = m[3] === undefined ? 0 : +m[3];
  return h <= 14 && [0, 30, 45].includes(mm);
}
