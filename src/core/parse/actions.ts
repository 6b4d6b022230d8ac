import type { List, ListItem, Table, TableRow, RootContent } from 'mdast';
import type { ActionField, ActionItem, ActionStatus, Review, Section } from '../model';
import type { Range } from '../types';
import { purposesFromText } from './sections';
import { canonicalField, readFieldLine, readInlineFields, readLeadingId, statusOf } from '../format/actionItem';
import { isListItem, readListItem } from '../format/listItem';
import { cellValue, splitTableRow } from '../format/table';

export { canonicalField, statusOf } from '../format/actionItem';

/**
 * The action items of a review: list and task-list items, table rows (any column order, the title
 * from an Action/Item/Task column) and paragraphs the authors commit to under an actions purpose,
 * plus `**TODO**:`/`**DONE**:` paragraphs and the list a sentence such as "To prevent this in the
 * future we made these changes:" introduces, wherever they stand (`others`: the other parts).
 * Nested list items are part of their parent (fields or sub-tasks). A paragraph ending with a colon
 * introduces items and is none; a legend ("Types: Prevent – …") is none. The state comes from the
 * checkbox or status field, else the text ("(Done)", "✔️", "(in progress)", "~~…~~"), else the
 * sub-heading or label the item stands under ("Completed", "In progress", "Long-term").
 */
