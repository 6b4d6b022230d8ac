/**
 * List items as the format reads them: the bullet or ordered marker, an optional task checkbox, and
 * the content after them. One pattern for the parser, the workspace index, edits, the importer,
 * completion and the rules. Columns are 0-based UTF-16 offsets in the line. Pure.
 */

/** The marker of a list item: `-`, `*`, `+`, or 1–9 digits and `.` or `)` (GFM). */
export const LIST_MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;

/** A list item's start at the beginning of a line (indent, marker, white space), for composing patterns. */
export const LIST_ITEM_START = String.raw`^\s*${LIST_MARKER}\s+`;

const ITEM = new RegExp(String.raw`^(\s*)(${LIST_MARKER})([ \t]+)(?:(\[([ xX])\])[ \t]+)?`);
const ITEM_OR_EMPTY = new RegExp(String.raw`^(\s*)(${LIST_MARKER})(?:([ \t]+)(?:(\[([ xX])\])[ \t]+)?|$)`);
const START_GLOBAL = new RegExp(String.raw`^\s*${LIST_MARKER}\s+(?:\[[ xX]\]\s+)?`, 'gm');

export interface ListItemLine {
  /** the white space before the marker */
  indent: string;
  /** `-`, `*`, `+`, `1.`, `2)` */
  marker: string;
  /** column after the marker and the white space that follows it (where a checkbox or the content starts) */
  markerEnd: number;
  /** a task list checkbox: column of its `[` */
  checkbox?: { col: number; checked: boolean };
  /** column where the content starts (after the checkbox when there is one) */
  contentCol: number;
  content: string;
}

/** Reads a line as a list item; undefined when it is not one. `allowEmpty` accepts a bare marker (`-`). */
export function readListItem(line: string, allowEmpty = false): ListItemLine | undefined {
  const m = (allowEmpty ? ITEM_OR_EMPTY : ITEM).exec(line);
  if (!m) return undefined;
  const markerEnd = m[1].length + m[2].length + (m[3]?.length ?? 0);
  const contentCol = m[0].length;
  return {
    indent: m[1], marker: m[2], markerEnd, contentCol, content: line.slice(contentCol),
    checkbox: m[4] ? { col: markerEnd, checked: m[5] !== ' ' } : undefined,
  };
}

/** Whether a line is a list item (a marker followed by white space). */
export function isListItem(line: string): boolean {
  return ITEM.test(line);
}

/** The line without its list marker and checkbox (the line itself when it is not a list item). */
export function stripListMarker(line: string): string {
  const m = ITEM.exec(line);
  return m ? line.slice(m[0].length) : line;
}

/** Every list marker (and checkbox) at a line start in a multi-line text replaced by `by`. */
export function replaceListMarkers(text: string, by: string): string {
  return text.replace(START_GLOBAL, by);
}
