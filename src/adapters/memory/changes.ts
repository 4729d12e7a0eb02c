import { RequestAbortedError } from '../../errors/operations.js';
import { ValidationError } from '../../errors/validation.js';
import type { DatasetRecord } from '../../models/dataset.js';
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

/** One record the feed may carry: its position, and its records, copied when its batch is made. */
interface Entry {
  at: Position;
  records: () => DatasetRecord[];
}

const position = (id: string, time: Date | undefined): Position => [time ? time.getTime() : null, id];

/** The entries of a phase after `from`, in (time, id) order. */
function pending<T extends { id: string }>(
  items: Iterable<T>,
  from: Position | undefined,
  time: (item: T) => Date | undefined,
  records: (item: T) => DatasetRecord[],
): Entry[] {
  const out: Entry[] = [];
  for (const item of items) {
    const at = position(item.id, time(item));
    if (!from || before(from, at)) out.push({ at, records: () => records(item) });
  }
  return out.sort((a, b) => (before(a.at, b.at) ? -1 : before(b.at, a.at) ? 1 : 0));
}

/** One ticket with its messages, events and CSAT responses, as change records. */
function ticketRecords(store: MemoryStore, ticket: Ticket, surveysOf: Map<string, DatasetRecord[]>) {
  const records: DatasetRecord[] = [{ kind: 'tickets', value: structuredClone(ticket) }];
  for (const value of store.messagesOf.get(ticket.id) ?? [])
    records.push({ kind: 'messages', value: structuredClone(value) });
  for (const value of store.eventsOf.get(ticket.id) ?? [])
    records.push({ kind: 'events', value: structuredClone(value) });
  for (const survey of surveysOf.get(ticket.id) ?? []) records.push(structuredClone(survey));
  return records;
}

/** What each phase has after its position, at the start of a run. */
function phaseEntries(store: MemoryStore, positions: ReadonlyMap<Phase, Position>): Map<Phase, Entry[]> {
  const { data } = store;
  const one =
    <K extends DatasetRecord['kind']>(kind: K) =>
    (value: Extract<DatasetRecord, { kind: K }>['value']): DatasetRecord[] => [
      { kind, value: structuredClone(value) } as DatasetRecord,
    ];
  const csatOf = new Map<string, DatasetRecord[]>();
  const looseCsat = [];
  for (const value of data.csat)
    if (value.ticketId !== null && store.tickets.has(value.ticketId))
      csatOf.set(value.ticketId, [...(csatOf.get(value.ticketId) ?? []), { kind: 'csat', value }]);
    else looseCsat.push(value);
  const created = (x: { createdAt: Date }) => x.createdAt;
  return new Map<Phase, Entry[]>([
    [
      'customers',
      pending(
        store.customers.values(),
        positions.get('customers'),
        (c) => c.updatedAt ?? c.createdAt,
        one('customers'),
      ),
    ],
    [
      'agents',
      pending(data.agents, positions.get('agents'), (a) => a.updatedAt ?? a.createdAt, one('agents')),
    ],
    ['groups', pending(data.groups, positions.get('groups'), (g) => g.updatedAt, one('groups'))],
    [
      'organizations',
      pending(
        data.organizations,
        positions.get('organizations'),
        (o) => o.updatedAt ?? o.createdAt,
        one('organizations'),
      ),
    ],
    [
      'tickets',
      pending(
        store.tickets.values(),
        positions.get('tickets'),
        (t) => t.updatedAt,
        (t) => ticketRecords(store, t, csatOf),
      ),
    ],
    ['csat', pending(looseCsat, positions.get('csat'), created, one('csat'))],
    ['nps', pending(data.nps, positions.get('nps'), created, one('nps'))],
    ['ces', pending(data.ces, positions.get('ces'), created, one('ces'))],
  ]);
}

/**
 * The memory adapter's change feed. Each run walks its phases in order — customers, agents, groups and
 * organizations in (updatedAt ?? createdAt, id) order (a record without any time first, by id), then tickets in
 * (updatedAt, id) order each with its messages, events and CSAT responses, then the CSAT responses no ticket of
 * the store carries and the NPS and CES answers in (createdAt, id) order — each from where the checkpoint left
 * it, `pageSize` records (tickets, for the ticket phase) a batch. A customer changed after the checkpoint
 * (`customers.update`, `addNote`, a new one) comes again; deleted and merged customers come as the dataset holds
 * them. An aborted `signal` stops the feed before its next batch with RequestAbortedError.
 *
 * @example
 * ```ts
 * for await (const batch of memoryChanges(store)(null)) save(batch.records, batch.checkpoint);
 * ```
 */
export function memoryChanges(store: MemoryStore) {
  return async function* changes(
    checkpoint?: Checkpoint | null,
    options?: RequestOptions,
  ): AsyncGenerator<ChangeBatch> {
    const positions = decodeCursor(checkpoint);
    const entries = phaseEntries(store, positions);
    const batches: Array<{ phase: Phase; page: Entry[] }> = [];
    for (const phase of PHASES) {
      const list = entries.get(phase)!;
      for (let i = 0; i < list.length; i += store.pageSize)
        batches.push({ phase, page: list.slice(i, i + store.pageSize) });
    }
    for (const [index, { phase, page }] of batches.entries()) {
      const signal = options?.signal;
      if (signal?.aborted)
        throw new RequestAbortedError({ adapter: ADAPTER, method: 'changes', reason: signal.reason });
      positions.set(phase, page.at(-1)!.at);
      yield {
        records: page.flatMap((entry) => entry.records()),
        checkpoint: { adapter: ADAPTER, cursor: encodeCursor(positions) },
        caughtUp: index === batches.length - 1,
      };
    }
  };
}
