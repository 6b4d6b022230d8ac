import type { List, Table, TableRow, RootContent } from 'mdast';
import type { Milestone, Review, Section, TimelineEntry, ZoneDeclaration } from '../model';
import { readStamp, stampWallTime } from '../time/stamp';
import { resolveZone, resolveLocal, isResolvable, type LocalResolution, type ZoneRef } from '../time/zones';
import { readHeadingDeclaration, readZoneDeclaration } from '../time/declaration';

const TAG_RE = /\[(started|detected|mitigated|resolved)\]/gi;

/** The `timezone` key, "All times in CET" or "Timeline (UTC)", or the setting: the zone stamps without one were written in (docs/format.md's order). */
export function findDeclaredZone(review: Review, timelineSections: Section[], settingZone?: string): ZoneDeclaration | undefined {
  // the `timezone` key is said on purpose; a sentence is read by a pattern: the key comes first
  const tz = review.frontMatter?.data.timezone;
  if (typeof tz === 'string' && tz.trim()) {
    const r = review.frontMatter!.rangeOf(['timezone'], 'value')!;
    return { zone: resolveZone(tz), range: r, source: 'front-matter' };
  }
  for (const s of timelineSections) {
    const h = readHeadingDeclaration(s.heading);
    if (h?.zone) return { zone: h.zone, range: s.headingRange, source: 'prose' };
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
  }
  if (settingZone) return { zone: resolveZone(settingZone), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, source: 'setting' };
  return undefined;
}

function startedDate(review: Review): { year: number; month: number; day: number } | undefined {
  const v = review.frontMatter?.data.started;
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined;
  const m = s && /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
}

export function extractTimeline(review: Review, sections: Section[], declared: ZoneDeclaration | undefined): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let prevDate = startedDate(review);
  // "Timeline (all times UTC, 5 September 2026)": the date of stamps that carry only a time
  if (!prevDate) for (const s of sections) { const d = readHeadingDeclaration(s.heading)?.date; if (d) { prevDate = d; break; } }
  const lines = review.lines;

  const add = (line: number, lineStartOffset: number, textStart: number, textEnd: number, form: 'list' | 'table', description: (stampEnd: number) => string) => {
    const raw = review.text.slice(textStart, textEnd);
    const stamp = readStamp(raw);
    if (!stamp) return;
    let date: TimelineEntry['date'];
    if (stamp.date?.impossible) {
      // no such day (2026-13-01): no date, and none carried from it; timestamp-missing-date says so
    } else if (stamp.date && stamp.date.year !== undefined) {
      date = { year: stamp.date.year, month: stamp.date.month, day: stamp.date.day, carried: false };
    } else if (stamp.date && prevDate) {
      date = { year: prevDate.year, month: stamp.date.month, day: stamp.date.day, carried: true };
    } else if (!stamp.date && prevDate) {
      date = { ...prevDate, carried: true };
    }
    if (date && stamp.date) prevDate = date;
    let zone: ZoneRef | undefined; let zoneSource: TimelineEntry['zoneSource'] = 'none';
    if (stamp.zone) { zone = stamp.zone.ref; zoneSource = 'stamp'; }
    else if (declared) { zone = declared.zone; zoneSource = declared.source; }
    let utc: number | undefined;
    let certainty: LocalResolution | undefined;
    if (date && stamp.time && zone && isResolvable(zone)) {
      certainty = resolveLocal(stampWallTime(date, stamp.time), zone);
      utc = certainty?.ms;
    }
    const firstLine = review.text.slice(textStart, lines.lineEnd(line));
    const tags: TimelineEntry['tags'] = [];
    for (const m of firstLine.matchAll(TAG_RE)) {
      tags.push({ milestone: m[1].toLowerCase() as Milestone, range: lines.range(textStart + m.index!, textStart + m.index! + m[0].length) });
    }
    entries.push({
      form, line, range: lines.range(lineStartOffset, textEnd), stamp,
      stampRange: lines.range(textStart + stamp.start, textStart + stamp.end), stampBase: textStart,
      description: description(stamp.end), tags, date, zone, zoneSource, utc, certainty,
    });
  };

  for (const s of sections) {
    const base = review.lines.starts[s.bodyStartLine] ?? review.text.length;
    const visit = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (node.type === 'list') listEntries(node, base);
        else if (node.type === 'table') tableEntries(node, base);
      }
    };
    const listEntries = (list: List, base: number) => {
      for (const item of list.children) {
        const para = item.children[0];
        if (!para || para.type !== 'paragraph' || !para.position) continue;
        const start = base + para.position.start.offset!;
        const line = lines.positionAt(start).line;
        add(line, base + item.position!.start.offset!, start, lines.lineEnd(line), 'list',
          stampEnd => cleanDescription(review.text.slice(start + stampEnd, lines.lineEnd(line))));
      }
    };
    const tableEntries = (table: Table, base: number) => {
      const [header, ...rows] = table.children as TableRow[];
      if (!header) return;
      for (const row of rows) {
        const cell = row.children[0];
        if (!cell?.position) continue;
        let a = base + cell.position.start.offset!, b = base + cell.position.end.offset!;
        while (a < b && /[|\s]/.test(review.text[a])) a++;
        while (b > a && /[|\s]/.test(review.text[b - 1])) b--;
        const line = lines.positionAt(a).line;
        add(line, base + row.position!.start.offset!, a, b, 'table', () =>
          row.children.slice(1).map(c => c.position ? review.text.slice(base + c.position.start.offset!, base + c.position.end.offset!).replace(/^\|?\s*|\s*\|?$/g, '') : '').filter(Boolean).join(' — '));
      }
    };
    visit(s.blocks().children);
  }
  return entries;
}

function cleanDescription(s: string): string {
  return s.replace(/^[\s*_\]|)`]*[—–:|-]*\s*/, '').replace(TAG_RE, '').trim();
}
