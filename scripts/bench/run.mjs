#!/usr/bin/env node
// The benchmark suite (`npm run bench`, issue 8). One run measures, and reports as ratios:
//   (a) analysis of one review (parse + every rule) against markdownlint and a bare remark parse
//   (b) re-analysis of the 5,000-line review after a one-line edit
//   (c) the workspace index (ReviewIndex) over 2,000 reviews: cold, warm from its cache, per change
//   (d) `pir lint` over 2,000 files against markdownlint-cli2, wall time of the process
//   (e) extension activation (stand-in host, and real VS Code when the harness is installed) and
//       bundle sizes (minified, as packaged)
//   (f) peak memory
// It prints a table and writes docs/performance.md (machine, date, table, budgets).
//
// Options: --only-worst (just the worst cases of issue 17: generated nesting, keys, long lines, big
//          tables, many items; --case NAME for one of them; with --write it updates that section
//          of docs/performance.md),
//          --render (re-write docs/performance.md from the last results), --only-vscode (just the
//          activation in VS Code), --quick (fewer repetitions, 500 files: a smoke run, does not write docs/performance.md
//          unless --write), --files N, --no-vscode, --no-write, --keep (keep the temp corpus),
//          --cpu-prof (write .cpuprofile files of the analysis and lint runs into dist/bench/prof)
//
// Everything it builds goes to dist/bench/; the corpus goes to a temp folder removed at the end.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateReview, writeCorpus } from './generate.mjs';
import { benchWorstCases, withinBudget, worstCaseTable } from './worst.mjs';
import { buildSplitExtension } from '../build/extension-split.mjs';
import { taggerBuild, taggerExternal, taggerWebStub } from '../build/tagger-split.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'dist', 'bench');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const QUICK = flag('--quick');
const FILES = Number(opt('--files', QUICK ? '500' : '2000'));
const WRITE = !flag('--no-write') && (!QUICK || flag('--write'));
const CPU_PROF = flag('--cpu-prof');
const require = createRequire(import.meta.url);
const started = Date.now();
const log = (s) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${s}\n`);

// ------------------------------------------------------------------ helpers

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmtMs = (ms) => ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`;
const fmtKB = (b) => `${(b / 1024).toFixed(0)} KB`;
const fmtMB = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
let peakRss = 0;
const sampleRss = () => { const r = process.memoryUsage.rss(); if (r > peakRss) peakRss = r; };

/**
 * Times fn() `runs` times after `warmup` untimed calls; `before` runs untimed before each call
 * (e.g. to clear a cache). Stops early once `budgetMs` of measured time is spent (at least 3 runs).
 */
function time(fn, { runs = 15, warmup = 3, before, budgetMs = 4000 } = {}) {
  return compare({ x: { fn, before } }, { runs, warmup, budgetMs }).x;
}

/**
 * Times several contenders round-robin (one call of each per round, the order rotating), so that
 * a change in machine load during the run hits all of them alike. Returns median/min per name.
 */
function compare(contenders, { runs = 15, warmup = 3, budgetMs = 4000 } = {}) {
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  let spent = 0;
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const { fn, before } = contenders[names[(round + k) % names.length]];
      before?.(round);
      const t0 = performance.now();
      fn(round);
      const dt = performance.now() - t0;
      if (round >= warmup) { times[names[(round + k) % names.length]].push(dt); spent += dt; }
    }
    sampleRss();
    if (round >= warmup + 2 && spent > budgetMs) break;
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(times[n]), min: Math.min(...times[n]), runs: times[n].length }]));
}

