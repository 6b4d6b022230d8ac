import type { Rule, RuleFinding } from './rule';
import type { Section } from '../model';
import { sectionSpec } from '../parse/sections';
import { sectionContentText } from './helpers';
import { SECTION_PURPOSE } from './missing-section';

const PLACEHOLDER = /^(?:tbd|tbc|todo|to ?do|n\/?a|-+|[—–]|\.{2,}|…|\?+|xxx+)[.!]?$/i;

/**
 * What a section holds when it is empty: '' for nothing, the placeholder ("TBD"), or the template's
 * prompt; undefined when it has content.
 */
export function emptyContent(section: Section): string | undefined {
  const body = section.subtree();
  // a long body is never empty: skip the clean-up (sections can be megabytes)
  if (body.replace(/\s+/g, '').length > 400 && !/<!--/.test(body.slice(0, 200))) return undefined;
  const text = sectionContentText(body);
  if (!text) return '';
  if (PLACEHOLDER.test(text)) return text;
  const prompt = section.kind ? sectionSpec(section.kind).prompt : '';
  if (prompt && text.replace(/[.\s]+$/, '').toLowerCase() === prompt.replace(/[.\s]+$/, '').toLowerCase()) return text;
  return undefined;
}

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
