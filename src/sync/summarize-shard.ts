import { ValidationError } from '../errors/validation.js';
import type { SummaryOptions, SummaryState } from '../metrics/summarize.js';
import { recordSummarizer } from '../metrics/summarize-records.js';
import { readJsonlRange } from './jsonl-reader.js';

/** What one shard of {@link summarizeJsonlFile} reads: its byte range, and the file's header of reference data. */
export interface ShardTask {
  path: string;
  /** Where the first ticket begins: records before it are reference data every shard needs. */
  header: number;
  start: number;
  end: number;
  /** Whether a later shard follows (reference data inside this range would then be missing from it). */
  last: boolean;
  options: SummaryOptions & { asOf: number };
}

/** A shard's state, and what tells whether summing the shards gives the one-pass answer. */
export interface ShardResult {
  state: SummaryState;
  /** Schedules, groups or SLA policies inside the range of a shard that is not the last. */
  referencesAfterHeader: number;
  /** CSAT responses naming a ticket this shard has not read (it may be in an earlier shard). */
  foreignCsat: number;
}

/** The error a shard sends back: a line of the file that is not a record, or another validation failure. */
export type ShardFailure =
  | { kind: 'line'; line: number; message: string }
  | { kind: 'validation'; subject: string; issues: ValidationError['issues'] }
  | { kind: 'other'; message: string };

const REFERENCE_KINDS: ReadonlySet<string> = new Set(['schedules', 'groups', 'slaPolicies']);

/**
 * Summarises one byte range of a JSONL file: the reference data of the header first (unless the range starts
 * there), then every record of the range. Internal to supportkit/sync; runs in a worker thread or in-process.
 *
 * @example
 * ```ts
 * const { state } = await summarizeShard({ path, header: 0, start: 0, end: size, last: true, options: { asOf } });
 * ```
 */
export async function summarizeShard(task: ShardTask): Promise<ShardResult> {
  const summarizer = recordSummarizer(task.options);
  if (task.start > 0) {
    for await (const batch of readJsonlRange(task.path, {
      start: 0,
      end: task.header,
      tolerateTornTail: false,
    }))
      for (const record of batch) if (REFERENCE_KINDS.has(record.kind)) summarizer.push(record);
  }
  const tickets = new Set<string>();
  let referencesAfterHeader = 0;
  let foreignCsat = 0;
  const range = { start: task.start, end: task.end, tolerateTornTail: task.last };
  for await (const batch of readJsonlRange(task.path, range)) {
    for (const record of batch) {
      if (record.kind === 'tickets') tickets.add(record.value.id);
      else if (record.kind === 'csat' && record.value.ticketId && !tickets.has(record.value.ticketId))
        foreignCsat++;
      else if (!task.last && REFERENCE_KINDS.has(record.kind) && tickets.size > 0) referencesAfterHeader++;
      summarizer.push(record);
    }
  }
  return { state: summarizer.accumulator.toJSON(), referencesAfterHeader, foreignCsat };
}

/**
 * A shard's error as plain data a worker can post: line numbers count from the range's first line.
 *
 * @example `parentPort.postMessage({ failure: shardFailure(error) });`
 */
export function shardFailure(error: unknown): ShardFailure {
  if (error instanceof ValidationError) {
    const line = error.issues[0]?.path[0] === 'line' ? error.issues[0].path[1] : undefined;
    if (typeof line === 'number') return { kind: 'line', line, message: error.issues[0]!.message };
    return { kind: 'validation', subject: error.subject, issues: error.issues };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
