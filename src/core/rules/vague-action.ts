import type { Rule, RuleFinding } from './rule';
import { assessAction, describeMissing } from '../analysis/action-quality';
import { endOfLine, fieldLine, nextActionId, snippetEscape } from './helpers';
import type { Fix, TextEdit } from '../types';
import { missingFieldLines } from '../format/requiredFields';

/** What makes an action specific enough to pick up; the team's required fields (`actionFields`) come on top. */
const SPECIFIC = ['owner', 'due', 'validation'];
// due: a date four weeks ahead (as the action-fields fix), so the item is a valid action the moment it is written
const PLACEHOLDERS: Record<string, string> = { owner: '@owner', validation: 'how we will know the change works' };

export const vagueAction: Rule = {
  id: 'vague-action',
  description: 'Each action item names a specific change to a named system, signal, threshold or artifact, so a ticket can be opened and closed.',
  defaultSeverity: 'warning',
  check({ review, config, now }) {
    const out: RuleFinding[] = [];
    for (const item of review.actions) {
      if (!item.title) continue;
      const a = assessAction(item.title, config.vagueActionPhrases);
      if (!a.vague) continue;
      const fixes: Fix[] = [];
      if (item.form !== 'table') {
        // canonical form: a task item with an ID, the title as the first placeholder, missing fields as the next
        const lineText = review.lines.lineText(item.line);
        const marker = /^(\s*(?:[-*+]|\d+[.)])\s+)/.exec(lineText)![1];
        const checkbox = item.checked ? '[x] ' : '[ ] ';
        const id = item.id ?? nextActionId(review);
        const head = `${snippetEscape(marker + checkbox + id)}: \${1:${snippetEscape(item.title)}}`;
        const edits: TextEdit[] = [{ range: review.lines.lineRange(item.line), newText: head }];
        let tab = 2; let fields = '';
        for (const f of missingFieldLines(config, k => item.fields.has(k), now, SPECIFIC, PLACEHOLDERS)) fields += fieldLine(item, f.key, f.placeholder, tab++, review.eol);
        if (fields) edits.push({ range: endOfLine(review, item.lastLine), newText: fields });
        fixes.push({ title: 'Rewrite as a specific corrective action (change, owner, due date, validation)', edits, isPreferred: true, snippet: true });
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
