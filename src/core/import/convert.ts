/**
 * Import: turns an existing Markdown postmortem into the review format (`*.pir.md`).
 *
 * What it does, and nothing more:
 * - sections are matched by the core's alias table and get the canonical heading (a trailing
 *   "(…)" such as "(times in CEST)" is kept); a level-3 heading that names a section (a "What went
 *   well" under "Lessons learned") becomes a section of its own; a section written twice is kept
 *   together under one heading, each part under its original heading;
 * - items of a bullet or numbered list under an actions-like heading become task-list items with
 *   an ID and the missing required fields as placeholders; a single link in the item becomes its
 *   `tracking` field;
 * - the timeline entries are the ones the checks read (parse/timeline.ts, on the parser's blocks):
 *   a table whose every row is an entry becomes a list, one item per row; paragraph lines and `<br>`
 *   parts that start an entry become items; a `### 09:14` heading with its paragraph becomes one;
 *   quotes, code and raw HTML stay as written. The review's entries are the original's, in order
 *   (else the timeline is kept as written); a stamp whose instant is certain (date and zone known)
 *   is then written in UTC and a declaration left governing no stamp says so (toUtc.ts); any other
 *   stamp stays exactly as written (a stamp without a zone stays without one: no UTC is invented);
 * - "Date:", "Severity:" and "Authors:" lines of the header move to the front matter;
 * - the front matter is generated from what the text says (title from the H1, `started` only from
 *   a stamp carrying UTC, severity only when the text names one of the team's), or kept, with the
 *   missing keys added, when the file has one;
 * - everything else (unknown sections, prose, code, comments) is kept verbatim, in order.
 *
 * Pure: no `vscode` import, no I/O.
 */
import { own } from '../safe/keys';
import { parse as parseYaml } from 'yaml';
import { LineIndex } from '../text';
import { scan } from '../parse/scan';
import { readLeadingId, statusOf } from '../format/actionItem';
import { LIST_MARKER, readListItem } from '../format/listItem';
import { isDelimiterRow, splitTableRow } from '../format/table';
import { formatYmd, leadingYmd } from '../time/calendar';
import { exactSectionKind, purposesOf, sectionKindOf, sectionSpec, normalizeHeading, type SectionKind } from '../parse/sections';
import { parseReview } from '../parse/review';
import type { ActionItem, TimelineEntry } from '../model';
import { readStamp } from '../time/stamp';
import { declaresZone, readHeadingDeclaration } from '../time/declaration';
import { parseMarkdown } from '../parse/markdown';
import { convertCertainStamps } from './toUtc';
import type { TableCell } from '../format/table';
import { yamlScalar } from '../newReview/template';
import { defaultConfig } from '../config';

export interface ImportOptions {
  /** the original file's name, for a title when the text has none */
  fileName?: string;
  /** the review ID (default: INC-<date of the incident>, or INC-YYYY-NNN to fill in) */
  id?: string;
  /** the prefix of new action IDs (default: CAP-<the review ID without "INC-">) */
  actionIdPrefix?: string;
  /** fields every action item needs (placeholders are added for the missing ones); default owner, due, validation, tracking */
  actionFields?: string[];
  /** the team's severities; a severity the text names is used only when it is one of them */
  severities?: string[];
}

export interface ImportResult {
  text: string;
  id: string;
  title?: string;
  /** YYYY-MM-DD of the incident, when the text says it */
  date?: string;
  /** what the import did and what is left to the author, one sentence each */
  notes: string[];
  stats: { mappedSections: number; keptSections: number; actions: number; timelineEntries: number; frontMatter: 'generated' | 'kept' | 'extended' };
}

const DEFAULT_FIELDS = ['owner', 'due', 'validation', 'tracking'];
const PLACEHOLDER: Record<string, string> = {
  owner: '@owner',
  due: 'YYYY-MM-DD',
  type: 'prevent | mitigate | detect | process',
  domain: 'e.g. monitoring',
  validation: 'how we will know it worked: a test, a drill, a query',
  tracking: 'link to the ticket',
};

interface Unit {
  /** the heading line(s) as written; empty for the preamble */
  heading?: { text: string; level: number; lines: string[] };
  kind?: SectionKind;
  /** every purpose the heading names ("Lessons learned and actions taken": lessons and actions) */
  kinds: SectionKind[];
  body: string[];
  /** the 0-based line of the original text each body line comes from */
  src: number[];
}

/** Whether the section's heading, as written in the review, keeps the heading's trailing "(…)" ("Timeline (times in CEST)"). */
function keepsParenthesis(u: Unit): boolean {
  if (!u.heading) return false;
  if (u.kinds.length > 1) return true;
  const paren = /\s*(\([^)]*\))\s*:?\s*$/.exec(u.heading.text);
  return !!paren && sectionKindOf(u.heading.text.slice(0, paren.index)) === u.kind;
}

/** The purposes a heading names, its exact name first (sections.ts). */
function headingKinds(text: string): SectionKind[] {
  const exact = exactSectionKind(text);
  const words = purposesOf(text);
  return exact ? [exact, ...words.filter(k => k !== exact)] : words;
}

// a top-level item of a list (up to three spaces before the marker, as CommonMark allows)
const LIST_ITEM = new RegExp(String.raw`^( {0,3})(${LIST_MARKER})( +|$)(.*)$`);

export function importPostmortem(input: string, options: ImportOptions = {}): ImportResult {
  const r = importWith(input, options, true);
  // no timeline entry dropped or invented: the review's entries are the original's, in order; else the timeline stays as written
  if (!sameEntries(r.original, parseReview(r.result.text.replace(/\r\n/g, '\n')).timeline)) {
    const kept = importWith(input, options, false).result;
    kept.notes.push('The timeline is kept as written: turning it into a list would have changed its entries.');
    return inUtc(kept);
  }
  return inUtc(r.result);
}

/**
 * The stamps whose instant is certain, in UTC (toUtc.ts), and then the `started` and milestone keys
 * those UTC stamps give, when the front matter lacks them.
 */
