import type { Rule } from './rule';
import { missingRootCause } from './missing-root-cause';
import { vagueAction } from './vague-action';
import { nonUtcTimestamp } from './non-utc-timestamp';
import { missingSection } from './missing-section';
import { emptySection } from './empty-section';
import { shallowRootCause } from './shallow-root-cause';
import { frontMatterSchema } from './front-matter-schema';
import { duplicateReviewId } from './duplicate-review-id';
import { majorIncident } from './major-incident';
import { milestoneOrder } from './milestone-order';
import { reviewMeetingDeadline } from './review-meeting-deadline';
import { requiredRoles } from './required-roles';
import { residualRiskApprover } from './residual-risk-approver';
import { timestampMissingDate } from './timestamp-missing-date';
import { timelineOrder } from './timeline-order';
import { timelineMilestones } from './timeline-milestones';
import { actionFields } from './action-fields';
import { actionOverdue } from './action-overdue';
import { actionDoneUnverified } from './action-done-unverified';
import { duplicateActionId } from './duplicate-action-id';
import { noActionItems } from './no-action-items';
import { wontDoWithoutRiskAcceptance } from './wont-do-without-risk-acceptance';
import { blamefulLanguage } from './blameful-language';
import { ticketDrift } from './ticket-drift';

/** Every rule, in documentation order (docs/rules/README.md). One rule per file; add new rules here. */
export const RULES: Rule[] = [
  // structure
  missingSection, missingRootCause, emptySection, shallowRootCause,
  // front matter
  frontMatterSchema, duplicateReviewId, majorIncident, milestoneOrder, reviewMeetingDeadline, requiredRoles, residualRiskApprover,
  // timeline
  nonUtcTimestamp, timestampMissingDate, timelineOrder, timelineMilestones,
  // action items
  vagueAction, actionFields, actionOverdue, actionDoneUnverified, duplicateActionId, noActionItems, wontDoWithoutRiskAcceptance, ticketDrift,
  // language
  blamefulLanguage,
];

/** Findings the parser itself reports, documented like rules. */
export const PARSE_RULES: { id: string; description: string; defaultSeverity: 'error' | 'warning' | 'info' }[] = [
  { id: 'front-matter-syntax', description: 'The front matter is valid YAML, a mapping of keys, closed by a --- line.', defaultSeverity: 'error' },
  { id: 'unreadable-file', description: 'A review is a UTF-8 text file the tool can read.', defaultSeverity: 'error' },
  { id: 'file-too-large', description: 'A review, and each of its sections, is small enough to analyse.', defaultSeverity: 'warning' },
];

export function ruleById(id: string): Rule | undefined { return RULES.find(r => r.id === id); }

export function allRuleMeta(): { id: string; description: string; defaultSeverity: string }[] {
  return [...RULES.map(r => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity })), ...PARSE_RULES];
}
