/**
 * Which files the workspace index reads: `pir.index.include` minus `pir.index.exclude` and the
 * user's `files.exclude`, per workspace folder. findFiles() gets the excludes as one glob (passing
 * an exclude replaces files.exclude, so both go in); file watcher events are checked with the same
 * patterns here, so a file the search skips is not indexed when it changes either.
 */
import * as vscode from 'vscode';
import { readPirSettings } from '../config/settings';
import type Picomatch from 'picomatch/posix';

// loaded on first use, with the core (scripts/build/extension-split.mjs puts it in dist/core.js)
let pm: typeof Picomatch | undefined;
function picomatch(...args: Parameters<typeof Picomatch>): ReturnType<typeof Picomatch> {
  if (!pm) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('picomatch/posix') as typeof Picomatch | { default: typeof Picomatch };
    pm = typeof m === 'function' ? m : m.default;
  }
  return pm(...args);
}

export const DEFAULT_INCLUDE = '**/*.pir.md';
export const DEFAULT_EXCLUDE = '**/node_modules/**';

export interface FolderScope {
  folder: vscode.WorkspaceFolder;
  include: string;
  /** every exclude pattern (braces expanded): the index's own and the true entries of files.exclude */
  excludes: string[];
  /** the exclude argument for findFiles (patterns with braces are left to the matcher) */
  findExclude: string | undefined;
  isIncluded(relativePath: string): boolean;
  isExcluded(relativePath: string): boolean;
}

/**
 * `{a,b}c` → `ac`, `bc` (nested groups too). picomatch does not let `**\/` inside a group match
 * zero folders (`{**\/node_modules/**,x}` misses `node_modules/a`), VS Code's glob does: expanding
 * first gives both the same meaning. Stops growing at 256 patterns.
 */
export function expandBraces(pattern: string): string[] {
  let depth = 0, start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') { if (depth++ === 0) start = i; }
    else if (c === '}' && depth > 0 && --depth === 0) {
      const inner = pattern.slice(start + 1, i);
      const alternatives: string[] = [];
      let d = 0, from = 0;
      for (let j = 0; j < inner.length; j++) {
        const x = inner[j];
        if (x === '\\') { j++; continue; }
        if (x === '{') d++;
        else if (x === '}') d--;
        else if (x === ',' && d === 0) { alternatives.push(inner.slice(from, j)); from = j + 1; }
      }
      alternatives.push(inner.slice(from));
      if (alternatives.length < 2) continue; // `{a}`: a literal group, leave it
      const head = pattern.slice(0, start), tail = pattern.slice(i + 1);
      const out: string[] = [];
      for (const alt of alternatives) {
        for (const e of expandBraces(head + alt + tail)) { out.push(e); if (out.length >= 256) return out; }
      }
      return out;
    }
  }
  return [pattern];
}

function patterns(value: unknown, fallback: string): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && !!v.trim()).map(v => v.trim());
  return [fallback];
}

export function folderScope(folder: vscode.WorkspaceFolder): FolderScope {
  const { index } = readPirSettings(folder.uri);
  const include = patterns(index.include, DEFAULT_INCLUDE)[0] ?? DEFAULT_INCLUDE;
  const own = patterns(index.exclude, DEFAULT_EXCLUDE);
  const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  // entries set to true; `{ "when": ... }` sibling conditions are not supported here
  const excludes = [...own, ...Object.keys(filesExclude).filter(k => filesExclude[k] === true)].flatMap(expandBraces);
  // one glob for the search; a pattern that still has braces (a literal `{`) is left to the matcher
  const simple = excludes.filter(p => !/[{}]/.test(p));
  const findExclude = simple.length === 0 ? undefined : simple.length === 1 ? simple[0] : `{${simple.join(',')}}`;
  const opts = { dot: true };
  const inc = picomatch(expandBraces(include), opts);
  const exc = excludes.length ? picomatch(excludes, opts) : () => false;
  return {
    folder, include, excludes, findExclude,
    isIncluded: rel => inc(rel),
    // a pattern excludes a file when it matches the file or one of its folders (**/node_modules)
    isExcluded: rel => {
      const parts = rel.split('/');
      for (let i = 1; i <= parts.length; i++) if (exc(parts.slice(0, i).join('/'))) return true;
      return false;
    },
  };
}

/** The path of `uri` inside `folder` ('a/b.pir.md'), or undefined when it is not inside. */
export function relativeTo(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
