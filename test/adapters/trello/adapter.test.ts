import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTrelloAdapter, trelloRateLimiter } from '../../../src/adapters/trello/index.js';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  type Agent,
  type Checkpoint,
  createEventBus,
  type DatasetRecord,
  parseDataset,
  RateLimitError,
  RequestAbortedError,
  type TicketEvent,
  ValidationError,
} from '../../../src/index.js';
import { callbackSink, jsonlFileSink, sync } from '../../../src/sync/index.js';
import { seed } from '../../contract/contract-suite.js';
import { expectStoryMetrics, storyDataset } from '../../contract/scenario.js';
import { expectOptionRefused } from '../refused-option.js';
import { fakeTrello, TRELLO } from './fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

const key = 'trello-key-5f2a';
const token = 'trello-token-9c7e41';
const make = (boardId: string, extra = {}) =>
  createTrelloAdapter({ key, token, boardId, rateLimiter: createRateLimiter(), ...extra });

describe('createTrelloAdapter', () => {
  it('refuses missing or bad options with a ValidationError naming them', () => {
    const refused = (options: unknown, option: string) =>
      expectOptionRefused(() => createTrelloAdapter(options as never), option, token);
    refused({ key, token }, 'boardId');
    refused({ key, token, boardId: 'a/b' }, 'boardId');
    refused({ key, boardId: 'kV2cF3Yq' }, 'token');
    refused({ token, boardId: 'kV2cF3Yq' }, 'key');
    refused({ key, token, boardId: 'kV2cF3Yq', baseUrl: 'api.trello.com' }, 'baseUrl');
    expect(() => createTrelloAdapter(undefined as never)).toThrow(ValidationError);
    expect(() => make('kV2cF3Yq', { baseUrl: TRELLO })).not.toThrow();
  });

  it('reads the board again when a card sits in a list added after the first read', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const board = make(fake.boardId);
    const [first] = await collect(board.tickets.list());
    expect(first).toBeDefined();
    // Someone adds an "On hold" list on Trello and moves the card there, after the adapter read the board.
    const onHold = { ...fake.state.lists[0]!, id: '5f0000000000000000000abc', name: 'On hold', pos: 99_999 };
    fake.state.lists.push(onHold);
    const card = [...fake.state.cards.values()].find((c) => c.id === first!.source?.id)!;
    card.idList = onHold.id;
    expect((await board.tickets.get(first!.id)).status).toBe('hold');
  });

  it('writes a requester given by e-mail into the requester field, and refuses it on a board without one', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const board = make(fake.boardId);
    const created = await board.tickets.create({
      subject: 'Web form',
      requester: { email: 'cy@example.com' },
    });
    expect(created.requesterId).toBe('cy@example.com');
    server.use(http.get(`${TRELLO}/boards/:id/customFields`, () => HttpResponse.json([])));
    const bare = make(fake.boardId);
    const cards = async () => (await collect(bare.tickets.list())).length;
    const before = await cards();
    await expect(
      bare.tickets.create({ subject: 'Lost?', requester: { email: 'cy@example.com' } }),
    ).rejects.toMatchObject({ name: 'UnsupportedError', adapter: 'trello' });
    expect(await cards()).toBe(before); // refused before a card was made
  });

  it('sends key and token in the OAuth Authorization header, never in a URL, and never in an error or event', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const seen: { url: string; authorization: string | null }[] = [];
    server.events.on(
      'request:start',
      ({ request }) =>
        void seen.push({ url: request.url, authorization: request.headers.get('authorization') }),
    );
    const bus = createEventBus();
    const events: unknown[] = [];
    for (const name of ['http.request', 'http.response', 'http.retry'] as const)
      bus.on(name, (event) => void events.push(event));
    const adapter = make(fake.boardId, { bus });
    await adapter.tickets.get(fake.ids.get('100')!);
    expect(seen[0]!.authorization).toBe(`OAuth oauth_consumer_key="${key}", oauth_token="${token}"`);
    expect(seen.every((r) => !r.url.includes(key) && !r.url.includes(token))).toBe(true);
    server.use(
      http.get(`${TRELLO}/cards/:id`, () => HttpResponse.json({ message: 'boom' }, { status: 500 })),
    );
    const error = await make(fake.boardId, { bus, retry: { maxRetries: 1, baseDelayMs: 1 } })
      .tickets.get(fake.ids.get('101')!)
      .catch((e: unknown) => e);
    const text = JSON.stringify([String(error), (error as Error).stack, events]);
    expect(text).not.toContain(token);
    expect(text).not.toContain(key);
  });

  it('waits out the rate-limit window on a 429 that has no Retry-After, then goes on', async () => {
    const fake = fakeTrello(seed);
    let refused = 0;
    server.use(
      http.get(`${TRELLO}/cards/:id`, () => {
        if (refused++ > 0) return undefined; // fall through to the fake
        return HttpResponse.json(
          { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' },
          { status: 429 },
        );
      }),
      ...fake.handlers,
    );
    const started = Date.now();
    const ticket = await make(fake.boardId, { retry: { rateLimitWindowMs: 150 } }).tickets.get(
      fake.ids.get('102')!,
    );
    expect(ticket.subject).toBe('Ticket 2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("keeps Trello's budgets: 100 requests per 10 s per token (300 per key)", async () => {
    const limiter = trelloRateLimiter({ nonBlocking: true });
    for (let i = 0; i < 100; i++) await limiter.acquire('GET', '/cards/x');
    await expect(limiter.acquire('GET', '/cards/x')).rejects.toBeInstanceOf(RateLimitError);
  });

  it('feeds changes from the board actions, reading touched cards ten to a /batch request', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const paths: string[] = [];
    server.events.on('request:start', ({ request }) => void paths.push(new URL(request.url).pathname));
    const batches = [];
    for await (const batch of make(fake.boardId).changes(null)) batches.push(batch);
    expect(paths.filter((p) => p.startsWith('/1/cards/'))).toEqual([]);
    expect(paths.filter((p) => p === '/1/batch')).toHaveLength(1);
    const records = batches.flatMap((b) => b.records);
    const events = records.filter((r) => r.kind === 'events').map((r) => r.value as TicketEvent);
    expect(
      events.filter((e) => e.ticketId === fake.ids.get('100')).map((e) => [e.type, e.from, e.to]),
    ).toEqual([
      ['status', null, 'new'],
      ['stage', expect.any(String), expect.any(String)], // the move between lists itself
      ['status', 'new', 'solved'],
    ]);
  });

  it('refuses a checkpoint it did not write', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const feed = async (cursor: string, adapter = 'trello') => {
      for await (const batch of make(fake.boardId).changes({ adapter, cursor })) return batch;
    };
    await expect(feed('x', 'zendesk')).rejects.toThrow(/belongs to "zendesk"/);
    await expect(feed('not-an-action-id')).rejects.toThrow(/cursor: is not .* this adapter wrote/);
  });
});

