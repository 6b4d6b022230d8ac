// The part-of-speech tagger (wink-nlp and its English model, about 3.6 MB of code) is a file of its
// own in the Node bundles: src/core/analysis/pos.ts requires './pos-tagger' on the first action item
// it reads, and in dist/ that require becomes `require("./tagger.js")`, a file beside dist/core.js
// and dist/cli.js. So neither activation nor dist/core.js pays for the model; the first analysis
// with an action item loads it (about 0.5 s). The web bundle keeps it inside its one file (a web
// worker has no `require`), initialised lazily by esbuild on the same first use.
import { join } from 'node:path';

/** esbuild plugin: the tagger module stays out of the bundle, required at run time as ./tagger.js */
export const taggerExternal = {
  name: 'pir-tagger-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/pos-tagger$/ }, (args) => (/[\\/]analysis$/.test(args.resolveDir) ? { path: './tagger.js', external: true } : undefined));
  },
};

/**
 * Options that build dist/tagger.js (or OUTDIR/tagger.js) from src/core/analysis/pos-tagger.ts.
 * @param {import('esbuild').BuildOptions} base  the Node build's options (platform, format, minify…)
 * @param {string} outdir
 */
export function taggerBuild(base, outdir) {
  return { ...base, plugins: [], external: [], entryPoints: [join(base.absWorkingDir ?? process.cwd(), 'src/core/analysis/pos-tagger.ts')], outfile: join(outdir, 'tagger.js') };
}
