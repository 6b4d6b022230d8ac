import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { findingsOf, readFixture } from './_support';

const NAME = 'rules/action-overdue.pir.md';

describe('action-overdue', () => {
  it('reports open, in-progress and blocked items past their due date, on the date', () => {
    const found = checkFixture(NAME);
    assert.match(found[0].message, /CAP-60-1 was due 3 days ago and is still open/);
    assert.match(found[1].message, /CAP-60-2 was due 22 days ago and is still in-progress/);
  });

  it('has no fix; a new date or ticking the item off with evidence clears it', () => {
    const text = readFixture(NAME);
    assert.ok(findingsOf(text, 'action-overdue').every(f => !f.fixes));
    const moved = text.replace('due: 2026-11-20', 'due: 2026-12-04');
    assert.equal(findingsOf(moved, 'action-overdue').length, 1);
    const done = moved.replace('- [ ] CAP-60-2', '- [x] CAP-60-2').replace('  - status: in-progress', '  - evidence: https://tracker.example.com/SRCH-302#done');
    assert.deepEqual(findingsOf(done, 'action-overdue'), []);
  });

  it('uses the date it is run on', () => {
    assert.deepEqual(findingsOf(readFixture(NAME), 'action-overdue', { now: new Date('2026-10-30T09:00:00Z') }), []);
    assert.equal(findingsOf(readFixture(NAME), 'action-overdue', { now: new Date('2026-11-24T09:00:00Z') }).length, 3, 'blocked since the 23rd');
  });
});
