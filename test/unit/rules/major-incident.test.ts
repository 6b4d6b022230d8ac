import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/major-incident.pir.md';

describe('major-incident', () => {
  it('reports a major incident without an approver on the major key', () => {
    const [f] = checkFixture(NAME);
    assert.match(f.message, /`approver`/);
    assert.doesNotMatch(f.message, /major_rationale/);
  });

  it('the fix adds the approver before the closing fence', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'major-incident', lineOf(text, 'major: true'));
    assert.ok(f.fixes![0].snippet && f.fixes![0].isPreferred);
    const fixed = applyFix(text, f);
    assert.match(fixed, /authors: \[Ana Pereira\]\napprover: who signs off the review\n---\n/);
    assert.deepEqual(findingsOf(fixed, 'major-incident'), []);
  });

  it('asks for both rationale and approver, and treats an empty value as missing', () => {
    const text = readFixture(NAME).replace(/major_rationale: >-\n(  .*\n)+/, 'major_rationale:\n');
    const [f] = findingsOf(text, 'major-incident');
    assert.match(f.message, /`approver`.*and `major_rationale`|`major_rationale`.*and `approver`/);
    assert.deepEqual(findingsOf(text, 'front-matter-schema'), [], 'the empty rationale is reported once');
  });

  it('no major key: reported on the first line, with a fix for each answer and none preferred', () => {
    const text = readFixture(NAME).replace(/major: true.*\nmajor_rationale: >-\n(  .*\n)+/, '');
    const f = findingAt(text, 'major-incident', 1);
    assert.deepEqual(f.fixes!.map(x => x.title), ['Not a major incident: add "major: false"', 'A major incident: add "major: true" with its rationale and approver']);
    assert.ok(f.fixes!.every(x => !x.isPreferred));
    assert.deepEqual(findingsOf(applyFix(text, f, 0), 'major-incident'), []);
    const yes = applyFix(text, f, 1);
    assert.match(yes, /major: true\nmajor_rationale: why this incident is major \(impact, duration, the threshold it crossed\)\napprover: who signs off the review\n---/);
    assert.deepEqual(findingsOf(yes, 'major-incident'), []);
  });

  it('is relaxed to info in a draft; `major: false` needs nothing more', () => {
    const text = readFixture(NAME);
    assert.equal(findingsOf(text.replace('status: in-review', 'status: draft'), 'major-incident')[0].severity, 'info');
    assert.deepEqual(findingsOf(text.replace('major: true', 'major: false'), 'major-incident'), []);
  });
});
