/**
 * The people in the Zendesk change feed, through the public surface against the fake (which follows Zendesk's
 * OpenAPI description): users with every identity and their notes, agents, organizations, groups and
 * satisfaction ratings arrive; a person changed later arrives again; a deleted or merged user is recorded as
 * such; a sync killed after any batch and resumed from its saved checkpoint writes each version once; a
 * checkpoint of the previous version resumes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  apiTokenAuth,
  type ChangeBatch,
  type Checkpoint,
  type CsatResponse,
  type Customer,
  createZendeskAdapter,
  type DatasetRecord,
  parseDataset,
} from '../../../src/index.js';
import { jsonlFileSink, recordKey, sync } from '../../../src/sync/index.js';
import { BASE, fakeZendesk } from './fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  vi.useRealTimers();
});
afterAll(() => server.close());

const dir = mkdtempSync(join(tmpdir(), 'supportkit-zd-people-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (minutes: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + minutes * 60_000).toISOString();

/** An account with more people than the contract seed: several identities, agents, groups, organizations. */
const people = parseDataset({
  customers: [
    {
      id: '211',
      name: 'Ada',
      identities: [
        { kind: 'email', value: 'ada@example.com' },
        { kind: 'phone', value: '+390612345678' },
        { kind: 'handle', channel: 'twitter', value: 'ada_l' },
      ],
      organizationId: '511',
      createdAt: at(-3000),
    },
    {
      id: '212',
      name: 'Bo',
      identities: [
        { kind: 'email', value: 'bo@example.com' },
        { kind: 'email', value: 'bo@work.example.com' },
      ],
      createdAt: at(-2900),
    },
    { id: '213', name: 'Cy', identities: [{ kind: 'email', value: 'cy@example.com' }], createdAt: at(-2800) },
  ],
  agents: [
    { id: '311', name: 'Marco', email: 'marco@support.example.com' },
    { id: '312', name: 'Lia', email: 'lia@support.example.com' },
  ],
  groups: [
    { id: '411', name: 'Billing' },
    { id: '412', name: 'Tech' },
    { id: '413', name: 'VIP' },
  ],
  organizations: [
    { id: '511', name: 'Acme', domains: ['acme.test'] },
    { id: '512', name: 'Globex', domains: ['globex.test'] },
    { id: '513', name: 'Initech', domains: [] },
  ],
  tickets: ['211', '212', '213', '212'].map((requesterId, i) => ({
    id: `${120 + i}`,
    subject: `Ticket ${i}`,
    status: 'open',
    priority: 'normal',
    requesterId,
    createdAt: at(i * 10),
    updatedAt: at(i * 10 + 5),
  })),
  messages: [
    {
      id: '621',
      ticketId: '120',
      authorId: '211',
      authorRole: 'end-user',
      public: true,
      body: 'Help',
      createdAt: at(0),
    },
  ],
  csat: [
    { id: '721', ticketId: '120', customerId: '211', rating: 'good', createdAt: at(30) },
    { id: '722', ticketId: '121', customerId: '212', rating: 'bad', createdAt: at(40) },
  ],
});

const make = (extra = {}) =>
  createZendeskAdapter({
    subdomain: 'acme',
    auth: apiTokenAuth({ email: 'agent@acme.test', token: 'zd-token' }),
    rateLimiter: createRateLimiter(),
    retry: { baseDelayMs: 1 },
    ...extra,
  });

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const recordsOf = (batches: ChangeBatch[]) => batches.flatMap((b) => b.records);
const ofKind = <K extends DatasetRecord['kind']>(records: DatasetRecord[], kind: K) =>
  records.filter((r) => r.kind === kind).map((r) => r.value as Extract<DatasetRecord, { kind: K }>['value']);