function inUtc(res: ImportResult): ImportResult {
  const crlf = res.text.includes('\r\n');
  const u = convertCertainStamps(res.text.replace(/\r\n/g, '\n'));
  if (!u.converted && !u.notes.length) return res;
  let text = u.text;
  if (u.converted) {
    const review = parseReview(text);
    const data = review.frontMatter?.data;
    const close = text.indexOf('\n---\n', 3);
    if (data && text.startsWith('---\n') && close > 0) {
      const add: string[] = [];
      // as for a review written in UTC (and so importing the result again adds nothing)
      const started = firstTimelineStamp(review.timeline)?.utc;
      if (!('started' in data) && started) add.push(`started: ${started}`);
      for (const [key, iso] of milestoneStamps(review.timeline)) if (!(key in data)) add.push(`${key}: ${iso}`);
      if (add.length) text = text.slice(0, close + 1) + add.map(l => l + '\n').join('') + text.slice(close + 1);
    }
  }
  return { ...res, text: crlf ? text.replace(/\n/g, '\r\n') : text, notes: [...res.notes, ...u.notes] };
}

/** The same entries in the same order: the same time, zone and (when both know it) date. */
function sameEntries(a: TimelineEntry[], b: TimelineEntry[]): boolean {
  if (a.length !== b.length) return false;
  const t = (e: TimelineEntry) => e.stamp.time ? `${e.stamp.time.hour}:${e.stamp.time.minute}:${e.stamp.time.second ?? ''}` : '';
  return a.every((x, i) => {
    const y = b[i];
    if (t(x) !== t(y) || x.zone?.kind !== y.zone?.kind || x.stamp.relative !== y.stamp.relative) return false;
    return !x.date || !y.date || formatYmd(x.date) === formatYmd(y.date);
  });
}

