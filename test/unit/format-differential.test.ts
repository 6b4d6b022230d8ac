/**
 * Differential property test of the format layer: generated reviews with task lists and tables,
 * escaped pipes, markup in fields, odd dates and list styles; the parser (Problems), the workspace
 * index (tree, `pir actions`, audit report) and the exports must agree on every action item —
 * ID, title, status, every field, and whether it is overdue.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, ReviewIndex, summarize } from '../../src/core';
import { toExported } from '../../src/core/commands';
import type { ActionItem } from '../../src/core';

const NOW = new Date('2026-12-01T12:00:00Z');
const URI = 'file:///w/gen.pir.md';
const FIELDS = ['owner', 'due', 'type', 'domain', 'validation', 'tracking', 'evidence', 'depends'] as const;

// ------------------------------------------------------------------ generators

const word = fc.constantFrom('alert', 'queue', 'Reject', 'settings', 'keys', 'retry', 'budget', 'runbook', 'cache', 'p99', 'canary', 'v2.1', 'on-call', 'DNS', '5xx', 'ok');
const inlineMarkup = fc.constantFrom('', '**', '_', '`');
const phrase = fc.array(fc.tuple(word, inlineMarkup), { minLength: 1, maxLength: 5 })
  .map(ws => ws.map(([w, m]) => (m === '`' || m === '**' ? `${m}${w}${m}` : w)).join(' '));
const id = fc.tuple(fc.constantFrom('CAP', 'PLAT', 'FU', 'CAP-42'), fc.integer({ min: 1, max: 40 }), fc.constantFrom('', 'a'))
  .map(([p, n, s]) => `${p}-${n}${s}`);
const idForm = fc.constantFrom('plain', 'bold', 'code', 'dot', 'dash');
const writeId = (i: string, form: string) => form === 'bold' ? `**${i}**: ` : form === 'code' ? `\`${i}\` — ` : form === 'dot' ? `${i}. ` : form === 'dash' ? `${i} - ` : `${i}: `;
const date = fc.constantFrom('2026-11-20', '2026-12-11', '2027-02-29', '2026-13-01', '2028-02-29', '2026-11-30', '2026-12-01', '2026-02-30');
const due = fc.tuple(date, fc.constantFrom('', '**', '`', '_'), fc.constantFrom('', ' (moved)', ' # agreed in standup', ' ')).map(([d, m, tail]) => `${m}${d}${m}${tail}`);
const owner = fc.constantFrom('@platform', '@ana', '@checkout-platform', 'Sam Lee', '**@ops**', '');
const status = fc.constantFrom('', 'open', 'done', 'in progress', 'blocked', "won't do", 'Closed', 'wip');
const fieldName = (k: string) => fc.constantFrom(k, k[0].toUpperCase() + k.slice(1), `**${k}:**`, `_${k}_`, k === 'owner' ? 'assignee' : k === 'due' ? 'due date' : k === 'tracking' ? 'ticket' : k);
const valueFor = (k: string) => k === 'due' ? due : k === 'owner' ? owner : k === 'depends' ? fc.constantFrom('CAP-1', 'CAP-1, PLAT-2', '') : phrase;

/** One list item: marker, checkbox, ID, title, nested field lines. */
const listItem = fc.record({
  marker: fc.constantFrom('-', '*', '+', '1.', '2)'),
  box: fc.constantFrom('', '[ ] ', '[x] ', '[X] '),
  id: fc.option(fc.tuple(id, idForm), { nil: undefined }),
  title: phrase,
  fields: fc.uniqueArray(fc.constantFrom(...FIELDS, 'status' as const), { maxLength: 5 }),
  values: fc.array(fc.tuple(fc.nat(4), fc.nat(6)), { minLength: 9, maxLength: 9 }),
  fieldMarker: fc.constantFrom('-', '*', '+'),
  indent: fc.constantFrom('  ', '   ', '    ', ' '),
  blank: fc.boolean(),
  st: status,
}).chain(r => fc.tuple(fc.constant(r), fc.tuple(...r.fields.map(k => fc.tuple(fc.constant(k), k === 'status' ? fc.constant('status') : fieldName(k), k === 'status' ? status : valueFor(k))))));

type Arb<A> = A extends fc.Arbitrary<infer T> ? T : never;

