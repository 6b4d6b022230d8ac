import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingsOf, readFixture } from './_support';

const NAME = 'rules/no-action-items.pir.md';

describe('no-action-items', () => {
  it('reports a major incident whose Action items section has no item', () => {
    const [f] = checkFixture(NAME);
    assert.match(f.message, /major incident but the review has no action items/);
  });

  it('the fix adds a task item with its fields after the section\'s text', () => {
    const text = readFixture(NAME);
    const [f] = findingsOf(text, 'no-action-items');
    assert.ok(f.fixes![0].snippet && f.fixes![0].isPreferred);
    const fixed = applyFix(text, f);
    assert.match(fixed, /next search planning meeting\.\n\n- \[ \] CAP-1: specific change to a named system\n  - owner: @owner\n  - due: 2026-12-21\n  - validation: how we will know it worked: a test, a drill, a query\n  - tracking: link to the ticket\n$/);
    assert.deepEqual(findingsOf(fixed, 'no-action-items'), []);
  });

  it('only for major incidents; an empty or missing section is reported by the structure rules', () => {
    const text = readFixture(NAME);
    assert.deepEqual(findingsOf(text.replace('major: true', 'major: false'), 'no-action-items'), []);
    assert.deepEqual(findingsOf(text.replace(/We will agree[^\n]*\n/, 'TBD\n'), 'no-action-items'), []);
    assert.deepEqual(findingsOf(text.replace(/<!-- expect: no-action-items -->\n## Action items[\s\S]*$/, ''), 'no-action-items'), []);
    const notRequired = findingsOf(text.replace(/<!-- expect: no-action-items -->\n## Action items[\s\S]*$/, ''), 'no-action-items', { config: 'requiredSections: [Summary]' });
    assert.equal(notRequired.length, 1);
    assert.equal(notRequired[0].fixes![0].title, 'Add the "Action items" section');
  });
});
