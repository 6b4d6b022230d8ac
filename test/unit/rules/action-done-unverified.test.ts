import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/action-done-unverified.pir.md';

describe('action-done-unverified', () => {
  it('reports a ticked item and a status: done item without evidence', () => {
    const found = checkFixture(NAME);
    assert.match(found[0].message, /CAP-60-2 is marked done but has no evidence:/);
    assert.match(found[1].message, /CAP-60-3 is marked done but has no evidence and no validation/);
  });

  it('the preferred fix adds an evidence field; the other unticks the item', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'action-done-unverified', lineOf(text, 'CAP-60-2:'));
    assert.deepEqual(f.fixes!.map(x => [x.title, !!x.isPreferred]), [['Add evidence', true], ['Not verified yet: mark it open again', false]]);
    const fixed = applyFix(text, f);
    assert.match(fixed, /tracking: https:\/\/tracker\.example\.com\/SRCH-302\n  - evidence: link to the merged change, closed ticket or drill result\n/);
    assert.ok(!findingsOf(fixed, 'action-done-unverified').some(x => /CAP-60-2/.test(x.message)));
    const reopened = applyFix(text, f, 1);
    assert.match(reopened, /- \[ \] CAP-60-2:/);
    assert.ok(!findingsOf(reopened, 'action-done-unverified').some(x => /CAP-60-2/.test(x.message)));
  });

  it('is relaxed to info in a draft', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.ok(findingsOf(text, 'action-done-unverified').every(f => f.severity === 'info'));
  });
});
