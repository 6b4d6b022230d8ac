/**
 * Hostile and broken input (issue 17): each input that once took unbounded time, broke a file on
 * --fix, gave wrong findings or made a spreadsheet run a formula, as a test that holds. Timing is
 * not asserted here (see `npm run bench`, section "worst cases"); these tests check what the user
 * sees: one clear finding, the same model, a file that still parses.
 */
import assert from 'node:assert/strict';
import { analyze, parseReview } from '../../src/core';

const FM = 'id: INC-2026-017\ntitle: Queue stalls\nstatus: draft\nseverity: SEV3\nmajor: false\n';

describe('hostile input: front matter', () => {
  it('a YAML alias bomb is refused with one finding that says why, and nothing about missing keys', () => {
    const bomb = `---\n${FM}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n# Queue stalls\n`;
    const { findings } = analyze(bomb);
    const onFrontMatter = findings.filter(f => f.range.start.line <= 11);
    assert.deepEqual(onFrontMatter.map(f => f.rule), ['front-matter-syntax'], onFrontMatter.map(f => f.message).join('\n'));
    assert.match(onFrontMatter[0].message, /not read: .*alias/);
    assert.ok(!findings.some(f => /no "id"|no "title"|major incident/.test(f.message)));
  });

  it('a front matter of 20,000 keys is refused for its size, with only that said', () => {
    const text = `---\n${FM}${Array.from({ length: 20_000 }, (_, i) => `key${i}: value\n`).join('')}---\n# T\n`;
    const { findings, review } = analyze(text);
    const fm = findings.filter(f => f.rule.startsWith('front-matter') || ['major-incident', 'required-roles', 'duplicate-review-id'].includes(f.rule));
    assert.deepEqual(fm.map(f => f.rule), ['front-matter-syntax']);
    assert.match(fm[0].message, /not read: it is \d+ KB, over the 128 KB/);
    assert.deepEqual(review.frontMatter?.data, {});
  });

  it('duplicate keys are found (on the repeated key) in a front matter of thousands of keys', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `key${i}: value\n`).join('');
    const text = `---\n${FM}${keys}key17: again\nattendees:\n  - name: Ana\n    name: Bo\n---\n# T\n`;
    const dups = parseReview(text).parseFindings.filter(f => f.rule === 'front-matter-syntax');
    assert.deepEqual(dups.map(f => f.range.start.line), [1 + 5 + 5_000, 1 + 5 + 5_000 + 3]);
    assert.ok(dups.every(f => /keys must be unique/.test(f.message)));
  });

  it('lone-CR line endings are read like LF: no YAML errors, the same data and positions', () => {
    const lf = `---\n${FM}services:\n  - queue\n---\n# Queue stalls\n\n## Timeline\n\n- 2026-03-01 10:00 UTC — queue stalls\n`;
    const cr = lf.replace(/\n/g, '\r');
    const a = analyze(lf); const b = analyze(cr);
    assert.deepEqual(b.findings.filter(f => f.rule === 'front-matter-syntax'), []);
    assert.deepEqual(b.review.frontMatter?.data, a.review.frontMatter?.data);
    assert.deepEqual(b.findings.map(f => [f.rule, f.range]), a.findings.map(f => [f.rule, f.range]));
    assert.equal(b.review.eol, '\r', 'edits keep the file\'s own line break');
  });
});
