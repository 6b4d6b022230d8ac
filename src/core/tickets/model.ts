/**
 * Corrective actions as tickets, tracker-neutral: what `.pir.yaml`'s `tracker:` block says
 * (TrackerConfig), the ticket an action item becomes (NewTicket), what a tracker says of a linked
 * ticket (TicketState) and the sync snapshot the editor and the CLI keep (TicketSnapshot).
 * No network, no `vscode`: the clients are in github.ts / jira.ts, loaded only when a ticket
 * command runs (clients.ts).
 */

export type TrackerKind = 'github' | 'jira';

interface TrackerCommon {
  /** labels every new ticket gets */
  labels: string[];
  /** the item's `type:` (prevent, mitigate, detect…) becomes a label too */
  typeLabels: boolean;
  /** owner handle as written in reviews (`@ana`, lower case, without `@`) → the tracker's user (login, account ID, user name) */
  owners: Record<string, string>;
}

export interface GitHubTrackerConfig extends TrackerCommon {
  kind: 'github';
  /** `owner/name` */
  owner: string;
  repo: string;
  /** REST API base URL without a trailing slash: https://api.github.com, or https://HOST/api/v3 (GitHub Enterprise Server) */
  apiUrl: string;
  /** how `due:` is carried: `milestone` (a milestone due that day, created when missing) or `body` (a line of the issue text, not compared) */
  dueAs: 'milestone' | 'body';
}

export interface JiraTrackerConfig extends TrackerCommon {
  kind: 'jira';
  /** the site, without a trailing slash: https://acme.atlassian.net or https://jira.example.com */
  url: string;
  /** project key, e.g. OPS */
  project: string;
  issueType: string;
  /** Cloud: basic auth with `email` and an API token, users are account IDs; Data Center: a personal access token (Bearer), users are user names */
  deployment: 'cloud' | 'data-center';
  email?: string;
}

export type TrackerConfig = GitHubTrackerConfig | JiraTrackerConfig;

/** The tracker's host, as the user confirms it ("send my token to this host?"): scheme://host[:port], lower case. */
export function trackerOrigin(config: TrackerConfig): string {
  return new URL(config.kind === 'github' ? config.apiUrl : config.url).origin.toLowerCase();
}

/** A short name of the tracker for messages: "GitHub acme/actions", "Jira OPS". */
export function trackerLabel(config: TrackerConfig): string {
  return config.kind === 'github' ? `GitHub ${config.owner}/${config.repo}` : `Jira ${config.project}`;
}

/** The ticket an action item becomes (mapping.ts builds it). */
export interface NewTicket {
  title: string;
  /** Markdown (GitHub) or plain text with the same lines (Jira) */
  body: string;
  /** tracker user, when the owner maps to one */
  assignee?: string;
  /** YYYY-MM-DD */
  due?: string;
  labels: string[];
}

/** What a tracker says of one linked ticket, at `syncedAt` (UTC ISO instant). */
export interface TicketState {
  url: string;
  /** "acme/actions#12", "OPS-12" */
  key: string;
  /** open or closed as the item's status compares with it (Jira: status category done = closed) */
  state: 'open' | 'closed';
  /** the tracker's own word: "open", "closed (completed)", "In Progress", "Done" */
  status: string;
  title: string;
  /** tracker user (login, account ID or user name), mapped back to an owner handle when the owners map names it */
  assignee?: string;
  /** the assignee as the review writes owners (`@ana`), when known */
  owner?: string;
  /** YYYY-MM-DD, when the tracker carries a due date for it */
  due?: string;
  syncedAt: string;
}

/** A ticket that could not be read at the last sync. */
export interface TicketError { url: string; error: string; syncedAt: string }

export type TicketEntry = TicketState | TicketError;

export const isTicketError = (e: TicketEntry | undefined): e is TicketError => !!e && 'error' in e;

/** The last sync: by ticket URL (as written in `tracking:`). Kept by the editor in its workspace state, by the CLI in a JSON file. */
export interface TicketSnapshot {
  syncedAt: string;
  tickets: Record<string, TicketEntry>;
}

/** Why a tracker call failed, for a one-line message per item. */
export type TrackerFailure = 'offline' | 'rate-limited' | 'unauthorized' | 'forbidden' | 'not-found' | 'invalid' | 'server' | 'untrusted' | 'no-token' | 'config';

export class TrackerError extends Error {
  override readonly name = 'TrackerError';
  constructor(readonly kind: TrackerFailure, message: string) { super(message); }
}

/**
 * Whether an error is a TrackerError, also one thrown by another bundle's copy of the class (the
 * clients are bundled on their own, dist/tracker-clients.js, so `instanceof` cannot tell).
 */
export function isTrackerError(e: unknown): e is TrackerError {
  return e instanceof TrackerError || (e instanceof Error && e.name === 'TrackerError' && typeof (e as { kind?: unknown }).kind === 'string');
}

/** Ticket fields a push sets (item → tracker). */
export interface TicketPatch { state?: 'open' | 'closed'; assignee?: string | null; due?: string | null }
