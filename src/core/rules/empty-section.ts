import type { Rule, RuleFinding } from './rule';
import { SECTION_PURPOSE, emptyContent } from './support/sections';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'No section of the format is left empty or holding only a placeholder (TBD, N/A, TODO, -) or the template\'s prompt.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review }) {
    const out: RuleFinding[] = [];
    for (const s of review.sections) {
      if (!s.kind || s.kind === 'root-cause') continue; // missing-root-cause reports an empty root cause
      // a sub-heading that only groups its parent's text ("### Completed" under the action items) is not a section of its own
      if (!s.ownKinds.length || (s.parent && s.parent.kinds.some(k => s.kinds.includes(k)))) continue;
      const empty = emptyContent(s);
      if (empty === undefined) continue;
      const what = empty === '' ? 'is empty' : empty.length < 12 ? `only says "${empty}"` : 'only holds the template\'s prompt';
      const hint = s.kind === 'lucky' || s.kind === 'went-poorly' || s.kind === 'went-well'
        ? ' If there really is nothing to say, say so in a sentence and why (for example "Nothing: detection, diagnosis and recovery each took under five minutes").'
        : '';
      out.push({
        message: `The "${s.heading}" section ${what}: write ${SECTION_PURPOSE[s.kind]}.${hint}`,
        range: s.headingRange,
      });
    }
    return out;
  },
};
