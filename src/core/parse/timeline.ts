import type { List, Table, TableRow, RootContent } from 'mdast';
import type { Milestone, Review, Section, TimelineEntry, ZoneDeclaration } from '../model';
import { readStamp } from '../time/stamp';
import { milestoneTags, withoutMilestoneTags } from '../format/milestones';
import { leadingYmd } from '../time/calendar';
import { resolveZone, toUtc, isResolvable, type ZoneRef } from '../time/zones';

const ZONE_PATTERN = String.raw`(UTC|GMT|[A-Z]{2,5}|[A-Z][A-Za-z_]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::\d{2})?)(?![A-Za-z/])`;
// "All times are in CET", "timestamps below are in Europe/Berlin"
const DECLARATION_RE = new RegExp(String.raw`\b(?:all\s+)?(?:times?|timestamps?|dates?)\b[^.\n]{0,40}?\b(?:in|are)\s+[*_]{0,2}` + ZONE_PATTERN);
// "All times UTC", "Times: CET" — the zone right after the word, written in capitals (case
// matters: "response times met the SLO" declares no MET)
const SHORT_DECLARATION_RE = new RegExp(String.raw`\b(?:[Aa]ll\s+)?(?:[Tt]imes?|[Tt]imestamps?)\s*(?::\s*|\s)[*_]{0,2}` + ZONE_PATTERN);

/** The `timezone` key, "All times in CET" or "Timeline (UTC)", or the setting: the zone stamps without one were written in (docs/format.md's order). */
export function findDeclaredZone(review: Review, timelineSections: Section[], settingZone?: string): ZoneDeclaration | undefined {
  // the `timezone` key is said on purpose; a sentence is read by a pattern: the key comes first
  const tz = review.frontMatter?.data.timezone;
  if (typeof tz === 'string' && tz.trim()) {
    const r = review.frontMatter!.rangeOf(['timezone'], 'value')!;
    return { zone: resolveZone(tz), range: r, source: 'front-matter' };
  }
  for (const s of timelineSections) {
    const h = /\(([^)]+)\)\s*$/.exec(s.heading);
    if (h) {
      const z = resolveZone(h[1]);
      if (z.kind !== 'unknown') return { zone: z, range: s.headingRange, source: 'prose' };
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
      if (/^\s*([-*+]|\d+[.)]|\|)\s/.test(t)) continue;
      const m = DECLARATION_RE.exec(t) ?? SHORT_DECLARATION_RE.exec(t);
      if (m) {
        const z = resolveZone(m[1].replace(/\s+/g, ''));
        if (z.kind === 'unknown') continue;
        const line = s.bodyStartLine + i;
        return { zone: z, range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } }, source: 'prose' };
      }
    }
  }
  if (settingZone) return { zone: resolveZone(settingZone), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, source: 'setting' };
  return undefined;
}

function startedDate(review: Review): { year: number; month: number; day: number } | undefined {
  return leadingYmd(review.frontMatter?.data.started);
}

export function extractTimeline(review: Review, sections: Section[], declared: ZoneDeclaration | undefined): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let prevDate = startedDate(review);
  const lines = review.lines;

  const add = (line: number, lineStartOffset: number, textStart: number, textEnd: number, form: 'list' | 'table', description: (stampEnd: number) => string) => {
    const raw = review.text.slice(textStart, textEnd);
    const stamp = readStamp(raw);
    if (!stamp) return;
    let date: TimelineEntry['date'];
    if (stamp.date && stamp.date.year !== undefined) {
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
    if (date && stamp.time && zone && isResolvable(zone)) {
      utc = toUtc({ ...date, hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second }, zone)?.toMillis();
    }
    const firstLine = review.text.slice(textStart, lines.lineEnd(line));
    const tags: TimelineEntry['tags'] = [];
    for (const t of milestoneTags(firstLine)) {
      tags.push({ milestone: t.milestone, range: lines.range(textStart + t.start, textStart + t.end) });
    }
    entries.push({
      form, line, range: lines.range(lineStartOffset, textEnd), stamp,
      stampRange: lines.range(textStart + stamp.start, textStart + stamp.end), stampBase: textStart,
      description: description(stamp.end), tags, date, zone, zoneSource, utc,
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
  return withoutMilestoneTags(s.replace(/^[\s*_\]|)]*[—–:|-]*\s*/, '')).trim();
}
