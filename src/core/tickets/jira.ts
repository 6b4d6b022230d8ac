/**
 * Jira Cloud and Jira Data Center / Server through jira.js (REST API v2, which both speak: plain
 * text descriptions). Operations used: create issue, get issue (summary, status, assignee,
 * duedate), edit issue (assignee, duedate), get transitions, do transition. Cloud authenticates
 * with the account's e-mail and an API token (users are account IDs); Data Center with a personal
 * access token as a Bearer token (users are user names). Only the two modules used are imported,
 * not the whole client.
 */
import { BaseClient } from 'jira.js/clients/baseClient';
import { Issues } from 'jira.js/version2/issues';
import { brief, httpFailure, offline } from './errors';
import { ownerForUser } from './mapping';
import { TrackerError, type JiraTrackerConfig, type NewTicket, type TicketPatch, type TicketState } from './model';
import { ticketRef, type TrackerPort } from './port';

interface JiraIssue {
  key: string;
  fields: {
    summary?: string;
    status?: { name?: string; statusCategory?: { key?: string } };
    assignee?: { accountId?: string; name?: string; displayName?: string } | null;
    duedate?: string | null;
  };
}
interface JiraTransition { id: string; name: string; to?: { name?: string; statusCategory?: { key?: string } } }

export class JiraTracker implements TrackerPort {
  private issues: Issues;

  constructor(readonly config: JiraTrackerConfig, token: string, timeoutMs = 15_000) {
    if (config.deployment === 'cloud' && !config.email) throw new TrackerError('config', 'Jira Cloud needs "email" in the tracker block of .pir.yaml: the account the API token belongs to.');
    const common = { host: config.url, baseRequestConfig: { timeout: timeoutMs, maxRedirects: 0, proxy: false }, noCheckAtlassianToken: true };
    const client = config.deployment === 'cloud'
      ? new BaseClient({ ...common, authentication: { basic: { email: config.email!, apiToken: token } } })
      : new BaseClient({ ...common, authentication: { oauth2: { accessToken: token } } });
    this.issues = new Issues(client);
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.failure(e, what);
    }
  }

  private failure(e: unknown, what: string): TrackerError {
    if (e instanceof TrackerError) return e;
    // jira.js: HttpException { status, response: { data } } when Jira answered; an axios error (code) when not
    const err = e as { status?: number; code?: string; response?: { data?: unknown; status?: number; headers?: Record<string, string> }; cause?: { response?: { headers?: Record<string, string> } } };
    const status = err.status ?? err.response?.status;
    if (!status || status === 500 && !err.response) return offline(what, new URL(this.config.url).host, err.code);
    const data = (err.response as { data?: { errorMessages?: string[]; errors?: Record<string, string> } } | undefined)?.data;
    const detail = brief([...(data?.errorMessages ?? []), ...Object.entries(data?.errors ?? {}).map(([k, v]) => `${k}: ${v}`)].join('; '));
    const headers = err.cause?.response?.headers ?? err.response?.headers ?? {};
    const retry = headers['retry-after'];
    return httpFailure(status, what, detail, status === 429 && retry ? new Date(Date.now() + Number(retry) * 1000) : undefined);
  }

  private key(url: string): string {
    const ref = ticketRef(url, this.config);
    if (!ref) throw new TrackerError('config', `${url} is not an issue on ${this.config.url} (the tracker in .pir.yaml).`);
    return ref.key;
  }

  private user(u: string): Record<string, string> { return this.config.deployment === 'cloud' ? { accountId: u } : { name: u }; }

  async create(t: NewTicket): Promise<{ url: string; key: string }> {
    const fields: Record<string, unknown> = {
      project: { key: this.config.project }, issuetype: { name: this.config.issueType },
      summary: t.title, description: t.body, labels: t.labels.map(l => l.replace(/\s+/g, '-')),
    };
    if (t.assignee) fields.assignee = this.user(t.assignee);
    if (t.due) fields.duedate = t.due;
    const created = await this.call(`New issue in Jira ${this.config.project}`, () => this.issues.createIssue({ fields } as never)) as { key: string };
    return { url: `${this.config.url}/browse/${created.key}`, key: created.key };
  }

  async get(url: string): Promise<TicketState> {
    const key = this.key(url);
    const issue = await this.call(key, () => this.issues.getIssue({ issueIdOrKey: key, fields: ['summary', 'status', 'assignee', 'duedate'] })) as unknown as JiraIssue;
    return this.state(url, issue);
  }

  async update(url: string, patch: TicketPatch): Promise<TicketState> {
    const key = this.key(url);
    const fields: Record<string, unknown> = {};
    if (patch.assignee !== undefined) fields.assignee = patch.assignee ? this.user(patch.assignee) : null;
    if (patch.due !== undefined) fields.duedate = patch.due;
    if (Object.keys(fields).length) await this.call(key, () => this.issues.editIssue({ issueIdOrKey: key, fields } as never));
    if (patch.state) {
      const { transitions = [] } = await this.call(key, () => this.issues.getTransitions({ issueIdOrKey: key })) as { transitions?: JiraTransition[] };
      const want = patch.state === 'closed' ? 'done' : 'new';
      const fitting = transitions.filter(t => patch.state === 'closed' ? t.to?.statusCategory?.key === 'done' : t.to?.statusCategory?.key !== 'done');
      const pick = fitting.find(t => t.to?.statusCategory?.key === want) ?? fitting[0];
      if (!pick) throw new TrackerError('invalid', `${key}: its workflow offers no transition to ${patch.state === 'closed' ? 'a done status' : 'an open status'} now; change it in Jira.`);
      await this.call(key, () => this.issues.doTransition({ issueIdOrKey: key, transition: { id: pick.id } }));
    }
    return this.get(url);
  }

  private state(url: string, issue: JiraIssue): TicketState {
    const f = issue.fields ?? {};
    const user = f.assignee ? (this.config.deployment === 'cloud' ? f.assignee.accountId : f.assignee.name) : undefined;
    return {
      url, key: issue.key, title: f.summary ?? '',
      state: f.status?.statusCategory?.key === 'done' ? 'closed' : 'open',
      status: f.status?.name ?? 'unknown',
      assignee: user, owner: ownerForUser(user, this.config),
      due: f.duedate ?? undefined,
      syncedAt: new Date().toISOString(),
    };
  }
}
