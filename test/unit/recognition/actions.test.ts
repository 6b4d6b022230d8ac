import assert from 'node:assert/strict';
import { parseReview } from '../../../src/core';

const items = (doc: string) => parseReview(doc).actions.map(a => [a.line, a.form, a.status, a.title]);

describe('action items wherever the authors commit to them', () => {
  it('lists under any actions-purpose heading; nested sub-tasks are part of their parent', () => {
    const doc = ['# R', '', '## Next steps', '', '- Add a disk alarm on db-1', '  - check the threshold with the DBA', '- Move backups to object storage', ''].join('\n');
    assert.deepEqual(items(doc).map(i => i[3]), ['Add a disk alarm on db-1', 'Move backups to object storage']);
  });

  it('fields written after the title on the item\'s line; a sentence that only looks like one is a title', () => {
    const doc = [
      '# R', '', '## Action items', '',
      '- [ ] Report connection failures as errors — owner: @wen.li, due: 2026-12-15, ticket: PAY-1204',
      '- [ ] Alert on zero machines - https://gitlab.example.com/infra/-/issues/24102 - Owner: @jf - Due: 2026-12-04',
      '- Rotate logs hourly (owner: @ops, due: 2026-03-01)',
      '- Rotate logs daily (owner: @ops, due 2026-03-01) https://tracker.example.com/OPS-2',
      '- Document the rollback - Issue: customers could not tell what happened',
      '- Explain the paging policy, owner: whoever is on call that week and knows it.',
      '- Add a quota (owner: @a)\n  - owner: @b',
      '',
    ].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.actions.map(a => [a.title, a.fields.get('owner')?.value, a.fields.get('due')?.value, a.fields.get('tracking')?.value]), [
      ['Report connection failures as errors', '@wen.li', '2026-12-15', 'PAY-1204'],
      ['Alert on zero machines', '@jf', '2026-12-04', 'https://gitlab.example.com/infra/-/issues/24102'],
      ['Rotate logs hourly', '@ops', '2026-03-01', undefined],
      // the parenthesis closes before the line ends: not read as fields (the owner would swallow the link)
      ['Rotate logs daily (owner: @ops, due 2026-03-01) https://tracker.example.com/OPS-2', undefined, undefined, undefined],
      ['Document the rollback - Issue: customers could not tell what happened', undefined, undefined, undefined],
      ['Explain the paging policy, owner: whoever is on call that week and knows it.', undefined, undefined, undefined],
      // a field line below the item wins over the same field on its line
      ['Add a quota', '@b', undefined, undefined],
    ]);
    const title = r.actions[0].titleRange;
    assert.equal(doc.split('\n')[title.start.line].slice(title.start.character, title.end.character), 'Report connection failures as errors');
  });

  it('a table without a Status column: the state written after the bug, as the SRE template does', () => {
    const doc = ['# R', '', '## Action Items', '', '| Action Item | Type | Owner | Bug |', '|---|---|---|---|', '| Pin the client | prevent | ana | BUG-7 **DONE** |', '| Add a canary | mitigate | bo | BUG-8 TODO |', '| Split the pool | process | cy | BUG-9 |', ''].join('\n');
    assert.deepEqual(parseReview(doc).actions.map(a => [a.status, a.fields.get('tracking')?.value]), [['done', 'BUG-7'], ['open', 'BUG-8'], ['open', 'BUG-9']]);
  });

  it('tables in any column order', () => {
    const doc = ['# R', '', '## Follow-ups', '', '| Owner | Priority | Action | Status | Bug |', '|---|---|---|---|---|', '| @ana | P1 | Rotate the signing key | Done | #12 |', '| @bo | P2 | Alert on cert expiry 14 days ahead | In progress | #13 |', ''].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.actions.map(a => [a.title, a.status, a.fields.get('owner')?.value, a.fields.get('tracking')?.value]), [
      ['Rotate the signing key', 'done', '@ana', '#12'], ['Alert on cert expiry 14 days ahead', 'in-progress', '@bo', '#13'],
    ]);
  });

  it('states from the text and from the sub-heading or label the item stands under', () => {
    const doc = [
      '# R', '', '## Action items', '',
      '### Completed', '', '- Raise the connection limit', '',
      '### Long-term', '', '- Shard the sessions table', '- Replace the proxy (in progress)', '',
      '## Corrective actions', '', '- [x] Pin the client', '- Add a canary ✔️', '- Remove the cron job (Done)', '',
      '**In progress:**', '', '- Split the queue', '',
    ].join('\n');
    assert.deepEqual(items(doc).map(i => [i[3], i[2]]), [
      ['Raise the connection limit', 'done'], ['Shard the sessions table', 'open'], ['Replace the proxy (in progress)', 'in-progress'],
      ['Pin the client', 'done'], ['Add a canary ✔️', 'done'], ['Remove the cron job (Done)', 'done'], ['Split the queue', 'in-progress'],
    ]);
  });

  it('one-sentence paragraphs under an actions purpose, raw HTML paragraphs; not legends, introductions or deferrals', () => {
    const doc = [
      '# R', '', '## Follow-up', '',
      'Types: Prevent – stops a recurrence; Mitigate – limits the damage.', '',
      'The uptime monitor should page the on-call channel as well as send e-mail.', '',
      'Changes to the DNS zone should need a second reviewer.', '',
      '## Future work', '', 'Here is what we are doing next:', '', '<p><i>1.</i> Set up a standby web server.</p>', '<p><i>2.</i> Add checks for the status page.</p>', '',
      '## Remediation', '', 'We will agree the follow-ups at the next planning meeting.', '',
    ].join('\n');
    assert.deepEqual(items(doc).map(i => [i[1], i[3]]), [
      ['paragraph', 'The uptime monitor should page the on-call channel as well as send e-mail.'],
      ['paragraph', 'Changes to the DNS zone should need a second reviewer.'],
      ['paragraph', 'Set up a standby web server.'], ['paragraph', 'Add checks for the status page.'],
    ]);
  });

  it('TODO and DONE paragraphs anywhere, and the list a sentence committing to changes introduces', () => {
    const doc = [
      '# R', '', '## Lessons learned', '', 'Disks fill up quietly.', '',
      '**DONE**: added the wiki to the monitored sites.', '', '**TODO**: alert on ZFS pool usage above 80%.', '',
      '## Aftermath', '', 'To prevent similar issues in the future, we have made these changes:', '',
      '1. A daily job renews the certificates.', '2. A check verifies every domain has 14 days of validity left.', '',
    ].join('\n');
    assert.deepEqual(items(doc).map(i => [i[2], i[3]]), [
      ['done', 'added the wiki to the monitored sites.'], ['open', 'alert on ZFS pool usage above 80%.'],
      ['open', 'A daily job renews the certificates.'], ['open', 'A check verifies every domain has 14 days of validity left.'],
    ]);
  });
});

describe('placeholders count as missing', () => {
  it('action-fields reports owner, due, tracking and validation still holding the placeholders the importer writes', async () => {
    const { lint } = await import('../rules/_support');
    const doc = ['# R', '', '## Action items', '', '- [ ] CAP-1: Alert on broker disk below 15%',
      '  - owner: @owner', '  - due: YYYY-MM-DD', '  - validation: how we will know it worked: a test, a drill, a query', '  - tracking: link to the ticket', '',
      '- [ ] CAP-2: Shard the sessions table', '  - owner: @db-team', '  - due: 2026-05-01', '  - validation: p99 below 50 ms for a week', '  - tracking: https://tracker.example.com/DB-9', ''].join('\n');
    const f = lint(doc).filter(x => x.rule === 'action-fields');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /CAP-1 has no owner .*due date.*validation.*tracking/);
  });
});
