import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  apiTokenAuth,
  createEventBus,
  createZendeskAdapter,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  UnsupportedError,
  ValidationError,
  zendeskRateLimiter,
} from '../../../src/index.js';
import { seed } from '../../contract/contract-suite.js';
import { expectOptionRefused } from '../refused-option.js';
import { BASE, fakeZendesk } from './fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const token = 'zd-secret-token-8b1f';
const auth = apiTokenAuth({ email: 'agent@acme.test', token });
const make = (extra = {}) =>
  createZendeskAdapter({
    subdomain: 'acme',
    auth,
    rateLimiter: createRateLimiter(),
    retry: { baseDelayMs: 1 },
    ...extra,
  });

describe('createZendeskAdapter', () => {
  it('rejects a subdomain that is not a bare DNS label', () => {
    for (const subdomain of ['acme.zendesk.com', 'https://acme', 'a/b', '', '-acme']) {
      expect(() => createZendeskAdapter({ subdomain, auth })).toThrow(/subdomain/);
    }
  });

  it('needs no subdomain when baseUrl is given, and refuses bad options with a ValidationError naming them', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const viaBase = createZendeskAdapter({ baseUrl: BASE, auth, rateLimiter: createRateLimiter() });
    const ticket = await viaBase.tickets.get('100');
    expect(ticket.subject).toBe('Ticket 0');
    // The account still shows through a *.zendesk.com base URL, for links to tickets.
    expect(ticket.source?.url).toBe('https://acme.zendesk.com/agent/tickets/100');
    const refused = (options: unknown, option: string) =>
      expectOptionRefused(() => createZendeskAdapter(options as never), option, token);
    refused({ auth }, 'subdomain');
    refused({ subdomain: 'acme.zendesk.com', auth }, 'subdomain');
    refused({ baseUrl: 'acme.zendesk.com', auth }, 'baseUrl');
    refused({ baseUrl: 'ftp://acme.zendesk.com', auth }, 'baseUrl');
    refused({ subdomain: 'acme' }, 'auth');
    refused({ subdomain: 'acme', auth, pageSize: 0 }, 'pageSize');
    refused({ subdomain: 'acme', auth, exportPageSize: 5000 }, 'exportPageSize');
    expect(() => createZendeskAdapter(undefined as never)).toThrow(ValidationError);
  });

  it('checks the arguments of its extras too: ticket metrics, bulk creates and the incremental exports', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const zendesk = make();
    const named = async (run: () => Promise<unknown>, argument: string) => {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, argument).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path[0])).toContain(argument);
    };
    const drain = async (pages: AsyncIterable<unknown>) => {
      for await (const _ of pages);
    };
    await named(() => zendesk.ticketMetrics.get(undefined as never), 'ticketId');
    await named(() => zendesk.ticketMetrics.get({} as never), 'ticketId');
    await named(() => zendesk.bulk.createTickets(undefined as never), 'inputs');
    await named(() => zendesk.bulk.createTickets({} as never, { pollIntervalMs: 1 }), 'inputs');
    await named(() => drain(zendesk.incremental.tickets('x' as never)), 'checkpoint');
    await named(() => drain(zendesk.incremental.users({ adapter: 'trello', cursor: '' })), 'checkpoint');
    expect((await zendesk.ticketMetrics.get('100')).ticketId).toBe('100');
  });

  it('sends a requester by e-mail as the requester object, and a message without author as the API user', async () => {
    const fake = fakeZendesk(seed);
    server.use(...fake.handlers);
    const bodies: unknown[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method !== 'GET') bodies.push(await request.clone().json());
    });
    const zendesk = make();
    const created = await zendesk.tickets.create({
      subject: 'Web form',
      description: 'Hello',
      requester: { email: 'Ada@Example.com', name: 'Ada' },
    });
    expect(created.requesterId).toBe('201');
    const added = await zendesk.tickets.addMessage(created.id, { public: false, body: 'note' });
    expect(added).toMatchObject({ authorId: '301', authorRole: 'agent', public: false });
    expect(bodies).toEqual([
      {
        ticket: {
          subject: 'Web form',
          requester: { email: 'Ada@Example.com', name: 'Ada' },
          comment: { body: 'Hello', public: true },
        },
      },
      { ticket: { comment: { body: 'note', public: false } } },
    ]);
    server.events.removeAllListeners();
  });

  it('maps custom statuses to canonical ones through their category', async () => {
    server.use(
      http.get(`${BASE}/api/v2/tickets/5.json`, () =>
        HttpResponse.json({
          ticket: {
            id: 5,
            status: 'open',
            custom_status_id: 77,
            requester_id: 1,
            created_at: '2026-01-01T00:00:00Z',
            updated_at: '2026-01-01T00:00:00Z',
          },
        }),
      ),
    );
    expect((await make({ customStatuses: { '77': 'hold' } }).tickets.get('5')).status).toBe('hold');
  });

  it('takes solvedAt from the metric sets it side-loads (tickets.list and tickets.get)', async () => {
    // A Zendesk ticket does not carry its solve time: before, solvedAt was always null.
    server.use(...fakeZendesk(seed).handlers);
    const zendesk = make();
    const solved = [];
    for await (const t of zendesk.tickets.list()) if (t.status === 'solved') solved.push(t);
    expect(solved.length).toBeGreaterThan(0);
    for (const t of solved) expect(t.solvedAt).toEqual(t.updatedAt);
    const one = await zendesk.tickets.get(solved[0]!.id);
    expect(one.solvedAt).toEqual(solved[0]!.updatedAt);
    const open = [];
    for await (const t of zendesk.tickets.list()) if (t.status === 'open') open.push(t.solvedAt);
    expect(open.every((at) => at === null)).toBe(true);
  });

  it('never puts the token in an error or an event, even on retried failures', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v2/tickets/7.json`, () => {
        calls++;
        return calls < 3
          ? HttpResponse.json({}, { status: 503, headers: { 'retry-after': '0' } })
          : HttpResponse.json({ error: 'RecordNotFound' }, { status: 404 });
      }),
    );
    const bus = createEventBus();
    const seen: unknown[] = [];
    for (const name of ['http.request', 'http.response', 'http.retry'] as const)
      bus.on(name, (e) => seen.push(e));
    const error = await make({ bus })
      .tickets.get('7')
      .catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(calls).toBe(3);
    const text = JSON.stringify([seen, error, error.message, String(error.stack)]);
    for (const secret of auth.secrets()) expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(`agent@acme.test/token:${token}`).toString('base64'));
  });

  it('says up front that Zendesk has no NPS, and throws UnsupportedError naming itself', async () => {
    const zendesk = make();
    expect(zendesk.capabilities.surveys.nps).toBe(false);
    const error = await (async () => {
      for await (const _ of zendesk.surveys.listNps()) void _;
    })().catch((e) => e);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error).toMatchObject({ adapter: 'zendesk', operation: 'surveys.listNps' });
  });

  it('spends the incremental-export budget of 10 a minute, and can refuse instead of waiting', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const zendesk = createZendeskAdapter({
      subdomain: 'acme',
      auth,
      pageSize: 1,
      rateLimiter: zendeskRateLimiter({ nonBlocking: true }),
    });
    const error = await (async () => {
      for await (const _ of zendesk.changes(null)) void _;
    })().catch((e) => e);
    // Seven tickets one per page = seven export calls; the feed also lists comments and audits per ticket, which
    // do not spend the export budget. So seven calls fit and the feed completes.
    expect(error).toBeUndefined();
    const limiter = zendeskRateLimiter({ nonBlocking: true });
    for (let i = 0; i < 10; i++) await limiter.acquire('GET', '/api/v2/incremental/tickets/cursor.json');
    await expect(limiter.acquire('GET', '/api/v2/incremental/tickets/cursor.json')).rejects.toBeInstanceOf(
      RateLimitError,
    );
    await expect(limiter.acquire('GET', '/api/v2/tickets.json')).resolves.toBe(0);
  });

  it('reads schedules with their holidays and SLA policies', async () => {
    server.use(
      http.get(`${BASE}/api/v2/business_hours/schedules.json`, () =>
        HttpResponse.json({
          schedules: [
            {
              id: 1,
              name: 'EU',
              time_zone: 'Europe/Rome',
              intervals: [{ start_time: 1980, end_time: 2460 }],
            },
          ],
        }),
      ),
      http.get(`${BASE}/api/v2/business_hours/schedules/1/holidays.json`, () =>
        HttpResponse.json({
          holidays: [{ id: 9, name: 'Natale', start_date: '2026-12-25', end_date: '2026-12-26' }],
        }),
      ),
      http.get(`${BASE}/api/v2/slas/policies.json`, () =>
        HttpResponse.json({
          sla_policies: [
            {
              id: 36,
              title: 'Incidents',
              position: 3,
              policy_metrics: [
                { priority: 'high', metric: 'first_reply_time', target: 30, business_hours: false },
                { priority: 'high', metric: 'agent_work_time', target: 600, business_hours: true },
              ],
            },
          ],
        }),
      ),
    );
    const zendesk = make();
    const schedules = [];
    for await (const s of zendesk.schedules.list()) schedules.push(s);
    expect(schedules).toEqual([
      {
        id: '1',
        name: 'EU',
        timeZone: 'Europe/Rome',
        intervals: [{ start: 1980, end: 2460 }],
        holidays: [{ name: 'Natale', startDate: '2026-12-25', endDate: '2026-12-26' }],
      },
    ]);
    const policies = [];
    for await (const p of zendesk.slaPolicies.list()) policies.push(p);
    expect(policies[0]?.targets).toEqual([
      { priority: 'high', metric: 'firstReply', minutes: 30, businessHours: false },
      { priority: 'high', metric: 'agentWork', minutes: 600, businessHours: true },
    ]);
  });

  describe('changes()', () => {
    const collect = async <T>(items: AsyncIterable<T>) => {
      const out: T[] = [];
      for await (const item of items) out.push(item);
      return out;
    };
    const watch = () => {
      const paths: string[] = [];
      server.events.on('request:start', ({ request }) => void paths.push(new URL(request.url).pathname));
      return paths;
    };
    afterEach(() => {
      server.events.removeAllListeners();
      vi.useRealTimers();
    });

    it('reads comments and history from the ticket-event export: no request per ticket', async () => {
      server.use(...fakeZendesk(seed).handlers);
      const paths = watch();
      const records = (await collect(make().changes(null))).flatMap((b) => b.records);
      expect(paths.filter((p) => /\/tickets\/\d+\//.test(p))).toEqual([]);
      const messages = records.filter((r) => r.kind === 'messages').map((r) => r.value);
      expect(messages.map((m) => [m.id, m.ticketId, m.authorRole, m.body])).toEqual([
        ['601', '100', 'end-user', 'Help'],
        ['602', '100', 'agent', 'On it'],
      ]);
      const events = records.filter((r) => r.kind === 'events').map((r) => r.value);
      expect(events.filter((e) => e.ticketId === '100').map((e) => [e.type, e.from, e.to])).toEqual([
        ['status', null, 'new'],
        ['priority', null, 'normal'],
      ]);
    });

    it('never asks for the last minute, which the export leaves out, and picks it up on a later run', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-06T12:00:00Z'));
      // The fake's clock for writes starts now.
      server.use(...fakeZendesk(seed, Date.now()).handlers);
      const adapter = make();
      const first = await collect(adapter.changes(null));
      const checkpoint = first.at(-1)!.checkpoint;
      await adapter.tickets.update('101', { status: 'pending' });
      const paths = watch();
      const soon = (await collect(adapter.changes(checkpoint))).flatMap((b) => b.records);
      expect(soon.filter((r) => r.kind === 'tickets').map((r) => r.value.id)).toEqual(['101']);
      expect(soon.filter((r) => r.kind === 'events')).toEqual([]);
      vi.setSystemTime(new Date('2026-03-06T12:02:00Z'));
      const later = (await collect(adapter.changes(checkpoint))).flatMap((b) => b.records);
      expect(
        later.filter((r) => r.kind === 'events').map((r) => [r.value.ticketId, r.value.from, r.value.to]),
      ).toEqual([['101', 'open', 'pending']]);
      expect(paths.filter((p) => p.includes('ticket_events'))).not.toHaveLength(0);
    });

    it('refuses a checkpoint it did not write', async () => {
      server.use(...fakeZendesk(seed).handlers);
      const feed = (cursor: string, adapter = 'zendesk') => collect(make().changes({ adapter, cursor }));
      await expect(feed('{}', 'trello')).rejects.toThrow(/belongs to "trello"/);
      for (const cursor of ['not json', '{"tickets":1,"events":null,"seen":[]}', '{"tickets":null}'])
        await expect(feed(cursor)).rejects.toThrow(/cursor: is not .* this adapter wrote/);
    });
  });

  it('uploads attachments and attaches them to the new comment', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const adapter = make();
    const log = Buffer.from('boot ok\n');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const message = await adapter.tickets.addMessage('102', {
      authorId: '301',
      authorRole: 'agent',
      public: true,
      body: 'Logs attached',
      attachments: [
        { fileName: 'boot.log', contentType: 'text/plain', data: log },
        { fileName: 'screen.png', contentType: 'image/png', data: png },
      ],
    });
    expect(message.attachments.map((a) => [a.fileName, a.contentType, a.size])).toEqual([
      ['boot.log', 'text/plain', log.byteLength],
      ['screen.png', 'image/png', 4],
    ]);
    const listed = [];
    for await (const m of adapter.tickets.listMessages('102')) listed.push(m);
    expect(listed.at(-1)?.attachments).toHaveLength(2);
    await expect(
      adapter.tickets.addMessage('102', {
        authorId: '301',
        authorRole: 'agent',
        public: true,
        body: 'x',
        attachments: [{ fileName: 'a.txt', contentType: 'text', data: 'not bytes' as never }],
      }),
    ).rejects.toThrow(/attachments\[0\]\.contentType[\s\S]*attachments\[0\]\.data/);
  });

  describe('bulk.createTickets', () => {
    it('creates through background jobs of 100, polls them, and reports each input in order', async () => {
      server.use(...fakeZendesk(seed).handlers);
      const adapter = make();
      const paths: string[] = [];
      server.events.on('request:start', ({ request }) => void paths.push(new URL(request.url).pathname));
      const inputs = Array.from({ length: 150 }, (_, i) => ({
        subject: `Import ${i}`,
        requesterId: i === 120 ? '999999' : '201',
      }));
      const results = await adapter.bulk.createTickets(inputs, { pollIntervalMs: 1 });
      server.events.removeAllListeners();
      expect(results).toHaveLength(150);
      expect(results.map((r) => r.index)).toEqual(inputs.map((_, i) => i));
      expect(results[120]).toEqual({
        index: 120,
        ok: false,
        error: 'RecordInvalid',
        details: 'Requester: not found',
      });
      const created = results.filter((r) => r.ok);
      expect(created).toHaveLength(149);
      const first = created[0]!;
      if (!first.ok) throw new Error('unreachable');
      expect((await adapter.tickets.get(first.id)).subject).toBe('Import 0');
      expect(paths.filter((p) => p.endsWith('/create_many.json'))).toHaveLength(2);
      expect(paths.filter((p) => p.includes('/job_statuses/'))).toHaveLength(4);
    });

    it('validates every input before sending anything, naming the bad one', async () => {
      server.use(...fakeZendesk(seed).handlers);
      const error = await make()
        .bulk.createTickets([
          { subject: 'ok', requesterId: '201' },
          { subject: '', requesterId: '201' },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain('tickets to create[1]');
    });

    it('throws when the job fails, and gives up on one that never ends', async () => {
      server.use(
        http.post(`${BASE}/api/v2/tickets/create_many.json`, () =>
          HttpResponse.json({ job_status: { id: 'j1', status: 'queued' } }),
        ),
        http.get(`${BASE}/api/v2/job_statuses/j1.json`, () =>
          HttpResponse.json({ job_status: { id: 'j1', status: 'failed', message: 'secret text' } }),
        ),
      );
      const input = [{ subject: 'a', requesterId: '201' }];
      const failed = await make()
        .bulk.createTickets(input, { pollIntervalMs: 1 })
        .catch((e: unknown) => e);
      expect(failed).toMatchObject({ code: 'job_failed' });
      expect(String((failed as Error).message)).not.toContain('secret');
      server.use(
        http.get(`${BASE}/api/v2/job_statuses/j1.json`, () =>
          HttpResponse.json({ job_status: { id: 'j1', status: 'working' } }),
        ),
      );
      await expect(
        make().bulk.createTickets(input, { pollIntervalMs: 1, jobTimeoutMs: 20 }),
      ).rejects.toMatchObject({ code: 'job_timeout' });
      // The caller's abort while the job is polled is the caller's own error, as for any request.
      const controller = new AbortController();
      const pending = make()
        .bulk.createTickets(input, { pollIntervalMs: 60_000, signal: controller.signal })
        .catch((e: unknown) => e);
      setTimeout(() => controller.abort(new Error('page closed')), 50);
      const aborted = await pending;
      expect(aborted).toBeInstanceOf(RequestAbortedError);
      expect(aborted).toMatchObject({ code: 'aborted', adapter: 'zendesk' });
    });
  });

  it("reads Zendesk's own ticket metrics", async () => {
    server.use(...fakeZendesk(seed).handlers);
    const adapter = make();
    const metrics = await adapter.ticketMetrics.get('100');
    expect(metrics).toMatchObject({
      ticketId: '100',
      replies: 1,
      firstReply: { calendar: 5, business: 5 },
      fullResolution: { calendar: null, business: null },
    });
    const all = [];
    for await (const m of adapter.ticketMetrics.list()) all.push(m.ticketId);
    expect(all).toHaveLength(seed.tickets.length);
    await expect(adapter.ticketMetrics.get('999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('exports users page by page: end users as customer cards, staff as agents, resumable', async () => {
    server.use(...fakeZendesk(seed).handlers);
    const adapter = make({ exportPageSize: 2 });
    const pages = [];
    for await (const page of adapter.incremental.users(null)) pages.push(page);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.customers.map((c) => c.id)).sort()).toEqual(['201', '202']);
    expect(pages.flatMap((p) => p.agents.map((a) => a.id))).toEqual(['301']);
    expect(pages.at(-1)?.caughtUp).toBe(true);
    const rest = [];
    for await (const page of adapter.incremental.users(pages[0]!.checkpoint)) rest.push(page);
    expect(rest.flatMap((p) => [...p.customers, ...p.agents])).toHaveLength(
      pages.slice(1).flatMap((p) => [...p.customers, ...p.agents]).length,
    );
  });

  it('turns a malformed vendor record into a ValidationError naming the path, never a raw ZodError', async () => {
    server.use(
      http.get(`${BASE}/api/v2/tickets/5.json`, () =>
        HttpResponse.json({ ticket: { id: 5, requester_id: 1, created_at: 1767225600 } }),
      ),
    );
    const error = await make()
      .tickets.get('5')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(['created_at']);
  });
});
