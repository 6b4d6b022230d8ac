#!/usr/bin/env node
// Profiles analyze() of the core bundle (dist/bench/core.cjs, built by run.mjs) on one generated
// review, cold (parse cache cleared before each call) or warm, under the V8 sampling profiler:
//
//   node --cpu-prof --cpu-prof-dir dist/bench/prof scripts/bench/profile.mjs typical cold 40
//   node scripts/bench/top-self.mjs dist/bench/prof/<file>.cpuprofile
//
// size: small | typical | large; mode: cold | warm | edit (one-line edit in the large review)
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReview } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = createRequire(import.meta.url)(join(ROOT, 'dist', 'bench', 'core.cjs'));
const [size = 'typical', mode = 'cold', n = '30'] = process.argv.slice(2);
const text = size === 'large' ? generateReview({ seed: 13, lines: 5000 }) : generateReview({ seed: size === 'small' ? 11 : 12, bytes: size === 'small' ? 1000 : 5000 });
const now = new Date('2027-01-15T12:00:00Z');
const lines = text.split('\n');
const edited = (i) => { const c = lines.slice(); const l = c.findIndex((x) => x.startsWith('- ') && c.indexOf('## What went poorly') < c.indexOf(x)); c[l] += ` (edit ${i})`; return c.join('\n'); };
core.analyze(text, { now });
const t0 = performance.now();
for (let i = 0; i < Number(n); i++) {
  if (mode === 'cold') core.clearMarkdownCache();
  core.analyze(mode === 'edit' ? edited(i) : text, { now });
}
console.error(`${n} × analyze(${size}, ${mode}): ${((performance.now() - t0) / Number(n)).toFixed(1)} ms each`);
