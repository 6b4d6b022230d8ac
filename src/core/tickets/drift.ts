/**
 * Drift between an action item and its ticket (the `ticket-drift` rule, `pir tickets status`, the
 * tree): the ticket is closed but the item is open; the item is done (or won't be done) but the
 * ticket is open; the ticket's assignee or due date disagrees with the item. Pure: compares what
 * the review says with the last sync.
 */
import type { ActionStatus } from '../model';
import { isOpenStatus } from '../format/actionItem';
import { ownerKey } from './config';
import { primaryOwner, trackerUserFor } from './mapping';
import type { TicketPatch, TicketState, TrackerConfig } from './model';
import type { ActionRecord } from '../workspace/summary';

export type DriftKind = 'ticket-closed' | 'ticket-open' | 'assignee' | 'due';

export interface Drift {
  kind: DriftKind;
  /** one sentence, naming the item and the ticket */
  message: string;
  /** the tracker's value the item would take ("take the tracker's value"); undefined when there is nothing to take */
  trackerValue?: string;
  /** the item's value the ticket would take ("push the item's value") */
  itemValue?: string;
}

export interface ItemFacts { id: string; status: ActionStatus; owner: string; due: string }


export function detectDrift(item: ItemFacts, ticket: TicketState, config?: TrackerConfig): Drift[] {
  const out: Drift[] = [];
  const name = item.id || 'This action item';
  if (ticket.state === 'closed' && isOpenStatus(item.status)) {
    out.push({ kind: 'ticket-closed', message: `${ticket.key} is closed (${ticket.status}) but ${name} is still ${item.status}.`, trackerValue: 'done', itemValue: 'open' });
  } else if (ticket.state === 'open' && !isOpenStatus(item.status)) {
    out.push({ kind: 'ticket-open', message: `${name} is ${item.status === 'done' ? 'done' : "marked won't do"} but ${ticket.key} is still open (${ticket.status}).`, trackerValue: 'open', itemValue: 'closed' });
  }
  // assignee: compared only when the owner maps to a tracker user (Jira needs `owners:`)
  const owner = primaryOwner(item.owner);
  const expected = owner && config ? trackerUserFor(owner, config) : undefined;
  if (expected && (ticket.assignee ?? '').toLowerCase() !== expected.toLowerCase()) {
    out.push({
      kind: 'assignee',
      message: ticket.assignee
        ? `${ticket.key} is assigned to ${ticket.owner ?? ticket.assignee}, but ${name}'s owner is ${owner}.`
        : `${ticket.key} has no assignee, but ${name}'s owner is ${owner}.`,
      trackerValue: ticket.owner, itemValue: expected,
    });
  } else if (!expected && owner && ticket.owner && ownerKey(ticket.owner) !== ownerKey(owner)) {
    out.push({ kind: 'assignee', message: `${ticket.key} is assigned to ${ticket.owner}, but ${name}'s owner is ${owner}.`, trackerValue: ticket.owner });
  }
  // due date: compared when the tracker carries one for this ticket kind (GitHub with due: body does not)
  const carriesDue = !config || config.kind === 'jira' || config.dueAs === 'milestone';
  const itemDue = /^\d{4}-\d{2}-\d{2}$/.test(item.due.trim()) ? item.due.trim() : undefined;
  if (carriesDue && isOpenStatus(item.status) && (ticket.due ?? '') !== (itemDue ?? '') && (itemDue || ticket.due)) {
    out.push({
      kind: 'due',
      message: ticket.due
        ? `${ticket.key} is due ${ticket.due}, but ${name} is due ${itemDue ?? '(no date)'}.`
        : `${ticket.key} has no due date, but ${name} is due ${itemDue}.`,
      trackerValue: ticket.due, itemValue: itemDue,
    });
  }
  return out;
}

/** What pushing the item's value for a drift sends to the tracker. */
export function pushPatch(d: Drift): TicketPatch | undefined {
  if (d.kind === 'ticket-closed') return { state: 'open' };
  if (d.kind === 'ticket-open') return { state: 'closed' };
  if (d.kind === 'assignee') return d.itemValue ? { assignee: d.itemValue } : undefined;
  if (d.kind === 'due') return { due: d.itemValue ?? null };
  return undefined;
}

/** The drifts of an item against its ticket (detectDrift with the item's record). */
export function driftOf(a: ActionRecord, ticket: TicketState, config?: TrackerConfig): Drift[] {
  return detectDrift({ id: a.id, status: a.status, owner: a.owner, due: a.due }, ticket, config);
}
