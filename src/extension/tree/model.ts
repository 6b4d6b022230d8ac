/**
 * What the Corrective Actions tree shows, without vscode: grouping (by review, owner, status, due
 * date or domain) and filters (open only, overdue, mine, text). The tree provider turns groups into
 * TreeItems.
 */
import type { IndexedAction, ReviewSummary } from '../../core';
import { getCore } from '../shared/core';

export type GroupBy = 'review' | 'owner' | 'status' | 'due' | 'domain';
export const GROUP_BYS: { value: GroupBy; label: string; detail: string }[] = [
  { value: 'review', label: 'Review', detail: 'One group per review file' },
  { value: 'owner', label: 'Owner', detail: 'Who owns each action' },
  { value: 'status', label: 'Status', detail: 'Open, in progress, blocked, done, won\'t do' },
  { value: 'due', label: 'Due date', detail: 'Overdue, due this week, later, no date' },
  { value: 'domain', label: 'Domain', detail: 'Themes across reviews (change management, monitoring, …)' },
];

export interface Filters {
  openOnly: boolean;
  overdueOnly: boolean;
  mine: boolean;
  text: string;
}
export const NO_FILTERS: Filters = { openOnly: false, overdueOnly: false, mine: false, text: '' };

export type Bucket = 'overdue' | 'week' | 'later' | 'none' | 'closed';
export type IconKind = 'open' | 'in-progress' | 'blocked' | 'done' | 'wont-do' | 'overdue';

export interface Group {
  key: string;
  label: string;
  /** the icon of the group: a status, or the kind of grouping */
  icon: IconKind | 'review' | 'owner' | 'domain' | 'calendar' | 'no-date';
  actions: IndexedAction[];
  /** the review file, when grouped by review */
  uri?: string;
  tooltip?: string;
}

export const isOpen = (a: { status: string }) => a.status === 'open' || a.status === 'in-progress' || a.status === 'blocked';

export function iconOf(a: IndexedAction): IconKind {
  return a.overdue ? 'overdue' : a.status;
}


/** Overdue, due within the next 7 days, later, no (valid) date; done and won't-do items are closed. */
export function bucketOf(a: IndexedAction, now: Date): Bucket {
  if (!isOpen(a)) return 'closed';
  if (a.overdue) return 'overdue';
  // the format's due date (core/format dueDay): the same one the overdue flag and the rules read
  const { dueDay, utcDay, DAY_MS } = getCore();
  const day = dueDay(a.due);
  if (day === undefined) return 'none';
  return day <= utcDay(now) + 6 * DAY_MS ? 'week' : 'later';
}

const handle = (s: string) => s.trim().replace(/^@/, '').toLowerCase();

/** `pir.me`: one handle or several, comma-separated (a person and their teams). */
export function parseMe(me: string | undefined): string[] {
  return (me ?? '').split(/[,;\s]+/).map(handle).filter(Boolean);
}

export function isMine(a: IndexedAction, me: string[]): boolean {
  if (!me.length || !a.owner) return false;
  const owners = a.owner.split(/[,;]|\band\b/).map(handle).filter(Boolean);
  return owners.some(o => me.includes(o));
}

export function searchableText(a: IndexedAction): string {
  return [a.id, a.title, a.owner, a.domain, a.type, a.review, a.reviewTitle, a.validation, a.tracking].join('\n').toLowerCase();
}

export function matches(a: IndexedAction, f: Filters, me: string[]): boolean {
  if (f.openOnly && !isOpen(a)) return false;
  if (f.overdueOnly && !a.overdue) return false;
  if (f.mine && !isMine(a, me)) return false;
  const q = f.text.trim().toLowerCase();
  if (q && !q.split(/\s+/).every(w => searchableText(a).includes(w))) return false;
  return true;
}

export function isFiltered(f: Filters): boolean {
  return f.openOnly || f.overdueOnly || f.mine || !!f.text.trim();
}

