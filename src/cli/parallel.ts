/**
 * `pir lint` over many files on several cores: worker threads each analyse batches of files,
 * handed out from one queue so a slow file does not hold the others back. Analysis is CPU-bound
 * (mostly the Markdown parse), so on a machine with N cores this approaches N times faster.
 *
 * The main thread reads every file and computes the workspace facts (duplicate IDs across files)
 * once, exactly as the sequential path does, and gives both to the workers; results are the same
 * as lintFiles()'s, in the same order. Only the CLI's entry (bin.ts) uses this: the worker runs
 * that same bundle, which starts runLintWorker() when it finds itself in a lint worker thread.
 */
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { WorkspaceFacts } from '../core';
import { ConfigResolver } from './config';
import type { FileResult } from './format';
import { lintText, readInputs, sortResults, type LintFileOptions, type LintRun } from './lint';
import { collectWorkspaceFacts } from './workspace';

/** Below this many files per worker, starting workers (~0.1 s each) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 48;
const BATCH = 8;

interface WorkerInit { pirLintWorker: true; opts: Omit<LintFileOptions, 'now'> & { now?: number }; workspace: WorkspaceFacts }
type ToWorker = [file: string, text: string][] | null;
type FromWorker = { type: 'ready' } | { type: 'done'; results: FileResult[]; fixed: number };

/** How many workers to use for `files` files: 0 means lint in this thread. PIR_WORKERS=N sets it (0: no workers). */
export function lintWorkerCount(files: number): number {
  const env = process.env.PIR_WORKERS;
  if (env !== undefined && env.trim() !== '' && Number.isFinite(Number(env))) return Math.max(0, Math.min(Math.floor(Number(env)), files));
  const n = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8, Math.floor(files / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

export function isLintWorker(): boolean {
  return !!parentPort && !!(workerData as Partial<WorkerInit> | undefined)?.pirLintWorker;
}

/** lintFiles() on `workers` worker threads running `script` (the CLI bundle). */
export async function lintFilesParallel(files: string[], opts: LintFileOptions, script: string, workers: number): Promise<LintRun> {
  // a broken --config fails here, once, as it does in the sequential path
  if (opts.config && files.length) new ConfigResolver(opts.config).resolve(files[0]);
  const { texts, results } = readInputs(files, opts.cwd);
  const workspace = collectWorkspaceFacts(texts);
  const queue = [...texts];
  let fixed = 0;
  const init: WorkerInit = { pirLintWorker: true, opts: { fix: opts.fix, config: opts.config, cwd: opts.cwd, now: opts.now?.getTime() }, workspace };
  const started: Worker[] = [];
  const one = () => new Promise<void>((resolve, reject) => {
    const w = new Worker(script, { workerData: init });
    started.push(w);
    const next = () => { const items = queue.splice(0, BATCH); w.postMessage((items.length ? items : null) satisfies ToWorker); };
    w.on('message', (m: FromWorker) => {
      if (m.type === 'done') { results.push(...m.results); fixed += m.fixed; }
      next();
    });
    w.on('error', reject);
    w.on('exit', code => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
  });
  try {
    await Promise.all(Array.from({ length: workers }, one));
  } catch (e) {
    await Promise.all(started.map(w => w.terminate()));
    throw e;
  }
  return { results: sortResults(results), fixed };
}

/** The worker's side: lint each batch the main thread sends, until it sends null. */
export function runLintWorker(): void {
  const { opts, workspace } = workerData as WorkerInit;
  const port = parentPort!;
  const resolver = new ConfigResolver(opts.config);
  const fileOpts: LintFileOptions = { ...opts, now: opts.now !== undefined ? new Date(opts.now) : undefined };
  port.on('message', (items: ToWorker) => {
    if (!items) { port.close(); return; }
    const results: FileResult[] = [];
    let fixed = 0;
    for (const [file, text] of items) {
      const r = lintText(file, text, resolver, workspace, fileOpts);
      results.push(r.result);
      if (r.fixed) fixed++;
    }
    port.postMessage({ type: 'done', results, fixed } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
