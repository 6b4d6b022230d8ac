import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyEdits, automaticFixEdits } from '../../src/core';
import { readFixture } from './helpers/fixtures';

const SEED = readFixture('cli/headline-problems.pir.md');

/** Inputs a review must survive: random text, random Markdown-ish lines, and mutations of a real review. */
const markdownish = fc.array(fc.oneof(
  fc.constantFrom('---', '## Timeline', '## Action items', '## Root cause', '# Title', '```', '~~~', '<!--', '-->', '| a | b |', '|---|---|', '- [ ] CAP-1: x', '  - owner: @a', '- 14:00 UTC — x', '- 25:99 PDT — y', 'id: [', 'major: true', 'timezone: Nowhere/Else', '<!-- pir-disable -->', '\r', '\t', '\uFEFF', ''),
  fc.string({ maxLength: 40 }),
), { maxLength: 60 }).map(lines => lines.join('\n'));

const mutated = fc.tuple(fc.nat(SEED.length), fc.nat(200), fc.string({ maxLength: 30 }))
  .map(([at, del, ins]) => SEED.slice(0, at) + ins + SEED.slice(at + del));

function survives(text: string) {
  const { review, findings } = analyze(text);
  for (const f of findings) {
    assert.ok(f.range.start.line >= 0 && f.range.end.line < Math.max(1, review.lines.lineCount), `${f.rule} range inside the document`);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
  }
  // fixes apply without throwing and keep the text a string
  const edits = automaticFixEdits(findings);
  assert.equal(typeof applyEdits(text, edits).text, 'string');
}

describe('robustness: never throws, always a model and findings', () => {
  it('random unicode text', () => fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), survives), { numRuns: 300 }));
  it('random Markdown-ish documents', () => fc.assert(fc.property(markdownish, survives), { numRuns: 400 }));
  it('mutations of a real review', () => fc.assert(fc.property(mutated, survives), { numRuns: 400 }));

  it('an empty file reports the missing parts, not a crash', () => {
    const { findings } = analyze('');
    assert.ok(findings.length > 0);
  });

  it('a 10 MB file is analysed partially, with a finding that says so', function () {
    this.timeout(30000);
    const big = SEED + '\n' + 'Some long prose line about what happened during the incident.\n'.repeat(170_000);
    assert.ok(big.length > 10_000_000);
    const { findings, review } = analyze(big);
    assert.ok(review.partial);
    assert.ok(findings.some(f => f.rule === 'file-too-large'));
    assert.equal(review.frontMatter?.data.id, 'INC-2026-101', 'the front matter is still read');
  });

  it('a binary file renamed .pir.md gets one clear error', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const { findings } = analyze(new TextDecoder().decode(bytes));
    assert.deepEqual(findings.map(f => f.rule), ['unreadable-file']);
  });
});
