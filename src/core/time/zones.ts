// Zone conversion through @date-fns/tz (the platform's Intl time-zone data, DST-correct; a
// couple of KB where luxon cost 70 KB of the extension bundle).
import { TZDate } from '@date-fns/tz';

/** A zone as written on a stamp, in the `timezone` key, in prose or in a setting. */
export type ZoneRef =
  | { kind: 'utc'; text: string }
  | { kind: 'offset'; text: string; minutes: number }
  | { kind: 'iana'; text: string; name: string }
  | { kind: 'ambiguous'; text: string; candidates: ZoneCandidate[] }
  | { kind: 'unknown'; text: string };

export interface ZoneCandidate { label: string; zone: string /* IANA name or UTC±hh:mm */ }

/** Abbreviations whose meaning is settled in incident writing. Daylight variants are fixed offsets, as written. */
const ABBREVIATIONS: Record<string, string> = {
  PST: 'UTC-8', PDT: 'UTC-7', MST: 'UTC-7', MDT: 'UTC-6', EST: 'UTC-5', EDT: 'UTC-4', CDT: 'UTC-5',
  AKST: 'UTC-9', AKDT: 'UTC-8', HST: 'UTC-10', NST: 'UTC-3:30', NDT: 'UTC-2:30',
  WET: 'UTC+0', WEST: 'UTC+1', CET: 'UTC+1', CEST: 'UTC+2', MET: 'UTC+1', MEST: 'UTC+2',
  EET: 'UTC+2', EEST: 'UTC+3', MSK: 'UTC+3', GST: 'UTC+4', PKT: 'UTC+5', NPT: 'UTC+5:45',
  ICT: 'UTC+7', WIB: 'UTC+7', HKT: 'UTC+8', SGT: 'UTC+8', AWST: 'UTC+8', PHT: 'UTC+8',
  JST: 'UTC+9', KST: 'UTC+9', ACST: 'UTC+9:30', ACDT: 'UTC+10:30', AEST: 'UTC+10', AEDT: 'UTC+11',
  NZST: 'UTC+12', NZDT: 'UTC+13', BRT: 'UTC-3', ART: 'UTC-3', CLT: 'UTC-4', SAST: 'UTC+2', WAT: 'UTC+1',
  CAT: 'UTC+2', EAT: 'UTC+3',
};

/** Abbreviations used for more than one zone: the fix asks which one, it never guesses. */
const AMBIGUOUS: Record<string, ZoneCandidate[]> = {
  IST: [{ label: 'India Standard Time', zone: 'Asia/Kolkata' }, { label: 'Irish Standard Time', zone: 'Europe/Dublin' }, { label: 'Israel Standard Time', zone: 'Asia/Jerusalem' }],
  CST: [{ label: 'US Central Standard Time', zone: 'UTC-6' }, { label: 'China Standard Time', zone: 'Asia/Shanghai' }, { label: 'Cuba Standard Time', zone: 'America/Havana' }],
  BST: [{ label: 'British Summer Time', zone: 'UTC+1' }, { label: 'Bangladesh Standard Time', zone: 'Asia/Dhaka' }],
  AST: [{ label: 'Atlantic Standard Time', zone: 'UTC-4' }, { label: 'Arabia Standard Time', zone: 'Asia/Riyadh' }],
  ADT: [{ label: 'Atlantic Daylight Time', zone: 'UTC-3' }, { label: 'Arabia Daylight Time', zone: 'UTC+4' }],
};

const UTC_WORDS = new Set(['UTC', 'GMT', 'Z', 'ZULU', 'UT']);

export function isKnownAbbreviation(word: string): boolean {
  const w = word.toUpperCase();
  return UTC_WORDS.has(w) || w in ABBREVIATIONS || w in AMBIGUOUS;
}

function parseOffsetMinutes(sign: string, h: string, m?: string): number {
  const v = parseInt(h, 10) * 60 + (m ? parseInt(m, 10) : 0);
  return sign === '-' || sign === '−' ? -v : v;
}

