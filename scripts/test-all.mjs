#!/usr/bin/env node
// `npm test`: the unit tests (mocha + tsx), then the integration suites in a
// real VS Code (code-server + headless Chromium, see
// test/integration/runner/run-code-server.mjs). Prints every failure and ends
// with the line `N passed, N failed`. Exits non-zero when a test failed, a
// suite could not run, or no test ran at all.
//
// Options:
//   --unit-only | --integration-only
//   --suite <name>          run only this integration suite (repeatable)
//   --no-build              do not run `npm run build` first
//   --screenshot-dir <dir>  where suites' screenshots go (default out/screenshots)
//   --verbose               echo code-server's own output

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The unit test command: change here if the unit tests move or get compiled.
// test-all adds `--reporter <summary reporter>` to it.
export const UNIT_TEST_COMMAND = ['npx', '--no-install', 'mocha', '--import=tsx', 'test/unit/**/*.test.ts'];

const BUILD_COMMAND = ['npm', 'run', '--silent', 'build'];

function parseArgs(argv) {
  const o = { suites: [], build: true, unit: true, integration: true, screenshotDir: join(ROOT, 'out', 'screenshots') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--unit-only') o.integration = false;
    else if (a === '--integration-only') o.unit = false;
    else if (a === '--suite') o.suites.push(argv[++i]);
    else if (a === '--no-build') o.build = false;
    else if (a === '--screenshot-dir') o.screenshotDir = resolve(argv[++i]);
    else if (a === '--verbose') o.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

function runCommand(cmd, args, env = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (e) => resolveRun({ code: -1, error: e }));
    child.on('exit', (code, signal) => resolveRun({ code: code ?? (signal ? 128 : 1), signal }));
  });
}

const totals = { passed: 0, failed: 0, pending: 0 };
const failures = []; // { where, title, error }

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

function addResult(where, result) {
  totals.passed += result.passed || 0;
  totals.failed += result.failed || 0;
  totals.pending += result.pending || 0;
  for (const f of result.failures || []) failures.push({ where, ...f });
}

/** A step that could not run counts as one failure, never as zero tests. */
function addBroken(where, title, error) {
  totals.failed += 1;
  failures.push({ where, title, error });
}

