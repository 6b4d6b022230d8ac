import type { Rule, RuleFinding } from './rule';
import { own } from '../safe/keys';
import type { Fix } from '../types';
import { dueDay, plainFieldValue } from '../format/actionItem';
import { FIELD_PURPOSE, fieldPlaceholder, insertFieldsFix, itemName, itemRange } from './support/actionItems';
import { requiredActionFields } from '../format/requiredFields';
import { quote } from './support/text';

/** The placeholder the fixes write for a key (not `due`, which depends on the day), lower-cased: one per key, made once. */
const WRITTEN = new Map<string, string>();
function writtenPlaceholder(key: string): string {
  let p = WRITTEN.get(key);
  if (p === undefined) { p = fieldPlaceholder(key, new Date(0)).toLowerCase(); if (WRITTEN.size < 64) WRITTEN.set(key, p); }
  return p;
}

/**
 * Whether a field's value is still a placeholder: the ones this project writes (the importer's and
 * the quick fixes': `@owner`, `YYYY-MM-DD`, `link to the ticket`, the validation prompt) or a
 * generic one (TBD, TODO, ?, -, <owner>). A placeholder counts as a missing field.
 */
export function isPlaceholderValue(key: string, value: string): boolean {
  const v = value.replace(/[*_`]/g, '').trim().toLowerCase();
  if (!v) return true;
  if (/^(tbd|tbc|todo|to do|n\/?a|none|unknown|\?+|-+|[—–]|\.{2,}|…|xxx+|<[^>]*>|\[[^\]]*\])$/.test(v)) return true;
  if (key !== 'due' && key !== 'type' && v === writtenPlaceholder(key)) return true;
  switch (key) {
    case 'owner': return /^@?(owner|someone|somebody|name|team|assignee|tbd)$/.test(v);
    case 'due': return /^(yyyy-mm-dd|yyyy\/mm\/dd|dd\.mm\.yyyy|date)$/.test(v);
    case 'tracking': return /^(link to the ticket|link|ticket|url|https?:\/\/(example\.com|\.\.\.)\/?)$/.test(v);
    case 'validation': return /^how we will know (it worked|the change works)/.test(v);
    default: return false;
  }
}

export const actionFields: Rule = {
  id: 'action-fields',
  description: 'Every open action item has the fields the team requires (default: owner, due, validation, tracking), and its due date is a date.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, config, now }) {
    const out: RuleFinding[] = [];
    const required = requiredActionFields(config);
    // the message's text after the item's name, per set of missing fields (the same for most items of a review)
    const said = new Map<string, string>();
    for (const item of review.actions) {
      if (item.status === 'done' || item.status === 'wont-do') continue;
      const missing = required.filter(k => isPlaceholderValue(k, item.fields.get(k)?.value ?? ''));
      if (missing.length) {
        const absent = missing.filter(k => !item.fields.has(k));
        const fixes: Fix[] = [];
        const names = missing.join(', ');
        if (absent.length === missing.length) {
          const fix = insertFieldsFix(review, item, absent, now, `Add ${names}`);
          if (fix) fixes.push(fix);
        }
        let tail = said.get(names);
        if (tail === undefined) said.set(names, tail = ` has no ${list(missing.map(k => own(FIELD_PURPOSE, k) ?? k))}: an action item someone can pick up names who does it, by when, how we know it worked and where it is tracked.`);
        out.push({
          message: itemName(item) + tail,
          range: itemRange(item),
          fixes,
        });
      }
      const due = item.fields.get('due');
      const dueValue = due && plainFieldValue(due.value);
      if (due && dueValue && /^\d{4}-\d{2}-\d{2}$/.test(dueValue) && dueDay(dueValue) === undefined) {
        out.push({ message: `The due date of ${itemName(item)} is "${quote(dueValue, 30)}", a day that does not exist: write the date meant (YYYY-MM-DD), so that the plan can be tracked and an overdue action noticed.`, range: due.valueRange });
      } else if (due && dueValue && dueDay(dueValue) === undefined && !isPlaceholderValue('due', dueValue)) {
        out.push({ message: `The due date of ${itemName(item)} is "${quote(dueValue, 30)}": write a date (YYYY-MM-DD), so that the plan can be tracked and an overdue action noticed.`, range: due.valueRange });
      }
    }
    return out;
  },
};

function list(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}
