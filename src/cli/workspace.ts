import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReviewIndex, workspaceFacts, type WorkspaceFacts } from '../core';
import { readText } from './files';

/** Indexes the files of one run (a line scan each, no Markdown parse). */
export function indexTexts(texts: Map<string, string>): ReviewIndex {
  const index = new ReviewIndex();
  for (const [file, text] of texts) index.update(file, text);
  return index;
}

/** Action and review IDs across the files of one run, for the cross-file checks. */
export function collectWorkspaceFacts(texts: Map<string, string>): WorkspaceFacts {
  return workspaceFacts(indexTexts(new Map([...texts, ...siblingTexts(texts)])));
}

/**
 * The reviews (*.pir.md) beside the files of a run that the run does not lint: `pir lint --fix one.pir.md`
 * must not rename an action ID to one a sibling review already uses, and a duplicate across the two
 * is reported. Files that cannot be read are left out (they are not this run's to report).
 */
export function siblingTexts(texts: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const dirs = new Set([...texts.keys()].map(f => path.dirname(f)));
  for (const dir of dirs) {
    let names: string[];
    try { names = fs.readdirSync(dir); } catch { continue; }
    for (const name of names) {
      if (!name.endsWith('.pir.md')) continue;
      const file = path.join(dir, name);
      if (texts.has(file) || out.has(file)) continue;
      // a regular file only: a symbolic link beside the reviews may lead outside the checkout (SECURITY.md)
      try { if (fs.lstatSync(file).isFile()) out.set(file, readText(file)); } catch { /* unreadable: skip */ }
    }
  }
  return out;
}
