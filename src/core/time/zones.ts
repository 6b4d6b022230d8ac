// Zone conversion through @date-fns/tz (the platform's Intl time-zone data, DST-correct; a
// couple of KB where luxon cost 70 KB of the extension bundle).
import { TZDate } from '@date-fns/tz';

/** A zone as written on a stamp, in the `timezone` key, in prose or in a setting. */
export type ZoneRef =
  | { kind: 'utc'; text: string }
  | { kind: 'offset'; text: string; minutes: number; abbreviation?: Abbreviation }
  | { kind: 'iana'; text: string; name: string }
  | { kind: 'ambiguous'; text: string; candidates: ZoneCandidate[] }
  | { kind: 'unknown'; text: string };

export interface ZoneCandidate { label: string; zone: string /* IANA name or UTC±hh:mm */ }

/**
 * What an abbreviation says about the season: its own offset is standard or daylight time of a
 * region whose rules tell which one was in force on a date ("PST" on a July date is a mistake:
 * the Pacific coast is on PDT then). Abbreviations a region keeps all year (MST in Arizona, AEST
 * in Queensland, ACST in the Northern Territory, HST) have no season to check.
 */
export interface Abbreviation { name: string; label: string; daylight: boolean; region: string }

const SEASONS: Record<string, [label: string, daylight: boolean, region: string]> = {
  PST: ['Pacific Standard Time', false, 'America/Los_Angeles'], PDT: ['Pacific Daylight Time', true, 'America/Los_Angeles'],
  MDT: ['Mountain Daylight Time', true, 'America/Denver'],
  EST: ['Eastern Standard Time', false, 'America/New_York'], EDT: ['Eastern Daylight Time', true, 'America/New_York'],
  CDT: ['Central Daylight Time', true, 'America/Chicago'],
  AKST: ['Alaska Standard Time', false, 'America/Anchorage'], AKDT: ['Alaska Daylight Time', true, 'America/Anchorage'],
  NST: ['Newfoundland Standard Time', false, 'America/St_Johns'], NDT: ['Newfoundland Daylight Time', true, 'America/St_Johns'],
  WET: ['Western European Time', false, 'Europe/Lisbon'], WEST: ['Western European Summer Time', true, 'Europe/Lisbon'],
  CET: ['Central European Time', false, 'Europe/Berlin'], CEST: ['Central European Summer Time', true, 'Europe/Berlin'],
  MET: ['Middle European Time', false, 'Europe/Berlin'], MEST: ['Middle European Summer Time', true, 'Europe/Berlin'],
  EET: ['Eastern European Time', false, 'Europe/Athens'], EEST: ['Eastern European Summer Time', true, 'Europe/Athens'],
  ACDT: ['Australian Central Daylight Time', true, 'Australia/Adelaide'],
  AEDT: ['Australian Eastern Daylight Time', true, 'Australia/Sydney'],
  NZST: ['New Zealand Standard Time', false, 'Pacific/Auckland'], NZDT: ['New Zealand Daylight Time', true, 'Pacific/Auckland'],
};

/** Region words: a zone named by its region, standard and daylight time together ("PT", "Eastern", "PST/PDT"). */
const REGIONS: Record<string, string> = {
  PT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles', 'PST/PDT': 'America/Los_Angeles', 'PDT/PST': 'America/Los_Angeles',
  MT: 'America/Denver', MOUNTAIN: 'America/Denver', 'MST/MDT': 'America/Denver', 'MDT/MST': 'America/Denver',
  CT: 'America/Chicago', CENTRAL: 'America/Chicago', 'CST/CDT': 'America/Chicago', 'CDT/CST': 'America/Chicago',
  ET: 'America/New_York', EASTERN: 'America/New_York', 'EST/EDT': 'America/New_York', 'EDT/EST': 'America/New_York',
  'CET/CEST': 'Europe/Berlin', 'CEST/CET': 'Europe/Berlin', 'GMT/BST': 'Europe/London', 'BST/GMT': 'Europe/London',
  'AEST/AEDT': 'Australia/Sydney', 'AEDT/AEST': 'Australia/Sydney', 'EET/EEST': 'Europe/Athens', 'WET/WEST': 'Europe/Lisbon',
};

/** Whether a word names a zone by its region ("PT", "Pacific", "EST/EDT"); case as in REGIONS' keys for the short ones. */
export function isRegionWord(word: string): boolean {
  const u = word.toUpperCase().replace(/\s+TIME$/, '');
  return u in REGIONS;
}

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
    const season = SEASONS[upper];
    if (r.kind === 'offset' && season) return { ...r, text: t, abbreviation: { name: upper, label: season[0], daylight: season[1], region: season[2] } };
    return r.kind === 'offset' || r.kind === 'utc' ? { ...r, text: t } : r;
  }
  const region = REGIONS[upper.replace(/\s+/g, ' ').replace(/\s*\/\s*/, '/').replace(/ TIME$/, '')];
  if (region) return { kind: 'iana', text: t, name: region };
  if (/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(t)) {
    if (!isValidIanaZone(t)) return { kind: 'unknown', text: t };
    const name = canonicalZone(t);
    return /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal|Greenwich)([+-]0)?$/i.test(name) ? { kind: 'utc', text: t } : { kind: 'iana', text: t, name };
  }
  return { kind: 'unknown', text: t };
}

