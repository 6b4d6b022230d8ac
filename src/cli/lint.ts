import { analyze, applyEdits, automaticFixes, type Finding, type WorkspaceFacts } from '../core';
import { ConfigResolver } from './config';
import { displayPath, readText, writeAtomic } from './files';
import type { FileResult } from './format';
import { collectWorkspaceFacts } from './workspace';
import { setFrontMatterCacheSize } from '../core/parse/frontMatter';

export interface LintRun { results: FileResult[]; fixed: number }
export interface LintFileOptions { fix?: boolean; config?: string; now?: Date; cwd?: string }

const UNPARSEABLE = new Set(['front-matter-syntax', 'unreadable-file', 'file-too-large']);

export function lintFiles(files: string[], opts: LintFileOptions): LintRun {
  const resolver = new ConfigResolver(opts.config);
  const { texts, results } = readInputs(files, opts.cwd);
  // the index parses each front matter, and the parser then takes it from the cache: keep one per file
  setFrontMatterCacheSize(Math.min(texts.size + 16, MAX_CACHED_FRONT_MATTERS));
  try {
    const workspace = collectWorkspaceFacts(texts);
    let fixed = 0;
    for (const [file, text] of texts) {
      const r = lintText(file, text, resolver, workspace, opts);
      results.push(r.result);
      if (r.fixed) fixed++;
    }
    return { results: sortResults(results), fixed };
  } finally {
    setFrontMatterCacheSize();
  }
}

/** A parsed front matter takes about 15 KB: beyond this many files a run parses some twice rather than hold them all. */
export const MAX_CACHED_FRONT_MATTERS = 20_000;

/** Reads every file; a file that cannot be read becomes a result with an unreadable-file finding. */
export function readInputs(files: string[], cwd?: string): { texts: Map<string, string>; results: FileResult[] } {
  const texts = new Map<string, string>();
  const results: FileResult[] = [];
  for (const file of files) {
    try { texts.set(file, readText(file)); } catch (e) {
      results.push({ file, display: displayPath(file, cwd), findings: [{ rule: 'unreadable-file', severity: 'error', message: `Cannot read the file: ${(e as Error).message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] });
    }
  }
  return { texts, results };
}

/** Lints one file's text (and with `fix`, rewrites the file); `workspace` holds the facts of the whole run. */
export function lintText(file: string, original: string, resolver: ConfigResolver, workspace: WorkspaceFacts, opts: LintFileOptions): { result: FileResult; fixed: boolean } {
  const { config, findings: configFindings } = resolver.resolve(file);
  let text = original;
  let { findings } = analyze(text, { uri: file, config, now: opts.now, workspace });
  let fixed = false;
  if (opts.fix && !findings.some(f => UNPARSEABLE.has(f.rule))) {
    // apply, re-analyse, repeat: fixes that overlapped in one pass land in the next
    for (let pass = 0; pass < 10; pass++) {
      const { edits } = automaticFixes(text, findings); // whole fixes only
      if (!edits.length) break;
      const r = applyEdits(text, edits);
      if (r.text === text) break;
      text = r.text;
      findings = analyze(text, { uri: file, config, now: opts.now, workspace }).findings;
    }
    if (text !== original) { writeAtomic(file, text); fixed = true; }
  }
  const all: Finding[] = [...configFindings.map(f => ({ ...f, message: `.pir.yaml: ${f.message}` })), ...findings];
  return { result: { file, display: displayPath(file, opts.cwd), findings: all }, fixed };
}

export function sortResults(results: FileResult[]): FileResult[] {
  return results.sort((a, b) => a.display.localeCompare(b.display));
}
