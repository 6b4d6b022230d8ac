import { mainAsync } from './main';
import { isLintWorker, runLintWorker } from './parallel';

if (isLintWorker()) {
  // this bundle, started again as a worker thread by `pir lint` over many files (parallel.ts)
  runLintWorker();
} else {
  // `pir lint | head`: the reader went away. Write nothing more, but finish, so the exit code still
  // says whether errors were found (instead of dying on an unhandled EPIPE).
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