const ids = (values: { id: string }[]) => values.map((v) => v.id).sort();
const watch = () => {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => void urls.push(new URL(request.url)));
  return urls;
};
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('the people in the Zendesk change feed', () => {
  it('brings customers with every identity and their notes, agents, organizations, groups and CSAT, each dated', async () => {
    server.use(...fakeZendesk(people).handlers);
    const adapter = make();
    const note = await adapter.customers.addNote('211', {
      authorId: '311',
      authorName: 'Marco',
      body: 'Prefers a call after 5 pm',
      at: '2026-03-03T10:00:00Z',
    });
    const urls = watch();
    const records = recordsOf(await collect(adapter.changes(null)));

    const customers = ofKind(records, 'customers');
    expect(ids(customers)).toEqual(['211', '212', '213']);
    const ada = customers.find((c) => c.id === '211')!;
    expect(ada.identities).toEqual([
      { kind: 'email', value: 'ada@example.com', primary: true },
      { kind: 'phone', value: '+390612345678', primary: false },
      { kind: 'handle', channel: 'twitter', value: 'ada_l', primary: false },
      { kind: 'external', adapter: 'zendesk', value: '211', primary: false },
    ]);
    expect(ada.notes).toEqual([note]);
    expect(ada.organizationId).toBe('511');
    const bo = customers.find((c) => c.id === '212')!;
    expect(bo.identities.filter((i) => i.kind === 'email').map((i) => [i.value, i.primary])).toEqual([
      ['bo@example.com', true],
      ['bo@work.example.com', false],
    ]);
    for (const person of [...customers, ...ofKind(records, 'agents')]) {
      expect(person.updatedAt, person.id).toBeInstanceOf(Date);
      expect((person as Customer).deleted, person.id).toBeUndefined();
    }
    expect(ids(ofKind(records, 'agents'))).toEqual(['311', '312']);
    expect(ids(ofKind(records, 'organizations'))).toEqual(['511', '512', '513']);
    expect(ids(ofKind(records, 'groups'))).toEqual(['411', '412', '413']);
    for (const value of [...ofKind(records, 'organizations'), ...ofKind(records, 'groups')])
      expect(value.updatedAt, value.id).toBeInstanceOf(Date);
    expect(ofKind(records, 'csat').map((r) => [r.id, r.rating])).toEqual([
      ['721', 'good'],
      ['722', 'bad'],
    ]);
    // Identities come side-loaded with the export's pages: no request per user.
    const exports = urls.filter((u) => u.pathname === '/api/v2/incremental/users/cursor.json');
    expect(exports.length).toBeGreaterThan(0);
    for (const url of exports) expect(url.searchParams.get('include')).toBe('identities');
    expect(urls.filter((u) => /\/users\/\d+/.test(u.pathname))).toEqual([]);
  });

  it('brings a person changed later again, and only what changed; a caught-up feed brings nothing', async () => {
    // Zendesk's clock and ours agree: the fake dates its writes from now, and the exports leave the last minute out.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-06T12:00:00Z'));
    server.use(...fakeZendesk(people, Date.now()).handlers);
    const adapter = make();
    const first = await collect(adapter.changes(null));
    const before = ofKind(recordsOf(first), 'customers').find((c) => c.id === '212')!;

    await adapter.customers.update('212', { name: 'Bo Bianchi' });
    const put = (path: string, body: unknown) =>
      fetch(`${BASE}${path}`, {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    await put('/api/v2/groups/412.json', { group: { name: 'Tech support' } });
    await put('/api/v2/organizations/513.json', { organization: { name: 'Initech Ltd' } });
    vi.setSystemTime(new Date('2026-03-06T12:02:00Z'));

    const second = await collect(adapter.changes(first.at(-1)!.checkpoint));
    const changed = recordsOf(second);
    const bo = ofKind(changed, 'customers');
    expect(bo.map((c) => [c.id, c.name])).toEqual([['212', 'Bo Bianchi']]);
    expect(bo[0]!.updatedAt!.getTime()).toBeGreaterThan(before.updatedAt!.getTime());
    expect(ofKind(changed, 'groups').map((g) => [g.id, g.name])).toEqual([['412', 'Tech support']]);
    expect(ofKind(changed, 'organizations').map((o) => [o.id, o.name])).toEqual([['513', 'Initech Ltd']]);
    expect(changed.filter((r) => !['customers', 'groups', 'organizations'].includes(r.kind))).toEqual([]);

    // The organization export restarts at the second it ended on, so it sends Initech again: it is not fed again.
    const urls = watch();
    expect(recordsOf(await collect(adapter.changes(second.at(-1)!.checkpoint)))).toEqual([]);
    const organizationExport = urls.find((u) => u.pathname === '/api/v2/incremental/organizations.json')!;
    const initech = ofKind(changed, 'organizations')[0]!;
    expect(Number(organizationExport.searchParams.get('start_time'))).toBe(
      Math.floor(initech.updatedAt!.getTime() / 1000),
    );
  });

  it('records a deleted user and a merged user as such, and the receiving user with the merged one’s addresses', async () => {
    server.use(...fakeZendesk(people).handlers);
    const adapter = make();
    const first = await collect(adapter.changes(null));
    await fetch(`${BASE}/api/v2/users/213.json`, { method: 'DELETE' });
    await fetch(`${BASE}/api/v2/users/212/merge.json`, {
      method: 'PUT',
      body: JSON.stringify({ user: { id: 211 } }),
      headers: { 'content-type': 'application/json' },
    });

    const records = recordsOf(await collect(adapter.changes(first.at(-1)!.checkpoint)));
    const customers = new Map(ofKind(records, 'customers').map((c) => [c.id, c]));
    expect(customers.get('213')).toMatchObject({ name: 'Cy', deleted: true, active: false });
    const merged = customers.get('212')!;
    expect(merged).toMatchObject({ deleted: true, active: false });
    // Zendesk's pull APIs do not say which user a merged one went into.
    expect(merged.mergedIntoId).toBeUndefined();
    expect(merged.identities.filter((i) => i.kind === 'email')).toEqual([]);
    const receiving = customers.get('211')!;
    expect(receiving.deleted).toBeUndefined();
    expect(receiving.identities.filter((i) => i.kind === 'email').map((i) => i.value)).toEqual([
      'ada@example.com',
      'bo@example.com',
      'bo@work.example.com',
    ]);
    // The merged user's tickets arrive again, requested by the receiving user.
    expect(
      ofKind(records, 'tickets')
        .map((t) => [t.id, t.requesterId])
        .sort(),
    ).toEqual([
      ['121', '211'],
      ['123', '211'],
    ]);
  });

  it('gives each batch one page of one source', async () => {
    server.use(...fakeZendesk(people).handlers);
    const batches = await collect(make({ pageSize: 2, exportPageSize: 2 }).changes(null));
    const families = new Map<string, string>([
      ['customers', 'users'],
      ['agents', 'users'],
      ['organizations', 'organizations'],
      ['groups', 'groups'],
      ['csat', 'csat'],
    ]);
    const peopleBatches = batches.filter((b) => b.records.some((r) => families.has(r.kind)));
    expect(peopleBatches.length).toBeGreaterThanOrEqual(7);
    for (const batch of peopleBatches) {
      expect(batch.records.length).toBeLessThanOrEqual(2);
      expect(new Set(batch.records.map((r) => families.get(r.kind))).size).toBe(1);
    }
    expect(batches.at(-1)).toMatchObject({ records: [], caughtUp: true });
    expect(batches.slice(0, -1).every((b) => !b.caughtUp)).toBe(true);
  });

  it('killed after any batch and resumed from the saved checkpoint with sync, writes each person version once', async () => {
    server.use(...fakeZendesk(people).handlers);
    const adapter = make({ pageSize: 1, exportPageSize: 1 });
    const reference = join(dir, 'people-reference.jsonl');
    const sink = jsonlFileSink(reference);
    const { batches: total } = await sync(adapter, { sink });
    await sink.close();
    const expected = lines(reference).sort();
    const kinds = new Set(expected.map((line) => JSON.parse(line).kind));
    for (const kind of ['customers', 'agents', 'organizations', 'groups', 'csat'])
      expect(kinds).toContain(kind);

    // The kill points that behave differently rather than all of them: the first and last page of every source
    // (a source begun, a pass whose next page is saved; a source finished, the next one not begun), and the
    // caught-up batch. The source of a batch is the part of the position it moved.
    const batches = await collect(adapter.changes(null));
    expect(batches).toHaveLength(total);
    const positions = [{}, ...batches.map((b) => JSON.parse(b.checkpoint.cursor) as Record<string, unknown>)];
    const sourceOf = (index: number) =>
      Object.keys(positions[index + 1]!).find(
        (key) => JSON.stringify(positions[index]![key]) !== JSON.stringify(positions[index + 1]![key]),
      ) ?? 'none';
    const sources = batches.map((_, index) => sourceOf(index));
    expect(new Set(sources)).toEqual(
      new Set(['tickets', 'events', 'users', 'organizations', 'groups', 'csat', 'none']),
    );
    const killPoints = sources.flatMap((source, index) =>
      source !== sources[index - 1] || source !== sources[index + 1] ? [index + 1] : [],
    );
    expect(killPoints.length).toBeLessThan(total);
    for (const killAfter of killPoints)
      for (const beforeCheckpoint of [true, false]) {
        const path = join(dir, `people-${killAfter}-${beforeCheckpoint}.jsonl`);
        let saved: Checkpoint | null = null;
        let count = 0;
        const first = jsonlFileSink(path);
        await sync(adapter, {
          sink: first,
          onCheckpoint: (checkpoint) => {
            count++;
            // Dying before the checkpoint is saved: the file holds records the checkpoint does not cover.
            if (count === killAfter && beforeCheckpoint) throw new Error('killed');
            saved = checkpoint;
            if (count === killAfter) throw new Error('killed');
          },
        }).catch((error) => expect((error as Error).message).toBe('killed'));
        await first.close();
        const second = jsonlFileSink(path);
        await sync(adapter, { sink: second, checkpoint: saved });
        await second.close();
        const written = lines(path);
        expect(written.sort(), `killed after batch ${killAfter}`).toEqual(expected);
        const keys = written.map((line) => recordKey(JSON.parse(line)));
        expect(new Set(keys).size, `killed after batch ${killAfter}`).toBe(keys.length);
      }
  }, 30_000);

  it('writes a changed person once more, and nothing else, on the next sync', async () => {
    server.use(...fakeZendesk(people).handlers);
    const adapter = make();
    const path = join(dir, 'people-again.jsonl');
    let saved: Checkpoint | null = null;
    const run = async () => {
      const sink = jsonlFileSink(path);
      await sync(adapter, {
        sink,
        checkpoint: saved,
        onCheckpoint: (c) => {
          saved = c;
        },
      });
      await sink.close();
    };
    await run();
    const before = lines(path);
    await adapter.customers.update('211', { tags: ['vip'] });
    await run();
    await run();
    const added = lines(path).slice(before.length);
    expect(added.map((line) => JSON.parse(line))).toMatchObject([
      { kind: 'customers', value: { id: '211', tags: ['vip'] } },
    ]);
  });

  it('resumes a checkpoint of the previous version: tickets where they stood, the people from the beginning', async () => {
    server.use(...fakeZendesk(people).handlers);
    const adapter = make();
    const first = await collect(adapter.changes(null));
    // What the previous version wrote: the ticket export's cursor and the ticket-event export's position only.
    const { tickets, events, seen } = JSON.parse(first.at(-1)!.checkpoint.cursor);
    const old: Checkpoint = { adapter: 'zendesk', cursor: JSON.stringify({ tickets, events, seen }) };
    const path = join(dir, 'people-old-checkpoint.jsonl');
    const sink = jsonlFileSink(path);
    await sync(adapter, { sink, checkpoint: old });
    await sink.close();
    const written = lines(path).map((line) => JSON.parse(line) as DatasetRecord);
    expect(written.filter((r) => ['tickets', 'messages', 'events'].includes(r.kind))).toEqual([]);
    expect(ids(ofKind(written, 'customers'))).toEqual(['211', '212', '213']);
    expect(ids(ofKind(written, 'agents'))).toEqual(['311', '312']);
    expect(ids(ofKind(written, 'organizations'))).toEqual(['511', '512', '513']);
    expect(ids(ofKind(written, 'groups'))).toEqual(['411', '412', '413']);
    expect(ids(ofKind(written, 'csat'))).toEqual(['721', '722']);
  });

  it('reads ratings in windows that overlap by a second: a rating at a window’s bound is fed, once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-06T12:00:00Z'));
    const fake = fakeZendesk(people, Date.now());
    server.use(...fake.handlers);
    const adapter = make();
    const first = await collect(adapter.changes(null));
    expect(ofKind(recordsOf(first), 'csat').map((r) => r.id)).toEqual(['721', '722']);
    // A rating made at the first window's upper bound (a minute before it was read): the fake, like the worse
    // reading of Zendesk's filter, leaves it out of a window that ends or starts on that second.
    const bound = '2026-03-06T11:59:00Z';
    fake.state.ratings.push({
      id: 723,
      ticket_id: 122,
      requester_id: 213,
      assignee_id: 311,
      group_id: 411,
      score: 'good',
      created_at: bound,
      updated_at: bound,
    });
    vi.setSystemTime(new Date('2026-03-06T12:05:00Z'));
    const second = await collect(adapter.changes(first.at(-1)!.checkpoint));
    const csat = ofKind(recordsOf(second), 'csat') as CsatResponse[];
    expect(csat.map((r) => [r.id, r.rating, r.createdAt.toISOString()])).toEqual([
      ['723', 'good', '2026-03-06T11:59:00.000Z'],
    ]);
    vi.setSystemTime(new Date('2026-03-06T12:10:00Z'));
    const third = await collect(adapter.changes(second.at(-1)!.checkpoint));
    expect(ofKind(recordsOf(third), 'csat')).toEqual([]);
  });
});
