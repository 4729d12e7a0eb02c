import { RequestAbortedError } from '../../errors/operations.js';
import { ValidationError } from '../../errors/validation.js';
import type { DatasetRecord } from '../../models/dataset.js';
import type { CsatResponse } from '../../models/survey.js';
import type { Ticket } from '../../models/ticket.js';
import type { ChangeBatch, Checkpoint, RequestOptions } from '../contract.js';
import { ADAPTER, type MemoryStore } from './store.js';

/**
 * The phases of one run of the feed, in order: the people first (tickets name them), then the tickets with their
 * messages, events and CSAT responses, then the survey answers no ticket of the store carries.
 */
const PHASES = ['customers', 'agents', 'groups', 'organizations', 'tickets', 'csat', 'nps', 'ces'] as const;
type Phase = (typeof PHASES)[number];
const PHASE_NAMES: ReadonlySet<string> = new Set(PHASES);

/**
 * Where a phase stands: the version time (ms; null for a record without any time, which sorts first) and the id
 * of the last record it carried, in (time, id) order.
 */
type Position = readonly [ms: number | null, id: string];

const before = (a: Position, b: Position): boolean => {
  const [am, bm] = [a[0] ?? Number.NEGATIVE_INFINITY, b[0] ?? Number.NEGATIVE_INFINITY];
  return am < bm || (am === bm && a[1] < b[1]);
};

/**
 * The cursor: every phase that has moved, with its position, as JSON —
 * `{"customers":[1772440000000,"c1"],"tickets":[1772440005000,"t7"]}`. A phase that is absent starts from the
 * beginning. Each run walks every phase from its own position, so resuming from any checkpoint carries exactly
 * what was not carried yet, in every phase.
 */
const encodeCursor = (positions: ReadonlyMap<Phase, Position>): string =>
  JSON.stringify(
    Object.fromEntries(PHASES.filter((p) => positions.has(p)).map((p) => [p, positions.get(p)])),
  );

/** The cursor this adapter wrote before the feed carried people: `<ticket updated ms>:<ticket id>`. */
const TICKETS_ONLY_CURSOR = /^(-?\d{1,16}):(.+)$/s;

/**
 * The positions a checkpoint stands for. Anything but null/undefined (the beginning) or a cursor this adapter
 * wrote is a ValidationError naming the field, never its value: garbage must not restart the feed from zero.
 * Own properties only, so a parsed `__proto__` key cannot lend it a cursor. A cursor written before the feed
 * carried people (`<ms>:<ticket id>`) resumes the tickets where they stood and every other phase from the
 * beginning.
 */
