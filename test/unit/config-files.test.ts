/** The one `.pir.yaml` resolver (core/configFiles) and the CLI's use of it: nearest file wins, the search stops at the boundary. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AsyncConfigResolver, ConfigResolver, type ConfigFileSystem } from '../../src/core/configFiles';
import { ConfigResolver as CliResolver } from '../../src/cli/config';

function memoryFs(files: Record<string, string>, boundary: string): ConfigFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    parent: d => (d === '/' ? undefined : d.slice(0, d.lastIndexOf('/')) || '/'),
    join: (d, n) => (d === '/' ? `/${n}` : `${d}/${n}`),
    read: f => { reads.push(f); return files[f]; },
    isBoundary: d => d === boundary,
  };
}

describe('.pir.yaml resolver (core/configFiles)', () => {
  const files = {
    '/.pir.yaml': 'defaultTimezone: Asia/Tokyo\n',
    '/repo/.pir.yaml': 'defaultTimezone: Europe/Berlin\n',
    '/repo/team/.pir.yaml': 'defaultTimezone: America/New_York\ncolour: blue\n',
  };
  it('the nearest file wins; nothing above the boundary is read', () => {
    const fsys = memoryFs(files, '/repo');
    const r = new ConfigResolver(fsys);
    assert.equal(r.forDir('/repo/team/reviews').config.defaultTimezone, 'America/New_York');
    assert.equal(r.forDir('/repo/other').config.defaultTimezone, 'Europe/Berlin');
    assert.equal(r.forDir('/repo/other').file, '/repo/.pir.yaml');
    assert.ok(!fsys.reads.includes('/.pir.yaml'));
    const none = new ConfigResolver(memoryFs({ '/.pir.yaml': files['/.pir.yaml'] }, '/repo'));
    assert.equal(none.forDir('/repo/x').file, undefined);
    assert.equal(none.forDir('/repo/x').config.defaultTimezone, undefined);
  });
  it('the file\'s problems come with it', () => {
    const r = new ConfigResolver(memoryFs(files, '/repo'));
    assert.ok(r.forDir('/repo/team').findings.length > 0);
  });
  it('the asynchronous resolver reads the same', async () => {
    const m = memoryFs(files, '/repo');
    const r = new AsyncConfigResolver({ ...m, read: async f => m.read(f) });
    assert.equal((await r.forDir('/repo/team/reviews')).config.defaultTimezone, 'America/New_York');
    assert.equal((await r.forDir('/repo/a/b')).file, '/repo/.pir.yaml');
  });
  it('the CLI stops at the repository root (a folder with .git), not at /', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-cfg-'));
    try {
      fs.writeFileSync(path.join(root, '.pir.yaml'), 'defaultTimezone: Asia/Tokyo\n');
      const repo = path.join(root, 'repo');
      fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
      fs.mkdirSync(path.join(repo, 'reviews'));
      const file = path.join(repo, 'reviews', 'a.pir.md');
      assert.equal(new CliResolver().resolve(file).file, undefined);
      fs.writeFileSync(path.join(repo, '.pir.yaml'), 'defaultTimezone: Europe/Berlin\n');
      assert.equal(new CliResolver().resolve(file).config.defaultTimezone, 'Europe/Berlin');
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});
