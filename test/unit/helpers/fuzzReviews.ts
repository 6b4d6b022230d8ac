/**
 * Generators and properties of the pipeline fuzz suite (test/unit/review-fuzz.test.ts).
 * Fuzzing the whole pipeline (issue 17) with fast-check: reviews generated from parts (front
 * matter, timeline in list and table form, action items, sections, with the mistakes drafts have)
 * and mutations of them (cut, duplicated, spliced with hostile fragments: deep nesting, CR line
 * endings, fences, comments, YAML). For every document:
 *   - analysis never throws and no rule fails on it;
 *   - every finding, and every edit of its fixes, lies inside the document;
 *   - `--fix` (fixText, as the CLI runs it) reaches a fixed point: a second run changes nothing;
 *   - the fixed file parses at least as well as the input: no new YAML error, no timeline entry,
 *     action item, section or front matter key lost; on generated reviews no fix is ever dropped
 *     for breaking the file.
 * FUZZ_RUNS sets the number of cases of each property (default 1,000 each: 2,000 in `npm test`);
 * `npm run fuzz -- --runs 100000` is the long run (test/fuzz/review-fuzz.test.ts).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, fixText, parseQuality, qualityLoss, type Range } from '../../../src/core';

const NOW = new Date('2026-12-01T12:00:00Z');
const lint = (text: string) => analyze(text, { now: NOW, uri: 'file:///fuzz/review.pir.md' });

// ------------------------------------------------------------------ generated reviews

const word = fc.constantFrom('queue', 'consumer', 'checkout', 'the cache', 'DNS', 'deploy', 'alert', 'rollback', 'Postgres', 'retry storm', 'on-call', 'config push', 'TLS cert', 'p99 latency', 'error budget', 'users', 'region eu-west-1');
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map(ws => ws.join(' '));
const day = fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(({ m, d }) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const clock = fc.record({ h: fc.integer({ min: 0, max: 25 }), m: fc.integer({ min: 0, max: 61 }) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const zone = fc.constantFrom('UTC', 'Z', 'PDT', 'PST', 'CET', 'IST', 'CST', 'BST', '+02:00', 'UTC-5', 'Europe/Berlin', 'America/New_York', 'Mars/Olympus', '');
const tag = fc.constantFrom('', '', '', ' [started]', ' [detected]', ' [mitigated]', ' [resolved]', ' [detected] [resolved]');
const stamp = fc.tuple(fc.option(day, { nil: undefined }), clock, zone).map(([d, c, z]) => [d, c, z].filter(Boolean).join(' '));

const timelineList = fc.array(fc.tuple(stamp, phrase, tag), { maxLength: 12 })
  .map(es => es.map(([s, p, t]) => `- ${s} — ${p}${t}`).join('\n'));
const timelineTable = fc.array(fc.tuple(stamp, phrase, tag), { maxLength: 10 })
  .map(es => `| Time | Event |\n|---|---|\n${es.map(([s, p, t]) => `| ${s} | ${p}${t} |`).join('\n')}`);

const actionId = fc.constantFrom('CAP-1', 'CAP-2', 'CAP-3', 'CAP-2026-7', 'CAP-2026-7', 'INC-9-1', '');
const field = fc.oneof(
  fc.constantFrom('owner: @ana', 'owner: @payments-eng', 'owner:', 'due: 2026-12-15', 'due: 2026-11-01', 'due: next week', 'validation: alert fires in the game day', 'tracking: https://tracker.example.com/OPS-12', 'status: done', 'status: wont-do', 'status: blocked', 'evidence: https://tracker.example.com/OPS-12#done', 'type: prevent', 'depends: CAP-1'),
);
const actionItem = fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '- ', '* [ ] '), actionId, fc.constantFrom('Investigate', 'Improve monitoring', 'Look into', 'Add an alert on queue depth over 10,000 for 5 minutes', 'Cap consumer restarts at 3 per minute', 'Be more careful'), phrase, fc.array(field, { maxLength: 5 }))
  .map(([lead, id, verb, p, fields]) => `${lead}${id ? `${id}: ` : ''}${verb} ${p}${fields.map(f => `\n  - ${f}`).join('')}`);
const actions = fc.array(actionItem, { maxLength: 8 }).map(xs => xs.join('\n'));

const fmValue = fc.oneof(phrase, fc.constantFrom('true', 'false', 'yes', '', '[a, b]', '"quoted: text"', '2026-11-20T14:02:00Z', '2026-11-20 14:02', 'SEV2', 'sev-2', 'draft', 'final', 'in review', '&a x', '*a', '{a: 1}', '[unclosed'));
const frontMatter = fc.tuple(
  fc.constantFrom('INC-2026-001', 'INC-2026-002', ''),
  fc.uniqueArray(fc.tuple(fc.constantFrom('title', 'status', 'severity', 'major', 'major_rationale', 'approver', 'started', 'detected', 'mitigated', 'resolved', 'review_meeting', 'services', 'third_parties', 'authors', 'timezone', 'sevrity', 'titel', 'major_rational'), fmValue), { maxLength: 10, selector: ([k]) => k }),
  fc.constantFrom('', 'attendees:\n  - name: Ana\n    role: incident-commander\n', 'attendees:\n  - name: Bo\n    role: responders\n', 'services:\n  queue one\n  - two\n', 'residual_risks:\n  - risk: the old client remains\n'),
).map(([id, kv, extra]) => `---\n${id ? `id: ${id}\n` : ''}${kv.map(([k, v]) => `${k}: ${v}`).join('\n')}${kv.length ? '\n' : ''}${extra}---\n`);

const section = (title: string, body: fc.Arbitrary<string>) => body.map(b => `## ${title}\n\n${b}\n`);
const prose = fc.array(phrase, { maxLength: 4 }).map(ps => ps.map(p => `${p[0].toUpperCase()}${p.slice(1)}.`).join(' '));
const sections = fc.tuple(
  fc.option(section('Summary', prose), { nil: '' }),
  fc.option(section('Impact', prose), { nil: '' }),
  fc.option(section('Timeline', fc.oneof(timelineList, timelineTable, fc.tuple(prose, timelineList).map(([p, l]) => `All times in ${p.length % 2 ? 'UTC' : 'PDT'}.\n\n${l}`))), { nil: '' }),
  fc.option(section('Root cause', prose), { nil: '' }),
  fc.option(section('Contributing factors', prose), { nil: '' }),
  fc.option(section('Action items', actions), { nil: '' }),
  fc.option(section('Lessons learned', prose), { nil: '' }),
).chain(parts => fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }));

const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
export const generatedReview = fc.tuple(fc.option(frontMatter, { nil: '' }), fc.option(phrase, { nil: undefined }), sections, eol)
  .map(([fm, title, secs, nl]) => `${fm}${title ? `# ${title}\n\n` : ''}${secs.join('\n')}`.replace(/\n/g, nl));

// ------------------------------------------------------------------ mutations

const hostile = fc.constantFrom(
  '\r', '\r\n', '\t', '\uFEFF', '\u2028', '> '.repeat(30), '* '.repeat(30), '  '.repeat(30) + '- deep', '```', '~~~', '<!--', '-->',
  '<!-- pir-disable-file -->', '`<!-- pir-disable-file -->`', '---', '...', '| a | b |\n|---|---|', '- [ ] CAP-1: x', '  - owner: @a',
  'key: [', 'a: &x [1]\nb: *x', '[[[[[[[[', '{', '"', "'", '\\', '# ', '## Timeline', '## Action items', '|', '[x]', '→', '😀', '',
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.oneof(hostile, fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), to: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: Mutation[]): string {
  for (const m of ms) {
    const at = text.length ? m.at % (text.length + 1) : 0;
    if (m.kind === 'insert') text = text.slice(0, at) + m.what + text.slice(at);
    else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.len);
    else if (m.kind === 'duplicate') text = text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
    else {
      const lines = text.split('\n');
      const a = m.at % lines.length; const b = m.to % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
    }
  }
  return text;
}
export const mutatedReview = fc.tuple(generatedReview, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([t, ms]) => mutate(t, ms));

// ------------------------------------------------------------------ the properties

function lineCount(text: string): number { return text.split(/\r\n|\n|\r/).length; }
function lineLengths(text: string): number[] { return text.split(/\r\n|\n|\r/).map(l => l.length); }

function inside(r: Range, lens: number[], what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < Math.max(1, lens.length), `${what}: line ${p.line} of ${lens.length}`);
    assert.ok(p.character >= 0 && p.character <= (lens[p.line] ?? 0), `${what}: character ${p.character} of line ${p.line} (${lens[p.line]})`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end`);
}

/** The properties every input must have; `strict`: no fix may be dropped (generated, well-formed reviews). */
export function holds(text: string, strict: boolean): void {
  const first = lint(text);
  const lens = first.review.text === text ? lineLengths(text) : [0];
  assert.ok(lineCount(first.review.text) <= lineCount(text) || first.review.text === '');
  for (const f of first.findings) {
    assert.ok(!/failed on this document|could not be analysed/.test(f.message), `${f.rule}: ${f.message}`);
    inside(f.range, lens, `${f.rule} finding`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) inside(e.range, lens, `${f.rule} fix "${fix.title}"`);
  }
  const once = fixText(text, lint, 10, first);
  if (strict) assert.equal(once.dropped, undefined, `a fix broke the file: ${once.dropped?.message}`);
  if (once.text === text) return; // nothing fixed: a second run starts from the same text
  const fixed = { review: once.review, findings: once.findings.filter(f => f !== once.dropped) };
  const loss = qualityLoss(parseQuality(first.review, first.findings), parseQuality(fixed.review, fixed.findings));
  assert.deepEqual(loss, [], 'the fixed file parses at least as well as the input');
  const twice = fixText(once.text, lint, 10, fixed);
  assert.equal(twice.text, once.text, '--fix twice changes nothing the second time');
}

