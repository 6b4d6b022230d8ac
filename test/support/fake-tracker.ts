/**
 * A local HTTP server that speaks the subsets of GitHub's and Jira's REST APIs the ticket clients
 * use (src/core/tickets/github.ts, jira.ts), for the unit and integration tests. GitHub lives at
 * the root (configure `apiUrl: <url>`; issue pages are <url>/OWNER/REPO/issues/N), Jira under
 * /jira (configure `url: <url>/jira`). Every GitHub response can be checked by `onGitHubResponse`
 * (the unit tests validate it against GitHub's OpenAPI description, so the fake cannot drift).
 *
 * The server keeps what it was sent; tests change tickets behind the tools' back (close one,
 * reassign one) and make the next requests fail (rate limit, 500) through its methods.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubIssueRecord {
  number: number; title: string; body: string; state: 'open' | 'closed'; state_reason: string | null;
  labels: string[]; assignees: string[]; milestone: number | null; created_at: string; updated_at: string; closed_at: string | null;
}
export interface GitHubMilestoneRecord { number: number; title: string; due_on: string | null; state: 'open' | 'closed' }
export interface JiraIssueRecord { key: string; id: string; summary: string; description: string; status: 'To Do' | 'In Progress' | 'Done'; assignee: string | null; duedate: string | null; labels: string[]; issuetype: string }

export interface RecordedRequest { method: string; path: string; authorization?: string; body?: unknown }

export interface FakeTrackerOptions {
  /** the token GitHub accepts (`Authorization: token X` or `Bearer X`) */
  githubToken: string;
  /** Jira: the e-mail and API token (Cloud basic auth) and/or the personal access token (Bearer) */
  jiraEmail?: string;
  jiraToken: string;
  /** called with each GitHub response before it is sent: operation (method and path template), status, body */
  onGitHubResponse?: (method: string, template: string, status: number, body: unknown) => void;
  /** called with each GitHub request body: operation, body */
  onGitHubRequest?: (method: string, template: string, body: unknown) => void;
}

const STATUS_CATEGORY: Record<JiraIssueRecord['status'], { id: number; key: string; name: string }> = {
  'To Do': { id: 2, key: 'new', name: 'To Do' }, 'In Progress': { id: 4, key: 'indeterminate', name: 'In Progress' }, Done: { id: 3, key: 'done', name: 'Done' },
};

export class FakeTracker {
  readonly requests: RecordedRequest[] = [];
  readonly github = new Map<string, { issues: GitHubIssueRecord[]; milestones: GitHubMilestoneRecord[] }>();
  readonly jira = new Map<string, JiraIssueRecord>();
  /** Jira users (Cloud account IDs or Data Center names) that exist */
  readonly jiraUsers = new Set<string>();
  private failures: { status: number; headers?: Record<string, string>; body?: unknown; times: number }[] = [];
  private server!: http.Server;
  url = '';
  private clock = Date.parse('2026-11-23T09:00:00Z');

