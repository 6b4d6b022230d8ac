// The front matter's JSON Schema is compiled at build time (Ajv standalone code, see
// scripts/build/schema-validator.mjs). These tests keep the committed code in step with the schema
// and check that it reports exactly what Ajv compiling the schema at run time reported.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { OUTPUT, SCHEMA, generateValidator } from '../../../scripts/build/schema-validator.mjs';
import { validate as generated } from '../../../src/core/generated/review-schema-validator';

describe('front matter schema, compiled at build time', () => {
  it('src/core/generated/review-schema-validator.ts is up to date with schemas/review.schema.json', () => {
    assert.equal(fs.readFileSync(OUTPUT, 'utf8'), generateValidator(), 'run `npm run build` (or node scripts/build/schema-validator.mjs) and commit the file');
  });

  it('gives the same verdicts and error objects as the schema compiled at run time', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const runtime = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    const samples: unknown[] = [
      {},
      { id: 'INC-1', title: 'x', major: false },
      { id: '', title: '  ', major: 'no', status: 'In-Review', severity: 3 },
      { id: 'INC-1', title: 'x', major: true, started: '2026-11-10T09:00:00+01:00', detected: '2026-11-10T09:00:00Z', mitigated: 'soon', review_meeting: '2026-02-30' },
      { id: 'INC-1', title: 'x', major: true, review_meeting: '2026-11-24T15:00:00Z', attendees: [{ name: 'A' }, 'B', { name: 1, role: '' }] },
      { id: 'INC-1', title: 'x', major: true, attendees: 'everyone', services: 'api', authors: ['a', ''], third_parties: [1] },
      { id: 'INC-1', title: 'x', major: true, residual_risks: [{ risk: 'r' }, { risk: 'r', accepted_by: 'p', date: '2026-13-01' }, 7] },
      { id: 'INC-1', title: 'x', major: true, residual_risks: 'none', custom_key: { nested: true } },
      [], 'text', null, 42,
    ];
    for (const data of samples) {
      const want = runtime(data);
      const got = (generated as unknown as (d: unknown) => boolean)(data);
      assert.equal(got, want, JSON.stringify(data));
      assert.deepEqual((generated as unknown as { errors: unknown }).errors, runtime.errors, JSON.stringify(data));
    }
  });
});
