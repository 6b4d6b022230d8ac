import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/blameful-language.pir.md';

describe('blameful-language', () => {
  it('reports hindsight, judgement, blame and a person named as the cause, in prose and the timeline', () => {
    const found = checkFixture(NAME);
    assert.deepEqual(found.map(f => f.message.match(/^"([^"]+)"/)![1]),
      ['human error', 'failed to notice', 'should have checked', 'careless', '@liwei caused', "Ravi's mistake"]);
  });

  it('leaves alone code, quotes, block quotes, "blameless" and negated mentions', () => {
    const text = readFixture(NAME);
    for (const quiet of ['> Someone should have told', '08:14 <support>', '"who is to blame', 'blameless review: no one is at fault', '`should have`']) {
      const line = lineOf(text, quiet);
      assert.ok(!findingsOf(text, 'blameful-language').some(f => f.range.start.line + 1 === line), quiet);
    }
  });

  it('reports the exact words', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'blameful-language', lineOf(text, '@liwei caused'));
    const line = text.split('\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.end.character), '@liwei caused');
  });

  it('offers a reword where it is mechanical, as a snippet the author adjusts (never applied by --fix)', () => {
    const text = readFixture(NAME);
    const hindsight = findingsOf(text, 'blameful-language').find(f => /should have checked/.test(f.message))!;
    assert.equal(hindsight.fixes![0].title, 'Reword: "did not check"');
    assert.ok(hindsight.fixes![0].snippet && !hindsight.fixes![0].isPreferred);
    const fixed = applyFix(text, hindsight);
    assert.match(fixed, /Li Wei did not check the build status first/);
    assert.ok(!findingsOf(fixed, 'blameful-language').some(f => /should have/.test(f.message)));
    const failed = findingsOf(text, 'blameful-language').find(f => /failed to notice/.test(f.message))!;
    assert.match(applyFix(text, failed), /The on-call did not notice the second alert/);
    assert.ok(findingsOf(text, 'blameful-language').filter(f => /careless|caused|mistake|human error/.test(f.message)).every(f => !f.fixes));
  });

  it('adds the team\'s blamePhrases', () => {
    const text = readFixture(NAME);
    const found = findingsOf(text, 'blameful-language', { config: 'blamePhrases: [asleep at the wheel]' });
    const extra = found.find(f => /asleep at the wheel/.test(f.message))!;
    assert.match(extra.message, /blamePhrases in \.pir\.yaml/);
    assert.equal(extra.range.start.line + 1, lineOf(text, 'asleep at the wheel'));
  });

  it('leaves systems that "failed to" do something alone', () => {
    const text = readFixture(NAME).replace('The on-call failed to notice the second alert', 'The alert failed to page, and the pods failed to start');
    assert.ok(!findingsOf(text, 'blameful-language').some(f => /failed/.test(f.message)));
  });

  it('is not relaxed in a draft', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.ok(findingsOf(text, 'blameful-language').every(f => f.severity === 'warning'));
  });
});
