// Runs inside the VS Code extension host (code-server or desktop VS Code).
// A suite's index.ts re-exports a run() built here:
//
//   import { runMochaSuite } from '../../runner/mocha-index';
//   export function run(): Promise<void> { return runMochaSuite(__dirname); }
//
// It loads every *.test.js below the suite's compiled folder into mocha (BDD:
// describe/it), prints one line per test, and ends with a machine-readable
// line `PIR-RESULT {"passed":N,"failed":M,...}` that the outer runner counts.
// When PIR_TEST_RESULT_FILE is set (run-code-server.mjs sets it) the same JSON
// is also written there. run() rejects when a test failed or none ran.

import * as fs from 'fs';
import * as path from 'path';

// mocha stays external to the bundle: it is resolved from the project's
// node_modules. Mocha 12 is an ES module (require() gives its namespace),
// older ones export the constructor itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha = mochaModule.default ?? mochaModule.Mocha ?? mochaModule;

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  failures: { title: string; error: string }[];
}

export interface MochaSuiteOptions {
  /** per-test timeout, default 60 s (VS Code start-up work can be slow) */
  timeout?: number;
  /** only files whose path matches (default: /\.test\.js$/) */
  pattern?: RegExp;
  /** mocha grep */
  grep?: string;
}

const RESULT_MARKER = 'PIR-RESULT ';

function findTests(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function errorText(err: unknown): string {
  const e = err as { stack?: string; message?: string } | undefined;
  const text = (e && (e.stack || e.message)) || String(err);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

export function runMochaSuite(suiteDir: string, options: MochaSuiteOptions = {}): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: options.timeout ?? 60_000,
    grep: options.grep ?? process.env.PIR_TEST_GREP,
    // our own reporting below; mocha's own reporter would print via stdout
    reporter: function SilentReporter() { /* nothing */ },
  });

  const files = findTests(suiteDir, options.pattern ?? /\.test\.js$/);
  for (const f of files) mocha.addFile(f);
  const suiteName = path.basename(suiteDir);
  console.log(`[mocha] suite ${suiteName}: ${files.length} test file(s) in ${suiteDir}`);

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, durationMs: 0, failures: [] };
  const started = Date.now();

  return new Promise<void>((resolve, reject) => {
    const finish = () => {
      result.durationMs = Date.now() - started;
      const json = JSON.stringify(result);
      const file = process.env.PIR_TEST_RESULT_FILE;
      if (file) {
        try {
          fs.writeFileSync(file, json);
        } catch (e) {
          console.error(`[mocha] could not write ${file}: ${errorText(e)}`);
        }
      }
      console.log(`[mocha] ${result.passed} passing, ${result.failed} failing, ${result.pending} pending (${result.durationMs} ms)`);
      console.log(RESULT_MARKER + json);
      if (result.failed > 0) reject(new Error(`${result.failed} test(s) failed`));
      else if (result.passed === 0) reject(new Error('no test ran'));
      else resolve();
    };

    if (files.length === 0) {
      result.failed = 1;
      result.failures.push({ title: `suite ${suiteName}`, error: `no *.test.js files in ${suiteDir}` });
      finish();
      return;
    }

    try {
      const runner = mocha.run();
      runner.on('pass', (t: { fullTitle(): string; duration?: number }) => {
        result.passed++;
        console.log(`  ✓ ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on('fail', (t: { fullTitle(): string }, err: unknown) => {
        result.failed++;
        const error = errorText(err);
        result.failures.push({ title: t.fullTitle(), error });
        console.log(`  ✗ ${t.fullTitle()}\n${error.replace(/^/gm, '      ')}`);
      });
      runner.on('pending', (t: { fullTitle(): string }) => {
        result.pending++;
        console.log(`  - ${t.fullTitle()} (pending)`);
      });
      runner.on('end', finish);
    } catch (err) {
      // a test file that throws while loading lands here
      result.failed++;
      result.failures.push({ title: `loading suite ${suiteName}`, error: errorText(err) });
      console.error(`[mocha] could not load the suite: ${errorText(err)}`);
      finish();
    }
  });
}
