#!/usr/bin/env node
// UI tests of the timeline editor in a real VS Code (code-server + headless Chromium, driven by
// Playwright through test/integration/runner/run-code-server.mjs), like a user: open a review,
// open the timeline editor from the command palette, add an entry in the webview, check the text
// document changed, undo in the text editor, type in the text editor and see the webview follow,
// and check that a hostile description shows as text and runs nothing. Takes the screenshots
// media/screenshots/timeline-light.png and timeline-dark.png.
//
// Usage: node test/integration/suites/timeline/ui.mjs [--no-screenshots] [--verbose] [--keep-temp]
// Needs `npm run build` and `node scripts/vscode-env.mjs` first. Prints `N passed, N failed`.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { withVSCode, PROJECT_ROOT } from '../../runner/run-code-server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REVIEW = '2026-11-20-checkout-config-push.pir.md';
const CLOSE = '2026-11-26-dns-failover.pir.md';
const args = process.argv.slice(2);
const SCREENSHOTS = !args.includes('--no-screenshots');
const SHOT_DIR = join(PROJECT_ROOT, 'media', 'screenshots');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn, what, timeoutMs = 20_000, everyMs = 150) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(everyMs);
  }
}

// ------------------------------------------------------------------ a tiny test runner

const results = { passed: 0, failed: 0, failures: [] };
let currentPage;
const FAIL_DIR = join(PROJECT_ROOT, 'out', 'screenshots', 'timeline-ui');
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.failed++;
    results.failures.push({ title: name, error: e.stack || e.message });
    if (currentPage) {
      mkdirSync(FAIL_DIR, { recursive: true });
      await currentPage.screenshot({ path: join(FAIL_DIR, `${name.replace(/[^\w]+/g, '_').slice(0, 60)}.png`) }).catch(() => {});
    }
    console.log(`  ✗ ${name}\n${String(e.stack || e.message).replace(/^/gm, '      ')}`);
  }
}

// ------------------------------------------------------------------ workbench helpers

