import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

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

  it('offers to scaffold the analysis under the cause, keeping the author\'s words', () => {
    const text = readFixture(NAME);
    const human = findingAt(text, 'shallow-root-cause', lineOf(text, 'Human error.'));
    const fix = human.fixes![0];
    assert.match(fix.title, /what made it possible, what let it cause harm/);
    assert.ok(fix.snippet && !fix.isPreferred, 'a snippet for the author to fill, never applied by --fix');
    const fixed = applyFix(text, human);
    const lines = fixed.split('\n');
    const at = lines.findIndex(l => l.startsWith('- **What made it possible:**'));
    // after the paragraph, a blank line, then the two questions; the paragraph itself unchanged
    assert.equal(lines[at - 2], 'Human error. The on-call ran the swap by hand, and the swap job checks that the new index');
    assert.equal(lines[at - 1], '');
    assert.match(lines[at + 1], /^- \*\*What let it cause harm:\*\* why nothing stopped or contained it/);
    assert.ok(fixed.includes('the engineer forgot to wait for the build to finish.'));
    // once the analysis is there, the fix is not offered again in that section
    assert.ok(!findingAt(fixed, 'shallow-root-cause', lineOf(fixed, 'Human error.')).fixes);
  });

  it('under a list item the questions are sibling items', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'shallow-root-cause', lineOf(text, 'A mistake by the release manager'));
    const fixed = applyFix(text, f);
    const lines = fixed.split('\n');
    const at = lines.findIndex(l => l.startsWith('- A mistake by the release manager'));
    assert.match(lines[at + 1], /^- \*\*What made it possible:\*\* /);
    assert.match(lines[at + 2], /^- \*\*What let it cause harm:\*\* /);
  });

  it('describing the conditions clears it', () => {
    const text = readFixture(NAME);
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
