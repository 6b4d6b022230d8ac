import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingsOf, lint, readFixture } from './_support';

const NAME = 'rules/timestamp-missing-date.pir.md';

describe('timestamp-missing-date', () => {
  it('reports a first entry with no date when there is no started key', () => {
    const [f] = checkFixture(NAME);
    assert.match(f.message, /it and 3 more entries after it have no date/);
    assert.match(f.message, /"2026-11-10 08:00 UTC"/);
  });

  it('the fix writes a date before the time (the day of the earliest milestone), and every entry gets a date', () => {
    const text = readFixture(NAME);
    const [f] = findingsOf(text, 'timestamp-missing-date');
    assert.ok(f.fixes![0].snippet && f.fixes![0].isPreferred);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n- 2026-11-10 08:00 UTC — Nightly job/);
    assert.deepEqual(lint(fixed), []);
  });

  it('a `started` key gives the first entry its date; without milestones the file name does', () => {
    const text = readFixture(NAME);
    assert.deepEqual(findingsOf(text.replace('detected:', 'started: 2026-11-10T08:00:00Z\ndetected:'), 'timestamp-missing-date'), []);
    const bare = text.replace(/^(detected|mitigated|resolved): .*\n/gm, '');
    const [f] = findingsOf(bare, 'timestamp-missing-date', { uri: 'reviews/2026-11-10-search-suggest.pir.md' });
    assert.match(applyFix(bare, f), /\n- 2026-11-10 08:00 UTC — Nightly job/);
  });
});
