/**
 * What the timeline editor shows: the review's timeline entries with their parts, findings and
 * milestones, as plain data (JSON-safe) that the host posts to the webview. Pure: no `vscode`.
 */
import { parseInstant } from '../time/calendar';
import { zoneSourceLabel } from '../zoneFallback';
import type { Milestone, Review, TimelineEntry } from '../model';
import { MILESTONES } from '../model';
import type { Finding, Severity } from '../types';
import { describeZone } from '../time/zones';
import { entryParts, isHttpUrl, tableHeader } from './edit';

export interface RowFinding { rule: string; severity: Severity; message: string }

export interface TimelineRowView {
  index: number;
  /** the entry's first line (0-based) and its text: the reference an intent sends back */
  line: number;
  text: string;
  form: 'list' | 'table';
  /** epoch ms (UTC) when known */
  utc?: number;
  /** the stamp as written */
  stamp: string;
  /** the stamp says UTC (Z, UTC, GMT, +00:00) */
  isUtc: boolean;
  /** the zone the stamp was read in, described, when it is not UTC */
  zone?: string;
  zoneSource: TimelineEntry['zoneSource'];
  /** the date was taken from an entry above */
  dateCarried: boolean;
  description: string;
  milestone?: Milestone;
  /** only http(s) links; anything else is not offered as a link */
  link?: string;
  findings: RowFinding[];
  /** zones to offer when converting: the ambiguous abbreviation's candidates */
  candidates: { label: string; zone: string }[];
}

export interface MilestoneView { utc: number; source: 'front-matter' | 'tag'; line?: number }

export interface TimelineView {
  version: number;
  fileName: string;
  title?: string;
  form: 'list' | 'table' | 'none';
  hasSection: boolean;
  declaredZone?: { label: string; text: string; source: string };
  milestones: Partial<Record<Milestone, MilestoneView>>;
  rows: TimelineRowView[];
  /** findings in the timeline section that are not on an entry, and milestone findings in the front matter */
  otherFindings: (RowFinding & { line: number })[];
}

function frontMatterTime(review: Review, key: Milestone): number | undefined {
  // read as hovers and the milestone-order rule read it: Z or an offset (time/calendar)
  return parseInstant(review.frontMatter?.data[key]);
}

/** The rules whose findings the timeline editor shows next to entries or above the table. */
export function isTimelineFinding(f: Finding, review: Review): boolean {
  const s = review.section('timeline');
  const l = f.range.start.line;
  if (s && l >= s.bodyStartLine - 1 && l < s.endLine) return true;
  return /timeline|milestone|utc|timestamp/i.test(f.rule) && review.timeline.some(e => e.line === l);
}

export function buildTimelineView(review: Review, findings: Finding[], version: number, fileName: string): TimelineView {
  const rows: TimelineRowView[] = [];
  const onEntry = new Set<Finding>();
  const headers = new Map<number, string[]>();
  review.timeline.forEach((e, index) => {
    let header: string[] | undefined;
    if (e.form === 'table') {
      header = tableHeader(review, e);
      headers.set(e.line, header);
    }
    const p = entryParts(review, e, header);
    const own = e.stamp.zone?.ref;
    const zone = own && own.kind !== 'utc' ? describeZone(own) : !own && e.zone ? `${describeZone(e.zone)} (${zoneSourceLabel(e.zoneSource, true)})` : undefined;
    const fs = findings.filter(f => f.range.start.line === e.line);
    fs.forEach(f => onEntry.add(f));
    const candidates = own?.kind === 'ambiguous' ? own.candidates : !own && e.zone?.kind === 'ambiguous' ? e.zone.candidates : [];
    rows.push({
      index, line: e.line, text: review.lines.lineText(e.line), form: e.form === 'table' ? 'table' : 'list', utc: e.utc,
      stamp: e.stamp.text, isUtc: own?.kind === 'utc', zone, zoneSource: e.zoneSource,
      dateCarried: !!e.date?.carried,
      description: p.description, milestone: p.milestone, link: p.link && isHttpUrl(p.link) ? p.link : undefined,
      findings: fs.map(f => ({ rule: f.rule, severity: f.severity, message: f.message })),
      candidates: candidates.map(c => ({ label: c.label, zone: c.zone })),
    });
  });
  const milestones: TimelineView['milestones'] = {};
  for (const m of MILESTONES) {
    const fm = frontMatterTime(review, m);
    if (fm !== undefined) { milestones[m] = { utc: fm, source: 'front-matter' }; continue; }
    const tagged = rows.find(r => r.milestone === m && r.utc !== undefined);
    if (tagged) milestones[m] = { utc: tagged.utc!, source: 'tag', line: tagged.line };
    else if (m === 'started' && rows[0]?.utc !== undefined) milestones[m] = { utc: rows[0].utc, source: 'tag', line: rows[0].line };
  }
  const other = findings.filter(f => !onEntry.has(f) && isTimelineFinding(f, review))
    .map(f => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.range.start.line }));
  const d = review.declaredZone;
  return {
    version, fileName, title: review.title?.text ?? (typeof review.frontMatter?.data.title === 'string' ? review.frontMatter.data.title : undefined),
    form: review.timeline.length ? (review.timeline[0].form === 'table' ? 'table' : 'list') : 'none',
    hasSection: !!review.section('timeline'),
    declaredZone: d ? { label: describeZone(d.zone), text: d.zone.text, source: d.source } : undefined,
    milestones, rows, otherFindings: other,
  };
}
