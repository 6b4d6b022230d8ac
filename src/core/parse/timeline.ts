import type { Table, TableRow, RootContent } from 'mdast';
import type { Review, Section, TimelineEntry, ZoneDeclaration } from '../model';
import { readStamp, stampWallTime } from '../time/stamp';
import { resolveZone, resolveLocal, isResolvable, type LocalResolution, type ZoneRef } from '../time/zones';
import { readHeadingDeclaration, readZoneDeclaration } from '../time/declaration';
import { milestoneTags, withoutMilestoneTags } from '../format/milestones';
import { leadingYmd } from '../time/calendar';

interface CalendarDay { year: number; month: number; day: number }


/**
 * The `timezone` key, "All times in CET" or "Timeline (UTC)": the zone the review says its stamps
 * without one were written in (docs/format.md's order). Reads only the document: the fallback from
 * `.pir.yaml` or the user's setting is applied by the engine (zoneFallback.ts).
 */
export function findDeclaredZone(review: Review, timelineSections: Section[]): ZoneDeclaration | undefined {
  // the `timezone` key is said on purpose; a sentence is read by a pattern: the key comes first
  const tz = review.frontMatter?.data.timezone;
  if (typeof tz === 'string' && tz.trim()) {
    const r = review.frontMatter!.rangeOf(['timezone'], 'value')!;
    return { zone: resolveZone(tz), range: r, source: 'front-matter' };
  }
  for (const s of timelineSections) {
    const d = declarationIn(s);
    if (d) return d;
  }
  return undefined;
}

/** The zone a timeline part declares: in its heading ("Timeline (UTC)", "#### 29-09-2021 (All times CEST)"), a column header ("Time (UTC)") or a sentence of its prose. */
export function declarationIn(s: Section): ZoneDeclaration | undefined {
  if (!s.label) {
    const h = readHeadingDeclaration(s.heading);
    if (h?.zone) return { zone: h.zone, range: s.headingRange, source: 'prose' };
  }
  // prose lines of the section (not list items or table rows)
  const lines = s.body.split(/\r\n|\n|\r/);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    // nor code blocks and comments: quoted logs and notes declare nothing
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(t);
    if (f) { if (!fence) fence = f[1][0]; else if (f[1][0] === fence) fence = undefined; continue; }
    if (fence || /^\s*<!--/.test(t)) continue;
    // a table's header row: "| Time (UTC) | Event |"
    if (/^\s*\|/.test(t) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      for (const cell of t.split('|')) {
        if (!/\b(time|date|when|timestamp)/i.test(cell)) continue;
        const c = readHeadingDeclaration(cell.trim());
        if (c?.zone) { const line = s.bodyStartLine + i; return { zone: c.zone, range: { start: { line, character: 0 }, end: { line, character: t.length } }, source: 'prose' }; }
      }
      continue;
    }
    if (/^\s*([-*+]|\d+[.)]|\|)\s/.test(t)) continue;
    const m = readZoneDeclaration(t);
    if (m) {
      const line = s.bodyStartLine + i;
      return { zone: m.zone, range: { start: { line, character: m.index }, end: { line, character: m.index + m.length } }, source: 'prose' };
    }
  }
  return undefined;
}

/** A "Date" / "Incident date" / "Date of incident" field line or table row, its value (a full date) the group. */
const DATE_FIELD_RE = /^\s*(?:[-*+]\s+)?\|?\s*(?:\*\*|__)?\s*(?:incident\s+)?date(?:\s+of\s+(?:the\s+)?(?:incident|outage|event))?\s*(?:\*\*|__)?\s*[:|]\s*(?:\*\*|__)?\s*(.{1,80})/i;

/**
 * The incident's date as the review's header states it: a "Date" field (also "Incident date",
 * "Date of incident"; a bold label line, a list item or a row of a table) in the part between the
 * title and the first section, when its value starts with a full date ("2026-04-14", "March 10,
 * 2026"). Not a report's, meeting's or publication's date: their fields name them. Read only when
 * neither the `started` key nor a timeline heading gives the date of time-only stamps.
 */
