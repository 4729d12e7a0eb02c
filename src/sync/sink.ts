import { invalidArgument } from '../errors/validation.js';
import type { DatasetRecord } from '../models/dataset.js';

/** Where a sync writes records. `write` must resolve only when the records are durable. */
export interface SyncSink {
  write(records: readonly DatasetRecord[]): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A sink that hands each batch to a callback (a queue, a database, an in-memory array).
 *
 * @example
 * ```ts
 * const received = [];
 * const sink = callbackSink(async (records) => { received.push(...records); });
 * ```
 */
export function callbackSink(
  onRecords: (records: readonly DatasetRecord[]) => void | Promise<void>,
): SyncSink {
  if (typeof onRecords !== 'function')
    throw invalidArgument('callbackSink()', 'onRecords', 'expected a function (records) => void');
  return { write: async (records) => void (await onRecords(records)) };
}

/**
 * The identity of a record version: kind, id and — for records that change — the updated time. Two records
 * with the same key are the same version; sync writes each version once.
 *
 * @example
 * ```ts
 * recordKey({ kind: 'tickets', value: ticket }); // 'tickets:1001:1772440000000'
 * ```
 */
export function recordKey(record: DatasetRecord): string {
  if (
    typeof record !== 'object' ||
    record === null ||
    typeof record.value !== 'object' ||
    record.value === null
  )
    throw invalidArgument('recordKey()', 'record', 'expected a record { kind, value }');
  const value = record.value as { id?: string; updatedAt?: Date; createdAt?: Date };
  const version = value.updatedAt ?? value.createdAt;
  return `${record.kind}:${value.id ?? ''}:${version instanceof Date ? version.getTime() : ''}`;
}
