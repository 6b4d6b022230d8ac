import assert from 'node:assert/strict';
import { parseReview, ReviewIndex, summarize } from '../../../src/core';
import { toExported } from '../../../src/core/commands';

/**
 * Action items as reviews write them beside lists, under headings that name another purpose or none,
 * and in prose: each case a small review of our own, with the titles the parser must find (valid) or
 * the text it must not take for an item (invalid).
 */
const titles = (doc: string[]) => parseReview(doc.join('\n')).actions.map(a => a.title);

interface Valid { name: string; doc: string[]; items: string[] }
interface Invalid { name: string; doc: string[]; notItems: RegExp[] }

const valid: Valid[] = [
  {
    name: 'a one-sentence paragraph after the list under an actions heading',
    doc: ['# R', '', '## Remediation', '', '- Rotated every deploy key.', '- Rebuilt the three build hosts.', '',
      'Merging to the release branch now needs two approvals from the maintainers team.', ''],
    items: ['Rotated every deploy key.', 'Rebuilt the three build hosts.', 'Merging to the release branch now needs two approvals from the maintainers team.'],
  },
  {
    name: 'a longer paragraph after the list: the sentence where the team commits is the item',
    doc: ['# R', '', '## Follow-up tasks', '', '1. Why did the importer stall after the failover?', '',
      'We suspect lock contention but have no proof yet. We plan to cap the importer at four concurrent loads after maintenance windows.', ''],
    items: ['Why did the importer stall after the failover?', 'We plan to cap the importer at four concurrent loads after maintenance windows.'],
  },
  {
    name: 'a list a committing sentence introduces under a heading of another purpose',
    doc: ['# R', '', '## Resolution', '', 'The platform team will address the following items before the next release:', '',
      '1. Announce maintenance windows on the status page a week ahead.', ''],
    items: ['Announce maintenance windows on the status page a week ahead.'],
  },
  {
    name: 'under a heading naming no purpose, the list a paragraph ending on the next steps gives',
    doc: ['# R', '', '## The week after', '', 'Work went on after the outage. We met to agree next steps for the next traffic spike.', '',
      '- Added load shedding to the gateway', '- Wrote a soak test for the relay', ''],
    items: ['Added load shedding to the gateway', 'Wrote a soak test for the relay'],
  },
  {
    name: 'under "Lessons learned and actions taken": the list of measures and a paragraph stating a change made',
    doc: ['# R', '', '## Lessons learned and actions taken', '', 'We learned that one leaked token was enough, and put new measures in place:', '',
      '- Publish only from CI with a second approval', '- Drop long-lived registry tokens', '',
      'In addition, we also took action to audit how the maintainers store their tokens.', ''],
    items: ['Publish only from CI with a second approval', 'Drop long-lived registry tokens', 'In addition, we also took action to audit how the maintainers store their tokens.'],
  },
  {
    name: 'a list under a hedged label ("Possible testing")',
    doc: ['# R', '', '## Lessons', '', '**What went well**', '', '- The fallback flag worked', '', '**Possible testing**', '',
      '- Run the soak test against a store as large as production', ''],
    items: ['Run the soak test against a store as large as production'],
  },
  {
    name: 'under a heading naming no purpose, a list whose items are mostly things to do (a question among them)',
    doc: ['# R', '', '## Loose ends', '', '- Document which on-call rota owns each database host.', '- Define an escalation path for the payment queue.',
      '- Could the disk alert wait ten minutes before it pages?', ''],
    items: ['Document which on-call rota owns each database host.', 'Define an escalation path for the payment queue.', 'Could the disk alert wait ten minutes before it pages?'],
  },
  {
    name: 'a paragraph written one sentence per line with two commitments: an item each, with the line elaborating it',
    doc: ['# R', '', '## Preventive measures', '', 'The platform team is going to move certificate renewal into the deploy pipeline.',
      'The ideal setup renews a week before expiry and pages nobody.', 'Above all we are aiming at renewals that need no human step.',
      'Engineers are already building the first part.', ''],
    items: ['The platform team is going to move certificate renewal into the deploy pipeline. The ideal setup renews a week before expiry and pages nobody.',
      'Above all we are aiming at renewals that need no human step. Engineers are already building the first part.'],
  },
];

