/**
 * GitHub Issues through @octokit/rest. Operations used (the test server speaks these, checked
 * against GitHub's OpenAPI description): issues/create, issues/get, issues/update,
 * issues/list-milestones, issues/create-milestone. `due:` is a milestone due that day when the
 * configuration says `due: milestone` (the default), found among the open milestones or created.
 */
import { Octokit } from '@octokit/rest';
import { brief, httpFailure, offline } from './errors';
import { ownerForUser } from './mapping';
import { TrackerError, type GitHubTrackerConfig, type NewTicket, type TicketPatch, type TicketState } from './model';
import { ticketRef, type TrackerPort } from './port';

const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

interface Issue {
  html_url: string; number: number; title: string; state: string; state_reason?: string | null;
  assignee?: { login: string } | null; assignees?: { login: string }[] | null;
  milestone?: { number: number; due_on: string | null; title: string } | null;
}

export class GitHubTracker implements TrackerPort {
  private octokit: Octokit;
  private milestones?: Promise<Map<string, number>>;

  constructor(readonly config: GitHubTrackerConfig, token: string, private timeoutMs = 15_000) {
    this.octokit = new Octokit({ auth: token, baseUrl: config.apiUrl, userAgent: 'pir-reviews', log: SILENT });
  }

  private get where() { return { owner: this.config.owner, repo: this.config.repo }; }

  private async call<T>(what: string, fn: (signal: AbortSignal) => Promise<{ data: T }>): Promise<T> {
    try {
      return (await fn(AbortSignal.timeout(this.timeoutMs))).data;
    } catch (e) {
      throw this.failure(e, what);
    }
  }

  private failure(e: unknown, what: string): TrackerError {
    if (e instanceof TrackerError) return e;
    const err = e as { status?: number; response?: { headers?: Record<string, string | undefined>; data?: { message?: string; errors?: { message?: string; field?: string; code?: string }[] } }; name?: string; cause?: { name?: string; code?: unknown; cause?: { code?: unknown } } };
    const host = new URL(this.config.apiUrl).host;
    if (!err.response) {
      // fetch failed: a system error code (ECONNREFUSED, ENOTFOUND) in its cause, or our timeout
      const timedOut = [err.name, err.cause?.name].some(n => n === 'TimeoutError' || n === 'AbortError');
      const code = timedOut ? 'timed out' : [err.cause?.code, err.cause?.cause?.code].find((c): c is string => typeof c === 'string');
      return offline(what, host, code);
    }
    const h = err.response.headers ?? {};
    const limited = err.status === 429 || (err.status === 403 && (h['x-ratelimit-remaining'] === '0' || h['retry-after'] !== undefined));
    const reset = h['x-ratelimit-reset'] ? new Date(Number(h['x-ratelimit-reset']) * 1000) : h['retry-after'] ? new Date(Date.now() + Number(h['retry-after']) * 1000) : undefined;
    const data = err.response.data;
    const detail = brief([data?.message, ...(data?.errors ?? []).map(x => x.message ?? [x.field, x.code].filter(Boolean).join(' '))].filter(Boolean).join('; '));
    return httpFailure(limited ? 429 : err.status ?? 0, what, detail, limited ? reset : undefined);
  }

  private number(url: string): { key: string; number: number } {
    const ref = ticketRef(url, this.config);
    if (!ref?.number) throw new TrackerError('config', `${url} is not an issue of ${this.config.owner}/${this.config.repo} (the tracker in .pir.yaml).`);
    return { key: ref.key, number: ref.number };
  }

  /** The open milestone due on a date (YYYY-MM-DD), created when there is none. */
  private async milestoneFor(due: string): Promise<number> {
    this.milestones ??= this.call('GitHub milestones', signal => this.octokit.rest.issues.listMilestones({ ...this.where, state: 'open', per_page: 100, request: { signal } }))
      .then(list => new Map(list.filter(m => m.due_on).map(m => [m.due_on!.slice(0, 10), m.number])), e => { this.milestones = undefined; throw e; });
    const known = await this.milestones;
    const hit = known.get(due);
    if (hit !== undefined) return hit;
    const created = await this.call(`GitHub milestone for ${due}`, signal => this.octokit.rest.issues.createMilestone({ ...this.where, title: `Due ${due}`, due_on: `${due}T00:00:00Z`, request: { signal } }));
    known.set(due, created.number);
    return created.number;
  }

  async create(t: NewTicket): Promise<{ url: string; key: string }> {
    const milestone = t.due && this.config.dueAs === 'milestone' ? await this.milestoneFor(t.due) : undefined;
    const issue = await this.call(`New issue in ${this.config.owner}/${this.config.repo}`, signal => this.octokit.rest.issues.create({
      ...this.where, title: t.title, body: t.body, labels: t.labels, ...(t.assignee ? { assignees: [t.assignee] } : {}), ...(milestone !== undefined ? { milestone } : {}), request: { signal },
    }));
    return { url: issue.html_url, key: `${this.config.owner}/${this.config.repo}#${issue.number}` };
  }

  async get(url: string): Promise<TicketState> {
    const { key, number } = this.number(url);
    const issue = await this.call(key, signal => this.octokit.rest.issues.get({ ...this.where, issue_number: number, request: { signal } }));
    return this.state(url, key, issue as Issue);
  }

  async update(url: string, patch: TicketPatch): Promise<TicketState> {
    const { key, number } = this.number(url);
    const body: Record<string, unknown> = {};
    if (patch.state) { body.state = patch.state; if (patch.state === 'closed') body.state_reason = 'completed'; }
    if (patch.assignee !== undefined) body.assignees = patch.assignee ? [patch.assignee] : [];
    if (patch.due !== undefined) {
      if (this.config.dueAs !== 'milestone') throw new TrackerError('config', `${key}: due dates are not carried to GitHub with "due: body" in .pir.yaml.`);
      body.milestone = patch.due ? await this.milestoneFor(patch.due) : null;
    }
    const issue = await this.call(key, signal => this.octokit.rest.issues.update({ ...this.where, issue_number: number, ...body, request: { signal } }));
    return this.state(url, key, issue as Issue);
  }

  private state(url: string, key: string, issue: Issue): TicketState {
    const login = issue.assignee?.login ?? issue.assignees?.[0]?.login;
    const closed = issue.state === 'closed';
    return {
      url, key, title: issue.title,
      state: closed ? 'closed' : 'open',
      status: closed && issue.state_reason ? `closed (${issue.state_reason.replace(/_/g, ' ')})` : issue.state,
      assignee: login, owner: ownerForUser(login, this.config),
      due: this.config.dueAs === 'milestone' ? issue.milestone?.due_on?.slice(0, 10) : undefined,
      syncedAt: new Date().toISOString(),
    };
  }
}

