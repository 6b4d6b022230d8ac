/**
 * `pir tickets create|status [paths…]`: open a ticket for each open action item without
 * `tracking:` and write its link into the review (atomically); read the linked tickets and report
 * their state and any drift (the ticket-drift rule's findings). The tracker comes from the nearest
 * `.pir.yaml`'s `tracker:` block; tokens from GITHUB_TOKEN / JIRA_API_TOKEN, sent only to
 * api.github.com or to a host the caller trusts (--trust-host, PIR_TRUSTED_TRACKER_HOSTS): a
 * `.pir.yaml` in a pull request cannot send a CI token elsewhere. Tokens are never printed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  summarize, trackerLabel, trackerOrigin, isTicketError,
  type TicketEntry, type TicketSnapshot, type TrackerConfig, type TrackerPort,
} from '../core';
import { createTicketsInText, itemsNeedingTicket, linkedTickets, readTickets } from '../core/tickets/sync';
import { driftOf } from '../core/tickets/drift';
import type * as Clients from '../core/tickets/clients';
import { ConfigResolver } from './config';
import { displayPath, expandInputs, readText, UsageError } from './files';
import { safeWriteFile } from './safeWrite';
import type { Io } from './main';

export const TICKETS_HELP = `pir tickets — corrective actions as tickets (GitHub Issues or Jira), from .pir.yaml's tracker: block

Usage:
  pir tickets create [paths…] [--dry-run]      open a ticket for each open action item without tracking:
                                               and write its link into the review
  pir tickets status [paths…] [--format text|json] [--output FILE]
                                               read each linked ticket; report its state and drift
Options: --config .pir.yaml, --trust-host HOST (repeatable; also PIR_TRUSTED_TRACKER_HOSTS=host,host)
Tokens: GITHUB_TOKEN (GitHub), JIRA_API_TOKEN (Jira), from the environment only.
Exit codes: 0 done, 1 an item failed or drifted, 2 a usage error. See docs/tickets.md.
`;

const DEFAULT_TRUSTED = ['https://api.github.com'];

/** Loads the tracker clients: dist/tracker-clients.js next to the CLI bundle, or the source when run from it (tests). */
function loadClients(): typeof Clients {
  const bundled = `${__dirname}/tracker-clients.js`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(bundled) as typeof Clients;
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
  }
  const source = '../core/tickets/clients';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(source) as typeof Clients;
}

