import { ValidationError } from '../../errors/validation.js';
import type { DatasetRecord } from '../../models/dataset.js';
import type { Ticket } from '../../models/ticket.js';
import type { ChangeBatch, Checkpoint } from '../contract.js';
import { ADAPTER, type MemoryStore } from './store.js';

/** Cursor of the change feed: last ticket updatedAt (ms) and id seen, in (updatedAt, id) order. */
const encodeCursor = (ms: number, id: string): string => `${ms}:${id}`;

/**
 * The position a checkpoint stands for. Anything but null/undefined (the beginning) or a cursor this adapter
 * wrote is a ValidationError naming the field, never its value: garbage must not restart the feed from zero.
 * Own properties only, so a parsed `__proto__` key cannot lend it a cursor.
 */
function decodeCursor(checkpoint: Checkpoint | null | undefined): [number, string] {
  if (checkpoint === null || checkpoint === undefined) return [Number.NEGATIVE_INFINITY, ''];
  const bad = (path: string[], message: string) =>
    new ValidationError('memory adapter checkpoint', [{ path, code: 'custom', message }]);
  if (typeof checkpoint !== 'object' || Array.isArray(checkpoint))
    throw bad([], 'expected a checkpoint { adapter, cursor }');
  const own = (key: 'adapter' | 'cursor') => (Object.hasOwn(checkpoint, key) ? checkpoint[key] : undefined);
  if (own('adapter') !== ADAPTER)
    throw bad(['adapter'], `expected "${ADAPTER}": the checkpoint is another adapter's`);
  const cursor = own('cursor');
  const match = typeof cursor === 'string' ? /^(-?\d{1,16}):(.+)$/s.exec(cursor) : null;
  if (!match) throw bad(['cursor'], 'expected "<updated ms>:<ticket id>" as this adapter writes it');
  return [Number(match[1]), match[2]!];
}

const byUpdate = (a: Ticket, b: Ticket) =>
  a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One ticket with its messages, events and CSAT responses, as change records. */
function recordsOf(store: MemoryStore, ticket: Ticket, surveysOf: Map<string, DatasetRecord[]>) {
  const records: DatasetRecord[] = [{ kind: 'tickets', value: structuredClone(ticket) }];
  for (const value of store.messagesOf.get(ticket.id) ?? [])
    records.push({ kind: 'messages', value: structuredClone(value) });
  for (const value of store.eventsOf.get(ticket.id) ?? [])
    records.push({ kind: 'events', value: structuredClone(value) });
  for (const survey of surveysOf.get(ticket.id) ?? []) records.push(structuredClone(survey));
  return records;
}

/**
 * The memory adapter's change feed: tickets in (updatedAt, id) order after the checkpoint, each with its
 * messages, events and CSAT responses, `pageSize` tickets a batch.
 *
 * @example
 * ```ts
 * for await (const batch of memoryChanges(store)(null)) save(batch.records, batch.checkpoint);
 * ```
 */
export function memoryChanges(store: MemoryStore) {
  return async function* changes(checkpoint?: Checkpoint | null): AsyncGenerator<ChangeBatch> {
    const [afterMs, afterId] = decodeCursor(checkpoint);
    const changed = [...store.tickets.values()]
      .filter((t) => {
        const ms = t.updatedAt.getTime();
        return ms > afterMs || (ms === afterMs && t.id > afterId);
      })
      .sort(byUpdate);
    const surveysOf = new Map<string, DatasetRecord[]>();
    for (const value of store.data.csat)
      if (value.ticketId)
        surveysOf.set(value.ticketId, [...(surveysOf.get(value.ticketId) ?? []), { kind: 'csat', value }]);
    for (let i = 0; i < changed.length; i += store.pageSize) {
      const batch = changed.slice(i, i + store.pageSize);
      const last = batch[batch.length - 1]!;
      yield {
        records: batch.flatMap((ticket) => recordsOf(store, ticket, surveysOf)),
        checkpoint: { adapter: ADAPTER, cursor: encodeCursor(last.updatedAt.getTime(), last.id) },
        caughtUp: i + store.pageSize >= changed.length,
      };
    }
  };
}
