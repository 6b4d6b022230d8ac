import { parseReview, type WorkspaceFacts } from '../core';

/** Action and review IDs across the files of one run, for the cross-file checks. */
export function collectWorkspaceFacts(texts: Map<string, string>): WorkspaceFacts {
  const facts: WorkspaceFacts = { actionIds: new Map(), reviewIds: new Map() };
  for (const [file, text] of texts) {
    const r = parseReview(text, { uri: file });
    const id = r.frontMatter?.data.id;
    if (typeof id === 'string') push(facts.reviewIds, id, file);
    for (const a of r.actions) if (a.id) push(facts.actionIds, a.id, file);
  }
  return facts;
}

function push(map: Map<string, string[]>, key: string, file: string) {
  const list = map.get(key);
  if (list) { if (!list.includes(file)) list.push(file); } else map.set(key, [file]);
}
