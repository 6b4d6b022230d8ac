#!/usr/bin/env node
// Compiles the integration test suites for the extension host:
//   test/integration/suites/<name>/index.ts    -> out/test/integration/suites/<name>/index.js
//   test/integration/suites/<name>/*.test.ts   -> out/test/integration/suites/<name>/*.test.js
// Each entry is bundled on its own (CommonJS, Node) with `vscode` and `mocha`
// left external: `vscode` is provided by the extension host, `mocha` comes
// from the project's node_modules. Tests may import from src/ freely.
//
// Usage: node test/integration/build.mjs

import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'test', 'integration');
export const OUT_DIR = join(ROOT, 'out', 'test', 'integration');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export async function buildIntegrationTests({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const suitesDir = join(SRC, 'suites');
  // suites/web runs in the web worker extension host: one browser bundle, built below
  const isWeb = (f) => f.startsWith(join(suitesDir, 'web') + '/');
  const entryPoints = existsSync(suitesDir)
    ? walk(suitesDir).filter((f) => /(?:^|\/)index\.ts$|\.test\.ts$/.test(f) && !isWeb(f))
    : [];
  rmSync(OUT_DIR, { recursive: true, force: true });
  if (entryPoints.length === 0) {
    if (!quiet) console.log('[build-integration] no suites found');
    return [];
  }
  const t0 = Date.now();
  await build({
    entryPoints,
    outbase: SRC,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  const webIndex = join(suitesDir, 'web', 'index.ts');
  if (existsSync(webIndex)) {
    await build({
      entryPoints: [webIndex], outfile: join(OUT_DIR, 'suites', 'web', 'index.js'), bundle: true,
      platform: 'browser', format: 'cjs', target: 'es2022', sourcemap: 'inline', external: ['vscode'], logLevel: 'warning',
    });
  }
  if (!quiet) {
    console.log(`[build-integration] ${entryPoints.length} file(s) -> ${relative(ROOT, OUT_DIR)} in ${Date.now() - t0} ms`);
  }
  return entryPoints;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildIntegrationTests().catch((e) => {
    console.error(`[build-integration] FAILED: ${e.message}`);
    process.exit(1);
  });
}
