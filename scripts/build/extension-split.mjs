// Builds the Node extension as three files, so that activating it compiles little code and linting
// a review loads only what analysis needs:
//
//   dist/extension.js  src/extension: registers providers, commands and views with VS Code
//   dist/core.js       every src/core module the extension imports (Markdown parser, YAML, time
//                      zones, rules, workspace index, audit) and what they import, and the
//                      packages in LAZY_PACKAGES (required lazily by src/extension)
//   dist/commands.js   the modules in COMMAND_MODULES (src/core/commands.ts: exports, tickets'
//                      sync, import, the timeline editor, the tree's edits) and what only they
//                      import (csv-stringify). What they share with core.js is taken from it
//                      (`require("./core.js").modules[key]`), so there is one copy of each module.
//
// Every import of a src/core module from src/extension becomes `require("./core.js").modules[key]`
// in the entry file. The extension reaches the core lazily (src/extension/shared/core.ts getCore()
// and getCommands(): `require()` inside a function), so core.js is loaded on first use, after
// activate() has returned. An eager `import { x } from '../../core/…'` in src/extension still
// works, but loads core.js at activation: go through getCore() or getCommands() instead.
// src/core/safe/ is the exception: bundled into the entry as well (pure, tiny).
// The web build (dist/web/extension.js) stays one file: a web worker has no `require`.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const NS = 'pir-core';
/** packages src/extension requires on first use only, which therefore belong in core.js */
export const LAZY_PACKAGES = ['picomatch/posix'];
/** src/core modules (keys relative to src/core) that go to dist/commands.js instead of dist/core.js */
export const COMMAND_MODULES = ['./commands.ts'];

/**
 * @param {import('esbuild').BuildOptions} base  options of the Node build (platform, format, minify, define, banner…)
 * @param {{ root?: string, entry?: string, outdir: string, watch?: boolean, metafile?: boolean }} o
 * @returns {Promise<{ entry: import('esbuild').BuildResult, core: import('esbuild').BuildResult, commands: import('esbuild').BuildResult, modules: string[] }>}
 */
