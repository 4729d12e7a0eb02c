import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { ValidationError } from '../errors/validation.js';
import type { DatasetRecord } from '../models/dataset.js';
import { badLine, readJsonlRange } from './jsonl-reader.js';
import { jsonlShards, lineAt } from './jsonl-shards.js';

/** One byte range of a JSONL file to read in a worker, with the options of what reads it. Internal. */
export interface ShardTask<Options> {
  path: string;
  /** Where the first ticket begins: records before it are reference data every shard needs. */
  header: number;
  start: number;
  end: number;
  /** No shard follows this one (reference data inside it then misses no one). */
  last: boolean;
  /** Skip a half-written last line of the file (a sync folder's file while a sync writes it). */
  tolerateTornTail: boolean;
  options: Options;
}

/** A shard's state, and what tells whether merging the shards gives the one-pass answer. Internal. */
export interface ShardOutcome<State> {
  state: State;
  /** Schedules, groups or SLA policies after the first ticket of a shard that is not the last. */
  referencesAfterHeader: number;
  /** CSAT responses naming a ticket this shard has not read (it may be in an earlier shard). */
  foreignCsat: number;
}

/** A shard's error as plain data a worker can post; line numbers count from the range's first line. */
type ShardFailure =
  | { kind: 'line'; line: number; message: string }
  | { kind: 'validation'; subject: string; issues: ValidationError['issues'] }
  | { kind: 'other'; message: string };

const REFERENCE_KINDS: ReadonlySet<string> = new Set(['schedules', 'groups', 'slaPolicies']);

/** Below this size a worker's start-up costs more than it saves. */
export const SMALL_FILE = 8 * 2 ** 20;

/**
 * Reads one shard into `push`: the header's reference data first (unless the range starts there), then every
 * record of the range; counts what would make the shards disagree with one pass. Internal.
 *
 * @example
 * ```ts
 * const counts = await readShard(task, (record) => summarizer.push(record));
 * ```
 */
export async function readShard(
  task: ShardTask<unknown>,
  push: (record: DatasetRecord) => void,
): Promise<Omit<ShardOutcome<unknown>, 'state'>> {
  if (task.start > 0) {
    const header = { start: 0, end: task.header, tolerateTornTail: false, kinds: REFERENCE_KINDS };
    for await (const batch of readJsonlRange(task.path, header))
      for (const record of batch) if (REFERENCE_KINDS.has(record.kind)) push(record);
  }
  const tickets = new Set<string>();
  let referencesAfterHeader = 0;
  let foreignCsat = 0;
  const range = { start: task.start, end: task.end, tolerateTornTail: task.last && task.tolerateTornTail };
  for await (const batch of readJsonlRange(task.path, range)) {
    for (const record of batch) {
      if (record.kind === 'tickets') tickets.add(record.value.id);
      else if (record.kind === 'csat' && record.value.ticketId && !tickets.has(record.value.ticketId))
        foreignCsat++;
      else if (!task.last && tickets.size > 0 && REFERENCE_KINDS.has(record.kind)) referencesAfterHeader++;
      push(record);
    }
  }
  return { referencesAfterHeader, foreignCsat };
}

/**
 * The body of a worker file: runs the shard it was given and posts the outcome, or the failure, back.
 *
 * @example
 * ```ts
 * shardWorker(async (task) => { … return { state, ...(await readShard(task, push)) }; });
 * ```
 */
export function shardWorker<Options, State>(run: (task: ShardTask<Options>) => Promise<ShardOutcome<State>>) {
  run(workerData as ShardTask<Options>).then(
    (outcome) => parentPort!.postMessage({ outcome }),
    (error: unknown) => parentPort!.postMessage({ failure: failureOf(error) }),
  );
}

/**
 * Reads a JSONL file in `count` shards, each in a worker thread running the worker file `name` found next to
 * `here` (the calling module's path): the shards' outcomes in file order, or null when the file is not worth
 * cutting (one range, no worker file — the package was bundled into one — or an order that one pass alone reads
 * right). Errors come back as one pass would throw them: a bad line names its line in the whole file.
 *
 * @example
 * ```ts
 * const outcomes = await runShards(path, 2, { worker: 'summarize-worker', here: fileURLToPath(import.meta.url), options, tolerateTornTail: false });
 * ```
 */
export async function runShards<Options, State>(
  path: string,
  count: number,
  how: { worker: string; here: string | null; options: Options; tolerateTornTail: boolean },
): Promise<ShardOutcome<State>[] | null> {
  const entry = count > 1 && how.here ? workerEntry(how.worker, how.here) : null;
  if (!entry) return null;
  const { header, ranges } = jsonlShards(path, count);
  if (ranges.length < 2) return null;
  const tasks = ranges.map((range, i) => ({
    path,
    header,
    ...range,
    last: i === ranges.length - 1,
    tolerateTornTail: how.tolerateTornTail,
    options: how.options,
  }));
  const outcomes = await Promise.all(tasks.map((task) => runWorker<State>(entry, task)));
  const oneWay = outcomes.some((o, i) => o.referencesAfterHeader > 0 || (i > 0 && o.foreignCsat > 0));
  return oneWay ? null : outcomes;
}

/** The worker file next to `here`: built (in the same folder, or in `sync/` from a shared chunk), or the source. */
function workerEntry(name: string, here: string): { file: string; typescript: boolean } | null {
  const dir = dirname(here);
  for (const file of [join(dir, `${name}.js`), join(dir, 'sync', `${name}.js`)])
    if (existsSync(file)) return { file, typescript: false };
  const source = join(dir, `${name}.ts`);
  return existsSync(source) ? { file: source, typescript: true } : null;
}

function runWorker<State>(
  entry: { file: string; typescript: boolean },
  task: ShardTask<unknown>,
): Promise<ShardOutcome<State>> {
  // From the repository's TypeScript (tests, benchmarks) the worker registers tsx before loading the source.
  const worker = entry.typescript
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); })`,
        { eval: true, workerData: task },
      )
    : new Worker(entry.file, { workerData: task });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { outcome?: ShardOutcome<State>; failure?: ShardFailure }) => {
      void worker.terminate();
      if (message.outcome) resolve(message.outcome);
      else reject(rethrown(task, message.failure!));
    });
    worker.once('error', reject);
  });
}

function failureOf(error: unknown): ShardFailure {
  if (error instanceof ValidationError) {
    const line = error.issues[0]?.path[0] === 'line' ? error.issues[0].path[1] : undefined;
    if (typeof line === 'number') return { kind: 'line', line, message: error.issues[0]!.message };
    return { kind: 'validation', subject: error.subject, issues: error.issues };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** A shard's failure as the error one pass would have thrown: line numbers count from the file's start. */
function rethrown(task: ShardTask<unknown>, failure: ShardFailure): Error {
  if (failure.kind === 'line')
    return badLine(task.path, lineAt(task.path, task.start) + failure.line - 1, failure.message);
  if (failure.kind === 'validation') return new ValidationError(failure.subject, failure.issues);
  return new Error(`a worker reading ${task.path} failed: ${failure.message}`);
}
