import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { invalidArgument, invalidOption, ValidationError } from '../errors/validation.js';
import type { Instant } from '../metrics/business-time.js';
import { toMillis } from '../metrics/business-time.js';
import { type SummaryOptions, summaryAccumulatorOf } from '../metrics/summarize.js';
import type { MetricsReport } from '../models/metrics-report.js';
import { badLine } from './jsonl-reader.js';
import { jsonlShards, lineAt } from './jsonl-shards.js';
import { type ShardFailure, type ShardResult, type ShardTask, summarizeShard } from './summarize-shard.js';

/** Options of {@link summarizeJsonlFile}: the summary's, plus how many threads read the file. */
export interface SummarizeFileOptions extends SummaryOptions {
  asOf: Instant;
  /**
   * Worker threads that read the file in parallel, each a byte range of whole tickets; 1 reads it on the calling
   * thread. @default the machine's available parallelism, and 1 for files under 8 MiB
   */
  workers?: number;
}

/** Below this size a worker's start-up costs more than it saves. */
const SMALL_FILE = 8 * 2 ** 20;

/**
 * The {@link MetricsReport} of a JSONL file that a sync (or the generator) wrote, read on every core: the file
 * is cut into byte ranges of whole tickets, one worker thread summarises each, and their states merge into the
 * one-pass answer (the accumulators merge exactly). The same report as `summarizeRecords(readJsonlRecords(path))`;
 * when the file's order would make the shards disagree with one pass (reference data after the first ticket, a
 * CSAT response away from its ticket), it is read again in one pass. A bad line is a ValidationError naming its
 * line number, as with {@link readJsonlRecords}.
 *
 * @example
 * ```ts
 * import { summarizeJsonlFile } from 'supportkit/sync';
 * const report = await summarizeJsonlFile('helpdesk/records.jsonl', { asOf: new Date(), timeZone: 'Europe/Rome' });
 * report.firstReply.businessMinutes?.median;
 * ```
 */
export async function summarizeJsonlFile(
  path: string,
  options: SummarizeFileOptions,
): Promise<MetricsReport> {
  if (typeof path !== 'string' || path === '')
    throw invalidArgument('summarizeJsonlFile()', 'path', 'expected the path of a JSONL file');
  if (typeof options !== 'object' || options === null)
    throw invalidOption('summarizeJsonlFile', '', 'must be an object');
  const { workers, ...summary } = options;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 256))
    throw invalidOption('summarizeJsonlFile', 'workers', 'must be an integer from 1 to 256');
  const shardOptions = { ticketMemory: 10_000, ...summary, asOf: toMillis(summary.asOf, 'summarize() asOf') };
  // Checks every option before any thread starts (a typo fails here, once, not in each worker).
  const merged = summaryAccumulatorOf(shardOptions, true);
  if (!existsSync(path)) throw invalidArgument('summarizeJsonlFile()', 'path', 'no such file');
  const size = statSync(path).size;
  const count = workers ?? (size < SMALL_FILE ? 1 : availableParallelism());
  const { header, ranges } = jsonlShards(path, count);
  const tasks: ShardTask[] = ranges.map((range, i) => ({
    path,
    header,
    ...range,
    last: i === ranges.length - 1,
    options: shardOptions,
  }));
  const worker = count > 1 && ranges.length > 1 ? workerEntry() : null;
  let results = worker ? await Promise.all(tasks.map((task) => runWorker(worker, task))) : null;
  if (results?.some((r, i) => r.referencesAfterHeader > 0 || (i > 0 && r.foreignCsat > 0))) results = null;
  results ??= [
    await summarizeShard({ path, header, start: 0, end: size, last: true, options: shardOptions }),
  ];
  for (const result of results) merged.merge(result.state);
  return merged.result();
}

/**
 * The worker's entry file next to this module: `sync/summarize-worker.js` in the built package (this code may
 * sit in `sync/` or in a shared chunk one level up), the TypeScript source when run from the repository; null
 * when neither is there (the package was bundled into one file), and the file is then read on this thread.
 */
function workerEntry(): { file: string; typescript: boolean } | null {
  const here =
    typeof __filename === 'string'
      ? __filename
      : typeof import.meta.url === 'string'
        ? fileURLToPath(import.meta.url)
        : null;
  if (!here) return null;
  const dir = dirname(here);
  for (const file of [join(dir, 'summarize-worker.js'), join(dir, 'sync', 'summarize-worker.js')])
    if (existsSync(file)) return { file, typescript: false };
  const source = join(dir, 'summarize-worker.ts');
  return existsSync(source) ? { file: source, typescript: true } : null;
}

function runWorker(entry: { file: string; typescript: boolean }, task: ShardTask): Promise<ShardResult> {
  // From the repository's TypeScript (tests, benchmarks) the worker registers tsx before loading the source.
  const worker = entry.typescript
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); })`,
        { eval: true, workerData: task },
      )
    : new Worker(entry.file, { workerData: task });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { result?: ShardResult; failure?: ShardFailure }) => {
      void worker.terminate();
      if (message.result) resolve(message.result);
      else reject(rethrown(task, message.failure!));
    });
    worker.once('error', reject);
  });
}

/** A shard's failure as the error one pass would have thrown: line numbers count from the file's start. */
function rethrown(task: ShardTask, failure: ShardFailure): Error {
  if (failure.kind === 'line')
    return badLine(task.path, lineAt(task.path, task.start) + failure.line - 1, failure.message);
  if (failure.kind === 'validation') return new ValidationError(failure.subject, failure.issues);
  return new Error(`summarizeJsonlFile(): a worker failed: ${failure.message}`);
}
