import assert from 'node:assert/strict';
import type { WorkspaceFacts } from '../../../src/core';
import { checkFixtureWith, findingsOf, readFixture } from './_support';

const NAME = 'rules/duplicate-review-id.pir.md';
const workspace = (files: string[]): WorkspaceFacts => ({ actionIds: new Map(), reviewIds: new Map([['INC-2026-060', files]]) });

describe('duplicate-review-id', () => {
  it('reports an id that another file of the workspace uses, on the id value', () => {
    const [f] = checkFixtureWith(NAME, { workspace: workspace([NAME, 'reviews/2026-11-10-search-suggest.pir.md']) });
    assert.match(f.message, /also used by 2026-11-10-search-suggest\.pir\.md/);
    assert.equal(f.fixes, undefined);
  });

  it('is silent when only this file uses it, or without a workspace', () => {
    const text = readFixture(NAME);
    assert.deepEqual(findingsOf(text, 'duplicate-review-id', { uri: NAME, workspace: workspace([NAME]) }), []);
    assert.deepEqual(findingsOf(text, 'duplicate-review-id', { uri: NAME }), []);
    assert.deepEqual(findingsOf(text, 'duplicate-review-id', { uri: `file:///work/${NAME}`, workspace: workspace([`file:///work/${NAME}`]) }), []);
  });
});
