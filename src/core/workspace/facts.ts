import type { WorkspaceFacts } from '../rules/rule';
import type { ReviewIndex } from './index';

/** What the rules may know of the rest of the workspace, from the index. */
export function workspaceFacts(index: ReviewIndex): WorkspaceFacts {
  return { actionIds: index.actionIds(), reviewIds: index.reviewIds() };
}
