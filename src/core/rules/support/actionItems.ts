/** Action items for rules: names and ranges in findings, field placeholders, fixes that add fields, the next ID. */
import type { ActionItem, Review } from '../../model';
import type { Fix, Range } from '../../types';
import { endOfLine, snippetEscape } from './edits';
import { quote } from './text';
import { fieldPlaceholder } from '../../format/requiredFields';

/** What each field is for, in messages. */
export const FIELD_PURPOSE: Record<string, string> = {
  owner: 'owner (one person or team)',
  due: 'due date',
  validation: 'validation (how you will know it worked)',
  tracking: 'tracking link (the ticket)',
  type: 'type (prevent, mitigate, detect or process)',
  domain: 'domain',
  evidence: 'evidence',
  depends: 'its dependencies',
};

/** Snippet placeholders for a missing field: one definition for every fix (../../format/requiredFields). */
export { fieldPlaceholder };

/** The item's ID and title line, for findings about the whole item. */
export function itemRange(item: ActionItem): Range {
  return { start: item.idRange?.start ?? item.titleRange.start, end: item.titleRange.end };
}

export function itemName(item: ActionItem): string {
  return item.id ?? `"${quote(item.title, 40)}"`;
}

/** Inserts fields as nested `key: value` lines under a list item, as snippet placeholders. */
export function insertFieldsFix(review: Review, item: ActionItem, keys: string[], now: Date, title: string): Fix | undefined {
  if (item.form === 'table' || !keys.length) return undefined;
  // the lines depend on the indent, the keys, the day and the line ending only: made once for all the items that share them
  const memoKey = `${review.eol}\u0000${item.fieldIndent}\u0000${fieldPlaceholder('due', now)}\u0000${keys.join('\u0000')}`;
  let text = insertedLines.get(memoKey);
  if (text === undefined) {
    text = ''; let tab = 1;
    for (const k of keys) text += fieldLine(item, k, fieldPlaceholder(k, now), tab++, review.eol);
    if (insertedLines.size >= 256) insertedLines.clear();
    insertedLines.set(memoKey, text);
  }
  return { title, edits: [{ range: endOfLine(review, item.lastLine), newText: text }], isPreferred: true, snippet: true };
}
const insertedLines = new Map<string, string>();

/** The next free action ID in the document's style (CAP-7 → CAP-10 when CAP-9 exists). */
export function nextActionId(review: Review): string {
  let prefix = 'CAP-'; let max = 0;
  for (const a of review.actions) {
    const m = a.id && /^(.*?)(\d+)$/.exec(a.id);
    if (m) { prefix = m[1]; max = Math.max(max, +m[2]); }
  }
  return `${prefix}${max + 1}`;
}

export function fieldLine(item: ActionItem, key: string, placeholder: string, tab: number, eol: string): string {
  return `${eol}${item.fieldIndent || '  '}- ${snippetEscape(key)}: \${${tab}:${snippetEscape(placeholder)}}`;
}
