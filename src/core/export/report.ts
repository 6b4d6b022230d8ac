/**
 * The audit report: per review, the lessons-learned control (NIST SP 800-61) — major or not,
 * resolved, meeting date, days to the meeting against policy, actions open / overdue / done and
 * verified (../format/verified: done with evidence) — then totals, open actions by owner and by age, and themes by domain.
 */
import { own } from '../safe/keys';
import { mdCell as cell, mdCode, mdFence } from '../safe/markdown';
import type { Config } from '../config';
import { defaultConfig } from '../config';
import type { IndexedAction, ReviewSummary } from '../workspace';
import { isOverdue } from '../workspace';
import { isOpenStatus } from '../format/actionItem';
import { DAY_MS, leadingYmd, parseInstant, utcDay } from '../time/calendar';
import { detectDrift } from '../tickets/drift';
import { isTicketError, type TicketSnapshot } from '../tickets/model';
import { trackingUrl } from '../tickets/port';
import { isDoneAndVerified } from '../format/verified';

export interface ReviewAudit {
  id: string; title: string; file: string; severity: string; status: string; major?: boolean;
  resolved?: string; reviewMeeting?: string;
  daysToMeeting?: number; deadlineDays: number; meetingCompliant?: boolean;
  open: number; overdue: number; done: number; verified: number; wontDo: number;
}

export interface AuditReport {
  generated: string;
  reviews: ReviewAudit[];
  totals: { reviews: number; major: number; meetingsLate: number; meetingsMissing: number; actions: number; open: number; overdue: number; done: number; verified: number };
  openByOwner: { owner: string; open: number; overdue: number }[];
  openByAge: { bucket: string; count: number }[];
  byDomain: { domain: string; total: number; open: number }[];
  /** the linked tickets at the last sync (present when the report was built with one) */
  tickets?: TicketAudit;
}

export interface TicketAudit {
  /** when the sync ran (UTC ISO instant) */
  syncedAt: string;
  /** actions with a tracking link / whose ticket was read / open / closed / not read / disagreeing with their item */
  linked: number; read: number; open: number; closed: number; unreadable: number; drifting: number;
  items: { id: string; review: string; file: string; url: string; state: string; syncedAt: string; drift: string[] }[];
}

const DAY = DAY_MS;
/** A front matter date or date-time (time/calendar): epoch ms; a date alone is its UTC midnight; NaN when none. */
function dateOf(s?: string): number {
  if (!s) return NaN;
  const t = parseInstant(s);
  if (t !== undefined) return t;
  const d = leadingYmd(s);
  return d ? Date.UTC(d.year, d.month - 1, d.day) : NaN;
}

