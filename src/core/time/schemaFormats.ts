/**
 * The JSON Schema `format` checks that schemas/review.schema.json names, for the front-matter
 * validator compiled ahead of time (scripts/build/schema-validator.mjs points Ajv's generated code
 * here): RFC 3339 §5.6 `full-date` and `date-time`, the zone required, read with the project's own
 * calendar. Their verdicts are ajv-formats' (its full mode) on every value the schema's patterns
 * let through; the unit tests use ajv-formats as the oracle.
 */
import { isDay } from './calendar';

/** A format as Ajv's generated code calls it: `validate(value)` on strings. */
export interface SchemaFormat { validate(value: string): boolean }

// partial-time and time-offset; the offset's minutes may also be written without the colon or left out
const FULL_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([zZ])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * `full-time` with its zone: hours 00–23, minutes 00–59, seconds 00–59, or 60 for a leap second,
 * which only the last minute of a UTC day has.
 */
function isFullTime(s: string): boolean {
  const m = FULL_TIME.exec(s);
  if (!m) return false;
  const [hour, minute, second] = [+m[1], +m[2], +m[3]];
  const sign = m[5] === '-' ? -1 : 1;
  const offsetHours = +(m[6] ?? 0), offsetMinutes = +(m[7] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return false;
  if (hour <= 23 && minute <= 59 && second <= 59) return true;
  if (second !== 60) return false;
  // the leap second: 23:59:60 in UTC, whatever the offset it is written in
  const utcMinute = minute - sign * offsetMinutes;
  const utcHour = hour - sign * offsetHours - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1);
}

/** The formats by the names the schema uses. */
export const formats: Record<'date' | 'date-time', SchemaFormat> = {
  // `full-date`: exactly YYYY-MM-DD, naming a day that exists
  date: { validate: isDay },
  'date-time': {
    validate(s: string): boolean {
      const parts = s.split(/[tT\s]/);
      return parts.length === 2 && isDay(parts[0]) && isFullTime(parts[1]);
    },
  },
};
