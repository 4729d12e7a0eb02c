/**
 * The change feed with people, as a property: random writes to the memory adapter (customers and tickets
 * created and changed, notes, messages) interleaved with syncs into one JSONL file, each sync killed at a
 * random batch (onCheckpoint throwing before or after the checkpoint is saved, or the signal aborted) and the
 * next resuming from the saved checkpoint. However the runs fall, the file ends with each record version once
 * and the latest version of every record there. The clock may stand still between writes: versions are told
 * apart by their times, so writes within one tick must still be versions the feed finds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Checkpoint,
  createMemoryAdapter,
  type DatasetRecord,
  type HelpdeskAdapter,
  parseDataset,
  RequestAbortedError,
} from '../../src/index.js';
import { jsonlFileSink, readJsonlRecords, recordKey, sync } from '../../src/sync/index.js';

const dir = mkdtempSync(join(tmpdir(), 'supportkit-people-feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const at = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000);

/** A small helpdesk: people of every kind (a deleted and a merged customer), tickets with records, surveys. */
const base = parseDataset({
  customers: [
    { id: 'c-1', name: 'Ada', identities: [{ kind: 'email', value: 'ada@example.com' }], createdAt: at(-90) },
    {
      id: 'c-2',
      name: 'Bo',
      identities: [
        { kind: 'email', value: 'bo@example.com' },
        { kind: 'phone', value: '+390612345678' },
      ],
      createdAt: at(-80),
      updatedAt: at(-5),
    },
    { id: 'c-3', name: 'Old Bo', deleted: true, active: false, mergedIntoId: 'c-2', createdAt: at(-70) },
  ],
  agents: [
    { id: 'a-1', name: 'Marco' },
    { id: 'a-2', name: 'Lia', updatedAt: at(-60) },
  ],
  groups: [{ id: 'g-1', name: 'Billing' }],
  organizations: [{ id: 'o-1', name: 'Acme', createdAt: at(-100) }],
  tickets: [0, 1, 2].map((i) => ({
    id: `t-${i}`,
    subject: `Ticket ${i}`,
    status: 'open',
    requesterId: i === 0 ? 'c-1' : 'c-2',
    createdAt: at(i * 10),
    updatedAt: at(i * 10 + 5),
  })),
  messages: [
    {
      id: 'm-1',
      ticketId: 't-0',
      authorId: 'c-1',
      authorRole: 'end-user',
      public: true,
      body: 'Hi',
      createdAt: at(0),
    },
  ],
  csat: [{ id: 's-1', ticketId: 't-0', customerId: 'c-1', rating: 'good', createdAt: at(6) }],
  nps: [{ id: 'n-1', customerId: 'c-1', score: 9, createdAt: at(7) }],
  ces: [{ id: 'e-1', customerId: 'c-2', score: 5, createdAt: at(8) }],
});

type Write =
  | { op: 'createCustomer'; name: string }
  | { op: 'updateCustomer'; pick: number; name: string }
  | { op: 'noteCustomer'; pick: number; body: string }
  | { op: 'createTicket'; pick: number; subject: string; byEmail: boolean }
  | { op: 'updateTicket'; pick: number; status: 'open' | 'pending' | 'solved' }
  | { op: 'addMessage'; pick: number; body: string };
type Step =
  | Write
  | { op: 'tick'; ms: number }
  | { op: 'sync'; killAfter: number | null; how: 'before-save' | 'after-save' | 'abort' };

const text = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '');
const pick = fc.nat({ max: 50 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('createCustomer' as const), name: text }),
  fc.record({ op: fc.constant('updateCustomer' as const), pick, name: text }),
  fc.record({ op: fc.constant('noteCustomer' as const), pick, body: text }),
  fc.record({ op: fc.constant('createTicket' as const), pick, subject: text, byEmail: fc.boolean() }),
  fc.record({
    op: fc.constant('updateTicket' as const),
    pick,
    status: fc.constantFrom('open' as const, 'pending' as const, 'solved' as const),
  }),
  fc.record({ op: fc.constant('addMessage' as const), pick, body: text }),
  // The clock stands still unless a tick moves it: many writes share one instant.
  fc.record({ op: fc.constant('tick' as const), ms: fc.constantFrom(1, 1000) }),
  fc.record({
    op: fc.constant('sync' as const),
    killAfter: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    how: fc.constantFrom('before-save' as const, 'after-save' as const, 'abort' as const),
  }),
);

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const nth = <T>(list: readonly T[], index: number) => list[index % list.length]!;

