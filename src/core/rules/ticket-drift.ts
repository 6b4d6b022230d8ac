import type { ActionItem } from '../model';
import type { TextEdit } from '../types';
import type { Rule, RuleFinding } from './rule';
import { detectDrift, type Drift } from '../tickets/drift';
import { isTicketError, type TicketState } from '../tickets/model';
import { trackingUrl } from '../tickets/port';
import { markDoneEdits, setDueEdits, setFieldEdits, setOwnerEdits, ActionEditError } from '../workspace/edits';

/**
 * An action item and its linked ticket disagree, as of the last sync (`pir tickets status`, the
 * Corrective Actions view's ticket refresh): closed ticket / open item, done item / open ticket,
 * assignee, due date. Quiet without a sync. The fixes take the tracker's value into the review
 * (never automatic: which side is right is the author's call); pushing the item's value to the
 * tracker is a command of the editor and of `pir tickets`, not a text edit.
 */
export const ticketDrift: Rule = {
  id: 'ticket-drift',
  description: 'An action item agrees with its linked ticket (state, assignee, due date) as of the last sync.',
  defaultSeverity: 'warning',
  check({ review, config, workspace }) {
    const snapshot = workspace?.tickets;
    if (!snapshot) return [];
    const out: RuleFinding[] = [];
    const synced = (t: TicketState) => `(synced ${t.syncedAt.slice(0, 16).replace('T', ' ')} UTC)`;
    for (const item of review.actions) {
      const tracking = item.fields.get('tracking');
      const url = tracking && trackingUrl(tracking.value);
      const ticket = url ? snapshot.tickets[url] : undefined;
      if (!tracking || !ticket || isTicketError(ticket)) continue;
      const facts = { id: item.id ?? '', status: item.status, owner: item.fields.get('owner')?.value ?? '', due: item.fields.get('due')?.value ?? '' };
      for (const d of detectDrift(facts, ticket, config.tracker)) {
        const fix = takeTrackerValue(review.text, item, d, ticket);
        const at = d.kind === 'assignee' ? item.fields.get('owner') : d.kind === 'due' ? item.fields.get('due') : undefined;
        out.push({
          message: `${d.message} ${synced(ticket)} Take the tracker's value, or push the item's to ${ticket.key}.`,
          range: at?.valueRange ?? tracking.valueRange,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
    return out;
  },
};

/** The edit that makes the item say what the ticket says, when there is one. */
function takeTrackerValue(text: string, item: ActionItem, d: Drift, ticket: TicketState): { title: string; edits: TextEdit[] } | undefined {
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
