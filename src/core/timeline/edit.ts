/**
 * Timeline edits as an author would type them: given a parsed review and an intent (add, edit,
 * delete, move, sort, convert), the minimal text edits. Pure: no `vscode`, used by the timeline
 * editor's host and by the unit tests.
 *
 * How entries are written
 * - A new or re-timed stamp is `YYYY-MM-DD HH:MM UTC` (seconds only when they are not zero).
 *   The date is written when the timeline's existing stamps all carry their date, when it is the
 *   first entry, or when it differs from the date the entry would otherwise take from the entry
 *   above it; otherwise the stamp is `HH:MM UTC`, as in docs/format.md. A stamp that had a date
 *   keeps it when the time is edited.
 * - A list entry is `<marker> <stamp> — <description> ([source](<url>)) [tag]`, with the marker,
 *   the separator and any emphasis copied from the entry next to it. A table row fills the time
 *   cell, the event cell (description, tag) and a Source/Link column if the table has one.
 * - Entries that an intent does not touch stay byte-identical. When a move, a sort or a deletion
 *   would change the date a time-only stamp takes from the entry above it, the date is written
 *   on that stamp (and only that is changed), so no event silently moves to another day.
 */
import type { Milestone, Review, TimelineEntry } from '../model';
import { MILESTONES } from '../model';
import type { TextEdit } from '../types';
import { readStamp } from '../time/stamp';
import { resolveZone, resolveLocal, isResolvable, toUtc, describeZone, type ZoneRef } from '../time/zones';
import { convertFix, uncertainty } from '../time/conversion';
import { splitTableRow } from '../format/table';
import { readListItem } from '../format/listItem';
import { milestoneTagPattern, TRAILING_MILESTONE_TAGS } from '../format/milestones';
import { formatYmd, leadingYmd, readUtcDateTime, type Ymd, type DateTime } from '../time/calendar';

/** Where an entry was when the webview saw it: re-located by content when the document moved on. */
export interface EntryRef {
  /** the entry's line (0-based) in the version the intent was based on */
  line: number;
  /** the entry's first line, exactly */
  text: string;
}

export interface EntryDraft {
  /** UTC, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM[:SS]` */
  time: string;
  description: string;
  /** null removes the tag */
  milestone?: Milestone | null;
  /** http(s) URL; empty string removes the link */
  link?: string;
}

export type TimelineIntent =
  | { type: 'addEntry'; entry: EntryDraft; /** insert after this entry; omitted: at its place in time */ after?: EntryRef | null }
  | { type: 'editEntry'; ref: EntryRef; changes: Partial<EntryDraft> }
  | { type: 'deleteEntry'; ref: EntryRef }
  | { type: 'moveEntry'; ref: EntryRef; /** -1 up, +1 down */ delta: number }
  | { type: 'sortEntries' }
  | { type: 'convertEntry'; ref: EntryRef; /** the zone the stamp was written in; omitted: its own or the declared one */ zone?: string }
  | { type: 'convertAll'; zone?: string };

export type EditResult = { ok: true; edits: TextEdit[]; /** line the intent's entry ends up on, for focus */ line?: number } | { ok: false; error: string };

const TAG_RE = milestoneTagPattern('g');
const TRAILING_TAGS_RE = TRAILING_MILESTONE_TAGS;
const MD_LINK_RE = /\[([^\]\n]*)\]\((https?:\/\/[^\s)]+)\)/i;
const BARE_URL_RE = /<?(https?:\/\/[^\s<>)\]]+)>?/i;
const TRAILING_SOURCE_RE = /\s*\(\[source\]\((https?:\/\/[^\s)]+)\)\)\s*$/i;

// ------------------------------------------------------------------ reading entries

export interface EntryParts {
  /** columns in the entry's first line */
  descStart: number;
  descEnd: number;
  /** description as shown: the line's text without stamp, separator, trailing source link and tags */
  description: string;
  milestone?: Milestone;
  link?: string;
  /** the span of the link's URL in the line, when there is one */
  linkRange?: [number, number];
  /** the span of a trailing `([source](url))` we can remove as a whole */
  sourceRange?: [number, number];
  /** span of the trailing tags (with the space before them) */
  tagsRange?: [number, number];
  /** table: cell spans [start, end) of the cell contents (trimmed) */
  cells?: [number, number][];
  linkCell?: number;
}