async function write(helpdesk: HelpdeskAdapter, w: Write, serial: number) {
  const customers = await collect(helpdesk.customers.list());
  const tickets = await collect(helpdesk.tickets.list());
  switch (w.op) {
    case 'createCustomer':
      return helpdesk.customers.create({ name: w.name, email: `p${serial}@example.com` });
    case 'updateCustomer':
      return helpdesk.customers.update(nth(customers, w.pick).id, { name: w.name });
    case 'noteCustomer':
      return helpdesk.customers.addNote(nth(customers, w.pick).id, {
        authorId: 'a-1',
        body: w.body,
        at: new Date(Date.parse('2027-01-01T00:00:00Z') + serial),
      });
    case 'createTicket':
      return helpdesk.tickets.create(
        w.byEmail
          ? { subject: w.subject, requester: { email: `r${serial}@example.com` } }
          : { subject: w.subject, requesterId: nth(customers, w.pick).id },
      );
    case 'updateTicket':
      return helpdesk.tickets.update(nth(tickets, w.pick).id, { status: w.status });
    case 'addMessage':
      return helpdesk.tickets.addMessage(nth(tickets, w.pick).id, { public: true, body: w.body });
  }
}

/** Every record the helpdesk holds now, as the feed would carry it. */
async function current(helpdesk: HelpdeskAdapter): Promise<DatasetRecord[]> {
  const records: DatasetRecord[] = [];
  const all = async <K extends DatasetRecord['kind']>(kind: K, list: AsyncIterable<unknown>) => {
    for await (const value of list) records.push({ kind, value } as DatasetRecord);
  };
  await all('customers', helpdesk.customers.list());
  await all('agents', helpdesk.agents.list());
  await all('groups', helpdesk.groups.list());
  await all('organizations', helpdesk.organizations.list());
  for (const ticket of await collect(helpdesk.tickets.list())) {
    records.push({ kind: 'tickets', value: ticket });
    await all('messages', helpdesk.tickets.listMessages(ticket.id));
    await all('events', helpdesk.tickets.listEvents(ticket.id));
  }
  await all('csat', helpdesk.surveys.listCsat());
  await all('nps', helpdesk.surveys.listNps());
  for (const value of base.ces) records.push({ kind: 'ces', value });
  return records;
}

describe('the change feed with people, killed and resumed among writes (property)', () => {
  it('ends with each record version once in the file, and the latest of every record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        let now = Date.parse('2026-04-01T00:00:00Z');
        const helpdesk = createMemoryAdapter(base, { pageSize: 2, now: () => new Date(now) });
        const path = join(dir, `feed-${++files}.jsonl`);
        let saved: Checkpoint | null = null;
        const run = async (killAfter: number | null, how: string) => {
          const controller = new AbortController();
          let batches = 0;
          const sink = jsonlFileSink(path);
          const outcome = await sync(helpdesk, {
            sink,
            checkpoint: saved,
            signal: controller.signal,
            onCheckpoint: (checkpoint) => {
              const kill = ++batches === killAfter;
              if (kill && how === 'before-save') throw new Error('killed');
              saved = checkpoint;
              if (kill && how === 'after-save') throw new Error('killed');
              if (kill) controller.abort();
            },
          })
            .then(() => 'finished')
            .catch((error: unknown) => error)
            .finally(() => sink.close());
          if (outcome !== 'finished' && (outcome as Error).message !== 'killed')
            expect(outcome).toBeInstanceOf(RequestAbortedError);
        };
        let serial = 0;
        for (const s of steps) {
          if (s.op === 'tick') now += s.ms;
          else if (s.op === 'sync') await run(s.killAfter, s.how);
          else await write(helpdesk, s, ++serial);
        }
        await run(null, 'none');
        const written: DatasetRecord[] = [];
        for await (const batch of readJsonlRecords(path)) written.push(...batch);
        const keys = written.map(recordKey);
        expect(keys.length, 'each version once').toBe(new Set(keys).size);
        const byKey = new Map(written.map((r) => [recordKey(r), r]));
        for (const record of await current(helpdesk)) {
          const label = `${record.kind} ${(record.value as { id: string }).id}: its latest version`;
          expect(byKey.get(recordKey(record)), label).toEqual(record);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
