import type { Rule, RuleFinding } from './rule';
import { detectDrift } from '../tickets/drift';
import { takeTrackerValue } from '../tickets/fixes';
import { isTicketError, type TicketState } from '../tickets/model';
import { trackingUrl } from '../tickets/port';

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
