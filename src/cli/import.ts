import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPostmortem } from '../core/import/convert';
import { readText, UsageError } from './files';
import { looksBinary } from '../core/parse/review';
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
  const shown = positionals[0];
  let text: string;
  try { text = readText(file); } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${shown}` : code === 'EISDIR' ? `${shown} is a folder: pir import takes one Markdown file.` : `Cannot read ${shown} (${code ?? (e as Error).message}).`);
  }
  if (looksBinary(text)) throw new UsageError(`${shown} is not a text file: pir import reads a UTF-8 Markdown postmortem.`);
  const result = importPostmortem(text, { fileName: path.basename(file) });
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    try { fs.writeFileSync(out, result.text, { flag: 'wx' }); } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EEXIST') throw new UsageError(`${values.out} exists; pir import does not overwrite files.`);
      if (code === 'ENOENT') throw new UsageError(`Cannot write --out ${values.out}: the folder ${path.dirname(values.out)} does not exist.`);
      throw new UsageError(`Cannot write --out ${values.out} (${code ?? (e as Error).message}).`);
    }
    io.err(`pir: wrote ${values.out}`);
  } else io.out(result.text.replace(/\r?\n$/, ''));
  for (const n of result.notes) io.err(`  ${n}`);
  return 0;
}
