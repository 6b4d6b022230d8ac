/**
 * Action items (corrective actions) as the format writes them: the ID at the start of the title,
 * `key: value` field lines under a list item (or table columns), canonical field names and their
 * aliases, the status, and when an item is overdue. Used by the parser, the workspace index, edits,
 * the importer, completion, hovers, the exports and the rules. Columns are 0-based. Pure.
 */
import type { ActionStatus } from '../model';
import { parseDay } from '../time/calendar';

/** An action ID: CAP-42, PLAT-7, FU-3a, CAP-42-1 (a prefix of letters and digits, a dash, a number). */
export const ACTION_ID = String.raw`[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z]?`;

const LEADING_ID = new RegExp(String.raw`^(\*\*|\`)?(${ACTION_ID})(\*\*|\`)?\s*(?:[:.—–]|\s-)\s*`);

/** The ID an item's title starts with (`CAP-1: …`, `**CAP-1** — …`, `` `CAP-1`. … ``). */
export interface LeadingId { id: string; /** column of the ID in the text */ idStart: number; /** where the title starts after it */ end: number }

export function readLeadingId(title: string): LeadingId | undefined {
  const m = LEADING_ID.exec(title);
  if (!m) return undefined;
  return { id: m[2], idStart: m[1]?.length ?? 0, end: m[0].length };
}

/** A new global pattern finding action IDs anywhere in a text (not inside a longer word or ID). */
export function actionIdPattern(): RegExp {
  return new RegExp(String.raw`(?<![\w-])${ACTION_ID}(?![\w-])`, 'g');
}