const invalid: Invalid[] = [
  {
    name: 'steps to reproduce and a workaround: things to do for the reader, not the team',
    doc: ['# R', '', '## Steps to reproduce', '', '- Open the admin page', '- Update the quota to zero', '- Remove the last node', '',
      '## Workaround', '', '- Restart the agent', '- Remove the lock file', '- Update the client to 2.1', ''],
    notItems: [/admin page/, /quota/, /last node/, /agent/, /lock file/, /client/],
  },
  {
    name: 'what the readers should do after a security incident (the heading or the items address them)',
    doc: ['# R', '', '## What you need to do', '', '- Rotate the tokens of the affected repositories', '- Update the CLI to 4.2.1', '- Review the audit log', '',
      '## Afterwards', '', '- Rotate your deploy keys', '- Update your lockfiles', '- Review your organisation\'s audit log', ''],
    notItems: [/tokens/, /CLI/, /audit log/, /deploy keys/, /lockfiles/],
  },
  {
    name: 'under a heading naming no purpose, a list of facts (one opens with a verb\'s spelling)',
    doc: ['# R', '', '## Background', '', '- The cluster has three nodes', '- Add-ons are installed by hand', '- Backups run nightly', ''],
    notItems: [/cluster/, /Add-ons/, /Backups/],
  },
  {
    name: 'a sentence summing up the list above it',
    doc: ['# R', '', '## Remediation', '', '- Rotated every deploy key.', '', 'These changes considerably strengthened the build pipeline against a repeat.', ''],
    notItems: [/These changes/],
  },
  {
    name: 'a paragraph before the list (it introduces the items)',
    doc: ['# R', '', '## Future improvements', '', 'We have also taken the time to look at the whole architecture again.', '', 'We are planning several things', '',
      '- Metrics on queue depth', ''],
    notItems: [/taken the time/, /several things/],
  },
  {
    name: 'a closing note with thanks, and watching the system over the next days',
    doc: ['# R', '', '## Next steps', '', 'With the new balancer in place, we will be monitoring it closely over the next few days.', '',
      '- Review every cloud quota we depend on', '',
      'Outages are never acceptable. We will keep improving the service. Thanks again for your patience.', ''],
    notItems: [/monitoring/, /Thanks again/],
  },
  {
    name: 'under "Lessons learned and actions taken": a list presented as what the team already does',
    doc: ['# R', '', '## Lessons learned and actions taken', '', 'First, we take reviews seriously:', '',
      '- Every change has two reviewers', '- We are audited every year', ''],
    notItems: [/two reviewers/, /audited/],
  },
  {
    name: 'a note after items written in the format (IDs, checkboxes, fields), and a deferral to the next planning',
    doc: ['# R', '', '## Action items', '', '- [ ] CAP-1: Alert on queue depth over 10,000 for 5 minutes', '  - owner: @ana', '',
      'Owners report progress at the weekly operations review.', '',
      '| Action | Owner |', '|---|---|', '| Cap consumer restarts at 3 per minute | @bo |', '', 'Each owner updates the tracker as the work lands.', '',
      '## Follow-ups', '', '- Add a canary for the importer', '', 'We will revisit the list at the next quarterly planning.', ''],
    notItems: [/weekly operations review/, /updates the tracker/, /revisit the list/],
  },
  {
    name: 'a hard-wrapped paragraph with two commitments stays one item',
    doc: ['# R', '', '## Preventive measures', '', 'The platform team is going to move certificate renewal into the',
      'deploy pipeline, and we will page nobody for a renewal again.', ''],
    notItems: [/^deploy pipeline/],
  },
  {
    name: 'under a heading naming no purpose, a list after a paragraph that names no next steps',
    doc: ['# R', '', '## The cluster', '', 'The cluster has three nodes in two zones.', '', '- node-a in zone 1', '- node-b in zone 2', ''],
    notItems: [/node-a/, /node-b/],
  },
];

describe('action item shapes beside lists and in prose', () => {
  for (const v of valid) {
    it(`item: ${v.name}`, () => assert.deepEqual(titles(v.doc), v.items));
  }
  for (const v of invalid) {
    it(`not an item: ${v.name}`, () => {
      const found = titles(v.doc);
      for (const re of v.notItems) assert.ok(!found.some(t => re.test(t)), `${re} taken for an item in ${JSON.stringify(found)}`);
    });
  }
});

