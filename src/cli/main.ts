import { parseArgs } from 'node:util';
import { allRuleMeta, ruleDocsUrl } from '../core';
import { expandInputs, UsageError } from './files';
import { toJson, toSarif, toStylish } from './format';
import { lintFiles, type LintFileOptions, type LintRun } from './lint';
import { lintFilesParallel, lintWorkerCount } from './parallel';
import { actionsCommand, reportCommand } from './tracker';
import { importCommand } from './import';
import * as fs from 'node:fs';
import * as path from 'node:path';

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

A directory means every *.pir.md below it (node_modules excluded), or every *.md when it holds no
*.pir.md (a folder of existing postmortems; README and the like skipped); no path means the current directory.
--now YYYY-MM-DD sets "today" for the date checks (overdue actions, review-meeting deadline);
without it, the environment variable PIR_NOW does, else the system date.
Exit codes: 0 no error-severity finding; 1 an error-severity finding (or, for actions and report, a file
that could not be read); 2 a usage error (bad option, missing file, no reviews found, unwritable output);
3 an internal error in pir itself (please report it).
`;

/** Exit code of an internal error: a bug in pir, never a problem of the user's input (that is 2). */
export const EXIT_INTERNAL = 3;
const REPORT_URL = 'https://github.com/pir-tools/pir-reviews/issues';

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

function failed(e: unknown, io: Io): number {
  if (e instanceof UsageError) { io.err(`pir: ${e.message}`); return 2; }
  const code = (e as { code?: string }).code;
  if (code?.startsWith('ERR_PARSE_ARGS')) { io.err(`pir: ${argsMessage(e as Error)}`); return 2; }
  // Anything else is a bug in pir: one line, its own exit code, and where to report it. The stack
  // only with PIR_DEBUG=1, for the report.
  const message = e instanceof Error ? e.message : String(e);
  io.err(`pir: internal error: ${message.split('\n')[0]} — this is a bug in pir; please report it with the command you ran at ${REPORT_URL}`);
  if (process.env.PIR_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  return EXIT_INTERNAL;
}

/** node:util parseArgs' messages, made one balanced line (its own nest quotes and suggest `--`). */
function argsMessage(e: Error): string {
  const code = (e as { code?: string }).code;
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option ${option} (pir --help lists the options).`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = /--[\w-]+/.exec(option)?.[0] ?? option.split(/[ ,]/)[0];
    return `Option ${name} needs a value (pir --help).`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `${e.message.split('.')[0].replace(/'/g, '"')} (pir --help).`;
  return `${e.message.split('\n')[0]} (pir --help).`;
}

/**
 * `--now YYYY-MM-DD` (or an ISO instant): "today" for the date checks. Without it the environment's
 * PIR_NOW (as the extension reads it, for test harnesses), else the real date.
 */
export function parseNow(value: string | undefined): Date {
  if (value === undefined && process.env.PIR_NOW) value = process.env.PIR_NOW;
  if (value === undefined) return new Date();
  const now = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (isNaN(now.getTime())) throw new UsageError(`--now "${value}" is not a date (use YYYY-MM-DD).`);
  return now;
}

/** Writes --output, with one clear line when it cannot (a missing folder, a folder, no permission). */
export function writeOutput(target: string, text: string, cwd: string): void {
  const abs = path.resolve(cwd, target);
  const dir = path.dirname(abs);
  let dirStat: fs.Stats | undefined;
  try { dirStat = fs.statSync(dir); } catch { /* missing */ }
  if (!dirStat) throw new UsageError(`Cannot write --output ${target}: the folder ${path.dirname(target) || '.'} does not exist.`);
  if (!dirStat.isDirectory()) throw new UsageError(`Cannot write --output ${target}: ${path.dirname(target)} is not a folder.`);
  try { fs.writeFileSync(abs, text); } catch (e) {
    const why = (e as { code?: string }).code === 'EISDIR' ? 'it is a folder' : (e as { code?: string }).code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`Cannot write --output ${target}: ${why}.`);
  }
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
    options: { format: { type: 'string', short: 'f', default: 'stylish' }, fix: { type: 'boolean', default: false }, config: { type: 'string', short: 'c' }, output: { type: 'string', short: 'o' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { io.out(HELP); return 0; }
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format "${format}": use stylish, json or sarif.`);
  const now = parseNow(values.now);
  const files = expandInputs(positionals, io.cwd);
  return { files, format, output: values.output, lintOptions: { fix: values.fix, config: values.config, cwd: io.cwd, now } };
}

function reportLint({ results, fixed }: LintRun, a: LintArgs, io: Io): number {
  const text = a.format === 'json' ? JSON.stringify(toJson(results), null, 2)
    : a.format === 'sarif' ? JSON.stringify(toSarif(results, VERSION, io.cwd), null, 2)
      : toStylish(results, io.isTTY && !a.output) + (fixed ? `\n${fixed} file${fixed === 1 ? '' : 's'} fixed` : '');
  if (a.output) writeOutput(a.output, text + '\n', io.cwd);
  else io.out(text);
  return results.some(r => r.findings.some(f => f.severity === 'error')) ? 1 : 0;
}

function trackerCommand(command: 'actions' | 'report', args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { format: { type: 'string', short: 'f', default: command === 'actions' ? 'json' : 'md' }, output: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { io.out(HELP); return 0; }
  const now = parseNow(values.now);
  const files = expandInputs(positionals, io.cwd);
  const { text, unreadable } = command === 'actions' ? actionsCommand(files, values.format!, io.cwd, now) : reportCommand(files, values.format!, io.cwd, now, values.config);
  if (values.output) writeOutput(values.output, text.endsWith('\n') ? text : text + '\n', io.cwd);
  else io.out(text.replace(/\n$/, ''));
  // a file left out of the register is said, and fails the run: an audit must not look complete
  for (const u of unreadable) io.err(`pir: ${u.display}: ${u.reason}; left out of the ${command === 'actions' ? 'register' : 'report'}.`);
  return unreadable.length ? 1 : 0;
}
