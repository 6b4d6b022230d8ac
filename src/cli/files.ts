import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export const REVIEW_GLOB = '**/*.pir.md';
export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**'];
/** A folder without any *.pir.md is a folder of existing postmortems: every *.md below, but the project's own files. */
export const POSTMORTEM_GLOB = '**/*.md';
const NOT_POSTMORTEMS = ['**/{README,CHANGELOG,CONTRIBUTING,CODE_OF_CONDUCT,SECURITY,LICENSE,LICENCE,AUTHORS,SUPPORT}.md', '**/{readme,changelog,contributing,license}.md'];

export class UsageError extends Error {}

/**
 * Expands files, directories and globs into a sorted list of absolute paths. A directory means
 * every *.pir.md below it; a directory holding none is a folder of existing postmortems: every *.md
 * below it except README, CHANGELOG and the like. Throws UsageError (exit 2) for a path that does
 * not exist, a glob that matches nothing and a folder with neither, naming the input as typed.
 */
export function expandInputs(inputs: string[], cwd = process.cwd()): string[] {
  const out = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try { stat = fs.statSync(abs); } catch { /* maybe a glob */ }
    if (stat?.isDirectory()) {
      let found = globSync(REVIEW_GLOB, { cwd: abs, absolute: true, ignore: DEFAULT_IGNORE, dot: false });
      if (!found.length) found = globSync(POSTMORTEM_GLOB, { cwd: abs, absolute: true, ignore: [...DEFAULT_IGNORE, ...NOT_POSTMORTEMS], dot: false });
      // a mistyped folder must not pass CI as "no problems"
      if (!found.length) throw new UsageError(`No reviews found in ${input === '.' ? 'this folder' : input} (a review is a *.pir.md file, or a Markdown postmortem in a folder of them).`);
      for (const f of found) out.add(path.normalize(f));
    } else if (stat?.isFile()) {
      out.add(abs);
    } else if (isDynamicPattern(input)) {
      const found = globSync(input, { cwd, absolute: true, ignore: DEFAULT_IGNORE });
      if (!found.length) throw new UsageError(`No files match "${input}".`);
      for (const f of found) out.add(path.normalize(f));
    } else {
      throw new UsageError(`No such file or directory: ${input}`);
    }
  }
  return [...out].sort();
}

/** Reads a file as text, keeping a BOM so a rewrite preserves it. */
export function readText(file: string): string {
  const buf = fs.readFileSync(file);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
}

/** Writes through a temporary file and a rename, so a crash never leaves a half-written review. */
export function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try { mode = fs.statSync(file).mode; } catch { /* new file */ }
  fs.writeFileSync(tmp, text, mode !== undefined ? { mode } : undefined);
  try { fs.renameSync(tmp, file); } catch (e) { fs.rmSync(tmp, { force: true }); throw e; }
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
