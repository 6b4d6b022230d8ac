/**
 * Writing files from the CLI without following links: `pir lint --fix`, `--output FILE`,
 * `pir import --out FILE`. A repository can hold a symbolic link where the CLI would write (a
 * planted `report.sarif` → `~/.bashrc`, a review → a file outside the checkout); writing through
 * it would create or replace a file the run has no business touching.
 *
 * The target is checked with lstat (a link, even a dangling one, is refused; so is anything but a
 * regular file), its folder is resolved and must lie inside `root` when one is given, the text is
 * written to a new temporary file in that folder (O_CREAT | O_EXCL | O_NOFOLLOW) and renamed over
 * the target: a rename replaces a link planted meanwhile instead of following it. With `exclusive`
 * the temporary file is hard-linked to the target instead, which fails when anything is there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isInside, UsageError } from './files';

/** A write the CLI refused; the message is one line that names the file and the reason. */
export class WriteRefused extends UsageError {}

export interface SafeWriteOptions {
  /** the folder the target must be inside, after links are resolved (e.g. the directory given) */
  root?: string;
  /** never replace an existing file (pir import --out) */
  exclusive?: boolean;
  /** how the target is named in messages (default: as given) */
  display?: string;
}

const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Writes `text` to `target` as described above. Throws WriteRefused (a UsageError: `pir: …`, exit
 * code 2) when the target is a link, not a regular file, outside `root`, or exists with `exclusive`.
 */
export function safeWriteFile(target: string, text: string, opts: SafeWriteOptions = {}): void {
  const abs = path.resolve(target);
  const show = opts.display ?? target;
  const refuse = (why: string) => new WriteRefused(`refusing to write ${show}: ${why}.`);
  let st: fs.Stats | undefined;
  try { st = fs.lstatSync(abs); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse((e as Error).message); }
  if (st?.isSymbolicLink()) {
    let to = '';
    try { to = ` (to ${fs.readlinkSync(abs)})`; } catch { /* unreadable link */ }
    throw refuse(`it is a symbolic link${to}; pir never writes through a link`);
  }
  if (st && !st.isFile()) throw refuse('it is not a regular file');
  if (st && opts.exclusive) throw refuse('it exists, and this command does not overwrite files');
  let dir: string;
  // a missing folder is the caller's to word (ENOENT), not a refusal
  dir = fs.realpathSync(path.dirname(abs));
  if (opts.root !== undefined) {
    let root: string;
    try { root = fs.realpathSync(opts.root); } catch { root = path.resolve(opts.root); }
    if (!isInside(dir, root)) throw refuse(`its folder leads outside ${opts.root} (through a symbolic link)`);
  }
  const name = path.basename(abs);
  const tmp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, st ? st.mode & 0o7777 : 0o666);
  try {
    fs.writeFileSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (opts.exclusive) {
      try { fs.linkSync(tmp, path.join(dir, name)); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw refuse('it exists, and this command does not overwrite files');
        throw e;
      }
      fs.rmSync(tmp, { force: true });
    } else {
      fs.renameSync(tmp, path.join(dir, name));
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
