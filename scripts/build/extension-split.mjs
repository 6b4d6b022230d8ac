// Builds the Node extension as two files, so that activating it compiles little code:
//
//   dist/extension.js  src/extension: registers providers, commands and views with VS Code
//   dist/core.js       every src/core module the extension imports (Markdown parser, YAML, time
//                      zones, rules, workspace index, timeline, exports) and what they import,
//                      and the packages in LAZY_PACKAGES (required lazily by src/extension)
//
// Every import of a src/core module from src/extension becomes `require("./core.js").modules[key]`
// in the entry file. The extension reaches the core lazily (src/extension/shared/core.ts,
// timeline/timelineCore.ts, tree/itemCommands.ts: `require()` inside a function), so core.js is
// loaded on first use, after activate() has returned. An eager `import { x } from '../../core/…'`
// in src/extension still works, but loads core.js at activation: go through getCore() instead.
// src/core/safe/ is the exception: bundled into the entry as well (pure, tiny).
// The web build (dist/web/extension.js) stays one file: a web worker has no `require`.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const NS = 'pir-core';
/** packages src/extension requires on first use only, which therefore belong in core.js */
export const LAZY_PACKAGES = ['picomatch/posix'];

/**
 * @param {import('esbuild').BuildOptions} base  options of the Node build (platform, format, minify, define, banner…)
 * @param {{ root?: string, entry?: string, outdir: string, watch?: boolean, metafile?: boolean }} o
 * @returns {Promise<{ entry: import('esbuild').BuildResult, core: import('esbuild').BuildResult, modules: string[] }>}
 */
export async function buildSplitExtension(base, o) {
  const root = resolve(o.root ?? process.cwd());
  const coreDir = join(root, 'src', 'core');
  const extDir = join(root, 'src', 'extension');
  const modules = new Set();
  const plugin = {
    name: 'pir-core-split',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace === NS) return { path: './core.js', external: true };
        if (!args.importer.startsWith(extDir + sep)) return undefined;
        let key;
        if (LAZY_PACKAGES.includes(args.path)) key = args.path;
        else if (args.path.startsWith('.')) {
          const file = resolveTs(resolve(args.resolveDir, args.path));
          // src/core/safe: the small, dependency-free sanitisers the extension calls at any time (a
          // notification, the status bar): bundled into the entry, so using them loads no core.js
          if (!file || !file.startsWith(coreDir + sep) || file.startsWith(join(coreDir, 'safe') + sep)) return undefined;
          key = `./${relative(coreDir, file).split(sep).join('/')}`;
        } else return undefined;
        modules.add(key);
        return { path: key, namespace: NS };
      });
      build.onLoad({ filter: /.*/, namespace: NS }, (args) => ({
        contents: `module.exports = require("./core.js").modules[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
  const entryOptions = { ...base, entryPoints: [join(root, o.entry ?? 'src/extension/extension.ts')], outfile: join(o.outdir, 'extension.js'), plugins: [...(base.plugins ?? []), plugin], metafile: !!o.metafile, absWorkingDir: root };
  const coreOptions = (list) => ({
    ...base,
    external: (base.external ?? []).filter((e) => e !== 'vscode'),
    stdin: {
      contents: [
        '// dist/core.js: the src/core modules of the extension (see scripts/build/extension-split.mjs)',
        ...list.map((k, i) => `import * as m${i} from ${JSON.stringify(k)};`),
        `export const modules = { ${list.map((k, i) => `${JSON.stringify(k)}: m${i}`).join(', ')} };`,
      ].join('\n'),
      resolveDir: coreDir,
      sourcefile: 'core-entry.js',
      loader: 'js',
    },
    outfile: join(o.outdir, 'core.js'),
    metafile: !!o.metafile,
    absWorkingDir: root,
  });

  if (!o.watch) {
    const entry = await esbuild.build(entryOptions);
    const list = [...modules].sort();
    const core = await esbuild.build(coreOptions(list));
    return { entry, core, modules: list };
  }
  // watch: rebuild the entry on change; rebuild core.js as its sources change, with a new context
  // when the entry starts importing another core module
  let coreCtx, coreKey = '';
  const entryCtx = await esbuild.context({
    ...entryOptions,
    plugins: [...entryOptions.plugins, { name: 'pir-core-watch', setup(b) { b.onEnd(async () => {
      const list = [...modules].sort();
      if (list.join() === coreKey) return;
      coreKey = list.join();
      await coreCtx?.dispose();
      coreCtx = await esbuild.context(coreOptions(list));
      await coreCtx.watch();
    }); } }],
  });
  await entryCtx.watch();
  return { entry: undefined, core: undefined, modules: [...modules] };
}

/** The TypeScript file an import names: `x` → x.ts, x/index.ts; `x.json` and `x.ts` as they are. */
function resolveTs(p) {
  for (const f of [p, `${p}.ts`, join(p, 'index.ts')]) {
    if (/\.(ts|json|js|mjs)$/.test(f) && existsSync(f)) return f;
  }
  return undefined;
}
