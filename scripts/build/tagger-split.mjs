// The part-of-speech tagger (wink-nlp and its English model, about 3.6 MB of code) is a file of its
// own in the Node bundles: src/core/analysis/pos.ts requires './pos-tagger' on the first action item
// it reads, and in dist/ that require becomes `require("./tagger.js")`, a file beside dist/core.js
// and dist/cli.js. So neither activation nor dist/core.js pays for the model; the first analysis
// with an action item loads it (about 0.5 s). The web bundle (a web worker has no `require`) gets an
// empty module in its place, and the extension fetches dist/web/tagger.js after activation and
// installs it (src/extension/shared/tagger.ts); vague-action waits for it.
import { join } from 'node:path';

/** esbuild plugin: the tagger module stays out of the bundle, required at run time as ./tagger.js */
export const taggerExternal = {
  name: 'pir-tagger-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/pos-tagger$/ }, (args) => (/[\\/]analysis$/.test(args.resolveDir) ? { path: './tagger.js', external: true } : undefined));
  },
};

/** esbuild plugin for the web bundle: the tagger module is an empty module (the extension installs the tagger) */
export const taggerWebStub = {
  name: 'pir-tagger-web-stub',
  setup(build) {
    build.onResolve({ filter: /^\.\/pos-tagger$/ }, (args) => (/[\\/]analysis$/.test(args.resolveDir) ? { path: 'pos-tagger', namespace: 'pir-tagger-stub' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'pir-tagger-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * Options that build dist/tagger.js (or OUTDIR/tagger.js) from src/core/analysis/pos-tagger.ts.
 * @param {import('esbuild').BuildOptions} base  the Node build's options (platform, format, minify…)
 * @param {string} outdir
 */
export function taggerBuild(base, outdir) {
  return { ...base, plugins: [], external: [], alias: {}, entryPoints: [join(base.absWorkingDir ?? process.cwd(), 'src/core/analysis/pos-tagger.ts')], outfile: join(outdir, 'tagger.js') };
}
