/**
 * Completions while writing a review, found from the text around the cursor with a line scan (no
 * Markdown parse, so it is cheap on every keystroke): front-matter keys and values (status,
 * severity and attendee roles from the team's configuration), missing section headings after
 * `## `, action-item fields and their values (owners used across the workspace), and the current
 * UTC time at the start of a timeline entry. Pure.
 */
import schema from '../../../schemas/review.schema.json';
import type { Config } from '../config';
import type { Position } from '../types';
import { LineIndex } from '../text';
import { scan } from '../parse/scan';
import { SECTION_SPECS, sectionKindOf } from '../parse/sections';
import { readFieldLine, readLeadingId } from '../format/actionItem';
import { readListItem } from '../format/listItem';

export type SuggestionKind = 'key' | 'value' | 'section' | 'field' | 'owner' | 'time' | 'role' | 'action-id';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  detail?: string;
  documentation?: string;
  /** text inserted in place of [replaceFrom, cursor) on the cursor's line */
  insertText: string;
  replaceFrom: number;
  /** insertText uses snippet syntax */
  snippet?: boolean;
  /** open the suggestions again after inserting (a key whose values can be suggested) */
  retrigger?: boolean;
  sortText?: string;
}

export interface CompletionOptions {
  config: Config;
  /** owner handles used across the workspace (the index) */
  owners?: string[];
  now?: Date;
  /** the author's zone, offered for `timezone:` */
  localZone?: string;
}

type SchemaProperty = { description?: string; enum?: string[]; type?: string };
const PROPERTIES = schema.properties as Record<string, SchemaProperty>;

export const ACTION_FIELDS: { key: string; doc: string; values?: string[] }[] = [
  { key: 'owner', doc: 'One person or team handle that owns the action.' },
  { key: 'due', doc: 'An ISO date: 2026-12-11.' },
  { key: 'type', doc: 'prevent, mitigate, detect or process.', values: ['prevent', 'mitigate', 'detect', 'process'] },
  { key: 'domain', doc: 'Free text that groups actions across reviews: change-management, monitoring, capacity.' },
  { key: 'validation', doc: 'How you will know the action worked: a test, a drill, a query, a number.' },
  { key: 'tracking', doc: 'The URL of the ticket in your tracker.' },
  { key: 'depends', doc: 'Action IDs that must finish first, comma-separated.' },
  { key: 'evidence', doc: 'Proof that it is done (merged change, closed ticket, drill result); needed when ticked [x].' },
  { key: 'status', doc: 'in-progress, blocked or wont-do (an open item); wont-do needs a residual risk.', values: ['in-progress', 'blocked', 'wont-do'] },
];

const TYPE_DOCS: Record<string, string> = {
  prevent: 'Stops it happening again.', mitigate: 'Makes it smaller or shorter.', detect: 'Notices it sooner.', process: 'Changes how people work.',
};
const STATUS_DOCS: Record<string, string> = {
  draft: 'Still being written: some completeness checks are relaxed.',
  'in-review': 'Ready for the review meeting: everything is checked.',
  final: 'Agreed and signed off.',
};

const MILESTONE_KEYS = new Set(['started', 'detected', 'mitigated', 'resolved']);
const LIST_KEYS = new Set(['attendees', 'third_parties', 'services', 'authors', 'residual_risks']);

