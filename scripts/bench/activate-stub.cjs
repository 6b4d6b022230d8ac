// Loads an extension bundle in a fresh Node process with a stand-in `vscode` module and calls
// activate() with a stub ExtensionContext; prints {requireMs, activateMs, selfMs, loaded} as JSON
// (`loaded`: the files of the bundle's folder that activation required, e.g. ["extension.js"]).
//
//   node scripts/bench/activate-stub.cjs dist/bench/min/extension.js
//
// This is NOT VS Code: the stand-in answers every API call instantly (a Proxy), so the figures are
// the extension's own cost (evaluating the bundle + running activate()), without the extension
// host's share (finding the extension, its activation events, IPC). run.mjs reports the real
// VS Code figure separately when the code-server harness is available.
const Module = require('node:module');
const path = require('node:path');

const noop = () => undefined;
function fake(name) {
  const target = function () { /* callable */ };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === Symbol.iterator) return function* () { /* empty */ };
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'then') return undefined; // not a thenable
      if (prop === 'dispose') return noop;
      if (prop === 'length') return 0;
      return fake(`${name}.${String(prop)}`);
    },
    apply() { return fake(`${name}()`); },
    construct() { return fake(`new ${name}`); },
  });
}
// esbuild's CommonJS interop copies the module's own properties, so the stand-in lists every
// top-level name of the API (read from @types/vscode), each a Proxy.
const names = new Set();
try {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  for (const m of dts.matchAll(/^\s+export (?:namespace|class|enum|const|function|let) ([A-Za-z_]\w*)/gm)) names.add(m[1]);
} catch { /* fall back to the namespaces the extension uses */ }
for (const n of ['window', 'workspace', 'languages', 'commands', 'extensions', 'env', 'Uri', 'EventEmitter', 'Disposable']) names.add(n);
const vscode = {};
for (const n of names) vscode[n] = fake(`vscode.${n}`);
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const bundle = path.resolve(process.argv[2] ?? 'dist/extension.js');
const context = { subscriptions: [], extensionPath: path.dirname(bundle), globalState: fake('globalState'), workspaceState: fake('workspaceState'), storageUri: undefined, globalStorageUri: undefined, extensionUri: fake('extensionUri'), logUri: fake('logUri') };
global.gc?.(); // the garbage of reading @types/vscode above is not the extension's
const t0 = performance.now();
const ext = require(bundle);
const t1 = performance.now();
const api = ext.activate(context);
const t2 = performance.now();
const loaded = Object.keys(require.cache).filter((f) => path.dirname(f) === path.dirname(bundle)).map((f) => path.basename(f)).sort();
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, selfMs: api && typeof api.activationMs === 'number' ? api.activationMs : null, loaded }) + '\n');
// the deferred first lint (setTimeout 0) would run against the stand-in: not part of activation
process.exit(0);