/** Spawns a process, waits for it; returns wall ms, CPU ms (user+sys) and peak RSS (KiB). */
function runProcess(cmd, argv, { cwd, env } = {}) {
  const rssFile = join(os.tmpdir(), `pir-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolveP, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, ['--require', join(ROOT, 'scripts/bench/maxrss.cjs'), ...argv], {
      cwd, env: { ...process.env, ...env, PIR_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let outBytes = 0, errTail = '', outHead = '';
    child.stdout.on('data', (d) => { outBytes += d.length; if (outHead.length < 400) outHead += d; });
    child.stderr.on('data', (d) => { errTail = (errTail + d).slice(-2000); });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      let maxRssKiB = 0, cpuMs = 0;
      try { [maxRssKiB, cpuMs] = readFileSync(rssFile, 'utf8').trim().split(/\s+/).map(Number); rmSync(rssFile, { force: true }); } catch { /* no record */ }
      resolveP({ code, wall, cpuMs, maxRssKiB, outBytes, outHead, errTail });
    });
  });
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const mhz = cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m)?.[1];
  return {
    cpu: `${model}${mhz ? ` (${Number(mhz).toFixed(0)} MHz)` : ''}`,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

function gitHead() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? ' + uncommitted changes in src/' : ''}` : 'unknown';
}

// ------------------------------------------------------------------ bundles

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** the options of esbuild.mjs, repeated here so the benchmark builds into dist/bench/ without racing other builds of dist/ */
function bundleOptions(production) {
  // as esbuild.mjs: the `pir._test.*` hooks only in the development build, never in the packaged (minified) one
  const common = { bundle: true, sourcemap: false, minify: production, logLevel: 'warning', define: { PIR_VERSION: JSON.stringify(pkg.version), PIR_TEST_HOOKS: JSON.stringify(!production) }, legalComments: 'none', absWorkingDir: ROOT };
  const nodeCjs = { platform: 'node', format: 'cjs', target: 'node20', define: { ...common.define, 'import.meta.url': '__pirImportMetaUrl' }, banner: { js: "const __pirImportMetaUrl = require('url').pathToFileURL(__filename).href;" } };
  return { common, nodeCjs };
}

let bundleInputs = [];
async function buildBundles() {
  const t0 = performance.now();
  const builds = [];
  const split = [];
  for (const production of [false, true]) {
    const { common, nodeCjs } = bundleOptions(production);
    const dir = join(OUT, production ? 'min' : 'dev');
    builds.push({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: join(dir, 'cli.js'), ...nodeCjs, banner: { js: '#!/usr/bin/env node\n' + nodeCjs.banner.js }, plugins: [taggerExternal] });
    // the part-of-speech tagger, loaded by cli.js and core.js on first use
    builds.push(taggerBuild({ ...common, ...nodeCjs }, dir));
    // the Node extension as esbuild.mjs builds it: entry (extension.js) + core.js loaded on first use
    // + commands.js loaded by the first command that needs it
    split.push(buildSplitExtension({ ...common, ...nodeCjs, external: ['vscode'], plugins: [taggerExternal] }, { root: ROOT, outdir: dir, metafile: production }));
    const web = { ...common, platform: 'browser', format: 'cjs', target: 'es2022', conditions: ['worker'], define: { ...common.define, 'process.env.NODE_ENV': '"production"' } };
    builds.push({ ...web, define: { ...web.define, PIR_WEB: 'true' }, entryPoints: ['src/extension/extension.ts'], outfile: join(dir, 'web', 'extension.js'), external: ['vscode'], alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' }, plugins: [taggerWebStub] });
    builds.push(taggerBuild(web, join(dir, 'web')));
    if (!production) builds.push({ ...common, entryPoints: ['scripts/bench/core-entry.ts'], outfile: join(OUT, 'core.cjs'), ...nodeCjs });
  }
  await Promise.all(builds.map((b) => build(b)));
  const splits = await Promise.all(split);
  // what the minified Node extension (entry + core.js) is made of, by package
  const metas = splits.filter((b) => b.entry.metafile).flatMap((b) => [b.entry.metafile, b.core.metafile]);
  if (metas.length) {
    const by = {};
    for (const [f, v] of metas.flatMap((meta) => Object.entries(Object.values(meta.outputs)[0].inputs))) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f);
      const k = m ? m[1] : f.split('/').slice(0, 2).join('/');
      by[k] = (by[k] ?? 0) + v.bytesInOutput;
    }
    bundleInputs = Object.entries(by).sort((a, b) => b[1] - a[1]);
  }
  log(`built ${builds.length + 2 * split.length} bundles into ${relative(ROOT, OUT)}/ in ${fmtMs(performance.now() - t0)}`);
}

// ------------------------------------------------------------------ (a) + (b) one document

async function benchDocuments(core) {
  const { lint: mdlint } = await import('markdownlint/sync');
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  const now = new Date('2027-01-15T12:00:00Z');

  const docs = [
    { name: 'small', text: generateReview({ seed: 11, bytes: 1000 }) },
    { name: 'typical', text: generateReview({ seed: 12, bytes: 5000 }) },
    { name: 'large', text: generateReview({ seed: 13, lines: 5000 }) },
  ];
  const rows = [];
  for (const d of docs) {
    const lines = d.text.split('\n').length;
    const big = lines > 1000;
    const o = { runs: big ? (QUICK ? 3 : 7) : QUICK ? 30 : 60, warmup: big ? 1 : 10, budgetMs: big ? (QUICK ? 5000 : 20000) : (QUICK ? 2000 : 5000) };
    const analyze = () => core.analyze(d.text, { now });
    const findings = analyze().findings.length;
    const { cold, warm, mdl, rem } = compare({
      cold: { fn: analyze, before: () => { core.clearMarkdownCache(); core.clearTagCache(); } },
      // warm: the same text again, its sections served from the parse cache (as after an edit elsewhere)
      warm: { fn: analyze, before: () => analyze() },
      mdl: { fn: () => mdlint({ strings: { doc: d.text } }) },
      rem: { fn: () => remark.parse(d.text) },
    }, o);
    const mdlFindings = mdlint({ strings: { doc: d.text } }).doc.length;
    rows.push({ name: d.name, bytes: Buffer.byteLength(d.text), lines, findings, mdlFindings, cold, warm, mdl, rem });
    log(`(a) ${d.name}: ${lines} lines, analyze cold ${fmtMs(cold.median)} warm ${fmtMs(warm.median)}, markdownlint ${fmtMs(mdl.median)}, remark ${fmtMs(rem.median)}`);
  }

  // remark's fixed cost per parse() call (extensions combined anew, parser and compiler built):
  // the core pays it once per section it parses
  const fixed = time(() => remark.parse(''), { runs: 200, warmup: 50, budgetMs: 1000 });
  const sectionsTypical = core.parseReview(docs[1].text).sections.length;
  log(`(a) remark.parse('') ${fmtMs(fixed.median)}; the typical review has ${sectionsTypical} sections`);

  // (b) one-line edits in the 5,000-line review, on a warm cache: a prose line, and a timeline entry
  const large = docs[2].text;
  const L = large.split('\n');
  const lineOf = (heading, pred) => { const h = L.indexOf(`## ${heading}`); for (let i = h + 1; i < L.length; i++) if (pred(L[i])) return i; throw new Error(`no line in ${heading}`); };
  const edits = [
    { name: 'a prose line (What went poorly)', line: lineOf('What went poorly', (l) => l.startsWith('- ')) },
    { name: 'a timeline entry', line: lineOf('Timeline', (l) => / UTC — /.test(l)) + 40 },
    { name: 'an action item field', line: lineOf('Action items', (l) => l.startsWith('  - validation:')) },
  ];
  core.clearMarkdownCache();
  core.analyze(large, { now });
  const editRows = [];
  for (const e of edits) {
    const variant = (i) => { const c = L.slice(); c[e.line] = `${c[e.line]} (edit ${i})`; return c.join('\n'); };
    const texts = Array.from({ length: 16 }, (_, i) => variant(i));
    const r = time((i) => core.analyze(texts[i], { now }), { runs: 12, warmup: 2, budgetMs: QUICK ? 2000 : 4000 });
    editRows.push({ ...e, ...r });
    log(`(b) edit ${e.name}: ${fmtMs(r.median)}`);
  }
  return { rows, editRows, rules: core.RULES.length, fixedParse: fixed.median, sectionsTypical };
}

// ------------------------------------------------------------------ (c) the workspace index

function benchIndex(core, files) {
  const t0 = performance.now();
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
  const readMs = performance.now() - t0;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let index;
  const cold = time(() => { index = new core.ReviewIndex(); for (const [f, t] of texts) index.update(f, t); }, { runs: QUICK ? 3 : 5, warmup: 1, budgetMs: 8000 });
  global.gc?.();
  const heapIndex = process.memoryUsage().heapUsed - heap0;
  const saved = index.serialize();
  const warm = time(() => { const ix = new core.ReviewIndex(); ix.restore(saved); for (const [f, t] of texts) ix.update(f, t); if (ix.parsed !== 0) throw new Error('warm index re-parsed'); }, { runs: QUICK ? 3 : 7, warmup: 1, budgetMs: 5000 });
  // one changed file at a time: an edited action item line in a different file each time
  let n = 0;
  const change = time((i) => {
    const [f, t] = texts[(i * 37) % texts.length];
    index.update(f, t.replace(/(\n {2}- owner: @[\w-]+)/, `$1-${i}`) + (n++ % 2 ? '' : '\n'));
  }, { runs: 60, warmup: 5, budgetMs: 3000 });
  const actions = index.actions().length;
  log(`(c) index of ${texts.length}: cold ${fmtMs(cold.median)}, warm ${fmtMs(warm.median)}, per change ${fmtMs(change.median)} (${actions} actions)`);
  return { readMs, cold, warm, change, cacheBytes: Buffer.byteLength(saved), heapIndex, actions, files: texts.length, bytes: texts.reduce((s, [, t]) => s + t.length, 0) };
}

// ------------------------------------------------------------------ (d) + (f) the CLIs

async function benchCli(dir) {
  const pir = [join(OUT, 'dev', 'cli.js'), 'lint', dir, '--format', 'json'];
  const mdl = [join(dirname(require.resolve('markdownlint-cli2')), 'markdownlint-cli2-bin.mjs'), '**/*.pir.md'];
  // the corpus was just written, so it is in the page cache: no untimed warm-up run. Alternate the
  // two so both see the same machine load; a third pair only when the first two were quick.
  const p = [], m = [];
  const t0 = performance.now();
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    if (i === 2 && performance.now() - t0 > 80_000) break; // keep the whole run near 5 minutes
    const a = await runProcess(process.execPath, pir);
    const b = await runProcess(process.execPath, mdl, { cwd: dir });
    if (a.code !== 0 && a.code !== 1) throw new Error(`pir lint failed (${a.code}): ${a.errTail}`);
    if (b.code !== 0 && b.code !== 1) throw new Error(`markdownlint-cli2 failed (${b.code}): ${b.errTail}`);
    p.push(a);
    m.push(b);
    log(`(d) run ${i + 1}: pir lint ${fmtMs(a.wall)}, markdownlint-cli2 ${fmtMs(b.wall)}`);
  }
  // the same lint in one thread (PIR_WORKERS=0), once: what the worker threads bring on this machine
  const seq = QUICK ? undefined : await runProcess(process.execPath, pir, { env: { PIR_WORKERS: '0' } });
  if (seq) log(`(d) pir lint in one thread: ${fmtMs(seq.wall)}`);
  const first = p[0], firstMdl = m[0];
  const summary = (xs) => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpuMs)), rss: Math.max(...xs.map((x) => x.maxRssKiB)) * 1024, runs: xs.length });
  const res = { pir: summary(p), mdl: summary(m), seq: seq && summary([seq]), pirOut: first.outBytes, mdlSays: firstMdl.outHead.split('\n').filter((l) => /^(Linting|Summary)/.test(l)).join('; ') };
  log(`(d) markdownlint-cli2 says: ${res.mdlSays}`);
  log(`(d) pir lint ${fmtMs(res.pir.wall)} (cpu ${fmtMs(res.pir.cpu)}, ${fmtMB(res.pir.rss)}), markdownlint-cli2 ${fmtMs(res.mdl.wall)} (cpu ${fmtMs(res.mdl.cpu)}, ${fmtMB(res.mdl.rss)})`);
  if (CPU_PROF) {
    mkdirSync(join(OUT, 'prof'), { recursive: true });
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', join(OUT, 'prof'), '--cpu-prof-name', 'pir-lint.cpuprofile', ...pir], { stdio: 'ignore' });
  }
  return res;
}