export function buildAudit(reviews: ReviewSummary[], actions: IndexedAction[], opts: { now?: Date; config?: (uri: string) => Config; showFile?: (uri: string) => string; tickets?: TicketSnapshot } = {}): AuditReport {
  const now = opts.now ?? new Date();
  const show = opts.showFile ?? (u => u);
  const audits: ReviewAudit[] = reviews.map(r => {
    const config = opts.config?.(r.uri) ?? defaultConfig();
    // own keys only: a severity named `constructor` is not a number of days
    const days = (k: string) => { const n = own(config.reviewMeetingDeadlineDays, k); return typeof n === 'number' ? n : undefined; };
    const deadlineDays = days(r.severity) ?? days('default') ?? 7;
    const res = dateOf(r.resolved), meet = dateOf(r.reviewMeeting);
    const daysToMeeting = !isNaN(res) && !isNaN(meet) ? Math.floor((meet - utcDay(res)) / DAY) : undefined;
    let meetingCompliant: boolean | undefined;
    if (daysToMeeting !== undefined) meetingCompliant = daysToMeeting >= 0 && daysToMeeting <= deadlineDays;
    else if (!isNaN(res) && (now.getTime() - res) / DAY > deadlineDays) meetingCompliant = false;
    const mine = r.actions;
    return {
      id: r.id, title: r.title, file: show(r.uri), severity: r.severity, status: r.status, major: r.major,
      resolved: r.resolved, reviewMeeting: r.reviewMeeting, daysToMeeting, deadlineDays, meetingCompliant,
      open: mine.filter(a => isOpenStatus(a.status)).length,
      overdue: mine.filter(a => isOverdue(a, now)).length,
      done: mine.filter(a => a.status === 'done').length,
      verified: mine.filter(isDoneAndVerified).length,
      wontDo: mine.filter(a => a.status === 'wont-do').length,
    };
  });
  const open = actions.filter(a => isOpenStatus(a.status));
  const owners = new Map<string, { open: number; overdue: number }>();
  for (const a of open) {
    const o = owners.get(a.owner || '(no owner)') ?? { open: 0, overdue: 0 };
    o.open++; if (a.overdue) o.overdue++;
    owners.set(a.owner || '(no owner)', o);
  }
  // age of an open action: days since its review was resolved
  const resolvedOf = new Map(reviews.map(r => [r.uri, dateOf(r.resolved)]));
  const buckets = [['under 30 days', 30], ['30–90 days', 90], ['90–180 days', 180], ['over 180 days', Infinity]] as const;
  const ages = new Map<string, number>(buckets.map(([b]) => [b, 0]));
  let unknownAge = 0;
  for (const a of open) {
    const res = resolvedOf.get(a.file);
    if (res === undefined || isNaN(res)) { unknownAge++; continue; }
    const days = (now.getTime() - res) / DAY;
    const b = buckets.find(([, max]) => days < max)![0];
    ages.set(b, ages.get(b)! + 1);
  }
  const domains = new Map<string, { total: number; open: number }>();
  for (const a of actions) {
    const d = domains.get(a.domain || '(no domain)') ?? { total: 0, open: 0 };
    d.total++; if (open.includes(a)) d.open++;
    domains.set(a.domain || '(no domain)', d);
  }
  return {
    generated: now.toISOString(),
    reviews: audits,
    totals: {
      reviews: audits.length, major: audits.filter(a => a.major).length,
      meetingsLate: audits.filter(a => a.meetingCompliant === false && a.daysToMeeting !== undefined).length,
      meetingsMissing: audits.filter(a => a.meetingCompliant === false && a.daysToMeeting === undefined).length,
      actions: actions.length, open: open.length, overdue: actions.filter(a => a.overdue).length,
      done: actions.filter(a => a.status === 'done').length, verified: audits.reduce((n, a) => n + a.verified, 0),
    },
    openByOwner: [...owners].map(([owner, v]) => ({ owner, ...v })).sort((a, b) => b.open - a.open || a.owner.localeCompare(b.owner)),
    openByAge: [...[...ages].map(([bucket, count]) => ({ bucket, count })), ...(unknownAge ? [{ bucket: 'unknown (no resolved date)', count: unknownAge }] : [])],
    byDomain: [...domains].map(([domain, v]) => ({ domain, ...v })).sort((a, b) => b.total - a.total || a.domain.localeCompare(b.domain)),
    ...(opts.tickets ? { tickets: ticketAudit(actions, opts.tickets, opts.config, show) } : {}),
  };
}

function ticketAudit(actions: IndexedAction[], snapshot: TicketSnapshot, config: ((uri: string) => Config) | undefined, show: (uri: string) => string): TicketAudit {
  const t: TicketAudit = { syncedAt: snapshot.syncedAt, linked: 0, read: 0, open: 0, closed: 0, unreadable: 0, drifting: 0, items: [] };
  for (const a of actions) {
    const url = trackingUrl(a.tracking);
    if (!url) continue;
    t.linked++;
    const e = snapshot.tickets[url];
    if (!e) continue;
    if (isTicketError(e)) { t.unreadable++; t.items.push({ id: a.id, review: a.review, file: show(a.file), url, state: `not read: ${e.error}`, syncedAt: e.syncedAt, drift: [] }); continue; }
    t.read++;
    if (e.state === 'open') t.open++; else t.closed++;
    const drift = detectDrift(a, e, config?.(a.file).tracker).map(d => d.message);
    if (drift.length) t.drifting++;
    t.items.push({ id: a.id, review: a.review, file: show(a.file), url, state: `${e.state} (${e.status})`, syncedAt: e.syncedAt, drift });
  }
  return t;
}
/** A bar that reads in any Markdown viewer and in a terminal. */
const bar = (n: number, max: number, width = 24) => (max ? '█'.repeat(Math.round((n / max) * width)) || (n ? '▏' : '') : '');