/** The action IDs a text mentions, with their columns. */
export function actionIdsIn(text: string): { id: string; start: number; end: number }[] {
  return [...text.matchAll(actionIdPattern())].map(m => ({ id: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** The IDs of a list of references (`depends: CAP-1, CAP-2`), markup removed. */
export function idList(s: string): string[] {
  return s.split(/[\s,;]+/).map(x => x.replace(/[`*]/g, '')).filter(Boolean);
}

const FIELD_ALIASES: Record<string, string> = {
  owner: 'owner', owners: 'owner', assignee: 'owner', assigned: 'owner', 'assigned to': 'owner', who: 'owner', responsible: 'owner',
  due: 'due', 'due date': 'due', deadline: 'due', 'target date': 'due', by: 'due',
  type: 'type', kind: 'type', category: 'type',
  domain: 'domain', area: 'domain', theme: 'domain',
  validation: 'validation', 'validation method': 'validation', verification: 'validation', 'verified by': 'validation', 'how verified': 'validation',
  tracking: 'tracking', ticket: 'tracking', issue: 'tracking', bug: 'tracking', link: 'tracking', jira: 'tracking', tracker: 'tracking',
  depends: 'depends', 'depends on': 'depends', dependency: 'depends', dependencies: 'depends', 'blocked by': 'depends',
  evidence: 'evidence', proof: 'evidence', done: 'evidence', verified: 'evidence',
  status: 'status', state: 'status',
  id: 'id', action: 'title', item: 'title', title: 'title', description: 'title', task: 'title', 'action item': 'title',
  'corrective action': 'title',
};

/** The canonical name of a field or column (`Assignee` → owner, `Due date` → due); undefined when unknown. */
export function canonicalField(key: string): string | undefined {
  return FIELD_ALIASES[key.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ')] ??
    FIELD_ALIASES[key.trim().toLowerCase()];
}

/** The order fields are written in (docs/format.md); a new field goes where this order puts it. */
export const FIELD_ORDER = ['owner', 'due', 'type', 'domain', 'validation', 'tracking', 'depends', 'status', 'evidence'];

/** A field's column header in a table. */
export const FIELD_COLUMN: Record<string, string> = { owner: 'Owner', due: 'Due', evidence: 'Evidence', status: 'Status', tracking: 'Tracking', validation: 'Validation', type: 'Type', domain: 'Domain', depends: 'Depends' };

/** The fields an action record carries (the workspace index, the exports). */
export const RECORD_FIELDS = ['owner', 'due', 'type', 'domain', 'validation', 'tracking', 'evidence', 'depends'] as const;

const FIELD_NAME = /^(?:\*\*|_)?([A-Za-z][A-Za-z _'-]{0,30}?)(?:\*\*|_)?\s*:(?:\*\*|_)?\s*/;

/** A `key: value` line's content (after the list marker): `owner: @ana`, `**Due:** 2026-12-11`, `_type_: prevent`. */
export interface FieldLine {
  /** the name as written */
  name: string;
  /** its canonical name; undefined for a name the format doesn't know */
  key?: string;
  /** column (in the content) where the value starts */
  valueStart: number;
  /** the value as written, up to a ` # comment` and trailing white space */
  rawValue: string;
  /** the value read: rawValue without trailing emphasis markers */
  value: string;
}

export function readFieldLine(content: string): FieldLine | undefined {
  const m = FIELD_NAME.exec(content);
  if (!m) return undefined;
  const rawValue = content.slice(m[0].length).replace(/\s+#\s.*$/, '').trimEnd();
  return { name: m[1], key: canonicalField(m[1]), valueStart: m[0].length, rawValue, value: rawValue.replace(/[*_]+$/, '').trim() };
}

/** The status an item's checkbox and `status` field (or column) give it; the field wins over the box. */
export function statusOf(checked: boolean | undefined, statusValue: string | undefined): ActionStatus {
  // emphasis around the word ("**DONE**", "`in progress`") is markup, not part of it
  const s = (statusValue ?? '').trim().replace(/^[*_`]+|[*_`]+$/g, '').trim().toLowerCase().replace(/[’']/g, '').replace(/[\s_]+/g, '-');
  if (/^(wont-do|wontdo|wont-fix|wontfix|will-not-do|rejected|cancelled|canceled)$/.test(s)) return 'wont-do';
  if (/^(blocked|on-hold)$/.test(s)) return 'blocked';
  if (/^(done|closed|complete|completed|fixed|resolved|implemented|verified|✅|✔️?)$/.test(s)) return 'done';
  if (/^(in-progress|inprogress|started|doing|wip|ongoing)$/.test(s)) return 'in-progress';
  if (checked) return 'done';
  return 'open';
}

/** Whether an item in this status still has work to do (open, in progress or blocked). */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === 'open' || status === 'in-progress' || status === 'blocked';
}

/** A field value without emphasis or code markers: `**2026-11-20**` → `2026-11-20`. */
export function plainFieldValue(value: string): string {
  return value.replace(/[*_`]/g, '').trim();
}

/**
 * The due date a `due` value gives: the value, markup removed, when it is exactly a `YYYY-MM-DD`
 * date that exists (epoch ms of its UTC midnight). `2026-11-20 (moved)`, `next week` and
 * `2026-02-30` give none (the action-fields rule asks for a date).
 */
export function dueDay(value: string | undefined): number | undefined {
  if (!value) return undefined;
  return parseDay(plainFieldValue(value));
}

/**
 * Whether an item is overdue on `today` (epoch ms of a UTC midnight, see calendar.utcDay): it is
 * still open, in progress or blocked and its due date (see dueDay) is before today.
 */
export function isOverdue(item: { status: ActionStatus; due?: string }, today: number): boolean {
  if (!isOpenStatus(item.status)) return false;
  const day = dueDay(item.due);
  return day !== undefined && day < today;
}

/** A field written on an item's own line after its title (readInlineFields). */
export interface InlineField {
  name: string;
  key: string;
  /** column (in the content) where the value starts */
  valueStart: number;
  /** the value as written, separators and a closing parenthesis excluded */
  rawValue: string;
  value: string;
}

// a field name after a separator: " — owner: ", ", due: ", " - Owner: ", "; ticket: ", "(owner: ", " | Due: "
const INLINE_FIELD = /(?:[ \t]+[—–-][ \t]*|[ \t]*[,;|][ \t]*|[ \t]*\([ \t]*)(?:\*\*|__|_)?([A-Za-z][A-Za-z ]{0,18}?)(?:\*\*|__|_)?[ \t]*:(?:\*\*|__|_)?[ \t]+/g;
const INLINE_KEYS = new Set(['owner', 'due', 'tracking', 'status', 'validation', 'type', 'depends']);
const LINK = String.raw`(?:<?https?:\/\/[^\s<>]+>?|\[[^\]\n]{1,200}\]\(https?:\/\/[^\s)]+\))`;
const TICKET = new RegExp(String.raw`^(?:${LINK}|#\d+|!\d+|${ACTION_ID})$`);
// "… - https://tracker/issues/24101": a link standing alone after the title is where the item is tracked
const TRAILING_LINK = new RegExp(String.raw`[ \t]+[—–-][ \t]*(${LINK})[ \t]*$`);

function plausibleInline(key: string, value: string): boolean {
  const v = plainFieldValue(value);
  if (!v || v.length > 200) return false;
  // a parenthesis closed in the value ("(owner: @ops, due 2026-03-01) https://…") ends the fields before the line does
  if ((v.match(/\(/g) ?? []).length !== (v.match(/\)/g) ?? []).length) return false;
  switch (key) {
    // "@wen.li", "Grace Ndiaye", "@ana, @bo", "SRE team & @ana": names, not a sentence
    case 'owner': return v.length <= 60 && /^@?\p{L}[\p{L}\d._'-]*(?:\s*(?:,|&|\/|\band\b)?\s*@?\p{L}[\p{L}\d._'-]*){0,4}$/u.test(v);
    case 'due': return v.length <= 40;
    case 'tracking': return TICKET.test(v) || TICKET.test(value.trim());
    case 'status': return statusOf(undefined, v) !== 'open' || /^(open|to ?do|not started|new|planned|pending)$/i.test(v);
    default: return true;
  }
}

/**
 * The fields teams write on the item's own line, after its title, instead of on field lines below it:
 * "Fix X — owner: @wen.li, due: 2026-12-15, ticket: PAY-1204" (PagerDuty-style), "Fix X -
 * https://gitlab.com/…/issues/24101 - Owner: @akim - Due: 2026-12-11" (GitLab-style), "Fix X (owner:
 * @ana, due: 2026-12-01)". A field is a name the format knows (owner, due, tracking, status,
 * validation, type, depends, with their aliases) after a separator (— – - , ; | or an opening
 * parenthesis); its value runs to the next field. A link standing alone after a dash is the
 * tracking link. All or nothing: when one name's value does not fit it (an owner that is a
 * sentence, a ticket that is no link or ID), the line is a title with no fields. `titleEnd` is the
 * column (in the content) where the title ends; undefined when the line carries no fields.
 */
export function readInlineFields(content: string): { fields: InlineField[]; titleEnd: number } | undefined {
  if (content.length > 1000) return undefined;
  const found: { name: string; key: string; at: number; valueStart: number }[] = [];
  INLINE_FIELD.lastIndex = 0;
  for (let m = INLINE_FIELD.exec(content); m; m = INLINE_FIELD.exec(content)) {
    const key = canonicalField(m[1]);
    if (!key || !INLINE_KEYS.has(key) || found.some(f => f.key === key)) continue;
    found.push({ name: m[1], key, at: m.index, valueStart: m.index + m[0].length });
  }
  const fields: InlineField[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    let raw = content.slice(f.valueStart, i + 1 < found.length ? found[i + 1].at : content.length).trimEnd();
    if (/^\s*\(/.test(content.slice(f.at, f.valueStart)) || found.slice(0, i).some(p => /\(/.test(content.slice(p.at, p.valueStart)))) raw = raw.replace(/\)[.,;]?$/, '').trimEnd();
    raw = raw.replace(/[.,;]$/, '').trimEnd();
    if (!plausibleInline(f.key, raw)) return undefined;
    fields.push({ name: f.name, key: f.key, valueStart: f.valueStart, rawValue: raw, value: raw.replace(/[*_]+$/, '').trim() });
  }
  let titleEnd = found.length ? found[0].at : content.length;
  const link = !fields.some(f => f.key === 'tracking') ? TRAILING_LINK.exec(content.slice(0, titleEnd)) : null;
  if (link) {
    const valueStart = link.index + link[0].indexOf(link[1]);
    fields.unshift({ name: '', key: 'tracking', valueStart, rawValue: link[1], value: link[1] });
    titleEnd = link.index;
  }
  if (!fields.length || !content.slice(0, titleEnd).trim()) return undefined;
  return { fields, titleEnd };
}