async function unitTests() {
  heading('unit tests');
  const tmp = mkdtempSync(join(tmpdir(), 'pir-unit-'));
  const summaryFile = join(tmp, 'summary.json');
  const reporter = join(ROOT, 'scripts', 'mocha-summary-reporter.cjs');
  const [cmd, ...args] = UNIT_TEST_COMMAND;
  const t0 = Date.now();
  const { code, error } = await runCommand(cmd, [...args, '--reporter', reporter], { PIR_MOCHA_SUMMARY_FILE: summaryFile });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (existsSync(summaryFile)) {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    addResult('unit', summary);
    console.log(`[test-all] unit: ${summary.passed} passed, ${summary.failed} failed (${secs}s)`);
    if (summary.failed === 0 && code !== 0) {
      addBroken('unit', 'mocha', `mocha exited with ${code} although no test failed`);
    }
  } else {
    addBroken('unit', 'mocha', `the unit tests did not run (${error ? error.message : `exit code ${code}`}): ${UNIT_TEST_COMMAND.join(' ')}`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

async function integrationTests(o) {
  heading('integration tests (VS Code via code-server)');
  // Imported here so `--unit-only` needs none of it.
  const { ensureVSCodeEnv } = await import('./vscode-env.mjs');
  const { buildIntegrationTests } = await import('../test/integration/build.mjs');
  const { runExtensionTests } = await import('../test/integration/runner/run-code-server.mjs');
  const { selectSuites, copyWorkspace } = await import('../test/integration/runner/suites.mjs');

  let suites;
  try {
    const hostSuites = o.suites.filter((n) => !SCRIPT_SUITES.some((s) => s.name === n));
    suites = o.suites.length && hostSuites.length === 0 ? [] : selectSuites(hostSuites);
    ensureVSCodeEnv();
    await buildIntegrationTests();
  } catch (e) {
    addBroken('integration', 'setup', e.message);
    return;
  }
  for (const suite of suites) {
    heading(`suite ${suite.name}`);
    const where = `integration/${suite.name}`;
    let workspace;
    try {
      if (!existsSync(join(suite.extension, 'package.json'))) throw new Error(`no extension at ${suite.extension}`);
      workspace = copyWorkspace(suite);
      const { exitCode, result, ms } = await runExtensionTests({
        name: suite.name,
        extension: suite.extension,
        tests: suite.tests,
        workspace,
        trust: !!suite.trust,
        web: !!suite.web,
        screenshotDir: o.screenshotDir ? join(o.screenshotDir, suite.name) : undefined,
        verbose: o.verbose,
      });
      if (!result) {
        addBroken(where, 'suite', `no test result reported (VS Code exit code ${exitCode})`);
      } else {
        addResult(where, result);
        if (result.failed === 0 && exitCode !== 0) addBroken(where, 'suite', `VS Code exit code ${exitCode} although no test failed`);
        if (result.passed + result.failed === 0) addBroken(where, 'suite', 'no test ran');
      }
      console.log(`[test-all] ${suite.name}: ${result ? `${result.passed} passed, ${result.failed} failed` : 'no result'} (${(ms / 1000).toFixed(1)}s)`);
    } catch (e) {
      addBroken(where, 'suite', `could not run: ${e.message}`);
      console.log(`[test-all] ${suite.name}: could not run: ${e.message}`);
    } finally {
      if (workspace) rmSync(dirname(workspace), { recursive: true, force: true });
    }
  }
}

// Integration tests that drive VS Code from outside (Playwright in the webview, the packaged
// VSIX) are Node scripts ending with the line `N passed, N failed`.
const SCRIPT_SUITES = [
  { name: 'timeline-ui', command: ['node', 'test/integration/suites/timeline/ui.mjs', '--no-screenshots'] },
  // Last: it packages the production build, then rebuilds the development one.
  { name: 'installed-vsix', command: ['node', 'scripts/package-test.mjs'] },
];

function runCapturing(cmd, args) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('error', (e) => resolveRun({ code: -1, out, error: e }));
    child.on('exit', (code, signal) => resolveRun({ code: code ?? (signal ? 128 : 1), out }));
  });
}

async function scriptSuites(o) {
  for (const s of SCRIPT_SUITES) {
    if (o.suites.length && !o.suites.includes(s.name)) continue;
    heading(`suite ${s.name}`);
    const where = `integration/${s.name}`;
    const t0 = Date.now();
    const { code, out, error } = await runCapturing(s.command[0], s.command.slice(1));
    const counts = [...out.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)].pop();
    if (!counts) {
      addBroken(where, 'suite', `no result line (${error ? error.message : `exit code ${code}`}): ${s.command.join(' ')}`);
      continue;
    }
    const passed = Number(counts[1]);
    const failed = Number(counts[2]);
    // The scripts print their own failures above; name them here so the summary points there.
    addResult(where, { passed, failed: 0 });
    for (let i = 0; i < failed; i++) addBroken(where, `failure ${i + 1} of ${failed}`, 'see the suite output above');
    if (failed === 0 && code !== 0) addBroken(where, 'suite', `exit code ${code} although no test failed`);
    console.log(`[test-all] ${s.name}: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const t0 = Date.now();
  if (o.build) {
    heading('build');
    const { code } = await runCommand(BUILD_COMMAND[0], BUILD_COMMAND.slice(1));
    if (code !== 0) addBroken('build', BUILD_COMMAND.join(' '), `exited with ${code}`);
  }
  if (o.unit) await unitTests();
  if (o.integration) {
    await integrationTests(o);
    await scriptSuites(o);
  }

  heading(`summary (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  if (failures.length) {
    console.log('Failures:');
    for (const [i, f] of failures.entries()) {
      console.log(`  ${i + 1}) [${f.where}] ${f.title}`);
      console.log(String(f.error).replace(/^/gm, '       '));
    }
  }
  const noTests = totals.passed + totals.failed === 0;
  if (noTests) console.log('No test ran.');
  if (totals.pending) console.log(`(${totals.pending} pending)`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 || noTests ? 1 : 0);
}

main().catch((e) => {
  console.error(e.stack || e.message);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
