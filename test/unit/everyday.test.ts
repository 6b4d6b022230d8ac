// The small frictions of everyday use (issue 18), where they live in the core.
import assert from 'node:assert/strict';
import { analyze, applyEdits, automaticFixes, type Finding } from '../../src/core';
import { FIXTURE_NOW, readFixture } from './helpers/fixtures';

const range = (l: number, a: number, b: number) => ({ start: { line: l, character: a }, end: { line: l, character: b } });
const finding = (rule: string, edits: { range: ReturnType<typeof range>; newText: string }[]): Finding =>
  ({ rule, message: rule, severity: 'warning', range: edits[0].range, fixes: [{ title: rule, edits, isPreferred: true }] }) as Finding;

describe('everyday use', () => {
  describe('fix-all counts the changes it makes', () => {
    it('one change per fix applied whole: a shared sort counts once, an overlapping fix waits, a fix that writes what is there is not counted', () => {
      const text = 'alpha beta gamma\ndelta\n';
      const sort = finding('a', [range(0, 0, 5), range(0, 11, 16)].map((r, i) => ({ range: r, newText: i ? 'alpha' : 'gamma' })));
      const again = { ...sort, rule: 'b' };
      const overlapping = finding('c', [{ range: range(0, 3, 8), newText: 'X' }]);
      const noop = finding('d', [{ range: range(1, 0, 5), newText: 'delta' }]);
      const other = finding('e', [{ range: range(1, 0, 5), newText: 'DELTA' }]);
      const r = automaticFixes(text, [sort, again, overlapping, noop, other]);
      assert.equal(r.fixes, 2);
      assert.equal(r.edits.length, 3);
      assert.equal(applyEdits(text, r.edits).text, 'gamma beta alpha\nDELTA\n');
    });

    it('on a review: the timeline sort reported on two entries is one change', () => {
      const text = readFixture('rules/timeline-order.pir.md');
      const findings = analyze(text, { uri: 't.pir.md', now: FIXTURE_NOW }).findings;
      const sorts = findings.filter(f => f.rule === 'timeline-order');
      assert.equal(sorts.length, 2);
      const r = automaticFixes(text, sorts);
      assert.equal(r.fixes, 1);
      assert.ok(r.edits.length >= 1);
    });
  });
});
