/** The corrective action plan register: CSV, JSON and Markdown, the same from the CLI and the editor. */
import { stringify } from 'csv-stringify/sync';
import type { IndexedAction } from '../workspace';
import { mdCell as cell } from '../safe/markdown';

export const ACTION_COLUMNS = ['id', 'title', 'status', 'overdue', 'owner', 'due', 'type', 'domain', 'validation', 'tracking', 'evidence', 'depends', 'review', 'file', 'line'] as const;

export interface ExportedAction {
  id: string; title: string; status: IndexedAction['status']; overdue: boolean; owner: string; due: string;
  type: string; domain: string; validation: string; tracking: string; evidence: string; depends: string;
  review: string; file: string; line: number;
}

/** `file` as the caller wants it shown (relative path); `line` 1-based. */
export function toExported(actions: IndexedAction[], showFile: (uri: string) => string = u => u): ExportedAction[] {
  return actions.map(a => ({
    id: a.id, title: a.title, status: a.status, overdue: a.overdue, owner: a.owner, due: a.due, type: a.type,
    domain: a.domain, validation: a.validation, tracking: a.tracking, evidence: a.evidence, depends: a.depends,
    review: a.review, file: showFile(a.file), line: a.line + 1,
  }));
}

export function actionsToJson(actions: ExportedAction[]): string { return JSON.stringify(actions, null, 2); }

export function actionsToCsv(actions: ExportedAction[]): string {
  // a cell that starts like a formula makes spreadsheets run it: prefix it (OWASP CSV injection);
  // owners such as @platform-team are not formulas and stay as written
  const safe = (v: unknown) => { const s = String(v); return /^[=+\t\r]|^-(?!\d)|^@\w*\(/.test(s) ? `'${s}` : s; };
  return stringify(actions.map(a => ACTION_COLUMNS.map(c => safe(a[c]))), { header: true, columns: [...ACTION_COLUMNS], record_delimiter: 'unix' });
}

export function actionsToMarkdown(actions: ExportedAction[]): string {
  const head = ['ID', 'Action', 'Status', 'Owner', 'Due', 'Type', 'Validation', 'Tracking', 'Review'];
  const rows = actions.map(a => [a.id, a.title, a.overdue ? `${a.status} (overdue)` : a.status, a.owner, a.due, a.type, a.validation, a.tracking, `${a.review} (${a.file}:${a.line})`]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';
}
