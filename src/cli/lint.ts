import { analyze, applyEdits, automaticFixEdits, type Finding } from '../core';
import { ConfigResolver } from './config';
import { displayPath, readText, writeAtomic } from './files';
import type { FileResult } from './format';
import { collectWorkspaceFacts } from './workspace';

export interface LintRun { results: FileResult[]; fixed: number }

const UNPARSEABLE = new Set(['front-matter-syntax', 'unreadable-file', 'file-too-large']);

export function lintFiles(files: string[], opts: { fix?: boolean; config?: string; now?: Date; cwd?: string }): LintRun {
  const resolver = new ConfigResolver(opts.config);
  const texts = new Map<string, string>();
  const results: FileResult[] = [];
  let fixed = 0;
  for (const file of files) {
    let text: string;
    try { text = readText(file); } catch (e) {
      results.push({ file, display: displayPath(file, opts.cwd), findings: [{ rule: 'unreadable-file', severity: 'error', message: `Cannot read the file: ${(e as Error).message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] });
      continue;
    }
    texts.set(file, text);
  }
  const workspace = collectWorkspaceFacts(texts);
  for (const [file, original] of texts) {
    const { config, findings: configFindings } = resolver.resolve(file);
    let text = original;
    let { findings } = analyze(text, { uri: file, config, now: opts.now, workspace });
    if (opts.fix && !findings.some(f => UNPARSEABLE.has(f.rule))) {
      // apply, re-analyse, repeat: fixes that overlapped in one pass land in the next
      for (let pass = 0; pass < 10; pass++) {
        const edits = automaticFixEdits(findings);
        if (!edits.length) break;
        const r = applyEdits(text, edits);
        if (r.text === text) break;
        text = r.text;
        findings = analyze(text, { uri: file, config, now: opts.now, workspace }).findings;
      }
      if (text !== original) { writeAtomic(file, text); fixed++; }
    }
    const all: Finding[] = [...configFindings.map(f => ({ ...f, message: `.pir.yaml: ${f.message}` })), ...findings];
    results.push({ file, display: displayPath(file, opts.cwd), findings: all });
  }
  results.sort((a, b) => a.display.localeCompare(b.display));
  return { results, fixed };
}
