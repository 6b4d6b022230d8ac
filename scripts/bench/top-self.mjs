#!/usr/bin/env node
// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: the functions with the
// most self time, and self time summed per source module and per package. For an esbuild bundle
// (dist/bench/*.js, *.cjs) the module of a line is found from the `// path/to/module.ts` comments
// esbuild writes before each module (unminified builds only).
//
//   node scripts/bench/top-self.mjs PROFILE.cpuprofile [--top 25]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [file, ...rest] = process.argv.slice(2);
if (!file) { console.error('usage: top-self.mjs PROFILE.cpuprofile [--top N]'); process.exit(2); }
const topN = Number(rest[rest.indexOf('--top') + 1]) || 25;
const prof = JSON.parse(readFileSync(file, 'utf8'));

// self time per node = samples hitting it × sampling interval
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i + 1] ?? prof.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);

// module boundaries inside bundles
const bundleModules = new Map();
function moduleOf(url, line) {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (!/\/dist\/bench\/.*\.c?js$/.test(path) || !existsSync(path)) return path.replace(/^.*\/node_modules\//, 'node_modules/');
  if (!bundleModules.has(path)) {
    const marks = [];
    readFileSync(path, 'utf8').split('\n').forEach((l, i) => { const m = /^\/\/ ((?:node_modules|src|scripts)\/\S+)$/.exec(l); if (m) marks.push([i, m[1]]); });
    bundleModules.set(path, marks);
  }
  const marks = bundleModules.get(path);
  let lo = 0, hi = marks.length - 1, found = '(bundle prelude)';
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (marks[mid][0] <= line) { found = marks[mid][1]; lo = mid + 1; } else hi = mid - 1; }
  return found;
}
const packageOf = (mod) => {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(mod);
  return m ? m[1] : mod.startsWith('src/') ? mod.split('/').slice(0, 3).join('/') : mod;
};

// coarse stages, for "what dominates"
const STAGES = [
  [/^(micromark|mdast-util|unist-util|remark-|unified|vfile|decode-named|character-|trough|bail|devlop|is-plain-obj|ccount|escape-string|markdown-table|longest-streak|zwitch)/, 'Markdown parse (remark: micromark + mdast)'],
  [/^yaml$/, 'YAML (front matter, .pir.yaml)'],
  [/^src\/core\/rules|^src\/core\/language/, 'rules'],
  [/^src\/core\/format/, 'pir parser + engine (scan, timeline, actions, suppressions)'],
  [/^src\/core\/parse|^src\/core\/text|^src\/core\/suppress|^src\/core\/engine/, 'pir parser + engine (scan, timeline, actions, suppressions)'],
  [/^src\/core\/workspace/, 'workspace index (line scan)'],
  [/^@date-fns\/tz$|^src\/core\/time/, 'time zones (@date-fns/tz, stamps)'],
  [/^(ajv|fast-uri|ajv-formats|json-schema-traverse|fast-deep-equal)/, 'JSON Schema (ajv)'],
  [/garbage collector/, 'garbage collector'],
  [/idle|program/, 'idle / program'],
  [/^node:|\(native\)|readFile|set natives|bundle prelude|^src\/cli/, 'Node, I/O, CLI, output'],
];
const stageOf = (pkg) => STAGES.find(([re]) => re.test(pkg))?.[1] ?? 'other';
const byStage = new Map();
const byFn = new Map(), byMod = new Map(), byPkg = new Map();
for (const n of prof.nodes) {
  const self = dt.get(n.id) ?? 0;
  if (!self) continue;
  const cf = n.callFrame;
  const mod = cf.url ? moduleOf(cf.url, cf.lineNumber) : `(${cf.functionName || 'native'})`;
  const key = `${cf.functionName || '(anonymous)'}  ${mod}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + self);
  byMod.set(mod, (byMod.get(mod) ?? 0) + self);
  const pkg = packageOf(mod);
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + self);
  const st = stageOf(pkg);
  byStage.set(st, (byStage.get(st) ?? 0) + self);
}
const show = (title, m, n) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(v / 1000).toFixed(1).padStart(9)} ms ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show('self time by stage', byStage, 20);
show('self time by package / source folder', byPkg, 15);
show('self time by module', byMod, 20);
show('top functions by self time', byFn, topN);
