import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { globProblem } from '../core/safe/glob';

export const REVIEW_GLOB = '**/*.pir.md';
export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**'];

export class UsageError extends Error {}

/**
 * Expands files, directories and globs into a sorted list of absolute paths. A directory means
 * every *.pir.md below it; a directory holding none is a folder of existing postmortems: every *.md
 * below it except README, CHANGELOG and the like. Throws UsageError (exit 2) for a path that does
 * not exist, a glob that matches nothing and a folder with neither, naming the input as typed.
 *
 * Symbolic links never take the run outside the tree it was given: directory links are not
 * followed, and a file whose real path leaves its root (the directory given; the current directory
 * for globs and for files named inside it) is skipped with one message through `warn`. A file
 * named by a path outside the current directory is read where it is.
 */
export function expandInputs(inputs: string[], cwd = process.cwd(), warn: (message: string) => void = () => {}): string[] {
  const out = new Set<string>();
  const realCwd = realOr(cwd);
  const keep = (file: string, root: string, realRoot: string) => {
    const real = realOr(file, '');
    if (!real) { warn(`skipped ${displayPath(file, cwd)}: it is a symbolic link to nothing.`); return; }
    if (!isInside(real, realRoot)) { warn(`skipped ${displayPath(file, cwd)}: it is a symbolic link that leads outside ${displayPath(root, cwd) || '.'} (to ${real}).`); return; }
    out.add(path.normalize(file));
  };
  for (const input of inputs.length ? inputs : ['.']) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try { stat = fs.statSync(abs); } catch { /* maybe a glob, or a dangling link */ }
    if (stat?.isDirectory()) {
      const realRoot = realOr(abs);
      let found = filesBelow(abs, name => REVIEW_NAME.test(name));
      if (!found.length) found = filesBelow(abs, isPostmortemName);
      // a mistyped folder must not pass CI as "no problems"
      if (!found.length) throw new UsageError(`No reviews found in ${input === '.' ? 'this folder' : input} (a review is a *.pir.md file, or a Markdown postmortem in a folder of them).`);
      for (const f of found) keep(f, abs, realRoot);
    } else if (stat?.isFile()) {
      if (isInside(abs, path.resolve(cwd))) keep(abs, cwd, realCwd); else out.add(abs);
    } else if (isDynamicPattern(input)) {
      const why = globProblem(input);
      if (why) throw new UsageError(`The pattern "${input.length > 60 ? input.slice(0, 60) + '…' : input}" is refused: ${why}.`);
      const found = globSync(input, { cwd, absolute: true, ignore: DEFAULT_IGNORE, followSymbolicLinks: false });
      if (!found.length) throw new UsageError(`No files match "${input}".`);
      for (const f of found) keep(f, cwd, realCwd);
    } else if (isLink(abs)) {
      warn(`skipped ${input}: it is a symbolic link to nothing.`);
    } else {
      throw new UsageError(`No such file or directory: ${input}`);
    }
  }
  return [...out].sort();
}

/**
 * Every `*.pir.md` below `dir` (REVIEW_GLOB without DEFAULT_IGNORE, dot files and folders skipped,
 * as tinyglobby does with `dot: false`), walked without following directory links. A link named
 * like a review is returned, for the caller to check where it leads (tinyglobby's
 * `followSymbolicLinks: false` drops links silently, and the caller owes the user a message).
 */
export function filesBelow(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') stack.push(p); }
      else if ((e.isFile() || e.isSymbolicLink()) && accept(e.name)) out.push(p);
    }
  }
  return out;
}
const REVIEW_NAME = /\.pir\.md$/;
/** Files of a repository that are not postmortems, whatever folder they are in. */
const NOT_POSTMORTEMS = new Set(['readme', 'changelog', 'contributing', 'code_of_conduct', 'security', 'license', 'licence', 'authors', 'support']);
/** A Markdown file in a folder of existing postmortems (a folder that holds no *.pir.md). */
function isPostmortemName(name: string): boolean {
  return /\.md$/.test(name) && !NOT_POSTMORTEMS.has(name.slice(0, -3).toLowerCase());
}

function realOr(p: string, fallback = path.resolve(p)): string {
  try { return fs.realpathSync(p); } catch { return fallback; }
}

function isLink(p: string): boolean {
  try { return fs.lstatSync(p).isSymbolicLink(); } catch { return false; }
}

/** True when `inner` is `outer` or below it (both absolute, resolved). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Reads a file as text, keeping a BOM so a rewrite preserves it. */
export function readText(file: string): string {
  const buf = fs.readFileSync(file);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
}


export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