function importWith(input: string, options: ImportOptions, convertTimelines: boolean): { result: ImportResult; original: TimelineEntry[] } {
  const severities = options.severities ?? defaultConfig().severities;
  const eol = /\r\n/.test(input) ? '\r\n' : '\n';
  let text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // a comment before the front matter ("<!-- source: … -->") would hide it: it goes after the front matter
  let movedComment = false;
  const leadComment = /^((?:[ \t]*<!--[\s\S]*?-->[ \t]*\n)+)(?=---[ \t]*\n)/.exec(text);
  if (leadComment) {
    const rest = text.slice(leadComment[0].length);
    const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(rest.slice(3));
    if (close) {
      const end = 3 + close.index + close[0].length;
      text = rest.slice(0, end) + (rest.slice(0, end).endsWith('\n') ? '' : '\n') + leadComment[1] + rest.slice(end);
      movedComment = true;
    }
  }
  const lines = text.split('\n');
  const index = new LineIndex(text);
  const scanned = scan(index);
  const notes: string[] = [];
  if (movedComment) notes.push('The comment before the front matter now follows it.');

  // ---- front matter as written
  let fmLines: string[] | undefined;
  let fmData: Record<string, unknown> | undefined;
  let bodyStart = 0;
  if (scanned.frontMatter?.closeLine !== undefined) {
    fmLines = lines.slice(1, scanned.frontMatter.closeLine);
    bodyStart = scanned.frontMatter.closeLine + 1;
    try {
      const d = parseYaml(fmLines.join('\n'));
      if (d && typeof d === 'object' && !Array.isArray(d)) fmData = d as Record<string, unknown>;
    } catch { /* kept as written; the review's checks report it */ }
  }

  // ---- "Authors:", "Date:", "Severity:" label lines: they move to the front matter (the line leaves the
  // body) unless it has the key already; Date and Severity only from the header, above the first section
  const fmHas = (k: string) => fmData !== undefined && (k in fmData || (k === 'authors' && 'author' in fmData) || (fmLines ?? []).some(l => l.startsWith(`# ${k}: `)));
  const firstSection = scanned.headings.find(h => h.line >= bodyStart && headingKinds(h.text).length)?.line ?? lines.length;
  const moved = new Map<number, MovedLine>();
  for (let l = bodyStart; l < lines.length; l++) {
    const m = META_LINE.exec(lines[l]);
    if (!m) continue;
    const key = /^authors?$/i.test(m[1]) ? 'authors' : /^sev/i.test(m[1]) ? 'severity' : 'date';
    if ((key !== 'authors' && l >= firstSection) || fmHas(key) || [...moved.values()].some(x => x.key === key)) continue;
    const value = m[2].replace(/&#x20;|&nbsp;/g, ' ').replace(/^[\s*_]+|[\s*_]+$/g, '').trim();
    const mv = readMetaLine(key, value, severities);
    if (mv) moved.set(l, { line: l, key, ...mv });
  }
  const movedOf = (k: MovedLine['key']) => [...moved.values()].find(x => x.key === k);

  // ---- units: the preamble, then one per heading of level 1 or 2 (level-1 headings naming a section count as sections)
  const headings = scanned.headings.filter(h => h.line >= bodyStart);
  let titleHeading: typeof headings[number] | undefined;
  const units: Unit[] = [{ kinds: [], body: [], src: [] }];
  const starts = new Map<number, { text: string; level: number; setext: boolean }>();
  for (const h of headings) {
    // the first H1 is the title unless it names a section; an H1 repeating the front matter's title is the title
    const isTitle = !sectionKindOf(h.text) || (typeof fmData?.title === 'string' && plainText(h.text) === plainText(fmData.title));
    if (h.level === 1 && isTitle && !titleHeading && ![...starts.values()].some(s => s.level === 2)) { titleHeading = h; continue; }
    if (h.level <= 2) starts.set(h.line, h);
  }
  // a level-1 section ("# Action items") becomes "##": its "##" subsections stay its own, one level down
  const byLine = new Map(headings.map(h => [h.line, h]));
  let section1: Unit | undefined;
  for (let l = bodyStart; l < lines.length; l++) {
    const h = starts.get(l);
    if (h) {
      const kinds = headingKinds(h.text);
      if (section1 && h.level === 2 && (!kinds.length || kinds.includes(section1.kind!))) {
        section1.body.push(demoted(h, lines[l])); section1.src.push(l);
        if (h.setext) l++;
        continue;
      }
      const hl = h.setext ? [lines[l], lines[l + 1]] : [lines[l]];
      const unit: Unit = { heading: { text: h.text, level: h.level, lines: hl }, kind: kinds[0], kinds, body: [], src: [] };
      units.push(unit);
      // a "##" of another purpose ends the level-1 section's parts: what follows is no longer its own
      section1 = h.level === 1 && kinds.length ? unit : undefined;
      if (h.setext) l++;
      continue;
    }
    const u = units[units.length - 1];
    const deeper = section1 && u === section1 ? byLine.get(l) : undefined;
    if (deeper && deeper.level >= 3 && deeper.level < 6 && !deeper.setext) { u.body.push(demoted(deeper, lines[l])); u.src.push(l); continue; }
    if (titleHeading && l === titleHeading.line) {
      u.body.push(lines[l]); u.src.push(l);
      if (titleHeading.setext) { u.body.push(lines[l + 1]); u.src.push(l + 1); l++; }
      continue;
    }
    if (moved.has(l)) {
      // and one of the blank lines around it
      if (!(lines[l + 1] ?? 'x').trim() && !(u.body[u.body.length - 1] ?? 'x').trim()) l++;
      continue;
    }
    u.body.push(lines[l]); u.src.push(l);
  }

  // ---- level-3 headings that name another section become sections (not inside a timeline or the actions)
  const promoted: Unit[] = [];
  const level3 = new Map(headings.filter(h => h.level === 3 && !h.setext).map(h => [h.line, h]));
  for (const u of units) {
    // the preamble too: its sub-sections are the Summary's when the introduction becomes one
    if (u.kinds.includes('timeline') || u.kinds.includes('actions')) { promoted.push(u); continue; }
    const parent: Unit = { ...u, body: [], src: [] };
    let cur = parent;
    promoted.push(parent);
    u.body.forEach((line, i) => {
      // the level-3 headings the scan reads (none inside code or comments)
      const h = level3.get(u.src[i]);
      const kinds = h ? headingKinds(h.text) : [];
      if (h && kinds.length && !kinds.includes(u.kind!) && !kinds.includes('timeline')) {
        cur = { heading: { text: h.text, level: 2, lines: [line] }, kind: kinds[0], kinds, body: [], src: [] };
        promoted.push(cur);
        return;
      }
      // the next sibling subsection is still the parent's ("### Tooling" after "### What went well"
      // under "## Lessons learned"): it stays in the parent, above the sections taken out of it
      if (h) cur = parent;
      cur.body.push(line); cur.src.push(u.src[i]);
    });
  }

  // ---- title and the incident's date
  const fmTitle = typeof fmData?.title === 'string' && fmData.title.trim() ? fmData.title.trim() : undefined;
  const h1Title = titleHeading ? plainText(titleHeading.text) : undefined;
  const fileTitle = options.fileName ? titleFromFileName(options.fileName) : undefined;
  const title = fmTitle ?? h1Title ?? fileTitle;

  // the review as the checks read it (parse/): its timeline entries and action items, the same recognition, no second splitter
  const parsed = parseReview(text);
  const timelineUnits = promoted.filter(u => u.kinds.includes('timeline'));
  const timelineLines = new Set(timelineUnits.flatMap(u => u.src));
  const timelineEntriesRead = parsed.timeline.filter(e => timelineLines.has(e.line));
  const firstStamp = firstTimelineStamp(timelineEntriesRead);
  const fmDate = dateOf(fmData?.date);
  const date = firstStamp?.day ?? (title ? /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(title)?.[0] : undefined) ?? fmDate ?? movedOf('date')?.iso;

  const existingId = typeof fmData?.id === 'string' && fmData.id.trim() ? fmData.id.trim() : undefined;
  const id = options.id ?? existingId ?? (date ? `INC-${date.slice(0, 4)}-${date.slice(5, 7)}${date.slice(8, 10)}` : 'INC-YYYY-NNN');
  const actionPrefix = options.actionIdPrefix ?? `CAP-${id.replace(/^INC-/i, '')}`;

  // ---- sections: convert the timeline and the actions, map the headings, keep the rest
  let actions = 0, newIds = 0, timelineEntries = 0;
  const parsedActions = parsed.actions;
  const takenIds = new Set(parsedActions.map(a => a.id).filter((x): x is string => !!x));
  for (const x of actionIdsIn(units.flatMap(u => u.body))) takenIds.add(x);
  const fields = options.actionFields ?? DEFAULT_FIELDS;
  const mapped: string[] = [];
  const kept: string[] = [];
  const byKind = new Map<SectionKind, Unit[]>();
  const present = new Set<SectionKind>();
  for (const u of promoted) {
    for (const k of u.kinds) present.add(k);
    // a heading naming several purposes ("Incident timeline and response") is kept as written, where it is
    if (u.kind && u.kinds.length === 1) { const list = byKind.get(u.kind) ?? []; list.push(u); byKind.set(u.kind, list); }
  }
  const converted = new Map<Unit, string[]>();
  for (const u of promoted) {
    if (u.kinds.includes('timeline')) {
      const r = convertTimelines ? convertTimeline(u, parsed.timeline) : { lines: [...u.body], entries: 0, note: undefined };
      // "What happened (times in CEST)" becomes "Timeline": the zone its parentheses declared is said in a line
      const zone = readHeadingDeclaration(u.heading?.text ?? '')?.zone;
      if (zone && u.heading && !keepsParenthesis(u) && !u.body.some(l => declaresZone(l))) {
        const lead = r.lines.findIndex(l => l.trim());
        r.lines.splice(lead < 0 ? r.lines.length : lead, 0, `All times in ${zone.text}.`, '');
      }
      timelineEntries += r.entries;
      if (r.note) notes.push(r.note);
      converted.set(u, r.lines);
    } else if (u.kinds.includes('actions')) {
      const r = convertActions(u, lines, parsedActions, actionPrefix, actions, fields, takenIds);
      actions += r.count;
      newIds += r.generated;
      converted.set(u, r.lines);
    } else {
      // items committed to outside the actions ("**TODO**: …", the list "to prevent this we made these
      // changes:" introduces): canonical items under an "### Action items" sub-heading where they start
      const inUnit = new Set(u.src);
      const first = parsedActions.find(a => inUnit.has(a.line));
      if (first && u.heading) {
        const at = u.src.indexOf(first.line);
        const head: Unit = { ...u, body: u.body.slice(0, at), src: u.src.slice(0, at) };
        const tail: Unit = { ...u, body: u.body.slice(at), src: u.src.slice(at) };
        const r = convertActions(tail, lines, parsedActions, actionPrefix, actions, fields, takenIds);
        actions += r.count;
        newIds += r.generated;
        const lead = trimBlankEnd(head.body);
        // a label line opens them, as the checks read labels; unless the text has one already ("**Action items:**")
        const before = lead.length ? /^\s*(?:\*\*|__)?([^*_]{2,60}?)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$/.exec(lead[lead.length - 1]) : null;
        const labelled = !!before && purposesOf(before[1]).includes('actions');
        converted.set(u, [...lead, ...(lead.length ? [''] : []), ...(labelled ? [] : ['**Action items:**', '']), ...r.lines]);
        if (!labelled) notes.push(`The action items under "${plainText(u.heading.text)}" are under an "Action items:" label.`);
      } else converted.set(u, u.body);
    }
  }

  const out: string[] = [];
  const hasSummary = present.has('summary');
  const done = new Set<Unit>();
  for (const u of promoted) {
    if (done.has(u)) continue;
    done.add(u);
    if (!u.heading) {
      // the preamble: the H1 and the introduction; without a Summary section the introduction is the summary
      const body = converted.get(u)!;
      if (!titleHeading && title && !fmTitle) { /* no H1: one is added below the front matter */ }
      const introStart = titleHeading ? body.findIndex(l => l === lines[titleHeading!.line]) + (titleHeading.setext ? 2 : 1) : 0;
      const before = body.slice(0, Math.max(0, introStart));
      const intro = body.slice(Math.max(0, introStart));
      out.push(...before);
      if (!titleHeading && title) {
        if (out.length && out[out.length - 1].trim()) out.push('');
        out.push(`# ${title}`, '');
        while (intro.length && !intro[0].trim()) intro.shift();
      }
      if (!hasSummary && hasProse(intro)) {
        // comments ("<!-- source: … -->") stay above the heading
        const lead = intro.findIndex(l => l.trim() !== '' && !/^\s*<!--[\s\S]*-->\s*$/.test(l));
        out.push(...intro.slice(0, lead));
        if (out.length && out[out.length - 1].trim()) out.push('');
        out.push('## Summary', '');
        out.push(...intro.slice(lead));
        notes.push('The introduction became the Summary.');
      } else out.push(...intro);
      continue;
    }
    if (!u.kind) {
      out.push(...u.heading.lines, ...converted.get(u)!);
      kept.push(plainText(u.heading.text));
      continue;
    }
    if (u.kinds.length > 1) {
      out.push(`## ${u.heading.text}`, ...converted.get(u)!);
      continue;
    }
    const spec = sectionSpec(u.kind);
    const paren = /\s*(\([^)]*\))\s*:?\s*$/.exec(u.heading.text);
    const canonical = `## ${spec.title}${paren && keepsParenthesis(u) ? ` ${paren[1]}` : ''}`;
    const group = byKind.get(u.kind)!;
    if (!sameHeading(u.heading.text, spec.title)) mapped.push(`"${plainText(u.heading.text)}" → "${spec.title}"`);
    out.push(canonical);
    if (group.length === 1) { out.push(...converted.get(u)!); continue; }
    // the same section written more than once: one heading, each part under its own
    for (const part of group) {
      done.add(part);
      const same = sameHeading(part.heading!.text, spec.title);
      if (part !== u && !same) mapped.push(`"${plainText(part.heading!.text)}" → "${spec.title}"`);
      if (out[out.length - 1].trim()) out.push('');
      if (!same) out.push(`### ${part.heading!.text}`);
      out.push(...trimBlankEnd(converted.get(part)!).filter((l, i) => same ? i > 0 || l.trim() !== '' : true), '');
    }
    notes.push(`${group.map(p => `"${plainText(p.heading!.text)}"`).join(' and ')} are kept together under "${spec.title}".`);
  }

  // ---- front matter
  let fmOut: string[];
  let fmState: ImportResult['stats']['frontMatter'];
  const severity = findSeverity(text.replace(/^# [a-z_]+: .*\(the original (?:does not say|has no title)\)$/gm, ''), severities);
  const add: string[] = [];
  // a key counts as there when it is set, or when an earlier import left its commented hint
  const has = (k: string) => fmData !== undefined && (k in fmData || (fmLines ?? []).some(l => l.startsWith(`# ${k}: `)));
  if (!has('id')) add.push(`id: ${yamlScalar(id)}`);
  if (!has('title')) add.push(title ? `title: ${yamlScalar(title)}` : '# title: what broke, in one line (the original has no title)');
  if (!has('status')) add.push('status: draft');
  const sevLine = movedOf('severity');
  if (sevLine && !has('severity')) {
    // "Severity: Medium" is not one of the team's: the author chooses; the original's word stays beside the key
    add.push(sevLine.yaml ? `severity: ${sevLine.yaml}` : `# severity: one of ${severities.join(', ')} (the original says ${JSON.stringify(sevLine.value)})`);
    if (!sevLine.yaml) notes.push(`The severity "${sevLine.value}" is not one of the team's severities: choose one (the front matter has the original's word).`);
  } else if (!has('severity')) add.push(severity ? `severity: ${yamlScalar(severity)}` : `# severity: one of ${severities.join(', ')} (the original does not say)`);
  const dateLine = movedOf('date');
  if (dateLine && !has('date')) {
    add.push(`date: ${dateLine.yaml}`);
    if (dateLine.why) notes.push(dateLine.why);
  }
  if (!has('major')) add.push('# major: true or false (the original does not say)');
  if (!has('started') && firstStamp?.utc) add.push(`started: ${firstStamp.utc}`);
  for (const [key, iso] of milestoneStamps(timelineEntriesRead)) if (!has(key)) add.push(`${key}: ${iso}`);
  // an "Authors: Ana, Bo" line (bold or not) moves to the front matter
  const authorsLine = movedOf('authors');
  if (!has('authors') && authorsLine) add.push(`authors: [${authorsLine.names!.map(n => yamlScalar(n)).join(', ')}]`);
  else if (!has('authors') && fmData && (typeof fmData.author === 'string' || Array.isArray(fmData.authors) === false && typeof fmData.author === 'string')) {
    add.push(`authors: [${yamlScalar(String(fmData.author))}]`);
  }
  if (fmLines && fmData) {
    fmOut = [...fmLines, ...add];
    fmState = add.length ? 'extended' : 'kept';
  } else if (fmLines) {
    // front matter we cannot read: kept exactly as written
    fmOut = fmLines;
    fmState = 'kept';
    notes.push('The front matter is not a YAML mapping; it is kept as written.');
  } else {
    fmOut = add;
    fmState = 'generated';
  }

  // ---- notes on what is left
  if (mapped.length) notes.unshift(`Renamed ${mapped.length === 1 ? 'a section' : `${mapped.length} sections`}: ${mapped.join(', ')}.`);
  if (kept.length) notes.push(`Kept as written (not sections of the format): ${kept.map(k => `"${k}"`).join(', ')}.`);
  if (actions) notes.push(`${actions} action item${actions === 1 ? '' : 's'} now ${actions === 1 ? 'has' : 'have'} placeholder fields${newIds ? ` and ${newIds} a new ID (${actionPrefix}-…)` : ''}: fill in the owners, dates and validation.`);
  const missing = ['summary', 'impact', 'timeline', 'response', 'root-cause', 'contributing-factors', 'went-well', 'went-poorly', 'lucky', 'lessons', 'actions']
    // a purpose written as a bold label ("**Impact:** …", as the SRE template does) is in the original, kept as written
    .filter(k => !present.has(k as SectionKind) && !parsed.sections.some(s => s.label && s.kinds.includes(k as SectionKind)) && !(k === 'summary' && notes.some(n => n.includes('became the Summary'))))
    .map(k => sectionSpec(k as SectionKind).title);
  if (missing.length) notes.push(`Not in the original: ${missing.join(', ')}.`);

  const body = out.join('\n').replace(/^\n+/, '');
  const result = ['---', ...fmOut, '---', '', body].join('\n').replace(/\n*$/, '\n');
  return {
    result: {
      text: eol === '\n' ? result : result.replace(/\n/g, eol),
      id, title, date, notes,
      stats: { mappedSections: mapped.length, keptSections: kept.length, actions, timelineEntries, frontMatter: fmState },
    },
    original: parsed.timeline,
  };
}

// ---------------------------------------------------------------- timeline

const TRIVIAL_TIME_HEADER = /^(time|date|day|timestamp|when|date\/time|date and time|date & time|datetime|time\/date|)$/i;
const TRIVIAL_EVENT_HEADER = /^(event|events|description|what happened|what|details|action|activity|notes?|)$/i;


/**
 * The timeline part with the entries the checks read (parse/timeline.ts, on the blocks the parser
 * splits: parse/markdown.ts) written as list items, one per entry: a table whose every row is an
 * entry becomes a list (a Date column's date before the time, the other cells after it); a
 * paragraph's lines and `<br>` parts that start with a stamp each start an item, the lines that
 * continue an entry stay under it; a `### 09:49` heading with a paragraph under it becomes one item.
 * Stamps are kept as written. Everything else (lists, quotes, code, raw HTML, prose without
 * stamps, a table with a row that is no entry) is kept as written.
 */
function convertTimeline(u: Unit, all: TimelineEntry[]): { lines: string[]; entries: number; note?: string } {
  const body = u.body;
  const lineOf = new Map<number, number>(u.src.map((l, i) => [l, i]));
  const at = new Map<number, TimelineEntry[]>();
  for (const e of all) {
    const i = lineOf.get(e.line);
    if (i === undefined) continue;
    const list = at.get(i) ?? [];
    list.push(e);
    at.set(i, list);
  }
  const out: string[] = [];
  let tables = 0, zoneless = 0, entries = 0;
  for (const list of at.values()) for (const e of list) { entries++; if (e.stamp.time && !e.zone) zoneless++; }
  const nodes = parseMarkdown(body.join('\n')).children;
  const hasEntry = (a: number, b: number, timed = false) => { for (let i = a; i <= b; i++) if (at.get(i)?.some(e => !timed || e.stamp.time)) return true; return false; };
  let cursor = 0;
  let lastEntryPara = false;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (!node.position) continue;
    const a = node.position.start.line - 1, b = node.position.end.line - 1;
    if (a < cursor) continue;
    // entries written a paragraph each: one list, without the blank lines between them
    const entryPara = node.type === 'paragraph' && hasEntry(a, b, true);
    const gap = body.slice(cursor, a);
    if (!(entryPara && lastEntryPara && gap.every(l => !l.trim()) && at.get(a)?.some(e => e.range.start.character === 0 && e.stamp.time))) out.push(...gap);
    lastEntryPara = entryPara;
    cursor = b + 1;
    if (node.type === 'table' && b >= a + 2) {
      const rows = body.slice(a + 2, b + 1);
      const es = rows.map((_, k) => at.get(a + 2 + k)?.find(e => e.form === 'table'));
      if (es.every(e => e)) {
        tables++;
        const header = splitTableRow(body[a]).cells;
        const cellAt = (cells: TableCell[], ch: number) => cells.findIndex(c => ch >= c.start && ch <= c.end);
        const lead: string[] = [];
        const items = rows.map((row, k) => {
          const e = es[k]!;
          const cells = splitTableRow(row).cells;
          const s = cellAt(cells, e.stampRange.start.character);
          // a Date column gives the row's date: written before the time, as the parser read it
          const d = e.date && !e.stamp.date ? cells.findIndex((c, i) => {
            if (i === s) return false;
            const st = readStamp(c.raw);
            return !!st?.date && !st.time && st.date.year !== undefined && formatYmd({ year: st.date.year, month: st.date.month, day: st.date.day }) === formatYmd(e.date!) && c.raw.slice(st.end).replace(/[\s*_`]/g, '') === '';
          }) : -1;
          if (k === 0) {
            const names = header.map(c => c.raw.replace(/\*\*|__|`/g, '').trim());
            const timeHeader = [d, s].filter(i => i >= 0).map(i => names[i] ?? '').join(' ');
            const zone = readHeadingDeclaration(names[s] ?? '')?.zone;
            const rest = names.filter((_, i) => i !== s && i !== d);
            if (zone) lead.push(`All times in ${zone.text} (the original table's "${timeHeader}" column).`, '');
            const trivial = [s, d].filter(i => i >= 0).every(i => TRIVIAL_TIME_HEADER.test((names[i] ?? '').replace(/\s*\([^)]*\)\s*/, ''))) && rest.every(h => TRIVIAL_EVENT_HEADER.test(h)) && rest.length <= 1;
            if (!trivial) lead.push(`Columns of the original table: ${names.filter(Boolean).join(' · ')}.`, '');
          }
          const stamp = `${d >= 0 ? cells[d].raw + ' ' : ''}${cells[s].raw}`;
          const others = cells.filter((c, i) => i !== s && i !== d && c.raw !== '').map(c => c.raw);
          return `- ${stamp}${others.length ? ` — ${others.join(' — ')}` : ''}`;
        });
        out.push(...lead, ...items);
        continue;
      }
    }
    if (node.type === 'paragraph' && hasEntry(a, b, true)) {
      out.push(...paragraphEntries(body, a, b, at));
      continue;
    }
    if (node.type === 'heading' && node.depth >= 3 && at.get(a)?.some(e => e.form === 'heading' && e.stamp.time)) {
      // "### 09:14" and the text under it, up to the next heading: one item when no other entry is there (a day's heading, "### 2016-11-02", stays)
      let m = n + 1;
      while (m < nodes.length && nodes[m].type !== 'heading') m++;
      // a rule ("---") closing the part stays where it is, outside the entry
      while (m > n + 1 && nodes[m - 1].type === 'thematicBreak') m--;
      const end = m < nodes.length ? nodes[m].position!.start.line - 2 : body.length - 1;
      const first = nodes[n + 1];
      if (!hasEntry(a + 1, end) && (!first || first.type === 'paragraph' || first.type === 'heading')) {
        const headText = /^ {0,3}#{3,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(body[a])?.[1] ?? body[a];
        const st = readStamp(headText);
        let line = `- ${headText.trim()}`;
        let restFrom = a + 1;
        if (first?.type === 'paragraph' && first.position) {
          const fa = first.position.start.line - 1, fb = first.position.end.line - 1;
          const para = body.slice(fa, fb + 1).map(l => l.trim()).join(' ');
          const onlyStamp = !!st && !headText.slice(st.end).replace(/[\s*_\])|:—–-]/g, '');
          line += onlyStamp ? ` — ${para}` : `: ${para}`;
          restFrom = fb + 1;
        }
        out.push(line);
        const rest = trimBlankEnd(body.slice(restFrom, end + 1));
        const r0 = rest.findIndex(l => l.trim());
        if (r0 >= 0) out.push('', ...rest.slice(r0).map(l => l.trim() ? `  ${l}` : ''));
        out.push('');
        cursor = end + 1;
        n = m - 1;
        continue;
      }
    }
    out.push(...body.slice(a, b + 1));
  }
  out.push(...body.slice(cursor));
  let note = tables ? `Turned ${tables === 1 ? 'a timeline table' : `${tables} timeline tables`} into a list; stamps are kept as written.` : undefined;
  if (zoneless) note = `${note ? note + ' ' : ''}${zoneless} timeline stamp${zoneless === 1 ? ' has' : 's have'} no zone: the non-utc-timestamp quick fix converts ${zoneless === 1 ? 'it' : 'them'} to UTC once the zone is known (nothing was assumed).`;
  return { lines: collapseBlankRuns(out), entries, note };
}