function renderList(items: Arb<typeof listItem>[]): string {
  const out: string[] = [];
  for (const [r, fields] of items) {
    // two spaces under `1.` are too few (a new list, for every reader alike)
    const indent = r.indent;
    if (r.blank) out.push('');
    out.push(`${r.marker} ${r.box}${r.id ? writeId(r.id[0], r.id[1]) : ''}${r.title}`);
    for (const [, name, value] of fields) {
      const sep = name.endsWith(':**') ? ' ' : ': ';
      out.push(`${indent}${r.fieldMarker} ${name}${sep}${value}`.trimEnd());
    }
  }
  return out.join('\n');
}

/** One table: a header with a title column and some field columns, rows with escaped pipes and markup. */
const tableCell = fc.tuple(phrase, fc.constantFrom('', ' \\| more', ' `a\\|b`', ' \\\\')).map(([p, x]) => p + x);
const table = fc.record({
  columns: fc.uniqueArray(fc.constantFrom('Owner', 'Due', 'Status', 'Type', 'Tracking', 'ID', '**Owner**', 'Due date', 'Assignee'), { minLength: 1, maxLength: 4 }),
  titleHeader: fc.constantFrom('Action', 'Action item', 'Corrective action', '**Task**'),
  rows: fc.array(fc.tuple(fc.option(fc.tuple(id, idForm), { nil: undefined }), tableCell, fc.array(fc.oneof(owner, due, status, tableCell, id), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 4 }),
  compact: fc.boolean(),
});

function renderTable(t: Arb<typeof table>): string {
  const head = [t.titleHeader, ...t.columns];
  const sep = (cells: string[]) => t.compact ? `|${cells.join('|')}|` : `| ${cells.join(' | ')} |`;
  const rows = t.rows.map(([i, title, cells]) => sep([`${i ? writeId(i[0], i[1] === 'dash' ? 'plain' : i[1]) : ''}${title}`, ...t.columns.map((_, k) => cells[k] === '' ? ' ' : cells[k])]));
  return [sep(head), sep(head.map(() => '---')), ...rows].join('\n');
}

const review = fc.array(fc.oneof(fc.array(listItem, { minLength: 1, maxLength: 4 }).map(renderList), table.map(renderTable)), { minLength: 1, maxLength: 3 })
  .map(blocks => `---
id: INC-2026-200
title: Generated
status: in-review
severity: SEV2
---

# Generated

## Action items

${blocks.join('\n\nSome prose between the blocks.\n\n')}
`);

// ------------------------------------------------------------------ the comparison

type Rec = { id: string; title: string; status: string; line: number } & Record<(typeof FIELDS)[number], string>;

function fromParser(a: ActionItem): Rec {
  const r = { id: a.id ?? '', title: a.title, status: a.status, line: a.line } as Rec;
  for (const k of FIELDS) r[k] = a.fields.get(k)?.value ?? '';
  return r;
}

function pick(a: Rec): Rec {
  const r = { id: a.id, title: a.title, status: a.status, line: a.line } as Rec;
  for (const k of FIELDS) r[k] = a[k];
  return r;
}

describe('format: parser, workspace index and exports agree on every action item (property)', () => {
  it('generated reviews with lists, tables, escaped pipes, markup and odd dates', function () {
    this.timeout(120_000);
    fc.assert(fc.property(review, text => {
      const { review: parsed, findings } = analyze(text, { uri: URI, now: NOW });
      const parser = parsed.actions.map(fromParser);
      const summary = summarize(URI, text).actions.map(a => pick(a as unknown as Rec));
      assert.deepEqual(summary, parser, 'workspace index vs parser');
      const index = new ReviewIndex();
      index.update(URI, text);
      const indexed = index.actions(NOW);
      const exported = toExported(indexed);
      assert.deepEqual(exported.map(e => pick({ ...e, line: e.line - 1 } as unknown as Rec)), parser, 'export vs parser');
      // overdue: the tree / export flag and the action-overdue finding in Problems
      const overdueLines = new Set(findings.filter(f => f.rule === 'action-overdue').map(f => parsed.actions.find(a => a.fields.get('due')?.line === f.range.start.line || (a.form === 'table' && a.line === f.range.start.line))?.line));
      for (const e of exported) assert.equal(e.overdue, overdueLines.has(e.line - 1), `overdue of line ${e.line}`);
    }), { numRuns: 250 });
  });
});
