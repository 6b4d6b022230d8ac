import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { findingsOf, readFixture } from './_support';

const NAME = 'rules/shallow-root-cause.pir.md';

describe('shallow-root-cause', () => {
  it('reports "human error", "forgot to" and "a mistake by" in the cause sections, not a negated mention or code', () => {
    const found = checkFixture(NAME).filter(f => f.rule === 'shallow-root-cause');
    assert.deepEqual(found.map(f => f.message.match(/^"([^"]+)"/)![1]), ['Human error', 'forgot to', 'A mistake by']);
    assert.match(found[0].message, /what made the error possible/);
  });

  it('reports the exact words', () => {
    const text = readFixture(NAME);
    const f = findingsOf(text, 'shallow-root-cause')[1];
    const line = text.split('\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.end.character), 'forgot to');
  });

  it('has no mechanical fix: describing the conditions clears it', () => {
    const text = readFixture(NAME);
    assert.ok(findingsOf(text, 'shallow-root-cause').every(f => !f.fixes));
    const rewritten = text
      .replace('Human error. The on-call ran the swap by hand, and the swap job', 'The swap job')
      .replace('; the engineer forgot to wait for the build to finish.', ', and the manual runbook has no step that waits for the build.')
      .replace('A mistake by the release manager scheduled', 'The release calendar does not show index builds, so it scheduled');
    assert.equal(findingsOf(rewritten, 'shallow-root-cause').length, 0);
  });

  it('outside the cause sections the same words are blameful-language, reported once', () => {
    const text = readFixture(NAME);
    const line = text.split('\n').findIndex(l => l.includes('first responder forgot to post'));
    const all = [...findingsOf(text, 'shallow-root-cause'), ...findingsOf(text, 'blameful-language')].filter(f => f.range.start.line === line);
    assert.deepEqual(all.map(f => f.rule), ['blameful-language']);
  });
});