/**
 * A paragraph holding entries as list items: each line or `<br>` part where the parser starts an
 * entry starts an item (the `<br>` before it goes: the item is the break); the lines between
 * continue the item above, or stay a paragraph before the first item.
 */
function paragraphEntries(body: string[], a: number, b: number, at: Map<number, TimelineEntry[]>): string[] {
  const segs: { text: string; entry: boolean; timed?: boolean }[] = [];
  for (let i = a; i <= b; i++) {
    const line = body[i];
    const starts = [...new Set((at.get(i) ?? []).map(e => e.range.start.character))].sort((x, y) => x - y);
    if (!starts.length || starts[0] > 0) segs.push({ text: line.slice(0, starts[0] ?? line.length), entry: false });
    starts.forEach((s, k) => segs.push({ text: line.slice(s, starts[k + 1] ?? line.length), entry: true, timed: (at.get(i) ?? []).some(e => e.range.start.character === s && e.stamp.time) }));
  }
  const before: string[] = [];
  const items: string[] = [];
  segs.forEach((g, k) => {
    let t = g.text.trim();
    if (segs[k + 1]?.entry) t = t.replace(/\s*<br\s*\/?>\s*$/i, '');
    if (!t) return;
    // a day's line ("2016-11-08") before the first timed entry stays a line above the list
    if (g.entry && (items.length || g.timed)) items.push(`- ${t}`);
    else if (items.length) items.push(`  ${t}`);
    else before.push(t);
  });
  return before.length ? [...before, '', ...items] : items;
}