describe('the workspace index reads the items the parser reads (tree, pir actions, exports)', () => {
  const parsed = (doc: string) => parseReview(doc).actions.map(a => ({ id: a.id ?? '', title: a.title, status: a.status, line: a.line, owner: a.fields.get('owner')?.value ?? '' }));
  const indexed = (doc: string) => summarize('file:///w/r.pir.md', doc).actions.map(a => ({ id: a.id, title: a.title, status: a.status, line: a.line, owner: a.owner }));

  it('paragraph items, states from the text and from the group, tables and task lists alike', () => {
    const doc = [
      '# R', '', '## Follow-ups', '', 'The status page should announce maintenance a day ahead.', '',
      '## Corrective actions', '', '### Completed', '', '- Raise the connection limit', '', '### Planned', '',
      '- [ ] CAP-2: Shard the sessions table', '  - owner: @db', '- Replace the proxy (in progress)', '- Remove the cron job ✔️', '',
      '| Owner | Action | Status |', '|---|---|---|', '| @ana | Rotate the signing key | Done |', '',
      '## Lessons', '', '**TODO**: alert on pool usage above 80%.', '',
    ].join('\n');
    const want = parsed(doc);
    assert.deepEqual(want.map(a => [a.title, a.status]), [
      ['The status page should announce maintenance a day ahead.', 'open'], ['Raise the connection limit', 'done'],
      ['Shard the sessions table', 'open'], ['Replace the proxy (in progress)', 'in-progress'], ['Remove the cron job ✔️', 'done'],
      ['Rotate the signing key', 'done'], ['alert on pool usage above 80%.', 'open'],
    ]);
    assert.deepEqual(indexed(doc), want);
    // the register (pir actions, the exports) and the tree read the index
    const index = new ReviewIndex();
    index.update('file:///w/r.pir.md', doc);
    assert.deepEqual(toExported(index.actions(new Date('2026-01-01T00:00:00Z'))).map(e => [e.title, e.status, e.line]), want.map(a => [a.title, a.status, a.line + 1]));
  });

  for (const v of valid) {
    it(`index and parser agree: ${v.name}`, () => assert.deepEqual(indexed(v.doc.join('\n')), parsed(v.doc.join('\n'))));
  }
});

describe('tracker edits on an item written as a paragraph', () => {
  it('are refused with the way to do it, and the text is left as it is', async () => {
    const { markDoneEdits, setOwnerEdits, ActionEditError } = await import('../../../src/core/workspace/edits');
    const doc = ['# R', '', '## Follow-ups', '', 'The status page should announce maintenance a day ahead.', ''].join('\n');
    const line = summarize('', doc).actions[0].line;
    assert.equal(line, 4);
    for (const edit of [() => markDoneEdits(doc, line, 'https://example.com/pr/1'), () => setOwnerEdits(doc, line, '@ana')]) {
      assert.throws(edit, (e: unknown) => e instanceof ActionEditError && /written as a paragraph.*task-list item/.test((e as Error).message));
    }
  });
});

describe('tickets for an item written as a paragraph', () => {
  it('no ticket is opened whose link could not be written back; the list items beside it get theirs', async () => {
    const { parseTrackerConfig } = await import('../../../src/core');
    const { createTicketsInText } = await import('../../../src/core/commands');
    const problems: string[] = [];
    const config = parseTrackerConfig({ github: { repository: 'acme/ops' } }, m => problems.push(m))!;
    assert.deepEqual(problems, []);
    let opened = 0;
    const port = { config, create: async () => ({ url: `https://github.com/acme/ops/issues/${++opened}`, key: `#${opened}` }), get: async () => { throw new Error('unused'); }, update: async () => { throw new Error('unused'); } };
    // a plain list item gains a field when its link is written, after which the paragraph beside it
    // reads as a note: the items below are still found at their new lines
    const doc = ['# R', '', '## Next steps', '', '- Add a disk alarm on db-1', '', 'Changes to the DNS zone should need a second reviewer.', '',
      '## Follow-ups', '', '- Add a canary for the importer', ''].join('\n');
    const { text, results } = await createTicketsInText(doc, port as never, { link: 'r.pir.md' });
    assert.equal(opened, 2);
    assert.deepEqual(results.map(r => [r.title, r.url ?? '', r.error ?? '']), [
      ['Add a disk alarm on db-1', 'https://github.com/acme/ops/issues/1', ''],
      ['Changes to the DNS zone should need a second reviewer.', '', 'written as a paragraph, which has no place for the ticket link: write it as a task-list item ("- [ ] …") first'],
      ['Add a canary for the importer', 'https://github.com/acme/ops/issues/2', ''],
    ]);
    assert.match(text, /- Add a disk alarm on db-1\n\s+- tracking: https:\/\/github\.com\/acme\/ops\/issues\/1/);
    assert.match(text, /- Add a canary for the importer\n\s+- tracking: https:\/\/github\.com\/acme\/ops\/issues\/2/);
    assert.match(text, /\nChanges to the DNS zone should need a second reviewer\.\n/);
  });
});
