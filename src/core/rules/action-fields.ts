import type { Rule, RuleFinding } from './rule';
import { own } from '../safe/keys';
import type { ActionItem, Review } from '../model';
import type { Fix, Range } from '../types';
import { fieldPlaceholder, requiredActionFields } from '../format/requiredFields';
import { endOfLine, fieldLine, quote } from './helpers';

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

/** Snippet placeholders for a missing field (shared with the other fixes: ../format/requiredFields). */
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
  let text = ''; let tab = 1;
  for (const k of keys) text += fieldLine(item, k, fieldPlaceholder(k, now), tab++, review.eol);
  return { title, edits: [{ range: endOfLine(review, item.lastLine), newText: text }], isPreferred: true, snippet: true };
}

import { isDay } from '../time/calendar';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const actionFields: Rule = {
  id: 'action-fields',
  description: 'Every open action item has the fields the team requires (default: owner, due, validation, tracking), and its due date is a date.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, config, now }) {
    const out: RuleFinding[] = [];
    const required = requiredActionFields(config);
    for (const item of review.actions) {
      if (item.status === 'done' || item.status === 'wont-do') continue;
      const missing = required.filter(k => !item.fields.get(k)?.value.replace(/[*_`]/g, '').trim());
      if (missing.length) {
        const absent = missing.filter(k => !item.fields.has(k));
        const fixes: Fix[] = [];
        if (absent.length === missing.length) {
          const fix = insertFieldsFix(review, item, absent, now, `Add ${absent.join(', ')}`);
          if (fix) fixes.push(fix);
        }
        out.push({
          message: `${itemName(item)} has no ${list(missing.map(k => own(FIELD_PURPOSE, k) ?? k))}: an action item someone can pick up names who does it, by when, how we know it worked and where it is tracked.`,
          range: itemRange(item),
          fixes,
        });
      }
      const due = item.fields.get('due');
      const dueValue = due?.value.replace(/[*_`]/g, '').trim();
      if (due && dueValue && ISO_DAY.test(dueValue) && !isDay(dueValue)) {
        out.push({ message: `The due date of ${itemName(item)} is "${quote(dueValue, 30)}", a day that does not exist: write the date meant (YYYY-MM-DD), so that the plan can be tracked and an overdue action noticed.`, range: due.valueRange });
      } else if (due && dueValue && !ISO_DAY.test(dueValue)) {
        out.push({ message: `The due date of ${itemName(item)} is "${quote(dueValue, 30)}": write a date (YYYY-MM-DD), so that the plan can be tracked and an overdue action noticed.`, range: due.valueRange });
      }
    }
    return out;
  },
};

function list(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}
