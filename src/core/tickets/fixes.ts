/**
 * "Take the tracker's value": the text edits that make an action item say what its ticket says
 * (the ticket-drift rule's quick fixes and the tree's command). Pure; edits against the review's text.
 */
import type { ActionItem } from '../model';
import type { TextEdit } from '../types';
import { markDoneEdits, setDueEdits, setFieldEdits, setOwnerEdits, ActionEditError } from '../workspace/edits';
import type { Drift } from './drift';
import type { TicketState } from './model';

/** The edit that makes the item say what the ticket says, when there is one. */
export function takeTrackerValue(text: string, item: ActionItem, d: Drift, ticket: TicketState): { title: string; edits: TextEdit[] } | undefined {
  const name = item.id || 'the item';
  try {
    if (d.kind === 'ticket-closed') return { title: `Mark ${name} done (${ticket.key} is closed)`, edits: markDoneEdits(text, item.line, `${ticket.key} closed: ${ticket.url}`) };
    if (d.kind === 'ticket-open') return { title: `Reopen ${name} (${ticket.key} is open)`, edits: reopenEdits(text, item) };
    if (d.kind === 'assignee' && d.trackerValue) return { title: `Set the owner to ${d.trackerValue} (${ticket.key}'s assignee)`, edits: setOwnerEdits(text, item.line, d.trackerValue) };
    if (d.kind === 'due' && d.trackerValue) return { title: `Set the due date to ${d.trackerValue} (${ticket.key}'s)`, edits: setDueEdits(text, item.line, d.trackerValue) };
  } catch (e) {
    if (e instanceof ActionEditError) return undefined;
    throw e;
  }
  return undefined;
}

/** Unticks the item (a task list checkbox) and sets a done-like `status:` to open. */
function reopenEdits(text: string, item: ActionItem): TextEdit[] {
  if (item.form === 'table') return setFieldEdits(text, item.line, 'status', 'open');
  const edits: TextEdit[] = [];
  if (item.checked && item.checkboxRange) edits.push({ range: { start: { line: item.checkboxRange.start.line, character: item.checkboxRange.start.character + 1 }, end: { line: item.checkboxRange.start.line, character: item.checkboxRange.start.character + 2 } }, newText: ' ' });
  const status = item.fields.get('status');
  if (status) edits.push({ range: status.valueRange, newText: 'open' });
  return edits;
}
