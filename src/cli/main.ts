import { parseArgs } from 'node:util';
import { allRuleMeta, ruleDocsUrl } from '../core';
import { expandInputs, UsageError } from './files';
import { toJson, toSarif, toStylish } from './format';
import { lintFiles, type LintFileOptions, type LintRun } from './lint';
import { lintFilesParallel, lintWorkerCount } from './parallel';
import { actionsCommand, reportCommand } from './tracker';
import { importCommand } from './import';
import * as fs from 'node:fs';

declare const PIR_VERSION: string;
const VERSION = typeof PIR_VERSION === 'string' ? PIR_VERSION : '0.0.0-dev';

const HELP = `pir — checks post-incident reviews (*.pir.md)

Usage:
  pir lint [files|dirs|globs…] [--format stylish|json|sarif] [--fix] [--config .pir.yaml] [--output FILE]
  pir actions [paths…] [--format csv|json|md] [--output FILE]   the corrective action register
  pir report [paths…] [--format md|json] [--output FILE]        the audit report
  pir import FILE.md [--out FILE.pir.md]                        convert a Markdown postmortem into a review
  pir rules                       list the rules
  pir --version | --help

A directory means every *.pir.md below it (node_modules excluded); no path means the current directory.
Exit codes: 0 no error-severity finding, 1 an error-severity finding, 2 a usage error.
`;

export interface Io { out(s: string): void; err(s: string): void; isTTY: boolean; cwd: string }

export function main(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') { io.out(HELP); return command ? 0 : 2; }
    if (command === '--version' || command === '-v') { io.out(VERSION); return 0; }
    if (command === 'lint') return lintCommand(rest, io);
    if (command === 'actions' || command === 'report') return trackerCommand(command, rest, io);
    if (command === 'import') return importCommand(rest, io);
    if (command === 'rules') { for (const r of allRuleMeta()) io.out(`${r.id.padEnd(28)} ${r.defaultSeverity.padEnd(8)} ${r.description}\n${' '.repeat(38)}${ruleDocsUrl(r.id)}`); return 0; }
    throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  } catch (e) {
    return failed(e, io);
  }
}

/**
 * main() for the CLI process: the same, except that `pir lint` over many files runs on worker
 * threads that load `script` (the CLI bundle itself; see parallel.ts).
 */
export async function mainAsync(argv: string[], io: Io, script: string): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'lint') return main(argv, io);
  try {
    const parsed = parseLintArgs(rest, io);
    if (typeof parsed === 'number') return parsed;
    const workers = lintWorkerCount(parsed.files.length);
    const run = workers ? await lintFilesParallel(parsed.files, parsed.lintOptions, script, workers) : lintFiles(parsed.files, parsed.lintOptions);
    return reportLint(run, parsed, io);
  } catch (e) {
    return failed(e, io);
  }
}

/**
 * Every failure is one line on stderr: a usage error or a file that cannot be read or written says
 * what and which file; anything else (a bug) its message, with the stack only under PIR_DEBUG=1.
 */
function failed(e: unknown, io: Io): number {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) { io.err(`pir: ${(e as Error).message}`); return 2; }
  const sys = e as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && typeof sys.path === 'string') { io.err(`pir: ${fileError(sys)}`); return 2; }
  if (process.env.PIR_DEBUG) io.err(`pir: ${(e as Error).stack ?? e}`);
  else io.err(`pir: ${String((e as Error)?.message ?? e).split('\n')[0]} (PIR_DEBUG=1 shows where)`);
  return 2;
}

/** A file system error in words, with its path. */
export function fileError(e: NodeJS.ErrnoException): string {
  const what: Record<string, string> = { ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory, not a file', ENOTDIR: 'a part of the path is not a directory', EMFILE: 'too many open files', ENOSPC: 'no space left on the device', EROFS: 'read-only file system' };
  return `${e.path}: ${what[e.code ?? ''] ?? e.message.split('\n')[0]}`;
}

function lintCommand(args: string[], io: Io): number {
  const parsed = parseLintArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  return reportLint(lintFiles(parsed.files, parsed.lintOptions), parsed, io);
}

interface LintArgs { files: string[]; format: string; output?: string; lintOptions: LintFileOptions }

function parseLintArgs(args: string[], io: Io): LintArgs | number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { format: { type: 'string', short: 'f', default: 'stylish' }, fix: { type: 'boolean', default: false }, config: { type: 'string', short: 'c' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { io.out(HELP); return 0; }
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format "${format}": use stylish, json or sarif.`);
  const files = expandInputs(positionals, io.cwd);
  return { files, format, output: values.output, lintOptions: { fix: values.fix, config: values.config, cwd: io.cwd } };
}

function reportLint({ results, fixed }: LintRun, a: LintArgs, io: Io): number {
  const text = a.format === 'json' ? JSON.stringify(toJson(results), null, 2)
    : a.format === 'sarif' ? JSON.stringify(toSarif(results, VERSION, io.cwd), null, 2)
      : toStylish(results, io.isTTY && !a.output) + (fixed ? `\n${fixed} file${fixed === 1 ? '' : 's'} fixed` : '');
  if (a.output) fs.writeFileSync(a.output, text + '\n');
  else io.out(text);
  return results.some(r => r.findings.some(f => f.severity === 'error')) ? 1 : 0;
}

function trackerCommand(command: 'actions' | 'report', args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { format: { type: 'string', short: 'f', default: command === 'actions' ? 'json' : 'md' }, output: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { io.out(HELP); return 0; }
  let now = new Date();
  if (values.now) { now = new Date(values.now); if (isNaN(now.getTime())) throw new UsageError(`--now "${values.now}" is not a date (use YYYY-MM-DD).`); }
  const files = expandInputs(positionals, io.cwd);
  const text = command === 'actions' ? actionsCommand(files, values.format!, io.cwd, now) : reportCommand(files, values.format!, io.cwd, now, values.config);
  if (values.output) fs.writeFileSync(values.output, text.endsWith('\n') ? text : text + '\n');
  else io.out(text.replace(/\n$/, ''));
  return 0;
}
