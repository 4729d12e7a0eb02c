import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  createRateLimiter,
  nextLink,
  paginate,
  resolveRetryPolicy,
  retryDelay,
} from '../../src/http/index.js';
import {
  AuthenticationError,
  apiTokenAuth,
  clientCredentialsAuth,
  createEventBus,
  InternalServerError,
  NetworkError,
  NotFoundError,
  oauthAuth,
  RateLimitError,
  RequestAbortedError,
  SupportkitError,
  TimeoutError,
} from '../../src/index.js';
import type { TransportEvent } from '../../src/webhooks/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A scripted server on 127.0.0.1: the n-th request gets the n-th handler (the last one repeats). */
async function scripted(...handlers: Handler[]) {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    handlers[Math.min(seen.length, handlers.length) - 1]!(req, res, body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

/** A client whose waits are recorded instead of slept. */
function client(url: string, extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  const waits: number[] = [];
  const events: [string, TransportEvent][] = [];
  const bus = createEventBus();
  for (const name of ['http.request', 'http.response', 'http.retry', 'http.rate_limited'] as const) {
    bus.on(name, (event) => events.push([name, event]));
  }
  const http = createHttpClient({
    adapter: 'test',
    baseUrl: url,
    bus,
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { http, waits, events };
}

describe('retries', () => {
  it('honours Retry-After in seconds and as an HTTP date on 429 and 503', async () => {
    const soon = new Date(Date.now() + 5_000).toUTCString();
    const server = await scripted(
      json(429, { error: 'slow down' }, { 'retry-after': '2' }),
      json(503, {}, { 'retry-after': soon }),
      json(200, { ok: true }),
    );
    const { http, waits } = client(server.url);
    const response = await http.request<{ ok: boolean }>({ method: 'GET', path: '/things' });
    expect(response.data).toEqual({ ok: true });
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThanOrEqual(3000);
    expect(waits[1]).toBeLessThanOrEqual(6000);
  });

  it('backs off exponentially with jitter on 5xx, resets and truncated JSON, then gives up with a typed error', async () => {
    const reset: Handler = (req) => req.socket.destroy();
    const truncated: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tickets": [1, 2');
    };
    const server = await scripted(json(500, {}), reset, truncated, json(502, {}));
    const { http, waits } = client(server.url, { retry: { maxRetries: 3, baseDelayMs: 100 } });
    await expect(http.request({ method: 'GET', path: '/x' })).rejects.toBeInstanceOf(InternalServerError);
    // random = 0.5: 0.5 × 100, 0.5 × 200, 0.5 × 400.
    expect(waits).toEqual([50, 100, 200]);
    expect(server.seen).toHaveLength(4);
  });

  it('times out slow attempts as TimeoutError and retries them', async () => {
    const server = await scripted(() => undefined, json(200, { late: false }));
    const { http } = client(server.url, { timeoutMs: 200 });
    await expect(http.request({ method: 'GET', path: '/slow' })).resolves.toMatchObject({
      data: { late: false },
    });
    const silent = await scripted(() => undefined);
    const noRetry = createHttpClient({
      adapter: 't',
      baseUrl: silent.url,
      timeoutMs: 100,
      retry: { maxRetries: 0 },
    });
    await expect(noRetry.request({ method: 'GET', path: '/' })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('never retries a 404, nor a POST without an idempotency key; retries a POST with one', async () => {
    const missing = await scripted(json(404, {}));
    await expect(client(missing.url).http.request({ method: 'GET', path: '/nope' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(missing.seen).toHaveLength(1);
    const flaky = await scripted(json(503, {}), json(201, { id: 1 }));
    await expect(
      client(flaky.url).http.request({ method: 'POST', path: '/t', body: {} }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(flaky.seen).toHaveLength(1);
    const keyed = await scripted(json(503, {}), json(201, { id: 1 }));
    const { http } = client(keyed.url);
    await expect(
      http.request({ method: 'POST', path: '/t', body: { a: 1 }, idempotencyKey: 'k-1' }),
    ).resolves.toMatchObject({ status: 201 });
    expect(keyed.seen.map((r) => r.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
    expect(keyed.seen[1]!.body).toBe('{"a":1}');
  });

  it('gives up at once on a Retry-After beyond the cap, and stops when the caller aborts', async () => {
    const server = await scripted(json(429, {}, { 'retry-after': '3600' }));
    const error = await client(server.url)
      .http.request({ method: 'GET', path: '/' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(3600);
    const controller = new AbortController();
    const reason = new Error('the user closed the page');
    controller.abort(reason);
    const aborted = await client(server.url)
      .http.request({ method: 'GET', path: '/', signal: controller.signal })
      .catch((e) => e);
    // The caller's own abort is its own error, not a network failure to alert on.
    expect(aborted).toBeInstanceOf(RequestAbortedError);
    expect(aborted).not.toBeInstanceOf(NetworkError);
    expect(aborted).toMatchObject({ code: 'aborted', adapter: 'test', reason });
  });

  it('the policy itself: cap on total wait, no retry of 4xx', () => {
    const policy = resolveRetryPolicy({ maxTotalWaitMs: 1000 });
    const server = new InternalServerError({ status: 500 });
    expect(
      retryDelay(policy, {
        error: server,
        attempt: 1,
        method: 'GET',
        idempotent: false,
        waitedMs: 990,
        random: 1,
      }),
    ).toBeNull();
    expect(
      retryDelay(policy, {
        error: new AuthenticationError({ status: 401 }),
        attempt: 1,
        method: 'GET',
        idempotent: true,
        waitedMs: 0,
        random: 0,
      }),
    ).toBeNull();
    expect(() => resolveRetryPolicy({ maxRetries: -1 })).toThrow(/maxRetries/);
  });

  it('the policy itself: a 429 without Retry-After waits the vendor window, and a refused write may retry', () => {
    const windowed = resolveRetryPolicy({ rateLimitWindowMs: 10_000 });
    const limited = new RateLimitError({ status: 429 });
    const failure = { error: limited, attempt: 1, method: 'POST', idempotent: false, waitedMs: 0 };
    expect(retryDelay(windowed, { ...failure, random: 0 })).toBe(10_000);
    expect(retryDelay(windowed, { ...failure, random: 1 })).toBe(11_000);
    // Without a window: exponential backoff, as for a 5xx.
    expect(retryDelay(resolveRetryPolicy(), { ...failure, random: 1 })).toBe(500);
    // A 5xx on a write without an idempotency key is still never retried: the write may have happened.
    expect(
      retryDelay(windowed, { ...failure, error: new InternalServerError({ status: 500 }), random: 0 }),
    ).toBeNull();
  });
});

describe('auth', () => {
  it('refreshes an expired OAuth token once, rotating both tokens and persisting them', async () => {
    const persisted: unknown[] = [];
    const api = await scripted(json(401, { error: 'expired' }), (req, res) =>
      json(req.headers.authorization === 'Bearer access-2' ? 200 : 401, { who: 'me' })(req, res, ''),
    );
    const tokenServer = await scripted((_req, res, body) => {
      const form = new URLSearchParams(body);
      const ok = form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1';
      json(
        ok ? 200 : 400,
        ok ? { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 3600 } : {},
      )(_req, res, '');
    });
    const auth = oauthAuth({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      clientId: 'cid',
      clientSecret: 'csecret',
      tokenUrl: `${tokenServer.url}/oauth/tokens`,
      onTokens: (tokens) => void persisted.push(tokens),
    });
    const { http, events } = client(api.url, { auth });
    await expect(http.request({ method: 'GET', path: '/me' })).resolves.toMatchObject({
      data: { who: 'me' },
    });
    expect(persisted).toMatchObject([{ accessToken: 'access-2', refreshToken: 'refresh-2' }]);
    expect(api.seen.map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    // No token or secret in any event.
    const text = JSON.stringify(events);
    for (const secret of auth.secrets()) expect(text).not.toContain(secret);
  });

  it('fails with AuthenticationError when the refresh is refused, without echoing tokens', async () => {
    const api = await scripted(json(401, {}));
    const tokenServer = await scripted(
      json(400, { error: 'invalid_grant', error_description: 'refresh-1 revoked' }),
    );
    const auth = oauthAuth({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      clientId: 'c',
      clientSecret: 'csecret',
      tokenUrl: `${tokenServer.url}/t`,
    });
    const error = await client(api.url, { auth })
      .http.request({ method: 'GET', path: '/' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/refresh-1|access-1|csecret/);
  });

  it('mints client-credentials tokens and re-mints near expiry', async () => {
    let minted = 0;
    const tokenServer = await scripted((_req, res) =>
      json(200, { access_token: `cc-${++minted}`, expires_in: 30 })(_req, res, ''),
    );
    const api = await scripted(json(200, {}));
    const auth = clientCredentialsAuth({
      tokenUrl: `${tokenServer.url}/t`,
      clientId: 'c',
      clientSecret: 's',
      scope: 'read',
    });
    const { http } = client(api.url, { auth });
    await http.request({ method: 'GET', path: '/a' });
    await http.request({ method: 'GET', path: '/b' });
    // expires_in 30 s is inside the 60 s safety margin, so each request mints a fresh token.
    expect(api.seen.map((r) => r.headers.authorization)).toEqual(['Bearer cc-1', 'Bearer cc-2']);
    expect(new URLSearchParams(tokenServer.seen[0]!.body).get('scope')).toBe('read');
  });

  it('sends Zendesk API tokens as email/token basic auth', async () => {
    const api = await scripted(json(200, {}));
    await client(api.url, { auth: apiTokenAuth({ email: 'a@b.c', token: 'tok' }) }).http.request({
      method: 'GET',
      path: '/',
    });
    expect(api.seen[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('a@b.c/token:tok').toString('base64')}`,
    );
  });
});

describe('rate limiting and pagination', () => {
  it('waits for a fixed budget, and throws RateLimitError in non-blocking mode', async () => {
    let t = 0;
    const slept: number[] = [];
    const limiter = createRateLimiter({
      budgets: { incremental: { limit: 2, windowMs: 60_000 } },
      budgetsFor: (_m, path) => (path.includes('/incremental/') ? ['incremental'] : []),
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    });
    await limiter.acquire('GET', '/incremental/tickets');
    t = 1000;
    await limiter.acquire('GET', '/incremental/tickets');
    await limiter.acquire('GET', '/tickets'); // another budget: free
    await limiter.acquire('GET', '/incremental/tickets');
    expect(slept).toEqual([59_000]);
    const strict = createRateLimiter({
      budgets: { b: { limit: 1, windowMs: 10_000 } },
      budgetsFor: () => ['b'],
      nonBlocking: true,
      now: () => 0,
    });
    await strict.acquire('GET', '/');
    await expect(strict.acquire('GET', '/')).rejects.toMatchObject({ retryAfter: 10 });
  });

  it('stops sending when the server says no budget remains', async () => {
    let t = 0;
    const slept: number[] = [];
    const limiter = createRateLimiter({
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    });
    limiter.observe({ 'x-rate-limit-remaining': '0', 'ratelimit-reset': '7' });
    await limiter.acquire('GET', '/');
    expect(slept).toEqual([7000]);
  });

  it('pages lazily and stops fetching when the consumer breaks', async () => {
    const fetched: number[] = [];
    const pages = paginate(async (cursor?: number) => {
      const page = cursor ?? 0;
      fetched.push(page);
      return { items: [page * 10, page * 10 + 1], next: page < 100 ? page + 1 : undefined };
    });
    const taken: number[] = [];
    for await (const item of pages) {
      taken.push(item);
      if (taken.length === 3) break;
    }
    expect(taken).toEqual([0, 1, 10]);
    expect(fetched).toEqual([0, 1]);
    const loop = async () => {
      for await (const _ of paginate(async () => ({ items: [1], next: 'same' }))) void _;
    };
    await expect(loop).rejects.toThrow(/already returned/);
    await expect(loop()).rejects.toBeInstanceOf(SupportkitError);
  });

  it('reads Link headers', () => {
    expect(nextLink('<https://x.test/i?page=2>; rel="next", <https://x.test/i?page=9>; rel="last"')).toBe(
      'https://x.test/i?page=2',
    );
    expect(nextLink('<https://x.test/i?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
  });
});
