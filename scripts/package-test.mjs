#!/usr/bin/env node
// Tests the INSTALLED extension: packages the VSIX (npm run package) unless --vsix is given,
// installs it with `code-server --install-extension` into a fresh extensions folder, and runs the
// `installed` integration suite against it in code-server (the extension under development is an
// empty host, test/integration/fixtures/installed-host, so only the installed copy is loaded).
//
// Usage: node scripts/package-test.mjs [--vsix file.vsix] [--no-package] [--verbose]
// Prints `N passed, N failed` last; exits non-zero on a failure.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const verbose = args.includes('--verbose');

function run(cmd, argv, extra = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: verbose ? 'inherit' : 'pipe', encoding: 'utf8', ...extra });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited with ${r.status ?? r.signal}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r;
}

let failed = 0; let passed = 0;
const tmp = mkdtempSync(join(tmpdir(), 'pir-vsix-'));
try {
  let vsix = opt('--vsix') && resolve(opt('--vsix'));
  if (!vsix) {
    vsix = join(ROOT, 'pir-reviews.vsix');
    if (!args.includes('--no-package') || !existsSync(vsix)) {
      console.log('[package-test] npm run package');
      run('npm', ['run', '--silent', 'package']);
      // the packaged bundles are minified; rebuild the development ones for the other suites
      run('npm', ['run', '--silent', 'build']);
    }
  }
  const { ensureVSCodeEnv } = await import('./vscode-env.mjs');
  ensureVSCodeEnv();
  const { loadVSCodeEnv, runExtensionTests } = await import('../test/integration/runner/run-code-server.mjs');
  const { buildIntegrationTests } = await import('../test/integration/build.mjs');
  await buildIntegrationTests({ quiet: true });
  const env = loadVSCodeEnv();

  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const t0 = Date.now();
  run(env.node, [env.codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', join(tmp, 'user-data'), '--install-extension', vsix],
    { env: { ...process.env, PATH: `${dirname(env.node)}:${process.env.PATH}` } });
  const installed = readdirSync(extensionsDir).filter((n) => n.startsWith('pir-tools.pir-reviews-'));
  if (!installed.length) throw new Error(`the VSIX did not install into ${extensionsDir}`);
  console.log(`[package-test] installed ${installed.join(', ')} in ${Date.now() - t0} ms`);

  const workspace = join(tmp, 'ws', 'reviews');
  cpSync(join(ROOT, 'test', 'integration', 'fixtures', 'reviews'), workspace, { recursive: true });
  const { exitCode, result, ms } = await runExtensionTests({
    name: 'installed',
    extension: join(ROOT, 'test', 'integration', 'fixtures', 'installed-host'),
    tests: join(ROOT, 'out', 'test', 'integration', 'suites', 'installed', 'index.js'),
    workspace,
    extensionsDir,
    verbose,
  });
  passed += result?.passed ?? 0;
  failed += result?.failed ?? 1;
  if (!result || (exitCode !== 0 && !failed)) failed++;
  console.log(`[package-test] installed suite: ${result ? `${result.passed} passed, ${result.failed} failed` : 'no result'} (${(ms / 1000).toFixed(1)}s)`);
} catch (e) {
  failed++;
  console.error(`[package-test] ${e.message}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