export function auditToMarkdown(a: AuditReport): string {
  const t = a.totals;
  const out: string[] = [];
  out.push('# Post-incident review audit', '', `Generated ${a.generated.slice(0, 16).replace('T', ' ')} UTC from ${t.reviews} review${t.reviews === 1 ? '' : 's'}.`, '');
  out.push('## Totals', '', '| | |', '|---|---|',
    `| Reviews (major) | ${t.reviews} (${t.major}) |`,
    `| Meetings later than policy | ${t.meetingsLate} |`,
    `| Meetings missing past the deadline | ${t.meetingsMissing} |`,
    `| Corrective actions | ${t.actions} |`,
    `| Open | ${t.open} |`, `| Overdue | ${t.overdue} |`, `| Done | ${t.done} |`, `| Done and verified | ${t.verified} |`, '');
  out.push('## Reviews', '', '| Review | Severity | Major | Resolved | Meeting | Days to meeting (policy) | Open | Overdue | Done (verified) |', '|---|---|---|---|---|---|---|---|---|');
  for (const r of a.reviews) {
    const compliance = r.daysToMeeting === undefined ? (r.meetingCompliant === false ? `none (policy ${r.deadlineDays}) ⚠` : `— (policy ${r.deadlineDays})`) : `${r.daysToMeeting} (${r.deadlineDays})${r.meetingCompliant ? '' : ' ⚠'}`;
    out.push(`| ${cell(r.id || '(no id)')}: ${cell(r.title)} — ${mdCode(r.file)} | ${cell(r.severity)} | ${r.major === undefined ? '?' : r.major ? 'yes' : 'no'} | ${cell(r.resolved?.slice(0, 10) ?? '')} | ${cell(r.reviewMeeting?.slice(0, 10) ?? '')} | ${compliance} | ${r.open} | ${r.overdue} | ${r.done} (${r.verified}) |`);
  }
  out.push('');
  const chart = (title: string, rows: { label: string; n: number; extra?: string }[]) => {
    const max = Math.max(0, ...rows.map(r => r.n));
    const w = Math.max(5, ...rows.map(r => r.label.length));
    // labels are owners and domains as written: a fence longer than any backtick run keeps them inside
    out.push(`## ${title}`, '', ...mdFence(rows.map(r => `${r.label.padEnd(w)}  ${bar(r.n, max).padEnd(24)} ${r.n}${r.extra ?? ''}`), 'text'), '');
  };
  chart('Open actions by owner', a.openByOwner.map(o => ({ label: o.owner, n: o.open, extra: o.overdue ? ` (${o.overdue} overdue)` : '' })));
  chart('Open actions by age (since the incident was resolved)', a.openByAge.map(b => ({ label: b.bucket, n: b.count })));
  chart('Themes: actions by domain', a.byDomain.map(d => ({ label: d.domain, n: d.total, extra: ` (${d.open} open)` })));
  if (a.tickets) {
    const k = a.tickets;
    out.push('## Tickets', '', `Last sync ${k.syncedAt.slice(0, 16).replace('T', ' ')} UTC: ${k.linked} action${k.linked === 1 ? '' : 's'} with a tracking link, ${k.read} ticket${k.read === 1 ? '' : 's'} read (${k.open} open, ${k.closed} closed), ${k.unreadable} not read, ${k.drifting} disagreeing with the review.`, '');
    if (k.items.length) {
      out.push('| Action | Ticket | Ticket state | Synced (UTC) | Disagrees |', '|---|---|---|---|---|');
      for (const i of k.items) out.push(`| ${cell(i.id || '(no id)')} — \`${cell(i.file)}\` | ${cell(i.url)} | ${cell(i.state)} | ${i.syncedAt.slice(0, 16).replace('T', ' ')} | ${cell(i.drift.join(' ')) || '—'} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