// ---------------------------------------------------------------- actions



/**
 * The actions section with each action item the checks read (parse/actions.ts: list and task items,
 * table rows in any column order, committed paragraphs) rewritten as a canonical task item with an
 * ID: its state ([x] when done, a `status` field when in progress), its fields kept, the required
 * ones added as placeholders, a single link as its tracking field; sub-tasks and notes stay nested
 * under it. A table of items becomes the items (its header and delimiter rows go). Everything else
 * is kept as written.
 */
function convertActions(u: Unit, source: string[], parsed: ActionItem[], prefix: string, startAt: number, required: string[], taken: Set<string>): { lines: string[]; count: number; generated: number } {
  const out: string[] = [];
  let count = 0, generated = 0;
  // a new ID is the next number no item of the document uses (an item may already carry CAP-…-2)
  let next = startAt;
  const newId = () => { do next++; while (taken.has(`${prefix}-${next}`)); taken.add(`${prefix}-${next}`); generated++; return `${prefix}-${next}`; };
  const inUnit = new Set(u.src);
  const byLine = new Map(parsed.filter(a => inUnit.has(a.line)).map(a => [a.line, a]));
  // the header and delimiter rows of the tables whose rows are items
  const drop = new Set<number>();
  for (const a of byLine.values()) {
    if (a.form !== 'table' || byLine.get(a.line - 1)?.form === 'table') continue;
    if (isDelimiterRow(source[a.line - 1] ?? '')) { drop.add(a.line - 1); drop.add(a.line - 2); }
  }
  for (let i = 0; i < u.body.length; i++) {
    const l = u.src[i];
    if (drop.has(l)) continue;
    const item = byLine.get(l);
    if (!item) { out.push(u.body[i]); continue; }
    let last = i;
    while (last + 1 < u.body.length && u.src[last + 1] <= item.lastLine) last++;
    const fieldLines = new Set([...item.fields.values()].map(f => f.line));
    // the item's line as written: fields written after its title ("… (owner: @ana)") stay in it
    let title = item.form === 'list' || item.form === 'task' ? (source[item.line] ?? '').slice(item.titleRange.start.character).trim() || item.title : item.title;
    const rest: string[] = [];
    if (item.form === 'list' || item.form === 'task') {
      const li = LIST_ITEM.exec(u.body[i]);
      const contentIndent = li ? li[1].length + li[2].length + Math.min(li[3].length || 1, 4) : 2;
      // continuation lines of the first paragraph join the title; the rest is kept below it
      let k = i + 1;
      while (k <= last && u.body[k].trim() && !LIST_ITEM.test(u.body[k].trimStart())) { title += ' ' + u.body[k].trim(); k++; }
      for (; k <= last; k++) if (!fieldLines.has(u.src[k])) rest.push(reindent(u.body[k], contentIndent, '  '));
      while (rest.length && !rest[rest.length - 1].trim()) rest.pop();
    }
    title = title.replace(/\s+/g, ' ').trim();
    const id = item.id ?? newId();
    count++;
    const fieldsOut: string[] = [];
    const urls = [...title.matchAll(/https?:\/\/[^\s)<>\]"'|]+/g)].map(x => x[0]);
    // the item's own fields as written, in their order; then the required ones it lacks, as placeholders
    let statusLink: string | undefined;
    for (const f of [...item.fields.values()].sort((x, y) => x.line - y.line || x.range.start.character - y.range.start.character)) {
      if (f.key === 'title' || f.key === 'id' || !f.value.trim()) continue;
      if (f.key === 'status') {
        // the state as the box says it goes; any other word ("FAILED") stays, without its emphasis
        const v = f.value.trim().replace(/^[*_`]+|[*_`]+$/g, '').trim();
        const link = /^<?(https?:\/\/[^\s<>]+)>?$/.exec(v);
        // a link where the state goes is the item's ticket or pull request
        if (link && !item.fields.get('tracking')?.value.trim()) { statusLink = link[1]; continue; }
        if (item.status === 'done' && statusOf(undefined, v) === 'done') continue;
        if (item.status === 'open' && /^(open|todo|to[ -]do|not[ -]started|new|planned|pending)$/i.test(v)) continue;
        fieldsOut.push(`  - status: ${v}`);
        continue;
      }
      fieldsOut.push(`  - ${f.key}: ${f.value.trim()}`);
    }
    for (const key of required) {
      if (item.fields.get(key)?.value.trim()) continue;
      let v = own(PLACEHOLDER, key) ?? key;
      if (key === 'tracking' && statusLink) v = statusLink;
      else if (key === 'tracking' && urls.length === 1) v = urls[0];
      if (key === 'owner') { const o = /\bowner(?:\*\*|__|[*_])?\s*:?\s*(?:\*\*|__|[*_])?\s*(@[\w./-]+)/i.exec(title) ?? /\((@[\w./-]+)\)/.exec(title); if (o) v = o[1]; }
      if (key === 'due') { const d = /\b(?:due|by)\s*:?\s*(\d{4}-\d{2}-\d{2})\b/i.exec(title); if (d) v = d[1]; }
      fieldsOut.push(`  - ${key}: ${v}`);
    }
    if (!item.fields.has('status') && (item.status === 'in-progress' || item.status === 'blocked' || item.status === 'wont-do')) fieldsOut.push(`  - status: ${item.status}`);
    if (!required.includes('tracking') && !item.fields.get('tracking')?.value.trim() && (statusLink || urls.length === 1)) fieldsOut.push(`  - tracking: ${statusLink ?? urls[0]}`);
    // an item right after raw HTML or a paragraph would be read as part of it
    const prev = out.length ? out[out.length - 1] : '';
    if (prev.trim() && !/^(- \[[ x]\] |  )/.test(prev)) out.push('');
    out.push(`- [${item.status === 'done' ? 'x' : ' '}] ${id}: ${title}`, ...fieldsOut, ...rest);
    if (item.form === 'paragraph' && last + 1 < u.body.length && u.body[last + 1].trim()) out.push('');
    i = last;
  }
  return { lines: out, count, generated };
}

/** The IDs the document's list items already carry (`- CAP-7: …`, `- [ ] **CAP-7** …`). */
function actionIdsIn(lines: string[]): Set<string> {
  const ids = new Set<string>();
  for (const l of lines) {
    const li = readListItem(l);
    const id = li && readLeadingId(li.content);
    if (id) ids.add(id.id);
  }
  return ids;
}

function reindent(line: string, from: number, to: string): string {
  if (!line.trim()) return '';
  const lead = line.length - line.trimStart().length;
  return to + ' '.repeat(Math.max(0, lead - from)) + line.trimStart();
}

// ---------------------------------------------------------------- front matter facts

/** A label line of the header that goes to the front matter: "**Date:** 11 December 2025", "Severity: SEV2", "Authors: Ana, Bo". */
const META_LINE = /^ {0,3}(?:\*\*|__)?(Authors?|(?:Incident\s+)?Date|Date of (?:the )?incident|Severity|Sev)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*(.+?)[ \t]*(?:<br\s*\/?>)?[ \t]*$/i;

interface MovedLine {
  line: number;
  key: 'authors' | 'date' | 'severity';
  value: string;
  /** the front matter value (YAML); undefined for a severity that is not one of the team's */
  yaml?: string;
  names?: string[];
  /** a date line's ISO date, when it is certain */
  iso?: string;
  /** why a date is kept as written */
  why?: string;
}

/** What a header line says, when it says it plainly: names, a date (and nothing else), a short severity. */
function readMetaLine(key: MovedLine['key'], value: string, severities: string[]): Omit<MovedLine, 'line' | 'key'> | undefined {
  if (!value) return undefined;
  if (key === 'authors') {
    const names = value.split(/\s*(?:,|;|&|\band\b)\s*/).map(n => n.replace(/[*_`]/g, '').trim()).filter(n => n && !/^<.*>$/.test(n));
    return names.length && names.every(n => n.length <= 60) ? { value, names } : undefined;
  }
  if (key === 'date') {
    const st = readStamp(value);
    const d = st?.date;
    // a date and nothing else ("11 December 2025", "2025/12/04"): a window or a time stays in the text
    if (!st || !d || d.year === undefined || d.impossible || st.time || st.start > 0 || value.slice(st.end).replace(/[\s*_.,]/g, '') !== '') return undefined;
    if (d.alternative) return { value, yaml: yamlScalar(value), why: `The date "${value}" reads both day-first and month-first: it is in the front matter as written.` };
    const iso = formatYmd({ year: d.year, month: d.month, day: d.day });
    return { value, yaml: iso, iso };
  }
  if (value.length > 40 || /[.!?]\s/.test(value)) return undefined;
  const n = /^(?:sev(?:erity)?[\s-]*)?(\d)$/i.exec(value)?.[1];
  const team = severities.find(s => s.toLowerCase() === value.toLowerCase() || (n !== undefined && /\d/.exec(s)?.[0] === n && /^sev/i.test(s)));
  return { value, yaml: team ? yamlScalar(team) : undefined };
}

/**
 * The day of the first timeline entry with a date, and when impact began: the entry tagged
 * `[started]`, else the first one with a time, when its stamp carries UTC itself.
 */
function firstTimelineStamp(entries: TimelineEntry[]): { day: string; utc?: string } | undefined {
  const e = entries.find(x => x.date);
  if (!e?.date) return undefined;
  const tagged = entries.find(x => x.stamp.time && x.tags.some(t => t.milestone === 'started'));
  const timed = tagged ?? entries.find(x => x.stamp.time);
  return { day: formatYmd(e.date), utc: timed && utcIso(timed) };
}

/** `[detected]`, `[mitigated]`, `[resolved]` entries whose instant is certain in UTC. */
function milestoneStamps(entries: TimelineEntry[]): [string, string][] {
  const out: [string, string][] = [];
  for (const e of entries) {
    const tag = e.tags.find(t => t.milestone !== 'started');
    const iso = tag && utcIso(e);
    if (tag && iso && !out.some(o => o[0] === tag.milestone)) out.push([tag.milestone, iso]);
  }
  return out;
}

/** The entry's instant as an ISO UTC stamp, when its stamp carries UTC itself (`14:02 UTC`, `…Z`) and it has a date. */
function utcIso(e: TimelineEntry): string | undefined {
  if (!e.date || !e.stamp.time || e.zoneSource !== 'stamp' || e.zone?.kind !== 'utc' || e.stamp.timeCount > 1 || e.stamp.relative) return undefined;
  const t = e.stamp.time;
  return `${formatYmd(e.date)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second ?? 0)}Z`;
}

function findSeverity(text: string, severities: string[]): string | undefined {
  const m = /\bsev(?:erity)?[\s:-]*\**\s*(?:level\s*)?(SEV[- ]?\d|\d)\b/i.exec(text) ?? /\b(SEV[- ]?\d)\b/i.exec(text);
  if (!m) return undefined;
  const n = /\d/.exec(m[1])?.[0];
  const candidates = [m[1], `SEV${n}`, `Sev${n}`, `SEV-${n}`];
  return severities.find(s => candidates.some(c => c.toLowerCase() === s.toLowerCase()));
}

function dateOf(v: unknown): string | undefined {
  const d = leadingYmd(v);
  return d && formatYmd(d);
}

// ---------------------------------------------------------------- text helpers

/** A heading one level down, as an ATX heading ("## Short term" → "### Short term"; a setext one written anew). */
function demoted(h: { level: number; text: string; setext: boolean }, line: string): string {
  return h.setext ? `${'#'.repeat(h.level + 1)} ${h.text}` : line.replace(/^( {0,3})(#+)/, '$1#$2');
}

/** Heading text without Markdown emphasis, code ticks or link syntax. */
function sameHeading(heading: string, canonical: string): boolean {
  return normalizeHeading(heading.replace(/\s*\([^)]*\)\s*:?\s*$/, '')) === normalizeHeading(canonical);
}

function plainText(s: string): string {
  return s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}

function titleFromFileName(name: string): string | undefined {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.(pir\.)?(md|markdown|mdown|txt)$/i, '').replace(/^\d{4}-\d{2}-\d{2}[-_ ]*/, '');
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : undefined;
}

function hasProse(lines: string[]): boolean {
  const t = lines.join('\n').replace(/<!--[\s\S]*?-->/g, '').trim();
  return t.length > 0;
}

function trimBlankEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && !out[out.length - 1].trim()) out.pop();
  return out;
}

/** At most one blank line in a row (a leading one is kept: it follows the heading). */
function collapseBlankRuns(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (l.trim() || !out.length || out[out.length - 1].trim()) out.push(l.trim() ? l : '');
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
