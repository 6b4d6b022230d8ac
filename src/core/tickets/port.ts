/**
 * The tracker port: what the ticket commands need of a tracker. GitHub (github.ts, @octokit/rest)
 * and Jira (jira.ts, jira.js) implement it; clients.ts makes one from the configuration and a token.
 * Every method rejects with a TrackerError (model.ts) whose message is one line, names the ticket
 * or the tracker, and never contains the token.
 */
import type { NewTicket, TicketPatch, TicketState, TrackerConfig } from './model';

export interface TrackerPort {
  readonly config: TrackerConfig;
  /** opens a ticket; resolves with its web address (what goes into `tracking:`) and key */
  create(ticket: NewTicket): Promise<{ url: string; key: string }>;
  /** reads a linked ticket */
  get(url: string): Promise<TicketState>;
  /** pushes the item's values; resolves with the ticket as it is afterwards */
  update(url: string, patch: TicketPatch): Promise<TicketState>;
}

/** The GitHub web host the API's issues live on: github.com for api.github.com, else the API's own host. */
function githubWebHost(apiUrl: string): string {
  const u = new URL(apiUrl);
  return u.host.toLowerCase() === 'api.github.com' ? 'github.com' : u.host.toLowerCase();
}

/**
 * The ticket a `tracking:` value names in this tracker, or undefined when it is another link (a
 * pull request, a page, another tracker): GitHub `https://HOST/OWNER/REPO/issues/N` of the
 * configured repository; Jira `SITE/browse/KEY-N` on the configured site.
 */
export function ticketRef(url: string, config: TrackerConfig): { key: string; number?: number } | undefined {
  let u: URL;
  try { u = new URL(url.trim()); } catch { return undefined; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (config.kind === 'github') {
    if (u.host.toLowerCase() !== githubWebHost(config.apiUrl)) return undefined;
    const m = /^\/([^/]+)\/([^/]+)\/issues\/(\d+)\/?$/.exec(u.pathname);
    if (!m || m[1].toLowerCase() !== config.owner.toLowerCase() || m[2].toLowerCase() !== config.repo.toLowerCase()) return undefined;
    return { key: `${config.owner}/${config.repo}#${m[3]}`, number: Number(m[3]) };
  }
  const site = new URL(config.url);
  if (u.origin.toLowerCase() !== site.origin.toLowerCase()) return undefined;
  const base = site.pathname.replace(/\/+$/, '');
  const m = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)\/?$/.exec(u.pathname.slice(base.length));
  if (!u.pathname.startsWith(base) || !m) return undefined;
  return { key: m[1] };
}

/** The address a `tracking:` value holds: the value itself, a Markdown link's target or the first http(s) address in it. */
export function trackingUrl(value: string): string | undefined {
  const v = value.trim().replace(/^<(.*)>$/, '$1');
  const m = /\]\((https?:\/\/[^)\s]+)\)/.exec(v) ?? /(https?:\/\/[^\s<>()]+)/.exec(v);
  return m ? m[1].replace(/[.,;]+$/, '') : undefined;
}
