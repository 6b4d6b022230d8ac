/**
 * The `tracker:` block of `.pir.yaml` (schemas/pir-config.schema.json describes the same):
 *
 *   tracker:
 *     github: { repository: acme/actions, apiUrl?, labels?, typeLabels?, due?: milestone|body, owners? }
 *   or
 *     jira: { url, project, issueType?, deployment?: cloud|data-center, email?, labels?, typeLabels?, owners? }
 *
 * Data only. Problems come back through `report(message, path)` as one line each; the result is
 * undefined when the block cannot be used.
 */
import type { GitHubTrackerConfig, JiraTrackerConfig, TrackerConfig } from './model';

type Report = (message: string, path: (string | number)[]) => void;

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** An owner handle as compared: lower case, without a leading `@`. */
export const ownerKey = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();

function httpUrl(v: unknown, what: string, path: (string | number)[], report: Report): string | undefined {
  if (typeof v !== 'string' || !v.trim()) { report(`"${what}" must be an http(s) address.`, path); return undefined; }
  let u: URL;
  try { u = new URL(v.trim()); } catch { report(`"${what}": "${v}" is not an address (write it with https://).`, path); return undefined; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') { report(`"${what}" must be an http(s) address, not ${u.protocol}.`, path); return undefined; }
  if (u.username || u.password) { report(`"${what}" must not carry a user name or password: credentials never go in .pir.yaml.`, path); return undefined; }
  if (u.search || u.hash) { report(`"${what}" must be a base address without ? or #.`, path); return undefined; }
  return u.href.replace(/\/+$/, '');
}

function common(d: Record<string, unknown>, base: string[], report: Report): { labels: string[]; typeLabels: boolean; owners: Record<string, string> } {
  let labels: string[] = [];
  if (d.labels !== undefined) {
    if (Array.isArray(d.labels) && d.labels.every(l => typeof l === 'string' && l.trim())) labels = (d.labels as string[]).map(l => l.trim());
    else report('"labels" must be a list of label names.', [...base, 'labels']);
  }
  let typeLabels = true;
  if (d.typeLabels !== undefined) {
    if (typeof d.typeLabels === 'boolean') typeLabels = d.typeLabels;
    else report('"typeLabels" must be true or false.', [...base, 'typeLabels']);
  }
  const owners: Record<string, string> = {};
  if (d.owners !== undefined) {
    if (isMap(d.owners) && Object.values(d.owners).every(v => typeof v === 'string' && v.trim())) {
      for (const [k, v] of Object.entries(d.owners)) owners[ownerKey(k)] = (v as string).trim();
    } else report('"owners" must map owner handles (@ana) to tracker users (a login, account ID or user name).', [...base, 'owners']);
  }
  return { labels, typeLabels, owners };
}

const GITHUB_KEYS = ['repository', 'apiUrl', 'labels', 'typeLabels', 'due', 'owners'];
const JIRA_KEYS = ['url', 'project', 'issueType', 'deployment', 'email', 'labels', 'typeLabels', 'owners'];

export function parseTrackerConfig(value: unknown, report: Report): TrackerConfig | undefined {
  if (!isMap(value)) { report('"tracker" must be a mapping with one key, github or jira.', ['tracker']); return undefined; }
  const kinds = Object.keys(value);
  if (kinds.length !== 1 || !['github', 'jira'].includes(kinds[0])) {
    report(`"tracker" must have exactly one key, github or jira${kinds.length ? ` (found ${kinds.join(', ')})` : ''}.`, ['tracker']);
    return undefined;
  }
  const kind = kinds[0] as 'github' | 'jira';
  const d = value[kind];
  const base = ['tracker', kind];
  if (!isMap(d)) { report(`"tracker.${kind}" must be a mapping of settings.`, base); return undefined; }
  for (const k of Object.keys(d)) {
    if (!(kind === 'github' ? GITHUB_KEYS : JIRA_KEYS).includes(k)) report(`Unknown setting "${k}" in tracker.${kind}.`, [...base, k]);
  }
  const c = common(d, base, report);
  if (kind === 'github') {
    const repo = typeof d.repository === 'string' ? /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(d.repository.trim()) : null;
    if (!repo) { report('"repository" must be owner/name, e.g. acme/incident-actions.', [...base, 'repository']); return undefined; }
    const apiUrl = d.apiUrl === undefined ? 'https://api.github.com' : httpUrl(d.apiUrl, 'apiUrl', [...base, 'apiUrl'], report);
    if (!apiUrl) return undefined;
    let dueAs: GitHubTrackerConfig['dueAs'] = 'milestone';
    if (d.due !== undefined) {
      if (d.due === 'milestone' || d.due === 'body') dueAs = d.due;
      else report('"due" must be milestone or body.', [...base, 'due']);
    }
    return { kind, owner: repo[1], repo: repo[2], apiUrl, dueAs, ...c };
  }
  const url = httpUrl(d.url, 'url', [...base, 'url'], report);
  if (!url) return undefined;
  if (typeof d.project !== 'string' || !/^[A-Z][A-Z0-9_]{0,254}$/.test(d.project.trim())) { report('"project" must be a Jira project key such as OPS.', [...base, 'project']); return undefined; }
  let deployment: JiraTrackerConfig['deployment'] = /\.atlassian\.net$/i.test(new URL(url).hostname) ? 'cloud' : 'data-center';
  if (d.deployment !== undefined) {
    if (d.deployment === 'cloud' || d.deployment === 'data-center') deployment = d.deployment;
    else report('"deployment" must be cloud or data-center.', [...base, 'deployment']);
  }
  let issueType = 'Task';
  if (d.issueType !== undefined) {
    if (typeof d.issueType === 'string' && d.issueType.trim()) issueType = d.issueType.trim();
    else report('"issueType" must be the name of an issue type, e.g. Task.', [...base, 'issueType']);
  }
  let email: string | undefined;
  if (d.email !== undefined) {
    if (typeof d.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(d.email.trim())) email = d.email.trim();
    else report('"email" must be the e-mail address of the account the API token belongs to.', [...base, 'email']);
  }
  if (deployment === 'cloud' && !email) report('Jira Cloud needs "email": the account the API token belongs to (the token itself never goes in .pir.yaml).', [...base, 'url']);
  return { kind, url, project: d.project.trim(), issueType, deployment, email, ...c };
}