async function palette(page, text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${text}`);
  await sleep(400);
  await page.keyboard.press('Enter');
}

async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await sleep(300);
  await page.keyboard.press('Enter');
}

/** The frame with the timeline editor's content (inside the `iframe.webview` frames). */
async function timelineFrame(page) {
  return waitFor(async () => {
    for (const f of page.frames()) {
      try {
        if (await f.$('#app ol.entries, #app .empty')) return f;
      } catch { /* detached */ }
    }
    return undefined;
  }, 'the timeline webview', 30_000);
}

const rowCount = (frame) => frame.$$eval('ol.entries li[data-row]', (rs) => rs.length);
const descriptions = (frame) => frame.$$eval('ol.entries li[data-row] .e-desc vscode-textfield', (fs) => fs.map((f) => f.value));

/** The text editor of the review (left group). */
function textEditor(page) {
  return page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first();
}

async function focusTextEditor(page) {
  // clicking the text editor's tab focuses the editor, wherever it is scrolled
  await page.locator('.editor-group-container').first().locator('.tab').first().click();
  await sleep(250);
}

async function saveAndRead(page, file) {
  await focusTextEditor(page);
  await page.keyboard.press('Control+S');
  await sleep(800);
  return readFileSync(file, 'utf8');
}

async function addEntry(frame, { time, description, link }) {
  if (time) await frame.fill('#new-time input', time);
  await frame.fill('#new-description input', description);
  if (link !== undefined) await frame.fill('#new-link input', link);
  await frame.click('#add');
}

// ------------------------------------------------------------------ the suite

async function main() {
  const parent = mkdtempSync(join(tmpdir(), 'pir-ws-timeline-'));
  const workspace = join(parent, 'reviews');
  mkdirSync(workspace);
  cpSync(join(HERE, 'workspace'), workspace, { recursive: true });
  const file = join(workspace, REVIEW);
  const original = readFileSync(file, 'utf8');
  if (SCREENSHOTS) mkdirSync(SHOT_DIR, { recursive: true });
  console.log('=== suite timeline-ui (webview, Playwright) ===');

  try {
    await withVSCode({
      name: 'timeline-ui',
      extension: PROJECT_ROOT,
      workspace,
      settings: {
        'workbench.colorTheme': 'Default Light Modern',
        'editor.minimap.enabled': false,
        'workbench.editor.enablePreview': false,
        'breadcrumbs.enabled': false,
        'files.autoSave': 'off',
        'window.commandCenter': false,
        // the tests move the cursor with Ctrl+G and End, which on a wrapped line stops at the
        // end of the visual line (reviews wrap by default, as Markdown does)
        '[pir]': { 'editor.wordWrap': 'off' },
      },
      viewport: { width: 1680, height: 1050 },
      verbose: args.includes('--verbose'),
      keepTemp: args.includes('--keep-temp'),
      timeoutMs: 8 * 60_000,
    }, async ({ page, tempDir }) => {
      currentPage = page;
      const dialogs = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await sleep(2500);

      let frame;
      await test('opens the review and the timeline editor from the command palette', async () => {
        await quickOpen(page, REVIEW);
        await page.locator('.tab', { hasText: REVIEW }).first().waitFor({ timeout: 20_000 });
        await sleep(1500);
        await palette(page, 'PIR: Open Timeline Editor');
        frame = await timelineFrame(page);
        await waitFor(async () => (await rowCount(frame)) === 20, '20 rows');
        // the text editor stays open beside it
        assert.equal(await page.locator('.editor-group-container').count(), 2);
        // milestones and the picture are there
        const summary = await frame.textContent('figure figcaption');
        assert.match(summary, /Time to detect 7 min · Time to mitigate 45 min · Time to resolve 1 h 35 min/);
      });

      await test('shows the non-UTC stamp finding on its row and the author\'s local time', async () => {
        const row = frame.locator('li[data-row="2"]');
        assert.match(await row.textContent(), /written as "14:52 CET"/);
        const findings = await frame.textContent('li[data-row="2"] ul.findings');
        assert.match(findings, /non-utc-timestamp/);
        assert.match(await frame.textContent('li[data-row="0"] .local'), /\d/);
      });

      await test('adds an entry in the webview; the text document changes; undo in the text editor removes it', async () => {
        await addEntry(frame, { time: '2026-11-20 14:03', description: 'Added from the timeline editor' });
        await waitFor(async () => (await rowCount(frame)) === 21, 'a 21st row');
        const ds = await descriptions(frame);
        assert.equal(ds[6], 'Added from the timeline editor', 'inserted in time order');
        // the tab is dirty, the text has the line as an author would type it
        await waitFor(() => page.locator('.tab.dirty').count(), 'a dirty tab');
        let text = await saveAndRead(page, file);
        assert.ok(text.includes('\n- 14:02 UTC — Alert checkout_5xx_rate fires and pages the checkout on-call, Tomás Herrera [detected]\n- 14:03 UTC — Added from the timeline editor\n- 14:06 UTC'), 'the new line sits after 14:02');
        assert.equal(text.split('\n').length, original.split('\n').length + 1, 'exactly one line added');
        // undo (in the text editor) and save
        await focusTextEditor(page);
        await page.keyboard.press('Control+Z');
        await waitFor(async () => (await rowCount(frame)) === 20, 'the webview follows the undo');
        text = await saveAndRead(page, file);
        assert.equal(text, original, 'undo restores the file byte for byte');
      });

      await test('typing in the text editor shows in the webview at once', async () => {
        await focusTextEditor(page);
        const lines = original.split('\n');
        const n = lines.findIndex((l) => l.startsWith('- 15:30 UTC')) + 1;
        await page.keyboard.press('Control+G');
        await page.keyboard.type(String(n));
        await page.keyboard.press('Enter');
        await page.keyboard.press('End');
        for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowLeft'); // before " [resolved]"
        await page.keyboard.type('-typed');
        await waitFor(async () => (await descriptions(frame))[19]?.endsWith('status page is resolved-typed'), 'the edit in the webview', 15_000);
        await page.keyboard.press('Control+Z');
        await waitFor(async () => (await descriptions(frame))[19]?.endsWith('status page is resolved'), 'the undo in the webview', 15_000);
        assert.equal(await saveAndRead(page, file), original);
      });

      await test('edits, moves and deletes rows from the webview', async () => {
        // milestone select: change row 3's tag via the edit intent path (keyboard: focus + type)
        const desc = frame.locator('li[data-row="4"] .e-desc vscode-textfield input');
        await desc.fill('Settings revision published (edited here)');
        await desc.press('Enter');
        await desc.press('Tab');
        await waitFor(async () => (await descriptions(frame))[4] === 'Settings revision published (edited here)', 'the edited description', 15_000);
        await frame.click('[data-key="4:down"]');
        await waitFor(async () => (await descriptions(frame))[5] === 'Settings revision published (edited here)', 'moved down', 15_000);
        await frame.click('[data-key="5:delete"]');
        await waitFor(async () => (await rowCount(frame)) === 19, 'deleted', 15_000);
        let text = await saveAndRead(page, file);
        assert.ok(!text.includes('Settings revision published') && !text.includes('checkout_5xx_rate crosses 5%'));
        // undo three times: back to the original
        await focusTextEditor(page);
        for (let i = 0; i < 3; i++) { await page.keyboard.press('Control+Z'); await sleep(150); }
        text = await saveAndRead(page, file);
        assert.equal(text, original);
      });

      await test('a hostile description shows as text and runs nothing', async () => {
        await frame.evaluate(() => { window.__alerted = 0; window.alert = () => { window.__alerted++; }; });
        const elementsBefore = await frame.$$eval('img, script, iframe, object, embed', (els) => els.length);
        const hostile = '<img src=x onerror=alert(1)></script><script>alert(2)</script> [click](javascript:alert(3))';
        // a javascript: source link is refused in the form
        await addEntry(frame, { time: '2026-11-20 15:31', description: hostile, link: 'javascript:alert(4)' });
        await waitFor(async () => /must start with http/.test(await frame.textContent('#status')), 'the link refused');
        await frame.fill('#new-link input', '');
        await frame.click('#add');
        await waitFor(async () => (await rowCount(frame)) === 21, 'the hostile row', 15_000);
        await sleep(800);
        const ds = await descriptions(frame);
        assert.equal(ds[20], hostile, 'shown verbatim, as text');
        assert.equal(await frame.$$eval('img, script, iframe, object, embed', (els) => els.length), elementsBefore, 'no element was created from the text');
        assert.equal(await frame.$$eval('img', (els) => els.length), 0);
        assert.equal(await frame.$$eval('a[href^="javascript:"]', (els) => els.length), 0);
        assert.equal(await frame.evaluate(() => window.__alerted), 0, 'no script ran in the webview');
        assert.deepEqual(dialogs, []);
        // the picture's tooltip has it as text too
        const titles = await frame.$$eval('svg.picture circle title', (ts) => ts.map((t) => t.textContent));
        assert.ok(titles.some((t) => t.includes('<img src=x onerror=alert(1)>')));
        // no link button offered for the javascript: link inside the text
        assert.equal(await frame.locator('li[data-row="20"] .e-link vscode-button').count(), 0);
        const text = await saveAndRead(page, file);
        assert.ok(text.includes(`- 15:31 UTC — ${hostile}\n`));
        await focusTextEditor(page);
        await page.keyboard.press('Control+Z');
        assert.equal(await saveAndRead(page, file), original);
      });

      await test('converts the CET stamp to UTC from the row', async () => {
        await frame.click('[data-key="2:convert"]');
        await waitFor(async () => !(await frame.textContent('li[data-row="2"]')).includes('written as'), 'converted', 15_000);
        const text = await saveAndRead(page, file);
        assert.ok(text.includes('\n- 13:52 UTC — settings-service publishes revision r-8841; checkout-api pods poll for settings every 60 to 180 seconds and begin loading it\n'));
        await focusTextEditor(page);
        await page.keyboard.press('Control+Z');
        assert.equal(await saveAndRead(page, file), original);
      });

      await test('a time typed with its zone ("14:58 CET") is converted to UTC; an ambiguous one is refused with the reason', async () => {
        const time = frame.locator('li[data-row="4"] .e-time vscode-textfield input');
        await time.fill('14:58 CET');
        await time.press('Enter');
        // the field shows the time in UTC once the document has it
        const timeOf = () => frame.$eval('li[data-row="4"] .e-time vscode-textfield', (f) => f.value);
        await waitFor(async () => (await timeOf()) === '2026-11-20 13:58', 'the time field in UTC', 15_000);
        let text = await saveAndRead(page, file);
        assert.ok(text.includes('\n- 13:58 UTC — checkout_5xx_rate crosses 5%; the alert enters its 5-minute pending window\n'), 'written in UTC');
        const again = frame.locator('li[data-row="4"] .e-time vscode-textfield input');
        await again.fill('2026-11-20 14:58 IST');
        await again.press('Enter');
        await waitFor(async () => /"IST" is ambiguous/.test(await frame.textContent('#status')), 'the refusal', 15_000);
        text = await saveAndRead(page, file);
        assert.ok(text.includes('\n- 13:58 UTC — checkout_5xx_rate crosses 5%'), 'nothing changed by the refused time');
        await focusTextEditor(page);
        await page.keyboard.press('Control+Z');
        assert.equal(await saveAndRead(page, file), original);
      });

      await test('exports the picture as SVG next to the review', async () => {
        const svgFile = join(workspace, REVIEW.replace(/\.pir\.md$/, '.timeline.svg'));
        await frame.click('#export');
        const svg = await waitFor(() => { try { return readFileSync(svgFile, 'utf8'); } catch { return undefined; } }, 'the SVG file', 10_000);
        assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
        assert.match(svg, /Time to detect 7 min · Time to mitigate 45 min · Time to resolve 1 h 35 min/);
        assert.ok(!/<script|javascript:|on\w+=/i.test(svg));
        if (SCREENSHOTS) cpSync(svgFile, join(PROJECT_ROOT, 'out', 'screenshots', 'timeline-export.svg'));
        await page.keyboard.press('Escape');
      });

      if (SCREENSHOTS) {
        await test('screenshots in light and dark themes', async () => {
          await page.keyboard.press('Escape');
          // the timeline section of the text beside the editor, the webview from its top
          await focusTextEditor(page);
          await page.keyboard.press('Control+G');
          await page.keyboard.type('72');
          await page.keyboard.press('Enter');
          await page.keyboard.press('Control+Home');
          await page.keyboard.press('Control+G');
          await page.keyboard.type('100');
          await page.keyboard.press('Enter');
          await page.keyboard.press('Control+G');
          await page.keyboard.type('84');
          await page.keyboard.press('Enter');
          await frame.click('li[data-row="2"] .e-desc vscode-textfield');
          await frame.evaluate(() => window.scrollTo(0, 0));
          await sleep(1200);
          await page.screenshot({ path: join(SHOT_DIR, 'timeline-light.png') });
          // switch the theme like a user: Preferences: Color Theme
          await focusTextEditor(page);
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+T');
          await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
          await sleep(500);
          await page.locator('.quick-input-widget input').fill('Dark Modern');
          await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().click();
          await waitFor(() => page.locator('.monaco-workbench.vs-dark').count(), 'the dark theme', 20_000);
          await sleep(1500);
          await frame.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: join(SHOT_DIR, 'timeline-dark.png') });
          console.log(`    screenshots in ${SHOT_DIR}`);
        });
      }

      await test('close milestones: the picture\'s labels do not overprint ("mitigated 02:03", "resolved 02:05")', async () => {
        await quickOpen(page, CLOSE);
        await page.locator('.tab', { hasText: CLOSE }).first().waitFor({ timeout: 20_000 });
        await sleep(1000);
        await palette(page, 'PIR: Open Timeline Editor');
        const close = await waitFor(async () => {
          for (const f of page.frames()) {
            try { if (await f.$('#app ol.entries') && /Time to resolve 7 min/.test(await f.textContent('figure figcaption'))) return f; } catch { /* detached */ }
          }
          return undefined;
        }, 'the timeline of the close milestones', 30_000);
        const boxes = await close.$$eval('svg.picture text.milestone-label', (ts) => ts.map((t) => { const b = t.getBBox(); return { text: t.textContent, x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height }; }));
        assert.equal(boxes.length, 4);
        for (const a of boxes) for (const b of boxes) {
          if (a === b) continue;
          const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          assert.ok(!overlap, `${a.text} and ${b.text} overlap: ${JSON.stringify(boxes)}`);
        }
        if (SCREENSHOTS) {
          await close.evaluate(() => window.scrollTo(0, 0));
          await sleep(800);
          await close.locator('figure').screenshot({ path: join(SHOT_DIR, 'timeline-close-milestones.png') });
        }
      });
    });
  } catch (e) {
    results.failed++;
    results.failures.push({ title: 'suite', error: e.stack || e.message });
    console.log(`  ✗ suite: ${e.stack || e.message}`);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
  console.log(`PIR-RESULT ${JSON.stringify(results)}`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
