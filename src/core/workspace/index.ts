/**
 * The workspace index: a summary per review file, kept fresh by update/remove calls (the extension
 * feeds it file watcher events and open-document edits; the CLI feeds it files). Summaries are
 * cached by content hash, and the cache can be saved and restored across restarts.
 */
import { isOverdue as isActionOverdue } from '../format/actionItem';
import { utcDay } from '../time/calendar';
import { contentHash, summarize, type ActionRecord, type ReviewSummary } from './summary';

export type { ActionRecord, ReviewSummary };

export interface IndexedAction extends ActionRecord {
  overdue: boolean;
  review: string;
  reviewTitle: string;
  file: string;
}

export class ReviewIndex {
  private byUri = new Map<string, ReviewSummary>();
  /** summaries by content hash: a file renamed or restored from the cache is not re-read */
  private byHash = new Map<string, ReviewSummary>();
  /** how many files hold each hash now: a summary no file holds any more is dropped, so typing
   * in an open review (a new hash per pause) does not grow the cache */
  private uses = new Map<string, number>();
  private listeners = new Set<(uris: string[]) => void>();
  /** how many summaries were computed (not served from the cache): the benchmark reads it */
  parsed = 0;

  update(uri: string, text: string): boolean {
    const hash = contentHash(text);
    const prev = this.byUri.get(uri);
    if (prev && prev.hash === hash) return false;
    let summary = this.byHash.get(hash);
    if (summary) summary = { ...summary, uri };
    else { summary = summarize(uri, text, hash); this.parsed++; this.byHash.set(hash, summary); }
    this.byUri.set(uri, summary);
    this.uses.set(hash, (this.uses.get(hash) ?? 0) + 1);
    if (prev) this.release(prev.hash);
    this.emit([uri]);
    return true;
  }

  remove(uri: string): void {
    const prev = this.byUri.get(uri);
    if (!prev) return;
    this.byUri.delete(uri);
    this.release(prev.hash);
    this.emit([uri]);
  }

  clear(): void {
    for (const r of this.byUri.values()) this.release(r.hash);
    this.byUri.clear();
    this.emit([]);
  }

  /** summaries held in memory (the files' and those restored but not yet claimed) */
  get cachedSummaries(): number { return this.byHash.size; }

  private release(hash: string): void {
    const n = (this.uses.get(hash) ?? 1) - 1;
    if (n > 0) { this.uses.set(hash, n); return; }
    this.uses.delete(hash);
    this.byHash.delete(hash);
  }

  get(uri: string): ReviewSummary | undefined { return this.byUri.get(uri); }
  reviews(): ReviewSummary[] { return [...this.byUri.values()].sort((a, b) => a.uri.localeCompare(b.uri)); }
  get size(): number { return this.byUri.size; }

  /** every action item in the workspace, with its review and whether it is overdue on `now` */
  actions(now = new Date()): IndexedAction[] {
    const out: IndexedAction[] = [];
    for (const r of this.reviews()) for (const a of r.actions) out.push(withContext(a, r, now));
    return out;
  }

  /** action ID → the files that define it (the duplicate-action-id rule's cross-file check) */
  actionIds(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const r of this.byUri.values()) for (const a of r.actions) if (a.id) (m.get(a.id) ?? m.set(a.id, []).get(a.id)!).push(r.uri);
    return m;
  }

  reviewIds(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const r of this.byUri.values()) if (r.id) (m.get(r.id) ?? m.set(r.id, []).get(r.id)!).push(r.uri);
    return m;
  }

  onDidChange(listener: (uris: string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  private emit(uris: string[]) { for (const l of this.listeners) l(uris); }

  /** The cache to persist (e.g. in the extension's workspace storage). */
  serialize(): string { return JSON.stringify({ version: CACHE_VERSION, summaries: [...this.byUri.values()] }); }

  /** Offers summaries made by summarize() in this process (e.g. by worker threads): served like a restored cache. */
  seed(summaries: Iterable<ReviewSummary>): void {
    for (const s of summaries) this.byHash.set(s.hash, s);
  }

  /** Restores a saved cache: entries are only served when a file's content hash matches. */
  restore(json: string): void {
    try {
      const data = JSON.parse(json) as { version: number; summaries: ReviewSummary[] };
      if (data.version !== CACHE_VERSION || !Array.isArray(data.summaries)) return;
      for (const s of data.summaries) if (s && typeof s.hash === 'string' && Array.isArray(s.actions)) this.byHash.set(s.hash, s);
    } catch { /* a corrupt cache is just a cold start */ }
  }
}

/** Bumped whenever summarize() reads a text differently: an older cache is a cold start. */
export const CACHE_VERSION = 4;

/** Whether a record is overdue on the UTC day of `now` (the format's definition: format/actionItem isOverdue). */
export function isOverdue(a: ActionRecord, now: Date): boolean {
  return isActionOverdue(a, utcDay(now));
}

export function withContext(a: ActionRecord, r: ReviewSummary, now: Date): IndexedAction {
  return { ...a, overdue: isOverdue(a, now), review: r.id, reviewTitle: r.title, file: r.uri };
}