/** The first line of an entry, split into the parts the editor shows. */
export function entryParts(review: Review, e: TimelineEntry, header?: string[]): EntryParts {
  const line = review.lines.lineText(e.line);
  if (e.form === 'table') return tableParts(line, e, header ?? []);
  const after = e.stampRange.end.character;
  const sep = /^[\s*_\]|)]*(?:[—–:|]|-(?!\S))*\s*/.exec(line.slice(after))![0];
  let descStart = after + sep.length;
  let descEnd = line.length;
  return bodyParts(line, descStart, descEnd);
}

function bodyParts(line: string, descStart: number, descEnd: number): EntryParts {
  const out: EntryParts = { descStart, descEnd, description: '' };
  const tags = TRAILING_TAGS_RE.exec(line.slice(descStart, descEnd));
  if (tags) {
    out.tagsRange = [descStart + tags.index, descEnd];
    descEnd = descStart + tags.index;
  }
  const body = line.slice(descStart, descEnd);
  const all = [...line.slice(descStart, descEnd + (tags ? tags[0].length : 0)).matchAll(TAG_RE)];
  if (all.length) out.milestone = all[all.length - 1][1].toLowerCase() as Milestone;
  const src = TRAILING_SOURCE_RE.exec(body);
  if (src) {
    out.sourceRange = [descStart + src.index, descEnd];
    out.link = src[1];
    const u = line.indexOf(src[1], descStart + src.index);
    out.linkRange = [u, u + src[1].length];
    descEnd = descStart + src.index;
  } else {
    const m = MD_LINK_RE.exec(body) ?? BARE_URL_RE.exec(body);
    if (m) {
      const url = m[0].startsWith('[') ? m[2] : m[1];
      const u = descStart + m.index + m[0].indexOf(url);
      out.link = url;
      out.linkRange = [u, u + url.length];
    }
  }
  while (descEnd > descStart && /\s/.test(line[descEnd - 1])) descEnd--;
  out.descStart = descStart;
  out.descEnd = descEnd;
  out.description = line.slice(descStart, descEnd);
  return out;
}

/** Cell content spans of a table row, `\|` not splitting. */
/** A table line's cells as [start, end) columns of their trimmed content (the format's GFM split). */
export function tableCells(line: string): [number, number][] {
  return splitTableRow(line).cells.map(c => [c.contentStart, c.contentEnd]);
}

function tableParts(line: string, e: TimelineEntry, header: string[]): EntryParts {
  const cells = tableCells(line);
  const descCell = descriptionColumn(header);
  const linkCell = linkColumn(header);
  const [a, b] = cells[descCell] ?? [line.length, line.length];
  const out = bodyParts(line, a, b);
  out.cells = cells;
  if (linkCell !== undefined) {
    out.linkCell = linkCell;
    const c = cells[linkCell];
    if (c) {
      const m = BARE_URL_RE.exec(line.slice(c[0], c[1]));
      const md = MD_LINK_RE.exec(line.slice(c[0], c[1]));
      const url = md ? md[2] : m?.[1];
      if (url) { const u = line.indexOf(url, c[0]); out.link = url; out.linkRange = [u, u + url.length]; }
    }
  }
  void e;
  return out;
}

function descriptionColumn(header: string[]): number {
  const i = header.findIndex((h, k) => k > 0 && /event|description|what|detail|summary|action/i.test(h));
  return i > 0 ? i : 1;
}
function linkColumn(header: string[]): number | undefined {
  const i = header.findIndex((h, k) => k > 0 && /^(source|link|links|evidence|ref|reference|url)s?$/i.test(h.trim()));
  return i > 0 ? i : undefined;
}

/** The header cells of the table an entry's row belongs to. */
export function tableHeader(review: Review, e: TimelineEntry): string[] {
  let l = e.line;
  while (l > 0 && /^\s*\|/.test(review.lines.lineText(l - 1))) l--;
  const line = review.lines.lineText(l);
  return tableCells(line).map(([a, b]) => line.slice(a, b));
}

// ------------------------------------------------------------------ rendering

const two = (n: number) => String(n).padStart(2, '0');
export type { Ymd };
const ymd = formatYmd;
const sameDay = (a?: Ymd, b?: Ymd) => !!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day;

export type UtcTime = DateTime;

/** Reads the time the webview sends: `YYYY-MM-DD HH:MM[:SS]` (or with `T`, optional `Z`/` UTC`), in UTC. */
export function parseUtcTime(s: string): UtcTime | undefined {
  return readUtcDateTime(s);
}

/** A time the author typed, read: its UTC time, or why it can't be used (one sentence). */
export type TimeInput = { ok: true; time: UtcTime } | { ok: false; error: string };

