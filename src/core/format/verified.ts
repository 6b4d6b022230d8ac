/**
 * When a corrective action counts as done and verified: it is done (checked, or a done status) and
 * it carries evidence of the change and of the check (`evidence:` — the merged change, the closed
 * ticket, the drill result). A `validation:` alone says how it will be checked, not that it was.
 * The action-done-unverified rule, the audit report and the Reviews view read this one definition.
 */
import type { ActionStatus } from '../model';

/** Whether an item is done and verified. `evidence` is the field's value as read (markup allowed). */
export function isDoneAndVerified(item: { status: ActionStatus; evidence?: string }): boolean {
  return item.status === 'done' && hasEvidence(item.evidence);
}

/** Whether an `evidence` value says something: not empty once emphasis and code markers are removed. */
export function hasEvidence(evidence: string | undefined): boolean {
  return !!evidence && evidence.replace(/[*_`]/g, '').trim() !== '';
}
