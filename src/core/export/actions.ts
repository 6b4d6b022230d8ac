/** The corrective action plan register: CSV, JSON and Markdown, the same from the CLI and the editor. */
import { stringify } from 'csv-stringify/sync';
import type { IndexedAction } from '../workspace';

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

/**
 * A Markdown table cell that shows its text as written: every character Markdown or HTML could
 * read as syntax (emphasis, links, images, code, raw HTML, entities, the cell's pipe) is
 * backslash-escaped, and line breaks, which would end the row, become spaces.
 */
export function markdownCell(s: unknown): string {
  return String(s).replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&').replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ');
}
const cell = markdownCell;

export function actionsToMarkdown(actions: ExportedAction[]): string {
  const head = ['ID', 'Action', 'Status', 'Owner', 'Due', 'Type', 'Validation', 'Tracking', 'Review'];
  const rows = actions.map(a => [a.id, a.title, a.overdue ? `${a.status} (overdue)` : a.status, a.owner, a.due, a.type, a.validation, a.tracking, `${a.review} (${a.file}:${a.line})`]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';
}
