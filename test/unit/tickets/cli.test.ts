import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { ticketsCommand } from '../../../src/cli/tickets';
import { main } from '../../../src/cli/main';
import { FakeTracker } from '../../support/fake-tracker';
import { githubResponseErrors } from '../../support/github-openapi';

const TOKEN = 'ghp_cliTestTokenDoNotPrint0123456789';
const JIRA_TOKEN = 'jira-cli-token-do-not-print-42';

const REVIEW = `---
id: INC-2026-081
title: Login errors after a session store failover
status: in-review
severity: SEV2
resolved: 2026-11-15T10:00:00Z
---

# INC-2026-081: Login errors after a session store failover

## Action items

- [ ] CAP-81-1: Make the session client retry a failover redirect once before failing the login
  - owner: @ana
  - due: 2026-12-04
  - type: prevent
  - validation: a forced failover in staging produces no failed logins
- [ ] CAP-81-2: Page the identity on-call when login errors exceed 2% for 5 minutes
  - owner: @li
  - due: 2026-12-11
  - validation: replaying the failover's error rate pages within 6 minutes
- [x] CAP-81-3: Record the failover in the session store runbook
  - owner: @li
  - evidence: runbook change merged
`;

interface Run { code: number; out: string; err: string }

describe('pir tickets', function () {
  this.timeout(30_000);
  let fake: FakeTracker;
  let dir: string;
  const problems: string[] = [];
  const runs: Run[] = [];
  async function run(args: string[], env: NodeJS.ProcessEnv = { GITHUB_TOKEN: TOKEN, JIRA_API_TOKEN: JIRA_TOKEN }): Promise<Run> {
    let out = '', err = '';
    const code = await ticketsCommand(args, { out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; }, isTTY: false, cwd: dir }, env);
    const r = { code, out, err };
    runs.push(r);
    return r;
  }
  const reviewFile = () => path.join(dir, 'reviews', 'login.pir.md');
  const host = () => new URL(fake.url).host;

  before(async () => {
    fake = await new FakeTracker({ githubToken: TOKEN, jiraToken: JIRA_TOKEN, onGitHubResponse: (m, t, s, b) => problems.push(...githubResponseErrors(m, t, s, b)) }).start();
  });
  after(() => fake.close());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-tickets-'));
    fs.mkdirSync(path.join(dir, 'reviews'));
    fs.writeFileSync(reviewFile(), REVIEW);
    fs.writeFileSync(path.join(dir, '.pir.yaml'), `tracker:\n  github:\n    repository: acme/incident-actions\n    apiUrl: ${fake.url}\n    labels: [corrective-action]\n`);
    fake.reset();
  });
  afterEach(() => {
    assert.deepEqual(problems.splice(0), []);
    // the token never appears in any output or any file the command wrote
    for (const r of runs.splice(0)) for (const t of [TOKEN, JIRA_TOKEN]) assert.ok(!r.out.includes(t) && !r.err.includes(t), 'no token in the output');
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isFile()) { const text = fs.readFileSync(p, 'utf8'); assert.ok(!text.includes(TOKEN) && !text.includes(JIRA_TOKEN), `no token in ${f}`); }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('create: opens a ticket for each open item without tracking and writes the links; status then reports drift after a ticket is closed', async () => {
    const r = await run(['create', '--trust-host', host()]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`reviews/login\\.pir\\.md:13 CAP-81-1 → ${fake.url}/acme/incident-actions/issues/\\d+ \\(acme/incident-actions#\\d+\\)`));
    assert.match(r.out, /2 tickets opened; links written to 1 file\./);
    const text = fs.readFileSync(reviewFile(), 'utf8');
    const links = [...text.matchAll(/  - tracking: (\S+)/g)].map(m => m[1]);
    assert.equal(links.length, 2, 'the done item gets no ticket');
    assert.match(text, /  - validation: a forced failover in staging produces no failed logins\n  - tracking: http/);
    assert.equal(fake.repo('acme/incident-actions').issues[0].body.includes('- Review: reviews/login.pir.md'), true);

    const again = await run(['create', '--trust-host', host()]);
    assert.match(again.out, /0 tickets opened; links written to 0 files\./, 'nothing twice');

    fake.closeGitHubIssue('acme/incident-actions', Number(/issues\/(\d+)/.exec(links[0])![1]));
    const status = await run(['status', '--trust-host', host()]);
    assert.equal(status.code, 1);
    assert.match(status.out, /CAP-81-1 .* closed \(closed \(completed\)\)\n  ticket-drift: acme\/incident-actions#\d+ is closed \(closed \(completed\)\) but CAP-81-1 is still open\./);
    assert.match(status.out, /2 linked tickets read at .* UTC; 1 disagrees with the review, 0 not read\./);

    // the snapshot feeds the register and the audit report
    const snap = path.join(dir, 'tickets.json');
    await run(['status', '--trust-host', host(), '--format', 'json', '--output', snap]);
    let out = '';
    assert.equal(main(['actions', '--format', 'csv', '--tickets', snap], { out: s => { out += s; }, err: () => {}, isTTY: false, cwd: dir }), 0);
    assert.match(out.split('\n')[0], /tracking,ticketState,ticketSynced,/);
    assert.match(out, /CAP-81-1,.*,closed \(closed \(completed\)\),\d{4}-\d{2}-\d{2}T/);
    out = '';
    main(['lint', '--format', 'json', '--tickets', snap, 'reviews'], { out: s => { out += s; }, err: () => {}, isTTY: false, cwd: dir });
    const drift = (JSON.parse(out) as { rule: string; line: number; message: string }[]).filter(f => f.rule === 'ticket-drift');
    assert.equal(drift.length, 1, 'pir lint --tickets reports the drift');
    assert.match(drift[0].message, /is closed \(closed \(completed\)\) but CAP-81-1 is still open/);
    out = '';
    main(['lint', '--format', 'json', 'reviews'], { out: s => { out += s; }, err: () => {}, isTTY: false, cwd: dir });
    assert.ok(!(JSON.parse(out) as { rule: string }[]).some(f => f.rule === 'ticket-drift'), 'and nothing without a sync');
    out = '';
    main(['report', '--tickets', snap], { out: s => { out += s; }, err: () => {}, isTTY: false, cwd: dir });
    assert.match(out, /## Tickets\n\nLast sync \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: 3 actions? with a tracking link|## Tickets\n\nLast sync .*: 2 actions with a tracking link, 2 tickets read \(1 open, 1 closed\), 0 not read, 1 disagreeing with the review\./);
  });

  it('a failing tracker gives a line per item and leaves the review untouched', async () => {
    fake.failNext(503, { times: 2, body: { message: 'Service Unavailable' } });
    const r = await run(['create', '--trust-host', host()]);
    assert.equal(r.code, 1);
    assert.match(r.err, /reviews\/login\.pir\.md:13 CAP-81-1: not created, left unchanged: GitHub milestones: the tracker answered 503: Service Unavailable; try again later\./);
    assert.match(r.err, /reviews\/login\.pir\.md:18 CAP-81-2: not created, left unchanged/);
    assert.equal(fs.readFileSync(reviewFile(), 'utf8'), REVIEW);
    fake.failNext(403, { times: 10, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 600) } });
    assert.match((await run(['create', '--trust-host', host()])).err, /rate-limiting requests until \d\d:\d\d UTC/);
    assert.equal(fs.readFileSync(reviewFile(), 'utf8'), REVIEW);
  });

  it('sends nothing to a host .pir.yaml names unless the caller trusts it, and nothing without a token', async () => {
    const before = fake.requests.length;
    const r = await run(['create']);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`GitHub acme/incident-actions: http://${host().replace('.', '\\.')} is named by \\.pir\\.yaml and not trusted; nothing was sent\\.`));
    const noToken = await run(['create', '--trust-host', host()], {});
    assert.match(noToken.err, /GITHUB_TOKEN is not set; nothing was sent/);
    assert.equal(fake.requests.length, before, 'no request reached the server');
    assert.equal(fs.readFileSync(reviewFile(), 'utf8'), REVIEW);
    const env = await run(['create'], { GITHUB_TOKEN: TOKEN, PIR_TRUSTED_TRACKER_HOSTS: `other.example, ${fake.url}` });
    assert.equal(env.code, 0, env.err);
  });

  it('Jira: the same flow with JIRA_API_TOKEN; a bad token is one line without the token', async () => {
    fs.writeFileSync(path.join(dir, '.pir.yaml'), `tracker:\n  jira:\n    url: ${fake.url}/jira\n    project: IDP\n    deployment: data-center\n`);
    const r = await run(['create', '--trust-host', host()], { JIRA_API_TOKEN: JIRA_TOKEN });
    assert.equal(r.code, 0, r.err);
    assert.match(fs.readFileSync(reviewFile(), 'utf8'), new RegExp(`tracking: ${fake.url}/jira/browse/IDP-1\\n`));
    const bad = await run(['status', '--trust-host', host()], { JIRA_API_TOKEN: 'not-the-token' });
    assert.equal(bad.code, 1);
    assert.match(bad.out, /not read: IDP-1: the tracker refused the token \(401\)/);
  });

  it('usage errors are one line: no tracker block, unknown subcommand', async () => {
    fs.writeFileSync(path.join(dir, '.pir.yaml'), 'rules: {}\n');
    await assert.rejects(run(['create']), /No tracker is configured: add a tracker: block/);
    await assert.rejects(run(['sync']), /Unknown tickets command "sync"/);
  });

  it('the built CLI loads the tracker clients from their own bundle and reports their failures as one line', async function () {
    const bin = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    if (!fs.existsSync(bin) || !fs.existsSync(path.join(path.dirname(bin), 'tracker-clients.js'))) this.skip();
    const cli = (args: string[]) => new Promise<{ code: number; out: string; err: string }>(resolve => {
      execFile(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, GITHUB_TOKEN: TOKEN } }, (e, out, err) => resolve({ code: e ? Number(e.code) : 0, out, err }));
    });
    fake.failNext(503, { body: { message: 'Service Unavailable' } });
    const failing = await cli(['tickets', 'create', '--trust-host', host()]);
    assert.equal(failing.code, 1);
    assert.match(failing.err, /^reviews\/login\.pir\.md:13 CAP-81-1: not created, left unchanged: GitHub milestones: the tracker answered 503: Service Unavailable; try again later\.$/m);
    assert.match(failing.out, /CAP-81-2 → http.*\n1 ticket opened, 1 failed; links written to 1 file\./, 'the next item still gets its ticket');
    const ok = await cli(['tickets', 'create', '--trust-host', host()]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /CAP-81-1 → http.*\n1 ticket opened; links written to 1 file\./, 'run again: the one that failed');
    for (const r of [failing, ok]) assert.ok(!r.out.includes(TOKEN) && !r.err.includes(TOKEN));
  });
});