export function headerDate(review: Pick<Review, 'sections' | 'title' | 'lines'>): CalendarDay | undefined {
  const titleLine = review.title?.range.start.line;
  const part = titleLine === undefined ? undefined : review.sections.find(s => !s.label && s.headingRange.start.line === titleLine);
  if (!part) return undefined;
  for (let l = part.bodyStartLine; l < Math.min(part.endLine, part.bodyStartLine + 40); l++) {
    const m = DATE_FIELD_RE.exec(review.lines.lineText(l));
    if (!m) continue;
    const d = readStamp(m[1].replace(/[*_`]/g, ''))?.date;
    return d && d.year !== undefined && !d.impossible ? { year: d.year, month: d.month, day: d.day } : undefined;
  }
  return undefined;
}

function startedDate(review: Review): { year: number; month: number; day: number } | undefined {
  return leadingYmd(review.frontMatter?.data.started);
}

/**
 * The entries of the timeline parts, in document order: every line of a timeline part that starts
 * with a stamp (a list item, a paragraph line, a bold or code stamp, a line after `<br>`, a raw HTML
 * paragraph `<p>9:30pm: …`), every heading below the timeline heading that carries one (`### 09:49`,
 * `### 2021-06-03 9:14`, a per-day `### 2016-11-02`), and every table row, its stamp read from the
 * column that holds times (a "Time" column, with the date from a "Date"/"Day" column) or else the
 * first. A line that declares the zone ("2025-12-04 (all times UTC)") gives its date to the entries
 * below and is no entry. Code blocks, comments and quotes hold no entries. Each part's entries take
 * the zone its heading or prose declares, else its parent's, else the review's.
 */
export function extractTimeline(review: Review, sections: Section[], declared: ZoneDeclaration | undefined): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let prevDate = startedDate(review);
  // "Timeline (all times UTC, 5 September 2026)": the date of stamps that carry only a time
  if (!prevDate) for (const s of sections) { const d = s.label ? undefined : readHeadingDeclaration(s.heading)?.date; if (d) { prevDate = d; break; } }
  // "**Date:** 2026-04-14" or "| **Date** | March 10, 2026 |" under the title (the SRE and PagerDuty templates)
  if (!prevDate) prevDate = headerDate(review);
  const lines = review.lines;
  const text = review.text;

  const add = (decl: ZoneDeclaration | undefined, line: number, lineStartOffset: number, textStart: number, textEnd: number, form: TimelineEntry['form'], description: (stampEnd: number) => string, rowDate?: CalendarDay) => {
    const raw = text.slice(textStart, textEnd);
    const stamp = readStamp(raw);
    if (!stamp) return;
    let date: TimelineEntry['date'];
    if (stamp.date?.impossible) {
      // no such day (2026-13-01): no date, and none carried from it; timestamp-missing-date says so
    } else if (stamp.date && stamp.date.year !== undefined) {
      date = { year: stamp.date.year, month: stamp.date.month, day: stamp.date.day, carried: false };
    } else if (stamp.date && (rowDate ?? prevDate)) {
      date = { year: (rowDate ?? prevDate)!.year, month: stamp.date.month, day: stamp.date.day, carried: true };
    } else if (!stamp.date && rowDate) {
      date = { ...rowDate, carried: true };
    } else if (!stamp.date && prevDate) {
      date = { ...prevDate, carried: true };
    }
    if (date && (stamp.date || rowDate)) prevDate = { year: date.year, month: date.month, day: date.day };
    let zone: ZoneRef | undefined; let zoneSource: TimelineEntry['zoneSource'] = 'none';
    if (stamp.zone) { zone = stamp.zone.ref; zoneSource = 'stamp'; }
    else if (decl) { zone = decl.zone; zoneSource = decl.source; }
    let utc: number | undefined;
    let certainty: LocalResolution | undefined;
    if (date && stamp.time && zone && isResolvable(zone)) {
      certainty = resolveLocal(stampWallTime(date, stamp.time), zone);
      utc = certainty?.ms;
    }
    const firstLine = text.slice(textStart, lines.lineEnd(line));
    const tags: TimelineEntry['tags'] = [];
    for (const t of milestoneTags(firstLine)) {
      tags.push({ milestone: t.milestone, range: lines.range(textStart + t.start, textStart + t.end) });
    }
    entries.push({
      form, line, range: lines.range(lineStartOffset, textEnd), stamp,
      stampRange: lines.range(textStart + stamp.start, textStart + stamp.end), stampBase: textStart,
      description: description(stamp.end), tags, date, zone, zoneSource, utc, certainty,
    });
  };

  // the zone key is said on purpose: it outranks what a part's prose declares
  const fromKey = declared?.source === 'front-matter' ? declared : undefined;
  const partZone = new Map<Section, ZoneDeclaration | undefined>();
  const zoneOf = (s: Section): ZoneDeclaration | undefined => {
    if (fromKey) return fromKey;
    if (partZone.has(s)) return partZone.get(s);
    const z = declarationIn(s) ?? (s.parent && s.parent.kinds.includes('timeline') ? zoneOf(s.parent) : declared);
    partZone.set(s, z);
    return z;
  };

  for (const s of sections) {
    const decl = zoneOf(s);
    // a heading below the timeline heading that carries a stamp is an entry ("### 09:49", "### 2016-11-02 (All times CEST)")
    if (!s.label && !s.ownKinds.includes('timeline')) {
      const hl = s.headingRange.start.line;
      const a = lines.offsetAt(s.headingRange.start), b = lines.offsetAt(s.headingRange.end);
      const own = readHeadingDeclaration(s.heading);
      const end = own ? a + s.heading.lastIndexOf('(') : b;
      const st = own?.zone ? readStamp(text.slice(a, Math.max(a, end))) : undefined;
      if (st && !st.time) {
        // "#### 29-09-2021 (All times CEST)": a declaration with the date of the entries below, no entry
        if (st.date?.year !== undefined && !st.date.impossible) prevDate = { year: st.date.year, month: st.date.month, day: st.date.day };
      } else {
        // the entry's words: the rest of the heading and the first paragraph under it
        const under = /^\s*([^\n]+(?:\n[^\n#|>`\s-][^\n]*)*)/.exec(s.body)?.[1] ?? '';
        add(decl, hl, lines.starts[hl], a, Math.max(a, end), 'heading', stampEnd => cleanDescription(`${text.slice(a + stampEnd, end)} ${readStamp(under) ? '' : under.slice(0, 400)}`.replace(/\s+/g, ' ')));
      }
    }
    const base = lines.starts[s.bodyStartLine] ?? text.length;
    const skip: [number, number][] = []; // offsets (absolute) of code, quotes, comments and tables
    const walk = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (!node.position) continue;
        const a = base + node.position.start.offset!, b = base + node.position.end.offset!;
        if (node.type === 'table') { skip.push([a, b]); tableEntries(node as Table); }
        else if (node.type === 'code' || node.type === 'blockquote' || (node.type === 'html' && /^\s*<!--/.test(text.slice(a, a + 8)))) skip.push([a, b]);
        else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') walk((node as { children: RootContent[] }).children);
      }
    };
    const tableEntries = (table: Table) => {
      const [header, ...rows] = table.children as TableRow[];
      if (!header) return;
      const cellSpan = (c: TableRow['children'][number] | undefined): [number, number] | undefined => {
        if (!c?.position) return undefined;
        let a = base + c.position.start.offset!, b = base + c.position.end.offset!;
        while (a < b && /[|\s]/.test(text[a])) a++;
        while (b > a && /[|\s]/.test(text[b - 1])) b--;
        return [a, b];
      };
      const names = header.children.map(c => { const sp = cellSpan(c); return sp ? text.slice(sp[0], sp[1]).replace(/[*_`]/g, '') : ''; });
      const timeCol = names.findIndex(n => /\b(time|timestamp|when|hour|clock)s?\b/i.test(n) && !/\b(duration|elapsed|spent)\b/i.test(n));
      const dateCol = names.findIndex((n, i) => i !== timeCol && /\b(date|day)\b/i.test(n));
      const stampCol = timeCol >= 0 ? timeCol : dateCol >= 0 ? dateCol : 0;
      const rowDateCol = timeCol >= 0 && dateCol >= 0 ? dateCol : -1;
      for (const row of rows) {
        const sp = cellSpan(row.children[stampCol]);
        if (!sp || !row.position) continue;
        let rowDate: CalendarDay | undefined;
        const dsp = rowDateCol >= 0 ? cellSpan(row.children[rowDateCol]) : undefined;
        if (dsp) {
          const d = readStamp(text.slice(dsp[0], dsp[1]))?.date;
          if (d && d.year !== undefined && !d.impossible) rowDate = { year: d.year, month: d.month, day: d.day };
        }
        const line = lines.positionAt(sp[0]).line;
        add(decl, line, base + row.position.start.offset!, sp[0], sp[1], 'table', () =>
          row.children.filter((_, i) => i !== stampCol && i !== rowDateCol).map(c => { const cs = cellSpan(c); return cs ? text.slice(cs[0], cs[1]) : ''; }).filter(Boolean).join(' — '), rowDate);
      }
    };
    walk(s.blocks().children as RootContent[]);
    skip.sort((x, y) => x[0] - y[0]);
    // every other line that starts with a stamp
    let k = 0;
    for (let l = s.bodyStartLine; l < s.endLine; l++) {
      const a = lines.starts[l];
      if (a === undefined) break;
      while (k < skip.length && skip[k][1] <= a) k++;
      if (k < skip.length && skip[k][0] <= a) continue;
      const lineEnd = lines.lineEnd(l);
      const t = text.slice(a, Math.min(lineEnd, a + 400));
      const lead = ENTRY_LEAD_RE.exec(t)![0].length;
      // what a stamp can start with: a digit, markup, "~", a word, a bracket ("[12-05 16:21]", "\\[+1 hrs]"), an emoji ("🚨 09:10 CET")
      if ((lead >= t.length || !STAMP_START_RE.test(t.slice(lead, lead + 2))) && !/<br\b/i.test(t)) continue;
      const rest = t.slice(lead);
      const decl2 = readZoneDeclaration(rest);
      if (decl2) {
        // "2025-12-04 (all times UTC)": a declaration with the date of the entries below
        const st = readStamp(rest);
        if (st?.date?.year !== undefined && !st.time && !st.date.impossible) prevDate = { year: st.date.year, month: st.date.month, day: st.date.day };
        if (!st?.time) continue;
      }
      const isList = /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(t);
      // "… (Internal ID 5605.)<br> 21:14 - DNS changes take effect": each <br> may start an entry
      const breaks = t.length > lead && /<br\s*\/?>/i.test(t) ? [...t.matchAll(/<br\s*\/?>[ \t]*/gi)].map(m => m.index! + m[0].length).filter(i => i < t.length) : [];
      const stops = [...breaks.map(i => a + i), lineEnd];
      const from = a + lead;
      add(decl, l, a, from, lineEnd, isList ? 'list' : 'line', stampEnd => cleanDescription(text.slice(from + stampEnd, stops[0]).replace(/<br\s*\/?>\s*$/i, '')));
      for (let j = 0; j < breaks.length; j++) {
        const at = a + breaks[j];
        add(decl, l, at, at, stops[j + 1], 'line', stampEnd => cleanDescription(text.slice(at + stampEnd, stops[j + 1]).replace(/<br\s*\/?>\s*$/i, '')));
      }
    }
    // the table rows were read first: keep document order
  }
  entries.sort((x, y) => x.line - y.line);
  return entries;
}

const STAMP_START_RE = /^(?:[\d*_`~≈<A-Za-z[(\\+]|\p{Extended_Pictographic}|\p{Regional_Indicator})/u;

/** What stands before a stamp on an entry's line: indentation, list markers, a task box, opening HTML tags (`<p>`, `<br>`, `<li>`). */
const ENTRY_LEAD_RE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:\[[ xX]\][ \t]+)?(?:<(?:p|br|li|div|span|b|strong|em|i|td|tr)\b[^>]*\/?>[ \t]*)*/i;

function cleanDescription(s: string): string {
  return withoutMilestoneTags(s.replace(/^[\s*_\]|)`]*[—–:|-]*\s*/, '')).trim();
}