  constructor(private options: FakeTrackerOptions) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => { void this.handle(req, res); });
    await new Promise<void>(r => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections?.();
    return new Promise(r => this.server.close(() => r()));
  }

  /** forgets every ticket and pending failure (between tests) */
  reset(): void { this.github.clear(); this.jira.clear(); this.failures = []; }

  /** a repository the GitHub side knows */
  repo(full: string) {
    let r = this.github.get(full.toLowerCase());
    if (!r) { r = { issues: [], milestones: [] }; this.github.set(full.toLowerCase(), r); }
    return r;
  }

  /** the next `times` requests fail with this status (429 with rate-limit headers, 500, 401…) */
  failNext(status: number, options: { headers?: Record<string, string>; body?: unknown; times?: number } = {}): void {
    this.failures.push({ status, headers: options.headers, body: options.body, times: options.times ?? 1 });
  }

  /** closes a GitHub issue as someone on the tracker would */
  closeGitHubIssue(full: string, number: number): void {
    const i = this.repo(full).issues.find(x => x.number === number);
    if (!i) throw new Error(`no issue ${full}#${number}`);
    i.state = 'closed'; i.state_reason = 'completed'; i.closed_at = this.now(); i.updated_at = i.closed_at;
  }

  private now(): string { this.clock += 60_000; return new Date(this.clock).toISOString().replace('.000Z', 'Z'); }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try { body = raw ? JSON.parse(raw) : undefined; } catch { body = raw; }
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, authorization: req.headers.authorization, body });
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(data !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers });
      res.end(data !== undefined ? JSON.stringify(data) : undefined);
    };
    const failure = this.failures[0];
    if (failure) {
      if (--failure.times <= 0) this.failures.shift();
      send(failure.status, failure.body ?? { message: http.STATUS_CODES[failure.status] ?? 'error' }, failure.headers);
      return;
    }
    try {
      if (url.pathname.startsWith('/jira/')) this.jiraRoute(req.method ?? 'GET', url, body, req.headers.authorization, send);
      else this.githubRoute(req.method ?? 'GET', url, body, req.headers.authorization, send);
    } catch (e) {
      send(500, { message: (e as Error).message });
    }
  }

  // ----------------------------------------------------------------------------------- GitHub

  private githubUser(login: string, id = 1000) {
    const api = `${this.url}/users/${login}`;
    return {
      login, id, node_id: `U_${id}`, avatar_url: `${this.url}/avatars/${login}`, gravatar_id: '', url: api, html_url: `${this.url}/${login}`,
      followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`, gists_url: `${api}/gists{/gist_id}`, starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`, organizations_url: `${api}/orgs`, repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`, type: 'User', site_admin: false,
    };
  }

  private githubMilestone(full: string, m: GitHubMilestoneRecord, issues: GitHubIssueRecord[]) {
    const api = `${this.url}/repos/${full}/milestones/${m.number}`;
    const mine = issues.filter(i => i.milestone === m.number);
    return {
      url: api, html_url: `${this.url}/${full}/milestone/${m.number}`, labels_url: `${api}/labels`, id: 5000 + m.number, node_id: `MI_${m.number}`,
      number: m.number, state: m.state, title: m.title, description: null, creator: this.githubUser('pir-bot', 1),
      open_issues: mine.filter(i => i.state === 'open').length, closed_issues: mine.filter(i => i.state === 'closed').length,
      created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z', closed_at: null, due_on: m.due_on,
    };
  }

  private githubIssue(full: string, i: GitHubIssueRecord) {
    const r = this.repo(full);
    const api = `${this.url}/repos/${full}/issues/${i.number}`;
    const assignees = i.assignees.map((a, k) => this.githubUser(a, 2000 + k));
    const m = i.milestone !== null ? r.milestones.find(x => x.number === i.milestone) : undefined;
    return {
      id: 9000 + i.number, node_id: `I_${i.number}`, url: api, repository_url: `${this.url}/repos/${full}`, labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`, events_url: `${api}/events`, html_url: `${this.url}/${full}/issues/${i.number}`, number: i.number,
      state: i.state, state_reason: i.state_reason, title: i.title, body: i.body, user: this.githubUser('pir-bot', 1),
      labels: i.labels.map((name, k) => ({ id: 700 + k, node_id: `LA_${k}`, url: `${this.url}/repos/${full}/labels/${encodeURIComponent(name)}`, name, description: null, color: 'ededed', default: false })),
      assignee: assignees[0] ?? null, assignees, milestone: m ? this.githubMilestone(full, m, r.issues) : null,
      locked: false, active_lock_reason: null, comments: 0, closed_at: i.closed_at, created_at: i.created_at, updated_at: i.updated_at,
      author_association: 'MEMBER',
    };
  }

  private githubRoute(method: string, url: URL, body: unknown, auth: string | undefined, send: (s: number, d?: unknown, h?: Record<string, string>) => void) {
    const reply = (template: string, status: number, data: unknown) => { this.options.onGitHubResponse?.(method, template, status, data); send(status, data, { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }); };
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth ?? '')?.[1];
    if (token !== this.options.githubToken) { send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }); return; }
    let m: RegExpExecArray | null;
    const b = (body ?? {}) as Record<string, unknown>;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(url.pathname)) && method === 'POST') {
      const full = `${m[1]}/${m[2]}`, r = this.repo(full);
      this.options.onGitHubRequest?.(method, '/repos/{owner}/{repo}/issues', body);
      if (typeof b.title !== 'string' || !b.title) { send(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }], documentation_url: 'https://docs.github.com/rest', status: '422' }); return; }
      const at = this.now();
      const issue: GitHubIssueRecord = {
        number: r.issues.length + r.milestones.length + 1, title: b.title, body: String(b.body ?? ''), state: 'open', state_reason: null,
        labels: (b.labels as string[] | undefined) ?? [], assignees: (b.assignees as string[] | undefined) ?? [], milestone: (b.milestone as number | undefined) ?? null,
        created_at: at, updated_at: at, closed_at: null,
      };
      r.issues.push(issue);
      reply('/repos/{owner}/{repo}/issues', 201, this.githubIssue(full, issue));
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(url.pathname))) {
      const full = `${m[1]}/${m[2]}`;
      const issue = this.repo(full).issues.find(i => i.number === Number(m![3]));
      if (!issue) { send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }); return; }
      const template = '/repos/{owner}/{repo}/issues/{issue_number}';
      if (method === 'GET') { reply(template, 200, this.githubIssue(full, issue)); return; }
      if (method === 'PATCH') {
        this.options.onGitHubRequest?.(method, template, body);
        if (b.state === 'open' || b.state === 'closed') {
          if (b.state !== issue.state) { issue.state = b.state; issue.closed_at = b.state === 'closed' ? this.now() : null; }
          issue.state_reason = b.state === 'closed' ? String(b.state_reason ?? 'completed') : issue.state_reason && 'reopened';
        }
        if (Array.isArray(b.assignees)) issue.assignees = b.assignees as string[];
        if ('milestone' in b) issue.milestone = (b.milestone as number | null) ?? null;
        issue.updated_at = this.now();
        reply(template, 200, this.githubIssue(full, issue));
        return;
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/milestones$/.exec(url.pathname))) {
      const full = `${m[1]}/${m[2]}`, r = this.repo(full);
      const template = '/repos/{owner}/{repo}/milestones';
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        reply(template, 200, r.milestones.filter(x => state === 'all' || x.state === state).map(x => this.githubMilestone(full, x, r.issues)));
        return;
      }
      if (method === 'POST') {
        this.options.onGitHubRequest?.(method, template, body);
        const ms: GitHubMilestoneRecord = { number: r.issues.length + r.milestones.length + 1, title: String(b.title), due_on: typeof b.due_on === 'string' ? b.due_on.replace(/\.\d+Z$/, 'Z') : null, state: 'open' };
        r.milestones.push(ms);
        reply(template, 201, this.githubMilestone(full, ms, r.issues));
        return;
      }
    }
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  }

  // ------------------------------------------------------------------------------------- Jira

  private jiraIssue(i: JiraIssueRecord) {
    const cat = STATUS_CATEGORY[i.status];
    return {
      id: i.id, key: i.key, self: `${this.url}/jira/rest/api/2/issue/${i.id}`,
      fields: {
        summary: i.summary, duedate: i.duedate,
        status: { name: i.status, id: String(cat.id * 10), statusCategory: { id: cat.id, key: cat.key, name: cat.name } },
        assignee: i.assignee ? { accountId: i.assignee, name: i.assignee, displayName: i.assignee } : null,
      },
    };
  }

  private jiraRoute(method: string, url: URL, body: unknown, auth: string | undefined, send: (s: number, d?: unknown) => void) {
    const o = this.options;
    const basic = /^basic\s+(.+)$/i.exec(auth ?? '')?.[1];
    const bearer = /^bearer\s+(.+)$/i.exec(auth ?? '')?.[1];
    const ok = (basic && Buffer.from(basic, 'base64').toString('utf8') === `${o.jiraEmail}:${o.jiraToken}`) || (bearer && bearer === o.jiraToken);
    if (!ok) { send(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} }); return; }
    const path = url.pathname.slice('/jira'.length);
    const b = (body ?? {}) as { fields?: Record<string, unknown>; transition?: { id?: string } };
    let m: RegExpExecArray | null;
    const checkUser = (a: unknown): string | null | undefined => {
      if (a === null) return null;
      const u = (a as { accountId?: string; name?: string } | undefined)?.accountId ?? (a as { name?: string } | undefined)?.name;
      if (u === undefined) return undefined;
      if (!this.jiraUsers.has(u)) throw Object.assign(new Error(`User '${u}' cannot be assigned issues.`), { jira: true });
      return u;
    };
    try {
      if (path === '/rest/api/2/issue' && method === 'POST') {
        const f = b.fields ?? {};
        const project = (f.project as { key?: string } | undefined)?.key;
        if (!project || typeof f.summary !== 'string') { send(400, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } }); return; }
        const n = [...this.jira.values()].filter(i => i.key.startsWith(project + '-')).length + 1;
        const rec: JiraIssueRecord = {
          key: `${project}-${n}`, id: String(10000 + this.jira.size), summary: f.summary, description: String(f.description ?? ''), status: 'To Do',
          assignee: checkUser(f.assignee) ?? null, duedate: (f.duedate as string | undefined) ?? null, labels: (f.labels as string[] | undefined) ?? [],
          issuetype: (f.issuetype as { name?: string } | undefined)?.name ?? 'Task',
        };
        this.jira.set(rec.key, rec);
        send(201, { id: rec.id, key: rec.key, self: `${this.url}/jira/rest/api/2/issue/${rec.id}` });
        return;
      }
      if ((m = /^\/rest\/api\/2\/issue\/([A-Z][A-Z0-9_]*-\d+)(\/transitions)?$/.exec(path))) {
        const rec = this.jira.get(m[1]);
        if (!rec) { send(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} }); return; }
        if (m[2]) {
          if (method === 'GET') {
            send(200, { expand: 'transitions', transitions: (['To Do', 'In Progress', 'Done'] as const).filter(s => s !== rec.status).map((s, k) => ({ id: String(11 + k * 10), name: s === 'Done' ? 'Resolve' : s === 'To Do' ? 'Reopen' : 'Start', to: { name: s, statusCategory: STATUS_CATEGORY[s] } })) });
            return;
          }
          const to = (['To Do', 'In Progress', 'Done'] as const).filter(s => s !== rec.status)[(Number(b.transition?.id) - 11) / 10];
          if (!to) { send(400, { errorMessages: ['Transition id is not valid.'], errors: {} }); return; }
          rec.status = to;
          send(204);
          return;
        }
        if (method === 'GET') { send(200, this.jiraIssue(rec)); return; }
        if (method === 'PUT') {
          const f = b.fields ?? {};
          if ('assignee' in f) rec.assignee = checkUser(f.assignee) ?? null;
          if ('duedate' in f) rec.duedate = (f.duedate as string | null) ?? null;
          send(204);
          return;
        }
      }
    } catch (e) {
      if ((e as { jira?: boolean }).jira) { send(400, { errorMessages: [], errors: { assignee: (e as Error).message } }); return; }
      throw e;
    }
    send(404, { errorMessages: ['Not found'], errors: {} });
  }
}
