/**
 * Whether a record stream is one bundle per ticket — each ticket once, its messages and events right after it —
 * as one sync run of a grouping feed writes it. A synced folder is an append-only log: a second run appends a
 * ticket's new version after the first, and some feeds (Zendesk's ticket-event export) write messages apart from
 * their tickets. Read in one pass such a log would count a ticket twice, or fail; it must be read as the latest
 * version of each record instead (`readDataset`). Internal to supportkit-ts/sync and the command line.
 */
import { ValidationError } from '../errors/validation.js';
import type { DatasetRecord } from '../models/dataset.js';

/** A record stream that is not one bundle per ticket. Internal: the readers catch it and read the latest versions. */
export class NotBundledError extends Error {
  constructor() {
    super('the records are a log of several versions, not one bundle per ticket');
    this.name = 'NotBundledError';
  }
}

/**
 * A check to run on every record of a one-pass read: throws {@link NotBundledError} at a ticket seen before.
 * @example `const check = bundleCheck(); for (const record of batch) { check(record); collector.push(record); }`
 */
export function bundleCheck(): (record: DatasetRecord) => void {
  const seen = new Set<string>();
  return (record) => {
    if (record.kind !== 'tickets') return;
    const id = `${record.value.source?.adapter ?? ''}\u0000${record.value.id}`;
    if (seen.has(id)) throw new NotBundledError();
    seen.add(id);
  };
}

/**
 * Whether an error of a one-pass read means "not one bundle per ticket": a repeated ticket, or a message or
 * event that does not follow its ticket (the summarizer's ValidationError).
 * @example `if (!isNotBundled(error)) throw error;`
 */
export function isNotBundled(error: unknown): boolean {
  if (error instanceof NotBundledError) return true;
  return (
    error instanceof ValidationError &&
    error.issues.some((issue) => issue.message.startsWith('record does not follow its ticket'))
  );
}

/**
 * A 32-bit FNV-1a hash of a ticket's id (and adapter), for comparing the tickets of shards without shipping the
 * ids: equal hashes in two shards may be one ticket twice (or a collision: then the file is read another way,
 * which is only slower).
 * @example `ticketHash(ticket) // 2166136261…`
 */
export function ticketHash(ticket: { id: string; source?: { adapter: string } | null }): number {
  const key = `${ticket.source?.adapter ?? ''}\u0000${ticket.id}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