const fromMs = (ms: number): UtcTime => { const d = new Date(ms); return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() }; };
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * Reads what the author typed into a time field of the timeline editor: a UTC time
 * (`YYYY-MM-DD HH:MM`, see parseUtcTime), or a time with its zone as a timeline stamp is written
 * (`02:45 CEST`, `2026-11-20 14:05 America/New_York`, `3:05 PM PST`), read by the same stamp reader
 * and converted with the same zone policy as the non-utc-timestamp quick fixes: an ambiguous
 * abbreviation (IST), a time the clocks repeated or skipped, an abbreviation against the season
 * (PDT in November) or a date that reads both day-first and month-first is refused with the
 * readings to choose from. A time without a date takes `fallbackDate` (the entry's own date, or
 * the date of the entry above a new one). Never throws.
 */
export function readTimeInput(s: string, fallbackDate?: Ymd): TimeInput {
  const utc = parseUtcTime(s);
  if (utc) return { ok: true, time: utc };
  const text = s.trim();
  const form = 'write YYYY-MM-DD HH:MM in UTC, or the time with its zone (02:45 CEST, 2026-11-20 09:05 America/New_York)';
  const st = text.length <= 80 ? readStamp(text) : undefined;
  if (!st || !st.time || st.start !== 0 || st.end < text.replace(/[\s.]+$/, '').length || st.relative || st.timeCount > 1) return { ok: false, error: `"${text}" is not a time: ${form}.` };
  if (st.date?.impossible) return { ok: false, error: `"${text}": that date does not exist.` };
  if (st.date?.alternative) return { ok: false, error: `"${text}": the date reads day-first and month-first; write it as YYYY-MM-DD.` };
  const date = st.date && st.date.year !== undefined ? { year: st.date.year, month: st.date.month, day: st.date.day } : fallbackDate;
  if (!date) return { ok: false, error: `"${text}" has no date and there is none to take it from: write YYYY-MM-DD before the time.` };
  const zone = st.zone?.ref;
  if (!zone) return { ok: false, error: `"${text}" names no zone: ${form}.` };
  if (zone.kind === 'ambiguous') return { ok: false, error: `"${zone.text}" is ambiguous (${zone.candidates.map(c => c.label).join(', ')}): write the time in UTC or with an IANA zone name.` };
  if (!isResolvable(zone)) return { ok: false, error: `"${text}": ${describeZone(zone)} is not a zone this tool can convert from; write the time in UTC.` };
  const wall = { ...date, hour: st.time.hour, minute: st.time.minute, second: st.time.second ?? 0 };
  const r = resolveLocal(wall, zone);
  if (!r) return { ok: false, error: `"${text}" is not a time that exists: ${form}.` };
  if (r.status !== 'certain') {
    const why = r.status === 'repeated' ? 'happened twice that night (the clocks went back an hour)'
      : r.status === 'nonexistent' ? 'never happened on the clock (the clocks skipped that hour)'
        : 'names a zone that was not in force on that date';
    return { ok: false, error: `"${text}" ${why}: write the time in UTC, ${r.readings.map(x => `${clock(x.ms)} UTC (${x.label})`).join(' or ')}.` };
  }
  const t = fromMs(r.ms);
  return { ok: true, time: { ...t, second: st.time.second ?? 0 } };
}

export function renderStamp(t: UtcTime, withDate: boolean): string {
  const time = `${two(t.hour)}:${two(t.minute)}${t.second ? `:${two(t.second)}` : ''}`;
  return `${withDate ? `${ymd(t)} ` : ''}${time} UTC`;
}

/** Description text for one line of Markdown: no line breaks; in a table, `|` escaped. */
export function cleanText(s: string, table: boolean): string {
  let t = s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\t/g, ' ').trim();
  // a tag typed into the description would be read as a milestone: the tag has its own field
  t = t.replace(TAG_RE, '$1').trim();
  if (table) t = t.replace(/(^|[^\\])\|/g, '$1\\|').replace(/(^|[^\\])\|/g, '$1\\|');
  return t;
}

export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/[^\s<>()\[\]"'`]+$/i.test(s) || s.length > 2048) return false;
  try { const u = new URL(s); return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname; } catch { return false; }
}

// ------------------------------------------------------------------ the sequence model

interface Item {
  /** the entry this item was in the document, undefined for a new one */
  entry?: TimelineEntry;
  /** the first line as it will be (before date fixing) */
  first: string;
  /** lines after the first one (a list item's continuation), unchanged */
  rest: string[];
  /** the written (wall) date the entry means; undefined when unknown */
  date?: Ymd;
  /** the first line's stamp writes a date */
  dateWritten: boolean;
  /** column to insert `YYYY-MM-DD ` at when the date must be written */
  timeStart: number;
  /** a stamp still to be rendered (new or re-timed entry): column span in `first` to put it in */
  pending?: { time: UtcTime; at: [number, number]; forceDate: boolean };
  /** the intent's own entry (for the returned line) */
  target?: boolean;
}