/** Resolves a zone as written ("UTC", "+02:00", "UTC+2", "PDT", "Europe/Berlin", "IST"). */
export function resolveZone(text: string): ZoneRef {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (UTC_WORDS.has(upper) || /^(UTC|GMT|Z)?\s*[+\-−]0{1,2}(:?00)?$/i.test(t) && /\d/.test(t)) return { kind: 'utc', text: t };
  let m = /^(?:UTC|GMT)?\s*([+\-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (m) {
    const minutes = parseOffsetMinutes(m[1], m[2], m[3]);
    return minutes === 0 ? { kind: 'utc', text: t } : { kind: 'offset', text: t, minutes };
  }
  if (upper in AMBIGUOUS) return { kind: 'ambiguous', text: t, candidates: AMBIGUOUS[upper] };
  if (upper in ABBREVIATIONS) {
    const r = resolveZone(ABBREVIATIONS[upper]);
    return r.kind === 'offset' || r.kind === 'utc' ? { ...r, text: t } : r;
  }
  if (/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(t)) {
    return isValidIanaZone(t) ? { kind: 'iana', text: t, name: t } : { kind: 'unknown', text: t };
  }
  return { kind: 'unknown', text: t };
}

export function describeZone(z: ZoneRef): string {
  switch (z.kind) {
    case 'utc': return 'UTC';
    case 'offset': return `${z.text} (${formatOffset(z.minutes)})`;
    case 'iana': return z.name;
    case 'ambiguous': return `${z.text} (ambiguous: ${z.candidates.map(c => c.label).join(', ')})`;
    case 'unknown': return `${z.text} (unknown zone)`;
  }
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * Whether the platform's time-zone data knows the IANA name. Memoised per name: building an
 * Intl.DateTimeFormat costs tens of microseconds, and a big timeline checks its zone per stamp.
 * Bounded, so a document full of made-up zone names cannot grow it without limit.
 */
export function isValidIanaZone(name: string): boolean {
  let known = zoneValidity.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (zoneValidity.size >= 1024) zoneValidity.clear();
    zoneValidity.set(name, known);
  }
  return known;
}
const zoneValidity = new Map<string, boolean>();

export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second?: number }

/** An instant in UTC, with its UTC wall-clock fields. */
export interface UtcInstant { year: number; month: number; day: number; hour: number; minute: number; second: number; toMillis(): number }

function utcInstant(ms: number): UtcInstant {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
    toMillis: () => ms,
  };
}

function isValidWallTime(w: WallTime): boolean {
  const s = w.second ?? 0;
  const ints = [w.year, w.month, w.day, w.hour, w.minute, s].every(Number.isInteger);
  if (!ints || w.month < 1 || w.month > 12 || w.day < 1 || w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59 || s < 0 || s > 59) return false;
  return w.day <= new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
}

/**
 * Converts a wall-clock time in a zone to UTC, DST-correct for IANA zones: a time in the spring
 * gap moves forward by the gap, a time repeated in autumn is read as its first occurrence.
 * Undefined when the zone can't be resolved or the date doesn't exist.
 */
export function toUtc(wall: WallTime, zone: ZoneRef | string): UtcInstant | undefined {
  const z = typeof zone === 'string' ? resolveZone(zone) : zone;
  if (!isValidWallTime(wall)) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day); // not Date.UTC, which reads years 0-99 as 19xx
  d.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  const asUtc = d.getTime();
  if (z.kind === 'utc') return utcInstant(asUtc);
  if (z.kind === 'offset') return utcInstant(asUtc - z.minutes * 60_000);
  if (z.kind !== 'iana' || !isValidIanaZone(z.name)) return undefined;
  // The offsets in force a day either side; a time that exists once matches one of them. In the
  // autumn overlap both match: take the earlier instant; in the spring gap neither does: read the
  // time with the offset from before the change, which moves it forward by the gap. (Temporal's
  // "compatible" disambiguation.)
  const before = offsetAt(asUtc - DAY_MS, z.name);
  const after = offsetAt(asUtc + DAY_MS, z.name);
  if (before === undefined || after === undefined) return undefined;
  if (before === after) return utcInstant(asUtc - before * 60_000); // no change of offset within a day either side
  const fits = [before, after].map(o => asUtc - o * 60_000).filter(ms => offsetAt(ms, z.name) === (asUtc - ms) / 60_000);
  return utcInstant(fits.length ? Math.min(...fits) : asUtc - before * 60_000);
}

const DAY_MS = 86_400_000;

/**
 * The zone's UTC offset at an instant, in minutes east of UTC. Asking Intl costs microseconds per
 * call and a 25,000-row timeline asks four times a stamp, so the offset is memoised per zone and
 * UTC day: when the offsets at the day's first and last millisecond agree, the day has no
 * transition (tz data has no day with two that cancel out) and that offset holds all day.
 */
function offsetAt(ms: number, zone: string): number | undefined {
  const day = Math.floor(ms / DAY_MS);
  const key = `${zone}|${day}`;
  let o = dayOffsets.get(key);
  if (o === undefined) {
    const a = rawOffsetAt(day * DAY_MS, zone);
    o = a !== undefined && a === rawOffsetAt(day * DAY_MS + DAY_MS - 1, zone) ? a : NaN;
    if (dayOffsets.size >= 20_000) dayOffsets.clear();
    dayOffsets.set(key, o);
  }
  return Number.isNaN(o) ? rawOffsetAt(ms, zone) : o;
}
const dayOffsets = new Map<string, number>();

function rawOffsetAt(ms: number, zone: string): number | undefined {
  const d = new TZDate(ms, zone);
  const o = -d.getTimezoneOffset();
  return Number.isFinite(o) ? o : undefined;
}

/** The wall-clock time of an instant in an IANA zone, with the zone's UTC offset then (minutes). */
export function wallTimeIn(ms: number, zone: string): (WallTime & { second: number; offsetMinutes: number }) | undefined {
  if (!isValidIanaZone(zone)) return undefined;
  const d = new TZDate(ms, zone);
  if (!Number.isFinite(d.getTime())) return undefined;
  return {
    year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(),
    offsetMinutes: -d.getTimezoneOffset(),
  };
}

export function isResolvable(z: ZoneRef | undefined): boolean {
  return !!z && (z.kind === 'utc' || z.kind === 'offset' || z.kind === 'iana');
}
