/**
 * The Reviews view (`pir.reviews`): each review of the workspace with its status, severity,
 * review-meeting compliance (the core's buildAudit, with each review's `.pir.yaml` deadline) and
 * its open / overdue action counts.
 */
import * as vscode from 'vscode';
import type { ReviewAudit } from '../../core/export/report';
import type { WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import { buildFolderAudit, folderContent } from '../exports/exports';
import type { AuditConfigs } from '../exports/auditConfig';
import { fileName } from './model';
import { complianceText, reviewTooltip } from './tooltips';
import { now as clockNow } from '../shared/clock';

export const REVIEWS_VIEW_ID = 'pir.reviews';

export interface ReviewNode { uri: string; audit: ReviewAudit; problem?: string }

function icon(a: ReviewAudit): vscode.ThemeIcon {
  if (a.meetingCompliant === true) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (a.meetingCompliant === false && a.daysToMeeting !== undefined) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (a.meetingCompliant === false) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  return new vscode.ThemeIcon('clock');
}

export class ReviewsTreeProvider implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly service: WorkspaceIndexService, private readonly configs: AuditConfigs) {
    const soon = () => { if (this.timer) clearTimeout(this.timer); this.timer = setTimeout(() => this.emitter.fire(), 100); };
    this.disposables.push(this.emitter, service.onDidChange(soon), service.onDidBecomeReady(soon), configs.onDidChange(soon));
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
      audit.reviews.forEach((a, i) => { if (reviews[i]) out.push({ uri: reviews[i].uri, audit: a, problem: reviews[i].problem }); });
    }
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
    item.iconPath = icon(a);
    item.tooltip = reviewTooltip(a, n.uri, n.problem);
    item.contextValue = 'pirReview';
    item.accessibilityInformation = { label: `${label}, ${item.description}, meeting: ${complianceText(a)}` };
    item.command = { command: 'pir.reviews.open', title: 'Open Review', arguments: [n.uri] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
