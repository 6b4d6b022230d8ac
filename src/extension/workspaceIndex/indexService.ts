/**
 * The workspace index in the editor: every review file of the workspace folders, summarised by the
 * core's ReviewIndex (a line scan per file, cached by content hash).
 *
 * - Finds files with workspace.findFiles (pir.index.include / pir.index.exclude and files.exclude)
 *   and reads them through workspace.fs, so virtual file systems and the web work (no Node fs).
 * - Stays fresh through a FileSystemWatcher per folder (create / change / delete) and open
 *   documents: an edit updates the index with the unsaved text after DEBOUNCE_MS. Only the changed
 *   document is re-read, never the workspace.
 * - Saves the summaries (ReviewIndex.serialize) in the extension's workspace storage, so after a
 *   restart unchanged files are served from the cache by content hash.
 */
import * as vscode from 'vscode';
import { showWarning } from '../shared/notify';
import type { ReviewIndex, TicketSnapshot, WorkspaceFacts } from '../../core';
import { getCore } from '../shared/core';
import { folderScope, relativeTo, type FolderScope } from './globs';
import type { SettingsService } from '../config/settings';

export const DEBOUNCE_MS = 150;
const WATCH_DEBOUNCE_MS = 50;
const SAVE_DELAY_MS = 3000;
const CACHE_FILE = 'workspace-index.json';
const CACHE_KEY = 'pir.index.cache';
const READ_CONCURRENCY = 32;

