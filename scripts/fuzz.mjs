#!/usr/bin/env node
// `npm run fuzz -- --runs N`: the property and fuzz tests under test/fuzz/ with N generated cases
// each (env FUZZ_RUNS; each test's own default when not given). Prints the wall time.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const i = args.indexOf('--runs');
const runs = i >= 0 ? args[i + 1] : process.env.FUZZ_RUNS;
if (i >= 0 && !/^\d+$/.test(runs ?? '')) { console.error('usage: npm run fuzz -- [--runs N]'); process.exit(2); }
const rest = i >= 0 ? [...args.slice(0, i), ...args.slice(i + 2)] : args;
const started = Date.now();
const r = spawnSync('npx', ['--no-install', 'mocha', '--import=tsx', '--timeout', '0', ...(rest.length ? rest : ['test/fuzz/**/*.test.ts'])], {
  stdio: 'inherit', env: { ...process.env, ...(runs ? { FUZZ_RUNS: runs } : {}) },
});
console.log(`fuzz: ${runs ?? 'default'} runs per property, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(r.status ?? 1);
