/**
 * The Reviews view (`pir.reviews`): each review of the workspace with its status, severity,
 * review-meeting compliance (the core's buildAudit, with each review's `.pir.yaml` deadline) and
 * its open / overdue action counts. The icon says what the review's problems are (errors,
 * warnings, infos, or none: the Problems panel's colours); the meeting status is in the tooltip
 * and the description. An open review's problems are its diagnostics (unsaved text, settings);
 * a closed one is linted once per content (the index's hash) with its `.pir.yaml`.
 */
import * as vscode from 'vscode';
import type { ReviewAudit } from '../../core/export/report';
import type { WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import { buildFolderAudit, folderContent } from '../exports/exports';
import type { AuditConfigs } from '../exports/auditConfig';
import { fileName } from './model';
import { complianceText, reviewTooltip } from './tooltips';
import { now as clockNow } from '../shared/clock';
import { getCore } from '../shared/core';

export const REVIEWS_VIEW_ID = 'pir.reviews';

/** How many problems of each severity a review has (what the Problems panel lists for it). */
export interface ProblemCounts { errors: number; warnings: number; infos: number }

export interface ReviewNode { uri: string; audit: ReviewAudit; problem?: string; problems?: ProblemCounts }

function icon(p: ProblemCounts | undefined): vscode.ThemeIcon {
  if (!p) return new vscode.ThemeIcon('file');
  if (p.errors) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (p.warnings) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (p.infos) return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

/** "4 errors, 1 warning", "no problems" */
export function problemsText(p: ProblemCounts): string {
  const part = (n: number, one: string) => (n ? `${n} ${one}${n === 1 ? '' : 's'}` : '');
  return [part(p.errors, 'error'), part(p.warnings, 'warning'), part(p.infos, 'info')].filter(Boolean).join(', ') || 'no problems';
}

const decoder = new TextDecoder('utf-8');

export class ReviewsTreeProvider implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  /** problem counts of closed reviews, by uri and content hash (and the day: overdue depends on it) */
  private readonly linted = new Map<string, { key: string; counts: ProblemCounts }>();

  constructor(private readonly service: WorkspaceIndexService, private readonly configs: AuditConfigs) {
    const soon = () => { if (this.timer) clearTimeout(this.timer); this.timer = setTimeout(() => this.emitter.fire(), 100); };
    const reviewDiagnostics = (e: vscode.DiagnosticChangeEvent) => { if (e.uris.some(u => this.service.index.get(u.toString()))) soon(); };
    this.disposables.push(this.emitter, service.onDidChange(soon), service.onDidBecomeReady(soon),
      configs.onDidChange(() => { this.linted.clear(); soon(); }), vscode.languages.onDidChangeDiagnostics(reviewDiagnostics));
  }

  /** The review's problems: its diagnostics when it is open, else the core's findings on the file. */
  private async problemsOf(uri: string, hash: string, day: string, now: Date): Promise<ProblemCounts | undefined> {
    const u = vscode.Uri.parse(uri);
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
    const count = (sev: (i: number) => boolean, list: { s: number }[]) => list.filter(x => sev(x.s)).length;
    const counts = (list: { s: number }[]): ProblemCounts => ({ errors: count(s => s === 0, list), warnings: count(s => s === 1, list), infos: count(s => s >= 2, list) });
    // an open review is linted as it is typed: its diagnostics are what the Problems panel shows
    if (open) return counts(vscode.languages.getDiagnostics(u).filter(d => d.source === 'pir').map(d => ({ s: d.severity })));
    const key = `${hash}@${day}`;
    const cached = this.linted.get(uri);
    if (cached?.key === key) return cached.counts;
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(u));
      const config = await this.configs.configFor(u);
      const { findings } = getCore().analyze(text, { uri, config, now, workspace: this.service.facts() });
      const order = { error: 0, warning: 1, info: 2, hint: 3 } as const;
      const c = counts(findings.map(f => ({ s: order[f.severity as keyof typeof order] ?? 2 })));
      this.linted.set(uri, { key, counts: c });
      return c;
    } catch {
      return undefined;
    }
  }

  refresh(): void { this.emitter.fire(); }

  async getChildren(node?: ReviewNode): Promise<ReviewNode[]> {
    if (node || !this.service.ready) return [];
    const out: ReviewNode[] = [];
    const now = clockNow();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const { reviews } = folderContent(this.service, folder, now);
      const audit = await buildFolderAudit(this.service, this.configs, folder, now);
      // buildAudit keeps the order of the reviews it was given
      const day = now.toISOString().slice(0, 10);
      const problems = await Promise.all(reviews.map(r => this.problemsOf(r.uri, r.hash, day, now)));
      audit.reviews.forEach((a, i) => { if (reviews[i]) out.push({ uri: reviews[i].uri, audit: a, problem: reviews[i].problem, problems: problems[i] }); });
    }
    const live = new Set(out.map(n => n.uri));
    for (const u of this.linted.keys()) if (!live.has(u)) this.linted.delete(u);
    return out;
  }

  getTreeItem(n: ReviewNode): vscode.TreeItem {
    const a = n.audit;
    const label = a.id ? `${a.id}: ${a.title}` : a.title || fileName(n.uri);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `review/${n.uri}`;
    const parts = [a.status || 'no status', a.severity || 'no severity'];
    parts.push(`${a.open} open`);
    if (a.overdue) parts.push(`${a.overdue} overdue`);
    if (a.meetingCompliant === false) parts.push(a.daysToMeeting === undefined ? 'no meeting' : 'meeting late');
    item.description = parts.join(' · ');
    item.iconPath = icon(n.problems);
    item.tooltip = reviewTooltip(a, n.uri, n.problem, n.problems && problemsText(n.problems));
    item.contextValue = 'pirReview';
    item.accessibilityInformation = { label: `${label}, ${n.problems ? problemsText(n.problems) + ', ' : ''}${item.description}, meeting: ${complianceText(a)}` };
    item.command = { command: 'pir.reviews.open', title: 'Open Review', arguments: [n.uri] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
