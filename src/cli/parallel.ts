/**
 * `pir lint` over many files on several cores: worker threads each analyse batches of files,
 * handed out from one queue so a slow file does not hold the others back.
 *
 * Two rounds, so that each front matter is parsed once: first the workers summarise batches of
 * files for the workspace index (the YAML parse stays in the worker's cache) and send the summaries
 * back; the main thread computes the workspace facts (duplicate IDs across files) from them exactly
 * as the sequential path does and sends them to every worker; then each worker lints the files it
 * summarised. Results are the same as lintFiles()'s, in the same order. Only the CLI's entry
 * (bin.ts) uses this: the worker runs that same bundle, which starts runLintWorker() when it finds
 * itself in a lint worker thread.
 */
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { ReviewIndex, summarize, workspaceFacts, type ReviewSummary, type WorkspaceFacts } from '../core';
import { setFrontMatterCacheSize } from '../core/parse/frontMatter';
import { ConfigResolver } from './config';
import type { FileResult } from './format';
import { lintText, MAX_CACHED_FRONT_MATTERS, readInputs, sortResults, type LintFileOptions, type LintRun } from './lint';

/** Below this many files per worker, starting workers (~0.1 s each) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 48;
const BATCH = 8;

interface WorkerInit { pirLintWorker: true; opts: Omit<LintFileOptions, 'now'> & { now?: number }; files: number }
type ToWorker =
  | { type: 'summarize'; items: [file: string, text: string][] }
  | { type: 'lint'; workspace: WorkspaceFacts }
  | { type: 'stop' };
type FromWorker =
  | { type: 'ready' }
  | { type: 'summaries'; summaries: ReviewSummary[] }
  | { type: 'done'; results: FileResult[]; fixed: number };

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

/** The workspace facts from summaries, as collectWorkspaceFacts() computes them from the texts (same index, same order). */
function factsFromSummaries(texts: Map<string, string>, summaries: Map<string, ReviewSummary>): WorkspaceFacts {
  const index = new ReviewIndex();
  index.seed(summaries.values());
  for (const [file, text] of texts) index.update(file, text); // served from the restored summaries (by content hash)
  return workspaceFacts(index);
}

/** lintFiles() on `workers` worker threads running `script` (the CLI bundle). */
export async function lintFilesParallel(files: string[], opts: LintFileOptions, script: string, workers: number): Promise<LintRun> {
  // a broken --config fails here, once, as it does in the sequential path
  if (opts.config && files.length) new ConfigResolver(opts.config).resolve(files[0]);
  const { texts, results } = readInputs(files, opts.cwd);
  const queue = [...texts];
  const summaries = new Map<string, ReviewSummary>();
  let fixed = 0;
  const init: WorkerInit = { pirLintWorker: true, opts: { fix: opts.fix, config: opts.config, cwd: opts.cwd, now: opts.now?.getTime() }, files: texts.size };
  const started: Worker[] = [];
  let summarizing = workers; // workers still in the first round
  let facts: WorkspaceFacts | undefined;
  const waiting: Worker[] = []; // workers done with the first round, waiting for the facts
  const post = (w: Worker, m: ToWorker) => w.postMessage(m);
  const one = () => new Promise<void>((resolve, reject) => {
    const w = new Worker(script, { workerData: init });
    started.push(w);
    const next = () => {
      const items = queue.splice(0, BATCH);
      if (items.length) { post(w, { type: 'summarize', items }); return; }
      // this worker's share is summarised: once every worker is there, hand out the facts
      waiting.push(w);
      if (--summarizing === 0) {
        facts = factsFromSummaries(texts, summaries);
        for (const x of waiting) post(x, { type: 'lint', workspace: facts });
      }
    };
    w.on('message', (m: FromWorker) => {
      if (m.type === 'summaries') { for (const s of m.summaries) summaries.set(s.uri, s); next(); }
      else if (m.type === 'done') { results.push(...m.results); fixed += m.fixed; post(w, { type: 'stop' }); }
      else next();
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

/** The worker's side: summarise each batch the main thread sends, then lint those files with the facts it sends. */
export function runLintWorker(): void {
  const { opts, files } = workerData as WorkerInit;
  const port = parentPort!;
  const resolver = new ConfigResolver(opts.config);
  const fileOpts: LintFileOptions = { ...opts, now: opts.now !== undefined ? new Date(opts.now) : undefined };
  const mine: [string, string][] = [];
  setFrontMatterCacheSize(Math.min(files + 16, MAX_CACHED_FRONT_MATTERS));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'stop') { port.close(); return; }
    if (m.type === 'summarize') {
      mine.push(...m.items);
      port.postMessage({ type: 'summaries', summaries: m.items.map(([file, text]) => summarize(file, text)) } satisfies FromWorker);
      return;
    }
    const results: FileResult[] = [];
    let fixed = 0;
    for (const [file, text] of mine) {
      const r = lintText(file, text, resolver, m.workspace, fileOpts);
      results.push(r.result);
      if (r.fixed) fixed++;
    }
    port.postMessage({ type: 'done', results, fixed } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
