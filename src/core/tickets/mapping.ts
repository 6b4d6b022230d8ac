/**
 * From a corrective action to its ticket, and back from a tracker user to an owner handle.
 * Field mapping (docs/tickets.md): title ← "ID: title"; body ← the review's id and title, owner,
 * due date, type, validation and a link back to the review; assignee ← owner (through
 * `owners:`); due ← `due:` (GitHub: a milestone, Jira: the due date); labels ← `labels:` and type.
 */
import type { ActionRecord } from '../workspace/summary';
import { ownerKey } from './config';
import type { NewTicket, TrackerConfig } from './model';

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ReviewRef {
  /** the review's `id:` (INC-2026-042), may be empty */
  id: string;
  title: string;
  /** where the review lives, as the reader of the ticket can follow it: a URL or a path in the repository */
  link: string;
}

/** The first owner of an item, when `owner:` names several ("@ana, @bob" → "@ana"). */
export function primaryOwner(owner: string): string | undefined {
  const first = owner.split(/[,;/&]|\s+and\s+/)[0]?.trim();
  return first && /^@?[\w.-]+$/.test(first) ? first : undefined;
}

/**
 * The tracker user an owner handle maps to: the `owners:` map first; on GitHub the handle itself
 * when it can be a login; on Jira nothing (Jira users are account IDs or user names, never guessed).
 */
export function trackerUserFor(owner: string, config: TrackerConfig): string | undefined {
  const first = primaryOwner(owner);
  if (!first) return undefined;
  const mapped = config.owners[ownerKey(first)];
  if (mapped) return mapped;
  const bare = first.replace(/^@/, '');
  return config.kind === 'github' && GITHUB_LOGIN.test(bare) ? bare : undefined;
}

/** The owner handle (`@ana`) a tracker user stands for, when known. */
export function ownerForUser(user: string | undefined, config: TrackerConfig): string | undefined {
  if (!user) return undefined;
  const hit = Object.entries(config.owners).find(([, v]) => v.toLowerCase() === user.toLowerCase());
  if (hit) return `@${hit[0]}`;
  return config.kind === 'github' ? `@${user}` : undefined;
}

/** The ticket for an action item that has no `tracking:` yet. */
export function ticketFor(item: ActionRecord, review: ReviewRef, config: TrackerConfig): NewTicket {
  const title = oneLine(`${item.id ? `${item.id}: ` : ''}${item.title}`).slice(0, 250) || '(untitled corrective action)';
  const reviewName = [review.id, review.title && `"${oneLine(review.title)}"`].filter(Boolean).join(' ') || 'a post-incident review';
  const line = (k: string, v: string) => (v ? [`- ${k}: ${oneLine(v)}`] : []);
  const body = [
    `Corrective action ${item.id || ''} from the post-incident review ${reviewName}.`.replace(/\s+/g, ' '),
    '',
    ...line('Owner', item.owner),
    ...line('Due', item.due),
    ...line('Type', item.type),
    ...line('Validation', item.validation),
    ...line('Review', review.link),
    '',
    'The review is where this action item is tracked; its owner, due date and status are compared with this ticket when the review is synced (pir tickets status).',
  ].join('\n');
  const labels = [...config.labels];
  if (config.typeLabels && item.type && /^[\w .-]{1,50}$/.test(item.type.trim())) labels.push(item.type.trim().toLowerCase());
  return {
    title, body, labels: [...new Set(labels)],
    assignee: item.owner ? trackerUserFor(item.owner, config) : undefined,
    due: ISO_DATE.test(item.due.trim()) ? item.due.trim() : undefined,
  };
}

function oneLine(s: string): string { return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\t ]+/g, ' ').trim(); }
