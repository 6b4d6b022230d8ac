import type { Rule, RuleFinding } from './rule';
import { snippetEscape } from '../safe/snippet';
import type { Review } from '../model';
import type { WorkspaceFacts } from './rule';
import { otherFiles, shortName } from './support/workspace';

/**
 * Hands out action IDs in the document's style that no file of the workspace uses (the editor's
 * index, or the files of a CLI run and their siblings) and that it has not handed out before, so
 * that fixing 500 duplicates at once gives 500 distinct IDs. Linear: the taken IDs are gathered
 * once, and the highest number per prefix is found once.
 */
export function actionIdAllocator(review: Review, workspace: WorkspaceFacts | undefined): (like?: string) => string {
  const taken = new Set<string>(review.actions.map(a => a.id ?? ''));
  for (const id of workspace?.actionIds.keys() ?? []) taken.add(id);
  let docPrefix: string | undefined;
  for (const a of review.actions) {
    const n = a.id && /^(.*?)(\d+)$/.exec(a.id);
    if (n) { docPrefix = n[1]; break; }
  }
  const nextByPrefix = new Map<string, number>();
  return (like?: string) => {
    const m = like ? /^(.*?)(\d+)$/.exec(like) : undefined;
    const prefix = m ? m[1] : docPrefix ?? 'CAP-';
    let n = nextByPrefix.get(prefix);
    if (n === undefined) {
      let max = 0;
      for (const id of taken) {
        if (!id.startsWith(prefix)) continue;
        const rest = id.slice(prefix.length);
        if (/^\d+$/.test(rest)) max = Math.max(max, +rest);
      }
      n = max + 1;
    }
    while (taken.has(`${prefix}${n}`)) n++;
    const id = `${prefix}${n}`;
    taken.add(id);
    nextByPrefix.set(prefix, n + 1);
    return id;
  };
}

/** The next action ID in the document's style that no file of the workspace uses. */
export function freeActionId(review: Review, workspace: WorkspaceFacts | undefined, like?: string): string {
  return actionIdAllocator(review, workspace)(like);
}

export const duplicateActionId: Rule = {
  id: 'duplicate-action-id',
  description: 'Each action item ID is used once, in this review and across the workspace, so `depends:`, trackers and reports refer to one action.',
  defaultSeverity: 'error',
  check({ review, workspace }) {
    const out: RuleFinding[] = [];
    const first = new Map<string, number>();
    const renamed = new Set<string>();
    // one pass hands out distinct IDs: each new one is taken for the duplicates after it
    let allocator: ((like?: string) => string) | undefined;
    const allocate = (like: string) => (allocator ??= actionIdAllocator(review, workspace))(like);
    for (const a of review.actions) {
      if (!a.id || !a.idRange) continue;
      const prev = first.get(a.id);
      if (prev !== undefined) {
        const next = allocate(a.id);
        out.push({
          message: `${a.id} is already used on line ${prev + 1} for another action: give this one its own ID (${next} is free).`,
          range: a.idRange,
          fixes: [{ title: `Rename to ${next}`, edits: [{ range: a.idRange, newText: next }], isPreferred: true }],
        });
        continue;
      }
      first.set(a.id, a.line);
      const others = otherFiles(workspace?.actionIds.get(a.id), review.uri);
      if (others.length && !renamed.has(a.id)) {
        renamed.add(a.id);
        const next = allocate(a.id);
        out.push({
          message: `${a.id} is also an action in ${others.map(shortName).join(', ')}: action IDs are unique across the workspace so that depends: and trackers point at one action. Rename one of them (${next} is free).`,
          range: a.idRange,
          // a snippet, so that `pir lint --fix` never renames both copies: the author picks which one moves
          fixes: [{ title: `Rename to ${next}`, edits: [{ range: a.idRange, newText: `\${1:${snippetEscape(next)}}` }], snippet: true }],
        });
      }
    }
    return out;
  },
};
