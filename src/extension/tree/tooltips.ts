/**
 * Tooltips of the tracker's trees. Everything from a document is data: it goes in with appendText
 * (which escapes Markdown), the string is not trusted (no command links) and HTML is off.
 */
import { own } from '../../core/safe/keys';
import * as vscode from 'vscode';
import type { IndexedAction } from '../../core';
import type { ReviewAudit } from '../../core/export/report';
import { fileName, keepIdsTogether, type Group } from './model';

function md(): vscode.MarkdownString {
  const m = new vscode.MarkdownString('', false);
  m.isTrusted = false;
  m.supportHtml = false;
  return m;
}

/** Document text as text: Markdown escaped by appendText, `<` as an entity so HTML shows as written, IDs unbroken. */
function text(m: vscode.MarkdownString, value: string): void {
  // IDs never break across lines (CAP-42- / 1): non-breaking hyphens, on screen only
  m.appendText(keepIdsTogether(value));
  // our own Markdown has no `<`: every one is from the document
  m.value = m.value.replace(/</g, '&lt;');
}

function field(m: vscode.MarkdownString, name: string, value: string | undefined): void {
  if (!value) return;
  m.appendMarkdown(`${name}: `);
  text(m, value);
  m.appendMarkdown('  \n');
}

const STATUS: Record<string, string> = { open: 'open', 'in-progress': 'in progress', blocked: 'blocked', done: 'done', 'wont-do': 'won\'t do' };

export function actionTooltip(a: IndexedAction): vscode.MarkdownString {
  const m = md();
  m.appendMarkdown('**');
  text(m, a.id ? `${a.id}: ${a.title}` : a.title);
  m.appendMarkdown('**\n\n');
  field(m, 'Status', `${own(STATUS, a.status) ?? a.status}${a.overdue ? ' (overdue)' : ''}`);
  field(m, 'Owner', a.owner || '(none)');
  field(m, 'Due', a.due || '(none)');
  field(m, 'Type', a.type);
  field(m, 'Domain', a.domain);
  field(m, 'Validation', a.validation);
  field(m, 'Tracking', a.tracking);
  field(m, 'Depends on', a.depends);
  field(m, 'Evidence', a.evidence);
  m.appendMarkdown('\n---\n\n');
  field(m, 'Review', a.review ? `${a.review}: ${a.reviewTitle}` : a.reviewTitle);
  field(m, 'File', `${fileName(a.file)}, line ${a.line + 1}`);
  return m;
}

export function groupTooltip(g: Group): vscode.MarkdownString {
  const m = md();
  m.appendMarkdown('**');
  text(m, g.label);
  m.appendMarkdown('**\n\n');
  if (g.tooltip) { text(m, g.tooltip); m.appendMarkdown('\n\n'); }
  const count = (s: (a: IndexedAction) => boolean) => g.actions.filter(s).length;
  field(m, 'Actions', String(g.actions.length));
  field(m, 'Open', String(count(a => a.status === 'open' || a.status === 'in-progress' || a.status === 'blocked')));
  field(m, 'Overdue', String(count(a => a.overdue)));
  field(m, 'Done', String(count(a => a.status === 'done')));
  if (g.uri) field(m, 'File', fileName(g.uri));
  return m;
}

export function reviewTooltip(r: ReviewAudit, file: string, problem?: string, problems?: string): vscode.MarkdownString {
  const m = md();
  m.appendMarkdown('**');
  text(m, r.id ? `${r.id}: ${r.title}` : r.title || fileName(file));
  m.appendMarkdown('**\n\n');
  field(m, 'Problems', problems);
  field(m, 'Status', r.status || '(none)');
  field(m, 'Severity', r.severity || '(none)');
  field(m, 'Major', r.major === undefined ? '?' : r.major ? 'yes' : 'no');
  field(m, 'Resolved', r.resolved?.slice(0, 10));
  field(m, 'Review meeting', r.reviewMeeting?.slice(0, 10) || '(none)');
  field(m, 'Meeting within policy', complianceText(r));
  field(m, 'Actions', `${r.open} open, ${r.overdue} overdue, ${r.done} done (${r.verified} verified), ${r.wontDo} won't do`);
  field(m, 'File', r.file);
  if (problem) field(m, 'Problem', problem);
  return m;
}

export function complianceText(r: ReviewAudit): string {
  if (r.daysToMeeting !== undefined) return `${r.meetingCompliant ? 'yes' : 'no'}: ${r.daysToMeeting} day${r.daysToMeeting === 1 ? '' : 's'} after resolution (policy ${r.deadlineDays})`;
  if (r.meetingCompliant === false) return `no: no meeting, and the ${r.deadlineDays}-day deadline has passed`;
  return r.resolved ? `not yet held (policy ${r.deadlineDays} days)` : 'not resolved yet';
}
