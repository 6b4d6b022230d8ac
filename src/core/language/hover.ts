/**
 * What a hover shows in a review, as plain text rows (the editor escapes and renders them):
 * a timeline stamp (UTC, the author's clock, the offset from the start), a milestone (the time to
 * detect / mitigate / resolve) and an action ID (status, owner, due, where it is referenced). Pure.
 */
import { own } from '../safe/keys';
import type { Milestone, Review, TimelineEntry } from '../model';
import { MILESTONES } from '../model';
import type { Position, Range } from '../types';
import { describeZone } from '../time/zones';
import { TIME_TO, formatDuration, formatInZone, formatUtc, milestoneTimes, sinceStart, type MilestoneTime } from './milestones';

export interface HoverRow { label: string; value: string }

export interface HoverInfo {
  range: Range;
  title: string;
  rows: HoverRow[];
  /** short remarks shown under the rows */
  notes: string[];
}

/** An action item as the workspace index knows it (IndexedAction fits). */
export interface KnownAction {
  id: string;
  title: string;
  status: string;
  owner: string;
  due: string;
  depends: string;
  /** the file (URI string) and 0-based line of the item */
  file: string;
  line: number;
  review?: string;
}

export interface HoverOptions {
  /** the author's zone, for "your time": `pir.defaultTimezone` or the host's zone */
  localZone?: string;
  now?: Date;
  /** every action item of the workspace (the index), or how to get them (asked only over an
   * action ID); undefined while it is not known */
  workspaceActions?: KnownAction[] | (() => KnownAction[] | undefined);
}

const within = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

const MILESTONE_NAME: Record<Milestone, string> = { started: 'Started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };

export function hoverAt(review: Review, pos: Position, options: HoverOptions = {}): HoverInfo | undefined {
  for (const e of review.timeline) {
    if (e.line !== pos.line) continue;
    const tag = e.tags.find(t => within(t.range, pos));
    if (tag) return milestoneHover(review, tag.milestone, tag.range);
    if (within(e.stampRange, pos)) return stampHover(review, e, options);
  }
  const fm = review.frontMatter;
  if (fm && pos.line > fm.range.start.line && pos.line < fm.range.end.line) {
    for (const m of MILESTONES) {
      const key = fm.rangeOf([m], 'key');
      if (!key || key.start.line !== pos.line) continue;
      const value = fm.rangeOf([m], 'value');
      const whole = { start: key.start, end: value && value.end.line === key.start.line ? value.end : key.end };
      if (within(whole, pos)) return milestoneHover(review, m, whole);
    }
  }
  return actionHover(review, pos, options);
}

// ----------------------------------------------------------------------------------- stamps

function stampHover(review: Review, e: TimelineEntry, options: HoverOptions): HoverInfo {
  const rows: HoverRow[] = [];
  const notes: string[] = [];
  const own = e.stamp.zone?.ref;
  if (e.utc === undefined) {
    const why = !e.stamp.time ? 'the stamp has no time of day'
      : !e.date ? 'it has no date, and no entry above it or the started key gives one'
        : !e.zone ? 'it names no zone and the review declares none'
          : `its zone ${describeZone(e.zone)} can't be converted`;
    return { range: e.stampRange, title: `${e.stamp.text}: time unknown`, rows: [{ label: 'Why', value: why }], notes };
  }
  rows.push({ label: 'UTC', value: formatUtc(e.utc) });
  const zone = options.localZone || 'UTC';
  const local = formatInZone(e.utc, zone);
  if (local) rows.push({ label: 'Your time', value: local });
  else notes.push(`Your zone "${zone}" is not a zone name this extension knows; set pir.defaultTimezone to an IANA name such as Europe/Berlin.`);
  const start = milestoneTimes(review).started;
  if (start) rows.push({ label: 'Since the start', value: `${sinceStart(e.utc, start.utc)} (${formatUtc(start.utc)}${start.source === 'front-matter' ? ', started key' : start.source === 'first-entry' ? ', first entry' : ''})` });
  if (own && own.kind !== 'utc') rows.push({ label: 'Written in', value: describeZone(own) });
  else if (!own && e.zone) rows.push({ label: 'Read in', value: `${describeZone(e.zone)} (${e.zoneSource === 'prose' ? 'declared in the text' : e.zoneSource === 'front-matter' ? 'timezone key' : 'pir.defaultTimezone'})` });
  if (e.date?.carried) notes.push('The date is taken from the entry above (or the started key).');
  for (const t of e.tags) {
    const d = durationTo(review, t.milestone);
    if (d) rows.push({ label: d.label, value: d.value });
  }
  return { range: e.stampRange, title: formatUtc(e.utc), rows, notes };
}

// ----------------------------------------------------------------------------------- milestones

function durationTo(review: Review, m: Milestone, times = milestoneTimes(review)): HoverRow | undefined {
  if (m === 'started') return undefined;
  const start = times.started, t = times[m];
  if (!start || !t) return undefined;
  return { label: TIME_TO[m], value: t.utc >= start.utc ? formatDuration(t.utc - start.utc) : `${formatDuration(t.utc - start.utc)} before the start (check the times)` };
}

function sourceText(t: MilestoneTime): string {
  return t.source === 'front-matter' ? 'front matter' : t.source === 'tag' ? `timeline, line ${t.line! + 1}` : `first timeline entry, line ${t.line! + 1}`;
}

function milestoneHover(review: Review, m: Milestone, range: Range): HoverInfo {
  const times = milestoneTimes(review);
  const t = times[m];
  const rows: HoverRow[] = [];
  const notes: string[] = [];
  const title = t ? `${MILESTONE_NAME[m]}: ${formatUtc(t.utc)}` : `${MILESTONE_NAME[m]}: time unknown`;
  if (t) rows.push({ label: 'From', value: sourceText(t) });
  const own = durationTo(review, m, times);
  if (own) rows.push(own);
  // the other durations, so one hover shows the incident's shape
  for (const other of ['detected', 'mitigated', 'resolved'] as const) {
    if (other === m) continue;
    const d = durationTo(review, other, times);
    if (d) rows.push(d);
  }
  if (m !== 'started' && t && times.detected && m !== 'detected' && times.detected.utc <= t.utc) {
    rows.push({ label: 'After detection', value: formatDuration(t.utc - times.detected.utc) });
  }
  if (!times.started) notes.push('No start time: add started to the front matter (or a first timeline entry) to see the durations.');
  else if (!t) notes.push(`Add ${m} to the front matter or tag a timeline entry [${m}].`);
  return { range, title, rows, notes };
}

// ----------------------------------------------------------------------------------- actions

/** An action ID as the parser reads it: CAP-42-1, PLAT-7, FU-3a. */
export const ACTION_ID = /(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z]?(?![\w-])/g;

export function actionIdAt(line: string, character: number): { id: string; start: number; end: number } | undefined {
  for (const m of line.matchAll(ACTION_ID)) {
    const start = m.index!, end = start + m[0].length;
    if (character >= start && character <= end) return { id: m[0], start, end };
    if (start > character) break;
  }
  return undefined;
}

const STATUS_TEXT: Record<string, string> = { open: 'open', 'in-progress': 'in progress', blocked: 'blocked', done: 'done', 'wont-do': "won't do" };

export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}

