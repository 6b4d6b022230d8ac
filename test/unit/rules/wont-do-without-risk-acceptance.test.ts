import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingsOf, lint, readFixture } from './_support';

const NAME = 'rules/wont-do-without-risk-acceptance.pir.md';

describe('wont-do-without-risk-acceptance', () => {
  it('reports a wont-do item with no residual risk naming it and no risk-accepted-by field, on its status', () => {
    const [f] = checkFixture(NAME);
    assert.match(f.message, /CAP-60-2 will not be done/);
  });

  it('the preferred fix records the risk in residual_risks, naming the action', () => {
    const text = readFixture(NAME);
    const [f] = findingsOf(text, 'wont-do-without-risk-acceptance');
    assert.ok(f.fixes![0].isPreferred && f.fixes![0].snippet);
    const fixed = applyFix(text, f);
    assert.match(fixed, /    date: 2026-11-13\n  - risk: Not doing CAP-60-2 \(Build a second suggest cluster to fail over to…\) leaves what can still happen\n    accepted_by: who accepts the risk\n    date: 2026-11-23\n---/);
    assert.deepEqual(findingsOf(fixed, 'wont-do-without-risk-acceptance'), []);
    assert.deepEqual(lint(fixed).map(x => x.rule), [], 'and the new entry is a valid residual risk');
  });

  it('the other fix adds a risk-accepted-by field to the item', () => {
    const text = readFixture(NAME);
    const [f] = findingsOf(text, 'wont-do-without-risk-acceptance');
    const fixed = applyFix(text, f, 1);
    assert.match(fixed, /  - status: wont-do\n  - risk-accepted-by: name, date\n- \[ \] CAP-60-3/);
    assert.deepEqual(findingsOf(fixed, 'wont-do-without-risk-acceptance'), []);
  });

  it('creates residual_risks when the front matter has none', () => {
    const text = readFixture(NAME).replace(/residual_risks:\n(  .*\n)+/, '');
    const found = findingsOf(text, 'wont-do-without-risk-acceptance');
    assert.equal(found.length, 2);
    const fixed = applyFix(text, found[0]);
    assert.match(fixed, /authors: \[Ana Pereira\]\nresidual_risks:\n  - risk: Not doing CAP-60-2 [^\n]*\n    accepted_by: who accepts the risk\n    date: 2026-11-23\n---/);
  });
});
