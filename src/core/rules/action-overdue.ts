import type { Rule, RuleFinding } from './rule';
import { DAY_MS, parseDay } from './helpers';
import { itemName } from './action-fields';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  description: 'No open, in-progress or blocked action item is past its due date.',
  defaultSeverity: 'warning',
  check({ review, now }) {
    const out: RuleFinding[] = [];
    const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    for (const item of review.actions) {
      if (item.status !== 'open' && item.status !== 'in-progress' && item.status !== 'blocked') continue;
      const due = item.fields.get('due');
      const day = due && parseDay(due.value.replace(/[*_`]/g, '').trim());
      if (!due || day === undefined || day >= today) continue;
      const days = Math.round((today - day) / DAY_MS);
      const state = item.status === 'open' ? 'still open' : `still ${item.status}`;
      out.push({
        message: `${itemName(item)} was due ${days === 1 ? 'yesterday' : `${days} days ago`} and is ${state}: finish it and tick it off with evidence, or agree a new date and change \`due\`.`,
        range: due.valueRange,
      });
    }
    return out;
  },
};
