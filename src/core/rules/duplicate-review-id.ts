import type { Rule } from './rule';
import { fmRange } from './support/frontMatter';
import { otherFiles, shortName } from './support/workspace';

export const duplicateReviewId: Rule = {
  id: 'duplicate-review-id',
  description: 'Each review\'s `id` is unique across the workspace, so reports, links and action items point at one incident.',
  defaultSeverity: 'error',
  check({ review, workspace }) {
    const id = review.frontMatter?.data.id;
    if (typeof id !== 'string' || !id.trim() || !workspace) return [];
    const others = otherFiles(workspace.reviewIds.get(id), review.uri);
    if (!others.length) return [];
    return [{
      message: `The id "${id}" is also used by ${others.map(shortName).join(', ')}: each review needs its own id.`,
      range: fmRange(review, ['id'], 'value'),
    }];
  },
};
