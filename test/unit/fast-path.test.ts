/**
 * The line scan (blocks.ts, inline.ts) against remark: for every fixture and example review, and
 * for generated and mutated documents, the fast path gives exactly the findings of the remark path
 * (rule, severity, range, message, fixes), the same timeline and action items, and, section by
 * section, the same block offsets and prose runs whenever the scan reads the section at all.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core';
import { parseReview } from '../../src/core/parse/review';
import { scanBlocks, Bail } from '../../src/core/parse/blocks';
import { sectionProse, treeProse } from '../../src/core/parse/prose';
import { FIXTURE_NOW } from './helpers/fixtures';

const ROOT = path.join(__dirname, '..', '..');
// FAST_PATH_RUNS=20000 FAST_PATH_SEED=n for a longer search
const RUNS = Number(process.env.FAST_PATH_RUNS) || 0;
const SEED = process.env.FAST_PATH_SEED ? Number(process.env.FAST_PATH_SEED) : undefined;
const BLOCK_TYPES = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'paragraph', 'heading', 'code', 'html', 'blockquote']);

interface N { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: N[] }

/** The block skeleton of a tree: the nodes the consumers read, with their offsets. */
function skeleton(n: N, inQuote = false): unknown {
  const kids = n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell' || n.type === 'code' || n.type === 'html' ? [] : (n.children ?? []);
  if (n.type === 'blockquote') return { type: n.type, start: n.position?.start.offset };
  return {
    type: n.type,
    start: n.position?.start.offset,
    end: n.position?.end.offset,
    children: kids.filter(k => BLOCK_TYPES.has(k.type) || !inQuote).map(k => (BLOCK_TYPES.has(k.type) ? skeleton(k) : { type: k.type })),
  };
}

function findingsOf(text: string, markdown: 'scan' | 'remark') {
  const { review, findings } = analyze(text, { now: FIXTURE_NOW, markdown, uri: 'doc.pir.md' });
  return {
    findings,
    timeline: review.timeline.map(e => ({ ...e, zone: e.zone && JSON.stringify(e.zone) })),
    actions: review.actions.map(a => ({ ...a, fields: [...a.fields] })),
  };
}

let scanned = 0, fellBack = 0;

/** Asserts that both paths agree on `text`; returns how many sections the scan read. */
function agree(text: string, name: string): void {
  const fast = findingsOf(text, 'scan');
  const slow = findingsOf(text, 'remark');
  assert.deepEqual(fast.findings, slow.findings, `findings of ${name}`);
  assert.deepEqual(fast.timeline, slow.timeline, `timeline of ${name}`);
  assert.deepEqual(fast.actions, slow.actions, `action items of ${name}`);
  const review = parseReview(text);
  for (const s of review.sections) {
    let light;
    try { light = scanBlocks(s.body); } catch (e) {
      if (!(e instanceof Bail)) throw e;
      fellBack++;
      continue;
    }
    scanned++;
    assert.deepEqual(skeleton(light as N), skeleton(s.tree() as N), `blocks of "${s.heading}" in ${name}:\n${s.body}`);
    assert.deepEqual(sectionProse(review, s), treeProse(review, s), `prose of "${s.heading}" in ${name}:\n${s.body}`);
  }
}

function reviewFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); } else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  for (const d of ['test/fixtures', 'test/unit/fixtures', 'examples', 'test/integration/fixtures']) walk(path.join(ROOT, d));
  return out;
}

// Lines that exercise the constructs the scan reads and the ones it must hand to remark.
const LINES = [
  '', '', '', 'Plain prose about the incident.', 'The engineer should have checked `the flag` first.', 'Blame [the deploy](https://x.example/a "t") and <b>not</b> people.',
  'See <https://x.example/y> or <a@b.example>.', 'A ![chart](c.png) and [ref] and [a][b] and [x](<y z>).', 'Human error, "they forgot to" check.', '“operator error” was said.',
  '- 14:02 UTC — Alert fires [detected]', '- 2026-11-20 14:05 UTC — Rolled back [mitigated]', '* 14:10 — other bullet', '+ plus item', '1. first step', '2) second', '10. tenth',
  '  - owner: @team', '  - due: 2026-12-01', '    - deeper: x', '   continued text', '      very indented', 'lazy continuation line',
  '- [ ] CAP-1: Add an alert on queue depth', '- [x] CAP-2: Fix it', '- [ ]  two spaces', '- [x] `code` first', '- [ ]', '-', '- ', '1.',
  '| Time | Event |', '|---|---|', '| 14:02 | Alert [detected] |', '| a \\| b | `c|d` |  ', 'x | y', '|:-:|--|', '||', '|',
  '### Sub heading ###', '#### With `code`', '# Top', '#hashtag', '> quoted chat: should have', '> > nested', '>',
  '```', '```js', '~~~', '    indented code', '<!-- comment -->', '<!-- open', 'close -->', '<div>', '</div>', '<br/>', 'a <span class="x">b</span> c',
  '---', '***', '===', '- - -', '[def]: https://x.example', 'Trailing spaces   ', 'Back\\slash \\[x] and \\`y`', '``two `ticks` here``', '`unclosed',
  '[unclosed link', 'text](dest)', '[nested [inner](a) out](b)', '![img [in](l)](s)', '&amp; &#91;x&#93;', 'tab\there', '\u00a0nbsp start',
  '   2560.', '42.', '*', '- item\n\n  second paragraph', '1. one\n1. two\n\n3. three', '- a\n  * b\n  * c\n- d',
];

