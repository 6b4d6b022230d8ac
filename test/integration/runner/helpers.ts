// Helpers for integration tests running inside the extension host.

import * as fs from 'fs';
import * as path from 'path';

const SCREENSHOT_MARKER = 'PIR-SCREENSHOT ';
const DOM_MARKER = 'PIR-DOM ';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Polls `fn` until it returns a truthy value (returned) or `timeoutMs` passes
 * (throws with `what` in the message).
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  what: string,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<Exclude<T, undefined | null | false | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as Exclude<T, undefined | null | false | 0 | ''>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await sleep(everyMs);
  }
}

/**
 * Asks the outer runner (run-code-server.mjs) for a screenshot of the
 * workbench as it is now, and waits until the PNG is written. Returns its
 * path, or undefined when no screenshot directory was given (or under
 * desktop VS Code / test-electron, where nobody listens).
 */
export async function requestScreenshot(name: string, timeoutMs = 15_000): Promise<string | undefined> {
  const dir = process.env.PIR_SCREENSHOT_DIR;
  if (!dir) return undefined;
  const safe = name.replace(/[^\w.-]+/g, '_');
  const file = path.join(dir, `${safe}.png`);
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* ignore */
  }
  console.log(SCREENSHOT_MARKER + JSON.stringify({ name: safe }));
  await waitFor(() => fs.existsSync(file), `screenshot ${file}`, timeoutMs);
  return file;
}

/** What the workbench shows for the elements matching a CSS selector. */
export interface DomElement { text: string; links: string[]; icons: string[] }

/**
 * Asks the outer runner (run-code-server.mjs) for the elements of the workbench that match
 * `selector`: their text, their links' targets and their codicons. Undefined when nobody listens
 * (desktop VS Code / test-electron, or no screenshot directory), for the caller to skip on.
 */
export async function queryWorkbench(selector: string, timeoutMs = 15_000): Promise<DomElement[] | undefined> {
  const dir = process.env.PIR_SCREENSHOT_DIR;
  if (!dir) return undefined;
  const file = path.join(dir, `dom-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  console.log(DOM_MARKER + JSON.stringify({ file, selector }));
  await waitFor(() => fs.existsSync(file), `the workbench's answer for ${selector}`, timeoutMs);
  const found = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file, { force: true });
  if (!Array.isArray(found)) throw new Error(`DOM query ${selector}: ${found.error}`);
  return found;
}