export interface IndexStats {
  files: number;
  /** summaries computed during the last full scan (the rest came from the cache) */
  parsed: number;
  fromCache: number;
  findMs: number;
  /** reading and summarising (wall clock, reads in parallel) */
  readMs: number;
  /** of which summarising (the core's line scan, CPU) */
  summariseMs: number;
  totalMs: number;
  /** a cache from an earlier session was restored */
  restored: boolean;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keeps a BOM, as the CLI reads files

/** The window progress's title while the index scans the workspace. */
export const INDEX_PROGRESS_TITLE = 'Indexing post-incident reviews';

export class WorkspaceIndexService implements vscode.Disposable {
  private _index?: ReviewIndex;
  private scopes: FolderScope[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly docTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly fileTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Set<Promise<unknown>>();
  private changeTimer?: ReturnType<typeof setTimeout>;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private rescanTimer?: ReturnType<typeof setTimeout>;
  private factsCache?: WorkspaceFacts;
  private factsSignature = '';
  private scanning?: Promise<void>;
  /** files touched by events during a scan: the scan must not drop them as stale */
  private touchedDuringScan?: Set<string>;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly factsChanged = new vscode.EventEmitter<void>();
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private isReady = false;
  private disposed = false;
  stats: IndexStats = { files: 0, parsed: 0, fromCache: 0, findMs: 0, readMs: 0, summariseMs: 0, totalMs: 0, restored: false };
  private summariseMs = 0;
  /** files read from disk since the start (tests check that typing reads none) */
  reads = 0;

  /** the index changed (coalesced: at most once per tick of updates) */
  readonly onDidChange = this.changed.event;
  /** the action or review IDs of the workspace changed: cross-file rules should run again */
  readonly onDidChangeFacts = this.factsChanged.event;
  /** the first scan finished */
  readonly onDidBecomeReady = this.readyEmitter.event;

  private readonly globProblemsShown = new Set<string>();

  constructor(private readonly context: vscode.ExtensionContext, settings: SettingsService, private readonly log?: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed, this.factsChanged, this.readyEmitter,
      vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) this.documentChanged(e.document); }),
      vscode.workspace.onDidOpenTextDocument(d => { if (this.isReady && d.isDirty) this.documentChanged(d, 0); }),
      // changes discarded: the index goes back to what is on disk
      vscode.workspace.onDidCloseTextDocument(d => { if (this.isReady && this.inScope(d.uri)) this.fileChanged(d.uri); }),
      vscode.workspace.onDidDeleteFiles(e => this.foldersGone(e.files)),
      vscode.workspace.onDidRenameFiles(e => this.foldersGone(e.files.map(f => f.oldUri), true)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescanSoon(0)),
      settings.onDidChange(e => { if (e.affects('index') || e.affects('files.exclude')) this.rescanSoon(0); }),
    );
  }

  get index(): ReviewIndex {
    if (!this._index) {
      this._index = new (getCore().ReviewIndex)();
      this._index.onDidChange(uris => this.summariesChanged(uris));
    }
    return this._index;
  }

  get ready(): boolean { return this.isReady; }

  /** What the last scan reported to the window progress ("0/120", "64/120", "120/120"): tests. */
  progressShown: string[] = [];

  /** Resolves when the first scan has finished. */
  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise(resolve => { const d = this.onDidBecomeReady(() => { d.dispose(); resolve(); }); });
  }

  /** Starts the first scan (call after activate() returned: it loads the core). */
  start(): void {
    void this.scan(true);
  }

  private tickets?: TicketSnapshot;

  /** The last ticket sync (the tickets feature sets it): part of the facts, for the ticket-drift rule. */
  setTickets(snapshot: TicketSnapshot | undefined): void {
    this.tickets = snapshot;
    this.factsChanged.fire();
  }

  /** The facts the cross-file rules need (duplicate action and review IDs, the last ticket sync). */
  facts(): WorkspaceFacts {
    const facts = (this.factsCache ??= getCore().workspaceFacts(this.index));
    return this.tickets ? { ...facts, tickets: this.tickets } : facts;
  }

  /** Is this a review file the index reads (include, not excluded, in a workspace folder)? */
  inScope(uri: vscode.Uri): boolean {
    if (uri.scheme === 'untitled') return false;
    for (const s of this.scopes) {
      const rel = relativeTo(s.folder.uri, uri);
      if (rel !== undefined) return s.isIncluded(rel) && !s.isExcluded(rel);
    }
    return false;
  }

  /** Applies the updates still waiting on a timer, and waits for reads in flight (tests, exports). */
  async flush(): Promise<void> {
    for (const [key, t] of this.docTimers) {
      clearTimeout(t);
      this.docTimers.delete(key);
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
      if (doc) this.index.update(key, doc.getText());
    }
    for (const [key, t] of this.fileTimers) { clearTimeout(t); this.fileTimers.delete(key); this.track(this.read(vscode.Uri.parse(key))); }
    if (this.scanning) await this.scanning;
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Finds every review again (settings changed, folders added); unchanged files are not re-parsed. */
  rescan(): Promise<void> { return this.scan(false); }

  // ------------------------------------------------------------------------------- scanning

  private scan(first: boolean): Promise<void> {
    if (this.scanning) {
      // one scan at a time; a request during a scan runs once it ends
      return this.scanning.then(() => this.scan(false));
    }
    const run = async (progress: vscode.Progress<{ message?: string }>) => {
      const t0 = performance.now();
      if (first) await this.restoreCache();
      this.scopes = (vscode.workspace.workspaceFolders ?? []).map(folderScope);
      // a refused glob is said once per value (each scan recomputes the scopes)
      for (const problem of this.scopes.flatMap(s => s.problems)) {
        if (this.globProblemsShown.has(problem)) continue;
        this.globProblemsShown.add(problem);
        this.log?.warn(problem);
        void showWarning(problem);
      }
      this.rewatch();
      this.touchedDuringScan = new Set();
      const parsedBefore = this.index.parsed;
      this.summariseMs = 0;
      const found: vscode.Uri[] = [];
      for (const s of this.scopes) {
        try {
          const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(s.folder, s.include), s.findExclude);
          for (const u of uris) { const rel = relativeTo(s.folder.uri, u); if (rel !== undefined && !s.isExcluded(rel)) found.push(u); }
        } catch (e) {
          this.log?.error(`finding reviews in ${s.folder.uri.toString(true)}: ${(e as Error).message}`);
        }
      }
      const t1 = performance.now();
      const keys = new Set(found.map(u => u.toString()));
      for (let i = 0; i < found.length; i += READ_CONCURRENCY) {
        // the status bar's progress: how far the index is (a large workspace takes a while the first time)
        const message = `${i}/${found.length}`;
        progress.report({ message });
        this.progressShown.push(message);
        await Promise.all(found.slice(i, i + READ_CONCURRENCY).map(u => this.read(u)));
        if (this.disposed) return;
      }
      this.progressShown.push(`${found.length}/${found.length}`);
      for (const r of this.index.reviews()) {
        if (!keys.has(r.uri) && !this.touchedDuringScan.has(r.uri)) this.index.remove(r.uri);
      }
      this.touchedDuringScan = undefined;
      const t2 = performance.now();
      const parsed = this.index.parsed - parsedBefore;
      this.stats = { files: found.length, parsed, fromCache: found.length - parsed, findMs: t1 - t0, readMs: t2 - t1, summariseMs: this.summariseMs, totalMs: t2 - t0, restored: this.stats.restored };
      this.log?.info(`indexed ${found.length} review${found.length === 1 ? '' : 's'} in ${this.stats.totalMs.toFixed(0)} ms (find ${this.stats.findMs.toFixed(0)} ms, read ${this.stats.readMs.toFixed(0)} ms, of which summarising ${this.summariseMs.toFixed(0)} ms; ${parsed} parsed, ${found.length - parsed} from the cache)`);
      if (!this.isReady) { this.isReady = true; this.readyEmitter.fire(); }
      this.indexChanged();
      this.saveSoon(first ? 0 : SAVE_DELAY_MS);
    };
    this.progressShown = [];
    // window progress (the status bar's spinner): indexing is background work, never a notification
    this.scanning = Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: INDEX_PROGRESS_TITLE }, run))
      .finally(() => { this.scanning = undefined; });
    return this.scanning;
  }

  private rewatch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const s of this.scopes) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(s.folder, s.include));
      this.watchers.push(w,
        w.onDidCreate(u => this.fileChanged(u)),
        w.onDidChange(u => this.fileChanged(u)),
        w.onDidDelete(u => this.fileDeleted(u)));
    }
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    // an open document with unsaved changes is what the author sees: it wins over the disk
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
    if (doc && doc.isDirty) { this.index.update(key, doc.getText()); return; }
    try {
      this.reads++;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (this.disposed) return;
      const t0 = performance.now();
      this.index.update(key, decoder.decode(bytes));
      this.summariseMs += performance.now() - t0;
    } catch {
      // gone or unreadable: not a review any more
      this.index.remove(key);
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }

  // ------------------------------------------------------------------------------- events

  private documentChanged(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (!this.isReady || !this.inScope(doc.uri)) return;
    const key = doc.uri.toString();
    this.touchedDuringScan?.add(key);
    const t = this.docTimers.get(key);
    if (t) clearTimeout(t);
    this.docTimers.set(key, setTimeout(() => {
      this.docTimers.delete(key);
      if (!doc.isClosed) this.index.update(key, doc.getText());
    }, delay));
  }

  private fileChanged(uri: vscode.Uri): void {
    if (!this.inScope(uri)) return;
    const key = uri.toString();
    this.touchedDuringScan?.add(key);
    const t = this.fileTimers.get(key);
    if (t) clearTimeout(t);
    this.fileTimers.set(key, setTimeout(() => { this.fileTimers.delete(key); this.track(this.read(uri)); }, WATCH_DEBOUNCE_MS));
  }

  private fileDeleted(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.fileTimers.get(key);
    if (t) { clearTimeout(t); this.fileTimers.delete(key); }
    this.touchedDuringScan?.delete(key);
    this.index.remove(key);
  }

  /** Deleted or renamed through VS Code: a folder takes its reviews with it. */
  private foldersGone(uris: readonly vscode.Uri[], renamed = false): void {
    let folder = false;
    for (const u of uris) {
      const prefix = u.toString().replace(/\/?$/, '/');
      for (const r of this.index.reviews()) if (r.uri.startsWith(prefix)) { this.index.remove(r.uri); folder = true; }
    }
    // a renamed folder's reviews are found at the new place by a rescan (the cache makes it cheap)
    if (folder && renamed) this.rescanSoon(300);
  }

  private rescanSoon(delay: number): void {
    if (!this.isReady && !this.scanning) return;
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => { this.rescanTimer = undefined; void this.scan(false); }, delay);
  }

  /** what a summary says, without its hash: typing in a review's prose changes nothing the views show */
  private readonly signatures = new Map<string, string>();

  private summariesChanged(uris: string[]): void {
    let changed = uris.length === 0; // clear()
    for (const uri of uris) {
      const s = this._index!.get(uri);
      const sig = s ? JSON.stringify({ ...s, hash: '' }) : undefined;
      if (sig !== this.signatures.get(uri)) changed = true;
      if (sig === undefined) this.signatures.delete(uri); else this.signatures.set(uri, sig);
    }
    if (changed) this.indexChanged();
  }

  private indexChanged(): void {
    this.factsCache = undefined;
    if (!this.isReady) return;
    if (this.changeTimer) return;
    // coalesce: a scan or a burst of watcher events fires one change
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
      const sig = factsSignature(this.facts());
      if (sig !== this.factsSignature) { this.factsSignature = sig; this.factsChanged.fire(); }
      this.saveSoon(SAVE_DELAY_MS);
    }, 0);
  }

  // ------------------------------------------------------------------------------- the cache

  /** where the summaries are kept between sessions (undefined: in workspaceState) */
  cacheUri(): vscode.Uri | undefined {
    return this.context.storageUri ? vscode.Uri.joinPath(this.context.storageUri, CACHE_FILE) : undefined;
  }

  private async restoreCache(): Promise<void> {
    let json: string | undefined;
    const file = this.cacheUri();
    try {
      if (file) json = decoder.decode(await vscode.workspace.fs.readFile(file));
      else json = this.context.workspaceState.get<string>(CACHE_KEY);
    } catch { /* no cache yet */ }
    if (json) { this.index.restore(json); this.stats.restored = true; }
  }

  private saveSoon(delay: number): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => { this.saveTimer = undefined; void this.save(); }, delay);
  }

  async save(): Promise<void> {
    if (!this._index || !this.isReady) return;
    if (this.saveTimer) { clearTimeout(this.saveTimer); this.saveTimer = undefined; }
    const json = this._index.serialize();
    const file = this.cacheUri();
    try {
      if (file) {
        await vscode.workspace.fs.createDirectory(this.context.storageUri!);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(json));
      } else {
        await this.context.workspaceState.update(CACHE_KEY, json);
      }
    } catch (e) {
      this.log?.warn(`saving the index cache: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const t of [...this.docTimers.values(), ...this.fileTimers.values()]) clearTimeout(t);
    for (const t of [this.changeTimer, this.saveTimer, this.rescanTimer]) if (t) clearTimeout(t);
    void this.save();
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function factsSignature(f: WorkspaceFacts): string {
  const part = (m: Map<string, string[]>) => [...m].map(([k, v]) => `${k}=${[...v].sort().join(',')}`).sort().join(';');
  return part(f.actionIds) + '|' + part(f.reviewIds);
}
