/**
 * Edits to one action item of a review, as plain text edits (no `vscode`): the tracker's "mark done",
 * "set owner" and "set due date". The editor applies them as an undoable WorkspaceEdit; the CLI can
 * apply them with applyEdits(). Both forms of the format are handled: task-list items with nested
 * `- key: value` fields, and rows of an action table (a missing column is added to the table).
 *
 * Every function takes the review's text and the 0-based line of the item (ActionRecord.line) and
 * returns edits against that text, or throws ActionEditError saying why it cannot.
 */
import { LineIndex } from '../text';
import type { Position, TextEdit } from '../types';
import { canonicalField, FIELD_COLUMN as COLUMN_NAME, FIELD_ORDER, readFieldLine, readInlineFields, readLeadingId } from '../format/actionItem';
import { readListItem } from '../format/listItem';
import { escapeCell, isTableLine, splitTableRow as cellsOf } from '../format/table';
import { isDay } from '../time/calendar';
import { summarize, type ActionRecord } from './summary';

export class ActionEditError extends Error {}

/** The fields the tracker writes. */
export type WritableField = 'owner' | 'due' | 'evidence' | 'status' | 'tracking' | 'validation' | 'type' | 'domain' | 'depends';

const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function isIsoDate(s: string): boolean {
  return isDay(s);
}

/** A value as one line: line breaks and runs of white space become one space. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\t ]+/g, ' ').trim();
}

/**
 * The line of the action item with this ID, nearest to `hint` (where it was when the caller last
 * looked): lets an editor act on an item after lines above it moved. Undefined when it is gone.
 */
export function findActionLine(text: string, id: string, hint = 0): number | undefined {
  const found = summarize('', text).actions.filter(a => a.id === id);
  if (!found.length) return undefined;
  return found.reduce((best, a) => (Math.abs(a.line - hint) < Math.abs(best.line - hint) ? a : best)).line;
}

/** Ticks the item (`[ ]` → `[x]`, or a Status cell of `done`), drops an open `status:` refinement, and writes the evidence. */
export function markDoneEdits(text: string, line: number, evidence: string): TextEdit[] {
  const value = oneLine(evidence);
  if (!value) throw new ActionEditError('Evidence is required to mark an action done: a merged change, a closed ticket or a drill result.');
  const doc = new Doc(text);
  const target = doc.target(line);
  if (target.kind === 'table') {
    doc.setCell(target, 'status', 'done');
    doc.setCell(target, 'evidence', value);
    return doc.edits();
  }
  const { item } = target;
  if (item.checkbox) { if (!item.checkbox.checked) doc.replace(line, item.checkbox.col, item.checkbox.col + 1, 'x'); }
  else doc.replace(line, item.contentCol, item.contentCol, '[x] ');
  const status = item.fields.get('status');
  // a status on the item's own line ("… — status: in progress") becomes done; a status line goes
  const ownLine = status?.line === line;
  if (status && ownLine) doc.replace(line, status.valueStart, status.valueEnd, 'done');
  else if (status) doc.deleteLines(status.line, status.end);
  doc.setField(item, 'evidence', value, status && !ownLine ? new Set([status.line]) : undefined);
  return doc.edits();
}

/** Sets (adds or replaces) one field of the item. */
export function setFieldEdits(text: string, line: number, field: WritableField, value: string): TextEdit[] {
  const v = oneLine(value);
  if (!v) throw new ActionEditError(`The ${field} cannot be empty.`);
  const doc = new Doc(text);
  const target = doc.target(line);
  if (target.kind === 'table') doc.setCell(target, field, v);
  else doc.setField(target.item, field, v);
  return doc.edits();
}

export function setOwnerEdits(text: string, line: number, owner: string): TextEdit[] {
  const v = oneLine(owner);
  if (!v) throw new ActionEditError('The owner cannot be empty: name one person or team, e.g. @checkout-platform.');
  return setFieldEdits(text, line, 'owner', v);
}

export function setDueEdits(text: string, line: number, due: string): TextEdit[] {
  const v = due.trim();
  if (!isIsoDate(v)) throw new ActionEditError(`"${oneLine(due)}" is not a date: write YYYY-MM-DD, e.g. 2026-12-11.`);
  return setFieldEdits(text, line, 'due', v);
}

// ---------------------------------------------------------------------------------------------

