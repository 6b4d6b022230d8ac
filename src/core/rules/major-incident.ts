import { isMap } from 'yaml';
import type { Rule } from './rule';
import type { Fix } from '../types';
import { FRONT_MATTER_KEYS, fmInsertEdit, fmRange, frontMatterStart, hasKeyOrTypo, isBlank } from './support/frontMatter';

export const majorIncident: Rule = {
  id: 'major-incident',
  description: 'The review records whether the incident was major (`major: true|false`); a major incident also states why (`major_rationale`) and who signs off the review (`approver`).',
  defaultSeverity: 'error',
  completeness: true,
  check({ review }) {
    const fm = review.frontMatter;
    if (!fm || !fm.closed || fm.doc.errors.length || !isMap(fm.doc.contents)) return [];
    const d = fm.data;
    if (!hasKeyOrTypo(d, 'major', FRONT_MATTER_KEYS)) {
      const no = fmInsertEdit(review, ['major: false']);
      const yes = fmInsertEdit(review, ['major: true', 'major_rationale: ${1:why this incident is major (impact, duration, the threshold it crossed)}', 'approver: ${2:who signs off the review}']);
      const fixes: Fix[] = [];
      if (no) fixes.push({ title: 'Not a major incident: add "major: false"', edits: [no] });
      if (yes) fixes.push({ title: 'A major incident: add "major: true" with its rationale and approver', edits: [yes], snippet: true });
      return [{
        message: 'The front matter does not say whether this was a major incident: add `major: true` or `major: false`. The decision sets how much the review must cover, and who signs it off.',
        range: frontMatterStart(review),
        fixes,
      }];
    }
    if (d.major !== true) return [];
    // an empty value counts as missing; a misspelt key is reported (once) by front-matter-schema
    const missing = ['major_rationale', 'approver'].filter(k => (k in d ? isBlank(d[k]) : !hasKeyOrTypo(d, k, FRONT_MATTER_KEYS)));
    if (!missing.length) return [];
    const edit = !missing.some(k => k in d)
      ? fmInsertEdit(review, missing.map((k, i) => `${k}: \${${i + 1}:${k === 'approver' ? 'who signs off the review' : 'why this incident is major (impact, duration, the threshold it crossed)'}}`))
      : undefined;
    const what = missing.map(k => (k === 'approver' ? '`approver` (who signs off the review)' : '`major_rationale` (why it is major)')).join(' and ');
    return [{
      message: `A major incident needs ${what}: the decision to call an incident major is recorded with its reason, and a major review is approved by someone accountable.`,
      range: fmRange(review, ['major'], 'value'),
      fixes: edit ? [{ title: `Add ${missing.join(' and ')}`, edits: [edit], isPreferred: true, snippet: true }] : [],
    }];
  },
};