function mutate(base: string, ops: [number, number, number][]): string {
  const lines = base.split('\n');
  for (const [at, kind, pick] of ops) {
    const i = at % (lines.length + 1);
    const l = LINES[pick % LINES.length];
    if (kind === 0) lines.splice(i, 0, l);
    else if (kind === 1) lines.splice(i, 1);
    else if (kind === 2 && i < lines.length) lines[i] = lines[i] + ' ' + l;
    else if (kind === 3 && i < lines.length) lines[i] = '  ' + lines[i];
    else lines.splice(i, 0, l, l);
  }
  return lines.join('\n');
}

describe('fast path: the line scan gives what remark gives', function () {
  this.timeout(120_000);
  const files = reviewFiles();

  it(`every fixture and example review (${files.length} files)`, () => {
    assert.ok(files.length >= 20);
    for (const f of files) agree(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f));
  });

  it('the same files with CRLF line endings and a BOM', () => {
    for (const f of files) agree('\uFEFF' + fs.readFileSync(f, 'utf8').replace(/\r?\n/g, '\r\n'), path.relative(ROOT, f) + ' (CRLF)');
  });

  it('generated reviews (the benchmark corpus generator)', async () => {
    const { generateReview } = await import('../../scripts/bench/generate.mjs' as string) as { generateReview(o: object): string };
    for (let seed = 1; seed <= 40; seed++) agree(generateReview({ seed, bytes: 1000 + seed * 300, flaws: seed % 3 === 0 }), `generated #${seed}`);
    agree(generateReview({ seed: 13, lines: 1500 }), 'generated large');
  });

  it('mutated reviews (lines inserted, removed, indented, joined)', async () => {
    const { generateReview } = await import('../../scripts/bench/generate.mjs' as string) as { generateReview(o: object): string };
    const bases = [generateReview({ seed: 5, bytes: 3000 }), ...files.slice(0, 12).map(f => fs.readFileSync(f, 'utf8'))];
    const op = fc.tuple(fc.nat(400), fc.nat(4), fc.nat(LINES.length - 1));
    fc.assert(fc.property(fc.nat(bases.length - 1), fc.array(op, { minLength: 1, maxLength: 12 }), (b, ops) => {
      agree(mutate(bases[b], ops), 'a mutated review');
    }), { numRuns: RUNS || 600, seed: SEED ?? 4242 });
  });

  it('documents made of tricky lines only', () => {
    const section = fc.array(fc.nat(LINES.length - 1), { maxLength: 14 }).map(xs => xs.map(x => LINES[x]).join('\n'));
    const heads = ['## Timeline', '## Action items', '## Root cause', '## What went poorly', '## Summary'];
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(heads.length - 1), section), { minLength: 1, maxLength: 4 }), parts => {
      agree(parts.map(([h, s]) => `${heads[h]}\n\n${s}\n`).join('\n'), 'a tricky document');
    }), { numRuns: RUNS || 800, seed: SEED ?? 777 });
  });

  it('inline constructs: random mixes of brackets, backticks, angle brackets, escapes and quotes', () => {
    const atom = fc.constantFrom('[', ']', '(', ')', '<', '>', '`', '``', '!', '\\', '*', '_', '"', ' ', 'a', 'b c', ':', '/', '@', '.', '|', '\n', '\n  ', 'http://x.y', 'a@b.c', '<b>', '</b>', '<!-- c -->', 'should have', '"', '“', '”', '&amp;', '\'');
    const inline = fc.array(atom, { maxLength: 30 }).map(xs => xs.join(''));
    const wrap = ['## What went poorly\n\n', '## What went poorly\n\n- ', '## Timeline\n\n| Time | Event |\n|---|---|\n| ', '## Root cause\n\n### ', '## Action items\n\n- [ ] CAP-1: '];
    fc.assert(fc.property(fc.nat(wrap.length - 1), inline, inline, (w, a, b) => {
      agree(`${wrap[w]}${a} should have ${b}\n`, 'an inline mix');
    }), { numRuns: RUNS || 1500, seed: SEED ?? 99 });
  });

  after(() => {
    // the scan must read most sections, or the fast path is not the common path
    console.log(`      (sections read by the scan: ${scanned}; handed to remark: ${fellBack})`);
  });
});
