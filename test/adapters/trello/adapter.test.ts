import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTrelloAdapter, trelloRateLimiter } from '../../../src/adapters/trello/index.js';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  createEventBus,
  type DatasetRecord,
  RateLimitError,
  type TicketEvent,
  ValidationError,
} from '../../../src/index.js';
import { callbackSink, sync } from '../../../src/sync/index.js';
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

describe('metrics on a board synced from Trello', () => {
  it('gives first reply and resolution times worked out by hand', async () => {
    const fake = fakeTrello(storyDataset({ requesterId: 'ada@example.com', notePrefix: '[private] ' }));
    server.use(...fake.handlers);
    const records: DatasetRecord[] = [];
    await sync(make(fake.boardId), { sink: callbackSink((batch) => void records.push(...batch)) });
    expectStoryMetrics(records);
  });
});
