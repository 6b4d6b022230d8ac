import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { findingsOf, lineOf, lint, readFixture } from './_support';

const NAME = 'rules/empty-section.pir.md';

describe('empty-section', () => {
  it('reports sections that are empty, only a placeholder (TBD, N/A, a comment) or only the template prompt', () => {
    const found = checkFixture(NAME).filter(f => f.rule === 'empty-section');
    assert.equal(found.length, 4);
    assert.match(found.find(f => /What went well/.test(f.message))!.message, /only says "TBD"/);
    assert.match(found.find(f => /Contributing/.test(f.message))!.message, /template's prompt/);
  });

  it('has no quick fix (only the author can write the section), and writing one sentence clears it', () => {
    const text = readFixture(NAME);
    const f = findingsOf(text, 'empty-section').find(x => /What went well/.test(x.message))!;
    assert.equal(f.fixes, undefined);
    assert.equal(f.range.start.line + 1, lineOf(text, '## What went well'));
    const written = text.replace('## What went well\n\nTBD', '## What went well\n\nThe alert paged six minutes after the swap.');
    assert.ok(!findingsOf(written, 'empty-section').some(x => /What went well/.test(x.message)));
  });

  it('leaves an empty root cause to missing-root-cause and an unknown heading alone', () => {
    const text = readFixture(NAME).replace(/(## Root cause\n\n)[^#]*/, '$1TBD\n\n');
    assert.ok(!findingsOf(text, 'empty-section').some(f => /Root cause/.test(f.message)));
    assert.ok(lint(text).some(f => f.rule === 'missing-root-cause'));
  });

  it('"TBD" inside a sentence is content', () => {
    const text = readFixture(NAME).replace('## What went well\n\nTBD', '## What went well\n\nThe alert fired quickly; the rest is TBD after the meeting.');
    assert.equal(findingsOf(text, 'empty-section').length, 3);
  });

  it('is relaxed to info in a draft', () => {
    const text = readFixture(NAME).replace('status: in-review', 'status: draft');
    assert.ok(findingsOf(text, 'empty-section').every(f => f.severity === 'info'));
  });
});
