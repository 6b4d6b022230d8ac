import type { Root } from 'mdast';
import type { LineIndex } from './text';
import type { Finding, Range } from './types';
import type { FrontMatter } from './parse/frontMatter';
import type { SectionKind } from './parse/sections';
import type { Stamp } from './time/stamp';
import type { LocalResolution, ZoneRef } from './time/zones';

export type { FrontMatter, SectionKind };

export interface Section {
  kind?: SectionKind;
  heading: string;
  level: number;
  headingRange: Range;
  /** first line of the body (after the heading) and the line after the last one */
  bodyStartLine: number;
  endLine: number;
  /** the body text, raw */
  body: string;
  /** the body parsed by remark (positions relative to bodyStartLine); parsed on first use and cached by content */
  tree(): Root;
  /**
   * The body's block structure (lists and items, tables, rows and cells, paragraphs, headings) with
   * the offsets tree() gives them, without inline content: from a line scan when the section uses
   * only constructs the scan reads exactly, else tree() itself. Prefer it to tree() when blocks are enough.
   */
  blocks(): Root;
}

export type Milestone = 'started' | 'detected' | 'mitigated' | 'resolved';
export const MILESTONES: Milestone[] = ['started', 'detected', 'mitigated', 'resolved'];

export interface TimelineEntry {
  form: 'list' | 'table';
  /** the entry's line (list item's first line, or the table row) */
  line: number;
  range: Range;
  stamp: Stamp;
  /** absolute range of the stamp; stamp offsets are relative to stampBase (an offset in the document) */
  stampRange: Range;
  stampBase: number;
  description: string;
  tags: { milestone: Milestone; range: Range }[];
  /** the date used: the stamp's own, or carried from an earlier entry / the `started` key */
  date?: { year: number; month: number; day: number; carried: boolean };
  /** the zone that applies: the stamp's own, else the declared one; undefined when none is known */
  zone?: ZoneRef;
  zoneSource: 'stamp' | 'prose' | 'front-matter' | 'setting' | 'none';
  /** epoch milliseconds in UTC, when date and zone are known (a repeated or skipped local time: its "compatible" reading, for ordering) */
  utc?: number;
  /** how certain `utc` is: a repeated (autumn), nonexistent (spring) or season-mismatched local time lists its readings (time/zones.ts resolveLocal) */
  certainty?: LocalResolution;
}

export type ActionStatus = 'open' | 'in-progress' | 'blocked' | 'wont-do' | 'done';

export interface ActionField { key: string; value: string; line: number; range: Range; valueRange: Range }

export interface ActionItem {
  form: 'task' | 'list' | 'table';
  id?: string;
  idRange?: Range;
  title: string;
  titleRange: Range;
  /** the item's first line (the title line / the table row) */
  line: number;
  range: Range;
  /** [x] in task form; undefined when the item has no checkbox */
  checked?: boolean;
  checkboxRange?: Range;
  status: ActionStatus;
  fields: Map<string, ActionField>;
  /** indentation for new nested field lines */
  fieldIndent: string;
  /** line after which new fields are inserted */
  lastLine: number;
}

export interface ZoneDeclaration { zone: ZoneRef; range: Range; source: 'prose' | 'front-matter' | 'setting' }

export interface Review {
  uri?: string;
  text: string;
  lines: LineIndex;
  eol: string;
  frontMatter?: FrontMatter;
  title?: { text: string; range: Range };
  sections: Section[];
  timeline: TimelineEntry[];
  actions: ActionItem[];
  /** the zone the timeline was written in, when declared */
  declaredZone?: ZoneDeclaration;
  /** findings of the parse itself (unreadable file, broken YAML) */
  parseFindings: Finding[];
  /** true when the document was too large or not text, and only parts were analysed */
  partial: boolean;
  section(kind: SectionKind): Section | undefined;
}
