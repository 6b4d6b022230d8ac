import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats';
import { formats } from '../../src/core/time/schemaFormats';
import { isValidYmd } from '../../src/core/time/calendar';
import { validate } from '../../src/core/generated/review-schema-validator';

/**
 * The front matter's `date` and `date-time` checks are the time layer's (src/core/time/schemaFormats.ts);
 * ajv-formats, which the validator used before, is the oracle: the same verdict on every value the
 * schema lets reach the check.
 */
const oracle = (name: 'date' | 'date-time', v: string) => (fullFormats[name] as { validate: (s: string) => boolean }).validate(v);
const two = fc.integer({ min: 0, max: 99 }).map(n => String(n).padStart(2, '0'));
const year = fc.integer({ min: 0, max: 9999 }).map(n => String(n).padStart(4, '0'));
const fraction = fc.option(fc.integer({ min: 0, max: 999999 }).map(n => `.${n}`), { nil: '' });
// the shape the schema's pattern lets through: YYYY-MM-DDTHH:MM[:SS[.f]]Z, with any digits in each place
const patterned = fc.tuple(year, two, two, two, two, fc.option(fc.tuple(two, fraction).map(([s, f]) => `:${s}${f}`), { nil: '' }))
  .map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d}T${h}:${mi}${s}Z`);
const zone = fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+01:00', '-05:30', '+2359', '+24:00', '-00:60', '+01', '');
const sep = fc.constantFrom('T', 't', ' ', '\t', 'x', 'TT');
const anyShape = fc.tuple(year, two, two, sep, two, two, two, fraction, zone)
  .map(([y, mo, d, s, h, mi, se, f, z]) => `${y}-${mo}-${d}${s}${h}:${mi}:${se}${f}${z}`);
const days = fc.tuple(year, two, two).map(([y, m, d]) => `${y}-${m}-${d}`);

describe('front-matter date formats (RFC 3339) agree with ajv-formats', () => {
  it('date: every YYYY-MM-DD, leap years of every century (year 0 included), and text that is not a date', () => {
    fc.assert(fc.property(fc.oneof(days, fc.string({ maxLength: 14 })), v => formats.date.validate(v) === oracle('date', v)), { numRuns: 20_000 });
    for (const v of ['0000-02-29', '1900-02-29', '2000-02-29', '2024-02-29', '2026-02-29', '2026-04-31', '2026-12-31', '2026-00-10', '2026-1-01', ' 2026-01-01'])
      assert.equal(formats.date.validate(v), oracle('date', v), v);
  });

  it('date-time: every value the schema\'s pattern lets through, leap seconds included', () => {
    fc.assert(fc.property(patterned, v => formats['date-time'].validate(v) === oracle('date-time', v)), { numRuns: 20_000 });
    for (const v of ['2026-11-20T23:59:60Z', '2026-11-20T22:59:60Z', '2026-11-20T14:00Z', '2026-11-20T24:00:00Z', '2026-02-30T10:00:00Z', '2026-11-20T14:00:00.123Z'])
      assert.equal(formats['date-time'].validate(v), oracle('date-time', v), v);
  });

  it('date-time in other shapes (offsets, separators) as RFC 3339 reads them, where the oracle agrees', () => {
    // ajv-formats also accepts an hour over 23 or a minute over 59 when an offset brings the UTC time
    // back to 23:59 ("23:60:30+00:01"); RFC 3339 has no such times, and the schema's pattern (Z only)
    // never lets one through: there ours says no and the oracle is not asked
    fc.assert(fc.property(anyShape, v => {
      const [hour, minute] = [+v.slice(11, 13), +v.slice(14, 16)];
      if (hour > 23 || minute > 59) return formats['date-time'].validate(v) === false;
      return formats['date-time'].validate(v) === oracle('date-time', v);
    }), { numRuns: 20_000 });
    assert.equal(formats['date-time'].validate('2026-11-20T23:60:30+00:01'), false, 'minute 60 is no minute');
  });

  it('the front matter reads the same: seconds are required, impossible days refused', () => {
    const errorsAt = (data: object) => (validate(data), (validate as unknown as { errors?: { instancePath: string }[] }).errors ?? []).map(e => e.instancePath);
    const base = { id: 'INC-1', title: 't', major: false };
    assert.deepEqual(errorsAt({ ...base, detected: '2026-11-20T14:00:00Z', review_meeting: '2024-02-29' }), []);
    assert.ok(errorsAt({ ...base, detected: '2026-11-20T14:00Z' }).includes('/detected'));
    assert.ok(errorsAt({ ...base, resolved: '2026-02-29T14:00:00Z' }).includes('/resolved'));
    assert.ok(errorsAt({ ...base, review_meeting: '2026-02-29' }).includes('/review_meeting'));
  });

  it('the calendar knows year 0 is a leap year (proleptic Gregorian), as RFC 3339 does', () => {
    assert.equal(isValidYmd(0, 2, 29), true);
    assert.equal(isValidYmd(1900, 2, 29), false);
    assert.equal(isValidYmd(2000, 2, 29), true);
  });
});