interface FieldLine { key: string; line: number; end: number; valueStart: number; valueEnd: number }
interface ListItem {
  line: number;
  indent: number;
  /** column where the item's content starts (after the bullet, before a checkbox) */
  contentCol: number;
  checkbox?: { col: number; checked: boolean };
  /** first occurrence of each canonical field */
  fields: Map<string, FieldLine>;
  /** every nested item: [line, last line of its text] */
  nested: { line: number; end: number; key?: string }[];
  /** last line of the item's own paragraph */
  paragraphEnd: number;
  fieldIndent: string;
  bullet: string;
}
interface TableRow { line: number; header: number; last: number; first: number; columns: (string | undefined)[] }
type Target = { kind: 'list'; item: ListItem } | ({ kind: 'table' } & TableRow);

type Op = { a: number; b: number; text: string };

class Doc {
  private readonly lines: LineIndex;
  private readonly ops: Op[] = [];
  private readonly actions: ActionRecord[];

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
    this.actions = summarize('', text).actions;
  }

  target(line: number): Target {
    if (!Number.isInteger(line) || line < 0 || line >= this.lines.lineCount || !this.actions.some(a => a.line === line)) {
      throw new ActionEditError(`Line ${line + 1} is not an action item (the document may have changed).`);
    }
    const t = this.lines.lineText(line);
    if (isTableLine(t)) return { kind: 'table', ...this.tableRow(line) };
    // an item the authors wrote as a sentence in prose has no place for fields or a checkbox; rewriting
    // it as a list item would change the text they wrote, so the edit is refused with the way to do it
    if (!readListItem(t)) throw new ActionEditError(`The action item on line ${line + 1} is written as a paragraph, which has no place for an owner, a due date or a state: write it as a task-list item ("- [ ] …") first.`);
    return { kind: 'list', item: this.listItem(line) };
  }

  private listItem(line: number): ListItem {
    const m = readListItem(this.lines.lineText(line))!;
    const indent = m.indent.length;
    const contentCol = m.markerEnd;
    const item: ListItem = {
      line, indent, contentCol, fields: new Map(), nested: [], paragraphEnd: line,
      fieldIndent: ' '.repeat(contentCol), bullet: '-',
      checkbox: m.checkbox ? { col: m.checkbox.col + 1, checked: m.checkbox.checked } : undefined,
    };
    // fields written after the title on its line ("… — owner: @ana, due: 2026-12-01") are edited in place
    const lead = readLeadingId(m.content)?.end ?? 0;
    const inline = readInlineFields(m.content.slice(lead));
    const inlineFields = (inline?.fields ?? []).map(f => { const valueStart = m.contentCol + lead + f.valueStart; return { key: f.key, line, end: line, valueStart, valueEnd: valueStart + f.rawValue.length }; });
    let inParagraph = true;
    let childIndent: number | undefined;
    let fence = false;
    for (let l = line + 1; l < this.lines.lineCount; l++) {
      const t = this.lines.lineText(l);
      if (FENCE.test(t)) { fence = !fence; inParagraph = false; continue; }
      if (fence) continue;
      if (HEADING.test(t) || isTableLine(t)) break;
      if (!t.trim()) { inParagraph = false; continue; }
      const im = readListItem(t);
      if (im) {
        if (im.indent.length <= indent) break;
        inParagraph = false;
        if (childIndent === undefined) { childIndent = im.indent.length; item.fieldIndent = im.indent; item.bullet = im.marker; }
        const f = im.checkbox ? undefined : readFieldLine(im.content);
        const key = f?.key;
        const n = { line: l, end: l, key };
        item.nested.push(n);
        if (f && key && !item.fields.has(key)) {
          const valueStart = im.contentCol + f.valueStart;
          item.fields.set(key, { key, line: l, end: l, valueStart, valueEnd: valueStart + f.rawValue.length });
        }
        continue;
      }
      // text that is not an item: the item's paragraph continues, or the last nested item's does
      if (inParagraph) item.paragraphEnd = l;
      else if (item.nested.length) {
        const last = item.nested[item.nested.length - 1];
        if (last.end === l - 1) {
          last.end = l;
          const f = last.key ? item.fields.get(last.key) : undefined;
          if (f && f.line === last.line) f.end = l;
        }
      }
    }
    // as the parser reads them: a field line below the item wins over the same field on its line
    for (const f of inlineFields) if (!item.fields.has(f.key)) item.fields.set(f.key, f);
    return item;
  }

  private tableRow(line: number): TableRow {
    let first = line, last = line;
    while (first > 0 && isTableLine(this.lines.lineText(first - 1))) first--;
    while (last + 1 < this.lines.lineCount && isTableLine(this.lines.lineText(last + 1))) last++;
    const columns = cellsOf(this.lines.lineText(first)).cells.map(c => canonicalField(c.raw.replace(/[*_`]/g, '')));
    if (line <= first + 1) throw new ActionEditError(`Line ${line + 1} is the table's header, not an action item.`);
    return { line, header: first, first, last, columns };
  }

  private offset(line: number, character: number): number { return this.lines.offsetAt({ line, character }); }

  replace(line: number, from: number, to: number, text: string): void {
    this.ops.push({ a: this.offset(line, from), b: this.offset(line, to), text });
  }

  /** Deletes whole lines from..to (with their line break). */
  deleteLines(from: number, to: number): void {
    if (to + 1 < this.lines.lineCount) this.ops.push({ a: this.lines.starts[from], b: this.lines.starts[to + 1], text: '' });
    else if (from > 0) this.ops.push({ a: this.lines.lineEnd(from - 1), b: this.lines.lineEnd(to), text: '' });
    else this.ops.push({ a: 0, b: this.lines.lineEnd(to), text: '' });
  }

  insertAfter(line: number, newLines: string[]): void {
    const at = this.lines.lineEnd(line);
    this.ops.push({ a: at, b: at, text: newLines.map(l => this.lines.eol + l).join('') });
  }

  /** Replaces the field's value, or adds the field where the canonical order puts it. */
  setField(item: ListItem, key: string, value: string, removed?: Set<number>): void {
    const existing = item.fields.get(key);
    if (existing && !removed?.has(existing.line)) {
      // a value continued on the following lines is replaced whole; a trailing ` # comment` is kept
      const endCol = existing.end > existing.line ? this.lines.lineText(existing.end).length : existing.valueEnd;
      this.ops.push({ a: this.offset(existing.line, existing.valueStart), b: this.offset(existing.end, endCol), text: value });
      return;
    }
    const newLine = `${item.fieldIndent}${item.bullet} ${key}: ${value}`;
    const order = FIELD_ORDER.indexOf(key);
    const nested = item.nested.filter(n => !removed?.has(n.line));
    // before the first field that comes later in the canonical order, else after the last nested item
    const later = nested.find(n => n.key && FIELD_ORDER.indexOf(n.key) > order && n.key !== key);
    if (later) {
      const i = nested.indexOf(later);
      if (i > 0) this.insertAfter(nested[i - 1].end, [newLine]);
      else this.insertAfter(item.paragraphEnd, [newLine]);
    } else {
      this.insertAfter(nested.length ? nested[nested.length - 1].end : item.paragraphEnd, [newLine]);
    }
  }

  /** Sets a cell of a table row; adds the column to every line of the table when it is missing. */
  setCell(row: TableRow, key: string, value: string): void {
    const col = row.columns.indexOf(key);
    const v = escapeCell(value);
    if (col >= 0) {
      const t = this.lines.lineText(row.line);
      const { cells, trailingPipe } = cellsOf(t);
      if (col < cells.length) {
        const c = cells[col];
        if (c.contentEnd > c.contentStart) this.replace(row.line, c.contentStart, c.contentEnd, v);
        else this.replace(row.line, c.start, c.end, ` ${v} `);
      } else {
        // a short row: pad it with empty cells up to the column
        const pad = ' |'.repeat(col - cells.length);
        const end = t.trimEnd().length;
        this.replace(row.line, end, end, (trailingPipe ? '' : ' |') + pad + ` ${v} |`);
      }
      return;
    }
    row.columns.push(key);
    for (let l = row.first; l <= row.last; l++) {
      const t = this.lines.lineText(l);
      const end = t.trimEnd().length;
      const { trailingPipe } = cellsOf(t);
      const cell = l === row.first ? COLUMN_NAME[key] ?? key : l === row.first + 1 ? '---' : l === row.line ? v : '';
      // the separator row keeps its style: |---|---| or | --- | --- |
      const compact = l === row.first + 1 && /\|-/.test(t);
      const add = compact ? `${trailingPipe ? '' : '|'}---|` : `${trailingPipe ? '' : ' |'} ${cell}${cell ? ' ' : ''}|`;
      this.replace(l, end, end, add);
    }
  }

  /** The edits, sorted; edits that touch or overlap are merged so that any consumer accepts them. */
  edits(): TextEdit[] {
    const ops = [...this.ops].sort((x, y) => x.a - y.a || x.b - y.b);
    const merged: Op[] = [];
    for (const op of ops) {
      const prev = merged[merged.length - 1];
      if (prev && op.a <= prev.b) {
        if (op.a < prev.b) throw new ActionEditError('internal error: overlapping edits');
        prev.text += op.text;
        prev.b = Math.max(prev.b, op.b);
      } else merged.push({ ...op });
    }
    const pos = (o: number): Position => this.lines.positionAt(o);
    return merged.map(o => ({ range: { start: pos(o.a), end: pos(o.b) }, newText: o.text }));
  }
}
