import type { Rule, RuleFinding } from './rule';
import { sectionSpec } from '../parse/sections';
import { frontMatterStart } from './support/frontMatter';
import { SECTION_PURPOSE, insertSectionFix } from './support/sections';

export const missingSection: Rule = {
  id: 'missing-section',
  description: 'The review has every section the team requires (by default all but "Policy and procedure changes" and "Open questions"), under its name or a recognised alias.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, config }) {
    const out: RuleFinding[] = [];
    const range = review.title?.range ?? frontMatterStart(review);
    for (const kind of new Set(config.requiredSections)) {
      if (kind === 'root-cause') continue; // missing-root-cause reports it, as an error
      if (review.section(kind) || review.mayServe(kind)) continue;
      const spec = sectionSpec(kind);
      const aka = spec.aliases.slice(0, 2).map(a => `"${a.replace(/^./, c => c.toUpperCase())}"`).join(', ');
      out.push({
        message: `No "${spec.title}" section: add a level-2 heading "## ${spec.title}"${aka ? ` (or ${aka})` : ''} with ${SECTION_PURPOSE[kind]}.`,
        range,
        fixes: [insertSectionFix(review, kind)],
      });
    }
    return out;
  },
};
