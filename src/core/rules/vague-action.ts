import { readListItem } from '../format/listItem';
import type { Rule, RuleFinding } from './rule';
import { assessAction, describeMissing, type Missing } from '../analysis/action-quality';
import { taggerAvailable } from '../analysis/pos';
import type { Fix, TextEdit } from '../types';
import { fieldLine, nextActionId } from './support/actionItems';
import { endOfLine, snippetEscape } from './support/edits';
import { missingFieldLines } from '../format/requiredFields';

/** What makes an action specific enough to pick up; the team's required fields (`actionFields`) come on top. */
const SPECIFIC = ['owner', 'due', 'validation'];
// due: a date four weeks ahead (as the action-fields fix), so the item is a valid action the moment it is written
const PLACEHOLDERS: Record<string, string> = { owner: '@owner', validation: 'how we will know the change works' };

/**
 * The canonical form of an item, with a placeholder for each part it lacks, after the author's
 * words (placeholder 1): the change, its target, the signal and condition, the artifact, the bound.
 * Returns the snippet text and the next free placeholder number.
 */
export function canonicalTitle(title: string, missing: Missing[]): { text: string; next: number } {
  let n = 2;
  const ph = (s: string) => `\${${n++}:${snippetEscape(s)}}`;
  let text = `\${1:${snippetEscape(title)}}`;
  const has = (m: Missing) => missing.includes(m);
  if (has('change')) text += `: ${ph('the change (add, remove, set, replace …)')} ${ph(has('target') ? 'the named system, setting or artifact' : 'in what')}`;
  else if (has('target')) text += ` in ${ph('the named system, component, setting or artifact')}`;
  if (has('signal')) text += `: alert on ${ph('signal (error rate, latency, queue depth …)')} when ${ph('condition or threshold')}`;
  if (has('artifact')) text += `, with ${ph('the runbook, checklist or drill it produces')}`;
  if (has('bound')) text += `: check whether ${ph('the hypothesis')}, done when ${ph('the question is answered or the time box ends')}`;
  return { text, next: n };
}

/**
 * The action items of one review this rule judges: the first 2,000 (reviews hold tens; the
 * analysis tags each item's words, about 40 µs an item, so a generated file of 100,000 items would
 * take seconds). The items after these are not judged, and one info finding says so.
 */
export const MAX_JUDGED_ITEMS = 2000;

export const vagueAction: Rule = {
  id: 'vague-action',
  description: 'Each action item names a specific change to a named system, signal, threshold or artifact, so a ticket can be opened and closed.',
  defaultSeverity: 'warning',
  check({ review, config, now }) {
    const out: RuleFinding[] = [];
    // VS Code for the Web loads the tagger after activation; until then this rule waits (the extension re-lints once it is there)
    if (!review.actions.some(a => a.title) || !taggerAvailable()) return out;
    // the same next free ID for every item without one, found once (once per item was quadratic in the number of items)
    let nextId: string | undefined;
    let judged = 0;
    for (const [i, item] of review.actions.entries()) {
      if (!item.title) continue;
      if (judged++ === MAX_JUDGED_ITEMS) {
        const left = review.actions.slice(i).filter(x => x.title).length;
        out.push({
          message: `Not checked for vague actions: the ${left.toLocaleString('en-US')} action items from here on (this rule judges the first ${MAX_JUDGED_ITEMS.toLocaleString('en-US')} of a review). Split the review, or move the items to a tracker.`,
          range: item.titleRange, severity: 'info',
        });
        break;
      }
      const a = assessAction(item.title, config.vagueActionPhrases);
      if (!a.vague) continue;
      const fixes: Fix[] = [];
      if (item.form === 'task' || item.form === 'list') {
        // canonical form: a task item with an ID, the title as the first placeholder, missing fields as the next
        const lineText = review.lines.lineText(item.line);
        const marker = lineText.slice(0, readListItem(lineText)!.markerEnd);
        const checkbox = item.checked ? '[x] ' : '[ ] ';
        const id = item.id ?? (nextId ??= nextActionId(review));
        const canonical = canonicalTitle(item.title, a.missing);
        const head = `${snippetEscape(marker + checkbox + id)}: ${canonical.text}`;
        const edits: TextEdit[] = [{ range: review.lines.lineRange(item.line), newText: head }];
        let tab = canonical.next; let fields = '';
        for (const f of missingFieldLines(config, k => item.fields.has(k), now, SPECIFIC, PLACEHOLDERS)) fields += fieldLine(item, f.key, f.placeholder, tab++, review.eol);
        if (fields) edits.push({ range: endOfLine(review, item.lastLine), newText: fields });
        fixes.push({ title: `Rewrite as a specific corrective action: name ${describeMissing(a.missing)} (owner, due date, validation)`, edits, isPreferred: true, snippet: true });
      }
      out.push({
        message: `Vague action: "${item.title.length > 60 ? item.title.slice(0, 57) + '…' : item.title}" ${a.because}. Name ${describeMissing(a.missing)}.`,
        range: item.titleRange,
        fixes,
      });
    }
    return out;
  },
};
