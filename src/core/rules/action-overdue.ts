import type { Rule, RuleFinding } from './rule';
import { DAY_MS, utcDay } from '../time/calendar';
import { dueDay, isOpenStatus } from '../format/actionItem';
import { itemName } from './support/actionItems';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  description: 'No open, in-progress or blocked action item is past its due date.',
  defaultSeverity: 'warning',
  check({ review, now }) {
    const out: RuleFinding[] = [];
    const today = utcDay(now);
    for (const item of review.actions) {
      // the format's definition (format/actionItem isOverdue), as the tree and the exports use it
      if (!isOpenStatus(item.status)) continue;
      const due = item.fields.get('due');
      const day = dueDay(due?.value);
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
