import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPostmortem } from '../core/import/convert';
import { UsageError } from './files';
import { safeWriteFile } from './safeWrite';
import type { Io } from './main';

/**
 * `pir import <file> [--out file]`: converts a Markdown postmortem into the review format. Prints
 * the review, or writes it to --out (never over an existing file); the notes go to stderr.
 */
export function importCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { io.out('Usage: pir import <file.md> [--out file.pir.md]'); return 0; }
  if (positionals.length !== 1) throw new UsageError('pir import takes one Markdown file: pir import <file.md> [--out file.pir.md]');
  const file = path.resolve(io.cwd, positionals[0]);
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) { throw new UsageError(`Cannot read ${positionals[0]}: ${(e as Error).message}`); }
  const result = importPostmortem(text, { fileName: path.basename(file) });
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    // never over an existing file, never through a link (a dangling one included)
    safeWriteFile(out, result.text, { exclusive: true, display: values.out });
    io.err(`pir: wrote ${values.out}`);
  } else io.out(result.text.replace(/\r?\n$/, ''));
  for (const n of result.notes) io.err(`  ${n}`);
  return 0;
}
