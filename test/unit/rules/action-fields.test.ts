import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/action-fields.pir.md';

describe('action-fields', () => {
  it('reports the fields an open item lacks on its title line, and a due date that is not a date', () => {
    const found = checkFixture(NAME);
    assert.match(found[0].message, /CAP-60-1 has no validation .* or tracking link/);
    assert.match(found[1].message, /CAP-60-2 has no owner/);
    assert.match(found[2].message, /"next sprint"/);
  });

  it('the fix adds the missing fields as nested snippet placeholders under the item', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'action-fields', lineOf(text, 'CAP-60-1:'));
    const fix = f.fixes![0];
    assert.ok(fix.snippet && fix.isPreferred);
    assert.equal(fix.edits[0].newText, '\n  - validation: ${1:how we will know it worked: a test, a drill, a query}\n  - tracking: ${2:link to the ticket}');
    const fixed = applyFix(text, f);
    assert.match(fixed, /  - due: 2026-12-04\n  - validation: how we will know it worked: a test, a drill, a query\n  - tracking: link to the ticket\n<!-- expect: action-fields -->\n- \[ \] CAP-60-2/);
    // a placeholder left as it is still counts as missing; filled in, the finding goes
    assert.match(findingsOf(fixed, 'action-fields').find(x => /CAP-60-1/.test(x.message))!.message, /no validation .* or tracking link/);
    const filled = fixed.replace('how we will know it worked: a test, a drill, a query', 'the swap job refuses an incomplete index in staging').replace('link to the ticket', 'https://tracker.example.com/SRCH-301');
    assert.ok(!findingsOf(filled, 'action-fields').some(x => /CAP-60-1/.test(x.message)));
  });

  it('an item without nested fields gets them at the item\'s indentation; a missing due date is a date four weeks ahead', () => {
    const text = readFixture(NAME).replace(/- \[ \] CAP-60-1: (.*)\n  - owner: .*\n  - due: .*\n/, '- [ ] CAP-60-1: $1\n');
    const f = findingAt(text, 'action-fields', lineOf(text, 'CAP-60-1:'));
    const fixed = applyFix(text, f);
    assert.match(fixed, /reports its build as complete\n  - owner: @owner\n  - due: 2026-12-21\n  - validation: /);
    // the due date is real; the owner, validation and tracking are placeholders until filled in
    assert.match(findingsOf(fixed, 'action-fields').find(x => /CAP-60-1/.test(x.message))!.message, /CAP-60-1 has no owner .*, validation .* or tracking link/);
  });

  it('follows actionFields from .pir.yaml (aliases allowed)', () => {
    const text = readFixture(NAME);
    const found = findingsOf(text, 'action-fields', { config: 'actionFields: [owner, ticket]' });
    assert.deepEqual(found.map(f => f.message.slice(0, 40)), ['CAP-60-1 has no tracking link (the ticke', 'CAP-60-2 has no owner (one person or tea', 'The due date of CAP-60-4 is "next sprint']);
  });

  it('fixes fill what the team requires: the vague-action rewrite and the Add fix both carry type and tracking when .pir.yaml asks for them', () => {
    const config = 'actionFields: [owner, due, validation, type, tracking]';
    const text = '---\nid: INC-9\ntitle: T\nstatus: in-review\n---\n## Action items\n\n- [ ] Improve monitoring\n- [ ] CAP-9-2: Add an alert on queue age above 5 minutes\n  - owner: @ana\n';
    const vague = findingsOf(text, 'vague-action', { config })[0];
    const rewritten = applyFix(text, vague);
    assert.match(rewritten, /CAP-9-3: Improve monitoring[^\n]*\n  - owner: @owner\n  - due: \d{4}-\d\d-\d\d\n  - type: prevent\n  - validation: how we will know the change works\n  - tracking: link to the ticket\n/);
    // every required field is there; once the author fills the placeholders (which count as missing), nothing is left to report
    const fill = (t: string) => t.replace(/@owner/g, '@ana').replace(/how we will know (the change works|it worked: a test, a drill, a query)/g, 'a staged queue backlog pages within 10 minutes').replace(/link to the ticket/g, 'https://tracker.example.com/OPS-9');
    assert.ok(!findingsOf(fill(rewritten), 'action-fields', { config }).some(f => /CAP-9-3/.test(f.message)), 'no field left out by the rewrite');
    const add = findingAt(text, 'action-fields', lineOf(text, 'CAP-9-2:'), { config });
    assert.equal(add.fixes![0].title, 'Add due, type, validation, tracking');
    const added = applyFix(text, add);
    assert.ok(!findingsOf(fill(added), 'action-fields', { config }).some(f => /CAP-9-2/.test(f.message)));
    // a team that asks for less gets less: no tracking line in the rewrite
    const lean = applyFix(text, findingsOf(text, 'vague-action', { config: 'actionFields: [owner, due]' })[0]);
    assert.doesNotMatch(lean, /tracking:/);
  });

  it('table items are reported without a fix', () => {
    const text = readFixture(NAME).replace(/## Action items\n[\s\S]*$/, `## Action items

| Action | Owner | Due | Tracking |
|---|---|---|---|
| CAP-60-1: Make the swap job refuse to move the suggest alias until the new index reports its build as complete | @search-platform | 2026-12-04 | https://tracker.example.com/SRCH-301 |
`);
    const [f] = findingsOf(text, 'action-fields');
    assert.match(f.message, /no validation/);
    assert.deepEqual(f.fixes, undefined);
  });

  it('is relaxed to info in a draft', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.ok(findingsOf(text, 'action-fields').every(f => f.severity === 'info'));
  });
});
