import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/timeline-milestones.pir.md';

describe('timeline-milestones', () => {
  it('reports a missing mitigation, a tag that disagrees with the front matter, and an untagged milestone entry', () => {
    const found = checkFixture(NAME);
    assert.deepEqual(found.map(f => f.severity), ['warning', 'warning', 'info']);
    assert.match(found[1].message, /\[detected\] entry is at 08:09 UTC .* `detected: 2026-11-10T08:06:00Z`/);
  });

  it('the fix tags the entry whose time matches the front matter', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'timeline-milestones', lineOf(text, '- 09:00 UTC'));
    assert.ok(f.fixes![0].isPreferred);
    const fixed = applyFix(text, f);
    assert.match(fixed, /- 09:00 UTC — New index complete, checked and swapped in; incident closed \[resolved\]\n/);
    assert.equal(findingsOf(fixed, 'timeline-milestones').length, 2);
  });

  it('tags a table row inside its last cell', () => {
    const text = readFixture(NAME).replace(/## Timeline\n\n[\s\S]*?\n\n## Response/, `## Timeline

| Time (UTC) | Event |
|---|---|
| 2026-11-10 08:06 UTC | Alert pages the search on-call |
| 08:25 UTC | Alias pointed back at the previous index |
| 09:00 UTC | Incident closed  |

## Response`);
    const found = findingsOf(text, 'timeline-milestones');
    assert.equal(found.length, 3);
    const fixed = found.reduce((t, f) => applyFix(t, f), text);
    assert.match(fixed, /\| 2026-11-10 08:06 UTC \| Alert pages the search on-call \[detected\] \|\n\| 08:25 UTC \| Alias pointed back at the previous index \[mitigated\] \|\n\| 09:00 UTC \| Incident closed \[resolved\]  \|/);
    assert.deepEqual(findingsOf(fixed, 'timeline-milestones'), []);
  });

  it('a tag with no front matter key: the fix adds the key with the entry\'s time', () => {
    const text = readFixture(NAME).replace(/^detected: .*\n/m, '');
    const f = findingAt(text, 'timeline-milestones', lineOf(text, '[detected]'));
    assert.equal(f.severity, 'info');
    const fixed = applyFix(text, f);
    assert.match(fixed, /\ndetected: 2026-11-10T08:09:00Z\n---/);
    assert.ok(!findingsOf(fixed, 'timeline-milestones').some(x => /\[detected\]/.test(x.message)));
  });

  it('an untagged entry that says what happened counts; a second tag is reported', () => {
    const text = readFixture(NAME).replace('- 09:00 UTC — New index', '- 08:27 UTC — Alias rolled back to the previous index\n- 08:40 UTC — Second page [detected]\n- 09:00 UTC — New index');
    const found = findingsOf(text, 'timeline-milestones');
    assert.ok(!found.some(f => /mitigated/.test(f.message)), 'rolled back reads as the mitigation');
    assert.ok(found.some(f => /second \[detected\] tag/i.test(f.message)));
  });

  it('the missing milestone is info in a draft; a review without a timeline is not checked', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.equal(findingsOf(text, 'timeline-milestones')[0].severity, 'info');
    assert.deepEqual(findingsOf(text.replace(/## Timeline\n\n[\s\S]*?\n\n## Response/, '## Timeline\n\nAll times in UTC.\n\n## Response'), 'timeline-milestones'), []);
  });
});