const two = (n: number) => String(n).padStart(2, '0');
const utcParts = (d: Date) => ({ date: `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`, time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` });

/** "2026-11-29 17:45 UTC": the stamp for a new timeline entry. */
export function timelineStampNow(now = new Date()): string {
  const p = utcParts(now);
  return `${p.date} ${p.time} UTC`;
}

export function completionsAt(text: string, pos: Position, options: CompletionOptions): Suggestion[] {
  const lines = new LineIndex(text);
  if (pos.line >= lines.lineCount) return [];
  const lineText = lines.lineText(pos.line);
  const prefix = lineText.slice(0, pos.character);
  const sc = scan(lines);
  const fm = sc.frontMatter;
  if (fm && pos.line > fm.openLine && (fm.closeLine === undefined || pos.line < fm.closeLine)) {
    return frontMatterCompletions(lines, fm.openLine, fm.closeLine ?? lines.lineCount, pos.line, prefix, options);
  }
  if (fm && pos.line <= (fm.closeLine ?? lines.lineCount)) return [];
  // "## " at the start of a line: the sections not written yet
  const heading = /^##[ \t]+([^#]*)$/.exec(prefix);
  if (heading) {
    const present = new Set(sc.headings.filter(h => h.level === 2 && h.line !== pos.line).map(h => sectionKindOf(h.text)));
    return SECTION_SPECS.filter(s => !present.has(s.kind)).map((s, i) => ({
      label: s.title, kind: 'section' as const, insertText: s.title, replaceFrom: prefix.length - heading[1].length,
      detail: s.optional ? 'optional section' : 'section', documentation: s.prompt || 'The corrective action plan.', sortText: String(i).padStart(2, '0'),
    }));
  }
  // the section the cursor is in
  const h2 = sc.headings.filter(h => h.level === 2 && h.line < pos.line).pop();
  const kind = h2 ? sectionKindOf(h2.text) : undefined;
  if (kind === 'timeline') return timelineCompletions(prefix, options);
  if (kind === 'actions') return actionCompletions(lines, pos.line, prefix, options);
  return [];
}

// ----------------------------------------------------------------------------------- front matter

function frontMatterCompletions(lines: LineIndex, open: number, close: number, line: number, prefix: string, options: CompletionOptions): Suggestion[] {
  const { config } = options;
  // a role in the attendees list, in either YAML form: "role: x" or "{ name: y, role: x }"
  const role = /\brole:[ \t]*([\w-]*)$/.exec(prefix);
  if (role && inKey(lines, open, line, 'attendees')) {
    return config.roles.map(r => ({ label: r, kind: 'role' as const, insertText: r, replaceFrom: prefix.length - role[1].length, detail: 'attendee role' }));
  }
  const key = /^([A-Za-z_]*)$/.exec(prefix);
  if (key) {
    const present = new Set<string>();
    for (let l = open + 1; l < close; l++) {
      const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(lines.lineText(l));
      if (m && l !== line) present.add(m[1]);
    }
    return Object.entries(PROPERTIES).filter(([k]) => !present.has(k)).map(([k, p], i) => {
      const list = LIST_KEYS.has(k);
      const retrigger = !list && (k === 'status' || k === 'severity' || k === 'major' || MILESTONE_KEYS.has(k) || k === 'timezone' || k === 'review_meeting');
      return {
        label: k, kind: 'key' as const, detail: 'front matter', documentation: p.description,
        insertText: k === 'attendees' ? 'attendees:\n  - name: ${1}\n    role: ${2}' : list ? `${k}:\n  - \${1}` : `${k}: `,
        snippet: list, retrigger, replaceFrom: 0, sortText: String(i).padStart(2, '0'),
      };
    });
  }
  const value = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(\S*)$/.exec(prefix);
  if (!value) return [];
  const from = prefix.length - value[2].length;
  const values = (vs: string[], docs: Record<string, string> = {}, detail?: string): Suggestion[] =>
    vs.map((v, i) => ({ label: v, kind: 'value' as const, insertText: v, replaceFrom: from, documentation: docs[v], detail, sortText: String(i).padStart(2, '0') }));
  const now = options.now ?? new Date();
  switch (value[1]) {
    case 'status': return values(PROPERTIES.status.enum ?? ['draft', 'in-review', 'final'], STATUS_DOCS);
    case 'severity': return values(config.severities, {}, 'from the team\'s severities');
    case 'major': return values(['true', 'false']);
    case 'timezone': return values([...new Set(['UTC', options.localZone].filter((z): z is string => !!z))]);
    case 'review_meeting': return values([utcParts(now).date], {}, 'today (UTC)');
    default:
      if (MILESTONE_KEYS.has(value[1])) {
        const p = utcParts(now);
        return values([`${p.date}T${p.time}:00Z`], {}, 'now, in UTC');
      }
      return [];
  }
}

/** Is the line inside the block of a top-level key (its value lines, indented or list items)? */
function inKey(lines: LineIndex, open: number, line: number, key: string): boolean {
  for (let l = line; l > open; l--) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(lines.lineText(l));
    if (m) return m[1] === key;
  }
  return false;
}

// ----------------------------------------------------------------------------------- timeline

function timelineCompletions(prefix: string, options: CompletionOptions): Suggestion[] {
  // the start of a list item or of a table row's first cell, before anything but a partial stamp
  const li = readListItem(prefix);
  const m = li ? (li.checkbox ? null : /^([\d: -]*)$/.exec(prefix.slice(li.markerEnd))) : /^\s*\|[ \t]*([\d: -]*)$/.exec(prefix);
  if (!m) return [];
  const stamp = timelineStampNow(options.now);
  const table = prefix.trimStart().startsWith('|');
  return [{
    label: stamp, kind: 'time', insertText: table ? `${stamp} | ` : `${stamp} — `, replaceFrom: prefix.length - m[1].length,
    detail: 'now, in UTC', documentation: 'A new timeline entry stamped with the current time in UTC.', sortText: '00',
  }];
}

// ----------------------------------------------------------------------------------- action items

/** The ID a list item's title starts with. */
function idAtStart(line: string): string | undefined {
  const li = readListItem(line);
  return li && readLeadingId(li.content)?.id;
}

function actionCompletions(lines: LineIndex, line: number, prefix: string, options: CompletionOptions): Suggestion[] {
  const item = readListItem(prefix);
  if (!item || item.indent.length === 0) return [];
  const indent = item.indent.replace(/\t/g, '    ').length;
  // the action this nested item belongs to: the nearest list item above with less indentation
  let parent = -1;
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (/^#{1,6}\s/.test(t)) break;
    const m = readListItem(t);
    if (m && m.indent.replace(/\t/g, '    ').length < indent) { parent = l; break; }
  }
  if (parent < 0) return [];
  const rest = prefix.slice(item.markerEnd);
  const fieldName = /^([A-Za-z]*)$/.exec(rest);
  if (fieldName) {
    const present = new Set<string>();
    for (let l = parent + 1; l < lines.lineCount; l++) {
      if (l === line) continue;
      const t = lines.lineText(l);
      const m = readListItem(t);
      if (!m) { if (t.trim() === '' || /^\s/.test(t)) continue; break; }
      if (m.indent.replace(/\t/g, '    ').length < indent) break;
      const k = m.checkbox ? undefined : readFieldLine(m.content)?.key;
      if (k) present.add(k);
    }
    const required = new Set(options.config.actionFields);
    return ACTION_FIELDS.filter(f => !present.has(f.key)).map((f, i) => ({
      label: f.key, kind: 'field' as const, insertText: `${f.key}: `, replaceFrom: prefix.length - rest.length,
      detail: required.has(f.key) ? 'action field (required)' : 'action field', documentation: f.doc,
      retrigger: f.key === 'owner' || !!f.values || f.key === 'depends', sortText: `${required.has(f.key) ? 0 : 1}${String(i).padStart(2, '0')}`,
    }));
  }
  const f = readFieldLine(rest);
  const typed = f && rest.slice(f.valueStart);
  if (!f || typed === undefined || !/^\S*$/.test(typed)) return [];
  const key = f.key;
  const from = prefix.length - typed.length;
  if (key === 'owner') {
    const owners = new Set<string>(options.owners ?? []);
    // owners written in this document count too, before the index has seen the edit
    for (let l = 0; l < lines.lineCount; l++) {
      const li = l === line ? undefined : readListItem(lines.lineText(l));
      const o = li && !li.checkbox ? readFieldLine(li.content) : undefined;
      if (o?.key === 'owner' && o.value) owners.add(o.value);
    }
    return [...owners].filter(o => o && o.length <= 80).sort((a, b) => a.localeCompare(b)).map(o => ({
      label: o, kind: 'owner' as const, insertText: o, replaceFrom: from, detail: 'owner used in the workspace',
    }));
  }
  if (key === 'depends') {
    const ids: string[] = [];
    for (let l = 0; l < lines.lineCount; l++) {
      const id = l === parent ? undefined : idAtStart(lines.lineText(l));
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids.map(id => ({ label: id, kind: 'action-id' as const, insertText: id, replaceFrom: from, detail: 'action in this review' }));
  }
  const field = ACTION_FIELDS.find(f => f.key === key);
  if (field?.values) {
    return field.values.map((v, i) => ({ label: v, kind: 'value' as const, insertText: v, replaceFrom: from, documentation: key === 'type' ? TYPE_DOCS[v] : undefined, sortText: String(i) }));
  }
  return [];
}
