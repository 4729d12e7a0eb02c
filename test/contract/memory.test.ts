import { describe, expect, it } from 'vitest';
import {
  type ChangeBatch,
  type Checkpoint,
  createMemoryAdapter,
  type DatasetRecord,
  parseDataset,
  ValidationError,
} from '../../src/index.js';
import { recordKey } from '../../src/sync/index.js';
import { runContractSuite, seed } from './contract-suite.js';

let tick = Date.parse('2026-03-05T00:00:00Z');
const clock = () => {
  tick += 1000;
  return new Date(tick);
};
runContractSuite('memory', () => ({
  adapter: createMemoryAdapter(seed, { pageSize: 2, now: clock }),
  pageSize: 2,
}));

const at = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000).toISOString();
const collect = async (feed: AsyncIterable<ChangeBatch>) => {
  const batches: ChangeBatch[] = [];
  for await (const batch of feed) batches.push(batch);
  return batches;
};
const idsOf = (records: DatasetRecord[], kind: DatasetRecord['kind']) =>
  records.filter((r) => r.kind === kind).map((r) => (r.value as { id: string }).id);

/** People with every kind of identity, a deleted one and a merged one, surveys with and without a ticket. */
const people = parseDataset({
  customers: [
    {
      id: 'c-merged',
      name: 'Ada (old account)',
      identities: [{ kind: 'email', value: 'ada.old@example.com' }],
      mergedIntoId: 'c-ada',
      active: false,
      createdAt: at(-500),
      updatedAt: at(-10),
    },
    {
      id: 'c-ada',
      name: 'Ada',
      identities: [
        { kind: 'email', value: 'ada@example.com', primary: true },
        { kind: 'phone', value: '+390612345678' },
        { kind: 'handle', channel: 'whatsapp', value: '+390612345678' },
        { kind: 'external', adapter: 'zendesk', value: '381726' },
      ],
      createdAt: at(-900),
    },
    {
      id: 'c-gone',
      name: 'Gone',
      identities: [{ kind: 'email', value: 'gone@example.com' }],
      deleted: true,
      active: false,
      createdAt: at(-800),
      updatedAt: at(-20),
    },
  ],
  // Agents without any time come first, by id; then by time.
  agents: [
    { id: 'a-2', name: 'Bea', updatedAt: at(-30) },
    { id: 'a-9', name: 'Zed' },
    { id: 'a-1', name: 'Marco' },
  ],
  groups: [{ id: 'g-1', name: 'Billing' }],
  organizations: [{ id: 'o-1', name: 'Acme', createdAt: at(-1000) }],
  tickets: [
    {
      id: 't-1',
      subject: 'Invoice',
      status: 'open',
      requesterId: 'c-ada',
      createdAt: at(0),
      updatedAt: at(5),
    },
  ],
  csat: [
    { id: 's-1', ticketId: 't-1', customerId: 'c-ada', rating: 'good', createdAt: at(6) },
    { id: 's-2', customerId: 'c-ada', rating: 4, createdAt: at(7) },
  ],
  nps: [
    { id: 'n-2', customerId: 'c-ada', score: 9, createdAt: at(9) },
    { id: 'n-1', customerId: 'c-gone', score: 3, createdAt: at(8) },
  ],
  ces: [{ id: 'e-1', ticketId: 't-1', customerId: 'c-ada', score: 6, createdAt: at(10) }],
});

