#!/usr/bin/env node
// Runs extension tests in a real VS Code: code-server (VS Code server + web
// workbench, installed by scripts/vscode-env.mjs) shown in headless Chromium
// driven by playwright-core. The tests module (`run()` export, as with
// @vscode/test-electron) executes in the real Node extension host.
//
// CLI:
//   node test/integration/runner/run-code-server.mjs --extension <dir> \
//     --tests <abs path to compiled tests index.js> --workspace <dir> \
//     [--screenshot-dir <dir>] [--trust] [--web] [--timeout <seconds>] [--verbose]
//
// Library:
//   import { withVSCode, runExtensionTests } from './run-code-server.mjs';
//   await withVSCode({ extension, workspace }, async ({ page, url }) => { ... });
//   const r = await runExtensionTests({ extension, tests, workspace });
//
// Whatever happens, the code-server process tree and the browser are ended
// when the run ends, and an overall timeout (default 10 min) fails the run.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync,
  renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(HERE, '..', '..', '..');
const ENV_JSON = process.env.PIR_VSCODE_ENV_DIR
  ? join(resolve(process.env.PIR_VSCODE_ENV_DIR), 'env.json')
  : join(PROJECT_ROOT, '.cache', 'vscode-env', 'env.json');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Lines the tests module prints (see mocha-index.ts). */
/** The date the integration suites run on (PIR_NOW), whatever the system clock says. */
export const TEST_TODAY = '2026-11-30';
export const RESULT_MARKER = 'PIR-RESULT ';
export const SCREENSHOT_MARKER = 'PIR-SCREENSHOT ';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

// Workbench chatter on an offline machine: kept in the run's log file, not
// echoed (unless verbose). Extension host output always goes through.
const NOISE = [
  /open-vsx\.org/,
  /\bvsda\b/,
  /github.*auth|auth.*github/i,
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
];

// ------------------------------------------------------------------ helpers

/** Reads what scripts/vscode-env.mjs installed. */
export function loadVSCodeEnv() {
  const file = ENV_JSON;
  if (!existsSync(file)) {
    throw new Error(`${file} not found: run \`node scripts/vscode-env.mjs\` first`);
  }
  const env = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['node', 'codeServerEntry', 'chromium']) {
    if (!env[key] || !existsSync(env[key])) {
      throw new Error(`${key} (${env[key]}) missing: run \`node scripts/vscode-env.mjs\` again`);
    }
  }
  return env;
}

async function freePort() {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** pid -> { ppid, pgid } for every live process (Linux /proc). */
function procTable() {
  const table = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ..." - comm may hold spaces and parens
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (rest[0] === 'Z') continue; // zombie: already dead
      table.set(Number(name), { ppid: Number(rest[1]), pgid: Number(rest[2]) });
    } catch {
      /* exited meanwhile */
    }
  }
  return table;
}

