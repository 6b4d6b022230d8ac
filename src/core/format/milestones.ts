/**
 * Milestones as the format writes them: a timeline entry tagged `[detected]`, and the front matter
 * keys `started`, `detected`, `mitigated`, `resolved`. Pure.
 */
import { MILESTONES, type Milestone } from '../model';

export { MILESTONES, type Milestone };

const TAG = /\[(started|detected|mitigated|resolved)\]/gi;

export interface MilestoneTag { milestone: Milestone; /** offsets in the text */ start: number; end: number }

/** The milestone tags in a text (case-insensitive: `[Detected]` is a tag). */
export function milestoneTags(text: string): MilestoneTag[] {
  const out: MilestoneTag[] = [];
  for (const m of text.matchAll(TAG)) out.push({ milestone: m[1].toLowerCase() as Milestone, start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** The text with its milestone tags removed. */
export function withoutMilestoneTags(text: string): string {
  return text.replace(TAG, '');
}

/** Whether a string names a milestone. */
export function isMilestone(s: string): s is Milestone {
  return (MILESTONES as string[]).includes(s);
}
