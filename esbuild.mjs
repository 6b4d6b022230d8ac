// Builds every bundle: the extension for Node and for the browser (VS Code for the Web), the CLI
// and the timeline webview. `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { writeValidator } from './scripts/build/schema-validator.mjs';
import { buildSplitExtension } from './scripts/build/extension-split.mjs';

// the front matter's JSON Schema, compiled to code ahead of time (src/core/generated/)
if (writeValidator()) console.log('schema-validator: regenerated src/core/generated/review-schema-validator.ts');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || !!process.env.CI;
// the `pir._test.*` commands (src/extension/testHooks.ts) are left out of the packaged extension
// (`--production`, as `npm run package` builds it); a CI build without the flag keeps them for the suites
const testHooks = !process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info', define: { PIR_VERSION: JSON.stringify(pkg.version), PIR_TEST_HOOKS: JSON.stringify(testHooks) }, legalComments: 'none' };

// some dependencies (fdir) read import.meta.url, which a CommonJS bundle must provide
const nodeCjs = { platform: 'node', format: 'cjs', target: 'node20', define: { ...common.define, 'import.meta.url': '__pirImportMetaUrl' }, banner: { js: "const __pirImportMetaUrl = require('url').pathToFileURL(__filename).href;" } };

let splitExtension;
const builds = [
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', ...nodeCjs, banner: { js: '#!/usr/bin/env node\n' + nodeCjs.banner.js } },
];
if (existsSync('src/extension/extension.ts')) {
  // Node: a small entry (dist/extension.js) and the core it loads on first use (dist/core.js)
  splitExtension = { ...common, ...nodeCjs, external: ['vscode'] };
  // VS Code for the Web: one file for the web worker extension host. The `worker` condition picks
  // packages' worker builds over their DOM ones (decode-named-character-reference's uses `document`);
  // csv-stringify's browser build brings its own Buffer
  builds.push({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], conditions: ['worker'], alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' }, define: { ...common.define, 'process.env.NODE_ENV': '"production"' } });
}
if (existsSync('webview/timeline/main.ts')) {
  builds.push({ ...common, entryPoints: ['webview/timeline/main.ts'], outfile: 'dist/webview/timeline.js', platform: 'browser', format: 'iife', target: 'es2022' });
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  if (splitExtension) await buildSplitExtension(splitExtension, { outdir: 'dist', watch: true });
} else {
  await Promise.all([...builds.map(b => esbuild.build(b)), splitExtension && buildSplitExtension(splitExtension, { outdir: 'dist' })]);
}
