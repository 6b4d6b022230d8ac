/**
 * Diagnostics for review documents: the core's findings, on open and (debounced) on change, or on
 * save when `pir.run` is onSave. Results computed for an older version of a document are dropped.
 */
import * as vscode from 'vscode';
import type { Config } from '../../core/config';
import type { Finding } from '../../core/types';
import { getCore } from '../shared/core';
import { ensureTagger } from '../shared/tagger';
import { isReview, toRange, toSeverity } from '../shared/convert';
import { cachedReview, fallbackFor } from '../shared/reviews';
import { ConfigStore, readSettings } from '../config/configStore';
import type { SettingsService } from '../config/settings';
import { workspaceFacts, type WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import { now } from '../shared/clock';

export const DEBOUNCE_MS = 300;
export const SOURCE = 'pir';

interface Result { version: number; findings: Finding[]; config: Config }

export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('pir');
  private readonly results = new Map<string, Result>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** per document: the number of the latest lint started; older ones drop their result */
  private readonly seq = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** fires after diagnostics of a document were published */
  readonly onDidUpdate = this.changed.event;

  constructor(private readonly store: ConfigStore, settings: SettingsService, private readonly index: WorkspaceIndexService, private readonly log?: vscode.LogOutputChannel) {
    this.disposables.push(
      this.collection, this.changed,
      vscode.workspace.onDidOpenTextDocument(d => this.lintSoon(d, 0)),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (!isReview(e.document) || e.contentChanges.length === 0) return;
        if (readSettings(e.document).run === 'onType') this.lintSoon(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument(d => { if (isReview(d) && readSettings(d).run === 'onSave') this.lintSoon(d, 0); }),
      vscode.workspace.onDidCloseTextDocument(d => this.forget(d.uri)),
      settings.onDidChange(() => this.lintAll()),
      store.onDidChange(() => this.lintAll()),
      // cross-file rules (an action ID used in another review): the index tells when IDs move
      index.onDidChangeFacts(() => this.lintAll()),
    );
  }

  /** Lints every open review (deferred, so it never runs inside activate()). */
  lintAll(): void {
    for (const d of vscode.workspace.textDocuments) this.lintSoon(d, 0);
  }

  lintSoon(doc: vscode.TextDocument, delay: number): void {
    if (!isReview(doc)) return;
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.lint(doc); }, delay));
  }

  /** Lints now; resolves when the diagnostics are published (or dropped as stale). */
  async lint(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    const settings = readSettings(doc);
    if (!settings.enable) { this.collection.delete(doc.uri); this.results.delete(key); return; }
    const version = doc.version;
    const t0 = Date.now();
    let config: Config;
    try {
      config = await this.store.configFor(doc, settings);
    } catch (e) {
      this.log?.error(`reading the configuration for ${doc.uri.toString(true)}: ${(e as Error).message}`);
      config = this.store.effective(undefined, settings);
    }
    // VS Code for the Web: vague-action needs the tagger, which is fetched after activation
    await ensureTagger(this.log);
    // a newer lint started, the document changed or closed meanwhile: this result is stale
    if (this.seq.get(key) !== n || doc.isClosed || doc.version !== version) return;
    const t1 = Date.now();
    const findings = this.analyze(doc, config);
    this.results.set(key, { version, findings, config });
    this.collection.set(doc.uri, findings.map(toDiagnostic));
    this.log?.trace(`linted ${doc.uri.toString(true)} (v${version}): configuration ${t1 - t0} ms, analysis ${Date.now() - t1} ms`);
    this.changed.fire(doc.uri);
  }

  /** The findings for the document as it is now (recomputed synchronously when the cache is stale). */
  findingsFor(doc: vscode.TextDocument): Finding[] {
    const key = doc.uri.toString();
    const r = this.results.get(key);
    if (r && r.version === doc.version) return r.findings;
    const config = r?.config ?? this.store.effective(undefined, readSettings(doc));
    const findings = this.analyze(doc, config);
    this.results.set(key, { version: doc.version, findings, config });
    return findings;
  }

  /** Development builds' tests only (pir._test.plantBrokenFix in testHooks.ts): extra findings for a document, e.g. a stand-in broken fix. */
  plantedFindings?: (doc: vscode.TextDocument) => Finding[];

  private analyze(doc: vscode.TextDocument, config: Config): Finding[] {
    const t0 = Date.now();
    // the parse is shared with the hover, outline, folding and status bar (one per document version)
    const review = cachedReview(doc, fallbackFor(doc, config));
    const findings = getCore().lintReview(review, { config, workspace: workspaceFacts(this.index), now: now() });
    if (this.plantedFindings) findings.push(...this.plantedFindings(doc));
    const ms = Date.now() - t0;
    if (ms > 50) this.log?.info(`analysed ${doc.uri.toString(true)} in ${ms} ms`);
    return findings;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.results.delete(key);
    this.seq.set(key, (this.seq.get(key) ?? 0) + 1);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = SOURCE;
  d.code = { value: f.rule, target: vscode.Uri.parse(getCore().ruleDocsUrl(f.rule)) };
  return d;
}
