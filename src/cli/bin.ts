import { EXIT_INTERNAL, mainAsync } from './main';
import { isLintWorker, runLintWorker } from './parallel';

if (isLintWorker()) {
  // this bundle, started again as a worker thread by `pir lint` over many files (parallel.ts)
  runLintWorker();
} else {
  // `pir lint | head`: the reader went away. Write nothing more, but finish, so the exit code still
  // says whether errors were found (instead of dying on an unhandled EPIPE).
  // A crash outside main's own handling (a worker thread, a stream): one line and exit 3, never a stack.
  const crashed = (e: unknown) => {
    process.stderr.write(`pir: internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]} — this is a bug in pir; please report it with the command you ran at https://github.com/pir-tools/pir-reviews/issues\n`);
    if (process.env.PIR_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exit(EXIT_INTERNAL);
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') closed = true; else throw e; });
  void mainAsync(process.argv.slice(2), {
    out: s => { if (!closed) process.stdout.write(s + '\n'); },
    err: s => process.stderr.write(s + '\n'),
    isTTY: !!process.stdout.isTTY,
    cwd: process.cwd(),
  }, __filename).then(code => {
    // let stdout drain before exiting (large SARIF output through a pipe)
    process.exitCode = code;
  });
}
