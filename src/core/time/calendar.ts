/**
 * Calendar days and instants: the one place that reads and writes `YYYY-MM-DD` and ISO 8601
 * date-times (front matter keys, due dates, the timeline editor's inputs, exports). A day is the
 * epoch milliseconds of its UTC midnight; an instant is epoch milliseconds (UTC). Impossible dates
 * (2027-02-29, 2026-13-01, 2026-04-31) are invalid everywhere. Pure; no `Date` parsing of strings.
 */

export const DAY_MS = 86_400_000;

/** A calendar date's parts (month and day 1-based). */
export interface Ymd { year: number; month: number; day: number }
/** A wall-clock date and time, in UTC unless said otherwise. */
export interface DateTime extends Ymd { hour: number; minute: number; second: number }

const two = (n: number) => String(n).padStart(2, '0');

/** Whether a year of the proleptic Gregorian calendar is a leap year (year 0 is one; RFC 3339 appendix C). */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year-month-day names a day of the (proleptic) Gregorian calendar. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]);
}

const DAY_RE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** `YYYY-MM-DD` (surrounding white space allowed) that exists: the parts; else undefined. */
export function readYmd(s: string): Ymd | undefined {
  const m = DAY_RE.exec(s);
  if (!m) return undefined;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidYmd(d.year, d.month, d.day) ? d : undefined;
}

/** `YYYY-MM-DD` that exists: epoch ms of its UTC midnight; else undefined. */
export function parseDay(s: string): number | undefined {
  const d = readYmd(s);
  return d && Date.UTC(d.year, d.month - 1, d.day);
}

/** Whether the text is exactly a `YYYY-MM-DD` date that exists. */
export function isDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDay(s) !== undefined;
}

const INSTANT_RE = /^\s*(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})\s*$/i;

/**
 * An ISO 8601 date-time with a zone (`Z` or an offset such as `+01:00`), or a valid `Date`:
 * epoch ms. A date-time without a zone, an impossible date or time, or anything else: undefined.
 */
export function parseInstant(v: unknown): number | undefined {
  if (v instanceof Date) return isNaN(v.getTime()) ? undefined : v.getTime();
  if (typeof v !== 'string') return undefined;
  const m = INSTANT_RE.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0)];
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || s > 60) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, s) + (m[7] ? Math.round(+`0.${m[7]}` * 1000) : 0);
  const zone = m[8].toUpperCase();
  if (zone !== 'Z') {
    const off = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
    if (+off[2] > 23 || +off[3] > 59) return undefined;
    ms -= (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +off[3]) * 60_000;
  }
  return ms;
}

/** A day (`YYYY-MM-DD`) or the UTC day of an instant (see parseInstant): epoch ms of that UTC midnight. */
export function dayOf(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const d = parseDay(v);
    if (d !== undefined) return d;
  }
  const t = parseInstant(v);
  return t === undefined ? undefined : utcDay(t);
}

/** The UTC midnight (epoch ms) of the day an instant falls on; `now` may be a Date. */
export function utcDay(t: number | Date): number {
  const ms = typeof t === 'number' ? t : t.getTime();
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * The date written at the start of a value (`2026-11-20`, `2026-11-20T14:00Z`, a Date): its parts
 * as written (no zone conversion), when the date exists. For carrying a date to stamps without one.
 */
export function leadingYmd(v: unknown): Ymd | undefined {
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return undefined;
    return { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() };
  }
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(v);
  if (!m) return undefined;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidYmd(d.year, d.month, d.day) ? d : undefined;
}

/** Reads `YYYY-MM-DD HH:MM[:SS]` (or with `T`, optionally ending in `Z` or ` UTC`) as a UTC date-time. */
export function readUtcDateTime(s: string): DateTime | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(?:Z|UTC))?\s*$/i.exec(s);
  if (!m) return undefined;
  const t = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: m[6] ? +m[6] : 0 };
  if (!isValidYmd(t.year, t.month, t.day) || t.hour > 23 || t.minute > 59 || t.second > 59) return undefined;
  return t;
}

/** A UTC date-time's epoch ms. */
export function dateTimeMs(t: DateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** `YYYY-MM-DD` of parts. */
export function formatYmd(d: Ymd): string {
  return `${String(d.year).padStart(4, '0')}-${two(d.month)}-${two(d.day)}`;
}

/** `YYYY-MM-DD` of the UTC day an instant falls on. */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return formatYmd({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `YYYY-MM-DDTHH:MM:SSZ` */
export function formatInstant(ms: number): string {
  const d = new Date(ms);
  return `${formatDay(ms)}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}Z`;
}

/** `YYYY-MM-DD HH:MM UTC` */
export function formatUtcMinute(ms: number): string {
  const d = new Date(ms);
  return `${formatDay(ms)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** `YYYY-MM-DD HH:MM[:SS]` (seconds only when not zero), UTC: what the timeline editor's inputs show. */
export function formatUtcField(ms: number): string {
  const d = new Date(ms);
  return `${formatDay(ms)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${d.getUTCSeconds() ? `:${two(d.getUTCSeconds())}` : ''}`;
}

/** "14:02 UTC on 2026-11-20" */
export function humanInstant(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC on ${formatDay(ms)}`;
}
