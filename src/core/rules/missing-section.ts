import type { Rule, RuleFinding } from './rule';
import type { SectionKind } from '../parse/sections';
import { sectionSpec } from '../parse/sections';
import { frontMatterStart, insertSectionFix } from './helpers';

/** Why each section is in the format, for the message. */
export const SECTION_PURPOSE: Record<SectionKind, string> = {
  'summary': 'what happened, for how long, to whom, and what ended it, for readers who read nothing else',
  'impact': 'who and what was affected, how much and for how long',
  'timeline': 'the factual record of what happened when, in UTC',
  'response': 'how the incident was detected, contained and resolved, and the key decisions',
  'root-cause': 'the conditions in the system that made the incident possible',
  'contributing-factors': 'what made the incident more likely, larger or longer',
  'went-well': 'what helped, and is worth keeping',
  'went-poorly': 'what hindered detection, diagnosis or recovery, and is worth changing',
  'lucky': 'what limited the damage by chance rather than by design: risks that will not be lucky next time',
  'lessons': 'what the team now knows that it did not before',
  'actions': 'the corrective action plan: what will change, who does it and by when',
  'policy': 'the policies, runbooks or procedures this review changes',
  'questions': 'what is still unknown, each with someone who follows it up',
};

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
