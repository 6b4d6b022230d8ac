/**
 * The fields a new or rewritten action item must carry under the team's configuration
 * (`.pir.yaml` `actionFields`, default owner, due, validation, tracking), and their placeholders.
 * The action-fields rule, its "Add …" fix and the vague-action "Rewrite as a specific corrective
 * action" fix read them here, so a fix never leaves an item the action-fields rule then reports.
 */
import { canonicalField, FIELD_ORDER } from './actionItem';

const DAY_MS = 86_400_000;

/**
 * The canonical field keys a new or rewritten action item carries: `base` (what the caller's fix
 * adds anyway, e.g. owner, due, validation) and every field `config.actionFields` requires, once
 * each, in the format's field order (docs/format.md); unknown names (a team's own field) last, as
 * written in lower case.
 */
export function requiredActionFields(config: { actionFields: readonly string[] }, base: readonly string[] = []): string[] {
  const keys = [...new Set([...base, ...config.actionFields].map(k => canonicalField(k) ?? k.trim().toLowerCase()).filter(Boolean))];
  const rank = (k: string) => { const i = FIELD_ORDER.indexOf(k); return i < 0 ? FIELD_ORDER.length : i; };
  return keys.map((k, i) => [k, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([k]) => k);
}

let dueFor = { day: NaN, text: '' };

/** The placeholder a fix writes for a missing field (`now` gives a due date four weeks ahead). */
export function fieldPlaceholder(key: string, now: Date): string {
  switch (key) {
    case 'owner': return '@owner';
    case 'due': {
      // the same day for every item of a review (a fix per item): formatted once per day
      const day = Math.floor(now.getTime() / DAY_MS);
      if (day !== dueFor.day) dueFor = { day, text: new Date(day * DAY_MS + 28 * DAY_MS).toISOString().slice(0, 10) };
      return dueFor.text;
    }
    case 'validation': return 'how we will know it worked: a test, a drill, a query';
    case 'tracking': return 'link to the ticket';
    case 'type': return 'prevent';
    case 'domain': return 'e.g. monitoring';
    case 'evidence': return 'link to the merged change, closed ticket or drill result';
    default: return key;
  }
}

/** A required field line to add: its key and placeholder. */
export interface RequiredFieldLine { key: string; placeholder: string }

/**
 * The field lines an existing item still needs: the required fields (see requiredActionFields) it
 * does not have at all, with placeholders; `placeholders` overrides the default text per key.
 */
export function missingFieldLines(config: { actionFields: readonly string[] }, has: (key: string) => boolean, now: Date,
  base: readonly string[] = [], placeholders: Record<string, string> = {}): RequiredFieldLine[] {
  return requiredActionFields(config, base).filter(k => !has(k))
    .map(key => ({ key, placeholder: Object.prototype.hasOwnProperty.call(placeholders, key) ? placeholders[key] : fieldPlaceholder(key, now) }));
}
