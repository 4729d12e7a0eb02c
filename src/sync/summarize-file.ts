import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { invalidArgument, invalidOption } from '../errors/validation.js';
import type { Instant } from '../metrics/business-time.js';
import { toMillis } from '../metrics/business-time.js';
import {
  type SummaryOptions,
  type SummaryState,
  summarize,
  summaryAccumulatorOf,
} from '../metrics/summarize.js';
import { summarizeRecords } from '../metrics/summarize-records.js';
import type { MetricsReport } from '../models/metrics-report.js';
import { bundleCheck, isNotBundled } from './bundles.js';
import { readDataset } from './dataset.js';
import { readJsonlRecords } from './jsonl-reader.js';
import { runShards } from './shards.js';

/** Options of {@link summarizeJsonlFile}: the summary's, plus how many threads read the file. */
export interface SummarizeFileOptions extends SummaryOptions {
  asOf: Instant;
  /**
   * Worker threads that read the file in parallel, each a byte range of whole tickets; 1 reads it on the calling
   * thread. @default the machine's available parallelism, and 1 for files under 8 MiB
   */
  workers?: number;
}

/** This module's file, in the ESM and the CommonJS build alike: the worker's file is found next to it. */
const here = () => (typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));

/**
 * The {@link MetricsReport} of a JSONL file that a sync (or the generator) wrote, read on every core: the file
 * is cut into byte ranges of whole tickets, one worker thread summarises each, and their states merge into the
 * one-pass answer (the accumulators merge exactly). The same report as `summarizeRecords(readJsonlRecords(path))`;
 * when the file's order would make the shards disagree with one pass (reference data after the first ticket, a
 * CSAT response away from its ticket) it is read again in one pass, and so is a package bundled into one file
 * (no worker file to start), and so is a file a shard failed on: the error is then exactly the one-pass one (a bad
 * line names its line in the whole file, as with {@link readJsonlRecords}). A folder's file that is a log — a
 * ticket written again by a later sync run, or messages written apart from their tickets (Zendesk's ticket-event
 * export) — is summarised as it stands now: the latest version of each record ({@link readDataset}, in memory).
 *
 * @example
 * ```ts
 * import { summarizeJsonlFile } from 'supportkit-ts/sync';
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
  if (summary.asOf === undefined) throw invalidOption('summarizeJsonlFile', 'asOf', 'is required');
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 256))
    throw invalidOption('summarizeJsonlFile', 'workers', 'must be an integer from 1 to 256');
  const shardOptions = {
    ticketMemory: 10_000,
    ...summary,
    asOf: toMillis(summary.asOf, 'summarizeJsonlFile() asOf'),
  };
  // Checks every option before any thread starts (a typo fails here, once, not in each worker).
  const merged = summaryAccumulatorOf(shardOptions, true);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile())
    throw invalidArgument('summarizeJsonlFile()', 'path', 'no such file (or not a file)');
  const how = { worker: 'summarize-worker', here: here(), options: shardOptions, tolerateTornTail: false };
  const outcomes = await runShards<typeof shardOptions, SummaryState>(path, workers, how);
  if (outcomes) {
    for (const outcome of outcomes) merged.merge(outcome.state);
    return merged.result();
  }
  try {
    return await summarizeRecords(checkedBundles(path), shardOptions);
  } catch (error) {
    if (!isNotBundled(error)) throw error;
  }
  // A log of several runs (or a feed that writes messages apart from their tickets): the latest versions.
  const { ticketMemory: _memory, ...whole } = shardOptions;
  return summarize(await readDataset(path), whole);
}

/** The file's records, checked to be one bundle per ticket as they stream by. */
async function* checkedBundles(path: string) {
  const check = bundleCheck();
  for await (const batch of readJsonlRecords(path)) {
    for (const record of batch) check(record);
    yield batch;
  }
}
