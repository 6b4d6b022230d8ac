import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, parseConfig, snippetToText, RULES, PARSE_RULES } from '../../../src/core';
import { checkFixture } from '../helpers/fixtures';
import { lint, readFixture } from './_support';

const ROOT = path.join(__dirname, '../../..');
const examplesConfig = parseConfig(fs.readFileSync(path.join(ROOT, 'examples/.pir.yaml'), 'utf8')).config;

describe('rule catalogue', () => {
  it('a complete, well-formed review has no findings at all', () => {
    assert.deepEqual(checkFixture('complete.pir.md'), []);
    assert.deepEqual(lint(readFixture('complete.pir.md'), { config: examplesConfig }), [], 'with the example team configuration too');
    for (const status of ['draft', 'in-review']) {
      assert.deepEqual(lint(readFixture('complete.pir.md').replace('status: final', `status: ${status}`)), [], status);
    }
  });

  it('a realistic review with ten seeded problems gets each one, on its line, and nothing else', () => {
    const found = checkFixture('ten-problems.pir.md');
    assert.equal(found.length, 10);
    assert.equal(new Set(found.map(f => f.rule)).size, 10);
  });

  it('the complete example reviews stay clean (linted on the day of their review meeting, so no action is overdue yet)', () => {
    for (const [file, day] of [['2026-11-20-checkout-config-push.pir.md', '2026-11-24'], ['2026-10-02-queue-backlog.pir.md', '2026-10-07']]) {
      const text = fs.readFileSync(path.join(ROOT, 'examples/reviews', file), 'utf8');
      const { findings } = analyze(text, { uri: file, config: examplesConfig, now: new Date(`${day}T18:00:00Z`) });
      assert.deepEqual(findings.map(f => `${f.range.start.line + 1} ${f.rule}: ${f.message}`), [], file);
    }
  });

  it('every rule has a unique kebab-case id, a description, a docs page, a fixture and a test', () => {
    const ids = RULES.map(r => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.description.length > 20, r.id);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
      if (['missing-root-cause', 'vague-action', 'non-utc-timestamp'].includes(r.id)) continue; // the headline rules have their own tests
      assert.ok(fs.existsSync(path.join(ROOT, 'test/unit/fixtures/rules', `${r.id}.pir.md`)), `fixture for ${r.id}`);
      assert.ok(fs.existsSync(path.join(ROOT, 'test/unit/rules', `${r.id}.test.ts`)), `test for ${r.id}`);
    }
    for (const p of PARSE_RULES) assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${p.id}.md`)), `docs/rules/${p.id}.md`);
    const index = fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
    for (const id of [...ids, ...PARSE_RULES.map(p => p.id)]) assert.ok(index.includes(`(${id}.md)`), `README lists ${id}`);
  });

  it('the completeness rules are the ones relaxed in drafts', () => {
    const relaxed = RULES.filter(r => r.completeness).map(r => r.id).sort();
    assert.deepEqual(relaxed, ['action-done-unverified', 'action-fields', 'empty-section', 'major-incident', 'missing-root-cause', 'missing-section', 'no-action-items', 'required-roles', 'residual-risk-approver', 'wont-do-without-risk-acceptance']);
  });

  it('a draft of the ten-problems review keeps problems in what is written and relaxes what is missing', () => {
    const text = readFixture('ten-problems.pir.md').replace('status: in-review', 'status: draft');
    const bySeverity = Object.fromEntries(lint(text).map(f => [f.rule, f.severity]));
    assert.equal(bySeverity['empty-section'], 'info');
    assert.equal(bySeverity['action-done-unverified'], 'info');
    assert.equal(bySeverity['blameful-language'], 'warning');
    assert.equal(bySeverity['non-utc-timestamp'], 'warning');
    assert.equal(bySeverity['timeline-order'], 'warning');
  });

  it('CRLF documents: the complete review stays clean and fixes keep CRLF', () => {
    assert.deepEqual(lint(readFixture('complete.pir.md').replace(/\n/g, '\r\n')), []);
    const text = readFixture('rules/action-fields.pir.md').replace(/\n/g, '\r\n');
    const f = lint(text).find(x => x.rule === 'action-fields')!;
    const fix = f.fixes![0];
    const fixed = applyEdits(text, fix.edits.map(e => ({ ...e, newText: snippetToText(e.newText) }))).text;
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  });

  it('no rule throws, and every fix applies, on mutated and random reviews', function () {
    this.timeout(120000);
    const seeds = ['ten-problems.pir.md', 'complete.pir.md', 'rules/front-matter-schema.pir.md', 'rules/timeline-order.pir.md', 'rules/wont-do-without-risk-acceptance.pir.md'].map(readFixture);
    const check = (text: string) => {
      const { findings, review } = analyze(text, { uri: 'x.pir.md', now: new Date('2026-11-23T12:00:00Z') });
      for (const f of findings) {
        assert.doesNotMatch(f.message, /failed on this document/, f.message);
        assert.ok(f.range.start.line >= 0 && f.range.end.line < Math.max(1, review.lines.lineCount), `${f.rule}: range inside the document`);
        for (const fix of f.fixes ?? []) applyEdits(text, fix.snippet ? fix.edits.map(e => ({ ...e, newText: snippetToText(e.newText) })) : fix.edits);
      }
    };
    const parts = fc.constantFrom('---', 'major: true', 'major: yes', 'attendees:', '  - name: a', '    role: x', '  - b', 'residual_risks:', '  - risk: r', '  - 3',
      'started: 2026-11-10T08:00:00Z', 'detected: 2026-13-40T99:00:00Z', 'resolved: 2026-11-09T09:00:00Z', 'review_meeting: 2026-11-01', 'third_parties: [x]', 'status: final',
      '## Timeline', '## Action items', '## Root cause', '## What went well', '# T', '- 14:00 UTC — x [detected]', '- 13:00 UTC — y [mitigated]', '- 2026-11-10 12:00 CET — z',
      '| Time | Event |', '|---|---|', '| 14:00 UTC | x [resolved] |', '| Action | Owner | Status |', '| CAP-1: x | @a | done |', '- [ ] CAP-1: x', '- [x] CAP-1: y',
      '  - status: wont-do', '  - due: 2026-01-01', '  - due: soon', 'TBD', 'human error', 'should have checked', '@bob caused it', '> quote', '```', 'id: X', 'id: [', '');
    fc.assert(fc.property(fc.array(fc.oneof(parts, fc.string({ maxLength: 30 })), { maxLength: 60 }).map(l => l.join('\n')), check), { numRuns: 200 });
    const mutated = fc.tuple(fc.nat(seeds.length - 1), fc.nat(6000), fc.nat(300), fc.string({ maxLength: 40 }))
      .map(([i, at, del, ins]) => { const t = seeds[i]; const a = at % (t.length + 1); return t.slice(0, a) + ins + t.slice(a + del); });
    fc.assert(fc.property(mutated, check), { numRuns: 200 });
  });
});
