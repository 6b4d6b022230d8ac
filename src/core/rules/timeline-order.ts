import type { List, Table, TableRow } from 'mdast';
import type { Rule, RuleFinding } from './rule';
import type { Review, TimelineEntry } from '../model';
import type { Fix } from '../types';
import { humanInstant, isoDay, DAY_MS, parseDay } from './helpers';
import { pinDateEdit } from '../time/conversion';

const ymd = (ms: number) => { const d = new Date(ms); return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }; };

/** One list item or table row of a timeline, by lines. */
interface Item { start: number; end: number; entry?: TimelineEntry }

/** The lists and tables of the timeline sections, each as its items (line spans) with their entries. */
export function timelineGroups(review: Review): Item[][] {
  const groups: Item[][] = [];
  const byLine = new Map(review.timeline.map(e => [e.line, e]));
  for (const s of review.sections) {
    if (s.kind !== 'timeline') continue;
    const base = review.lines.starts[s.bodyStartLine] ?? review.text.length;
    const lineOf = (o: number | undefined) => review.lines.positionAt(base + (o ?? 0)).line;
    for (const node of s.blocks().children) {
      if (node.type === 'list') {
        const items: Item[] = [];
        for (const it of (node as List).children) {
          if (!it.position) continue;
          const start = lineOf(it.position.start.offset);
          const end = Math.max(start, lineOf(it.position.end.offset));
          const para = it.children[0];
          const entryLine = para?.position ? lineOf(para.position.start.offset) : start;
          items.push({ start, end, entry: byLine.get(entryLine) });
        }
        if (items.length) groups.push(items);
      } else if (node.type === 'table') {
        const rows = (node as Table).children.slice(1) as TableRow[];
        const items: Item[] = rows.filter(r => r.position).map(r => { const l = lineOf(r.position!.start.offset); return { start: l, end: l, entry: byLine.get(l) }; });
        if (items.length) groups.push(items);
      }
    }
  }
  return groups;
}

/**
 * Rewrites a list or table in chronological order (stable; an item without a time moves with the
 * one above it). Each item keeps its full text, nested lines included; the lines between items stay
 * where they were. A time whose date was carried from the entry above gets its date written out when
 * its new neighbour would carry a different one. Undefined when nothing moves or it cannot be done safely.
 */
export function sortFix(review: Review, group: Item[]): Fix | undefined {
  // an undated time far earlier than the one above looks like the night went past midnight: its
  // date is only inherited, so sorting would move it a day early; the next-date fix comes first
  let above: TimelineEntry | undefined;
  for (const item of group) {
    const e = item.entry;
    if (e?.utc === undefined) continue;
    if (above && crossesMidnight(above, e)) return undefined;
    above = e;
  }
  let key = -Infinity;
  const keyed = group.map((item, i) => {
    if (item.entry?.utc !== undefined) key = item.entry.utc;
    return { item, key, i };
  });
  const sorted = [...keyed].sort((a, b) => a.key - b.key || a.i - b.i);
  if (sorted.every((x, i) => x.i === i)) return undefined;
  const { lines, text } = review;
  const chunkOf = (it: Item) => ({ a: lines.starts[it.start], b: lines.lineEnd(it.end) });
  // the date state before the group: the last date of an earlier entry, or `started`
  const firstEntry = group.find(g => g.entry)?.entry;
  const idx = firstEntry ? review.timeline.indexOf(firstEntry) : -1;
  let carry: number | undefined;
  for (let i = idx - 1; i >= 0 && carry === undefined; i--) { const d = review.timeline[i].date; if (d) carry = Date.UTC(d.year, d.month - 1, d.day); }
  if (carry === undefined) carry = parseDay(review.frontMatter?.data.started);
  const pieces: string[] = [];
  for (let n = 0; n < sorted.length; n++) {
    const { item } = sorted[n];
    const { a, b } = chunkOf(item);
    let chunk = text.slice(a, b);
    const e = item.entry;
    if (e?.date) {
      const day = Date.UTC(e.date.year, e.date.month - 1, e.date.day);
      if (e.date.carried && day !== carry) {
        if (e.stamp.date || !e.stamp.time) return undefined; // "Nov 20, 14:02": leave it to the author
        const at = e.stampBase + e.stamp.time.start - a;
        chunk = `${chunk.slice(0, at)}${isoDay(day)} ${chunk.slice(at)}`;
      }
      carry = day;
    }
    pieces.push(chunk);
    if (n < sorted.length - 1) {
      // the original gap after position n (blank lines of a loose list)
      const here = group[n], next = group[n + 1];
      pieces.push(text.slice(lines.lineEnd(here.end), lines.starts[next.start]));
    }
  }
  const first = group[0], last = group[group.length - 1];
  return {
    title: 'Sort the timeline by time',
    edits: [{ range: lines.range(lines.starts[first.start], lines.lineEnd(last.end)), newText: pieces.join('') }],
    isPreferred: true,
  };
}

/** An undated entry (its date inherited) more than 12 h earlier than the entry above: the night went past midnight. */
export function crossesMidnight(prev: TimelineEntry, e: TimelineEntry): boolean {
  return prev.utc !== undefined && e.utc !== undefined && !!e.date?.carried && !e.stamp.date && !!e.stamp.time && prev.utc - e.utc > 12 * 3600_000;
}

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries are in chronological order (by their time in UTC).',
  defaultSeverity: 'warning',
  check({ review }) {
    const out: RuleFinding[] = [];
    // the group of each entry, and the sort fix of each group, once: a long timeline out of order
    // has an entry to report per line, and each shares its group's fix
    let groupOf: Map<TimelineEntry, Item[]> | undefined;
    const fixOf = new Map<Item[], ReturnType<typeof sortFix>>();
    let prev: TimelineEntry | undefined;
    for (const e of review.timeline) {
      if (e.utc === undefined) continue;
      if (prev && prev.utc !== undefined && e.utc < prev.utc) {
        if (!groupOf) {
          groupOf = new Map();
          for (const g of timelineGroups(review)) for (const it of g) if (it.entry) groupOf.set(it.entry, g);
        }
        if (crossesMidnight(prev, e)) {
          // "23:55 UTC", then "00:10 UTC": the date is the next day's, not an entry out of order
          const next = { ...e.date!, ...ymd(Date.UTC(e.date!.year, e.date!.month - 1, e.date!.day) + DAY_MS) };
          const edit = pinDateEdit(review, e, next);
          out.push({
            message: `This entry (${humanInstant(e.utc)}) has no date of its own and is earlier than the one above it on line ${prev.line + 1} (${humanInstant(prev.utc)}): if it happened after midnight, write its date (${isoDay(Date.UTC(next.year, next.month - 1, next.day))}); a time without a date takes the date of the entry above.`,
            range: e.stampRange,
            fixes: edit ? [{ title: `Write the next day's date (${isoDay(Date.UTC(next.year, next.month - 1, next.day))})`, edits: [edit], isPreferred: true }] : [],
          });
          prev = e;
          continue;
        }
        const group = groupOf.get(e);
        if (group && !fixOf.has(group)) fixOf.set(group, sortFix(review, group));
        const fix = group && groupOf.get(prev) === group ? fixOf.get(group) : undefined;
        out.push({
          message: `This entry (${humanInstant(e.utc)}) is earlier than the one above it on line ${prev.line + 1} (${humanInstant(prev.utc)}): keep the timeline in chronological order.`,
          range: e.stampRange,
          fixes: fix ? [fix] : [],
        });
      }
      prev = e;
    }
    return out;
  },
};
