import { mainAsync } from './main';
import { isLintWorker, runLintWorker } from './parallel';

if (isLintWorker()) {
  // this bundle, started again as a worker thread by `pir lint` over many files (parallel.ts)
  runLintWorker();
} else {
  void mainAsync(process.argv.slice(2), {
    out: s => process.stdout.write(s + '\n'),
    err: s => process.stderr.write(s + '\n'),
    isTTY: !!process.stdout.isTTY,
    cwd: process.cwd(),
  }, __filename).then(code => {
    // let stdout drain before exiting (large SARIF output through a pipe)
    process.exitCode = code;
  });
}
