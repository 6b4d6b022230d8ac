/**
 * The Corrective Actions tree (view `pir.actions`): every action item of the workspace index,
 * grouped and filtered as the user chose (both remembered in workspaceState), with a badge that
 * counts the overdue ones. It refreshes when the index changes; the index follows unsaved edits.
 */
import * as vscode from 'vscode';
import { readPirSettings, type SettingsService } from '../config/settings';
import type { IndexedAction, ReviewSummary } from '../../core';
import type { WorkspaceIndexService } from '../workspaceIndex/workspaceIndex';
import { countText, describeFilters, groupActions, iconOf, isFiltered, matches, NO_FILTERS, parseMe, type Filters, type Group, type GroupBy, type IconKind } from './model';
import { actionTooltip, groupTooltip } from './tooltips';
import { now } from '../shared/clock';

export const VIEW_ID = 'pir.actions';
const GROUP_KEY = 'pir.actions.groupBy';
const FILTER_KEY = 'pir.actions.filters';

export interface GroupNode { kind: 'group'; id: string; group: Group }
export interface ActionNode { kind: 'action'; id: string; action: IndexedAction; parent?: GroupNode }
export type Node = GroupNode | ActionNode;

const COLORS: Record<IconKind, string | undefined> = {
  done: 'testing.iconPassed',
  overdue: 'problemsErrorIcon.foreground',
  blocked: 'problemsWarningIcon.foreground',
  'wont-do': 'disabledForeground',
  'in-progress': 'charts.blue',
  open: undefined,
};
const ICONS: Record<IconKind, string> = {
  done: 'pass',
  overdue: 'error',
  blocked: 'circle-slash',
  'wont-do': 'circle-large-outline',
  'in-progress': 'play-circle',
  open: 'circle-large-outline',
};

export function statusIcon(kind: IconKind): vscode.ThemeIcon {
  const c = COLORS[kind];
  return new vscode.ThemeIcon(ICONS[kind], c ? new vscode.ThemeColor(c) : undefined);
}

function groupIcon(g: Group): vscode.ThemeIcon {
  switch (g.icon) {
    case 'review': return new vscode.ThemeIcon('book');
    case 'owner': return new vscode.ThemeIcon('person');
    case 'domain': return new vscode.ThemeIcon('tag');
    case 'calendar': return new vscode.ThemeIcon('calendar');
    case 'no-date': return new vscode.ThemeIcon('question');
    default: return statusIcon(g.icon);
  }
}