/** The process, its descendants, and everything in a process group one of them leads. */
function treeOf(rootPid) {
  const table = procTable();
  const found = new Set();
  if (table.has(rootPid)) found.add(rootPid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { ppid, pgid }] of table) {
      if (found.has(pid)) continue;
      if (found.has(ppid) || found.has(pgid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(process.pid);
  return found;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* gone */
  }
}

/**
 * Ends a whole process tree, including children that moved into process groups
 * of their own (code-server does that). Freezes the tree first (SIGSTOP) so no
 * process can fork or be re-parented while we collect it, then SIGKILLs it.
 */
export function killTreeSync(rootPid) {
  const all = new Set();
  for (let i = 0; i < 10; i++) {
    const tree = treeOf(rootPid);
    for (const pid of all) {
      // pick up children of already-frozen processes too
      for (const p of treeOf(pid)) tree.add(p);
    }
    let added = 0;
    for (const pid of tree) {
      if (!all.has(pid)) {
        all.add(pid);
        added++;
        signal(pid, 'SIGSTOP');
      }
    }
    if (added === 0) break;
  }
  for (const pid of all) signal(pid, 'SIGKILL');
  signal(-rootPid, 'SIGKILL');
  return [...all];
}

async function killTree(rootPid, label, log) {
  const pids = killTreeSync(rootPid);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const table = procTable();
    if (!pids.some((p) => table.has(p))) return;
    await sleep(100);
  }
  log(`[runner] warning: some ${label} processes survived SIGKILL: ${pids.filter((p) => procTable().has(p)).join(' ')}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)}s`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function tail(file, n = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

function formatArgs(args) {
  if (!Array.isArray(args)) args = [args];
  return args
    .map((a) => (typeof a === 'string' ? a : (() => {
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })()))
    .join(' ');
}

// -------------------------------------------------------------- code-server

async function startCodeServer({ env, port, workspace, userDataDir, extensionsDir, trust, logFile, extraEnv, log, verbose }) {
  const args = [
    env.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(dirname(userDataDir), 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  if (!trust) args.push('--disable-workspace-trust');
  if (workspace) args.push(workspace);

  writeFileSync(join(dirname(userDataDir), 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  // A VS Code terminal's variables would make code-server hand the folder to
  // that VS Code instead of serving it: drop them.
  const childEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    childEnv[k] = v;
  }
  Object.assign(childEnv, {
    PATH: `${dirname(env.node)}:${process.env.PATH || ''}`,
    XDG_CONFIG_HOME: join(dirname(userDataDir), 'xdg-config'),
    XDG_DATA_HOME: join(dirname(userDataDir), 'xdg-data'),
    ...extraEnv,
  });

  const out = createWriteStream(logFile);
  const child = spawn(env.node, args, {
    env: childEnv,
    cwd: workspace || PROJECT_ROOT,
    detached: true, // own process group, so the whole group can be ended
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let exited = false;
  const listening = new Promise((resolveListening, rejectListening) => {
    let buf = '';
    const onData = (chunk) => {
      out.write(chunk);
      if (verbose) process.stdout.write(`[code-server] ${chunk}`);
      buf += chunk.toString();
      if (buf.includes('HTTP server listening')) resolveListening();
      if (buf.length > 100_000) buf = buf.slice(-10_000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => rejectListening(new Error(`code-server could not start: ${e.message}`)));
    child.on('exit', (code, sig) => {
      exited = true;
      rejectListening(new Error(`code-server exited (${code ?? sig}) before listening:\n${buf.slice(-3000)}`));
    });
  });
  log(`[runner] code-server ${env.codeServerVersion || ''} pid ${child.pid} on 127.0.0.1:${port}`);
  return { child, listening, isExited: () => exited, out };
}

// ---------------------------------------------------------------- the API

/**
 * Starts code-server + headless Chromium, opens the workbench on `workspace`
 * with `extension` as the extension under development (and `tests` as the
 * extension tests module, if given), then calls `fn`. Always cleans up.
 *
 * @param {object} opts
 * @param {string} [opts.extension]     extension folder (extensionDevelopmentPath)
 * @param {string} [opts.tests]         compiled tests module exporting run() (extensionTestsPath)
 * @param {string} [opts.workspace]     folder to open
 * @param {boolean} [opts.trust=false]  keep workspace trust on (restricted mode)
 * @param {boolean} [opts.web=false]    run the extension in the web worker extension host
 * @param {string} [opts.extensionsDir] installed-extensions folder (default: empty temp dir)
 * @param {string} [opts.screenshotDir] where screenshots go (also final one at exit)
 * @param {string} [opts.name]          run name, used in screenshot file names
 * @param {number} [opts.timeoutMs]     overall limit (default 10 min)
 * @param {object} [opts.env]           extra environment for code-server / the extension host
 * @param {{width:number,height:number}} [opts.viewport]
 * @param {(line:string)=>void} [opts.log]   where log lines go (default stdout)
 * @param {boolean} [opts.verbose]      echo code-server's own output
 * @param {boolean} [opts.keepTemp]     keep the temp folder (logs, user data)
 * @param {(ctx) => Promise<any>} fn    gets { page, browser, context, url, baseUrl, port,
 *   exited: Promise<number>, screenshot(name) => Promise<string>, tempDir, log }
 */
export async function withVSCode(opts, fn) {
  const log = opts.log || ((line) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`));
  const name = opts.name || 'vscode';
  const timeoutMs = opts.timeoutMs || DEFAULT_TIMEOUT_MS;
  const env = loadVSCodeEnv();
  const abs = (p) => (p ? (isAbsolute(p) ? p : resolve(p)) : p);
  const extension = abs(opts.extension);
  const tests = abs(opts.tests);
  const workspace = abs(opts.workspace);
  const screenshotDir = abs(opts.screenshotDir);
  for (const [what, p] of [['extension', extension], ['tests', tests], ['workspace', workspace]]) {
    if (p && !existsSync(p)) throw new Error(`${what} not found: ${p}`);
  }
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

  const tempDir = mkdtempSync(join(tmpdir(), 'pir-vscode-'));
  const userDataDir = join(tempDir, 'user-data');
  const extensionsDir = abs(opts.extensionsDir) || join(tempDir, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Settings that keep the workbench quiet and the screenshots clean.
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.startupPrompt': 'never',
    'git.enabled': false,
    // Tests check dirty state, undo and fix-on-save; code-server's default autosave would race them.
    'files.autoSave': 'off',
    ...(opts.settings || {}),
  }, null, 2));
  const logFile = join(tempDir, 'code-server.log');
  const browserLogFile = join(tempDir, 'browser-console.log');
  const resultFile = join(tempDir, 'result.json');

  let server;
  let browser;
  let page;
  let disposed = false;
  let exitedCode;
  let resolveExited;
  const exited = new Promise((r) => {
    resolveExited = r;
  });

  const cleanupSync = () => {
    if (server?.child?.pid) killTreeSync(server.child.pid);
    const chromiumPid = browser?.process?.()?.pid;
    if (chromiumPid) killTreeSync(chromiumPid);
    if (!opts.keepTemp) rmSync(tempDir, { recursive: true, force: true });
  };
  const onSignal = (sig) => {
    cleanupSync();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  const onExit = cleanupSync;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);

  const t0 = Date.now();
  const main = async () => {
    // 1. code-server (retry on a port that someone grabbed meanwhile)
    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      server = await startCodeServer({
        env, port, workspace, userDataDir, extensionsDir, trust: !!opts.trust, logFile, log,
        verbose: opts.verbose,
        extraEnv: {
          PIR_TEST_RESULT_FILE: resultFile,
          // "today" for every date check of the extension and the CLI it spawns: suites must not
          // expire as the calendar moves on (src/extension/shared/clock.ts)
          PIR_NOW: process.env.PIR_NOW || TEST_TODAY,
          ...(screenshotDir ? { PIR_SCREENSHOT_DIR: screenshotDir } : {}),
          ...(opts.env || {}),
        },
      });
      try {
        await withTimeout(server.listening, 120_000, 'code-server start');
        break;
      } catch (e) {
        await killTree(server.child.pid, 'code-server', log);
        if (attempt < 3 && /EADDRINUSE/.test(e.message)) continue;
        throw e;
      }
    }
    log(`[runner] code-server listening after ${((Date.now() - t0) / 1000).toFixed(1)}s`);

    // 2. browser
    let chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch (e) {
      throw new Error(`playwright-core is not installed (npm ci): ${e.message}`);
    }
    const launched = await chromium.launch({
      executablePath: env.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      // keep Chromium's crashpad folder and caches out of the user's home
      env: { ...process.env, XDG_CONFIG_HOME: join(tempDir, 'xdg-config'), XDG_CACHE_HOME: join(tempDir, 'xdg-cache') },
    });
    if (disposed) {
      // the run timed out while Chromium was starting
      await launched.close().catch(() => {});
      throw new Error('disposed');
    }
    browser = launched;
    const context = await browser.newContext({ viewport: opts.viewport || { width: 1600, height: 1000 } });
    page = await context.newPage();
    const browserLog = createWriteStream(browserLogFile);
    page.on('console', (m) => {
      const text = m.text();
      if (opts.verbose || !NOISE.some((re) => re.test(text))) browserLog.write(`[${m.type()}] ${text}\n`);
    });
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack || e.message}\n`));

    let shotCount = 0;
    const screenshot = async (shotName) => {
      const dir = screenshotDir || tempDir;
      const safe = String(shotName || `shot-${++shotCount}`).replace(/[^\w.-]+/g, '_');
      const file = join(dir, `${safe}.png`);
      const buf = await page.screenshot();
      // write then rename: a test polling for the file never sees half of it
      writeFileSync(`${file}.tmp`, buf);
      renameSync(`${file}.tmp`, file);
      log(`[runner] screenshot ${file}`);
      return file;
    };

    const automationLog = createWriteStream(join(tempDir, 'automation.log'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatArgs(args);
      automationLog.write(`[${type}] ${line}\n`);
      if (opts.verbose || !NOISE.some((re) => re.test(line))) {
        log(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
      }
      const i = line.indexOf(SCREENSHOT_MARKER);
      if (i >= 0) {
        let req = {};
        try {
          req = JSON.parse(line.slice(i + SCREENSHOT_MARKER.length).trim());
        } catch {
          /* name-less request */
        }
        screenshot(req.name).catch((e) => log(`[runner] screenshot failed: ${e.message}`));
      }
    });
    await page.exposeFunction('codeAutomationExit', async (code, logs) => {
      if (exitedCode !== undefined) return;
      exitedCode = code;
      try {
        if (screenshotDir) await screenshot(`${name}-exit`);
      } catch (e) {
        log(`[runner] exit screenshot failed: ${e.message}`);
      }
      if (Array.isArray(logs)) {
        for (const l of logs) {
          try {
            const f = join(tempDir, 'vscode-logs', l.relativePath);
            mkdirSync(dirname(f), { recursive: true });
            writeFileSync(f, l.contents);
          } catch {
            /* best effort */
          }
        }
      }
      resolveExited(code);
    });

    // 3. the workbench
    const baseUrl = `http://127.0.0.1:${port}`;
    const payload = [];
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
    const web = opts.web && extension ? stageWebExtension(extension, tests, tempDir) : undefined;
    if (extension) payload.push(['extensionDevelopmentPath', remote(web?.extension ?? extension)]);
    if (tests) payload.push(['extensionTestsPath', remote(web?.tests ?? tests)]);
    if (opts.web) payload.push(['extensionDevelopmentKind', 'web']);
    payload.push(['skipWelcome', 'true']);
    payload.push(['skipReleaseNotes', 'true']);
    const q = new URLSearchParams();
    if (workspace) q.set('folder', workspace);
    q.set('payload', JSON.stringify(payload));
    const url = `${baseUrl}/?${q.toString()}`;
    log(`[runner] opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    const serverDied = new Promise((_, reject) => {
      server.child.once('exit', (c, s) => reject(new Error(`code-server exited (${c ?? s}) during the run`)));
    });
    serverDied.catch(() => {});
    return Promise.race([
      fn({ page, browser, context, url, baseUrl, port, exited, screenshot, tempDir, log, resultFile }),
      serverDied,
    ]);
  };

  try {
    return await withTimeout(main(), timeoutMs, `VS Code run "${name}"`);
  } catch (e) {
    if (page && screenshotDir) {
      const file = join(screenshotDir, `${name}-failure.png`);
      await withTimeout(page.screenshot({ path: file }), 10_000, 'failure screenshot')
        .then(() => log(`[runner] screenshot ${file}`))
        .catch(() => {});
    }
    if (server) {
      log(`[runner] --- last lines of code-server output (${logFile}) ---\n${tail(logFile)}`);
      if (existsSync(browserLogFile)) log(`[runner] --- last lines of browser console ---\n${tail(browserLogFile, 20)}`);
    }
    throw e;
  } finally {
    disposed = true;
    if (browser) {
      const pid = browser.process?.()?.pid;
      await withTimeout(browser.close(), 10_000, 'browser close').catch(() => {});
      if (pid) await killTree(pid, 'chromium', log);
    }
    if (server?.child?.pid) await killTree(server.child.pid, 'code-server', log);
    server?.out?.end();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', onExit);
    if (!opts.keepTemp) rmSync(tempDir, { recursive: true, force: true });
    else log(`[runner] kept ${tempDir}`);
  }
}

/**
 * The extension as VS Code for the Web without a server sees it: its manifest without `main`, so
 * only the `browser` entry can run. code-server has a Node extension host too and would run an
 * extension with `main` there: VS Code 1.139's web workbench parses `extensionDevelopmentKind`
 * from the payload (also sent, for other versions) but does not apply it to the extension's kind.
 * The tests module goes inside the staged folder: VS Code runs it in the extension host of the
 * extension whose folder contains it.
 */
function stageWebExtension(extension, tests, tempDir) {
  const dir = join(tempDir, 'web-extension');
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
  delete manifest.main;
  mkdirSync(dir, { recursive: true });
  // the browser entry and the static contributions; not dist/extension.js or dist/core.js
  for (const name of ['dist/web', 'dist/webview', 'syntaxes', 'snippets', 'schemas', 'media', 'README.md', 'LICENSE']) {
    if (existsSync(join(extension, name))) cpSync(join(extension, name), join(dir, name), { recursive: true });
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  let stagedTests;
  if (tests) {
    stagedTests = join(dir, 'tests', basename(tests));
    cpSync(dirname(tests), dirname(stagedTests), { recursive: true });
  }
  return { extension: dir, tests: stagedTests };
}

/** Parses the PIR-RESULT summary out of the result file or a log line. */
function parseResult(text) {
  const i = text.lastIndexOf(RESULT_MARKER);
  if (i < 0) return null;
  const rest = text.slice(i + RESULT_MARKER.length);
  const line = rest.split('\n')[0];
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/**
 * Runs one extension tests module and returns
 * { exitCode, result: { passed, failed, pending, failures: [{title, error}] } | null, ms }.
 * Throws if VS Code could not be started or the run timed out.
 */
export async function runExtensionTests(opts) {
  if (!opts.tests) throw new Error('runExtensionTests: opts.tests is required');
  const t0 = Date.now();
  const lines = [];
  const userLog = opts.log || ((line) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`));
  let result = null;
  const exitCode = await withVSCode(
    {
      ...opts,
      keepTemp: opts.keepTemp,
      log: (line) => {
        if (line.includes(RESULT_MARKER)) lines.push(line);
        userLog(line);
      },
    },
    async ({ exited, resultFile }) => {
      const code = await exited;
      if (existsSync(resultFile)) {
        try {
          result = JSON.parse(readFileSync(resultFile, 'utf8'));
        } catch {
          /* fall back to the log line */
        }
      }
      return code;
    },
  );
  if (!result) result = parseResult(lines.join('\n'));
  return { exitCode, result, ms: Date.now() - t0 };
}

// -------------------------------------------------------------------- CLI

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--extension': o.extension = val(); break;
      case '--tests': o.tests = val(); break;
      case '--workspace': o.workspace = val(); break;
      case '--screenshot-dir': o.screenshotDir = val(); break;
      case '--extensions-dir': o.extensionsDir = val(); break;
      case '--name': o.name = val(); break;
      case '--timeout': o.timeoutMs = Number(val()) * 1000; break;
      case '--trust': o.trust = true; break;
      case '--web': o.web = true; break;
      case '--verbose': o.verbose = true; break;
      case '--keep-temp': o.keepTemp = true; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (o.help || !o.tests) {
    console.log('usage: run-code-server.mjs --extension <dir> --tests <tests index.js> --workspace <dir> [--screenshot-dir <dir>] [--trust] [--web] [--timeout <s>] [--verbose] [--keep-temp]');
    process.exit(o.help ? 0 : 2);
  }
  o.name ??= basename(dirname(resolve(o.tests)));
  try {
    const { exitCode, result, ms } = await runExtensionTests(o);
    const summary = result ? `${result.passed} passed, ${result.failed} failed` : 'no test result reported';
    console.log(`[runner] VS Code exit code ${exitCode}; ${summary}; ${(ms / 1000).toFixed(1)}s`);
    const failed = exitCode !== 0 || !result || result.failed > 0;
    process.exit(failed ? 1 : 0);
  } catch (e) {
    console.error(`[runner] FAILED: ${e.message}`);
    process.exit(1);
  }
}
