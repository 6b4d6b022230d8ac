import assert from 'node:assert/strict';
import type { WorkspaceFacts } from '../../../src/core';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, checkFixtureWith, findingsOf, readFixture } from './_support';

const NAME = 'rules/duplicate-action-id.pir.md';

describe('duplicate-action-id', () => {
  it('reports the second use of an ID in a review', () => {
    const [f] = checkFixture(NAME);
    assert.match(f.message, /CAP-60-2 is already used on line 75/);
  });

  it('the fix renames it to the next free ID', () => {
    const text = readFixture(NAME);
    const [f] = findingsOf(text, 'duplicate-action-id');
    assert.ok(f.fixes![0].isPreferred && !f.fixes![0].snippet);
    const fixed = applyFix(text, f);
    assert.match(fixed, /- \[ \] CAP-60-3: Alert when the nightly index build/);
    assert.deepEqual(findingsOf(fixed, 'duplicate-action-id'), []);
  });

  it('reports an ID another review of the workspace defines, with a rename that avoids every ID in use', () => {
    const text = readFixture(NAME).replace(/<!-- expect: duplicate-action-id -->\n- \[ \] CAP-60-2/, '- [ ] CAP-60-3');
    const workspace: WorkspaceFacts = {
      reviewIds: new Map(),
      actionIds: new Map([['CAP-60-1', [NAME, 'other/2026-10-01-older.pir.md']], ['CAP-60-4', ['other/2026-10-01-older.pir.md']], ['CAP-60-2', [NAME]], ['CAP-60-3', [NAME]]]),
    };
    const [f] = findingsOf(text, 'duplicate-action-id', { uri: NAME, workspace });
    assert.match(f.message, /CAP-60-1 is also an action in 2026-10-01-older\.pir\.md/);
    const fix = f.fixes![0];
    assert.ok(fix.snippet && !fix.isPreferred, 'not applied by pir lint --fix: both files would be renamed');
    const fixed = applyFix(text, f);
    assert.match(fixed, /- \[ \] CAP-60-5: Make the swap job/);
    assert.deepEqual(findingsOf(fixed, 'duplicate-action-id', { uri: NAME, workspace: { ...workspace, actionIds: new Map([...workspace.actionIds, ['CAP-60-1', ['other/2026-10-01-older.pir.md']]]) } }), []);
  });

  it('the fixture with a workspace that knows only this file reports only the local duplicate', () => {
    checkFixtureWith(NAME, { workspace: { reviewIds: new Map(), actionIds: new Map([['CAP-60-1', [NAME]], ['CAP-60-2', [NAME]]]) } });
  });
});