export function describeZone(z: ZoneRef): string {
  switch (z.kind) {
    case 'utc': return 'UTC';
    case 'offset': return `${z.text} (${formatOffset(z.minutes)})`;
    case 'iana': return z.text === z.name ? (/^Etc\/GMT[+-]\d/i.test(z.name) ? `${z.name} (${formatOffset(etcOffset(z.name))})` : z.name) : `${z.text} (${z.name})`;
    case 'ambiguous': return `${z.text} (ambiguous: ${z.candidates.map(c => c.label).join(', ')})`;
    case 'unknown': return `${z.text} (unknown zone)`;
  }
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** IANA's Etc/GMT+5 is five hours *behind* UTC (POSIX sign): its offset in minutes east of UTC. */
function etcOffset(name: string): number {
  const m = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(name)!;
  return (m[1] === '+' ? -1 : 1) * +m[2] * 60;
}

/** The name as the platform spells it ("europe/berlin" → "Europe/Berlin"). */
function canonicalZone(name: string): string {
  try { return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone || name; } catch { return name; }
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

/** A wall-clock time; `millisecond` carries fractional seconds as written ("12:00:01.25" → 250). */
export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second?: number; millisecond?: number }

/** An instant in UTC, with its UTC wall-clock fields. */
export interface UtcInstant { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; toMillis(): number }

function utcInstant(ms: number): UtcInstant {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
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
  d.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, wall.millisecond ?? 0);
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

/** One way to read a local time: its instant (ms since the epoch, UTC) and how to say it. */
export interface LocalReading { ms: number; label: string }

/**
 * How certain the instant of a wall-clock time in a zone is. `certain`: one instant. `repeated`:
 * the time occurs twice (the autumn change), `nonexistent`: the clocks skipped it (the spring
 * change), `season`: an abbreviation names standard time on a daylight-saving date or the other
 * way round (PST in July); these list each reading, as written first, and a fix must ask.
 * Undefined when the zone cannot be resolved or the date doesn't exist.
 */
export type LocalResolution =
  | { status: 'certain'; ms: number }
  | { status: 'repeated' | 'nonexistent' | 'season'; ms: number; readings: LocalReading[] };

export function resolveLocal(wall: WallTime, zone: ZoneRef | string): LocalResolution | undefined {
  const z = typeof zone === 'string' ? resolveZone(zone) : zone;
  const compatible = toUtc(wall, z);
  if (!compatible) return undefined;
  const ms = compatible.toMillis();
  if (z.kind === 'offset' && z.abbreviation) {
    const a = z.abbreviation;
    const local = wallMillis(wall);
    const inForce = offsetAt(ms, a.region);
    if (inForce !== undefined && inForce !== z.minutes) {
      const other = local - inForce * 60_000;
      const season = `${a.daylight ? 'standard' : 'daylight saving'} time (${formatOffset(inForce)}), in force in ${a.region} on that date`;
      return { status: 'season', ms, readings: [
        { ms, label: `as written: ${a.name}, ${a.label} (${formatOffset(z.minutes)})` },
        { ms: other, label: `as ${season}` },
      ] };
    }
    return { status: 'certain', ms };
  }
  if (z.kind !== 'iana') return { status: 'certain', ms };
  const local = wallMillis(wall);
  const before = offsetAt(local - DAY_MS, z.name)!, after = offsetAt(local + DAY_MS, z.name)!;
  if (before === after) return { status: 'certain', ms };
  const fits = [before, after].map(o => ({ o, ms: local - o * 60_000 })).filter(c => offsetAt(c.ms, z.name) === c.o);
  if (fits.length === 1) return { status: 'certain', ms: fits[0].ms };
  const a = { o: before, ms: local - before * 60_000 }, b = { o: after, ms: local - after * 60_000 };
  const [first, second] = a.ms <= b.ms ? [a, b] : [b, a];
  if (fits.length === 2) {
    return { status: 'repeated', ms, readings: [
      { ms: first.ms, label: `the first time (${formatOffset(first.o)}, before the clocks went back)` },
      { ms: second.ms, label: `the second time (${formatOffset(second.o)}, after the clocks went back)` },
    ] };
  }
  return { status: 'nonexistent', ms, readings: [
    { ms: local - before * 60_000, label: `with the offset before the change (${formatOffset(before)})` },
    { ms: local - after * 60_000, label: `with the offset after the change (${formatOffset(after)})` },
  ] };
}

function wallMillis(wall: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  d.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, wall.millisecond ?? 0);
  return d.getTime();
}

/**
 * The zone's UTC offset at an instant, in minutes east of UTC. Asking Intl costs microseconds per
 * call and a 25,000-row timeline asks four times a stamp, so the offset is memoised per zone and
 * UTC day: when the offsets at the day's first and last millisecond agree, the day has no
 * transition (tz data has no day with two that cancel out) and that offset holds all day.
 */
function offsetAt(ms: number, zone: string): number | undefined {
  const day = Math.floor(ms / DAY_MS);
  // per zone, then per day (numbers: no key string to build per call)
  let days = dayOffsets.get(zone);
  if (!days) {
    if (dayOffsets.size >= 64) dayOffsets.clear();
    dayOffsets.set(zone, days = new Map());
  }
  let o = days.get(day);
  if (o === undefined) {
    const a = rawOffsetAt(day * DAY_MS, zone);
    o = a !== undefined && a === rawOffsetAt(day * DAY_MS + DAY_MS - 1, zone) ? a : NaN;
    if (days.size >= 20_000) days.clear();
    days.set(day, o);
  }
  return Number.isNaN(o) ? rawOffsetAt(ms, zone) : o;
}
const dayOffsets = new Map<string, Map<number, number>>();

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
