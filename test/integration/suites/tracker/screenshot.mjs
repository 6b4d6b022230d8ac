#!/usr/bin/env node
// Screenshot of the Corrective Actions view, driven like a user through the harness's Playwright
// page (test/integration/runner/run-code-server.mjs): open the Post-Incident Reviews container,
// widen the side bar, click an overdue action (its review opens with the line selected) and hover
// another to show its tooltip. Writes media/screenshots/tree.png; then hovers the review with errors
// in the Reviews view (its icon is its problems, the tooltip says them and the meeting status) and
// writes media/screenshots/reviews.png beside it.
//
//   npm run build && node test/integration/suites/tracker/screenshot.mjs [--out FILE]

import { cpSync, copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withVSCode } from '../../runner/run-code-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(ROOT, 'media', 'screenshots', 'tree.png');

const workspace = join(mkdtempSync(join(tmpdir(), 'pir-ws-shot-')), 'incident-reviews');
cpSync(join(ROOT, 'test', 'integration', 'fixtures', 'tracker'), workspace, { recursive: true });

await withVSCode({
  name: 'tracker-ui', extension: ROOT, workspace, screenshotDir: join(ROOT, 'out', 'screenshots', 'tracker-ui'),
  viewport: { width: 1440, height: 900 }, timeoutMs: 4 * 60_000,
  settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'files.autoSave': 'off' },
}, async ({ page, screenshot, log }) => {
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  const container = page.locator('.activitybar [aria-label^="Post-Incident Reviews"]').first();
  await container.waitFor({ timeout: 60_000 });
  await container.click();
  const row = (text) => page.locator('.monaco-list-row', { hasText: text }).first();
  await row('CAP-31-1').waitFor({ timeout: 60_000 });
  const drag = async (x0, y0, x1, y1) => {
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 12 });
    await page.mouse.up();
  };
  // the side bar wider: drag the sash on its right edge
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  await drag(sidebar.x + sidebar.width + 1, sidebar.y + 300, sidebar.x + 640, sidebar.y + 300);
  // the Corrective Actions view taller: drag the Reviews header down, leaving room for its rows
  const reviews = await page.locator('.pane-header', { hasText: 'Reviews' }).first().boundingBox();
  await drag(reviews.x + 100, reviews.y, reviews.x + 100, sidebar.y + sidebar.height - 6 * 22 - 10);
  await page.waitForTimeout(500);
  // close the panel and anything on the right, if open
  for (const cmd of ['workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar']) {
    await page.keyboard.press('F1');
    await page.keyboard.type(cmd.replace('workbench.action.', '').replace(/([A-Z])/g, ' $1'));
    await page.keyboard.press('Escape');
  }
  // click an overdue item: its review opens with the line selected
  await row('CAP-44-1').scrollIntoViewIfNeeded();
  await row('CAP-44-1').click();
  await page.waitForSelector('.editor-instance .view-line', { timeout: 30_000 });
  await page.waitForTimeout(1500);
  // hover the item whose title is full of Markdown and HTML: the tooltip shows it as text
  await row('CAP-44-3').hover();
  await page.waitForSelector('.monaco-hover, .workbench-hover', { timeout: 10_000 }).catch(() => log('[shot] no hover appeared'));
  await page.waitForTimeout(800);
  const file = await screenshot('tree');
  mkdirSync(dirname(OUT), { recursive: true });
  copyFileSync(file, OUT);
  log(`[shot] ${OUT}`);
  // the Reviews view: move away (the tooltip closes), then hover the review with errors
  await page.mouse.move(900, 400);
  await page.waitForTimeout(800);
  const reviewsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Reviews' }) }).first();
  const review = reviewsPane.locator('.monaco-list-row', { hasText: 'INC-2026-044' }).first();
  await review.scrollIntoViewIfNeeded();
  await review.hover();
  await page.waitForSelector('.monaco-hover, .workbench-hover', { timeout: 10_000 }).catch(() => log('[shot] no hover appeared'));
  await page.waitForTimeout(800);
  const second = await screenshot('reviews');
  const reviewsOut = join(dirname(OUT), 'reviews.png');
  copyFileSync(second, reviewsOut);
  log(`[shot] ${reviewsOut}`);
});
