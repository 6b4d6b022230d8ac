import type { Rule, RuleFinding } from './rule';
import type { Fix } from '../types';
import { insertFieldsFix, itemName, itemRange } from './support/actionItems';
import { isDoneAndVerified } from '../format/verified';

export const actionDoneUnverified: Rule = {
  id: 'action-done-unverified',
  description: 'An action item marked done carries evidence that it was implemented and verified (a merged change, a closed ticket, a drill result).',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, now }) {
    const out: RuleFinding[] = [];
    for (const item of review.actions) {
      if (item.status !== 'done') continue;
      if (isDoneAndVerified({ status: item.status, evidence: item.fields.get('evidence')?.value })) continue;
      const noValidation = !item.fields.get('validation')?.value.trim();
      const fixes: Fix[] = [];
      if (!item.fields.has('evidence')) {
        const add = insertFieldsFix(review, item, ['evidence'], now, 'Add evidence');
        if (add) fixes.push(add);
      }
      if (item.form !== 'table' && item.checked && item.checkboxRange && !item.fields.has('status')) {
        fixes.push({ title: 'Not verified yet: mark it open again', edits: [{ range: item.checkboxRange, newText: '[ ]' }] });
      }
      out.push({
        message: `${itemName(item)} is marked done but has no evidence${noValidation ? ' and no validation' : ''}: done means implemented and verified. Link the merged change, the closed ticket or the drill result${item.form === 'table' ? ' in an Evidence column' : ' with `evidence:`'}.`,
        range: item.form !== 'table' && item.checkboxRange && item.checked ? { start: item.checkboxRange.start, end: itemRange(item).end } : itemRange(item),
        fixes,
      });
    }
    return out;
  },
};
