#!/usr/bin/env node
// `npm audit --omit=dev` for CI: the packages the extension and the CLI ship with must have no
// known vulnerability. Prints one summary line and exits 1 when the audit finds any.
//
// When the registry does not answer (offline machine, no proxy), the audit is skipped with a note
// and exit 0: an unreachable registry says nothing about the dependencies, and must not fail a
// build that cannot check them. `--strict` makes that case fail instead (exit 2).
//
//   node scripts/audit.mjs [--strict] [--level low|moderate|high|critical]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const level = args.includes('--level') ? args[args.indexOf('--level') + 1] : 'low';
if (!['low', 'moderate', 'high', 'critical'].includes(level)) {
  console.error(`audit: unknown --level "${level}" (low, moderate, high or critical)`);
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['audit', '--omit=dev', '--json', `--audit-level=${level}`], {
  cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_fund: 'false', npm_config_update_notifier: 'false' },
});

let report;
try { report = JSON.parse(r.stdout || ''); } catch { report = undefined; }
// an answer has metadata; an error (no network, a proxy or mirror without the audit endpoint) does not
const unreachable = !report?.metadata || r.error;
if (unreachable) {
  const why = report?.error?.summary || report?.error?.code || report?.message || r.error?.message || (r.stderr || '').trim().split('\n').pop() || 'no answer';
  console.log(`audit: skipped, the registry did not answer (${why.slice(0, 200)})`);
  process.exit(strict ? 2 : 0);
}

const v = report.metadata?.vulnerabilities ?? {};
const order = ['low', 'moderate', 'high', 'critical'];
const counted = order.slice(order.indexOf(level));
const total = counted.reduce((n, k) => n + (v[k] ?? 0), 0);
const deps = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total ?? '?';
if (!total) {
  console.log(`audit: no known vulnerabilities at ${level} or above in the ${deps} production dependencies`);
  process.exit(0);
}
console.log(`audit: ${total} known vulnerabilit${total === 1 ? 'y' : 'ies'} (${counted.filter(k => v[k]).map(k => `${v[k]} ${k}`).join(', ')}) in production dependencies:`);
for (const [name, info] of Object.entries(report.vulnerabilities ?? {})) {
  if (!counted.includes(info.severity)) continue;
  const via = (info.via ?? []).map(x => (typeof x === 'string' ? x : x.title)).filter(Boolean).slice(0, 2).join('; ');
  console.log(`  ${name} (${info.severity})${via ? `: ${via}` : ''}${info.fixAvailable ? ' — npm audit fix' : ''}`);
}
process.exit(1);
