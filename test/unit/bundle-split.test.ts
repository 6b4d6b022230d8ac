/**
 * The Node extension's three files (scripts/build/extension-split.mjs): activation loads the entry
 * alone; dist/core.js comes with the first lint, dist/commands.js with the first command that needs
 * it, and commands.js takes every module it shares with core.js from core.js (one copy of the
 * parser, the calendar, the ticket model). An eager `import` of src/core from src/extension would
 * load core.js at activation and undo the activation budget (docs/performance.md) unseen: this
 * test builds the extension as `npm run build` does and activates it in a stand-in host.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('extension bundle: entry, core.js and commands.js', function () {
  this.timeout(120_000);
  let out: string;

  before(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'pir-split-'));
    const { buildSplitExtension } = await import(path.join(ROOT, 'scripts', 'build', 'extension-split.mjs'));
    const { taggerExternal } = await import(path.join(ROOT, 'scripts', 'build', 'tagger-split.mjs'));
    const define = { PIR_VERSION: '"0.0.0"', PIR_TEST_HOOKS: 'false', 'import.meta.url': '__pirImportMetaUrl' };
    await buildSplitExtension({
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', legalComments: 'none', define,
      banner: { js: "const __pirImportMetaUrl = require('url').pathToFileURL(__filename).href;" }, external: ['vscode'], plugins: [taggerExternal],
    }, { root: ROOT, outdir: out });
  });

  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('activation requires the entry only: no core.js, no commands.js', () => {
    const stdout = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'activate-stub.cjs'), path.join(out, 'extension.js')], { cwd: ROOT, encoding: 'utf8' });
    const { loaded } = JSON.parse(stdout.trim().split('\n').pop()!) as { loaded: string[] };
    assert.deepStrictEqual(loaded, ['extension.js']);
  });

  it('commands.js bundles the command-only modules and takes the analysis core from core.js', () => {
    const commands = fs.readFileSync(path.join(out, 'commands.js'), 'utf8');
    assert.match(commands, /require\("\.\/core\.js"\)\.modules\["\.\/parse\/review\.ts"\]/, 'the parser comes from core.js');
    assert.doesNotMatch(commands, /^\/\/ src\/core\/parse\/review\.ts$/m, 'the parser is not bundled a second time');
    assert.match(commands, /^\/\/ src\/core\/import\/convert\.ts$/m);
    const core = fs.readFileSync(path.join(out, 'core.js'), 'utf8');
    assert.doesNotMatch(core, /^\/\/ src\/core\/import\/convert\.ts$/m, 'the importer is not in core.js');
    assert.doesNotMatch(core, /^\/\/ node_modules\/csv-stringify\//m, 'nor the CSV writer');
  });

  it('the command-only core works through the two files, with one copy of shared modules', () => {
    const script = `
      const core = require(${JSON.stringify(path.join(out, 'core.js'))}).modules;
      const commands = require(${JSON.stringify(path.join(out, 'commands.js'))}).modules['./commands.ts'];
      const r = commands.importPostmortem('# Queue lag\\n\\n## Action items\\n\\n- Alert when consumer lag exceeds 5 minutes\\n', {});
      const review = core['./index.ts'].parseReview(r.text);
      process.stdout.write(JSON.stringify({ actions: review.actions.length, csv: commands.actionsToCsv([]).split('\\n')[0].startsWith('id,') }));
    `;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { actions: number; csv: boolean };
    assert.deepStrictEqual(result, { actions: 1, csv: true });
  });
});