/** A trusted host as compared: an origin (scheme://host[:port]) when written with a scheme, else host[:port] (any scheme). */
function trustEntry(host: string): string {
  const h = host.trim();
  if (/^https?:\/\//i.test(h)) { try { return new URL(h).origin.toLowerCase(); } catch { return h.toLowerCase(); } }
  return h.replace(/\/+$/, '').toLowerCase();
}

function isTrusted(trusted: Set<string>, origin: string): boolean {
  return trusted.has(origin) || trusted.has(new URL(origin).host);
}

interface Ctx { io: Io; env: NodeJS.ProcessEnv; trusted: Set<string>; ports: Map<string, TrackerPort>; clients?: typeof Clients }

/** The client for a tracker, or a one-line reason why there is none (no token, host not trusted). */
function portFor(ctx: Ctx, config: TrackerConfig): TrackerPort | string {
  const key = JSON.stringify(config);
  const hit = ctx.ports.get(key);
  if (hit) return hit;
  const host = trackerOrigin(config);
  if (!isTrusted(ctx.trusted, host)) return `${trackerLabel(config)}: ${host} is named by .pir.yaml and not trusted; nothing was sent. Trust it with --trust-host ${new URL(host).host} (or PIR_TRUSTED_TRACKER_HOSTS).`;
  const variable = config.kind === 'github' ? 'GITHUB_TOKEN' : 'JIRA_API_TOKEN';
  const token = ctx.env[variable]?.trim();
  if (!token) return `${trackerLabel(config)}: ${variable} is not set; nothing was sent (docs/tickets.md says how to make a token).`;
  ctx.clients ??= loadClients();
  const port = ctx.clients.createTracker(config, token);
  ctx.ports.set(key, port);
  return port;
}

export async function ticketsCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') { io.out(TICKETS_HELP); return sub ? 0 : 2; }
  if (sub !== 'create' && sub !== 'status') throw new UsageError(`Unknown tickets command "${sub}": use create or status.\n\n${TICKETS_HELP}`);
  const { values, positionals } = parseArgs({
    args: rest, allowPositionals: true, strict: true,
    options: {
      config: { type: 'string', short: 'c' }, 'trust-host': { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', short: 'f', default: 'text' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) { io.out(TICKETS_HELP); return 0; }
  if (!['text', 'json'].includes(values.format!)) throw new UsageError(`Unknown format "${values.format}": use text or json.`);
  const trusted = new Set([...DEFAULT_TRUSTED, ...(values['trust-host'] ?? []), ...(env.PIR_TRUSTED_TRACKER_HOSTS ?? '').split(',').filter(s => s.trim())].map(trustEntry));
  const ctx: Ctx = { io, env, trusted, ports: new Map() };
  const files = expandInputs(positionals, io.cwd);
  const resolver = new ConfigResolver(values.config);
  const withTracker = files.map(f => ({ file: f, tracker: resolver.resolve(f).config.tracker }));
  if (!withTracker.some(f => f.tracker)) throw new UsageError('No tracker is configured: add a tracker: block (github or jira) to .pir.yaml (docs/tickets.md).');
  return sub === 'create' ? create(ctx, withTracker, values['dry-run']!) : status(ctx, withTracker, values.format!, values.output);
}

async function create(ctx: Ctx, files: { file: string; tracker?: TrackerConfig }[], dryRun: boolean): Promise<number> {
  const { io } = ctx;
  let opened = 0, failed = 0, written = 0;
  for (const { file, tracker } of files) {
    const shown = displayPath(file, io.cwd);
    if (!tracker) continue;
    let text: string;
    try { text = readText(file); } catch (e) { io.err(`${shown}: could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`); failed++; continue; }
    const pending = itemsNeedingTicket(summarize(file, text));
    if (!pending.length) continue;
    if (dryRun) { for (const a of pending) io.out(`${shown}:${a.line + 1} ${a.id || '(no id)'} would get a ticket in ${trackerLabel(tracker)}`); continue; }
    const port = portFor(ctx, tracker);
    if (typeof port === 'string') { io.err(port); failed += pending.length; for (const a of pending) io.err(`${shown}:${a.line + 1} ${a.id || '(no id)'}: not created (left unchanged)`); continue; }
    const result = await createTicketsInText(text, port, { link: shown.split('\\').join('/') }, undefined, r => {
      if (r.url) { opened++; io.out(`${shown}:${r.line + 1} ${r.id || '(no id)'} → ${r.url} (${r.key})`); }
      else { failed++; io.err(`${shown}:${r.line + 1} ${r.id || '(no id)'}: not created, left unchanged: ${r.error}`); }
    });
    if (result.text !== text) { safeWriteFile(file, result.text, { display: shown }); written++; }
  }
  if (!dryRun) io.out(`${opened} ticket${opened === 1 ? '' : 's'} opened${failed ? `, ${failed} failed` : ''}; links written to ${written} file${written === 1 ? '' : 's'}.`);
  return failed ? 1 : 0;
}

interface StatusItem { file: string; line: number; id: string; url: string; state?: string; error?: string; drift: { kind: string; message: string }[] }

async function status(ctx: Ctx, files: { file: string; tracker?: TrackerConfig }[], format: string, output?: string): Promise<number> {
  const { io } = ctx;
  const snapshot: TicketSnapshot = { syncedAt: new Date().toISOString(), tickets: {} };
  const items: StatusItem[] = [];
  let problems = 0;
  for (const { file, tracker } of files) {
    if (!tracker) continue;
    const shown = displayPath(file, io.cwd);
    let text: string;
    try { text = readText(file); } catch { continue; }
    const links = linkedTickets(summarize(file, text), tracker);
    if (!links.length) continue;
    const port = portFor(ctx, tracker);
    let entries: Record<string, TicketEntry>;
    if (typeof port === 'string') {
      io.err(port);
      entries = Object.fromEntries(links.map(l => [l.url, { url: l.url, error: port, syncedAt: snapshot.syncedAt }]));
    } else {
      entries = await readTickets(links.map(l => l.url).filter(u => !snapshot.tickets[u]), port);
    }
    Object.assign(snapshot.tickets, entries);
    for (const { action, url } of links) {
      const e = snapshot.tickets[url];
      const it: StatusItem = { file: shown, line: action.line + 1, id: action.id, url, drift: [] };
      if (isTicketError(e)) { it.error = e.error; problems++; }
      else { it.state = `${e.state} (${e.status})`; it.drift = driftOf(action, e, tracker).map(d => ({ kind: d.kind, message: d.message })); if (it.drift.length) problems++; }
      items.push(it);
    }
  }
  const text = format === 'json'
    ? JSON.stringify({ ...snapshot, items }, null, 2)
    : [
      ...items.map(i => [`${i.file}:${i.line} ${i.id || '(no id)'} ${i.url} ${i.error ? `not read: ${i.error}` : i.state}`, ...i.drift.map(d => `  ticket-drift: ${d.message}`)].join('\n')),
      `${items.length} linked ticket${items.length === 1 ? '' : 's'} read at ${snapshot.syncedAt.slice(0, 16).replace('T', ' ')} UTC; ${items.filter(i => i.drift.length).length} disagree${items.filter(i => i.drift.length).length === 1 ? 's' : ''} with the review, ${items.filter(i => i.error).length} not read.`,
    ].join('\n');
  // never through a symbolic link (safeWrite.ts)
  if (output) safeWriteFile(path.resolve(io.cwd, output), text + '\n', { display: output });
  else io.out(text);
  return problems ? 1 : 0;
}

/** Reads a snapshot written by `pir tickets status --format json` (for `pir actions|report --tickets FILE`). */
export function readSnapshot(file: string): TicketSnapshot {
  let data: unknown;
  try { data = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new UsageError(`--tickets ${file}: not a JSON file written by pir tickets status --format json (${(e as Error).message.split('\n')[0]}).`); }
  const d = data as Partial<TicketSnapshot>;
  if (!d || typeof d.syncedAt !== 'string' || !d.tickets || typeof d.tickets !== 'object') throw new UsageError(`--tickets ${file}: not a snapshot written by pir tickets status --format json.`);
  return { syncedAt: d.syncedAt, tickets: d.tickets };
}
