import type { Rule, RuleFinding } from './rule';
import { insertSectionFix, sectionContentText } from './support/sections';

const UNKNOWN = /^(?:tbd|tbc|to be determined|to be confirmed|unknown|not (?:yet )?known|under investigation|still under investigation|investigation (?:is )?ongoing|pending|n\/a|todo|\?+|-+)\.?$/i;
const UNKNOWN_LEAD = /^(?:tbd|tbc|unknown|under investigation|not yet known|still unknown|pending)\b/i;

export const missingRootCause: Rule = {
  id: 'missing-root-cause',
  description: 'A review states its root cause: the conditions in the system that made the incident possible.',
  defaultSeverity: 'error',
  completeness: true,
  check({ review }) {
    const section = review.section('root-cause');
    if (!section) {
      if (review.mayServe('root-cause')) return []; // a part without a cause heading explains the cause
      return [{
        message: 'No "Root cause" section: say what conditions in the system made this incident possible. Without it the action items have nothing to correct.',
        range: review.title?.range ?? review.frontMatter?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [insertSectionFix(review, 'root-cause')],
      }];
    }
    const text = sectionContentText(section.subtree());
    const out: RuleFinding[] = [];
    if (!text) {
      out.push({ message: 'The "Root cause" section is empty: say what conditions in the system made this incident possible.', range: section.headingRange });
    } else if (UNKNOWN.test(text) || (UNKNOWN_LEAD.test(text) && text.split(/\s+/).length <= 12)) {
      const hasOwner = /@[\w-]+|\bowner\s*:/i.test(section.body) || /@[\w-]+/.test(review.section('questions')?.body ?? '');
      if (!hasOwner) {
        out.push({
          severity: 'info',
          message: `The root cause is not known yet ("${text.slice(0, 40)}"): name who follows it up and by when (an owner with @handle here or under "Open questions").`,
          range: section.headingRange,
        });
      }
    }
    return out;
  },
};
