import { createHash } from 'node:crypto';
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

/** Kinds whose records never change once written: their id (and creation time) is the version. */
const IMMUTABLE_KINDS: ReadonlySet<string> = new Set(['messages', 'events']);

/**
 * The identity of a record version: kind, id and the version — the updated time of a record that has one; the
 * creation time of a message or event (they never change); otherwise a hash of the record's content, so that an
 * agent renamed, a group moved to another schedule or a CSAT rating changed from bad to good is a new version
 * (none of them carries an updated time everywhere). Two records with the same key are the same version; sync
 * writes each version once.
 *
 * @example
 * ```ts
 * recordKey({ kind: 'tickets', value: ticket }); // 'tickets:1001:1772440000000'
 * recordKey({ kind: 'groups', value: { id: 'g1', name: 'Billing', scheduleId: null } }); // 'groups:g1:#…'
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
  const prefix = `${record.kind}:${value.id ?? ''}:`;
  if (value.updatedAt instanceof Date) return prefix + value.updatedAt.getTime();
  if (IMMUTABLE_KINDS.has(record.kind))
    return prefix + (value.createdAt instanceof Date ? value.createdAt.getTime() : '');
  return `${prefix}#${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)}`;
}
