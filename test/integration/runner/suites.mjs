// The integration suites, shared by scripts/test-all.mjs (code-server) and
// test/integration/runner/electron.mjs (desktop VS Code).
//
// A suite = an extension folder, a compiled tests module (built by
// test/integration/build.mjs from test/integration/suites/<name>/index.ts) and
// a workspace folder, which is copied to a temp folder for each run so tests
// may change files freely.

import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const OUT = join(PROJECT_ROOT, 'out', 'test', 'integration', 'suites');
const FIXTURES = join(PROJECT_ROOT, 'test', 'integration', 'fixtures');

/**
 * @typedef {object} Suite
 * @property {string} name
 * @property {string} extension  extension folder (extensionDevelopmentPath)
 * @property {string} tests      compiled tests module (extensionTestsPath)
 * @property {string} workspace  folder to open (copied to a temp folder per run)
 * @property {boolean} [trust]   keep workspace trust on (restricted-mode suite)
 * @property {boolean} [web]     run the extension in the web worker extension host (VS Code for the Web);
 *                               its tests module is a browser bundle (test/integration/build.mjs)
 */

/** @type {Suite[]} */
export const SUITES = [
  suite('smoke', join(FIXTURES, 'smoke')),
  suite('diagnostics', join(FIXTURES, 'reviews')),
  suite('actions', join(FIXTURES, 'reviews')),
  // Workspace trust on and the folder not trusted: the extension must work in restricted mode.
  { ...suite('restricted', join(FIXTURES, 'reviews')), trust: true },
  suite('tracker', join(FIXTURES, 'tracker')),
  // Corrective actions as tickets against a local fake GitHub (test/support/fake-tracker.ts).
  suite('tickets', join(FIXTURES, 'tickets')),
  suite('commands', join(FIXTURES, 'commands')),
  suite('authoring', join(FIXTURES, 'authoring')),
  // The README screenshots are taken on the examples workspace (scripts/package-screenshots.mjs
  // copies them to media/); in `npm test` they only go to out/screenshots.
  suite('screenshots', join(PROJECT_ROOT, 'examples')),
  // The browser entry (dist/web/extension.js) in the web worker extension host.
  { ...suite('web', join(FIXTURES, 'web')), web: true },
];

function suite(name, workspace) {
  return { name, extension: PROJECT_ROOT, tests: join(OUT, name, 'index.js'), workspace };
}

/** Copies the suite's workspace to a fresh temp folder and returns its path. */
export function copyWorkspace(suite) {
  const parent = mkdtempSync(join(tmpdir(), `pir-ws-${suite.name}-`));
  const target = join(parent, basename(suite.workspace));
  mkdirSync(target, { recursive: true });
  cpSync(suite.workspace, target, { recursive: true });
  return target;
}

export function selectSuites(names) {
  if (!names || names.length === 0) return SUITES;
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown suite(s): ${unknown.join(', ')} (known: ${SUITES.map((s) => s.name).join(', ')})`);
  return SUITES.filter((s) => names.includes(s.name));
}
