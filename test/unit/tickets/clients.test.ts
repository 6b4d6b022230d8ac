import assert from 'node:assert/strict';
import { parseConfig, ticketFor, type TrackerConfig, TrackerError } from '../../../src/core';
import { createTracker } from '../../../src/core/tickets/clients';
import { FakeTracker } from '../../support/fake-tracker';
import { githubRequestErrors, githubResponseErrors } from '../../support/github-openapi';

const GH_TOKEN = 'ghp_unitTestToken0123456789abcdefABCDEF';
const JIRA_TOKEN = 'jira-unit-test-token-0123456789';

function trackerConfig(yaml: string): TrackerConfig {
  const { config, findings } = parseConfig(yaml);
  assert.deepEqual(findings.map(f => f.message), []);
  assert.ok(config.tracker);
  return config.tracker;
}

const item = { id: 'CAP-42-1', title: 'Make the config push refuse a file that fails schema validation', status: 'open' as const, owner: '@ana', due: '2026-12-11', type: 'prevent', domain: 'deploy', validation: 'a push of an invalid file is refused in staging', tracking: '', evidence: '', depends: '', line: 20 };
const review = { id: 'INC-2026-042', title: 'Checkout errors after a config push', link: 'reviews/2026-11-20-checkout.pir.md' };

