import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv-draft-04';
import { EXIT_INTERNAL, main } from '../../src/cli/main';
import { FIXTURES } from './helpers/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const COMPLETE = path.join(ROOT, 'examples', 'reviews', '2026-11-20-checkout-config-push.pir.md');
const HEADLINE = path.join(FIXTURES, 'cli', 'headline-problems.pir.md');
// "today" for every date check, so no test expires as the calendar moves on
const NOW = ['--now', '2026-11-30'];

function run(args: string[], cwd = ROOT) {
  let out = '', err = '';
  const code = main(args, { out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; }, isTTY: false, cwd });
  return { code, out, err };
}

describe('pir CLI', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-cli-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reports no error or warning and exits 0 on a complete review', () => {
    const r = run(['lint', ...NOW, '--format', 'json', COMPLETE]);
    const findings = JSON.parse(r.out);
    assert.deepEqual(findings.filter((f: { severity: string }) => f.severity !== 'info'), []);
    assert.equal(r.code, 0);
  });

  it('reports the three headline problems, each on its own line, and exits 1', () => {
    const r = run(['lint', HEADLINE]);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    const lineOf = (rule: string) => lines.filter(l => l.trim().endsWith(rule));
    assert.equal(lineOf('missing-root-cause').length, 1);
    assert.equal(lineOf('vague-action').length, 1);
    assert.equal(lineOf('non-utc-timestamp').length, 1);
    assert.match(lineOf('non-utc-timestamp')[0], /^\s+27:3\s+warning\s+Timeline stamp "06:25 PST"/);
  });

  it('json: 1-based positions with file, rule, severity and message', () => {
    const r = run(['lint', '--format', 'json', HEADLINE]);
    const stamp = JSON.parse(r.out).find((f: { rule: string }) => f.rule === 'non-utc-timestamp');
    assert.deepEqual(Object.keys(stamp).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
    assert.deepEqual([stamp.line, stamp.column, stamp.endLine, stamp.endColumn], [27, 3, 27, 12]);
    assert.equal(stamp.file, path.relative(ROOT, HEADLINE));
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rule metadata and help links', () => {
    const r = run(['lint', '--format', 'sarif', HEADLINE]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log: any = JSON.parse(r.out);
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, log as object);
    assert.ok(valid, JSON.stringify(ajv.errors, null, 1));
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'vague-action');
    assert.match(rule.helpUri, /docs\/rules\/vague-action\.md$/);
    // the help links, the tool's home and package.json's repository name one host and one project
    const repo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
    for (const uri of [rule.helpUri, run0.tool.driver.informationUri]) assert.ok(uri.startsWith(repo), `${uri} is under ${repo}`);
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'missing-root-cause');
    assert.equal(res.level, 'error');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'missing-root-cause');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  });

  it('a directory means every *.pir.md below it, node_modules excluded', () => {
    fs.mkdirSync(path.join(tmp, 'a', 'node_modules'), { recursive: true });
    fs.copyFileSync(HEADLINE, path.join(tmp, 'a', 'one.pir.md'));
    fs.copyFileSync(HEADLINE, path.join(tmp, 'a', 'node_modules', 'skip.pir.md'));
    fs.writeFileSync(path.join(tmp, 'a', 'notes.md'), '# not a review');
    const files = new Set(JSON.parse(run(['lint', '--format', 'json', 'a'], tmp).out).map((f: { file: string }) => f.file));
    assert.deepEqual([...files], [path.join('a', 'one.pir.md')]);
  });

  it('a folder of existing postmortems (no *.pir.md) means every *.md below it, README skipped; their sections are recognised', () => {
    fs.mkdirSync(path.join(tmp, 'postmortems', '2025'), { recursive: true });
    const pm = ['# Queue outage', '', '**Summary:** the queue stopped for an hour.', '', '## What happened', '', 'A full disk stopped the broker.', '',
      '## Timeline (all times UTC)', '', '- 10:00 alert fires', '- 11:00 disk cleaned', '', '## Next steps', '', '- Alert on free disk below 15% on broker hosts', ''].join('\n');
    fs.writeFileSync(path.join(tmp, 'postmortems', '2025', 'queue.md'), pm);
    fs.writeFileSync(path.join(tmp, 'postmortems', 'README.md'), '# How we write postmortems');
    const findings = JSON.parse(run(['lint', '--format', 'json', 'postmortems'], tmp).out) as { file: string; rule: string; message: string }[];
    assert.deepEqual([...new Set(findings.map(f => f.file))], [path.join('postmortems', '2025', 'queue.md')]);
    const missing = findings.filter(f => f.rule === 'missing-section' || f.rule === 'missing-root-cause').map(f => (/"([^"]+)"/.exec(f.message) ?? [])[1]);
    for (const present of ['Summary', 'Timeline', 'Action items', 'Root cause']) assert.ok(!missing.includes(present), `${present}: ${missing}`);
    assert.ok(!findings.some(f => f.rule === 'non-utc-timestamp'), 'the timeline is declared UTC');
  });

  it('globs expand; usage errors exit 2 with a message', () => {
    fs.copyFileSync(HEADLINE, path.join(tmp, 'x.pir.md'));
    assert.equal(run(['lint', '*.pir.md'], tmp).code, 1);
    const missing = run(['lint', 'nope.pir.md'], tmp);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /No such file or directory: nope\.pir\.md/);
    assert.equal(run(['lint', '--format', 'xml', 'x.pir.md'], tmp).code, 2);
    assert.equal(run(['lint', '--bogus'], tmp).code, 2);
    assert.equal(run(['frobnicate'], tmp).code, 2);
  });

  it('.pir.yaml turns a rule off and changes a severity', () => {
    fs.copyFileSync(HEADLINE, path.join(tmp, 'x.pir.md'));
    fs.writeFileSync(path.join(tmp, '.pir.yaml'), 'rules:\n  missing-root-cause: warning\n  vague-action: off\n');
    const findings = JSON.parse(run(['lint', '--format', 'json', 'x.pir.md'], tmp).out);
    assert.ok(!findings.some((f: { rule: string }) => f.rule === 'vague-action'));
    assert.equal(findings.find((f: { rule: string }) => f.rule === 'missing-root-cause').severity, 'warning');
  });

  it('--fix applies automatic fixes atomically and leaves placeholders to the author', () => {
    const file = path.join(tmp, 'x.pir.md');
    fs.copyFileSync(HEADLINE, file);
    run(['lint', '--fix', 'x.pir.md'], tmp);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^- 14:25 UTC — On-call engineer/m, 'the stamp was converted');
    assert.match(text, /Communicate better with the on-call team\n?$/, 'the vague action is not rewritten with placeholders');
    assert.deepEqual(fs.readdirSync(tmp).filter(f => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('--fix never rewrites a file whose front matter it could not parse', () => {
    const file = path.join(tmp, 'x.pir.md');
    const broken = fs.readFileSync(HEADLINE, 'utf8').replace('severity: SEV2', 'severity: [SEV2');
    fs.writeFileSync(file, broken);
    const r = run(['lint', '--fix', 'x.pir.md'], tmp);
    assert.equal(r.code, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
  });

  it('a binary file renamed .pir.md gets a clear error, not a crash', () => {
    fs.writeFileSync(path.join(tmp, 'img.pir.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const r = run(['lint', 'img.pir.md'], tmp);
    assert.equal(r.code, 1);
    assert.match(r.out, /not text/);
  });

  it('the built bin exits with the same codes (1 on errors, 0 clean, 2 usage)', function () {
    const bin = path.join(ROOT, 'dist', 'cli.js');
    if (!fs.existsSync(bin)) this.skip();
    assert.equal(spawnSync(process.execPath, [bin, 'lint', HEADLINE]).status, 1);
    assert.equal(spawnSync(process.execPath, [bin, 'lint', ...NOW, COMPLETE]).status, 0);
    assert.equal(spawnSync(process.execPath, [bin, 'lint', '--format', 'nope', COMPLETE]).status, 2);
  });

  it('piped into a reader that stops early (| head), it neither crashes nor hides the errors', function () {
    const bin = path.join(ROOT, 'dist', 'cli.js');
    if (!fs.existsSync(bin)) this.skip();
    // a large SARIF log, of which the reader takes one byte
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" lint --format sarif "${HEADLINE}" | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
    assert.equal(r.status, 1, 'pir lint still exits 1: the review has errors');
  });

  it('--now sets "today": an open action becomes overdue once its due date has passed', () => {
    const overdue = (now: string) => JSON.parse(run(['lint', '--now', now, '--format', 'json', COMPLETE]).out)
      .filter((f: { rule: string }) => f.rule === 'action-overdue').length;
    assert.equal(overdue('2026-11-30'), 0);
    assert.ok(overdue('2030-01-01') > 0);
    const bad = run(['lint', '--now', 'soon', COMPLETE]);
    assert.equal(bad.code, 2);
    assert.equal(bad.err, 'pir: --now "soon" is not a date (use YYYY-MM-DD).\n');
  });
});

describe('pir CLI failures: one line, documented exit codes, never a stack trace', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-cli-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const oneLine = (err: string) => {
    assert.equal(err.trimEnd().split('\n').length, 1, `one line: ${err}`);
    assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
  };

  it('--output into a missing folder', () => {
    fs.copyFileSync(HEADLINE, path.join(tmp, 'x.pir.md'));
    const r = run(['lint', 'x.pir.md', '--output', 'reports/lint.sarif', '--format', 'sarif'], tmp);
    assert.equal(r.code, 2);
    oneLine(r.err);
    assert.equal(r.err, 'pir: Cannot write --output reports/lint.sarif: the folder reports does not exist.\n');
    const a = run(['actions', 'x.pir.md', '--output', 'out/actions.csv', '--format', 'csv'], tmp);
    assert.equal(a.code, 2);
    assert.match(a.err, /^pir: Cannot write --output out\/actions\.csv: the folder out does not exist\.$/m);
  });

  it('pir import of a missing file names the path as typed', () => {
    const r = run(['import', path.join('old', 'postmortem.md')], tmp);
    assert.equal(r.code, 2);
    assert.equal(r.err, `pir: No such file: ${path.join('old', 'postmortem.md')}\n`);
  });

  it('pir import of a binary or non-UTF-8 file is refused as pir lint refuses it', () => {
    fs.writeFileSync(path.join(tmp, 'shot.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    fs.writeFileSync(path.join(tmp, 'latin1.md'), Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xe9 : 0xfc))));
    for (const f of ['shot.md', 'latin1.md']) {
      const r = run(['import', f], tmp);
      assert.equal(r.code, 2, f);
      oneLine(r.err);
      assert.equal(r.err, `pir: ${f} is not a text file: pir import reads a UTF-8 Markdown postmortem.\n`);
      assert.equal(r.out, '', 'nothing is printed as a review');
    }
  });

  it('pir actions / pir report over a binary file report it, fail, and invent no review', () => {
    fs.copyFileSync(HEADLINE, path.join(tmp, 'x.pir.md'));
    fs.writeFileSync(path.join(tmp, 'img.pir.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const a = run(['actions', '.', '--format', 'json', ...NOW], tmp);
    assert.equal(a.code, 1);
    assert.equal(a.err, 'pir: img.pir.md: not a text file (a review is UTF-8 Markdown); left out of the register.\n');
    assert.ok(JSON.parse(a.out).length > 0, 'the readable review is still in the register');
    const r = run(['report', '.', '--format', 'json', ...NOW], tmp);
    assert.equal(r.code, 1);
    assert.match(r.err, /^pir: img\.pir\.md: not a text file .*left out of the report\.$/m);
    assert.doesNotMatch(r.out, /"id": ""/, 'no review with an empty id');
  });

  it('pir lint over a folder or glob without reviews exits 2: a mistyped path cannot pass CI', () => {
    // neither a review nor a Markdown postmortem: a README is not one, nor are other files
    fs.mkdirSync(path.join(tmp, 'docs'));
    fs.writeFileSync(path.join(tmp, 'docs', 'README.md'), '# docs\n');
    fs.writeFileSync(path.join(tmp, 'docs', 'notes.txt'), 'notes\n');
    const dir = run(['lint', 'docs'], tmp);
    assert.equal(dir.code, 2);
    assert.equal(dir.err, 'pir: No reviews found in docs (a review is a *.pir.md file, or a Markdown postmortem in a folder of them).\n');
    const glob = run(['lint', 'reviews/**/*.pir.md'], tmp);
    assert.equal(glob.code, 2);
    assert.equal(glob.err, 'pir: No files match "reviews/**/*.pir.md".\n');
    assert.equal(run(['lint'], path.join(tmp, 'docs')).code, 2, 'no path and no review in the current folder');
  });

  it('unknown options and missing values: one balanced line', () => {
    const u = run(['lint', '--fxi', '.'], tmp);
    assert.equal(u.code, 2);
    assert.equal(u.err, 'pir: Unknown option --fxi (pir --help lists the options).\n');
    const v = run(['lint', '--format'], tmp);
    assert.equal(v.code, 2);
    assert.equal(v.err, 'pir: Option --format needs a value (pir --help).\n');
    for (const err of [u.err, v.err]) assert.equal((err.match(/"/g) ?? []).length % 2, 0, 'quotes balanced');
  });

  it('a missing --config file', () => {
    fs.copyFileSync(HEADLINE, path.join(tmp, 'x.pir.md'));
    const r = run(['lint', 'x.pir.md', '--config', path.join(tmp, 'team.pir.yaml')], tmp);
    assert.equal(r.code, 2);
    oneLine(r.err);
    assert.match(r.err, /^pir: No such configuration file: .*team\.pir\.yaml$/m);
  });

  it('an internal error exits 3 (not 2, a usage error) with one line asking for a report', () => {
    fs.copyFileSync(HEADLINE, path.join(tmp, 'x.pir.md'));
    let err = '';
    const code = main(['lint', 'x.pir.md'], { out: () => { throw new TypeError('boom'); }, err: s => { err += s + '\n'; }, isTTY: false, cwd: tmp });
    assert.equal(code, EXIT_INTERNAL);
    assert.equal(code, 3);
    oneLine(err);
    assert.match(err, /^pir: internal error: boom — this is a bug in pir; please report it/);
  });
});
