import type { Checkpoint, HelpdeskAdapter, RequestOptions } from '../adapters/contract.js';
import { SupportkitError } from '../errors/base.js';
import { invalidArgument, invalidOption, ValidationError } from '../errors/validation.js';
import type { DatasetRecord } from '../models/dataset.js';
import { checkpointIssues } from './checkpoint.js';
import { recordKey, type SyncSink } from './sink.js';

/** Consecutive batches that repeat the checkpoint with nothing new before sync gives up. */
const MAX_STALLED_BATCHES = 3;

/** Progress after each batch. */
export interface SyncProgress {
  batches: number;
  /** Records handed to the sink (after de-duplication). */
  records: number;
  /** Records skipped as versions already sent in this run. */
  duplicates: number;
  checkpoint: Checkpoint | null;
}

/** Options of {@link sync}. */
export interface SyncOptions extends RequestOptions {
  sink: SyncSink;
  /**
   * Where to resume; null or absent = from the beginning. Anything else that is not `{ adapter, cursor }` of
   * this adapter throws ValidationError naming the field: a corrupt checkpoint never restarts from zero.
   */
  checkpoint?: Checkpoint | null;
  /** Persist this: it is called only after the sink has durably taken the batch. */
  onCheckpoint?: (checkpoint: Checkpoint) => void | Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
}

/**
 * A change feed that stopped advancing: three batches in a row repeated the checkpoint with nothing new, which
 * would loop forever.
 *
 * @example
 * ```ts
 * if (error instanceof SyncStalledError) console.error('cursor stuck at', error.checkpoint);
 * ```
 */
export class SyncStalledError extends SupportkitError {
  readonly checkpoint: Checkpoint;
  constructor(checkpoint: Checkpoint) {
    super(
      `The ${checkpoint.adapter} change feed kept returning the same checkpoint: its cursor stopped advancing`,
      {
        code: 'sync_stalled',
      },
    );
    this.checkpoint = checkpoint;
  }
}

/**
 * Streams an adapter's changes into a sink, batch by batch: each batch is de-duplicated by id and updated time,
 * written, and only then is its checkpoint handed to `onCheckpoint`. Killed at any point and restarted from the
 * last saved checkpoint, it ends with exactly the same records (a re-sent batch is de-duplicated by the sink).
 * It stops when the feed says it has caught up — for Zendesk's incremental export, within a minute of now.
 *
 * @example
 * ```ts
 * import { createMemoryAdapter } from 'supportkit-ts';
 * import { checkpointFile, jsonlFileSink, sync } from 'supportkit-ts/sync';
 * const saved = checkpointFile('checkpoint.json');
 * const sink = jsonlFileSink('changes.jsonl');
 * try {
 *   await sync(createMemoryAdapter(dataset), { sink, checkpoint: saved.load(), onCheckpoint: saved.save });
 * } finally {
 *   await sink.close();
 * }
 * ```
 */
export async function sync(adapter: HelpdeskAdapter, options: SyncOptions): Promise<SyncProgress> {
  if (typeof (adapter as { changes?: unknown } | null)?.changes !== 'function')
    throw invalidArgument('sync()', 'adapter', 'expected a helpdesk adapter (with changes())');
  if (typeof options !== 'object' || options === null) throw invalidOption('sync', '', 'must be an object');
  if (!options?.sink || typeof options.sink.write !== 'function')
    throw invalidOption('sync', 'sink', 'is required');
  const start = options.checkpoint ?? null;
  if (start !== null) {
    const issues = checkpointIssues(start, ['checkpoint']);
    if (issues.length === 0 && start.adapter !== adapter.name)
      issues.push({
        path: ['checkpoint', 'adapter'],
        code: 'invalid_value',
        message: `expected a checkpoint of the ${adapter.name} adapter`,
      });
    if (issues.length > 0) throw new ValidationError('sync checkpoint', issues);
  }
  const progress: SyncProgress = {
    batches: 0,
    records: 0,
    duplicates: 0,
    checkpoint: start,
  };
  const sent = new Set<string>();
  // A page served twice by mistake happens (a retried request racing a cursor); a cursor stuck for several
  // batches in a row is a loop.
  let stalled = 0;
  const call: RequestOptions = {};
  if (options.signal) call.signal = options.signal;
  for await (const batch of adapter.changes(start, call)) {
    const fresh: DatasetRecord[] = [];
    for (const record of batch.records) {
      const key = recordKey(record);
      if (sent.has(key)) progress.duplicates++;
      else {
        sent.add(key);
        fresh.push(record);
      }
    }
    const repeated =
      progress.checkpoint !== null &&
      JSON.stringify(progress.checkpoint) === JSON.stringify(batch.checkpoint) &&
      fresh.length === 0;
    stalled = repeated ? stalled + 1 : 0;
    if (stalled >= MAX_STALLED_BATCHES) throw new SyncStalledError(batch.checkpoint);
    await options.sink.write(fresh);
    progress.batches++;
    progress.records += fresh.length;
    progress.checkpoint = batch.checkpoint;
    await options.onCheckpoint?.(batch.checkpoint);
    options.onProgress?.({ ...progress });
    if (batch.caughtUp) break;
  }
  return progress;
}
