// Preloaded (node --require) into a process the benchmark spawns: on exit, writes the process's
// peak resident set size (getrusage maxrss, KiB) and its CPU time (user + system, ms) to the file
// named by PIR_BENCH_RSS_FILE.
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.PIR_BENCH_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  fs.writeFileSync(file, `${u.maxRSS} ${((u.userCPUTime + u.systemCPUTime) / 1000).toFixed(1)}\n`);
});