export function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.openOnly) parts.push('open');
  if (f.overdueOnly) parts.push('overdue');
  if (f.mine) parts.push('mine');
  if (f.text.trim()) parts.push(`“${f.text.trim()}”`);
  return parts.join(' · ');
}

const STATUS_GROUPS: { key: IndexedAction['status']; label: string }[] = [
  { key: 'open', label: 'Open' },
  { key: 'in-progress', label: 'In progress' },
  { key: 'blocked', label: 'Blocked' },
  { key: 'done', label: 'Done' },
  { key: 'wont-do', label: 'Won\'t do' },
];
const BUCKETS: { key: Bucket; label: string; icon: Group['icon']; tooltip: string }[] = [
  { key: 'overdue', label: 'Overdue', icon: 'overdue', tooltip: 'Open, and the due date has passed' },
  { key: 'week', label: 'Due this week', icon: 'calendar', tooltip: 'Due today or in the next 6 days' },
  { key: 'later', label: 'Due later', icon: 'calendar', tooltip: 'Due in a week or more' },
  { key: 'none', label: 'No due date', icon: 'no-date', tooltip: 'No due date written as YYYY-MM-DD' },
  { key: 'closed', label: 'Closed', icon: 'done', tooltip: 'Done or won\'t do' },
];

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try { return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)); } catch { return path.slice(path.lastIndexOf('/') + 1); }
}

export function reviewLabel(r: Pick<ReviewSummary, 'id' | 'title' | 'uri'>): string {
  if (r.id && r.title) return `${r.id}: ${r.title}`;
  return r.id || r.title || fileName(r.uri);
}

/** Groups the (already filtered) actions. Review groups follow the index's order; the others are sorted. */
export function groupActions(actions: IndexedAction[], by: GroupBy, reviews: ReviewSummary[], now: Date): Group[] {
  const groups = new Map<string, Group>();
  const add = (key: string, make: () => Omit<Group, 'actions' | 'key'>, a: IndexedAction) => {
    let g = groups.get(key);
    if (!g) { g = { key, actions: [], ...make() }; groups.set(key, g); }
    g.actions.push(a);
  };
  const byUri = new Map(reviews.map(r => [r.uri, r]));
  for (const a of actions) {
    switch (by) {
      case 'review': {
        const r = byUri.get(a.file);
        add(a.file, () => ({ label: r ? reviewLabel(r) : fileName(a.file), icon: 'review', uri: a.file }), a);
        break;
      }
      case 'owner': add(a.owner ? 'o:' + a.owner.toLowerCase() : '~none', () => ({ label: a.owner || '(no owner)', icon: 'owner' }), a); break;
      case 'domain': add(a.domain ? 'd:' + a.domain.toLowerCase() : '~none', () => ({ label: a.domain || '(no domain)', icon: 'domain' }), a); break;
      case 'status': add(a.status, () => ({ label: STATUS_GROUPS.find(s => s.key === a.status)?.label ?? a.status, icon: a.status }), a); break;
      case 'due': {
        const b = bucketOf(a, now);
        const spec = BUCKETS.find(x => x.key === b)!;
        add(b, () => ({ label: spec.label, icon: spec.icon, tooltip: spec.tooltip }), a);
        break;
      }
    }
  }
  const list = [...groups.values()];
  if (by === 'review') {
    const order = new Map(reviews.map((r, i) => [r.uri, i]));
    return list.sort((x, y) => (order.get(x.key) ?? 0) - (order.get(y.key) ?? 0));
  }
  if (by === 'status') return STATUS_GROUPS.map(s => groups.get(s.key)).filter((g): g is Group => !!g);
  if (by === 'due') {
    const { dueDay } = getCore();
    const key = (a: IndexedAction) => dueDay(a.due) ?? Infinity;
    for (const g of list) g.actions.sort((x, y) => key(x) - key(y) || (x.due || '9999').localeCompare(y.due || '9999'));
    return BUCKETS.map(b => groups.get(b.key)).filter((g): g is Group => !!g);
  }
  return list.sort((x, y) => (x.key === '~none' ? 1 : 0) - (y.key === '~none' ? 1 : 0) || x.label.localeCompare(y.label));
}

