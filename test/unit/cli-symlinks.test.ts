// The CLI and symbolic links a repository can hold (issue 20): a link never makes `pir` read files
// outside the tree it was given, walk the file system, or write anywhere but a regular file inside
// the tree. Real links in temporary folders, dangling ones and a link to `/` included.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { expandInputs } from '../../src/cli/files';
import { safeWriteFile, WriteRefused } from '../../src/cli/safeWrite';
import { FIXTURES } from './helpers/fixtures';

const HEADLINE = fs.readFileSync(path.join(FIXTURES, 'cli', 'headline-problems.pir.md'), 'utf8');
const SECRET = 'AWS_SECRET_ACCESS_KEY=not-a-real-key\n';

function run(args: string[], cwd: string) {
  let out = '', err = '';
  const code = main(args, { out: s => { out += s + '\n'; }, err: s => { err += s + '\n'; }, isTTY: false, cwd });
  return { code, out, err };
}

const canLink = (() => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-link-probe-'));
  try { fs.symlinkSync('x', path.join(d, 'l')); return true; } catch { return false; } finally { fs.rmSync(d, { recursive: true, force: true }); }
})();

(canLink ? describe : describe.skip)('pir CLI and symbolic links', () => {
  let tmp: string, repo: string, outside: string;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pir-links-')));
    repo = path.join(tmp, 'repo'); outside = path.join(tmp, 'outside');
    fs.mkdirSync(repo); fs.mkdirSync(outside);
    fs.writeFileSync(path.join(repo, 'own.pir.md'), HEADLINE);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('lint of one review does not read a sibling that links outside the checkout (its IDs are not consulted)', () => {
    // the same review id and action IDs outside, reached through a link named like a sibling review
    fs.writeFileSync(path.join(outside, 'secret.pir.md'), HEADLINE);
    fs.symlinkSync(path.join(outside, 'secret.pir.md'), path.join(repo, 'sibling.pir.md'));
    const r = run(['lint', '--format', 'json', 'own.pir.md'], repo);
    const rules = JSON.parse(r.out).map((f: { rule: string }) => f.rule);
    assert.ok(!rules.includes('duplicate-review-id') && !rules.includes('duplicate-action-id'), rules.join(', '));
    // a regular sibling with the same IDs is consulted
    fs.rmSync(path.join(repo, 'sibling.pir.md'));
    fs.writeFileSync(path.join(repo, 'sibling.pir.md'), HEADLINE);
    const again = JSON.parse(run(['lint', '--format', 'json', 'own.pir.md'], repo).out).map((f: { rule: string }) => f.rule);
    assert.ok(again.includes('duplicate-review-id') || again.includes('duplicate-action-id'), again.join(', '));
  });

  it('lint --fix . does not follow a linked directory outside the checkout: its reviews stay as they were', () => {
    fs.writeFileSync(path.join(outside, 'victim.pir.md'), HEADLINE);
    fs.symlinkSync(outside, path.join(repo, 'linked'), 'dir');
    const r = run(['lint', '--fix', '--format', 'json', '.'], repo);
    assert.equal(fs.readFileSync(path.join(outside, 'victim.pir.md'), 'utf8'), HEADLINE, 'the file outside is untouched');
    assert.deepEqual(JSON.parse(r.out).map((f: { file: string }) => path.basename(f.file)).filter((f: string) => f !== 'own.pir.md'), []);
    assert.match(fs.readFileSync(path.join(repo, 'own.pir.md'), 'utf8'), /14:25 UTC/, 'the review inside was fixed');
  });

  it('a review that is a link to a file outside is skipped with one message: its content never reaches the output or the repository', () => {
    fs.writeFileSync(path.join(outside, 'secret.env'), SECRET);
    fs.symlinkSync(path.join(outside, 'secret.env'), path.join(repo, 'notes.pir.md'));
    for (const args of [['lint', '--fix', '.'], ['lint', '--fix', 'notes.pir.md'], ['lint', '--fix', '*.pir.md'], ['actions', '--format', 'md', '.']]) {
      const r = run(args, repo);
      // a glob does not match links at all (tinyglobby, followSymbolicLinks: false): no message there
      if (!args.includes('*.pir.md')) {
        assert.equal(r.err.split('\n').filter(l => l.includes('notes.pir.md')).length, 1, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err, /pir: skipped notes\.pir\.md: it is a symbolic link that leads outside/);
      }
      assert.ok(!r.out.includes('AWS_SECRET'), 'the secret is not printed');
      assert.ok(fs.lstatSync(path.join(repo, 'notes.pir.md')).isSymbolicLink(), 'the link is still a link');
      assert.equal(fs.readFileSync(path.join(outside, 'secret.env'), 'utf8'), SECRET);
    }
  });

  it('a link to / is not walked: the run ends at once with the checkout\'s own reviews', () => {
    fs.symlinkSync('/', path.join(repo, 'root'), 'dir');
    const t = Date.now();
    const r = run(['lint', '--format', 'json', '.'], repo);
    assert.ok(Date.now() - t < 5000, `${Date.now() - t} ms`);
    assert.deepEqual([...new Set(JSON.parse(r.out).map((f: { file: string }) => path.basename(f.file)))], ['own.pir.md']);
  });

  it('a dangling link named like a review is skipped with one message', () => {
    fs.symlinkSync(path.join(outside, 'gone.pir.md'), path.join(repo, 'gone.pir.md'));
    const r = run(['lint', '--format', 'json', '.'], repo);
    assert.match(r.err, /skipped gone\.pir\.md: it is a symbolic link to nothing/);
    const named = run(['lint', 'gone.pir.md'], repo);
    assert.match(named.err, /skipped gone\.pir\.md: it is a symbolic link to nothing/);
    assert.equal(fs.existsSync(path.join(outside, 'gone.pir.md')), false);
  });

  it('lint --fix does not replace a linked review (inside the tree) by a regular file: one finding says why', () => {
    fs.mkdirSync(path.join(repo, 'real'));
    fs.writeFileSync(path.join(repo, 'real', 'target.pir.md'), HEADLINE);
    fs.symlinkSync(path.join('real', 'target.pir.md'), path.join(repo, 'alias.pir.md'));
    const r = run(['lint', '--fix', '--format', 'json', 'alias.pir.md'], repo);
    assert.ok(fs.lstatSync(path.join(repo, 'alias.pir.md')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(repo, 'real', 'target.pir.md'), 'utf8'), HEADLINE);
    const refused = JSON.parse(r.out).filter((f: { rule: string }) => f.rule === 'unwritable-file');
    assert.equal(refused.length, 1);
    assert.match(refused[0].message, /symbolic link/);
    assert.equal(r.code, 1);
  });

  for (const kind of ['a link to a file outside', 'a dangling link']) {
    it(`--output over ${kind} is refused in one line; nothing outside is written`, () => {
      const target = path.join(outside, 'victim.txt');
      if (kind === 'a link to a file outside') fs.writeFileSync(target, 'keep me\n');
      fs.symlinkSync(target, path.join(repo, 'report.sarif'));
      for (const args of [['lint', '--format', 'sarif', '--output', 'report.sarif', '.'], ['report', '--output', 'report.sarif', '.'], ['actions', '--output', 'report.sarif', '.']]) {
        const r = run(args, repo);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.err.trim().split('\n').length, 1, r.err);
        assert.match(r.err, /^pir: refusing to write report\.sarif: it is a symbolic link \(to .*victim\.txt\); pir never writes through a link\.$/m);
        if (kind === 'a dangling link') assert.equal(fs.existsSync(target), false);
        else assert.equal(fs.readFileSync(target, 'utf8'), 'keep me\n');
      }
    });
  }

  it('import --out refuses a dangling link and an existing file, and writes a new file', () => {
    fs.writeFileSync(path.join(repo, 'pm.md'), '# Outage\n\n## Summary\n\nThe API failed.\n');
    fs.symlinkSync(path.join(outside, 'planted.pir.md'), path.join(repo, 'pm.pir.md'));
    const r = run(['import', 'pm.md', '--out', 'pm.pir.md'], repo);
    assert.equal(r.code, 2);
    assert.match(r.err, /refusing to write pm\.pir\.md: it is a symbolic link/);
    assert.equal(fs.existsSync(path.join(outside, 'planted.pir.md')), false);
    assert.equal(run(['import', 'pm.md', '--out', 'own.pir.md'], repo).code, 2);
    assert.equal(fs.readFileSync(path.join(repo, 'own.pir.md'), 'utf8'), HEADLINE);
    assert.equal(run(['import', 'pm.md', '--out', 'new.pir.md'], repo).code, 0);
    assert.match(fs.readFileSync(path.join(repo, 'new.pir.md'), 'utf8'), /## Summary/);
  });

  it('safeWriteFile: refuses a folder that leads outside the root, keeps the mode, leaves no temporary file', () => {
    fs.symlinkSync(outside, path.join(repo, 'out'), 'dir');
    assert.throws(() => safeWriteFile(path.join(repo, 'out', 'x.md'), 'x', { root: repo }), (e: Error) => e instanceof WriteRefused && /leads outside/.test(e.message));
    assert.equal(fs.existsSync(path.join(outside, 'x.md')), false);
    const f = path.join(repo, 'own.pir.md');
    fs.chmodSync(f, 0o640);
    safeWriteFile(f, 'new', { root: repo });
    assert.equal(fs.statSync(f).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(repo).filter(n => n.endsWith('.tmp')), []);
    assert.throws(() => safeWriteFile(repo, 'x'), /not a regular file/);
  });

  it('expandInputs names each skipped link once', () => {
    fs.symlinkSync(path.join(outside, 'nothing'), path.join(repo, 'a.pir.md'));
    fs.writeFileSync(path.join(outside, 'b.pir.md'), HEADLINE);
    fs.symlinkSync(path.join(outside, 'b.pir.md'), path.join(repo, 'b.pir.md'));
    const warnings: string[] = [];
    const files = expandInputs(['.'], repo, m => warnings.push(m));
    assert.deepEqual(files.map(f => path.basename(f)), ['own.pir.md']);
    assert.equal(warnings.length, 2, warnings.join('\n'));
  });

  it('a glob that would make the matcher backtrack is refused in one line', () => {
    const t = Date.now();
    const r = run(['lint', '**/*?*?*?*?*?*?*?*?*?*?*?*?*?*?x'], repo);
    assert.equal(r.code, 2);
    assert.match(r.err, /^pir: The pattern "\*\*\/\*\?.*" is refused: it has more than 2 "\*" wildcards in one path segment/);
    assert.ok(Date.now() - t < 2000);
  });
});