const listIds = (s: string) => s.split(/[\s,;]+/).map(x => x.replace(/[`*]/g, '')).filter(Boolean);

function actionHover(review: Review, pos: Position, options: HoverOptions): HoverInfo | undefined {
  const lineText = review.lines.lineText(pos.line);
  const at = actionIdAt(lineText, pos.character);
  if (!at) return undefined;
  const { id } = at;
  const here = review.actions.find(a => a.id === id);
  const workspaceActions = typeof options.workspaceActions === 'function' ? options.workspaceActions() : options.workspaceActions;
  const elsewhere = (workspaceActions ?? []).filter(a => a.id === id && a.file !== review.uri);
  if (!here && !elsewhere.length) return undefined;
  const range = { start: { line: pos.line, character: at.start }, end: { line: pos.line, character: at.end } };
  const rows: HoverRow[] = [];
  const notes: string[] = [];
  const now = options.now ?? new Date();
  const info = here
    ? { title: here.title, status: here.status, owner: here.fields.get('owner')?.value ?? '', due: here.fields.get('due')?.value ?? '' }
    : { title: elsewhere[0].title, status: elsewhere[0].status, owner: elsewhere[0].owner, due: elsewhere[0].due };
  const overdue = info.status !== 'done' && info.status !== 'wont-do' && /^\d{4}-\d{2}-\d{2}/.test(info.due) && info.due.slice(0, 10) < now.toISOString().slice(0, 10);
  rows.push({ label: 'Status', value: `${own(STATUS_TEXT, info.status) ?? info.status}${overdue ? ' (overdue)' : ''}` });
  rows.push({ label: 'Owner', value: info.owner || '(none)' });
  rows.push({ label: 'Due', value: info.due || '(none)' });
  if (here) rows.push({ label: 'Defined', value: here.line === pos.line ? 'here' : `line ${here.line + 1}` });
  for (const a of elsewhere) rows.push({ label: here ? 'Also defined' : 'Defined', value: `${fileName(a.file)}, line ${a.line + 1}${a.review ? ` (${a.review})` : ''}` });

  // references in this document: every other line that names the ID
  const refs: string[] = [];
  const dependsLines = new Map<number, string>();
  for (const a of review.actions) {
    const d = a.fields.get('depends');
    if (d && a.id && listIds(d.value).includes(id)) dependsLines.set(d.line, a.id);
  }
  const lines = review.lines;
  for (let l = 0; l < lines.lineCount; l++) {
    if (l === here?.line) continue;
    const t = lines.lineText(l);
    if (!t.includes(id)) continue;
    if (![...t.matchAll(ACTION_ID)].some(m => m[0] === id)) continue;
    const by = dependsLines.get(l);
    refs.push(by ? `line ${l + 1} (${by} depends on it)` : `line ${l + 1}`);
  }
  rows.push({ label: 'Referenced here', value: refs.length ? refs.join(', ') : 'nowhere else' });
  if (workspaceActions) {
    const others = workspaceActions
      .filter(a => a.file !== review.uri && a.id !== id && listIds(a.depends).includes(id))
      .map(a => `${a.id} in ${fileName(a.file)}, line ${a.line + 1}`);
    rows.push({ label: 'Depended on by', value: others.length ? others.join('; ') : 'no action in other reviews' });
  } else {
    notes.push('Other reviews: the workspace index is not ready yet.');
  }
  const title = `${id}: ${info.title}`;
  return { range, title, rows, notes };
}
