/** The corrective action plan register: CSV, JSON and Markdown, the same from the CLI and the editor. */
import { stringify } from 'csv-stringify/sync';
import type { IndexedAction } from '../workspace';
import { isTicketError, type TicketSnapshot } from '../tickets/model';
import { trackingUrl } from '../tickets/port';
import { mdCell as cell } from '../safe/markdown';

export const ACTION_COLUMNS = ['id', 'title', 'status', 'overdue', 'owner', 'due', 'type', 'domain', 'validation', 'tracking', 'ticketState', 'ticketSynced', 'evidence', 'depends', 'review', 'file', 'line'] as const;

export interface ExportedAction {
  id: string; title: string; status: IndexedAction['status']; overdue: boolean; owner: string; due: string;
  type: string; domain: string; validation: string; tracking: string;
  /** the linked ticket at the last sync: "open (In Progress)", "closed (completed)", "not read: why"; empty when not synced */
  ticketState: string;
  /** when that ticket was last synced (UTC ISO instant); empty when never */
  ticketSynced: string;
  evidence: string; depends: string;
  review: string; file: string; line: number;
}

/** The ticket columns of an action from the last sync (tickets/model.ts), empty without one. */
export function ticketColumns(tracking: string, tickets?: TicketSnapshot): { ticketState: string; ticketSynced: string } {
  const url = tickets && trackingUrl(tracking);
  const t = url ? tickets!.tickets[url] : undefined;
  if (!t) return { ticketState: '', ticketSynced: '' };
  return isTicketError(t) ? { ticketState: `not read: ${t.error}`, ticketSynced: t.syncedAt } : { ticketState: `${t.state} (${t.status})`, ticketSynced: t.syncedAt };
}

/** `file` as the caller wants it shown (relative path); `line` 1-based; `tickets` the last ticket sync, when there was one. */
export function toExported(actions: IndexedAction[], showFile: (uri: string) => string = u => u, tickets?: TicketSnapshot): ExportedAction[] {
  return actions.map(a => ({
    id: a.id, title: a.title, status: a.status, overdue: a.overdue, owner: a.owner, due: a.due, type: a.type,
    domain: a.domain, validation: a.validation, tracking: a.tracking, ...ticketColumns(a.tracking, tickets), evidence: a.evidence, depends: a.depends,
    review: a.review, file: showFile(a.file), line: a.line + 1,
  }));
}

export function actionsToJson(actions: ExportedAction[]): string { return JSON.stringify(actions, null, 2); }

/**
 * What a spreadsheet may evaluate (OWASP "CSV Injection"): a cell whose first character, after any
 * spaces, is = + - @ (or their full-width forms ＝ ＋ － ＠, which some spreadsheets read as the
 * ASCII ones), or that starts with a tab or a carriage return. `-1+cmd|' /C calc'!A0` and
 * `-0+HYPERLINK(…)` start with a minus and a digit, so only a plain number is left as it is.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A CSV cell a spreadsheet shows as text: a leading apostrophe when it would be evaluated (the OWASP advice). */
export function csvSafe(v: unknown): string {
  const s = String(v);
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

export function actionsToCsv(actions: ExportedAction[]): string {
  // quoting (commas, quotes, line breaks) is csv-stringify's; neutralising formulas is csvSafe's
  return stringify(actions.map(a => ACTION_COLUMNS.map(c => csvSafe(a[c]))), { header: true, columns: [...ACTION_COLUMNS], record_delimiter: 'unix' });
}

export function actionsToMarkdown(actions: ExportedAction[]): string {
  const synced = actions.some(a => a.ticketSynced);
  const head = ['ID', 'Action', 'Status', 'Owner', 'Due', 'Type', 'Validation', 'Tracking', ...(synced ? ['Ticket (synced)'] : []), 'Review'];
  const rows = actions.map(a => [a.id, a.title, a.overdue ? `${a.status} (overdue)` : a.status, a.owner, a.due, a.type, a.validation, a.tracking,
    ...(synced ? [a.ticketSynced ? `${a.ticketState} (${a.ticketSynced.slice(0, 16).replace('T', ' ')} UTC)` : ''] : []), `${a.review} (${a.file}:${a.line})`]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';
}