function decodeCursor(checkpoint: Checkpoint | null | undefined): Map<Phase, Position> {
  const positions = new Map<Phase, Position>();
  if (checkpoint === null || checkpoint === undefined) return positions;
  const bad = (path: string[], message: string) =>
    new ValidationError('memory adapter checkpoint', [{ path, code: 'custom', message }]);
  if (typeof checkpoint !== 'object' || Array.isArray(checkpoint))
    throw bad([], 'expected a checkpoint { adapter, cursor }');
  const own = (key: 'adapter' | 'cursor') => (Object.hasOwn(checkpoint, key) ? checkpoint[key] : undefined);
  if (own('adapter') !== ADAPTER)
    throw bad(['adapter'], `expected "${ADAPTER}": the checkpoint is another adapter's`);
  const cursor = own('cursor');
  const unwritten = () => bad(['cursor'], 'expected a cursor as this adapter writes it');
  if (typeof cursor !== 'string') throw unwritten();
  const old = TICKETS_ONLY_CURSOR.exec(cursor);
  if (old) return positions.set('tickets', [Number(old[1]), old[2]!]);
  let parsed: unknown;
  try {
    parsed = cursor.startsWith('{') ? JSON.parse(cursor) : undefined;
  } catch {
    throw unwritten();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unwritten();
  // JSON.parse makes every key an own property (`__proto__` included); only phase names are read.
  const entries = Object.entries(parsed);
  if (entries.length === 0) throw unwritten();
  for (const [phase, position] of entries) {
    const valid =
      PHASE_NAMES.has(phase) &&
      Array.isArray(position) &&
      position.length === 2 &&
      (position[0] === null || Number.isSafeInteger(position[0])) &&
      typeof position[1] === 'string';
    if (!valid) throw unwritten();
    positions.set(phase as Phase, [position[0] as number | null, position[1] as string]);
  }
  return positions;
}

/**
 * A phase's source: its records in the store, the time it orders them by, and the change records one of them
 * makes (copies, made when its batch is).
 */
interface Source<T extends { id: string } = { id: string }> {
  items(): Iterable<T>;
  time(item: T): Date | undefined;
  records(item: T): DatasetRecord[];
}
const source = <T extends { id: string }>(s: Source<T>) => s as unknown as Source;

/** The position of a record in its phase, now. */
const positionOf = (s: Source, item: { id: string }): Position => [s.time(item)?.getTime() ?? null, item.id];

/**
 * The records of a phase after `from`, in (time, id) order, with the time each had when listed: a record written
 * while the feed runs keeps its place in this run, and the checkpoint after it stands where it was listed (its
 * new version comes in the next run). Three flat arrays — references, times, the order — not an object per record.
 */
function pendingIn(s: Source, from: Position | undefined) {
  const items: Array<{ id: string }> = [];
  const times: number[] = [];
  for (const item of s.items()) {
    const at = positionOf(s, item);
    if (from && !before(from, at)) continue;
    items.push(item);
    times.push(at[0] ?? Number.NEGATIVE_INFINITY);
  }
  const order = Uint32Array.from(items.keys()).sort(
    (a, b) =>
      times[a]! - times[b]! || (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : 0),
  );
  const at = (i: number): Position => [
    times[order[i]!] === Number.NEGATIVE_INFINITY ? null : times[order[i]!]!,
    items[order[i]!]!.id,
  ];
  return { length: items.length, item: (i: number) => items[order[i]!]!, at };
}

/** Whether a phase has any record after `from` (stops at the first). */
function anyPending(s: Source, from: Position | undefined): boolean {
  for (const item of s.items()) if (!from || before(from, positionOf(s, item))) return true;
  return false;
}

/** One ticket with its messages, events and CSAT responses, as change records. */
function ticketRecords(store: MemoryStore, ticket: Ticket, csatOf: ReadonlyMap<string, CsatResponse[]>) {
  const records: DatasetRecord[] = [{ kind: 'tickets', value: structuredClone(ticket) }];
  for (const value of store.messagesOf.get(ticket.id) ?? [])
    records.push({ kind: 'messages', value: structuredClone(value) });
  for (const value of store.eventsOf.get(ticket.id) ?? [])
    records.push({ kind: 'events', value: structuredClone(value) });
  for (const value of csatOf.get(ticket.id) ?? [])
    records.push({ kind: 'csat', value: structuredClone(value) });
  return records;
}

/** Each phase's source over the store. */
function phaseSources(store: MemoryStore): ReadonlyMap<Phase, Source> {
  const { data } = store;
  const one =
    <K extends DatasetRecord['kind']>(kind: K) =>
    (value: Extract<DatasetRecord, { kind: K }>['value']): DatasetRecord[] => [
      { kind, value: structuredClone(value) } as DatasetRecord,
    ];
  // Surveys never change in the memory adapter: grouped by ticket once.
  const csatOf = new Map<string, CsatResponse[]>();
  for (const value of data.csat)
    if (value.ticketId !== null) csatOf.set(value.ticketId, [...(csatOf.get(value.ticketId) ?? []), value]);
  return new Map<Phase, Source>([
    [
      'customers',
      source({
        items: () => store.customers.values(),
        time: (c) => c.updatedAt ?? c.createdAt,
        records: one('customers'),
      }),
    ],
    [
      'agents',
      source({ items: () => data.agents, time: (a) => a.updatedAt ?? a.createdAt, records: one('agents') }),
    ],
    ['groups', source({ items: () => data.groups, time: (g) => g.updatedAt, records: one('groups') })],
    [
      'organizations',
      source({
        items: () => data.organizations,
        time: (o) => o.updatedAt ?? o.createdAt,
        records: one('organizations'),
      }),
    ],
    [
      'tickets',
      source({
        items: () => store.tickets.values(),
        time: (t) => t.updatedAt,
        records: (t) => ticketRecords(store, t, csatOf),
      }),
    ],
    // The CSAT responses no ticket of the store carries.
    [
      'csat',
      source({
        items: () => data.csat.filter((c) => c.ticketId === null || !store.tickets.has(c.ticketId)),
        time: (x) => x.createdAt,
        records: one('csat'),
      }),
    ],
    ['nps', source({ items: () => data.nps, time: (x) => x.createdAt, records: one('nps') })],
    ['ces', source({ items: () => data.ces, time: (x) => x.createdAt, records: one('ces') })],
  ]);
}

/**
 * The memory adapter's change feed. Each run walks its phases in order — customers, agents, groups and
 * organizations in (updatedAt ?? createdAt, id) order (a record without any time first, by id), then tickets in
 * (updatedAt, id) order each with its messages, events and CSAT responses, then the CSAT responses no ticket of
 * the store carries and the NPS and CES answers in (createdAt, id) order — each from where the checkpoint left
 * it, `pageSize` records (tickets, for the ticket phase) a batch. A customer changed after the checkpoint
 * (`customers.update`, `addNote`, a new one) comes again; deleted and merged customers come as the dataset holds
 * them. Beyond the store, a run holds one phase's order (a reference and a time per record) and one page of
 * copies. An aborted `signal` stops the feed before its next batch with RequestAbortedError.
 *
 * @example
 * ```ts
 * for await (const batch of memoryChanges(store)(null)) save(batch.records, batch.checkpoint);
 * ```
 */
export function memoryChanges(store: MemoryStore) {
  const sources = phaseSources(store);
  return async function* changes(
    checkpoint?: Checkpoint | null,
    options?: RequestOptions,
  ): AsyncGenerator<ChangeBatch> {
    const positions = decodeCursor(checkpoint);
    for (const [index, phase] of PHASES.entries()) {
      const s = sources.get(phase)!;
      const pending = pendingIn(s, positions.get(phase));
      for (let start = 0; start < pending.length; start += store.pageSize) {
        const signal = options?.signal;
        if (signal?.aborted)
          throw new RequestAbortedError({ adapter: ADAPTER, method: 'changes', reason: signal.reason });
        const end = Math.min(start + store.pageSize, pending.length);
        const records: DatasetRecord[] = [];
        for (let i = start; i < end; i++) records.push(...s.records(pending.item(i)));
        positions.set(phase, pending.at(end - 1));
        const caughtUp =
          end === pending.length &&
          PHASES.slice(index + 1).every((later) => !anyPending(sources.get(later)!, positions.get(later)));
        yield { records, checkpoint: { adapter: ADAPTER, cursor: encodeCursor(positions) }, caughtUp };
      }
    }
  };
}
