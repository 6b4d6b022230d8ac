/**
 * The ticket flows, shared by `pir tickets` and the editor, over a TrackerPort (no network of its
 * own, no `vscode`): open tickets for a review's items and write their links into `tracking:`;
 * read the linked tickets into a snapshot; push an item's value to its ticket.
 *
 * Every item gets its own result: one that fails (offline, rate-limited, refused) is reported and
 * left exactly as it was; the links of the items that succeeded are written.
 */
import { applyEdits } from '../fixes';
import { isOpenStatus } from '../format/actionItem';
import { LineIndex } from '../text';
import type { TextEdit } from '../types';
import { setFieldEdits } from '../workspace/edits';
import { summarize, type ActionRecord, type ReviewSummary } from '../workspace/summary';
import { detectDrift, type Drift } from './drift';
import { ticketFor } from './mapping';
import { isTrackerError, type TicketEntry, type TicketPatch, type TicketState, type TrackerConfig } from './model';
import { ticketRef, trackingUrl, type TrackerPort } from './port';

export interface CreateResult {
  id: string;
  title: string;
  /** 0-based line of the item in the text it was found in (before any link was written) */
  line: number;
  url?: string;
  key?: string;
  /** one line: why no ticket was opened */
  error?: string;
}


/** The items of a review that would get a ticket: open (open, in progress, blocked) and without `tracking:`. */
export function itemsNeedingTicket(summary: ReviewSummary): ActionRecord[] {
  return summary.actions.filter(a => isOpenStatus(a.status) && !a.tracking.trim());
}

/** A failure as one line for a person (never a stack, never a request). */
export function failureMessage(e: unknown): string {
  if (isTrackerError(e)) return e.message;
  const m = (e as Error)?.message ?? String(e);
  return `unexpected error: ${m.split('\n')[0].slice(0, 200)}`;
}

/**
 * Opens a ticket for each selected item without `tracking:` and writes its URL into the item.
 * `select` picks items (by their record); default: all that need one. Sequential, in document order.
 * Returns the new text (the input text when nothing was created) and a result per item.
 */
export async function createTicketsInText(
  text: string, port: TrackerPort, review: { link: string },
  select: (a: ActionRecord) => boolean = () => true,
  onResult?: (r: CreateResult) => void,
): Promise<{ text: string; results: CreateResult[] }> {
  const summary = summarize('', text);
  const targets = itemsNeedingTicket(summary).filter(select);
  const results: CreateResult[] = [];
  let current = text;
  let moved = 0; // lines the links written so far added above the next item
  const lineCount = (t: string) => t.split('\n').length;
  for (const a of targets) {
    const r: CreateResult = { id: a.id, title: a.title, line: a.line };
    // no ticket whose link could not be written back: an item in prose has no place for `tracking:`
    const now = a.form === 'paragraph' ? undefined : summarize('', current).actions.find(x => x.line === a.line + moved && x.title === a.title);
    if (!now) {
      r.error = a.form === 'paragraph'
        ? `written as a paragraph, which has no place for the ticket link: write it as a task-list item ("- [ ] …") first`
        : 'the item could not be found again after the links above it were written: run the command again';
      results.push(r); onResult?.(r); continue;
    }
    try {
      const created = await port.create(ticketFor(a, { id: summary.id, title: summary.title, link: review.link }, port.config));
      r.url = created.url; r.key = created.key;
      const before = lineCount(current);
      current = applyEdits(current, setFieldEdits(current, now.line, 'tracking', created.url)).text;
      moved += lineCount(current) - before;
    } catch (e) {
      r.error = failureMessage(e);
    }
    results.push(r);
    onResult?.(r);
  }
  return { text: current, results };
}

/** One edit that turns `before` into `after` (the changed middle), so an editor applies it as one undo step. */
export function replaceEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  const lines = new LineIndex(before);
  return { range: { start: lines.positionAt(a), end: lines.positionAt(before.length - b) }, newText: after.slice(a, after.length - b) };
}

/** The ticket links of a review's items that belong to the tracker. */
export function linkedTickets(summary: ReviewSummary, config: TrackerConfig): { action: ActionRecord; url: string }[] {
  const out: { action: ActionRecord; url: string }[] = [];
  for (const a of summary.actions) {
    const url = trackingUrl(a.tracking);
    if (url && ticketRef(url, config)) out.push({ action: a, url });
  }
  return out;
}

/** Reads each ticket (once per URL), sequentially; a failure becomes the entry's error. */
export async function readTickets(urls: string[], port: TrackerPort, onEntry?: (e: TicketEntry) => void): Promise<Record<string, TicketEntry>> {
  const out: Record<string, TicketEntry> = {};
  for (const url of [...new Set(urls)]) {
    let entry: TicketEntry;
    try { entry = await port.get(url); } catch (e) { entry = { url, error: failureMessage(e), syncedAt: new Date().toISOString() }; }
    out[url] = entry;
    onEntry?.(entry);
  }
  return out;
}

/**
 * Writes ticket links into the items' `tracking:` of a text that may have changed since the items
 * were read (an editor document): each item is found again by its ID (nearest to its old line) or,
 * without an ID, at its old line when that line still starts the same item. Links whose item is
 * gone, or already has a tracking value, are returned in `missed`.
 */
export function writeLinks(text: string, links: { id: string; line: number; title: string; url: string }[]): { text: string; missed: typeof links } {
  let current = text;
  const missed: typeof links = [];
  for (const l of links) {
    const actions = summarize('', current).actions;
    const byId = l.id ? actions.filter(a => a.id === l.id) : [];
    const hit = l.id
      ? byId.reduce<ActionRecord | undefined>((best, a) => (!best || Math.abs(a.line - l.line) < Math.abs(best.line - l.line) ? a : best), undefined)
      : actions.find(a => a.line === l.line && a.title === l.title);
    if (!hit || hit.tracking.trim()) { missed.push(l); continue; }
    current = applyEdits(current, setFieldEdits(current, hit.line, 'tracking', l.url)).text;
  }
  return { text: current, missed };
}