export function extractActions(review: Pick<Review, 'text' | 'lines'>, sections: Section[], others: Section[] = []): ActionItem[] {
  const out: ActionItem[] = [];
  const { lines, text } = review;
  const range = (a: number, b: number): Range => lines.range(a, b);

  const fromListItem = (item: ListItem, base: number) => {
    if (!item.position) return;
    const itemStart = base + item.position.start.offset!;
    const line = lines.positionAt(itemStart).line;
    const lineStart = lines.starts[line];
    const lineText = lines.lineText(line);
    const li = readListItem(lineText);
    if (!li) return;
    let col = li.contentCol;
    const checkboxRange: Range | undefined = li.checkbox && { start: { line, character: li.checkbox.col }, end: { line, character: li.checkbox.col + 3 } };
    const checked = li.checkbox?.checked;
    const lead = readLeadingId(li.content);
    let id: string | undefined; let idRange: Range | undefined;
    if (lead) {
      id = lead.id;
      const idCol = col + lead.idStart;
      idRange = { start: { line, character: idCol }, end: { line, character: idCol + id.length } };
      col += lead.end;
    }
    // fields written after the title on its line ("… — owner: @ana, due: 2026-12-01"): read, the field lines below win
    const inline = readInlineFields(lineText.slice(col));
    const titleEnd = inline ? col + inline.titleEnd : lineText.length;
    const title = lineText.slice(col, titleEnd).trim();
    const fields = new Map<string, ActionField>();
    let fieldIndent = ' '.repeat(li.markerEnd);
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      for (const sub of child.children) {
        if (!sub.position) continue;
        const fl = lines.positionAt(base + sub.position.start.offset!).line;
        const ft = lines.lineText(fl);
        const sli = readListItem(ft, true);
        fieldIndent = /^\s*/.exec(ft)![0];
        const f = sli && !sli.checkbox ? readFieldLine(ft.slice(sli.markerEnd)) : undefined;
        if (!f || !f.key || fields.has(f.key)) continue;
        const valueCol = sli!.markerEnd + f.valueStart;
        fields.set(f.key, {
          key: f.key, value: f.value, line: fl,
          range: { start: { line: fl, character: sli!.markerEnd }, end: { line: fl, character: ft.length } },
          valueRange: { start: { line: fl, character: valueCol }, end: { line: fl, character: valueCol + f.rawValue.length } },
        });
      }
    }
    for (const f of inline?.fields ?? []) {
      if (fields.has(f.key)) continue;
      const v = col + f.valueStart;
      const valueRange = { start: { line, character: v }, end: { line, character: v + f.rawValue.length } };
      fields.set(f.key, { key: f.key, value: f.value, line, range: valueRange, valueRange });
    }
    const end = base + item.position.end.offset!;
    const lastLine = lines.positionAt(end).line;
    out.push({
      form: li.checkbox ? 'task' : 'list', id, idRange, title,
      titleRange: { start: { line, character: col }, end: { line, character: col + lineText.slice(col, titleEnd).trimEnd().length } },
      line, range: range(lineStart, end), checked, checkboxRange,
      status: stateOf(checked, fields.get('status')?.value, title, group), fields, fieldIndent, lastLine,
    });
  };

  /** The first line of a list item after its marker. */
  const itemContent = (item: ListItem, base: number) => {
    if (!item.position) return '';
    return readListItem(lines.lineText(lines.positionAt(base + item.position.start.offset!).line))?.content ?? '';
  };

  /** A paragraph (or raw HTML paragraph) the authors commit to: the whole paragraph is the title. */
  const fromParagraph = (a: number, b: number, html: boolean) => {
    let raw = text.slice(a, b);
    let lead = 0;
    const m = PARAGRAPH_LEAD.exec(raw);
    if (m) lead = m[0].length;
    if (html) { const h = /^(?:\s*<[^>]+>\s*)*(?:\d{1,3}[a-z]?[.)]\s*)?(?:<\/[^>]+>\s*)*/i.exec(raw.slice(lead))!; lead += h[0].length; }
    raw = raw.slice(lead);
    let title = raw.replace(/\s*\n\s*/g, ' ');
    if (html) title = title.replace(/<[^>]+>/g, '');
    title = title.trim();
    if (!title || title.length > 1500) return;
    const line = lines.positionAt(a).line;
    const lastLine = lines.positionAt(Math.max(a, b - 1)).line;
    const state = m ? markerState(m[0]) : undefined;
    out.push({
      form: 'paragraph', title, titleRange: range(a + lead, b), line, range: range(lines.starts[line], b),
      status: state ?? stateOf(undefined, undefined, title, group), fields: new Map(), fieldIndent: '  ', lastLine,
    });
  };

  const fromTable = (table: Table, base: number) => {
    const [header, ...rows] = table.children as TableRow[];
    if (!header?.position) return;
    // cells are split by the format's GFM split, as the workspace index splits them
    const rowCells = (row: TableRow) => {
      const line = lines.positionAt(base + row.position!.start.offset!).line;
      return { line, start: lines.starts[line], cells: splitTableRow(lines.lineText(line)).cells };
    };
    const columns = rowCells(header).cells.map(c => canonicalField(c.raw.replace(/[*_`]/g, '')));
    if (!columns.includes('title')) return;
    for (const row of rows) {
      if (!row.position) continue;
      const { line, start, cells } = rowCells(row);
      const fields = new Map<string, ActionField>();
      let id: string | undefined; let idRange: Range | undefined;
      let title = ''; let titleRange: Range | undefined;
      cells.forEach((c, i) => {
        const key = columns[i];
        if (!key) return;
        const a = start + c.contentStart, b = start + c.contentEnd;
        const r = range(a, b);
        if (key === 'title') {
          const lead = readLeadingId(c.raw);
          if (lead && !id) { id = lead.id; const s = a + lead.idStart; idRange = range(s, s + id.length); title = cellValue(c.raw.slice(lead.end)); titleRange = range(a + lead.end, b); }
          else { title = cellValue(c.raw); titleRange = r; }
        } else if (key === 'id') {
          if (c.raw) { id = cellValue(c.raw).replace(/[*`]/g, ''); idRange = r; }
        } else if (!fields.has(key)) {
          fields.set(key, { key, value: cellValue(c.raw), line, range: r, valueRange: r });
        }
      });
      // without a Status column the SRE template writes the state after the bug: "Bug 4410 **DONE**", "n/a TODO"
      const bug = fields.has('status') ? undefined : fields.get('tracking');
      const trail = bug && TRAILING_STATE.exec(bug.value);
      const noted = trail ? statusOf(undefined, trail[1]) : undefined;
      if (bug && trail) bug.value = bug.value.slice(0, trail.index);
      out.push({
        form: 'table', id, idRange, title: title.trim(), titleRange: titleRange ?? lines.lineRange(line), line,
        range: lines.lineRange(line), status: noted ?? stateOf(undefined, fields.get('status')?.value, title, group), fields,
        fieldIndent: '', lastLine: line,
      });
    }
  };

  // whether an item found since `from` is written in the format (an ID, a checkbox, fields or columns); each item is looked at once
  let lookedAt = 0, lastStructured = -1;
  const structured = (from: number) => {
    for (; lookedAt < out.length; lookedAt++) { const a = out[lookedAt]; if (a.id || a.checkboxRange || a.fields.size) lastStructured = lookedAt; }
    return lastStructured >= from;
  };

  let group: ActionStatus | undefined;
  for (const s of sections) {
    const base = lines.starts[s.bodyStartLine] ?? text.length;
    // "### Completed", "**In progress:**", "### Long-term": the state of the items below
    group = undefined;
    for (let p: Section | undefined = s; p && p.kinds.includes('actions') && group === undefined; p = p.parent) group = groupState(p.heading);
    const nodes = s.blocks().children as RootContent[];
    // where the authors wrote a list or table of the items, a paragraph beside it is an item only
    // when it is one sentence (not a summary of the list: "These changes …") or commits the team
    const listed = nodes.some(n => n.type === 'list' || n.type === 'table');
    // under a heading whose first purpose is another ("Lessons learned and actions taken"), a list
    // its introduction presents as something else ("We take security seriously:") holds no items
    const mixed = s.kind !== 'actions';
    let seenList = false;
    const sectionStart = out.length;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node.type === 'list' || node.type === 'table') seenList = true;
      if (node.type === 'list') {
        const prev = nodes[i - 1];
        const intro = mixed && prev?.type === 'paragraph' && prev.position ? text.slice(base + prev.position.start.offset!, base + prev.position.end.offset!) : undefined;
        if (intro !== undefined && /:\s*(\*\*|__)?\s*$/.test(intro) && !introducesActions(intro)) continue;
        for (const item of (node as List).children) fromListItem(item, base);
      }
      else if (node.type === 'table') fromTable(node as Table, base);
      else if ((node.type === 'paragraph' || node.type === 'html') && node.position) {
        const a = base + node.position.start.offset!, b = base + node.position.end.offset!;
        const raw = text.slice(a, b);
        const label = groupLabel(raw);
        if (label !== undefined) { group = label ?? group; continue; }
        if (node.type === 'html') {
          // raw HTML paragraphs, one per <p> line: "<p><i>1b.</i> Set up a standby web server."
          if (!/^\s*<(p|div)\b/i.test(raw)) continue;
          const starts = [...raw.matchAll(/^[ \t]*<p\b/gim)].map(m => a + m.index!);
          starts.forEach((p, k) => { const e = k + 1 < starts.length ? starts[k + 1] - 1 : b; if (isCommitment(text.slice(p, e), undefined)) fromParagraph(p, e, true); });
          continue;
        }
        const m = PARAGRAPH_LEAD.exec(raw);
        if (m && markerState(m[0])) { fromParagraph(a, b, false); continue; }
        if (!isCommitment(raw, nodes[i + 1])) continue;
        // beside a list or table: after it, one sentence that is not a summary of it, or the team committing itself
        const one = sentenceCount(raw) === 1;
        // items written in the format (an ID, a checkbox, fields or columns) leave the prose beside them a note
        if (listed && (!seenList || structured(sectionStart) || !((one && !SUMMARY_LEAD.test(raw)) || WE_COMMIT.test(raw)))) continue;
        // under a heading whose first purpose is another ("Lessons learned and actions taken"), only a sentence that commits or states a change made
        if (mixed && !COMMITS.test(raw) && !CHANGE_MADE.test(raw)) continue;
        // a paragraph written one sentence per line, several of them commitments: an item per commitment
        const split = listed ? [] : commitmentLines(raw);
        if (split.length > 1) { for (const [x, y] of split) fromParagraph(a + x, a + y, false); continue; }
        // beside a list, the item of a longer paragraph is what the team commits to; the sentences before it are context
        fromParagraph(listed && !one ? a + committingSentenceStart(raw) : a, b, false);
      }
    }
  }
  for (const s of others) {
    // "**TODO**: …" and "**DONE**: …" paragraphs commit to an item wherever they stand;
    // "To prevent this in the future, we have made these changes:" makes the list below it action items
    if (!mayHoldItems(s)) continue;
    const base = lines.starts[s.bodyStartLine] ?? text.length;
    const nodes = s.blocks().children as RootContent[];
    group = undefined;
    const plan = !s.kinds.length && s.level >= 2 && !s.label && !NOT_A_PLAN.test(s.heading);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      // under a heading naming no purpose ("Supporting information"), a list whose items are
      // mostly things to do ("Document …", "Define …") is the authors' list of next steps
      if (plan && node.type === 'list' && isPlanList(node as List, item => itemContent(item, base))) { for (const item of (node as List).children) fromListItem(item, base); continue; }
      if (node.type !== 'paragraph' || !node.position) continue;
      const a = base + node.position.start.offset!, b = base + node.position.end.offset!;
      const raw = text.slice(a, b);
      const m = PARAGRAPH_LEAD.exec(raw);
      if (m && markerState(m[0])) { fromParagraph(a, b, false); continue; }
      const next = nodes[i + 1];
      // "The team will address the following items before the next upgrade:", or under a heading
      // naming no purpose, a paragraph whose last sentence names the next steps the list gives
      if (next?.type === 'list' && (/:\s*(\*\*|__)?\s*$/.test(raw) ? introducesActions(raw) : !s.kinds.length && namesNextSteps(lastSentence(raw)))) {
        for (const item of (next as List).children) fromListItem(item, base);
        i++;
      }
    }
  }
  out.sort((x, y) => x.line - y.line);
  return out;
}

