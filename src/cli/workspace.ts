import { ReviewIndex, workspaceFacts, type WorkspaceFacts } from '../core';

/** Indexes the files of one run (a line scan each, no Markdown parse). */
export function indexTexts(texts: Map<string, string>): ReviewIndex {
  const index = new ReviewIndex();
  for (const [file, text] of texts) index.update(file, text);
  return index;
}

/** Action and review IDs across the files of one run, for the cross-file checks. */
export function collectWorkspaceFacts(texts: Map<string, string>): WorkspaceFacts {
  return workspaceFacts(indexTexts(texts));
}