/** "4 · 1 overdue" */
export function countText(actions: IndexedAction[]): string {
  const overdue = actions.filter(a => a.overdue).length;
  return `${actions.length}${overdue ? ` · ${overdue} overdue` : ''}`;
}

/** U+2011 NON-BREAKING HYPHEN: looks like "-", but a line never breaks after it. */
const NB_HYPHEN = '\u2011';
const ID_TOKEN = /(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z]?(?![\w-])/g;

/**
 * Text for a tooltip line with every action or review ID kept on one line: the hyphens inside
 * `CAP-42-1`, `INC-2026-044` (and the `extra` tokens given, such as a review's own ID) become
 * non-breaking hyphens, so a wrapped tooltip never shows "CAP-42-" at the end of a line and "1"
 * on the next. Display only: the document and the copied ID keep their ASCII hyphens.
 */
export function keepIdsTogether(text: string, extra: readonly string[] = []): string {
  let out = text.replace(ID_TOKEN, id => id.replace(/-/g, NB_HYPHEN));
  for (const t of extra) if (t.includes('-')) out = out.split(t).join(t.replace(/-/g, NB_HYPHEN));
  return out;
}

// ------------------------------------------------------------------ Set Owner / Set Due choices

/** A choice of the Set Owner quick pick: an owner handle as written in the workspace. */
export interface OwnerChoice { owner: string; description?: string }

/**
 * The owners to offer for an action: the `pir.me` handles first, then every owner written in the
 * workspace's action items (what completion offers), the most used first, then by name; `current`
 * (the item's owner) is marked. Each owner once, as written.
 */
export function ownerChoices(actions: readonly { owner: string }[], me: readonly string[], current?: string): OwnerChoice[] {
  const uses = new Map<string, number>();
  for (const a of actions) { const o = a.owner.trim(); if (o && o.length <= 80 && !/[\r\n]/.test(o)) uses.set(o, (uses.get(o) ?? 0) + 1); }
  const mine = me.map(m => `@${m}`);
  const out: OwnerChoice[] = [];
  const seen = new Set<string>();
  const push = (owner: string, description: string[]) => {
    if (seen.has(owner)) return;
    seen.add(owner);
    if (owner === current?.trim()) description.unshift('current');
    out.push({ owner, description: description.join(' · ') || undefined });
  };
  const count = (o: string) => { const n = uses.get(o) ?? 0; return n ? [`${n} action${n === 1 ? '' : 's'}`] : []; };
  for (const m of mine) push([...uses.keys()].find(o => o.toLowerCase() === m.toLowerCase()) ?? m, ['you (pir.me)', ...count(m)]);
  for (const [o] of [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) push(o, count(o));
  return out;
}

/** A choice of the Set Due quick pick; no `date`: "Custom date…" (an input box follows). */
export interface DueChoice { label: string; description: string; date?: string }

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The due dates to offer on `today` (its UTC day): this Friday (today when it is a Friday, else
 * the coming one), in 1, 2 and 4 weeks, and a custom date. Dates are `YYYY-MM-DD`, described with
 * their weekday ("2026-12-04, Fri").
 */
export function dueChoices(today: Date): DueChoice[] {
  // through getCore(): an import of core/ here would load dist/core.js at activation (extension-split.mjs)
  const { DAY_MS, formatDay, utcDay } = getCore();
  const day = utcDay(today);
  const dow = new Date(day).getUTCDay();
  const at = (days: number) => { const ms = day + days * DAY_MS; return { date: formatDay(ms), description: `${formatDay(ms)}, ${WEEKDAY[new Date(ms).getUTCDay()]}` }; };
  return [
    { label: 'This Friday', ...at((5 - dow + 7) % 7) },
    { label: 'In 1 week', ...at(7) },
    { label: 'In 2 weeks', ...at(14) },
    { label: 'In 4 weeks', ...at(28) },
    { label: 'Custom date…', description: 'YYYY-MM-DD' },
  ];
}
