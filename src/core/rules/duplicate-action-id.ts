import type { Rule, RuleFinding } from './rule';
import { snippetEscape } from '../safe/snippet';
import type { Review } from '../model';
import type { WorkspaceFacts } from './rule';

/** A file path or URI in a comparable form. */
function canonical(f: string): string {
  let s = f;
  try { if (/^file:/i.test(s)) s = decodeURIComponent(s.replace(/^file:\/\/(?:localhost)?/i, '')); } catch { /* keep */ }
  return s.replace(/\\/g, '/').replace(/^\/([a-z]):/i, (_, d: string) => `${d.toLowerCase()}:`).replace(/^([A-Z]):/, (_, d: string) => `${d.toLowerCase()}:`);
}

/** The files of a workspace list other than this one, each once (none when this document has no URI to compare). */
export function otherFiles(files: string[] | undefined, uri: string | undefined): string[] {
  if (!files || !uri) return [];
  const me = canonical(uri);
  const seen = new Set<string>();
  return files.filter(f => {
    const c = canonical(f);
    if (c === me || seen.has(c)) return false;
    seen.add(c);
    return true;
  });
}

export function shortName(f: string): string {
  const c = canonical(f);
  return c.slice(c.lastIndexOf('/') + 1) || c;
}

/** The next action ID in the document's style that no file of the workspace uses. */
export function freeActionId(review: Review, workspace: WorkspaceFacts | undefined, like?: string): string {
  const m = like ? /^(.*?)(\d+)$/.exec(like) : undefined;
  let prefix = m ? m[1] : 'CAP-';
  let max = 0;
  const taken = new Set<string>([...review.actions.map(a => a.id ?? ''), ...(workspace?.actionIds.keys() ?? [])]);
  if (!m) {
    for (const a of review.actions) {
      const n = a.id && /^(.*?)(\d+)$/.exec(a.id);
      if (n) { prefix = n[1]; break; }
    }
  }
  for (const id of taken) {
    if (id.startsWith(prefix)) {
      const rest = id.slice(prefix.length);
      if (/^\d+$/.test(rest)) max = Math.max(max, +rest);
    }
  }
  let n = max + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export const duplicateActionId: Rule = {
  id: 'duplicate-action-id',
  description: 'Each action item ID is used once, in this review and across the workspace, so `depends:`, trackers and reports refer to one action.',
  defaultSeverity: 'error',
  check({ review, workspace }) {
    const out: RuleFinding[] = [];
    const first = new Map<string, number>();
    const renamed = new Set<string>();
    for (const a of review.actions) {
      if (!a.id || !a.idRange) continue;
      const prev = first.get(a.id);
      if (prev !== undefined) {
        const next = freeActionId(review, workspace, a.id);
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
        const next = freeActionId(review, workspace, a.id);
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
