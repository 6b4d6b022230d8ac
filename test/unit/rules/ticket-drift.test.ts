import assert from 'node:assert/strict';
import type { TicketSnapshot, TicketState, WorkspaceFacts } from '../../../src/core';
import { expectedFindings, foundFindings } from '../helpers/fixtures';
import { applyFix, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/ticket-drift.pir.md';
const CONFIG = 'tracker:\n  github:\n    repository: acme/incident-actions\n    owners:\n      "@ana": ana-p\n';
const SYNCED = '2026-11-23T08:30:00Z';
const issue = (n: number, s: Partial<TicketState>): TicketState => ({
  url: `https://github.com/acme/incident-actions/issues/${n}`, key: `acme/incident-actions#${n}`, title: '', state: 'open', status: 'open',
  assignee: undefined, due: undefined, syncedAt: SYNCED, ...s,
});

function snapshot(): TicketSnapshot {
  const list = [
    issue(11, { state: 'closed', status: 'closed (completed)', assignee: 'ana-p', owner: '@ana', due: '2026-12-04' }),
    issue(12, { assignee: 'li', owner: '@li', due: '2026-11-20' }),
    issue(13, { assignee: 'bob', owner: '@bob', due: '2026-12-18' }),
    issue(14, { assignee: 'li', owner: '@li', due: '2026-12-18' }),
  ];
  const tickets: TicketSnapshot['tickets'] = Object.fromEntries(list.map(t => [t.url, t]));
  tickets['https://github.com/acme/incident-actions/issues/15'] = { url: 'https://github.com/acme/incident-actions/issues/15', error: 'could not reach github.com', syncedAt: SYNCED };
  return { syncedAt: SYNCED, tickets };
}
const workspace = (): WorkspaceFacts => ({ actionIds: new Map(), reviewIds: new Map(), tickets: snapshot() });

describe('ticket-drift', () => {
  it('reports a closed ticket of an open item, an open ticket of a done item, and a disagreeing assignee and due date, on the line that disagrees', () => {
    const text = readFixture(NAME);
    const found = findingsOf(text, 'ticket-drift', { config: CONFIG, workspace: workspace() });
    assert.deepEqual(foundFindings(found), expectedFindings(text));
    const at = (needle: string) => found.find(f => f.range.start.line + 1 === lineOf(text, needle))!;
    assert.match(at('issues/11').message, /^acme\/incident-actions#11 is closed \(closed \(completed\)\) but CAP-71-1 is still open\. \(synced 2026-11-23 08:30 UTC\)/);
    assert.match(at('issues/12').message, /CAP-71-2 is done but acme\/incident-actions#12 is still open/);
    assert.equal(found.find(f => /assigned to @bob, but CAP-71-3's owner is @ana/.test(f.message))!.range.start.line + 1, lineOf(text, 'CAP-71-3') + 2, 'on the owner line (after the expect comment)');
    assert.match(found.find(f => /is due 2026-12-18, but CAP-71-3 is due 2026-12-11/.test(f.message))!.message, /push the item's to acme\/incident-actions#13/);
  });

  it('is quiet without a sync, for a ticket that could not be read, and for links to other trackers', () => {
    const text = readFixture(NAME);
    assert.deepEqual(findingsOf(text, 'ticket-drift', { config: CONFIG }), []);
    const ws = workspace();
    ws.tickets!.tickets = {};
    assert.deepEqual(findingsOf(text, 'ticket-drift', { config: CONFIG, workspace: ws }), []);
  });

  it("its fixes take the tracker's value; none is applied automatically", () => {
    const text = readFixture(NAME);
    const found = findingsOf(text, 'ticket-drift', { config: CONFIG, workspace: workspace() });
    assert.ok(found.every(f => f.fixes?.length === 1 && !f.fixes[0].isPreferred));
    const closed = found.find(f => /#11 is closed/.test(f.message))!;
    assert.equal(closed.fixes![0].title, 'Mark CAP-71-1 done (acme/incident-actions#11 is closed)');
    const after = applyFix(text, closed);
    assert.match(after, /- \[x\] CAP-71-1:/);
    assert.match(after, /evidence: acme\/incident-actions#11 closed: https:\/\/github\.com\/acme\/incident-actions\/issues\/11/);
    assert.equal(findingsOf(after, 'ticket-drift', { config: CONFIG, workspace: workspace() }).length, found.length - 1);

    const reopened = applyFix(text, found.find(f => /CAP-71-2 is done/.test(f.message))!);
    assert.match(reopened, /- \[ \] CAP-71-2:/);
    const owner = applyFix(text, found.find(f => /assigned to @bob/.test(f.message))!);
    assert.match(owner, /CAP-71-3[^]*?owner: @bob/);
    const due = applyFix(text, found.find(f => /is due 2026-12-18/.test(f.message))!);
    assert.match(due, /CAP-71-3[^]*?due: 2026-12-18/);
  });

  it('compares owners through the owners map: @ana is ana-p on GitHub', () => {
    const text = readFixture(NAME).replace('tracking: https://github.com/acme/incident-actions/issues/13', 'tracking: https://github.com/acme/incident-actions/issues/11');
    const found = findingsOf(text, 'ticket-drift', { config: CONFIG, workspace: workspace() });
    assert.ok(!found.some(f => /assigned to/.test(f.message)), found.map(f => f.message).join('\n'));
  });
});
