import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingsOf, readFixture } from './_support';

const NAME = 'rules/residual-risk-approver.pir.md';

describe('residual-risk-approver', () => {
  it('reports each residual risk without accepted_by or date on its first line', () => {
    const found = checkFixture(NAME);
    assert.match(found[0].message, /no accepted_by/);
    assert.match(found[1].message, /no accepted_by \(who accepted it\) and date/);
  });

  it('the fix adds the missing keys inside the item, aligned with its keys', () => {
    const text = readFixture(NAME);
    const [first, second] = findingsOf(text, 'residual-risk-approver');
    const a = applyFix(text, first);
    assert.match(a, /partial index\.\n    date: 2026-11-13\n    accepted_by: who accepted the risk\n  - risk: A manual/);
    const b = applyFix(text, second);
    assert.match(b, /not logged anywhere\. {2}# expect: residual-risk-approver\n    accepted_by: who accepted the risk\n    date: 2026-11-23\n/);
    assert.equal(findingsOf(a, 'residual-risk-approver').length, 1);
    assert.deepEqual(findingsOf(applyFix(b, findingsOf(b, 'residual-risk-approver')[0]), 'residual-risk-approver'), []);
  });

  it('an empty accepted_by counts as missing and is reported once; a misspelt key is front-matter-schema\'s', () => {
    const text = readFixture(NAME).replace('    accepted_by: Ana Pereira', '    accepted_by:');
    assert.equal(findingsOf(text, 'residual-risk-approver').length, 3);
    assert.deepEqual(findingsOf(text, 'front-matter-schema'), []);
    const typo = readFixture(NAME).replace('      Until CAP-60-1', '      Until CAP-60-1').replace(/(partial index\.\n)/, '$1    accepted-by: Ana Pereira\n');
    assert.equal(findingsOf(typo, 'residual-risk-approver').length, 1);
    assert.equal(findingsOf(typo, 'front-matter-schema').length, 1);
  });
});
