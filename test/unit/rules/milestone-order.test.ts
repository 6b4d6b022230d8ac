import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/milestone-order.pir.md';

describe('milestone-order', () => {
  it('reports a milestone earlier than the one before it, on its value (the timeline tag disagrees too)', () => {
    const found = checkFixture(NAME);
    const f = found.find(x => x.rule === 'milestone-order')!;
    assert.match(f.message, /"resolved" \(09:00 UTC on 2026-11-09\) is before "mitigated" \(08:25 UTC on 2026-11-10\)/);
    assert.equal(f.severity, 'error');
  });

  it('has no fix (which one is wrong is for the author), and correcting the date clears it', () => {
    const text = readFixture(NAME);
    assert.equal(findingsOf(text, 'milestone-order')[0].fixes, undefined);
    assert.deepEqual(findingsOf(text.replace('resolved: 2026-11-09', 'resolved: 2026-11-10'), 'milestone-order'), []);
  });

  it('compares each milestone with the latest one before it, skipping missing and invalid ones', () => {
    const text = readFixture(NAME).replace('resolved: 2026-11-09T09:00:00Z', 'resolved: 2026-11-10T09:00:00Z')
      .replace('detected: 2026-11-10T08:06:00Z', 'detected: 2026-11-10T07:50:00Z').replace('mitigated: 2026-11-10T08:25:00Z', 'mitigated: soon');
    const found = findingsOf(text, 'milestone-order');
    assert.deepEqual(found.map(f => f.range.start.line + 1), [lineOf(text, 'detected: 2026-11-10T07:50')]);
  });
});
