/**
 * Milestones as the format writes them: a timeline entry tagged `[detected]`, and the front matter
 * keys `started`, `detected`, `mitigated`, `resolved`. Pure.
 */
import { MILESTONES, type Milestone } from '../model';

export { MILESTONES, type Milestone };

/** A milestone tag, the milestone captured: `[detected]`. Build patterns with milestoneTagPattern(). */
export const MILESTONE_TAG = String.raw`\[(started|detected|mitigated|resolved)\]`;

/** A new pattern for milestone tags (case-insensitive), with the given extra flags (e.g. 'g'). */
export function milestoneTagPattern(flags = ''): RegExp {
  return new RegExp(MILESTONE_TAG, 'i' + flags);
}

/** Tags at the end of a text (`… [detected] [mitigated]`), with the white space before them. */
export const TRAILING_MILESTONE_TAGS = new RegExp(String.raw`(?:\s*\[(?:started|detected|mitigated|resolved)\])+\s*$`, 'i');

const TAG = milestoneTagPattern('g');

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
