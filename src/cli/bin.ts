import { main } from './main';

const code = main(process.argv.slice(2), {
  out: s => process.stdout.write(s + '\n'),
  err: s => process.stderr.write(s + '\n'),
  isTTY: !!process.stdout.isTTY,
  cwd: process.cwd(),
});
// let stdout drain before exiting (large SARIF output through a pipe)
process.exitCode = code;
