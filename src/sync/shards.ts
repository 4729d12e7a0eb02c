import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { DatasetRecord } from '../models/dataset.js';
import { ticketHash } from './bundles.js';
import { readJsonlRange } from './jsonl-reader.js';
import { jsonlShards } from './jsonl-shards.js';

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
  /** The {@link ticketHash} of every ticket of the range, sorted: a ticket in two shards is a log, not bundles. */
  tickets: Uint32Array;
  /** A ticket this range holds twice (a log of several sync runs): one pass cannot read it either. */
  repeatedTickets: number;
}

const REFERENCE_KINDS: ReadonlySet<string> = new Set(['schedules', 'groups', 'slaPolicies']);

/** Below this size a worker's start-up costs more than it saves. */
const SMALL_FILE = 8 * 2 ** 20;

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
  const hashes: number[] = [];
  let repeatedTickets = 0;
  let referencesAfterHeader = 0;
  let foreignCsat = 0;
  const range = { start: task.start, end: task.end, tolerateTornTail: task.last && task.tolerateTornTail };
  for await (const batch of readJsonlRange(task.path, range)) {
    for (const record of batch) {
      if (record.kind === 'tickets') {
        if (tickets.has(record.value.id)) repeatedTickets++;
        tickets.add(record.value.id);
        hashes.push(ticketHash(record.value));
      } else if (record.kind === 'csat' && record.value.ticketId && !tickets.has(record.value.ticketId))
        foreignCsat++;
      else if (!task.last && tickets.size > 0 && REFERENCE_KINDS.has(record.kind)) referencesAfterHeader++;
      push(record);
    }
  }
  return { referencesAfterHeader, foreignCsat, tickets: Uint32Array.from(hashes).sort(), repeatedTickets };
}

/** Whether two shards hold a ticket with the same hash (one ticket written twice, or a rare collision). */
function sharedTickets(outcomes: readonly { tickets: Uint32Array }[]): boolean {
  const seen = new Set<number>();
  for (const { tickets } of outcomes) {
    for (const hash of tickets) if (seen.has(hash)) return true;
    for (const hash of tickets) seen.add(hash);
  }
  return false;
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
    // No detail: the caller reads the file again in one pass, which throws the error with its place in the file.
    () => parentPort!.postMessage({ failed: true }),
  );
}

/**
 * Reads a JSONL file in `workers` shards (by default one per core, and one for a file under 8 MiB), each in a worker thread running the worker file `name` found next to
 * `here` (the calling module's path): the shards' outcomes in file order, or null when the caller must read the
 * file in one pass instead — it is not worth cutting (one range; no worker file, as when the package was bundled
 * into one), its order would make shards disagree with one pass, or a shard failed (one pass then throws the
 * error exactly as it would have, with its line and record index in the whole file).
 *
 * @example
 * ```ts
 * const outcomes = await runShards(path, 2, { worker: 'summarize-worker', here: fileURLToPath(import.meta.url), options, tolerateTornTail: false });
 * ```
 */
export async function runShards<Options, State>(
  path: string,
  workers: number | undefined,
  how: { worker: string; here: string | null; options: Options; tolerateTornTail: boolean },
): Promise<ShardOutcome<State>[] | null> {
  const count = workers ?? (statSync(path).size < SMALL_FILE ? 1 : availableParallelism());
  const entry = count > 1 && how.here ? workerEntry(how.worker, how.here) : null;
  if (!entry) return null;
  const { header, ranges } = jsonlShards(path, count);
  if (ranges.length < 2) return null;
  const threads = ranges.map((range, i) =>
    startWorker(entry, {
      path,
      header,
      ...range,
      last: i === ranges.length - 1,
      tolerateTornTail: how.tolerateTornTail,
      options: how.options,
    }),
  );
  try {
    const outcomes = await Promise.all(threads.map((t) => t.outcome as Promise<ShardOutcome<State>>));
    const oneWay =
      outcomes.some(
        (o, i) => o.referencesAfterHeader > 0 || (i > 0 && o.foreignCsat > 0) || o.repeatedTickets > 0,
      ) || sharedTickets(outcomes);
    return oneWay ? null : outcomes;
  } catch {
    return null;
  } finally {
    for (const t of threads) void t.worker.terminate(); // a failed shard stops the others at once
  }
}

/** The worker file next to `here`: built (in the same folder, or in `sync/` from a shared chunk), or the source. */
function workerEntry(name: string, here: string): { file: string; typescript: boolean } | null {
  const dir = dirname(here);
  for (const file of [join(dir, `${name}.js`), join(dir, 'sync', `${name}.js`)])
    if (existsSync(file)) return { file, typescript: false };
  const source = join(dir, `${name}.ts`);
  return existsSync(source) ? { file: source, typescript: true } : null;
}

function startWorker(entry: { file: string; typescript: boolean }, task: ShardTask<unknown>) {
  // From the repository's TypeScript (tests, benchmarks) the worker registers tsx before loading the source.
  const worker = entry.typescript
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); })`,
        { eval: true, workerData: task },
      )
    : new Worker(entry.file, { workerData: task });
  const outcome = new Promise<ShardOutcome<unknown>>((resolve, reject) => {
    worker.once('message', (message: { outcome?: ShardOutcome<unknown> }) =>
      message.outcome ? resolve(message.outcome) : reject(new Error('shard failed')),
    );
    worker.once('error', reject);
    // A worker that ends without an answer (killed, out of memory) must not leave the caller waiting.
    worker.once('exit', () => reject(new Error('shard ended without an answer')));
  });
  outcome.catch(() => {}); // handled by the caller's Promise.all; the others' late rejections are not news
  return { worker, outcome };
}