interface Block { entry: TimelineEntry; start: number; end: number }

function blockOf(review: Review, e: TimelineEntry, next: TimelineEntry | undefined): Block {
  if (e.form === 'table') return { entry: e, start: e.line, end: e.line };
  const lines = review.lines;
  const m = readListItem(lines.lineText(e.line));
  const indent = m ? m.indent.length : 0;
  const limit = next ? next.line : lines.lineCount;
  let end = e.line;
  for (let l = e.line + 1; l < limit; l++) {
    const t = lines.lineText(l);
    if (!t.trim()) {
      // a blank line: the item continues only if indented content follows
      let k = l + 1;
      while (k < limit && !lines.lineText(k).trim()) k++;
      if (k < limit && leadingSpaces(lines.lineText(k)) > indent && !isStructural(lines.lineText(k), indent)) { l = k - 1; continue; }
      break;
    }
    if (/^\s{0,3}(#{1,6}\s|\||```|~~~|<!--)/.test(t) && leadingSpaces(t) <= indent) break;
    const lm = readListItem(t);
    if (lm && lm.indent.length <= indent) break;
    end = l;
  }
  return { entry: e, start: e.line, end };
}
function leadingSpaces(s: string): number { return /^\s*/.exec(s)![0].length; }
function isStructural(t: string, indent: number): boolean {
  const lm = readListItem(t);
  return !!lm && lm.indent.length <= indent;
}

function startedDate(review: Review): Ymd | undefined {
  return leadingYmd(review.frontMatter?.data.started);
}

function itemOf(review: Review, b: Block): Item {
  const e = b.entry;
  const rest: string[] = [];
  for (let l = b.start + 1; l <= b.end; l++) rest.push(review.lines.lineText(l));
  return {
    entry: e, first: review.lines.lineText(e.line), rest,
    date: e.date ? { year: e.date.year, month: e.date.month, day: e.date.day } : undefined,
    dateWritten: !!e.stamp.date,
    timeStart: e.stampRange.start.character + ((e.stamp.time?.start ?? e.stamp.start) - e.stamp.start),
  };
}

/** Re-reads an item's stamp after its first line changed (a conversion). */
function restamp(item: Item, stampStart: number, utcDate?: Ymd): void {
  const s = readStamp(item.first.slice(stampStart));
  if (!s) return;
  item.dateWritten = !!s.date;
  item.timeStart = stampStart + (s.time?.start ?? s.start);
  if (s.date && s.date.year !== undefined) item.date = { year: s.date.year, month: s.date.month, day: s.date.day };
  else if (utcDate) item.date = utcDate;
}

/** Whether the timeline writes the date on every stamp (then new stamps do too). */
/** The date of the last entry that has one (for a time typed without a date). */
function lastDate(tl: TimelineEntry[]): Ymd | undefined {
  for (let i = tl.length - 1; i >= 0; i--) { const d = tl[i].date; if (d && d.year !== undefined) return { year: d.year, month: d.month, day: d.day }; }
  return undefined;
}

function allDated(review: Review): boolean {
  return review.timeline.length > 1 && review.timeline.every(e => e.stamp.date && e.stamp.date.year !== undefined);
}

// ------------------------------------------------------------------ locating

/** Finds the entry an intent means in the current document: same first line, nearest to where it was. */
export function locateEntry(review: Review, ref: EntryRef): number | undefined {
  let best: number | undefined; let dist = Infinity;
  review.timeline.forEach((e, i) => {
    if (review.lines.lineText(e.line) !== ref.text) return;
    const d = Math.abs(e.line - ref.line);
    if (d < dist) { dist = d; best = i; }
  });
  return best;
}

// ------------------------------------------------------------------ intents

export interface EditOptions {
  /** the zone a stamp without one was written in, when the author picked one */
  zone?: string;
}

export function timelineEdits(review: Review, intent: TimelineIntent): EditResult {
  const tl = review.timeline;
  const blocks = tl.map((e, i) => blockOf(review, e, tl[i + 1]));
  const items = blocks.map(b => itemOf(review, b));
  const locate = (ref: EntryRef): number | undefined => locateEntry(review, ref);
  const missing = { ok: false as const, error: 'The entry is no longer in the document (it was changed in the text editor). The timeline has been refreshed.' };
  const dated = allDated(review);

  switch (intent.type) {
    case 'addEntry': {
      const read = readTimeInput(intent.entry.time, lastDate(tl));
      if (!read.ok) return { ok: false, error: read.error };
      const t = read.time;
      const desc = cleanText(intent.entry.description, false);
      if (!desc) return { ok: false, error: 'Write what happened.' };
      if (intent.entry.link && !isHttpUrl(intent.entry.link)) return { ok: false, error: 'The source link must be an http(s) URL.' };
      let at: number;
      if (intent.after) {
        const i = locate(intent.after);
        if (i === undefined) return missing;
        at = i + 1;
      } else {
        const ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
        at = 0;
        tl.forEach((e, i) => { if (e.utc !== undefined && e.utc <= ms) at = i + 1; });
        if (!tl.some(e => e.utc !== undefined)) at = tl.length;
      }
      const item = newItem(review, tl, at, { ...intent.entry, description: desc }, t, dated);
      item.target = true;
      if (!tl.length) return addToEmpty(review, item);
      items.splice(at, 0, item);
      return diff(review, blocks, items);
    }
    case 'editEntry': {
      const i = locate(intent.ref);
      if (i === undefined) return missing;
      const e = tl[i];
      const item = items[i];
      item.target = true;
      const header = e.form === 'table' ? tableHeader(review, e) : undefined;
      const parts = entryParts(review, e, header);
      const c = intent.changes;
      const table = e.form === 'table';
      // edits within the line, right to left so the columns stay valid
      const spans: { a: number; b: number; text: string }[] = [];
      if (c.milestone !== undefined) {
        const tag = c.milestone ? ` [${c.milestone}]` : '';
        if (parts.tagsRange) spans.push({ a: parts.tagsRange[0], b: parts.tagsRange[1], text: tag });
        else if (tag) spans.push({ a: parts.descEnd + trailingSpace(item.first, parts), b: parts.descEnd + trailingSpace(item.first, parts), text: tag });
      }
      if (c.link !== undefined) {
        if (c.link && !isHttpUrl(c.link)) return { ok: false, error: 'The source link must be an http(s) URL.' };
        if (parts.linkRange && c.link) spans.push({ a: parts.linkRange[0], b: parts.linkRange[1], text: c.link });
        else if (parts.linkRange && !c.link) {
          if (parts.sourceRange) spans.push({ a: parts.sourceRange[0], b: parts.sourceRange[1], text: '' });
          else if (table && parts.linkCell !== undefined && parts.cells?.[parts.linkCell]) { const [a, b] = parts.cells[parts.linkCell]; spans.push({ a, b, text: '' }); }
          else return { ok: false, error: 'The link is part of the description: edit the description to remove it.' };
        } else if (c.link) {
          if (table && parts.linkCell !== undefined && parts.cells?.[parts.linkCell]) { const [a, b] = parts.cells[parts.linkCell]; spans.push({ a, b, text: c.link }); }
          else spans.push({ a: parts.descEnd, b: parts.descEnd, text: ` ([source](${c.link}))` });
        }
      }
      if (c.description !== undefined) {
        const d = cleanText(c.description, table);
        if (!d) return { ok: false, error: 'The description cannot be empty: delete the entry instead.' };
        if (d !== parts.description) spans.push({ a: parts.descStart, b: parts.descEnd, text: d });
      }
      if (c.time !== undefined) {
        const read = readTimeInput(c.time, e.date ? { year: e.date.year, month: e.date.month, day: e.date.day } : lastDate(tl.slice(0, i)));
        if (!read.ok) return { ok: false, error: read.error };
        const t = read.time;
        const sa = e.stampRange.start.character, sb = e.stampRange.end.character;
        const same = e.utc === Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) && e.stamp.zone?.ref.kind === 'utc';
        if (!same) item.pending = { time: t, at: [sa, sb], forceDate: !!(e.stamp.date && e.stamp.date.year !== undefined) };
      }
      // apply the span edits (they don't overlap: stamp < description < link < tags)
      const pend = item.pending;
      spans.sort((x, y) => y.a - x.a || y.b - x.b);
      for (const s of spans) item.first = item.first.slice(0, s.a) + s.text + item.first.slice(s.b);
      if (pend) pend.at = [pend.at[0], pend.at[1]]; // the stamp comes before every other span
      return diff(review, blocks, items);
    }
    case 'deleteEntry': {
      const i = locate(intent.ref);
      if (i === undefined) return missing;
      items.splice(i, 1);
      return diff(review, blocks, items);
    }
    case 'moveEntry': {
      const i = locate(intent.ref);
      if (i === undefined) return missing;
      const j = Math.max(0, Math.min(items.length - 1, i + Math.sign(intent.delta)));
      if (j === i) return { ok: true, edits: [], line: tl[i].line };
      const [it] = items.splice(i, 1);
      it.target = true;
      items.splice(j, 0, it);
      return diff(review, blocks, items);
    }
    case 'sortEntries': {
      let key = -Infinity;
      const keyed = items.map((it, k) => { if (it.entry?.utc !== undefined) key = it.entry.utc; return { it, key, k }; });
      keyed.sort((a, b) => a.key - b.key || a.k - b.k);
      return diff(review, blocks, keyed.map(x => x.it));
    }
    case 'convertEntry': {
      const i = locate(intent.ref);
      if (i === undefined) return missing;
      const r = convertItem(review, tl[i], items[i], intent.zone);
      if (typeof r === 'string') return { ok: false, error: r };
      items[i].target = true;
      return diff(review, blocks, items);
    }
    case 'convertAll': {
      let n = 0; const problems: string[] = [];
      tl.forEach((e, i) => {
        if (e.stamp.zone?.ref.kind === 'utc') return;
        const r = convertItem(review, e, items[i], intent.zone, true);
        if (typeof r === 'string') problems.push(`line ${e.line + 1}: ${r}`); else n++;
      });
      if (!n) return { ok: false, error: problems.length ? `Nothing converted. ${problems.join('; ')}` : 'Every stamp is already in UTC.' };
      return diff(review, blocks, items);
    }
  }
}

function trailingSpace(line: string, p: EntryParts): number {
  // insert the tag after a trailing source link if there is one
  return p.sourceRange ? p.sourceRange[1] - p.descEnd : 0;
}

/** Converts one entry's stamp to UTC; returns an error message or nothing. */
function convertItem(review: Review, e: TimelineEntry, item: Item, zoneText?: string, preferOwn = false): string | undefined {
  let zone: ZoneRef | undefined;
  const own = e.stamp.zone?.ref;
  if (!zoneText && own?.kind === 'utc') return 'The stamp is already in UTC.';
  if (preferOwn && own && isResolvable(own)) zoneText = undefined;
  if (zoneText) {
    zone = resolveZone(zoneText);
    if (!isResolvable(zone)) return `"${zoneText}" is not a time zone this tool can convert from (use an IANA name such as Europe/Berlin, an offset such as UTC+2, or an unambiguous abbreviation).`;
  } else {
    zone = e.stamp.zone?.ref ?? review.declaredZone?.zone;
    if (!zone) return 'The stamp has no zone and none is declared: choose the zone it was written in.';
    if (zone.kind === 'ambiguous') return `"${zone.text}" is ambiguous (${zone.candidates.map(c => c.label).join(', ')}): choose the zone it means.`;
    if (!isResolvable(zone)) return `"${zone.text}" is not a time zone this tool knows: choose the zone it was written in.`;
  }
  const fix = convertFix(review, e, zone, '', false);
  if (!fix) {
    const why = uncertainty(e, zone);
    if (why) return why.replace(/: choose[^.]*\.?|; nothing is converted without you\.?/g, '') + ': convert it in the editor with the quick fix, which offers each reading.';
    if (e.stamp.timeCount > 1) return 'A range of times is not converted automatically: convert each time.';
    if (!e.date) return 'No date is known for this entry, so it cannot be converted: add the date.';
    return 'This stamp cannot be converted automatically.';
  }
  const base = review.lines.starts[e.line];
  // this entry's line only: the date written on the entry below (when this one's changes) is the editor's own carry rule
  const edits = fix.edits.filter(x => x.range.start.line === e.line).map(x => ({ a: review.lines.offsetAt(x.range.start) - base, b: review.lines.offsetAt(x.range.end) - base, t: x.newText }))
    .sort((x, y) => y.a - x.a || y.b - x.b);
  let line = item.first;
  for (const x of edits) line = line.slice(0, x.a) + x.t + line.slice(x.b);
  item.first = line;
  // the UTC wall date of the converted time
  const utc = e.stamp.time && e.date ? toUtc({ ...e.date, hour: e.stamp.time.hour, minute: e.stamp.time.minute, second: e.stamp.time.second }, zone) : undefined;
  restamp(item, e.stampRange.start.character, utc ? { year: utc.year, month: utc.month, day: utc.day } : undefined);
  return undefined;
}

function newItem(review: Review, tl: TimelineEntry[], at: number, draft: EntryDraft, t: UtcTime, dated: boolean): Item {
  const near = tl[at - 1] ?? tl[at];
  const milestone = draft.milestone ? ` [${draft.milestone}]` : '';
  if (near?.form === 'table') {
    const header = tableHeader(review, near);
    const n = Math.max(header.length, 2);
    const cells = new Array<string>(n).fill('');
    const dc = descriptionColumn(header), lc = linkColumn(header);
    let desc = cleanText(draft.description, true);
    if (draft.link && lc === undefined) desc += ` ([source](${draft.link}))`;
    if (draft.link && lc !== undefined) cells[lc] = draft.link;
    cells[dc] = desc + milestone;
    const stampPlaceholder = '\u0000';
    cells[0] = stampPlaceholder;
    const first = `| ${cells.join(' | ')} |`;
    const a = first.indexOf(stampPlaceholder);
    return { first: first.replace(stampPlaceholder, ''), rest: [], date: t, dateWritten: false, timeStart: a, pending: { time: t, at: [a, a], forceDate: dated } };
  }
  let marker = '- ', sep = ' — ';
  if (near) {
    const line = review.lines.lineText(near.line);
    const m = readListItem(line);
    if (m) marker = line.slice(0, m.markerEnd);
    const after = line.slice(near.stampRange.end.character);
    const s = /^[\s*_\]|)]*(?:[—–:|]|-(?!\S))*\s*/.exec(after)![0];
    // copy the separator, without the closing emphasis of the neighbour's stamp
    const bare = s.replace(/[*_\])]/g, '');
    if (/[—–:-]/.test(bare)) sep = bare.startsWith(' ') || bare.startsWith(':') ? bare : ` ${bare.trimStart()}`;
  }
  const desc = cleanText(draft.description, false) + (draft.link ? ` ([source](${draft.link}))` : '') + milestone;
  const first = `${marker}${sep}${desc}`;
  return { first, rest: [], date: t, dateWritten: false, timeStart: marker.length, pending: { time: t, at: [marker.length, marker.length], forceDate: dated } };
}