describe('the memory change feed', () => {
  const make = (pageSize = 2) => {
    let now = Date.parse('2026-03-05T00:00:00Z');
    const next = () => {
      now += 1000;
      return new Date(now);
    };
    return createMemoryAdapter(people, { pageSize, now: next });
  };

  it('carries people first, then tickets with their records, then the surveys no ticket carries, each in its order', async () => {
    const batches = await collect(make().changes(null));
    const kinds = batches.map((b) => [...new Set(b.records.map((r) => r.kind))].join('+'));
    expect(kinds).toEqual([
      'customers',
      'customers',
      'agents',
      'agents',
      'groups',
      'organizations',
      'tickets+csat',
      'csat',
      'nps',
      'ces',
    ]);
    expect(batches.map((b) => b.caughtUp)).toEqual([...Array(9).fill(false), true]);
    const records = batches.flatMap((b) => b.records);
    // (updatedAt ?? createdAt, id): Ada (created at -900), Gone (updated at -20), the merged one (at -10).
    expect(idsOf(records, 'customers')).toEqual(['c-ada', 'c-gone', 'c-merged']);
    expect(idsOf(records, 'agents')).toEqual(['a-1', 'a-9', 'a-2']);
    // The CSAT about a ticket comes with it, once; the one without a ticket in the survey phase.
    expect(idsOf(records, 'csat')).toEqual(['s-1', 's-2']);
    expect(idsOf(records, 'nps')).toEqual(['n-1', 'n-2']);
    expect(idsOf(records, 'ces')).toEqual(['e-1']);
    // Deleted and merged customers come as they are, with every identity.
    for (const customer of people.customers)
      expect(records.find((r) => r.kind === 'customers' && r.value.id === customer.id)?.value).toEqual(
        customer,
      );
  });

  it('sends a customer again after the checkpoint when it is created, updated or given a note, and nothing else', async () => {
    const helpdesk = make(10);
    const first = await collect(helpdesk.changes(null));
    const last = first.at(-1)!.checkpoint;
    expect(await collect(helpdesk.changes(last))).toEqual([]);
    const made = await helpdesk.customers.create({ name: 'Cy', email: 'cy@example.com' });
    await helpdesk.customers.update('c-gone', { name: 'Gone for good' });
    await helpdesk.customers.addNote('c-ada', {
      authorId: 'a-1',
      authorName: 'Marco',
      body: 'Prefers phone calls',
      at: at(60),
    });
    const next = (await collect(helpdesk.changes(last))).flatMap((b) => b.records);
    expect(next.map((r) => r.kind)).toEqual(['customers', 'customers', 'customers']);
    expect(idsOf(next, 'customers')).toEqual([made.id, 'c-gone', 'c-ada']);
    expect(next[1]!.value).toMatchObject({ name: 'Gone for good', deleted: true });
    expect(next[2]!.value).toMatchObject({
      notes: [expect.objectContaining({ body: 'Prefers phone calls' })],
    });
  });

  it('stamps each write past every version of its kind, so writes within one clock tick stay versions the feed finds', async () => {
    const stopped = new Date('2026-03-05T00:00:00Z');
    const helpdesk = createMemoryAdapter(people, { now: () => stopped });
    const keys = new Set<string>();
    let checkpoint: Checkpoint | null = null;
    const sync = async () => {
      for (const batch of await collect(helpdesk.changes(checkpoint))) {
        for (const record of batch.records) keys.add(recordKey(record));
        checkpoint = batch.checkpoint;
      }
    };
    const versionsOf = (prefix: string) => [...keys].filter((k) => k.startsWith(prefix)).length;
    await sync();
    const one = await helpdesk.customers.update('c-ada', { name: 'Ada R.' });
    const ticket = await helpdesk.tickets.update('t-1', { status: 'pending' });
    await sync();
    const two = await helpdesk.customers.update('c-ada', { name: 'Ada Rossi' });
    const again = await helpdesk.tickets.update('t-1', { status: 'open' });
    await sync();
    expect(one.updatedAt).toEqual(stopped);
    expect(two.updatedAt!.getTime()).toBe(stopped.getTime() + 1);
    expect(again.updatedAt.getTime()).toBe(ticket.updatedAt.getTime() + 1);
    // The dataset's version and the two written in the same clock tick: three versions each, all synced.
    expect(versionsOf('customers:c-ada:')).toBe(3);
    expect(versionsOf('tickets:t-1:')).toBe(3);
    // Still in the same tick, a write to a record whose id sorts before the last one carried (c-ada < c3) is
    // after the checkpoint: it is stamped past every customer's time, not at the frozen clock's.
    const zed = await helpdesk.customers.create({ name: 'Zed', email: 'zed@example.com' });
    await sync();
    expect(JSON.parse(checkpoint!.cursor).customers).toEqual([zed.createdAt.getTime(), zed.id]);
    expect('c-ada' < zed.id).toBe(true);
    await helpdesk.customers.update('c-ada', { name: 'Ada' });
    await sync();
    expect(versionsOf('customers:c-ada:')).toBe(4);
  });

  it('resumes a checkpoint written before it carried people: tickets where they stood, people from the beginning', async () => {
    const helpdesk = make();
    const old: Checkpoint = { adapter: 'memory', cursor: `${Date.parse(at(5))}:t-1` };
    const records = (await collect(helpdesk.changes(old))).flatMap((b) => b.records);
    expect(idsOf(records, 'tickets')).toEqual([]);
    expect(idsOf(records, 'customers')).toEqual(['c-ada', 'c-gone', 'c-merged']);
    expect(idsOf(records, 'agents')).toEqual(['a-1', 'a-9', 'a-2']);
    expect(idsOf(records, 'nps')).toEqual(['n-1', 'n-2']);
    const earlier: Checkpoint = { adapter: 'memory', cursor: `${Date.parse(at(4))}:t-1` };
    const again = (await collect(helpdesk.changes(earlier))).flatMap((b) => b.records);
    expect(idsOf(again, 'tickets')).toEqual(['t-1']);
  });

  it('writes a cursor of positions by phase, and refuses one it did not write without quoting it', async () => {
    const batches = await collect(make().changes(null));
    expect(JSON.parse(batches[0]!.checkpoint.cursor)).toEqual({
      customers: [Date.parse(at(-20)), 'c-gone'],
    });
    expect(Object.keys(JSON.parse(batches.at(-1)!.checkpoint.cursor))).toEqual([
      'customers',
      'agents',
      'groups',
      'organizations',
      'tickets',
      'csat',
      'nps',
      'ces',
    ]);
    // Groups have no time here: their position has none.
    expect(JSON.parse(batches.at(-1)!.checkpoint.cursor).groups).toEqual([null, 'g-1']);
    const secret = 'Mario Rossi 4111';
    for (const cursor of [
      '{}',
      `{"customers":[1,"${secret}"],"secrets":[1,"a"]}`,
      '{"__proto__":[1,"a"]}',
      '{"tickets":[1.5,"a"]}',
      '{"tickets":"1:a"}',
      '{"tickets":[1,"a",2]}',
      '[1,"a"]',
      `{"customers":[1,"${secret}"]`,
    ]) {
      const error = await collect(make().changes({ adapter: 'memory', cursor })).catch((e: unknown) => e);
      expect(error, cursor).toBeInstanceOf(ValidationError);
      expect(
        (error as ValidationError).issues.map((i) => i.path),
        cursor,
      ).toEqual([['cursor']]);
      expect(JSON.stringify([String(error), (error as ValidationError).issues]), cursor).not.toContain(
        'Mario',
      );
    }
    // A cursor naming a `__proto__` customer id is data like any other.
    const proto = { adapter: 'memory', cursor: '{"customers":[0,"__proto__"]}' };
    expect((await collect(make().changes(proto))).length).toBeGreaterThan(0);
  });
});
