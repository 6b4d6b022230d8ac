// The benchmark's view of the analysis core: everything src/core exports, plus the parse cache's
// reset (not part of the public API), bundled by scripts/bench/run.mjs into dist/bench/core.cjs
// with the same esbuild options as dist/cli.js, so timings reflect bundled code.
export * from '../../src/core';
export * from '../../src/core/commands';
export { clearMarkdownCache } from '../../src/core/parse/markdown';
export { clearTagCache } from '../../src/core/analysis/pos';
