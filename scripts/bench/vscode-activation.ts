// Extension tests module (run() export) that the benchmark loads into a real VS Code extension
// host through test/integration/runner/run-code-server.mjs. The workspace it opens holds no
// review, so the extension is not active yet: it times getExtension(id).activate(), which covers
// what VS Code reports as activation (loading the bundle + the activate() call), and prints
// `PIR-BENCH {json}`. This is the extension host's activation path (its module loader, the
// `vscode` API object, activate(), and the returned promise), which VS Code's "Running
// Extensions" view reports as load + activate time.
import * as fs from 'fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'pir-tools.pir-reviews';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ activationMs?: number }>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const wasActive = ext.isActive;
  // let the window finish starting (built-in extensions activating, the workspace scan), so the
  // figure is the extension's own activation rather than time spent queued behind start-up work
  await new Promise(r => setTimeout(r, Number(process.env.PIR_BENCH_SETTLE_MS ?? 3000)));
  const t0 = performance.now();
  const api = await ext.activate();
  const activateMs = performance.now() - t0;
  const result = { activateMs, selfMs: api?.activationMs ?? null, wasActive, vscode: vscode.version };
  console.log(`PIR-BENCH ${JSON.stringify(result)}`);
  const file = process.env.PIR_TEST_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify({ passed: 1, failed: 0, pending: 0, durationMs: activateMs, failures: [] }));
  if (wasActive) throw new Error('the extension was already active: the measurement is not an activation');
}
