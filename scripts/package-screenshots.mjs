#!/usr/bin/env node
// README screenshots taken from the real editor (code-server + headless Chromium through the test
// harness): runs the `screenshots` integration suite on a copy of examples/ and copies its PNGs to
// media/screenshots/. Run after `npm run build`.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'media', 'screenshots');
const { buildIntegrationTests } = await import('../test/integration/build.mjs');
const { runExtensionTests } = await import('../test/integration/runner/run-code-server.mjs');
await buildIntegrationTests({ quiet: true });
const tmp = mkdtempSync(join(tmpdir(), 'pir-shots-'));
const workspace = join(tmp, 'examples');
cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
let ok = false;
try {
  const { result } = await runExtensionTests({
    name: 'screenshots', extension: ROOT, workspace,
    tests: join(ROOT, 'out', 'test', 'integration', 'suites', 'screenshots', 'index.js'),
    screenshotDir: join(tmp, 'shots'),
    viewport: { width: 1280, height: 800 },
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'breadcrumbs.enabled': false, 'workbench.statusBar.visible': true, 'editor.fontSize': 14 },
  });
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(join(tmp, 'shots'))) {
    if (!f.endsWith('.png') || f.endsWith('-exit.png')) continue;
    cpSync(join(tmp, 'shots', f), join(OUT, f));
    console.log(`[screenshots] media/screenshots/${f}`);
  }
  ok = !!result && result.failed === 0;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