export async function buildSplitExtension(base, o) {
  const root = resolve(o.root ?? process.cwd());
  const coreDir = join(root, 'src', 'core');
  const extDir = join(root, 'src', 'extension');
  const modules = new Set();
  /** the key of a src/core file in a chunk's module map: its path from src/core, `./parse/review.ts` */
  const coreKey = (file) => `./${relative(coreDir, file).split(sep).join('/')}`;
  /** a module that is the namespace `key` of a chunk (`./core.js`, `./commands.js`), required when first used */
  const fromChunk = (chunk) => (build) => {
    build.onLoad({ filter: /.*/, namespace: NS }, (args) => ({ contents: `module.exports = require(${JSON.stringify(chunk(args.path))}).modules[${JSON.stringify(args.path)}];`, loader: 'js' }));
  };
  const plugin = {
    name: 'pir-core-split',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace === NS) return { path: args.path, external: true }; // ./core.js or ./commands.js
        if (!args.importer.startsWith(extDir + sep)) return undefined;
        let key;
        if (LAZY_PACKAGES.includes(args.path)) key = args.path;
        else if (args.path.startsWith('.')) {
          const file = resolveTs(resolve(args.resolveDir, args.path));
          // src/core/safe: the small, dependency-free sanitisers the extension calls at any time (a
          // notification, the status bar): bundled into the entry, so using them loads no core.js
          if (!file || !file.startsWith(coreDir + sep) || file.startsWith(join(coreDir, 'safe') + sep)) return undefined;
          key = coreKey(file);
        } else return undefined;
        modules.add(key);
        return { path: key, namespace: NS };
      });
      fromChunk((key) => (COMMAND_MODULES.includes(key) ? './commands.js' : './core.js'))(build);
    },
  };
  const entryOptions = { ...base, entryPoints: [join(root, o.entry ?? 'src/extension/extension.ts')], outfile: join(o.outdir, 'extension.js'), plugins: [...(base.plugins ?? []), plugin], metafile: !!o.metafile, absWorkingDir: root };
  const chunkOptions = (list, name, plugins = base.plugins ?? [], metafile = !!o.metafile) => ({
    ...base,
    external: (base.external ?? []).filter((e) => e !== 'vscode'),
    plugins,
    stdin: {
      contents: [
        `// dist/${name}: src/core modules of the extension (see scripts/build/extension-split.mjs)`,
        ...list.map((k, i) => `import * as m${i} from ${JSON.stringify(k)};`),
        `export const modules = { ${list.map((k, i) => `${JSON.stringify(k)}: m${i}`).join(', ')} };`,
      ].join('\n'),
      resolveDir: coreDir,
      sourcefile: `${name.replace(/\.js$/, '')}-entry.js`,
      loader: 'js',
    },
    outfile: join(o.outdir, name),
    metafile,
    absWorkingDir: root,
  });
  const coreOptions = (list) => chunkOptions(list, 'core.js', base.plugins ?? [], true);
  /**
   * dist/commands.js: every file or package already in core.js (`inCore`, absolute paths) is taken
   * from core.js by its key (a src/core path like the entry's, or the package specifier); `wanted`
   * collects the keys core.js must therefore export.
   */
  const commandsOptions = (inCore, wanted) => chunkOptions(COMMAND_MODULES, 'commands.js', [...(base.plugins ?? []), {
    name: 'pir-commands-from-core',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === NS) return { path: args.path, external: true }; // ./core.js or ./commands.js
        if (args.pluginData?.pirInner || args.kind === 'entry-point' || !args.importer) return undefined;
        const r = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { pirInner: true } });
        if (r.errors.length || r.external || !inCore.has(r.path)) return undefined;
        const key = r.path.startsWith(coreDir + sep) ? coreKey(r.path) : args.path;
        wanted.add(key);
        return { path: key, namespace: NS };
      });
      fromChunk(() => './core.js')(build);
    },
  }], !!o.metafile);
  /** core.js, then commands.js against it, then core.js again if commands.js needs keys it did not export */
  const buildChunks = async (entryModules) => {
    let coreList = entryModules.filter((k) => !COMMAND_MODULES.includes(k)).sort();
    let core = await esbuild.build(coreOptions(coreList));
    const inCore = new Set(Object.keys(core.metafile.inputs).map((f) => resolve(root, f)));
    const wanted = new Set();
    const commands = await esbuild.build(commandsOptions(inCore, wanted));
    const extra = [...wanted].filter((k) => !coreList.includes(k));
    if (extra.length) {
      coreList = [...coreList, ...extra].sort();
      core = await esbuild.build(coreOptions(coreList));
    }
    return { core, commands, coreList };
  };

  if (!o.watch) {
    const entry = await esbuild.build(entryOptions);
    const list = [...modules].sort();
    const { core, commands } = await buildChunks(list);
    return { entry, core, commands, modules: list };
  }
  // watch: rebuild the entry on change, and core.js and commands.js (a full build of both) after
  // each rebuild of the entry; changes to src/core alone need the entry touched or a restart
  const entryCtx = await esbuild.context({
    ...entryOptions,
    plugins: [...entryOptions.plugins, { name: 'pir-core-watch', setup(b) { b.onEnd(async (r) => {
      if (r.errors.length) return;
      try { await buildChunks([...modules].sort()); } catch (e) { console.error(`core.js / commands.js: ${e.message}`); }
    }); } }],
  });
  await entryCtx.watch();
  return { entry: undefined, core: undefined, commands: undefined, modules: [...modules] };
}

/** The TypeScript file an import names: `x` → x.ts, x/index.ts; `x.json` and `x.ts` as they are. */
function resolveTs(p) {
  for (const f of [p, `${p}.ts`, join(p, 'index.ts')]) {
    if (/\.(ts|json|js|mjs)$/.test(f) && existsSync(f)) return f;
  }
  return undefined;
}
