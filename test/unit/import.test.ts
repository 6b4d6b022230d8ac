// The authoring core: the new-review template (rendered from the real snippet) and the import of
// Markdown postmortems (src/core/import). The postmortems in fixtures/import are the project's own.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, parseReview } from '../../src/core';
import { importPostmortem } from '../../src/core/import/convert';
import { newReviewText, nextReviewId, renderTemplate, reviewTemplateBody, slugify, yamlScalar } from '../../src/core/newReview/template';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(__dirname, 'fixtures', 'import');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const headingsOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\r?\n/).filter(l => /^##? /.test(l));

/** Every word of the original outside headings (which are renamed on purpose) is in the result. */
function assertNoTextLost(original: string, result: string): void {
  const tokens = (s: string) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.@/-]*/gu) ?? []).map(t => t.replace(/\.+$/, ''));
  const words = (s: string) => new Set(tokens(s.split(/\r?\n/).filter(l => !/^ {0,3}#{1,3} /.test(l) || /^## not/.test(l)).map(l => l.replace(/^\s*\d+[.)]\s/, '')).join('\n')));
  const out = new Set(tokens(result));
  const lost = [...words(original)].filter(w => !out.has(w));
  assert.deepEqual(lost, [], 'words of the original missing from the import');
}

describe('new review template', () => {
  const body = reviewTemplateBody(fs.readFileSync(path.join(ROOT, 'snippets', 'pir.code-snippets'), 'utf8'));
  const now = new Date(2026, 10, 29, 10, 30);

  it('renders the snippet with id, title, severity and today filled in, status draft', () => {
    const { text, cursor } = newReviewText(body, { id: 'INC-2026-007', title: 'Checkout: 5xx after a "settings" push', severity: 'SEV2', now });
    const { review, findings } = analyze(text);
    assert.equal(review.frontMatter?.data.id, 'INC-2026-007');
    assert.equal(review.frontMatter?.data.title, 'Checkout: 5xx after a "settings" push');
    assert.equal(review.frontMatter?.data.severity, 'SEV2');
    assert.equal(review.frontMatter?.data.status, 'draft');
    assert.match(text, /^started: 2026-11-29T00:00:00Z$/m);
    assert.match(text, /^# INC-2026-007: Checkout: 5xx after a "settings" push$/m);
    assert.ok(!/\$\{|\$\d|\$[A-Z]/.test(text), 'no snippet syntax left');
    assert.deepEqual(findings.filter(f => f.rule === 'front-matter-syntax'), []);
    // the cursor goes to the first placeholder left to fill: major
    assert.ok(cursor);
    assert.equal(cursor.index, 4);
    assert.equal(text.slice(cursor.start, cursor.end), 'false');
    assert.equal(text.split('\n')[cursor.start === 0 ? 0 : text.slice(0, cursor.start).split('\n').length - 1], 'major: false');
    // every section of the format is there
    for (const s of ['Summary', 'Impact', 'Timeline', 'Response', 'Root cause', 'Action items', 'Open questions']) assert.ok(review.sections.some(x => x.heading === s), s);
  });

  it('handles nested placeholders, choices, mirrors, variables and escapes', () => {
    const r = renderTemplate('a ${1:x ${2:y}} ${3|p,q|} $1 ${CURRENT_YEAR} \\$5 $0', { variables: { CURRENT_YEAR: '2026' }, values: { 2: 'Y' } });
    assert.equal(r.text, 'a x Y p x Y 2026 $5 ');
    assert.deepEqual(r.placeholders.map(p => [p.index, p.text]), [[1, 'x Y'], [2, 'Y'], [3, 'p']]);
  });

  it('quotes YAML only when needed; slugs and next IDs', () => {
    assert.equal(yamlScalar('Search results empty'), 'Search results empty');
    assert.equal(yamlScalar('Checkout: down'), '"Checkout: down"');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('#1 problem'), '"#1 problem"');
    assert.equal(slugify('Über-slow Checkout: 5xx / DB!'), 'uber-slow-checkout-5xx-db');
    assert.equal(slugify('   '), 'review');
    // shortened between words, never ending on a word that needs the next one
    assert.equal(slugify('Checkout errors for 35 minutes after an intermediate certificate expired'), 'checkout-errors-for-35-minutes');
    assert.equal(slugify('Login failures after the session-redis failover left stale connections'), 'login-failures-after-the-session-redis-failover');
    for (const t of ['Checkout errors for 35 minutes after an intermediate certificate expired', 'A very long title about the thing that happened during the quarterly maintenance window']) {
      const s = slugify(t);
      assert.ok(s.length <= 50 && t.toLowerCase().replace(/[^a-z0-9]+/g, '-').startsWith(s + '-'), s);
    }
    assert.ok(slugify('word '.repeat(40)).length <= 50);
    assert.equal(nextReviewId(['---\nid: INC-2026-004\n', '---\nid: "INC-2026-011"\n', '---\nid: INC-2025-099\n'], 2026), 'INC-2026-012');
    assert.equal(nextReviewId([], 2027), 'INC-2027-001');
  });
});

describe('import of Markdown postmortems', () => {
  it('a blog post: front matter kept and extended, sections mapped, lessons split out, list timeline kept', () => {
    const src = read('blog-post.md');
    const r = importPostmortem(src, { fileName: 'blog-post.md' });
    // the front matter as written, then the missing keys
    assert.match(r.text, /^---\nlayout: post\ntitle: "Post-mortem: image uploads failing on 12 March 2026"\ncategory: operations\nauthor: Lena Fischer\nid: INC-2026-0312\nstatus: draft\n/);
    assert.equal(r.stats.frontMatter, 'extended');
    assert.match(r.text, /^# severity: one of SEV1, SEV2, SEV3, SEV4/m, 'no severity invented');
    assert.doesNotMatch(r.text, /^started:/m, 'no UTC invented: the stamps are in CEST');
    assert.doesNotMatch(r.text, /UTC|\dZ\b/);
    assert.deepEqual(headingsOf(r.text), [
      '# Post-mortem: image uploads failing on 12 March 2026', '## Summary', '## Impact', '## Root cause', '## Trigger', '## Response',
      '## Action items', '## Lessons learned', '## What went well', '## What went poorly', '## Where we got lucky', '## Timeline (times in CEST)',
    ]);
    assert.match(r.text, /## Response\n\n### Resolution\n\nWe cleared[^\n]*\n\n### Detection\n\nA customer wrote/);

    const review = parseReview(r.text);
    assert.deepEqual(review.actions.map(a => a.id), ['CAP-2026-0312-1', 'CAP-2026-0312-2', 'CAP-2026-0312-3']);
    for (const a of review.actions) assert.deepEqual([...a.fields.keys()].sort(), ['due', 'owner', 'tracking', 'validation']);
    assert.equal(review.actions[1].fields.get('tracking')!.value, 'https://tracker.example.org/browse/UPL-311');
    assert.equal(review.actions[0].title, 'Alert on free space of the scratch volume on every upload worker, below 20% for 5 minutes.');
    assert.equal(review.timeline.length, 6);
    assert.deepEqual(review.timeline.map(e => e.stamp.text.replace(/\*/g, '').trim()).slice(0, 3), ['2026-03-12 09:15', '2026-03-12 09:41', '09:52']);
    assert.equal(review.declaredZone?.zone.text, 'CEST');
    assert.ok(r.notes.some(n => n.includes('"Trigger"')), 'the unknown section is named in the notes');
    assertNoTextLost(src, r.text);
  });

  it('a table timeline with date and time columns: one entry per row, zone-less stamps kept; CRLF kept; numbered next steps', () => {
    const src = read('table-timeline.md');
    assert.ok(src.includes('\r\n'));
    const r = importPostmortem(src);
    assert.ok(!/[^\r]\n/.test(r.text), 'CRLF line breaks throughout');
    const text = r.text.replace(/\r\n/g, '\n');
    assert.match(text, /^---\nid: INC-2026-0203\ntitle: "2026-02-03: Search index served stale results"\nstatus: draft\n/);
    assert.match(text, /\n- 2026-02-03 06:10 — Nightly reindex finishes; alias swap step exits early — cron\n/);
    assert.match(text, /Columns of the original table: Date · Time · Event · Who\./);
    assert.doesNotMatch(text, /\|------/, 'the table is gone');
    const review = parseReview(text);
    assert.equal(review.timeline.length, 4);
    assert.ok(review.timeline.every(e => !e.stamp.zone), 'no zone added to a stamp');
    assert.ok(r.notes.some(n => /4 timeline stamps have no zone/.test(n)), r.notes.join('\n'));
    // actions from the numbered list; a multi-line item joins into one title line; inline owner and due used
    assert.equal(review.actions.length, 3);
    const [a1, a2, a3] = review.actions;
    // the line keeps the owner as written; the checks read it as the owner, not as part of the title
    assert.match(text, /: Make the alias swap script fail when the cluster answers anything but 200, and page the search on-call when the nightly job fails \(owner: @search-oncall\)\n/);
    assert.equal(a1.title, 'Make the alias swap script fail when the cluster answers anything but 200, and page the search on-call when the nightly job fails');
    assert.equal(a1.fields.get('owner')!.value, '@search-oncall');
    assert.equal(a2.fields.get('due')!.value, '2026-03-01');
    assert.match(text, /  - tracking: link to the ticket\n  - notes: the check runs after the swap\n/);
    assert.equal(a3.id, 'CAP-2026-0203-3');
    // the unknown section and its code block verbatim (a "##" line inside the fence is not a heading)
    assert.match(text, /## Appendix: the failing step\n\n```sh\ncurl -XPOST "\$ES\/_aliases" -d @swap\.json \|\| true\n## not a heading\n```\n$/);
    assert.match(text, /# 2026-02-03: Search index served stale results\n\nStatus: complete\. Authors: the search team\.\n\n## Summary/);
    assertNoTextLost(src, r.text);
  });

  it('timeline entries written as headings; the same section twice kept together; existing action IDs kept; started from a UTC stamp', () => {
    const src = read('heading-timeline.md');
    const r = importPostmortem(src);
    assert.match(r.text, /^started: 2026-04-18T14:02:00Z$/m);
    assert.match(r.text, /\n- 14:09 UTC — Fulfilment lag alert fires\. The on-call engineer opens the runbook\.\n\n  The runbook's first step/);
    const review = parseReview(r.text);
    assert.equal(review.timeline.length, 3);
    assert.deepEqual(review.actions.map(a => a.id), ['CAP-2026-0418-1', 'CAP-2026-0418-2', 'CAP-2026-0418-3', 'Q-7']);
    assert.equal(review.actions[0].fields.get('tracking')!.value, 'https://git.example.com/orders/consumer/issues/88');
    assert.equal(review.actions[3].fields.get('owner')!.value, '@platform');
    assert.equal(headingsOf(r.text).filter(h => h === '## Action items').length, 1);
    assert.match(r.text, /### Follow-ups\n\n- \[ \] Q-7: Ask the broker vendor/);
    assert.deepEqual(review.sections.filter(s => s.kind && s.level === 2).map(s => s.kind), ['summary', 'timeline', 'root-cause', 'actions']);
    assertNoTextLost(src, r.text);
  });

  it('gives new action IDs that no item of the document uses already', () => {
    const r = importPostmortem('# DB outage\n\n## Timeline\n\n- 2026-11-20 13:55 UTC: deploy started\n\n## Action items\n\n- [ ] CAP-2026-1120-2: Add a replica lag alert at 30 s\n- Retry writes twice with jitter in orders-api\n- Cap the pool at 50 connections\n', { today: '2026-11-29' } as never);
    const ids = [...r.text.matchAll(/^- \[ \] (\S+):/gm)].map(m => m[1]);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
    assert.deepEqual(ids, ['CAP-2026-1120-2', 'CAP-2026-1120-1', 'CAP-2026-1120-3'], 'the existing ID kept, the new ones around it');
    assert.equal(analyze(r.text).findings.filter(f => f.rule === 'duplicate-action-id').length, 0);
  });

  it('reads the owner written in bold inside an item, and a zone in the table header counts as declared', () => {
    const r = importPostmortem('# X\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 2026-11-20 13:55 | a |\n\n## Action items\n\n- Add a lag alert at 30 s **owner:** @bob\n', { today: '2026-11-29' } as never);
    assert.match(r.text, /^ {2}- owner: @bob$/m);
    assert.ok(!r.notes.some(n => /no zone/.test(n)), r.notes.join(' | '));
  });

  it('leaves a review already in the format as it is (apart from nothing)', () => {
    const file = path.join(ROOT, 'examples', 'reviews', '2026-11-20-checkout-config-push.pir.md');
    const src = fs.readFileSync(file, 'utf8');
    const r = importPostmortem(src);
    assert.equal(r.stats.frontMatter, 'kept');
    assert.equal(r.stats.mappedSections, 0);
    const before = parseReview(src), after = parseReview(r.text);
    assert.deepEqual(after.actions.map(a => [a.id, a.title, [...a.fields.keys()]]), before.actions.map(a => [a.id, a.title, [...a.fields.keys()]]));
    assert.deepEqual(after.timeline.map(e => e.stamp.text), before.timeline.map(e => e.stamp.text));
    assert.equal(r.text, src);
  });

  it('is stable: importing its own output changes nothing', () => {
    for (const name of ['blog-post.md', 'table-timeline.md', 'heading-timeline.md']) {
      const once = importPostmortem(read(name)).text;
      assert.equal(importPostmortem(once).text, once, name);
    }
  });

  it('copes with text that is not a postmortem (empty, no headings, broken front matter)', () => {
    assert.match(importPostmortem('').text, /^---\nid: INC-YYYY-NNN\n# title: /);
    const plain = importPostmortem('Just a note.\n', { fileName: 'db-outage-notes.md' });
    assert.match(plain.text, /^title: Db outage notes$/m);
    assert.match(plain.text, /## Summary\n\nJust a note\.\n$/);
    const broken = importPostmortem('---\ntitle: [unclosed\n---\n# T\n');
    assert.match(broken.text, /^---\ntitle: \[unclosed\n---\n/);
    assert.ok(broken.notes.some(n => n.includes('kept as written')));
  });
});

describe('pir import', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-import-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const run = (args: string[]) => {
    let out = '', err = '';
    const code = main(args, { out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; }, isTTY: false, cwd: tmp });
    return { code, out, err };
  };

  it('writes the review to --out, refusing to overwrite, or prints it', () => {
    fs.copyFileSync(path.join(DIR, 'blog-post.md'), path.join(tmp, 'uploads.md'));
    const r = run(['import', 'uploads.md', '--out', 'uploads.pir.md']);
    assert.equal(r.code, 0, r.err);
    const written = fs.readFileSync(path.join(tmp, 'uploads.pir.md'), 'utf8');
    assert.equal(written, importPostmortem(read('blog-post.md'), { fileName: 'uploads.md' }).text);
    assert.match(r.err, /uploads\.pir\.md/);
    const again = run(['import', 'uploads.md', '--out', 'uploads.pir.md']);
    assert.equal(again.code, 2);
    assert.match(again.err, /exists/);
    const printed = run(['import', 'uploads.md']);
    assert.equal(printed.code, 0);
    assert.equal(printed.out, written);
    assert.equal(run(['import']).code, 2);
  });
});

describe('import reads action items as the checks do', () => {
  it('an action table in any column order becomes canonical items with IDs, states, owners and links kept; a heading naming two purposes stays as written', () => {
    const src = [
      '# Broker disk full', '', '## Summary', '', 'The broker disk filled up.', '',
      '## Lessons learned and actions taken', '', 'We learned that disks fill quietly.', '',
      '## Follow-ups', '',
      '| Owner | Status | Action | Bug |', '|---|---|---|---|',
      '| @ops | Done | Alert on broker disk below 15% | https://tracker.example.com/OPS-1 |',
      '| @db | In progress | Move the WAL to its own volume | https://tracker.example.com/OPS-2 |', '',
      '### Completed', '', '- Cleaned the old segments', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0101' });
    assert.match(r.text, /^## Lessons learned and actions taken$/m);
    assert.doesNotMatch(r.text, /\| Owner \| Status/);
    const review = parseReview(r.text);
    assert.deepEqual(review.actions.map(a => [a.id, a.status, a.title, a.fields.get('owner')?.value, a.fields.get('tracking')?.value]), [
      ['CAP-2026-0101-1', 'done', 'Alert on broker disk below 15%', '@ops', 'https://tracker.example.com/OPS-1'],
      ['CAP-2026-0101-2', 'in-progress', 'Move the WAL to its own volume', '@db', 'https://tracker.example.com/OPS-2'],
      ['CAP-2026-0101-3', 'done', 'Cleaned the old segments', '@owner', 'link to the ticket'],
    ]);
  });
});

describe('import keeps the states of an action table', () => {
  it('a state in bold is read; a word the box cannot say ("FAILED") stays a status field; a link where the state goes becomes the tracking link', () => {
    const src = [
      '# Disk full', '', '## Action Items', '',
      '|**Action Item**|**Type**|**Owner**|**Status**|', '| :- | :- | :- | :- |',
      '|Revert the storage driver|mitigate|olivier|**DONE**|',
      '|Restore the container from a snapshot|mitigate|charles|**FAILED**|',
      '|Move the containers to a VM|prevent|olivier|**IN PROGRESS**|',
      '|Open a ticket with the vendor|process|charles|**TODO**|',
      '|Run the crashed containers on a VM|prevent|olivier|<https://tracker.example.com/INFRA-62>|', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0501' });
    const items = parseReview(r.text).actions.map(a => [a.status, a.fields.get('owner')?.value, a.fields.get('status')?.value, a.fields.get('tracking')?.value]);
    assert.deepEqual(items, [
      ['done', 'olivier', undefined, 'link to the ticket'],
      ['open', 'charles', 'FAILED', 'link to the ticket'],
      ['in-progress', 'olivier', 'IN PROGRESS', 'link to the ticket'],
      ['open', 'charles', undefined, 'link to the ticket'],
      ['open', 'olivier', undefined, 'https://tracker.example.com/INFRA-62'],
    ]);
    assert.deepEqual(parseReview(src).actions.map(a => a.status), ['done', 'open', 'in-progress', 'open', 'open'], 'the checks read the states in bold too');
  });
});

describe('sections written as bold labels (the SRE template)', () => {
  it('are kept as written and not reported "Not in the original"', () => {
    const src = ['# Uploads failed', '', '**Summary:** uploads failed for 47 minutes.', '', '**Impact:** 212,000 uploads rejected.', '', '**Root Causes:** the workers pin their trust store at build time.', '', '**Resolution:** the certificate chain was rolled back.', '', '## Action Items', '', '- Load the trust store at start-up', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0414' });
    const not = r.notes.find(n => n.startsWith('Not in the original')) ?? '';
    for (const present of ['Impact', 'Root cause', 'Response']) assert.ok(!not.includes(present), `${present}: ${not}`);
    assert.match(not, /Timeline/);
    assert.match(r.text, /^\*\*Impact:\*\* 212,000 uploads rejected\.$/m);
  });
});

describe('the placeholders the import writes count as missing', () => {
  it('action-fields names every field still a placeholder (@owner, YYYY-MM-DD, the validation prompt, link to the ticket), and only those', () => {
    const src = ['# Disk full', '', '## Action items', '', '- Alert on pool usage above 80% on every storage host', '- Rotate logs hourly (owner: @ops, due 2026-03-01) https://tracker.example.com/OPS-2', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0601' });
    assert.match(r.text, /  - owner: @owner\n  - due: YYYY-MM-DD\n  - validation: how we will know it worked: a test, a drill, a query\n  - tracking: link to the ticket\n/);
    const messages = analyze(r.text).findings.filter(f => f.rule === 'action-fields').map(f => f.message);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /CAP-2026-0601-1 has no owner .*, due date, validation .* or tracking link/);
    assert.match(messages[1], /CAP-2026-0601-2 has no validation/);
    assert.doesNotMatch(messages[1], /owner|due date|tracking/);
  });
});

describe('import keeps what it read', () => {
  it('a comment before the front matter is skipped (kept after it); an Authors line moves to the front matter', () => {
    const src = ['<!-- exported from the wiki -->', '---', 'title: Queue stalled', '---', '# Queue stalled', '', '**Authors:** Ana Lima, Bo Chen', '', '## Summary', '', 'The queue stalled for an hour.', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0102' });
    assert.match(r.text, /^---\ntitle: Queue stalled\nid: INC-2026-0102\n/);
    assert.match(r.text, /^authors: \[Ana Lima, Bo Chen\]$/m);
    assert.match(r.text, /^---\n[\s\S]*?\n---\n\n<!-- exported from the wiki -->\n# Queue stalled\n\n## Summary\n/);
    assert.doesNotMatch(r.text, /\*\*Authors:\*\*/);
    assert.equal(parseReview(r.text).frontMatter?.data.title, 'Queue stalled');
  });
});

describe('import keeps each subsection under its parent', () => {
  const outline = (text: string) => parseReview(text).sections.filter(x => !x.label).map(x => `${x.level} ${x.heading} [${x.kinds.join(',')}]`);

  it('"## Short term" under a level-1 "# Action items" stays a part of the action items, one level down; its items become canonical there', () => {
    const src = ['# Broker outage', '', '## Summary', '', 'The broker fell over.', '', '# Action items', '', '## Short term', '', '- Add an alert on broker disk', '', '## Long term', '', '- Move the broker to managed Kafka', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0401' });
    assert.deepEqual(outline(r.text), ['1 Broker outage []', '2 Summary [summary]', '2 Action items [actions]', '3 Short term [actions]', '3 Long term [actions]']);
    assert.match(r.text, /## Action items\n\n### Short term\n\n- \[ \] CAP-2026-0401-1: Add an alert on broker disk\n/);
    assert.doesNotMatch(r.text, /\*\*Action items:\*\*/, 'no label added: the items are in the actions section');
    // a "##" of another purpose ends them: what follows it is its own, not the level-1 section's
    const later = importPostmortem(['# Broker outage', '', '# Action items', '', '## Short term', '', '- Add an alert on broker disk', '', '## Lessons learned', '', 'Disks fill quietly.', '', '## Notes', '', 'None.', ''].join('\n'), { id: 'INC-2026-0403' });
    assert.deepEqual(outline(later.text), ['1 Broker outage []', '2 Action items [actions]', '3 Short term [actions]', '2 Lessons learned [lessons]', '2 Notes []']);
  });

  it('a sibling subsection after one taken out as its own section stays with its parent', () => {
    const src = ['# Broker outage', '', '## Lessons learned', '', 'Intro.', '', '### What went well', '', '- paging worked', '', '### Tooling', '', 'The CLI is slow.', '', '#### Flags', '', 'Too many.', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0402' });
    assert.deepEqual(outline(r.text), ['1 Broker outage []', '2 Lessons learned [lessons]', '3 Tooling [lessons]', '4 Flags [lessons]', '2 What went well [went-well]']);
    assertNoTextLost(src, r.text);
  });
});

describe('import is stable', () => {
  it('importing the result again changes nothing: an H1 that names purposes but repeats the title stays the title; sub-sections of an introduction that becomes the Summary are taken out at once', () => {
    const src = [
      '---', "title: 'What happened, how we responded, what we learned'", '---', '',
      'On March 2 the queue stalled.', '',
      '### Background', '', 'The queue feeds the mailer.', '',
      '### Future mitigations', '', '- Alert on queue age above five minutes', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0701' });
    assert.match(r.text, /\n# What happened, how we responded, what we learned\n\n## Summary\n\nOn March 2 the queue stalled\.\n\n### Background\n\nThe queue feeds the mailer\.\n\n## Action items\n\n- \[ \] CAP-2026-0701-1: Alert on queue age/);
    assert.equal(importPostmortem(r.text).text, r.text);
  });
});

describe('import moves the header lines to the front matter', () => {
  it('"Date", "Severity" and "Authors" lines of the header leave the body for the front matter; a date is written ISO only when certain', () => {
    const src = ['# Cache stampede', '', '**Incident Date:** 4 March 2026  ', '**Severity:** Sev 2  ', '**Authors**: Ana Lima, Bo Chen', '', '## Summary', '', 'The cache emptied at once.', '', 'Date: 5 March 2026', ''].join('\n');
    const r = importPostmortem(src);
    assert.match(r.text, /^date: 2026-03-04$/m);
    assert.match(r.text, /^severity: SEV2$/m);
    assert.match(r.text, /^authors: \[Ana Lima, Bo Chen\]$/m);
    assert.equal(r.id, 'INC-2026-0304', 'the ID from the date line');
    assert.doesNotMatch(r.text, /Incident Date|\*\*Severity|\*\*Authors/);
    assert.match(r.text, /\nDate: 5 March 2026\n/, 'a Date line inside a section is text, not the header');
    // day-first or month-first: kept as written, and the notes say why
    const amb = importPostmortem(['# Disk full', '', '**Date**: 03/10/2021', '', '**Severity:** Medium', '', '## Summary', '', 'The disk filled.', ''].join('\n'));
    assert.match(amb.text, /^date: 03\/10\/2021$/m);
    assert.ok(amb.notes.some(n => /day-first and month-first/.test(n)), amb.notes.join('\n'));
    // a severity that is not one of the team's: the author chooses; the original's word is kept beside the key
    assert.match(amb.text, /^# severity: one of SEV1, SEV2, SEV3, SEV4 \(the original says "Medium"\)$/m);
    assert.doesNotMatch(amb.text, /\*\*Severity/);
    assert.equal(parseReview(amb.text).frontMatter?.data.date, '03/10/2021');
  });

  it('a header line whose key the front matter has already stays in the text', () => {
    const src = ['---', 'title: Cache stampede', 'severity: SEV1', 'authors: [Ana]', '---', '# Cache stampede', '', '**Severity:** SEV3', '', 'Authors: Bo', '', '## Summary', '', 'The cache emptied.', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0305' });
    assert.match(r.text, /\n\*\*Severity:\*\* SEV3\n/);
    assert.match(r.text, /\nAuthors: Bo\n/);
    assert.match(r.text, /^severity: SEV1$/m);
  });
});

describe('import: items committed to outside an actions section', () => {
  it('TODO paragraphs become canonical items under an "Action items:" label, and the workspace index (pir actions) lists them', async () => {
    const { summarize } = await import('../../src/core');
    const src = ['# Disk full', '', '## Lessons learned', '', 'Disks fill up quietly.', '', '**TODO**: alert on pool usage above 80% on every storage host.', '', '**DONE**: added the wiki to the monitored sites.', ''].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0103' });
    assert.match(r.text, /\*\*Action items:\*\*\n\n- \[ \] CAP-2026-0103-1: alert on pool usage/);
    const fromParser = parseReview(r.text).actions.map(a => [a.id, a.status]);
    assert.deepEqual(fromParser, [['CAP-2026-0103-1', 'open'], ['CAP-2026-0103-2', 'done']]);
    assert.deepEqual(summarize('x.pir.md', r.text).actions.map(a => [a.id, a.status]), fromParser);
  });
});

describe('import reads the timeline as the checks do (parse/timeline.ts)', () => {
  const stamps = (text: string) => parseReview(text).timeline.map(e => `${e.date ? `${e.date.year}-${e.date.month}-${e.date.day} ` : ''}${e.stamp.time?.hour}:${e.stamp.time?.minute}`);

  it('paragraph lines and <br> parts that start with a stamp each become an entry; lines continuing one stay under it; a day line stays above', () => {
    const src = [
      '# Mail relay down', '', '## Timeline', '',
      'Some background before the day starts.', '',
      '### 2026-03-02', '',
      '**09:05** Relay config pushed<br>',
      '**09:12** First bounce reported by',
      'the support desk.<br> 09:40 - Rollback starts<br>',
      '**10:02** Mail flows again', '',
      '2026-03-03', '',
      '**08:00** Post-incident sync', '',
      '## Root cause', '', 'A typo in the relay map.', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0302' });
    assert.deepEqual(stamps(r.text), stamps(src), 'the same entries, in order');
    assert.match(r.text, /### 2026-03-02\n\n- \*\*09:05\*\* Relay config pushed\n- \*\*09:12\*\* First bounce reported by\n  the support desk\.\n- 09:40 - Rollback starts\n- \*\*10:02\*\* Mail flows again\n\n2026-03-03\n\n- \*\*08:00\*\* Post-incident sync\n/);
    assert.match(r.text, /^## Timeline\n\nSome background before the day starts\.$/m);
    assert.equal(parseReview(r.text).timeline.filter(e => e.form === 'list').length, 5);
  });

  it('quoted chat stays a quote, code stays code: no entry read from them, none written', () => {
    const src = [
      '# Queue stall', '', '## Timeline', '', 'All times in UTC.', '',
      '- 2026-03-02 10:10 UTC alert fires', '',
      '> 10:14 ana: is the queue stuck?', '> 10:15 bo: looking', '',
      '```', '10:16 consumer restarted', '```', '',
      '- 2026-03-02 10:20 UTC queue drains', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0303' });
    assert.match(r.text, /\n> 10:14 ana: is the queue stuck\?\n> 10:15 bo: looking\n\n```\n10:16 consumer restarted\n```\n/);
    assert.deepEqual(stamps(r.text), ['2026-3-2 10:10', '2026-3-2 10:20']);
    // under the action items too: a quote is no item, and stays a quote
    const actions = importPostmortem(['# Disk full', '', '## Action items', '', '> ana: we should alert on pool usage', '> bo: TODO: rotate logs hourly', '', '- Alert on pool usage above 80% on every storage host', ''].join('\n'), { id: 'INC-2026-0304' });
    assert.match(actions.text, /\n> ana: we should alert on pool usage\n> bo: TODO: rotate logs hourly\n\n- \[ \] CAP-2026-0304-1: Alert on pool usage/);
    assert.equal(parseReview(actions.text).actions.length, 1);
  });

  it('a table with Day and Time columns in any order: one item per row, the day before the time, the zone of the Time column said once', () => {
    const src = [
      '# Chain halt', '', '## Timeline', '',
      '| Event | Day | Time (UTC) | Who |', '|---|---|---|---|',
      '| Chain halts | 2026-03-12 | 15:57 | |', '| Validators restart | 2026-03-13 | 11:25 | @ops |', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0312' });
    assert.match(r.text, /All times in UTC \(the original table's "Day Time \(UTC\)" column\)\.\n\nColumns of the original table: Event · Day · Time \(UTC\) · Who\.\n\n- 2026-03-12 15:57 — Chain halts\n- 2026-03-13 11:25 — Validators restart — @ops\n/);
    assert.deepEqual(stamps(r.text), stamps(src));
    assert.doesNotMatch(r.text, /^started:/m, 'the stamps carry no zone themselves: no started is made up');
  });

  it('converts a stamp to UTC only when its instant is certain, once; the zone line it leaves without a stamp says UTC', () => {
    const src = [
      '# Queue stall', '', '## Timeline', '', 'All times are PDT.', '',
      '- 2026-07-14 09:05 alert fires', '- 09:40 consumer restarted', '- 2026-07-14 23:30 queue drains', '',
      '## Root cause', '', 'A poison message.', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0714' });
    assert.match(r.text, /\nAll times are UTC \(converted from PDT on import\)\.\n\n- 2026-07-14 16:05 UTC alert fires\n- 16:40 UTC consumer restarted\n- 2026-07-15 06:30 UTC queue drains\n/);
    assert.match(r.text, /^started: 2026-07-14T16:05:00Z$/m);
    assert.ok(r.notes.some(n => /Converted 3 timeline stamps to UTC/.test(n)), r.notes.join('\n'));
    assert.deepEqual(parseReview(r.text).timeline.map(e => e.utc), parseReview(src).timeline.map(e => e.utc), 'the same instants');
    // never twice: importing the result changes no stamp
    assert.equal(importPostmortem(r.text).text, r.text);
    // across midnight UTC: an undated entry keeps its day (its date is written where the one above changed)
    const tokyo = importPostmortem(['# Batch late', '', '## Timeline', '', 'All times in Asia/Tokyo.', '', '- 2026-07-14 08:00 batch starts', '- 10:00 batch stalls', '- 11:30 batch resumes', ''].join('\n'), { id: 'INC-2026-0717' });
    assert.match(tokyo.text, /\n- 2026-07-13 23:00 UTC batch starts\n- 2026-07-14 01:00 UTC batch stalls\n- 02:30 UTC batch resumes\n/);
    // the timezone key too, once no stamp depends on it
    const keyed = importPostmortem(['---', 'title: Queue stall', 'timezone: Europe/Berlin', '---', '# Queue stall', '', '## Timeline', '', '- 2026-07-14 09:05 alert fires', '- 09:40 consumer restarted', ''].join('\n'), { id: 'INC-2026-0718' });
    assert.match(keyed.text, /^timezone: UTC # converted from Europe\/Berlin on import$/m);
    assert.match(keyed.text, /\n- 2026-07-14 07:05 UTC alert fires\n- 07:40 UTC consumer restarted\n/);
    assert.equal(parseReview(keyed.text).frontMatter?.data.timezone, 'UTC');
    // a heading's declaration is rewritten in its parentheses
    const cest = importPostmortem(['# Deploy', '', '## Timeline (times in CEST)', '', '- 2026-06-03 09:14 deploy starts', ''].join('\n'), { id: 'INC-2026-0603' });
    assert.match(cest.text, /^## Timeline \(times in UTC, converted from CEST\)\n\n- 2026-06-03 07:14 UTC deploy starts$/m);
  });

  it('leaves a stamp whose instant is not certain as written, says why, and keeps the zone line that still governs it', () => {
    const src = [
      '# Queue stall', '', '## Timeline', '', 'All times are PST.', '',
      '- 2026-07-14 09:05 alert fires', '- 03/04/2026 10:00 consumer restarted', '',
      '## Impact', '', 'Times: CST.', '',
    ].join('\n');
    const r = importPostmortem(src, { id: 'INC-2026-0715' });
    assert.match(r.text, /\nAll times are PST\.\n\n- 2026-07-14 09:05 alert fires\n- 03\/04\/2026 10:00 consumer restarted\n/);
    assert.ok(r.notes.some(n => /1 timeline stamp stays as written: the local time is not certain/.test(n)), r.notes.join('\n'));
    assert.ok(r.notes.some(n => /1 timeline stamp stays as written: its date reads both day-first and month-first/.test(n)), r.notes.join('\n'));
    // no date: nothing to convert from
    const undated = importPostmortem(['# Queue stall', '', '## Timeline', '', 'All times in Europe/Berlin.', '', '- 09:05 alert fires', ''].join('\n'), { id: 'INC-2026-0716' });
    assert.match(undated.text, /\nAll times in Europe\/Berlin\.\n\n- 09:05 alert fires\n/);
    assert.ok(undated.notes.some(n => /stays as written: no date is known for it/.test(n)), undated.notes.join('\n'));
  });
});
