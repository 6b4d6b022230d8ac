/**
 * GFM table rows as the format reads them: one split for the parser, the workspace index, edits and
 * the importer. A `|` is a cell boundary unless an odd number of backslashes escapes it; as in GFM,
 * this holds inside code spans too (`` `a\|b` `` is one cell, `` `a|b` `` is two). Pure.
 */

/** One cell of a row. Columns are 0-based UTF-16 offsets in the line. */
export interface TableCell {
  /** after the opening pipe (or the line's start) … at the closing pipe (or the line's end) */
  start: number;
  end: number;
  /** the cell's text without the white space around it */
  contentStart: number;
  contentEnd: number;
  /** the text as written, trimmed (escapes kept: `\|` stays `\|`) */
  raw: string;
}

export interface TableRowCells { cells: TableCell[]; leadingPipe: boolean; trailingPipe: boolean }

/** Whether the `|` at index i is escaped (preceded by an odd number of backslashes). */
function escaped(t: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && t.charCodeAt(i - 1 - n) === 92) n++;
  return n % 2 === 1;
}

/** Splits one line of a table into its cells, as GFM does. A line without a pipe is one cell. */
export function splitTableRow(line: string): TableRowCells {
  const pipes: number[] = [];
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) if (!escaped(line, i)) pipes.push(i);
  const lead = line.search(/\S/);
  const leadingPipe = pipes.length > 0 && pipes[0] === lead;
  const last = pipes[pipes.length - 1];
  const trailingPipe = pipes.length > (leadingPipe ? 1 : 0) && line.slice(last + 1).trim() === '';
  const inner = pipes.slice(leadingPipe ? 1 : 0, trailingPipe ? -1 : undefined);
  const bounds = [leadingPipe ? pipes[0] : -1, ...inner, trailingPipe ? last : line.length];
  const cells: TableCell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] + 1, end = bounds[i + 1];
    const text = line.slice(start, end);
    const a = text.search(/\S/);
    const contentStart = a < 0 ? start : start + a;
    const contentEnd = a < 0 ? start : start + text.trimEnd().length;
    cells.push({ start, end, contentStart, contentEnd, raw: line.slice(contentStart, contentEnd) });
  }
  return { cells, leadingPipe, trailingPipe };
}

/** A line that starts a table row as this format writes them (a leading pipe). */
export function isTableLine(line: string): boolean {
  return /^\s*\|/.test(line);
}

/** The delimiter row under a table's header: `|---|:--:|` (every cell dashes with optional colons). */
export function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  const { cells } = splitTableRow(line);
  return cells.length > 0 && cells.every(c => /^:?-+:?$/.test(c.raw));
}

/** A cell's value: the text with `\|` read as `|`. */
export function cellValue(raw: string): string {
  return raw.replace(/\\\|/g, '|').trim();
}

/** Text written into a cell: every `|` escaped (an already escaped one stays as it is). */
export function escapeCell(text: string): string {
  return text.replace(/\\?\|/g, '\\|');
}
