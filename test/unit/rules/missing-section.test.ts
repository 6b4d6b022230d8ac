import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingsOf, lint, readFixture } from './_support';

const NAME = 'rules/missing-section.pir.md';

describe('missing-section', () => {
  it('reports each missing required section on the title, and ignores extra headings', () => {
    const found = checkFixture(NAME).filter(f => f.rule === 'missing-section');
    assert.match(found[0].message, /No "Impact" section/);
    assert.match(found[1].message, /No "Where we got lucky" section/);
  });

  it('the fix inserts the heading and its prompt where the format puts it; empty-section then asks for content', () => {
    const text = readFixture(NAME);
    const f = findingsOf(text, 'missing-section').find(x => /Impact/.test(x.message))!;
    assert.ok(f.fixes![0].snippet && f.fixes![0].isPreferred);
    const fixed = applyFix(text, f);
    assert.match(fixed, /## Summary[\s\S]*pointing the alias back ended the impact\.\n\n## Impact\n\nWho was affected, how, for how long; the numbers \(requests failed, users, revenue, SLO budget\)\.\n\n## Timeline/i);
    const after = lint(fixed);
    assert.deepEqual(after.filter(x => x.rule === 'missing-section').map(x => x.message.slice(0, 30)), ['No "Where we got lucky" sectio']);
    assert.ok(after.some(x => x.rule === 'empty-section' && /Impact/.test(x.message)), 'the prompt alone is still an empty section');
  });

  it('a section at the end of the format goes at the end of the document', () => {
    const text = readFixture(NAME);
    const f = findingsOf(text, 'missing-section', { config: 'requiredSections: [Summary, Open questions]' })[0];
    assert.match(f.message, /Open questions/);
    const fixed = applyFix(text, f);
    assert.match(fixed, /tracking: https:\/\/tracker\.example\.com\/SRCH-302\n\n## Open questions\n\nEach unknown with the person who will follow it up\.\n$/);
    assert.equal(findingsOf(fixed, 'missing-section', { config: 'requiredSections: [Summary, Open questions]' }).length, 0);
  });

  it('leaves a missing root cause to missing-root-cause, and follows requiredSections', () => {
    const text = readFixture(NAME).replace(/## Root cause\n[\s\S]*?(?=## Contributing)/, '');
    const rules = lint(text).map(f => f.rule);
    assert.equal(rules.filter(r => r === 'missing-root-cause').length, 1);
    assert.equal(rules.filter(r => r === 'missing-section').length, 2);
    assert.equal(findingsOf(text, 'missing-section', { config: 'requiredSections: [Summary, Timeline]' }).length, 0);
  });

  it('an alias counts as the section', () => {
    const text = readFixture(NAME).replace('## Lessons learned', '## Key takeaways').replace('## Summary', '## Executive summary');
    assert.equal(findingsOf(text, 'missing-section').length, 2);
  });

  it('is relaxed to info in a draft', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.deepEqual(findingsOf(text, 'missing-section').map(f => f.severity), ['info', 'info']);
  });
});