describe('tracker clients against the fake tracker', function () {
  this.timeout(20_000);
  let fake: FakeTracker;
  const openapiProblems: string[] = [];

  before(async () => {
    fake = await new FakeTracker({
      githubToken: GH_TOKEN, jiraToken: JIRA_TOKEN, jiraEmail: 'pir-bot@acme.example',
      onGitHubResponse: (m, t, s, b) => { for (const e of githubResponseErrors(m, t, s, b)) openapiProblems.push(`${m} ${t} ${s}: ${e}`); },
      onGitHubRequest: (m, t, b) => { for (const e of githubRequestErrors(m, t, b)) openapiProblems.push(`request ${m} ${t}: ${e}`); },
    }).start();
    fake.jiraUsers.add('557058:ana').add('ana.pereira');
  });
  after(() => fake.close());
  afterEach(() => assert.deepEqual(openapiProblems.splice(0), [], "the fake's GitHub traffic matches GitHub's OpenAPI description"));

  describe('GitHub', () => {
    const config = () => trackerConfig(`tracker:\n  github:\n    repository: acme/incident-actions\n    apiUrl: ${fake.url}\n    labels: [corrective-action]\n    owners: { "@ana": ana-p }\n`);

    it('opens an issue with the title, body, assignee, labels and a milestone due that day; reads and updates it', async () => {
      const gh = createTracker(config(), GH_TOKEN);
      const { url, key } = await gh.create(ticketFor(item, review, gh.config));
      assert.equal(url, `${fake.url}/acme/incident-actions/issues/2`, 'the milestone took number 1');
      assert.equal(key, 'acme/incident-actions#2');
      const rec = fake.repo('acme/incident-actions').issues[0];
      assert.equal(rec.title, 'CAP-42-1: Make the config push refuse a file that fails schema validation');
      assert.match(rec.body, /^Corrective action CAP-42-1 from the post-incident review INC-2026-042 "Checkout errors after a config push"\./);
      assert.match(rec.body, /- Owner: @ana\n- Due: 2026-12-11\n- Type: prevent\n- Validation: a push of an invalid file is refused in staging\n- Review: reviews\/2026-11-20-checkout\.pir\.md/);
      assert.deepEqual(rec.labels, ['corrective-action', 'prevent']);
      assert.deepEqual(rec.assignees, ['ana-p']);
      assert.equal(fake.repo('acme/incident-actions').milestones[0].due_on, '2026-12-11T00:00:00Z');

      const state = await gh.get(url);
      assert.deepEqual({ ...state, syncedAt: 'x' }, { url, key, title: rec.title, state: 'open', status: 'open', assignee: 'ana-p', owner: '@ana', due: '2026-12-11', syncedAt: 'x' });

      // a second item due the same day reuses the milestone
      await gh.create(ticketFor({ ...item, id: 'CAP-42-2', owner: '@li' }, review, gh.config));
      assert.equal(fake.repo('acme/incident-actions').milestones.length, 1);

      fake.closeGitHubIssue('acme/incident-actions', 2);
      assert.equal((await gh.get(url)).status, 'closed (completed)');
      const reopened = await gh.update(url, { state: 'open', assignee: 'li', due: '2026-12-18' });
      assert.equal(reopened.state, 'open');
      assert.equal(reopened.owner, '@li', 'an unmapped login is the handle');
      assert.equal(reopened.due, '2026-12-18');
    });

    it('refuses a link that is not an issue of the configured repository', async () => {
      const gh = createTracker(config(), GH_TOKEN);
      await assert.rejects(gh.get(`${fake.url}/other/repo/issues/1`), (e: TrackerError) => e.kind === 'config' && /is not an issue of acme\/incident-actions/.test(e.message));
    });

    it('gives one line per failure, naming the issue, never the token: 401, rate limit, 404, 500, offline', async () => {
      const gh = createTracker(config(), GH_TOKEN);
      const url = `${fake.url}/acme/incident-actions/issues/2`;
      const bad = createTracker(config(), 'ghp_wrongToken');
      const messages: string[] = [];
      const fails = async (p: Promise<unknown>, kind: string, re: RegExp) => {
        await assert.rejects(p, (e: TrackerError) => { messages.push(e.message); assert.equal(e.kind, kind, e.message); assert.match(e.message, re); return true; });
      };
      await fails(bad.get(url), 'unauthorized', /^acme\/incident-actions#2: the tracker refused the token \(401\): Bad credentials\./);
      fake.failNext(403, { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.parse('2026-11-23T10:15:00Z') / 1000) }, body: { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest' } });
      await fails(gh.get(url), 'rate-limited', /rate-limiting requests until 10:15 UTC/);
      await fails(gh.get(`${fake.url}/acme/incident-actions/issues/99`), 'not-found', /acme\/incident-actions#99 was not found \(404\)/);
      fake.failNext(502, { body: { message: 'Server Error' } });
      await fails(gh.get(url), 'server', /answered 502/);
      const off = createTracker({ ...config(), apiUrl: 'http://127.0.0.1:9' } as TrackerConfig, GH_TOKEN, { timeoutMs: 3000 });
      await fails(off.get('http://127.0.0.1:9/acme/incident-actions/issues/2'), 'offline', /could not reach 127\.0\.0\.1:9/);
      for (const m of messages) { assert.ok(!m.includes(GH_TOKEN) && !m.includes('ghp_wrongToken'), m); assert.ok(!m.includes('\n'), m); }
    });
  });

  describe('Jira', () => {
    it('Cloud: basic auth with the e-mail, the item as an issue, its state through the status category, closing through a transition', async () => {
      const config = trackerConfig(`tracker:\n  jira:\n    url: ${fake.url}/jira\n    project: OPS\n    deployment: cloud\n    email: pir-bot@acme.example\n    owners: { "@ana": "557058:ana" }\n`);
      const jira = createTracker(config, JIRA_TOKEN);
      const { url, key } = await jira.create(ticketFor(item, review, config));
      assert.equal(key, 'OPS-1');
      assert.equal(url, `${fake.url}/jira/browse/OPS-1`);
      const rec = fake.jira.get('OPS-1')!;
      assert.equal(rec.assignee, '557058:ana');
      assert.equal(rec.duedate, '2026-12-11');
      assert.deepEqual(rec.labels, ['prevent']);
      assert.match(fake.requests.at(-1)!.authorization!, /^Basic /);
      let state = await jira.get(url);
      assert.equal(state.state, 'open');
      assert.equal(state.status, 'To Do');
      assert.equal(state.owner, '@ana');
      state = await jira.update(url, { state: 'closed' });
      assert.equal(state.state, 'closed');
      assert.equal(state.status, 'Done');
    });

    it('Data Center: a personal access token as Bearer, users by name; an unknown assignee is a one-line error', async () => {
      const config = trackerConfig(`tracker:\n  jira:\n    url: ${fake.url}/jira\n    project: SRE\n    deployment: data-center\n    owners: { "@ana": ana.pereira }\n`);
      const jira = createTracker(config, JIRA_TOKEN);
      const { url } = await jira.create(ticketFor({ ...item, owner: '@li' }, review, config));
      assert.equal(fake.jira.get('SRE-1')!.assignee, null, 'an unmapped owner is not guessed on Jira');
      assert.match(fake.requests.at(-1)!.authorization!, /^Bearer /);
      assert.equal((await jira.update(url, { assignee: 'ana.pereira', due: '2026-12-20' })).owner, '@ana');
      await assert.rejects(jira.update(url, { assignee: 'nobody' }), (e: TrackerError) => e.kind === 'invalid' && /^SRE-1: the tracker rejected the request \(400\): assignee: User 'nobody' cannot be assigned issues\.$/.test(e.message));
      const bad = createTracker(config, 'wrong');
      await assert.rejects(bad.get(url), (e: TrackerError) => e.kind === 'unauthorized' && !e.message.includes(JIRA_TOKEN));
      fake.failNext(429, { headers: { 'retry-after': '60' } });
      await assert.rejects(jira.get(url), (e: TrackerError) => e.kind === 'rate-limited');
    });
  });
});
