import type { Rule } from './rule';
import type { Fix } from '../types';
import { insertSectionFix, nextActionId, snippetEscape } from './helpers';
import { emptyContent } from './empty-section';
import { fieldPlaceholder } from './action-fields';

export const noActionItems: Rule = {
  id: 'no-action-items',
  description: 'A major incident\'s review has a corrective action plan: at least one action item.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, config, now }) {
    if (review.frontMatter?.data.major !== true || review.actions.length) return [];
    const section = review.section('actions');
    const message = 'This was a major incident but the review has no action items: list the corrective actions (a task list under "Action items"), each a specific change with an owner and a due date.';
    if (!section) {
      if (config.requiredSections.includes('actions')) return []; // missing-section reports it
      return [{ message, range: review.title?.range ?? review.frontMatter!.range, fixes: [insertSectionFix(review, 'actions')] }];
    }
    if (emptyContent(section) !== undefined) return []; // empty-section reports it
    // after the section's last line of content
    let last = section.endLine - 1;
    while (last > section.bodyStartLine && !review.lines.lineText(last).trim()) last--;
    const eol = review.eol;
    const fields = ['owner', 'due', 'validation', 'tracking'].map((k, i) => `${eol}  - ${k}: \${${i + 2}:${snippetEscape(fieldPlaceholder(k, now))}}`).join('');
    const at = { line: last, character: review.lines.lineText(last).length };
    const fix: Fix = {
      title: 'Add an action item',
      edits: [{ range: { start: at, end: at }, newText: `${eol}${eol}- [ ] ${snippetEscape(nextActionId(review))}: \${1:specific change to a named system}${fields}` }],
      isPreferred: true, snippet: true,
    };
    return [{ message, range: section.headingRange, fixes: [fix] }];
  },
};
