import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/required-roles.pir.md';

describe('required-roles', () => {
  it('reports a missing incident commander on attendees and an absent third party on third_parties', () => {
    const found = checkFixture(NAME);
    assert.match(found[0].message, /"incident-commander"/);
    assert.match(found[1].message, /Fastly was involved/);
  });

  it('the fix appends an attendee with the role, in the list\'s indentation', () => {
    const text = readFixture(NAME);
    const f = findingAt(text, 'required-roles', lineOf(text, 'attendees:'));
    assert.ok(f.fixes![0].snippet && f.fixes![0].isPreferred);
    const fixed = applyFix(text, f);
    assert.match(fixed, /  - name: Li Wei\n    role: responder\n  - name: name\n    role: incident-commander\nthird_parties:/);
    assert.deepEqual(findingsOf(fixed, 'required-roles').map(x => x.message.slice(0, 6)), ['Fastly']);
    const third = applyFix(text, findingAt(text, 'required-roles', lineOf(text, 'third_parties:')));
    assert.match(third, /  - name: someone from Fastly\n    role: third-party\n/);
  });

  it('creates the attendees list when there is none, and follows requiredRoles', () => {
    const text = readFixture(NAME).replace(/attendees:.*\n(  .*\n)+/, '');
    const f = findingsOf(text, 'required-roles').find(x => /No attendees/.test(x.message))!;
    assert.equal(f.range.start.line, 0);
    assert.match(applyFix(text, f), /\nattendees:\n  - name: name\n    role: incident-commander\n---/);
    const cfg = 'requiredRoles: [incident-commander, scribe]';
    assert.equal(findingsOf(readFixture(NAME), 'required-roles', { config: cfg }).length, 3);
    assert.equal(findingsOf(readFixture(NAME), 'required-roles', { config: 'requiredRoles: []\nroles: [responder]' }).length, 0, 'no third-party role in the team list: not asked for');
  });

  it('a misspelt role counts as the role meant (front-matter-schema reports the spelling)', () => {
    const text = readFixture(NAME).replace('    role: responder\n  - name: Li Wei', '    role: incident-comander\n  - name: Li Wei');
    assert.ok(!findingsOf(text, 'required-roles').some(f => /incident-commander/.test(f.message)));
    assert.equal(findingsOf(text, 'front-matter-schema').length, 1);
  });

  it('can be silenced in the front matter with a YAML comment', () => {
    const text = readFixture(NAME).replace('attendees:  # expect: required-roles', '# <!-- pir-disable-next-line required-roles -->\nattendees:');
    assert.deepEqual(findingsOf(text, 'required-roles').map(f => f.message.slice(0, 6)), ['Fastly']);
  });

  it('is relaxed to info in a draft', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.ok(findingsOf(text, 'required-roles').every(f => f.severity === 'info'));
  });
});
