// A minimal BDD runner for the web suite. The web worker extension host loads the tests module as
// one self-contained script (only `vscode` is provided): no `fs`, no mocha from node_modules. It
// prints the same lines as runner/mocha-index.ts, ending with `PIR-RESULT {json}`, which
// run-code-server.mjs reads from the extension host's log (a worker cannot write the result file).

type Fn = () => unknown | Promise<unknown>;
interface Test { title: string; fn: Fn }
const tests: Test[] = [];
const afterAll: Fn[] = [];
let prefix = '';

export function describe(title: string, body: () => void): void {
  const outer = prefix;
  prefix = `${outer}${title} `;
  try { body(); } finally { prefix = outer; }
}

export function it(title: string, fn: Fn): void {
  tests.push({ title: `${prefix}${title}`, fn });
}

export function after(fn: Fn): void {
  afterAll.push(fn);
}

function errorText(err: unknown): string {
  const e = err as { stack?: string; message?: string } | undefined;
  return ((e && (e.stack || e.message)) || String(err)).slice(0, 4000);
}

export async function runSuite(name: string, timeoutMs = 60_000): Promise<void> {
  const result = { passed: 0, failed: 0, pending: 0, durationMs: 0, failures: [] as { title: string; error: string }[] };
  const started = Date.now();
  console.log(`[web-runner] suite ${name}: ${tests.length} test(s)`);
  for (const t of tests) {
    const t0 = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); }),
      ]);
      result.passed++;
      console.log(`  ✓ ${t.title} (${Date.now() - t0} ms)`);
    } catch (err) {
      result.failed++;
      result.failures.push({ title: t.title, error: errorText(err) });
      console.log(`  ✗ ${t.title}\n${errorText(err).replace(/^/gm, '      ')}`);
    } finally {
      clearTimeout(timer);
    }
  }
  for (const fn of afterAll) await Promise.resolve().then(fn).catch(() => undefined);
  result.durationMs = Date.now() - started;
  console.log(`[web-runner] ${result.passed} passing, ${result.failed} failing (${result.durationMs} ms)`);
  console.log(`PIR-RESULT ${JSON.stringify(result)}`);
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed`);
  if (result.passed === 0) throw new Error('no test ran');
}

export async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The few assertions the web tests use (Node's `assert` is not there in a worker). */
interface Assert {
  ok(value: unknown, message?: string): asserts value;
  strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
  match(text: string, re: RegExp, message?: string): void;
}
export const assert: Assert = {
  ok(value: unknown, message?: string): asserts value {
    if (!value) throw new Error(`assertion failed: ${message ?? String(value)}`);
  },
  strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
    if (actual !== expected) throw new Error(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  },
  match(text: string, re: RegExp, message?: string): void {
    if (!re.test(text)) throw new Error(`${message ? `${message}: ` : ''}${JSON.stringify(text)} does not match ${re}`);
  },
};