/** Words of a commitment: what will, should or must be done. */
const COMMITS = /\b(will|should|shall|must|need(s)? to|plan(s|ned)? to|going to|we'll|we're (adding|working)|to ?do|would (be useful|help)|could have)\b/i;

/** The team committing itself, in any sentence of a paragraph: "We plan to …", "Once it completes we will …". */
const WE_COMMIT = /\b(we|the team)( (also|then|now|still|first|next))? ?('ll| will| shall| plan to| are planning to| are going to| intend to| need to| must| are (adding|working on|changing|moving))\b/i;

/** A change the team states it made: "we also took action to …", "we have introduced …". */
const CHANGE_MADE = /\b(we|the team)( (also|have|has|then|now|since))* (took action|taken action|put (measures|safeguards|checks) in place|implemented|introduced|added|enabled|switched|replaced|changed|removed|rotated|required)\b/i;

/** A sentence that sums up the items beside it rather than adding one: "These targeted actions strengthened …". */
const SUMMARY_LEAD = /^\s*(?:\*\*|__)?(these|this|those|such|all (of )?(these|this|the above)|the above|together|overall|in (total|summary|short)|taken together|with (these|this))\b/i;

/** Words naming the work still to come, as a paragraph before the list of it says them. */
const NEXT_STEPS = /\b(next steps?|follow[- ]?ups?|follow[- ]?on (work|tasks)|action items|to prevent (this|similar|it|such|a recurrence)|going forward|(prevent|avoid) (this|it|such incidents?) (from )?(happening )?again)\b/i;

/**
 * Whether a section that does not serve the actions may hold items (a TODO/DONE paragraph, a list an
 * introduction presents as actions), read from its lines before its blocks are: most sections hold
 * none and are not scanned. The text tested for an introduction (from the blank line before a line
 * ending in a colon) holds the paragraph it ends, so a paragraph that introduces actions is never missed.
 */
function mayHoldItems(s: Section): boolean {
  const body = s.body;
  if (/\b(TODO|DONE)\b/.test(body)) return true;
  if (!s.kinds.length && (body.match(PLAN_LINE) ?? []).length >= Math.ceil(PLAN_MIN * PLAN_SHARE)) return true;
  if (!s.kinds.length && NEXT_STEPS.test(body)) return true;
  let from = 0;
  for (let i = 0; i < body.length;) {
    let e = body.indexOf('\n', i);
    if (e < 0) e = body.length;
    const line = body.slice(i, e);
    if (!line.trim() || isListItem(line)) from = e + 1; // a paragraph starts after a blank line or a list item
    else if (/:\s*(\*\*|__)?\s*$/.test(line) && introducesActions(body.slice(Math.max(from, e - MAX_INTRO), e))) return true;
    i = e + 1;
  }
  return false;
}

/** Whether a paragraph's last sentence names the next steps the list after it gives. */
function namesNextSteps(sentence: string): boolean {
  return NEXT_STEPS.test(sentence);
}

/** The end of an introduction read (characters): an introduction is a sentence or two; it bounds the work on a huge paragraph. */
const MAX_INTRO = 2000;

/** Whether an introduction ("… these changes:", "The team will address the following items:") presents the list below as action items. */
function introducesActions(paragraph: string): boolean {
  const raw = paragraph.length > MAX_INTRO ? paragraph.slice(-MAX_INTRO) : paragraph;
  if (purposesFromText(raw).includes('actions') || NEXT_STEPS.test(raw)) return true;
  const last = lastSentence(raw);
  // a commitment whose object is the list: "will address the following items", "put measures in place"
  if (/\b(will|plan(s|ned)? to|going to|intend(s|ed)? to|need(s)? to|must)\b[^.:]*\b(following|these|below|items|changes|improvements|steps|actions|measures|fixes)\b/i.test(last)) return true;
  return /\b(measures|changes|improvements|safeguards|fixes|actions)\b[^.:]*\b(in place|made|taken|implemented|planned)\b|\b(put|made|took|taken|implemented|planned)\b[^.:]*\b(measures|changes|improvements|safeguards|fixes|actions)\b/i.test(last);
}

/**
 * Verbs that open an item of work ("Document the owner of each machine", "Set up a standby"), as
 * the first word of a list item; not the verbs of reading or reproduction steps (open, click, see, run).
 */
const TO_DO = String.raw`(?:add|adopt|alert|audit|automate|build|clarify|configure|consolidate|create|decide|define|deploy|deprecate|design|develop|document|enable|enforce|ensure|establish|evaluate|expand|extend|fix|harden|implement|improve|increase|introduce|investigate|limit|migrate|monitor|move|publish|reduce|refactor|remove|replace|require|restrict|review|rewrite|rotate|schedule|separate|set up|simplify|split|standardi[sz]e|switch|track|update|upgrade|validate|write)(?![-'])`;
/** A list line opening with a verb of work (checkbox, bold and an ID allowed before it). */
const PLAN_LINE = new RegExp(String.raw`^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?${TO_DO}\b`, 'gim');
const PLAN_ITEM = new RegExp(String.raw`^(?:\[[ xX]\]\s+)?(?:\*\*|__)?${TO_DO}\b`, 'i');
/** Items a list of next steps has at least, and the share of them that open with a verb of work. */
const PLAN_MIN = 3;
const PLAN_SHARE = 2 / 3;
/** Headings under which a list of things to do is instructions, not the team's next steps. */
const NOT_A_PLAN = /\b(reproduc\w*|workarounds?|how to|instructions?|steps|usage|install\w*|set ?up|getting started|guide|faq|appendix|glossary|references?|resources|links|changelog|release notes|you|your|users?|customers?|clients?)\b/i;
/** An item addressed to the reader ("Rotate your tokens"), not work the team takes on. */
const TO_THE_READER = /\b(you|your|yours)\b/i;

/** Whether a list is a list of things to do: at least PLAN_MIN items, most of them opening with a verb of work (`content`: an item's first line, after its marker). */
function isPlanList(list: List, content: (item: ListItem) => string): boolean {
  const items = list.children;
  if (items.length < PLAN_MIN) return false;
  let work = 0;
  for (const item of items) { const c = content(item); if (PLAN_ITEM.test(c) && !TO_THE_READER.test(c)) work++; }
  return work >= items.length * PLAN_SHARE;
}

/** Words of intent a sentence on its own line commits with ("Chia is aiming at …"), besides COMMITS. */
const INTENT = /\b(aim(s|ing)? (at|to|for)|intends? to|is planning to)\b/i;

/**
 * A paragraph written one sentence per line (every line ends a sentence) in which more than one
 * line commits the team: the items, as [start, end) offsets in the paragraph, each from its
 * committing line (the first from the paragraph's start) to the next one; the lines in between
 * elaborate the item above them. [] when the paragraph is not written so.
 */
function commitmentLines(raw: string): [number, number][] {
  const lineStarts = [0, ...[...raw.matchAll(/\n/g)].map(m => m.index! + 1)];
  if (lineStarts.length < 2) return [];
  const starts: number[] = [];
  for (let k = 0; k < lineStarts.length; k++) {
    const line = raw.slice(lineStarts[k], k + 1 < lineStarts.length ? lineStarts[k + 1] - 1 : raw.length).trim();
    if (!/[.!?]["”’)]?$/.test(line)) return [];
    if ((COMMITS.test(line) || INTENT.test(line)) && !SUMMARY_LEAD.test(line)) starts.push(lineStarts[k]);
  }
  if (starts.length < 2) return [];
  starts[0] = 0; // the lines before the first commitment introduce it
  return starts.map((x, k) => [x, k + 1 < starts.length ? starts[k + 1] - 1 : raw.trimEnd().length]);
}

/** Where each sentence of a paragraph starts (0 first): after a full stop, question or exclamation mark followed by a capital (not "e.g. the"). */
function sentenceStarts(raw: string): number[] {
  return [0, ...[...raw.matchAll(/[.!?][)"”’]?\s+(?=[A-Z("“*_`\[])/g)].map(m => m.index! + m[0].length)];
}

/** Sentences in a paragraph. */
function sentenceCount(raw: string): number {
  return sentenceStarts(raw.trim()).length;
}

/** The offset in a paragraph of the first sentence in which the team commits itself (WE_COMMIT); 0 when none. */
function committingSentenceStart(raw: string): number {
  const starts = sentenceStarts(raw);
  for (let k = 0; k < starts.length; k++) if (WE_COMMIT.test(raw.slice(starts[k], starts[k + 1] ?? raw.length))) return starts[k];
  return 0;
}

function lastSentence(raw: string): string {
  const t = raw.trim();
  return t.slice(sentenceStarts(t).at(-1));
}

/** `**DONE**: …`, `TODO: …`, `[DONE]` at the start of a paragraph. */
/** A state in capitals closing a cell: "BUG-4410 **DONE**". */
const TRAILING_STATE = /\s*(?:\*\*|__|`)?\b(DONE|TODO|COMPLETED?|FIXED|IN PROGRESS|WONTFIX|WON'T FIX)(?:\*\*|__|`)?\s*$/;

const PARAGRAPH_LEAD = /^\s*(?:\*\*|__)?\[?(?:TODO|DONE|To ?do|Done|WIP)\]?(?:\*\*|__)?\s*[:\-–—]?(?:\*\*|__)?\s*|^\s*(?:\*\*|__)?(?:Action|Next step|Follow[- ]up)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*/;

function markerState(lead: string): ActionStatus | undefined {
  if (/DONE|Done/.test(lead)) return 'done';
  if (/WIP/.test(lead)) return 'in-progress';
  if (/TODO|To ?do/i.test(lead)) return 'open';
  return undefined;
}

/** The state the item's own text gives: "(Done)", "✔️", "✅", "(in progress)", "~~struck~~". */
export function textState(title: string): ActionStatus | undefined {
  if (/\bnot (yet )?(done|completed|fixed)\b/i.test(title)) return undefined;
  if (/^~~[\s\S]*~~$|\((done|completed?|fixed|shipped|implemented|resolved|merged|finished)\)|[✔✅☑]/i.test(title) || /\b(DONE|COMPLETED)\b/.test(title)) return 'done';
  if (/\((in[- ]progress|ongoing|wip|started|underway|doing)\)|🚧/i.test(title) || /\bIN PROGRESS\b/.test(title)) return 'in-progress';
  return undefined;
}

/** The state a sub-heading or label gives the items below it; undefined when it names none. */
function groupState(heading: string): ActionStatus | undefined {
  const h = heading.toLowerCase();
  const done = /\b(completed?|done|finished|implemented|shipped|already (fixed|done))\b/.test(h);
  const progress = /\b(in[- ]progress|ongoing|underway|started|wip)\b/.test(h);
  const open = /\b(long[- ]term|planned|future|to ?do|backlog|open|recommended|next|pending|proposed)\b/.test(h);
  if (done && !progress && !open) return 'done';
  if (progress && !done && !open) return 'in-progress';
  if (open && !done && !progress) return 'open';
  return undefined;
}

/** A paragraph that is only a state label ("**Completed:**", "In progress"): its state; undefined when it is not one. */
function groupLabel(raw: string): ActionStatus | null | undefined {
  const m = /^\s*(?:\*\*|__|\*|_)?([A-Za-z][A-Za-z '-]{1,40}?)(?:\*\*|__|\*|_)?\s*:?\s*(?:\*\*|__)?\s*$/.exec(raw);
  if (!m) return undefined;
  const st = groupState(m[1]);
  return st ?? (/\b(short|long|medium)[- ]term\b|\b(immediate|later)\b/i.test(m[1]) ? null : undefined);
}

/** Whether a paragraph under an actions purpose commits to an item (not an introduction, legend or note). */
function isCommitment(raw: string, next: RootContent | undefined): boolean {
  const t = raw.trim();
  // an item's title is at most 1,500 characters (fromParagraph): a longer paragraph is narrative
  if (t.length < 15 || t.length > 2000) return false;
  if (/:\s*(\*\*|__)?\s*$/.test(t)) return false; // introduces the items below
  if (next && (next.type === 'list' || next.type === 'table')) return false; // an introduction without a colon
  if (/^(?:\*\*|__)?(types?|legend|key|priorit(?:y|ies)|status(?:es)?|note|notes|nb|owners?)(?:\*\*|__)?\s*:/i.test(t)) return false;
  if (/^\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*$/.test(t)) return false; // a label alone
  if (/^(\*|_)[^*_][\s\S]*\1$/.test(t) && !/^(\*\*|__)/.test(t)) return false; // an italic note or footer
  if (/^(thanks|thank you|we('d| would) like to thank|if you have (any )?questions)/i.test(t)) return false;
  // a closing note ("… Thanks again for your patience", "We apologise …") or a watch over the next days is no item
  if (/\b(thanks (again|for)|thank you|(we|I) (sincerely |deeply )?(apologi[sz]e|are sorry))\b/i.test(t)) return false;
  if (/\b(monitor(ing)?|watch(ing)?|keep(ing)? an eye on)\b[^.]*\b(next|coming|following) (few )?(hours|days|weeks)\b/i.test(t)) return false;
  // a deferral ("We will agree the follow-ups at the next planning meeting") commits to no action yet
  if (/\b(agree|decide|discuss|define|identify|determine|plan|review|revisit|prioriti[sz]e|triage)\w*\b[^.]{0,60}\b(follow[- ]?ups?|actions?|action items|next steps|remediations?|corrective actions?|the (list|items))\b/i.test(t)) return false;
  return true;
}

/** The item's state: its status field or checkbox, else its text, else the group it stands under. */
function stateOf(checked: boolean | undefined, statusValue: string | undefined, title: string, group: ActionStatus | undefined): ActionStatus {
  if (statusValue?.trim() || checked !== undefined) return statusOf(checked, statusValue);
  return textState(title) ?? group ?? 'open';
}