/** The first entry of an empty timeline: after the section's text, or a new section at the end. */
function addToEmpty(review: Review, item: Item): EditResult {
  const eol = review.eol;
  fixDates(review, [item]);
  const text = item.first;
  const s = review.section('timeline');
  if (!s) {
    const end = review.lines.positionAt(review.text.length);
    const lead = review.text.length === 0 ? '' : review.text.endsWith('\n') || review.text.endsWith('\r') ? eol : eol + eol;
    return { ok: true, edits: [{ range: { start: end, end }, newText: `${lead}## Timeline${eol}${eol}${text}${eol}` }], line: end.line + (lead ? lead.split(eol).length - 1 : 0) + 2 };
  }
  let last = s.endLine - 1;
  while (last >= s.bodyStartLine && !review.lines.lineText(last).trim()) last--;
  const anchor = Math.max(last, s.bodyStartLine - 1);
  const pos = { line: anchor, character: review.lines.lineText(anchor).length };
  const hasNext = s.endLine < review.lines.lineCount;
  const blankAfter = anchor + 1 < review.lines.lineCount && !review.lines.lineText(anchor + 1).trim();
  const newText = `${eol}${eol}${text}${hasNext && !blankAfter ? eol : ''}`;
  return { ok: true, edits: [{ range: { start: pos, end: pos }, newText }], line: anchor + 2 };
}

