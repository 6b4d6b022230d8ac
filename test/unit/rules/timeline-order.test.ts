import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingsOf, readFixture } from './_support';

const NAME = 'rules/timeline-order.pir.md';

describe('timeline-order', () => {
  it('reports each entry earlier than the one above it, on its stamp', () => {
    const found = checkFixture(NAME);
    assert.match(found[0].message, /08:06 UTC on 2026-11-10\) is earlier than the one above it on line 35 \(08:25 UTC/);
  });

  it('the fix sorts the list, stable, each item with its nested lines', () => {
    const text = readFixture(NAME);
    const [f, g] = findingsOf(text, 'timeline-order');
    assert.ok(f.fixes![0].isPreferred && !f.fixes![0].snippet);
    assert.deepEqual(f.fixes, g.fixes, 'one sort for the whole list');
    const fixed = applyFix(text, f);
    assert.ok(fixed.includes(`- 2026-11-10 08:00 UTC — Nightly job points the suggest alias at an index that is still building
- 08:06 UTC — Alert suggest_empty_ratio above 20% pages the search on-call [detected]
- 08:25 UTC — Alias pointed back at the previous index [mitigated]
  - with \`suggestctl alias set suggest idx-1109\`, from the runbook's appendix
  <!-- expect: timeline-order -->
- 08:29 UTC — Search on-call posts in the incident channel that suggestions are back
- 08:31 UTC — Suggestion requests back to their usual rate
  <!-- expect: timeline-order -->
- 09:00 UTC — New index complete, checked and swapped in; incident closed [resolved]
`), fixed);
    assert.deepEqual(findingsOf(fixed, 'timeline-order'), []);
    assert.equal(fixed.length, text.length, 'nothing lost or added');
  });

  it('writes out a date that would otherwise change when an entry moves', () => {
    const text = readFixture(NAME).replace(/## Timeline\n\n[\s\S]*?\n\n## Response/, `## Timeline

- 2026-11-10 23:50 UTC — Nightly job points the suggest alias at a building index
- 2026-11-11 00:20 UTC — Alias pointed back at the previous index
- 00:10 UTC — Alert suggest_empty_ratio above 20% pages the search on-call
- 2026-11-10 23:58 UTC — Catalogue import finishes

## Response`);
    const found = findingsOf(text, 'timeline-order');
    assert.equal(found.length, 2);
    const fixed = applyFix(text, found[0]);
    assert.match(fixed, /- 2026-11-10 23:50 UTC — Nightly[^\n]*\n- 2026-11-10 23:58 UTC — Catalogue[^\n]*\n- 2026-11-11 00:10 UTC — Alert[^\n]*\n- 2026-11-11 00:20 UTC — Alias/);
    assert.deepEqual(findingsOf(fixed, 'timeline-order'), []);
  });

  it('a time after midnight without its date: the message says to write the date', () => {
    const text = readFixture(NAME).replace(/## Timeline\n\n[\s\S]*?\n\n## Response/, '## Timeline\n\n- 2026-11-10 23:50 UTC — Swap\n- 00:10 UTC — Page\n\n## Response');
    assert.match(findingsOf(text, 'timeline-order')[0].message, /write its date \(2026-11-11\)/);
  });

  it('sorts table rows too', () => {
    const text = readFixture(NAME).replace(/## Timeline\n\n[\s\S]*?\n\n## Response/, `## Timeline

| Time (UTC) | Event |
|---|---|
| 2026-11-10 08:00 UTC | Nightly job points the alias at a building index |
| 08:25 UTC | Alias pointed back [mitigated] |
| 08:06 UTC | Alert pages the search on-call [detected] |
| 09:00 UTC | Incident closed [resolved] |

## Response`);
    const [f] = findingsOf(text, 'timeline-order');
    const fixed = applyFix(text, f);
    assert.match(fixed, /\|---\|---\|\n\| 2026-11-10 08:00 UTC \|[^\n]*\n\| 08:06 UTC \|[^\n]*\n\| 08:25 UTC \|[^\n]*\n\| 09:00 UTC \|/);
    assert.deepEqual(findingsOf(fixed, 'timeline-order'), []);
  });

  it('leaves entries without a known UTC time out of the comparison', () => {
    const text = readFixture(NAME).replace('- 08:06 UTC — Alert', '- 08:06 — Alert');
    assert.equal(findingsOf(text, 'timeline-order').length, 1);
  });
});
