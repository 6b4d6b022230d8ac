import type { Log, ReportingDescriptor, Result } from 'sarif';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRuleMeta, ruleDocsUrl, type Finding, type Severity } from '../core';

export interface FileResult { file: string; display: string; findings: Finding[] }

export interface JsonFinding { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: Severity; message: string }

export function toJson(results: FileResult[]): JsonFinding[] {
  return results.flatMap(r => r.findings.map(f => ({
    file: r.display,
    line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    rule: f.rule, severity: f.severity, message: f.message,
  })));
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function toStylish(results: FileResult[], color: boolean): string {
  const c = (k: keyof typeof COLORS, s: string) => (color ? COLORS[k] + s + COLORS.reset : s);
  const out: string[] = [];
  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    out.push(c('bold', r.display));
    const rows = r.findings.map(f => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.rule] as const);
    const w0 = Math.max(...rows.map(x => x[0].length));
    for (const [loc, sev, msg, rule] of rows) {
      count[sev]++;
      out.push(`  ${c('dim', loc.padEnd(w0))}  ${c(sev, sev.padEnd(7))}  ${msg}  ${c('dim', rule)}`);
    }
    out.push('');
  }
  const total = count.error + count.warning + count.info;
  if (total) out.push(c(count.error ? 'error' : 'warning', `✖ ${total} problem${total === 1 ? '' : 's'} (${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} info)`));
  else out.push(`✔ ${results.length} review${results.length === 1 ? '' : 's'} checked, no problems`);
  return out.join('\n');
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, with rule metadata and help links, as GitHub code scanning reads it. */
export function toSarif(results: FileResult[], version: string, cwd = process.cwd()): Log {
  const meta = allRuleMeta();
  const rules: ReportingDescriptor[] = meta.map(m => ({
    id: m.id, name: m.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: m.description }, fullDescription: { text: m.description },
    helpUri: ruleDocsUrl(m.id), help: { text: `${m.description} See ${ruleDocsUrl(m.id)}`, markdown: `${m.description} [Rule documentation](${ruleDocsUrl(m.id)})` },
    defaultConfiguration: { level: LEVEL[m.defaultSeverity as Severity] },
  }));
  const index = new Map(meta.map((m, i) => [m.id, i]));
  const out: Result[] = [];
  for (const r of results) {
    const rel = path.relative(cwd, r.file);
    const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
    const artifactLocation = inside ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(r.file).href };
    for (const f of r.findings) {
      out.push({
        ruleId: f.rule, ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
        level: LEVEL[f.severity], message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 } } }],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'pir', semanticVersion: version, version, informationUri: 'https://github.com/pir-tools/pir-reviews', rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      results: out,
    }],
  };
}