describe('the change feed carries the board members as agents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'supportkit-trello-feed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const memberReads = () => {
    const paths: string[] = [];
    server.events.on('request:start', ({ request }) => void paths.push(new URL(request.url).pathname));
    return () => paths.filter((p) => /^\/1\/boards\/[^/]+\/members$/.test(p)).length;
  };

  it('in full, in one request and one batch at the start of every run, at the checkpoint it started from', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const reads = memberReads();
    const board = make(fake.boardId);
    const batches = await collect(board.changes(null));
    // The feed's own read, and the board's shape (lists, labels, fields, members), read once per adapter.
    expect(reads()).toBe(2);
    expect(batches[0]!.records.map((r) => r.kind)).toEqual(['agents', 'agents']);
    expect(batches[0]!.checkpoint).toEqual({ adapter: 'trello', cursor: '' });
    expect(batches[0]!.caughtUp).toBe(false);
    expect(batches.slice(1).flatMap((b) => b.records.filter((r) => r.kind === 'agents'))).toEqual([]);
    const agents = batches[0]!.records.map((r) => r.value as Agent);
    expect(agents).toEqual(await collect(board.agents.list()));
    expect(agents.map((a) => a.id)).toContain(fake.ids.get('301'));
    // Caught up, a run is that one batch, from one request: the members again, at the same checkpoint.
    const last = batches.at(-1)!.checkpoint;
    const before = reads();
    const again = await collect(board.changes(last));
    expect(again).toEqual([{ records: batches[0]!.records, checkpoint: last, caughtUp: true }]);
    expect(reads()).toBe(before + 1);
  });

  it('reads a member as Trello answered it (recorded): its name, no updated time', async () => {
    const recorded = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../fixtures/real/trello/ruby-trello.board-members.json'),
        'utf8',
      ),
    );
    const fake = fakeTrello(seed);
    server.use(
      http.get(`${TRELLO}/boards/:id/members`, () => HttpResponse.json(recorded)),
      ...fake.handlers,
    );
    const [first] = await collect(make(fake.boardId).changes(null));
    expect(first!.records).toEqual([
      {
        kind: 'agents',
        value: {
          id: '5e679b808e6e8828784b30e1',
          source: { adapter: 'trello', id: '5e679b808e6e8828784b30e1' },
          name: 'Hopper Test',
          role: 'agent',
          groupIds: [],
          scheduleId: null,
          languages: [],
          active: true,
        },
      },
    ]);
  });

  it('through sync into a JSONL file: an unchanged member is written once, a renamed one again', async () => {
    const fake = fakeTrello(seed);
    server.use(...fake.handlers);
    const path = join(dir, 'members.jsonl');
    let saved: Checkpoint | null = null;
    const run = async () => {
      const sink = jsonlFileSink(path);
      await sync(make(fake.boardId), {
        sink,
        checkpoint: saved,
        onCheckpoint: (checkpoint) => {
          saved = checkpoint;
        },
      }).finally(() => sink.close());
      return readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as DatasetRecord)
        .filter((r) => r.kind === 'agents')
        .map((r) => (r.value as Agent).name);
    };
    expect((await run()).sort()).toEqual(['API', 'Marco']);
    expect((await run()).sort()).toEqual(['API', 'Marco']);
    fake.state.members.find((m) => m.id === fake.ids.get('301'))!.fullName = 'Marco Bianchi';
    expect((await run()).sort()).toEqual(['API', 'Marco', 'Marco Bianchi']);
  });

  it('stops before its next batch once the signal has aborted, even with every action already read', async () => {
    // 60 tickets opened and moved: 120 actions, two batches of them after the members'.
    const busy = parseDataset({
      agents: seed.agents,
      tickets: Array.from({ length: 60 }, (_, i) => ({
        id: `${1000 + i}`,
        subject: `Ticket ${i}`,
        status: 'open',
        requesterId: 'ada@example.com',
        createdAt: new Date(Date.parse('2026-03-02T08:00:00Z') + i * 60_000),
        updatedAt: new Date(Date.parse('2026-03-02T08:00:30Z') + i * 60_000),
      })),
    });
    const fake = fakeTrello(busy);
    server.use(...fake.handlers);
    expect(await collect(make(fake.boardId).changes(null))).toHaveLength(3);
    for (const stopAfter of [1, 2]) {
      const controller = new AbortController();
      let batches = 0;
      const error = await sync(make(fake.boardId), {
        sink: callbackSink(() => {}),
        signal: controller.signal,
        onCheckpoint: () => {
          if (++batches === stopAfter) controller.abort();
        },
      }).catch((e: unknown) => e);
      expect(error, `aborted after batch ${stopAfter}`).toBeInstanceOf(RequestAbortedError);
      expect(batches).toBe(stopAfter);
    }
  });
});

describe('metrics on a board synced from Trello', () => {
  it('gives first reply and resolution times worked out by hand', async () => {
    const fake = fakeTrello(storyDataset({ requesterId: 'ada@example.com', notePrefix: '[private] ' }));
    server.use(...fake.handlers);
    const records: DatasetRecord[] = [];
    await sync(make(fake.boardId), { sink: callbackSink((batch) => void records.push(...batch)) });
    expectStoryMetrics(records);
  });
});