/** `pirAction;open;tracking`: menus match on the parts (viewItem =~ /;open/). */
function contextValueOf(a: IndexedAction): string {
  const parts = ['pirAction', a.status === 'done' || a.status === 'wont-do' ? 'closed' : 'open'];
  if (/^https?:\/\//i.test(a.tracking)) parts.push('tracking');
  if (a.id) parts.push('id');
  return parts.join(';');
}

export class ActionsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private view?: vscode.TreeView<Node>;
  private roots: Node[] = [];
  private stale = true;
  groupBy: GroupBy;
  filters: Filters;
  /** "today", for overdue items and due-date groups */
  now = now;

  constructor(private readonly service: WorkspaceIndexService, private readonly state: vscode.Memento, settings: SettingsService) {
    const g = state.get<GroupBy>(GROUP_KEY);
    this.groupBy = g && ['review', 'owner', 'status', 'due', 'domain'].includes(g) ? g : 'review';
    this.filters = { ...NO_FILTERS, ...state.get<Partial<Filters>>(FILTER_KEY), text: '' };
    this.disposables.push(this.emitter,
      service.onDidChange(() => this.refresh()),
      service.onDidBecomeReady(() => this.refresh()),
      settings.onDidChange(e => { if (e.affects('me')) this.refresh(); }));
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.update();
  }

  refresh(): void {
    this.stale = true;
    this.update();
    this.emitter.fire();
  }

  async setGroupBy(g: GroupBy): Promise<void> {
    this.groupBy = g;
    await this.state.update(GROUP_KEY, g);
    this.refresh();
  }

  async setFilters(f: Partial<Filters>): Promise<void> {
    this.filters = { ...this.filters, ...f };
    const { text, ...kept } = this.filters;
    void text;
    await this.state.update(FILTER_KEY, kept);
    this.refresh();
  }

  me(): string[] {
    return parseMe(readPirSettings().me);
  }

  /** every action of the index on "now" */
  allActions(): IndexedAction[] {
    return this.service.ready ? this.service.index.actions(this.now()) : [];
  }

  reviews(): ReviewSummary[] {
    return this.service.ready ? this.service.index.reviews() : [];
  }

  /** Badge, description, message and context keys: what the view shows around the items. */
  private readonly contexts = new Map<string, unknown>();
  private setContext(key: string, value: unknown): void {
    if (this.contexts.get(key) === value) return;
    this.contexts.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  private update(): void {
    const ready = this.service.ready;
    const all = this.allActions();
    const overdue = all.filter(a => a.overdue).length;
    this.setContext('pir.tracker.ready', ready);
    this.setContext('pir.tracker.empty', ready && this.service.index.size === 0);
    this.setContext('pir.actions.filtered', isFiltered(this.filters));
    if (!this.view) return;
    // each setter is a message to the workbench: only when something changed
    if ((this.view.badge?.value ?? 0) !== overdue) {
      this.view.badge = overdue ? { value: overdue, tooltip: `${overdue} overdue corrective action${overdue === 1 ? '' : 's'}` } : undefined;
    }
    const description = describeFilters(this.filters) || undefined;
    if (this.view.description !== description) this.view.description = description;
    const shown = this.getRoots();
    let message: string | undefined;
    if (!ready) message = 'Looking for reviews…';
    else if (this.service.index.size === 0) message = undefined; // the welcome content
    else if (!all.length) message = `No action items in ${this.service.index.size} review${this.service.index.size === 1 ? '' : 's'} yet.`;
    else if (!shown.length) message = `No corrective action matches the filters (${describeFilters(this.filters)}).`;
    if (this.view.message !== message) this.view.message = message;
  }

  private getRoots(): Node[] {
    if (!this.stale) return this.roots;
    this.stale = false;
    const me = this.me();
    const actions = this.allActions().filter(a => matches(a, this.filters, me));
    const groups = groupActions(actions, this.groupBy, this.reviews(), this.now());
    const seen = new Set<string>();
    const unique = (id: string) => { let u = id, n = 1; while (seen.has(u)) u = `${id}~${++n}`; seen.add(u); return u; };
    this.roots = groups.map(group => {
      const g: GroupNode = { kind: 'group', id: unique(`g/${this.groupBy}/${group.key}`), group };
      (g as GroupNode & { children: ActionNode[] }).children = group.actions.map(action => ({
        kind: 'action', id: unique(`a/${this.groupBy}/${group.key}/${action.file}#${action.id || 'L' + action.line}`), action, parent: g,
      }));
      return g;
    });
    return this.roots;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.getRoots();
    if (node.kind === 'group') return (node as GroupNode & { children: ActionNode[] }).children ?? [];
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'action' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = countText(g.actions);
      item.iconPath = groupIcon(g);
      item.contextValue = g.uri ? 'pirActionGroup;review' : 'pirActionGroup';
      item.tooltip = groupTooltip(g);
      return item;
    }
    const a = node.action;
    const text = a.id ? `${a.id}: ${a.title}` : a.title;
    const item = new vscode.TreeItem({ label: text, highlights: this.highlights(text) }, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const parts: string[] = [];
    if (this.groupBy !== 'owner') parts.push(a.owner || 'no owner');
    if (a.due) parts.push(`due ${a.due}`);
    if (a.overdue) parts.push('overdue');
    else if (a.status !== 'open' && this.groupBy !== 'status') parts.push(a.status);
    if (this.groupBy !== 'review' && a.review) parts.push(a.review);
    item.description = parts.join(' · ');
    item.iconPath = statusIcon(iconOf(a));
    item.tooltip = actionTooltip(a);
    item.contextValue = contextValueOf(a);
    item.accessibilityInformation = { label: `${text}, ${a.overdue ? 'overdue' : a.status}, owner ${a.owner || 'none'}, due ${a.due || 'no date'}` };
    item.command = { command: 'pir.actions.reveal', title: 'Show in Review', arguments: [{ file: a.file, line: a.line, id: a.id }] };
    return item;
  }

  private highlights(label: string): [number, number][] | undefined {
    const q = this.filters.text.trim().toLowerCase();
    if (!q) return undefined;
    const low = label.toLowerCase();
    const out: [number, number][] = [];
    for (const w of q.split(/\s+/)) { const i = low.indexOf(w); if (i >= 0) out.push([i, i + w.length]); }
    return out.length ? out.sort((x, y) => x[0] - y[0]).filter((h, i, all) => i === 0 || h[0] >= all[i - 1][1]) : undefined;
  }

  /** The tree as plain JSON: what the view shows (tests, and the `pir._test.actionsTree` command). */
  snapshot(): TreeSnapshot {
    const roots = this.getChildren();
    const all = this.allActions();
    return {
      ready: this.service.ready,
      groupBy: this.groupBy,
      filters: this.filters,
      badge: this.view?.badge ? { value: this.view.badge.value, tooltip: this.view.badge.tooltip } : undefined,
      description: typeof this.view?.description === 'string' ? this.view.description : undefined,
      message: this.view?.message,
      total: all.length,
      overdue: all.filter(a => a.overdue).length,
      groups: roots.map(g => {
        const gi = this.getTreeItem(g);
        return {
          label: String(gi.label), description: String(gi.description ?? ''),
          items: this.getChildren(g).map(n => {
            const a = (n as ActionNode).action;
            const ti = this.getTreeItem(n);
            const label = typeof ti.label === 'string' ? ti.label : ti.label?.label ?? '';
            return {
              label, description: String(ti.description ?? ''), icon: (ti.iconPath as vscode.ThemeIcon).id,
              color: (ti.iconPath as vscode.ThemeIcon).color?.id, contextValue: ti.contextValue ?? '',
              tooltip: (ti.tooltip as vscode.MarkdownString).value,
              id: a.id, title: a.title, status: a.status, overdue: a.overdue, owner: a.owner, due: a.due, evidence: a.evidence,
              file: a.file, line: a.line,
            };
          }),
        };
      }),
    };
  }

  /** Expands every group and selects the first action (the screenshot). */
  async revealAll(): Promise<void> {
    if (!this.view) return;
    for (const g of this.getChildren()) await this.view.reveal(g, { expand: true, select: false, focus: false });
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}

export interface TreeSnapshot {
  ready: boolean;
  groupBy: GroupBy;
  filters: Filters;
  badge?: { value: number; tooltip?: string };
  description?: string;
  message?: string;
  total: number;
  overdue: number;
  groups: { label: string; description: string; items: { label: string; description: string; icon: string; color?: string; contextValue: string; tooltip: string; id: string; title: string; status: string; overdue: boolean; owner: string; due: string; evidence: string; file: string; line: number }[] }[];
}
