/** The prose of a review for the language rules. */
import type { Review, Section } from '../../model';
import { sectionProse, type Prose } from '../../parse/prose';

export type { Prose } from '../../parse/prose';
export { sectionProse } from '../../parse/prose';

/** The prose of the whole review: the H1 title, the front matter title and every part (parse/outline.ts). */
export function reviewProse(review: Review, skip?: (s: Section) => boolean): { prose: Prose; section?: Section }[] {
  const out: { prose: Prose; section?: Section }[] = [];
  if (review.title) {
    const a = review.lines.offsetAt(review.title.range.start);
    out.push({ prose: { text: review.text.slice(a, review.lines.offsetAt(review.title.range.end)), start: a } });
  }
  const t = review.frontMatter?.rangeOf(['title'], 'value');
  if (t && typeof review.frontMatter?.data.title === 'string') {
    const a = review.lines.offsetAt(t.start);
    out.push({ prose: { text: review.text.slice(a, review.lines.offsetAt(t.end)), start: a } });
  }
  for (const s of review.sections) {
    if (skip?.(s)) continue;
    for (const p of sectionProse(review, s)) out.push({ prose: p, section: s });
  }
  return out;
}