// ------------------------------------------------------------------ (e) activation + bundle sizes

function benchActivationStub() {
  const out = {};
  for (const kind of ['min', 'dev']) {
    const rs = [];
    for (let i = 0; i < (QUICK ? 5 : 11); i++) {
      const r = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'scripts/bench/activate-stub.cjs'), join(OUT, kind, 'extension.js')], { encoding: 'utf8' });
      const line = r.stdout.trim().split('\n').pop();
      if (r.status !== 0 || !line?.startsWith('{')) throw new Error(`activation stub failed: ${r.stderr}`);
      rs.push(JSON.parse(line));
    }
    out[kind] = { requireMs: median(rs.map((r) => r.requireMs)), activateMs: median(rs.map((r) => r.activateMs)), totalMs: median(rs.map((r) => r.requireMs + r.activateMs)), runs: rs.length };
  }
  log(`(e) activation, stand-in host: minified require ${fmtMs(out.min.requireMs)} + activate ${fmtMs(out.min.activateMs)}`);
  return out;
}

/** The real thing: code-server's extension host (test/integration harness) times getExtension().activate(). */
async function benchActivationVSCode() {
  const envJson = join(ROOT, '.cache', 'vscode-env', 'env.json');
  if (flag('--no-vscode')) return { skipped: 'skipped (--no-vscode)' };
  if (!existsSync(envJson)) return { skipped: 'skipped: the VS Code test environment is not installed (node scripts/vscode-env.mjs)' };
  const runnerPath = join(ROOT, 'test', 'integration', 'runner', 'run-code-server.mjs');
  if (!existsSync(runnerPath)) return { skipped: 'skipped: test/integration/runner/run-code-server.mjs is missing' };
  // the extension as packaged: the manifest and its assets, with the minified bundles
  const tmp = mkdtempSync(join(os.tmpdir(), 'pir-bench-vscode-'));
  const ext = join(tmp, 'extension');
  mkdirSync(join(ext, 'dist', 'web'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(ext, 'package.json'));
  for (const d of ['syntaxes', 'snippets', 'schemas', 'media']) if (existsSync(join(ROOT, d))) cpSync(join(ROOT, d), join(ext, d), { recursive: true });
  cpSync(join(OUT, 'min', 'extension.js'), join(ext, 'dist', 'extension.js'));
  cpSync(join(OUT, 'min', 'core.js'), join(ext, 'dist', 'core.js'));
  cpSync(join(OUT, 'min', 'commands.js'), join(ext, 'dist', 'commands.js'));
  cpSync(join(OUT, 'min', 'tagger.js'), join(ext, 'dist', 'tagger.js'));
  cpSync(join(OUT, 'min', 'web', 'extension.js'), join(ext, 'dist', 'web', 'extension.js'));
  cpSync(join(OUT, 'min', 'web', 'tagger.js'), join(ext, 'dist', 'web', 'tagger.js'));
  // a workspace without reviews, so that nothing activates the extension before the test does
  const ws = join(tmp, 'workspace');
  mkdirSync(ws);
  writeFileSync(join(ws, 'README.md'), '# empty\n');
  await build({ entryPoints: [join(ROOT, 'scripts/bench/vscode-activation.ts')], outfile: join(OUT, 'vscode', 'index.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  const { runExtensionTests } = await import(pathToFileURL(runnerPath).href);
  const samples = [];
  const runs = QUICK || (Date.now() - started > 200_000 && !opt('--vscode-runs')) ? 1 : Number(opt('--vscode-runs', '2'));
  try {
    for (let i = 0; i < runs; i++) {
      const lines = [];
      const r = await runExtensionTests({ extension: ext, tests: join(OUT, 'vscode', 'index.js'), workspace: ws, name: 'bench-activation', timeoutMs: 180_000, log: (l) => lines.push(l) });
      const line = lines.find((l) => l.includes('PIR-BENCH '));
      if (!line) return { skipped: `failed: no measurement (VS Code exit ${r.exitCode}); last output: ${lines.slice(-5).join(' | ')}` };
      samples.push(JSON.parse(line.slice(line.indexOf('PIR-BENCH ') + 10)));
    }
  } catch (e) {
    return { skipped: `failed: ${e.message}` };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const res = { activateMs: median(samples.map((s) => s.activateMs)), selfMs: median(samples.map((s) => s.selfMs ?? NaN)), wasActive: samples.some((s) => s.wasActive), runs: samples.length, vscode: samples[0].vscode };
  log(`(e) activation in VS Code ${res.vscode}: ${fmtMs(res.activateMs)} (activate() itself ${fmtMs(res.selfMs)})`);
  return res;
}

function bundleSizes() {
  const sizes = {};
  for (const f of ['extension.js', 'core.js', 'commands.js', 'tagger.js', 'web/extension.js', 'web/tagger.js', 'cli.js']) {
    const min = readFileSync(join(OUT, 'min', f));
    sizes[f] = { min: min.length, gzip: gzipSync(min).length, dev: statSync(join(OUT, 'dev', f)).size };
  }
  // the Node extension as a whole: what the budget is about
  const both = ['extension.js', 'core.js'].map((f) => sizes[f]);
  sizes['extension.js + core.js'] = { min: both[0].min + both[1].min, gzip: both[0].gzip + both[1].gzip, dev: both[0].dev + both[1].dev };
  return sizes;
}

// ------------------------------------------------------------------ report

function report(r) {
  const a = Object.fromEntries(r.docs.rows.map((x) => [x.name, x]));
  const budgets = [];
  const B = (what, value, limit, pass, note = '') => budgets.push({ what, value, limit, pass, note });
  for (const x of r.docs.rows) B(`analysis, ${x.name} review (cold) vs markdownlint`, ratio(x.cold.median, x.mdl.median), '≤ 0.50×', x.cold.median <= 0.5 * x.mdl.median, `warm ${ratio(x.warm.median, x.mdl.median)}`);
  B(`\`pir lint\` ${r.index.files.toLocaleString('en')} files vs markdownlint-cli2 (wall)`, ratio(r.cli.pir.wall, r.cli.mdl.wall), '≤ 0.50×', r.cli.pir.wall <= 0.5 * r.cli.mdl.wall, `CPU ${ratio(r.cli.pir.cpu, r.cli.mdl.cpu)}`);
  B(`index of ${r.index.files.toLocaleString('en')} reviews, cold`, fmtMs(r.index.cold.median), '≤ 2 s', r.index.cold.median <= 2000);
  B(`index of ${r.index.files.toLocaleString('en')} reviews, warm (restore + update all)`, fmtMs(r.index.warm.median), '≤ 0.3 s', r.index.warm.median <= 300);
  B('index, per changed file', fmtMs(r.index.change.median), '≤ 15 ms', r.index.change.median <= 15);
  const act = r.vscode.activateMs ?? null;
  B(act !== null ? 'activation (real VS Code: getExtension().activate())' : 'activation (stand-in host: require + activate, minified)', fmtMs(act ?? r.stub.min.totalMs), '≤ 50 ms', (act ?? r.stub.min.totalMs) <= 50,
    act !== null ? `stand-in: ${fmtMs(r.stub.min.totalMs)}` : r.vscode.skipped);
  const total = r.sizes['extension.js + core.js'] ?? r.sizes['extension.js'];
  B('extension bundle, minified (dist/extension.js + dist/core.js)', fmtKB(total.min), '≤ 600 KB', total.min <= 600 * 1024, `entry alone: ${fmtKB(r.sizes['extension.js'].min)}; commands.js (loaded by commands): ${fmtKB(r.sizes['commands.js']?.min ?? 0)}; web: ${fmtKB(r.sizes['web/extension.js'].min)}`);

  const t = [];
  t.push('| Measurement | pir | Reference | Ratio |', '|---|---:|---:|---:|');
  for (const x of r.docs.rows) {
    const what = `${x.name} review (${(x.bytes / 1024).toFixed(1)} KB, ${x.lines.toLocaleString('en')} lines)`;
    t.push(`| (a) analyze, ${what}, cache cold | ${fmtMs(x.cold.median)} | markdownlint ${fmtMs(x.mdl.median)} | ${ratio(x.cold.median, x.mdl.median)} |`);
    t.push(`| (a) analyze, ${what}, cache warm | ${fmtMs(x.warm.median)} | markdownlint ${fmtMs(x.mdl.median)} | ${ratio(x.warm.median, x.mdl.median)} |`);
    t.push(`| (a) analyze, ${what}, cache cold | ${fmtMs(x.cold.median)} | bare remark parse ${fmtMs(x.rem.median)} | ${ratio(x.cold.median, x.rem.median)} |`);
  }
  t.push(`| (a) remark's fixed cost per parse call (empty input) × ${r.docs.sectionsTypical} sections of the typical review | ${fmtMs(r.docs.fixedParse * r.docs.sectionsTypical)} | cold analysis ${fmtMs(a.typical.cold.median)} | ${ratio(r.docs.fixedParse * r.docs.sectionsTypical, a.typical.cold.median)} |`);
  for (const e of r.docs.editRows) t.push(`| (b) re-analyze the large review after editing ${e.name} | ${fmtMs(e.median)} | cold analysis ${fmtMs(a.large.cold.median)} | ${ratio(e.median, a.large.cold.median)} |`);
  t.push(`| (c) index ${r.index.files.toLocaleString('en')} reviews (${(r.index.bytes / 1e6).toFixed(1)} MB), cold | ${fmtMs(r.index.cold.median)} | budget 2 s | ${ratio(r.index.cold.median, 2000)} |`);
  t.push(`| (c) index, warm: restore the ${fmtKB(r.index.cacheBytes)} cache + update all | ${fmtMs(r.index.warm.median)} | budget 0.3 s | ${ratio(r.index.warm.median, 300)} |`);
  t.push(`| (c) index, one changed file | ${fmtMs(r.index.change.median)} | budget 15 ms | ${ratio(r.index.change.median, 15)} |`);
  t.push(`| (d) \`pir lint\` ${r.index.files.toLocaleString('en')} files, wall (median of ${r.cli.pir.runs}) | ${fmtMs(r.cli.pir.wall)} | markdownlint-cli2 ${fmtMs(r.cli.mdl.wall)} | ${ratio(r.cli.pir.wall, r.cli.mdl.wall)} |`);
  if (r.cli.seq) t.push(`| (d) \`pir lint\` ${r.index.files.toLocaleString('en')} files, wall, worker threads vs one thread (PIR_WORKERS=0, 1 run) | ${fmtMs(r.cli.pir.wall)} | one thread ${fmtMs(r.cli.seq.wall)} | ${ratio(r.cli.pir.wall, r.cli.seq.wall)} |`);
  t.push(`| (d) \`pir lint\` ${r.index.files.toLocaleString('en')} files, CPU (user+sys) | ${fmtMs(r.cli.pir.cpu)} | markdownlint-cli2 ${fmtMs(r.cli.mdl.cpu)} | ${ratio(r.cli.pir.cpu, r.cli.mdl.cpu)} |`);
  if (r.vscode.activateMs !== undefined) t.push(`| (e) activation in VS Code ${r.vscode.vscode} (\`activate()\` body: ${fmtMs(r.vscode.selfMs)}) | ${fmtMs(r.vscode.activateMs)} | budget 50 ms | ${ratio(r.vscode.activateMs, 50)} |`);
  t.push(`| (e) activation, stand-in host, minified: require ${fmtMs(r.stub.min.requireMs)} + activate() ${fmtMs(r.stub.min.activateMs)} | ${fmtMs(r.stub.min.totalMs)} | budget 50 ms | ${ratio(r.stub.min.totalMs, 50)} |`);
  t.push(`| (e) activation, stand-in host, unminified: require ${fmtMs(r.stub.dev.requireMs)} + activate() ${fmtMs(r.stub.dev.activateMs)} | ${fmtMs(r.stub.dev.totalMs)} | budget 50 ms | ${ratio(r.stub.dev.totalMs, 50)} |`);
  const budgeted = r.sizes['extension.js + core.js'] ? 'extension.js + core.js' : 'extension.js';
  for (const [f, s] of Object.entries(r.sizes)) t.push(`| (e) ${f.split(' + ').map((x) => `dist/${x}`).join(' + ')}, minified (gzip ${fmtKB(s.gzip)}; unminified ${fmtKB(s.dev)}) | ${fmtKB(s.min)} | ${f === budgeted ? 'budget 600 KB' : '–'} | ${f === budgeted ? ratio(s.min, 600 * 1024) : ''} |`);
  t.push(`| (f) peak RSS, \`pir lint\` ${r.index.files.toLocaleString('en')} files | ${fmtMB(r.cli.pir.rss)} | markdownlint-cli2 ${fmtMB(r.cli.mdl.rss)} | ${ratio(r.cli.pir.rss, r.cli.mdl.rss)} |`);
  t.push(`| (f) heap retained by the index of ${r.index.files.toLocaleString('en')} reviews | ${fmtMB(r.index.heapIndex)} | – | |`);
  t.push(`| (f) peak RSS of the in-process benchmark (a–c) | ${fmtMB(r.peakRss)} | – | |`);

  const b = ['| Budget | Measured | Limit | Result | Note |', '|---|---:|---:|---|---|'];
  for (const x of budgets) b.push(`| ${x.what} | ${x.value} | ${x.limit} | ${x.pass ? 'pass' : '**FAIL**'} | ${x.note} |`);
  return { table: t.join('\n'), budgets: b.join('\n'), budgetList: budgets };
}

// ------------------------------------------------------------------ main

if (args.includes('--only-vscode')) {
  // just the real-VS Code activation figure (for checking the harness)
  await buildBundles();
  console.log(JSON.stringify(await benchActivationVSCode()));
  process.exit(0);
}
if (flag('--only-worst')) {
  // the worst cases alone: analysis time of each generated input at 1 MB and at the size limit
  await buildBundles();
  const core = require(join(OUT, 'core.cjs'));
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const rows = benchWorstCases(core, { runs: QUICK ? 1 : 3, log, only: opt('--case') });
  const table = worstCaseTable(rows);
  const note = `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${gitHead()}, load average ${load} before, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} after.`;
  process.stdout.write(`\n${table}\n\n${note}\n`);
  if (flag('--write') && !opt('--case')) {
    const docPath = join(ROOT, 'docs', 'performance.md');
    const doc = readFileSync(docPath, 'utf8');
    const section = `<!-- worst-cases:start -->\n${note}\n\n${table}\n<!-- worst-cases:end -->`;
    writeFileSync(docPath, doc.replace(/<!-- worst-cases:start -->[\s\S]*?<!-- worst-cases:end -->/, section));
    log(`wrote the worst cases into ${relative(ROOT, docPath)}`);
  }
  process.exit(rows.every(withinBudget) ? 0 : 1);
}
let results, m, totalS;
if (flag('--render')) {
  // re-write docs/performance.md from the last run's dist/bench/results.json (after editing the template)
  results = JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8'));
  ({ machine: m, totalS } = results);
  if (results.bundleInputs) bundleInputs = results.bundleInputs;
  else { await buildBundles(); results.bundleInputs = bundleInputs; writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2)); }
} else {
  m = machine();
  log(`${m.cpu}, ${m.cores} cores, ${m.memory}, Node ${m.node}; load average ${m.loadBefore}`);
  await buildBundles();
  const core = require(join(OUT, 'core.cjs'));
  const corpusDir = mkdtempSync(join(os.tmpdir(), 'pir-bench-corpus-'));
  results = { machine: m, head: gitHead() };
  try {
    log(`generating ${FILES} reviews into ${corpusDir}`);
    const files = writeCorpus(corpusDir, FILES, 1);
    results.docs = await benchDocuments(core);
    results.worst = benchWorstCases(core, { runs: QUICK ? 1 : 3, log });
    results.index = benchIndex(core, files);
    results.cli = await benchCli(corpusDir);
    results.stub = benchActivationStub();
    results.vscode = await benchActivationVSCode();
    results.sizes = bundleSizes();
    sampleRss();
    results.peakRss = peakRss;
  } finally {
    if (!flag('--keep')) rmSync(corpusDir, { recursive: true, force: true });
    else log(`corpus kept in ${corpusDir}`);
  }
  m.loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  totalS = ((Date.now() - started) / 1000).toFixed(0);
  Object.assign(results, { totalS, bundleInputs });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
}
const { table, budgets } = report(results);
process.stdout.write(`\n${table}\n\n${budgets}\n\nload average before ${m.loadBefore}, after ${m.loadAfter}; ${totalS} s\n`);
if (WRITE || flag('--render')) {
  const docPath = join(ROOT, 'docs', 'performance.md');
  const tpl = readFileSync(join(ROOT, 'scripts/bench/performance.template.md'), 'utf8');
  const doc = tpl
    .replaceAll('{{date}}', m.date)
    .replaceAll('{{machine}}', `${m.cpu}, ${m.cores} cores, ${m.memory} RAM, ${m.os}, Node ${m.node}`)
    .replaceAll('{{load}}', `${m.loadBefore} before, ${m.loadAfter} after`)
    .replaceAll('{{head}}', results.head)
    .replaceAll('{{rules}}', String(results.docs.rules))
    .replaceAll('{{files}}', results.index.files.toLocaleString('en'))
    .replaceAll('{{duration}}', totalS)
    .replaceAll('{{vscode}}', results.vscode.skipped ? `In this run the real-VS Code measurement was ${results.vscode.skipped}` : `This run: VS Code ${results.vscode.vscode} (code-server), ${results.vscode.runs} launch(es)`)
    .replaceAll('{{bundleKB}}', fmtKB(results.sizes['extension.js'].min))
    .replaceAll('{{coreKB}}', fmtKB(results.sizes['core.js']?.min ?? 0))
    .replaceAll('{{webKB}}', fmtKB(results.sizes['web/extension.js']?.min ?? 0))
    .replaceAll('{{totalKB}}', fmtKB((results.sizes['extension.js + core.js'] ?? results.sizes['extension.js']).min))
    .replaceAll('{{bundleInputs}}', bundleInputs.slice(0, 14).map(([k, v]) => `${k} ${fmtKB(v)}`).join(', '))
    .replaceAll('{{worst}}', `<!-- worst-cases:start -->\nRun with the rest of this benchmark (load average above).\n\n${results.worst ? worstCaseTable(results.worst) : '(not measured in this run)'}\n<!-- worst-cases:end -->`)
    .replaceAll('{{table}}', table)
    .replaceAll('{{budgets}}', budgets);
  writeFileSync(docPath, doc);
  log(`wrote ${relative(ROOT, docPath)}`);
}
