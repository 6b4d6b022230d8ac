#!/usr/bin/env node
// `npm start`: builds, then opens VS Code on examples/ with the extension loaded.
//
// - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<project> examples`.
// - Otherwise: VS Code in the browser. code-server (installed and cached by scripts/vscode-env.mjs)
//   listens on 127.0.0.1 and the script prints the URL to open; the extension is loaded as the
//   extension under development, so a rebuild (npm run build) and a window reload pick up changes.
//   Ctrl+C stops it.
//
// Options: --port <n> (default 8080, or the next free one), --no-build, --browser (use code-server
// even when `code` is on PATH), --check (for CI: start, drive the page in headless Chromium as a
// user would, and fail unless the extension is active — its commands are in the palette and an
// example review shows its diagnostics — then stop).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');
const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };

function onPath(cmd) {
  return (process.env.PATH || '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

function portFree(port) {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

async function pickPort(first) {
  for (let p = first; p < first + 50; p++) if (await portFree(p)) return p;
  throw new Error(`no free port in ${first}..${first + 49}`);
}

if (!flag('--no-build')) {
  console.log('[start] npm run build');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (onPath('code') && !flag('--browser') && !flag('--check')) {
  console.log(`[start] code --extensionDevelopmentPath=${ROOT} ${EXAMPLES}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${ROOT}`, EXAMPLES], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

const { ensureVSCodeEnv } = await import('./vscode-env.mjs');
ensureVSCodeEnv();
const { loadVSCodeEnv, killTreeSync } = await import('../test/integration/runner/run-code-server.mjs');
const env = loadVSCodeEnv();
const port = await pickPort(Number(opt('--port') || process.env.PORT || 8080));
const state = join(ROOT, '.cache', 'start');
const userData = join(state, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(join(state, 'extensions'), { recursive: true });
const settingsFile = join(userData, 'User', 'settings.json');
if (!existsSync(settingsFile)) {
  writeFileSync(settingsFile, JSON.stringify({
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
}
writeFileSync(join(state, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

const childEnv = { ...process.env, PATH: `${dirname(env.node)}${delimiter}${process.env.PATH || ''}` };
for (const k of Object.keys(childEnv)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete childEnv[k];
const child = spawn(env.node, [
  env.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', join(state, 'config.yaml'),
  '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', join(state, 'extensions'),
  // The built web workbench honours extensionDevelopmentPath in the URL only with this option;
  // without it the page loads and the extension is silently absent.
  '--vscode-option', 'enable-smoke-test-driver',
  // examples/ is the project's own folder: open it trusted, not in Restricted Mode.
  '--disable-workspace-trust',
  EXAMPLES,
], { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

const stop = () => { if (child.pid) killTreeSync(child.pid); };
process.on('SIGINT', () => { stop(); process.exit(130); });
process.on('SIGTERM', () => { stop(); process.exit(143); });
process.on('exit', stop);

const base = `http://127.0.0.1:${port}`;
const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`], ['skipWelcome', 'true']]);
const url = `${base}/?${new URLSearchParams({ folder: EXAMPLES, payload })}`;

let announced = false;
const onData = (chunk) => {
  const text = chunk.toString();
  if (process.env.PIR_START_VERBOSE) process.stdout.write(text);
  if (!announced && text.includes('HTTP server listening')) {
    announced = true;
    void listening();
  }
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
child.on('exit', (code) => { if (!announced) console.error(`[start] code-server exited (${code}) before listening`); process.exit(code ?? 1); });

async function listening() {
  console.log(`\n[start] VS Code ${env.codeServerVersion ? `(code-server ${env.codeServerVersion}) ` : ''}is running on examples/ with the extension loaded.`);
  console.log(`[start] Open this URL in a browser:\n\n  ${url}\n`);
  console.log('[start] Ctrl+C stops it.');
  if (flag('--check')) {
    let ok = false;
    try {
      ok = await check();
    } catch (e) {
      console.error(`[start] check FAILED: ${e.message.split('\n')[0]}`);
    }
    stop();
    process.exit(ok ? 0 : 1);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, fn, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * --check: open the workbench in headless Chromium and look, as a user would, for the extension:
 * a "Post-Incident Reviews" command in the command palette, and the extension's diagnostics on an
 * example review in the Problems view. Prints where it saw the extension active; false when not.
 */
async function check() {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('../test/integration/runner/run-code-server.mjs');
  const browser = await chromium.launch({ executablePath: env.chromium, headless: true, args: CHROMIUM_ARGS });
  let page;
  try {
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    console.log('[start] check: the workbench is up');

    // 1. The extension's commands in the palette (contributed commands show before activation, so
    //    this proves the extension is loaded; the diagnostics below prove it is active).
    const command = await waitFor('a "Post-Incident Reviews" command in the command palette', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill('>Post-Incident Reviews');
      await sleep(500);
      const labels = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      return labels.map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l.includes('Post-Incident Reviews: New Post-Incident Review'));
    });
    await page.keyboard.press('Escape');
    console.log(`[start] check: command palette has "${command}"`);

    // 2. An example review with known problems, and the extension's diagnostics in Problems.
    const review = '2026-11-18-login-outage-draft.pir.md';
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(review);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await sleep(300);
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: review }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const problems = await waitFor(`diagnostics of the extension on ${review} in the Problems view`, async () => {
      const rows = await page.locator('.part.panel .monaco-list-row').allInnerTexts();
      // a marker row reads "<message>\npir\n<rule id>\n[Ln …]": the source is the extension's
      const ours = rows.filter((r) => /\npir\n[a-z-]+\n/.test(r));
      return ours.length ? ours : undefined;
    }, 60_000);
    console.log(`[start] check: the extension is active: ${problems.length} of its problems shown for examples/reviews/${review}, e.g. ${problems[0].split('\n')[2]}: "${problems[0].split('\n')[0].slice(0, 80)}"`);
    console.log('[start] check passed');
    return true;
  } catch (e) {
    const shot = join(state, 'check-failure.png');
    await page?.screenshot({ path: shot }).catch(() => {});
    throw new Error(`${e.message} (screenshot: ${shot})`);
  } finally {
    await browser.close().catch(() => {});
  }
}