/** Renders pending stamps and writes the date on stamps whose carried date would change. */
function fixDates(review: Review, items: Item[]): void {
  let prev = startedDate(review);
  let first = true;
  for (const it of items) {
    if (it.pending) {
      const { time, at, forceDate } = it.pending;
      const withDate = forceDate || first || !sameDay(prev, time);
      const stamp = renderStamp(time, withDate);
      it.first = it.first.slice(0, at[0]) + stamp + it.first.slice(at[1]);
      it.pending = undefined;
      it.dateWritten = withDate;
      it.date = time;
      if (withDate) prev = time;
    } else if (it.dateWritten) {
      if (it.date) prev = it.date;
    } else if (it.date && (!prev || !sameDay(prev, it.date))) {
      it.first = it.first.slice(0, it.timeStart) + `${ymd(it.date)} ` + it.first.slice(it.timeStart);
      it.dateWritten = true;
      prev = it.date;
    }
    first = false;
  }
}

// ------------------------------------------------------------------ diff to minimal edits

function diff(review: Review, blocks: Block[], items: Item[]): EditResult {
  fixDates(review, items);
  const eol = review.eol;
  const lines = review.lines;
  const edits: TextEdit[] = [];
  const blockIndex = new Map(blocks.map((b, i) => [b.entry, i]));
  // the existing blocks, in their new order; the longest run already in order stays in place
  const order = items.map(it => (it.entry ? blockIndex.get(it.entry)! : -1));
  const keep = lis(order.filter(i => i >= 0));
  const kept = new Set(keep);
  const loose = blocks.length > 1 && blocks.every((b, i) => i === 0 || (b.start > blocks[i - 1].end + 1 && range(blocks[i - 1].end + 1, b.start).every(l => !lines.lineText(l).trim())));
  const sep = loose ? eol + eol : eol;
  const text = (it: Item) => [it.first, ...it.rest].join(eol);

  // deletions: blocks not kept
  blocks.forEach((b, i) => {
    if (kept.has(i)) return;
    let endLine = b.end;
    if (loose) while (endLine + 1 < lines.lineCount && !lines.lineText(endLine + 1).trim() && blocks[i + 1] && endLine + 1 < blocks[i + 1].start) endLine++;
    if (endLine + 1 < lines.lineCount) {
      edits.push({ range: { start: { line: b.start, character: 0 }, end: { line: endLine + 1, character: 0 } }, newText: '' });
    } else {
      // the last line of the document: take the line break before it
      let startLine = b.start - 1;
      if (loose) while (startLine > 0 && !lines.lineText(startLine).trim() && blocks[i - 1] && startLine > blocks[i - 1].end) startLine--;
      const start = startLine >= 0 ? { line: startLine, character: lines.lineText(startLine).length } : { line: 0, character: 0 };
      edits.push({ range: { start, end: { line: endLine, character: lines.lineText(endLine).length } }, newText: '' });
    }
  });

  // kept blocks whose first line changed: the changed span only
  let targetLine: number | undefined;
  items.forEach((it, k) => {
    if (!it.entry || !kept.has(order[k])) return;
    const b = blocks[order[k]];
    const old = lines.lineText(b.start);
    if (old !== it.first) {
      let p = 0; while (p < old.length && p < it.first.length && old[p] === it.first[p]) p++;
      let s = 0; while (s < old.length - p && s < it.first.length - p && old[old.length - 1 - s] === it.first[it.first.length - 1 - s]) s++;
      edits.push({ range: { start: { line: b.start, character: p }, end: { line: b.start, character: old.length - s } }, newText: it.first.slice(p, it.first.length - s) });
    }
  });

  // insertions: new and moved items, grouped after the kept block before them
  let k = 0;
  while (k < items.length) {
    const it = items[k];
    if (it.entry && kept.has(order[k])) { k++; continue; }
    const group: Item[] = [];
    while (k < items.length && !(items[k].entry && kept.has(order[k]))) group.push(items[k++]);
    const before = items.slice(0, k - group.length).reverse().find((x, _) => x.entry && kept.has(blockIndex.get(x.entry)!));
    const body = group.map(text).join(sep);
    if (before) {
      const b = blocks[blockIndex.get(before.entry!)!];
      edits.push({ range: { start: { line: b.end, character: lines.lineText(b.end).length }, end: { line: b.end, character: lines.lineText(b.end).length } }, newText: sep + body });
    } else {
      const nextKept = items.slice(k).find(x => x.entry && kept.has(blockIndex.get(x.entry)!));
      if (!nextKept) return { ok: false, error: 'Nothing to anchor the entries to.' };
      const b = blocks[blockIndex.get(nextKept.entry!)!];
      edits.push({ range: { start: { line: b.start, character: 0 }, end: { line: b.start, character: 0 } }, newText: body + sep });
    }
  }

  // where the intent's entry ends up (approximate for inserted ones: the caller re-parses anyway)
  const target = items.find(x => x.target);
  if (target?.entry && kept.has(blockIndex.get(target.entry)!)) targetLine = target.entry.line;
  return { ok: true, edits: edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character), line: targetLine };
}

function range(a: number, b: number): number[] { const r: number[] = []; for (let i = a; i < b; i++) r.push(i); return r; }

/** A longest increasing subsequence of distinct numbers (the values, not the indices). */
function lis(xs: number[]): number[] {
  const tails: number[] = []; const tailIdx: number[] = []; const prev: number[] = new Array(xs.length).fill(-1);
  xs.forEach((x, i) => {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (tails[m] < x) lo = m + 1; else hi = m; }
    tails[lo] = x; tailIdx[lo] = i; prev[i] = lo > 0 ? tailIdx[lo - 1] : -1;
  });
  const out: number[] = [];
  let i = tailIdx[tails.length - 1] ?? -1;
  while (i >= 0) { out.push(xs[i]); i = prev[i]; }
  return out.reverse();
}

export { MILESTONES };
