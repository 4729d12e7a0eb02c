/**
 * "Trust the boundary": what the transport promises about what crosses it — credentials stay on their origin,
 * each attempt has one deadline, a refused token is refreshed once per generation, the non-blocking limiter
 * does not block, writes that append are not resent, and a 2xx body that cannot be right is a typed error.
 * Every network behaviour is tested against real servers on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, createRateLimiter, paginate } from '../../src/http/index.js';
import {
  CrossOriginError,
  clientCredentialsAuth,
  InternalServerError,
  MalformedResponseError,
  NetworkError,
  oauthAuth,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../src/index.js';
import { closeAll, listen, reply } from './servers.js';

afterEach(closeAll);

const quick = { baseDelayMs: 1, maxRetries: 3 };

describe('credentials never leave the origin', () => {
  it('refuses an absolute URL to another port before sending anything, naming only its origin', async () => {
    const other = await listen((_req, res) => reply(res, 200, {}));
    const home = await listen((_req, res) => reply(res, 200, {}));
    const http = createHttpClient({
      adapter: 'test',
      baseUrl: home.url,
      auth: { token: 'T0PSECRET' },
      retry: quick,
    });
    for (const path of [`${other.url}/steal?cursor=abc123`, `//${new URL(other.url).host}/steal`]) {
      const error = await http.request({ method: 'GET', path }).catch((e) => e);
      expect(error).toBeInstanceOf(CrossOriginError);
      expect(error.origin).toBe(other.url);
      expect(error.expectedOrigin).toBe(home.url);
      expect(error.message).toContain(other.url);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/steal|abc123|T0PSECRET/);
    }
    // Another scheme on the same host and port is another origin too.
    const https = await http
      .request({ method: 'GET', path: home.url.replace('http:', 'https:') })
      .catch((e) => e);
    expect(https).toBeInstanceOf(CrossOriginError);
    expect(other.seen).toHaveLength(0);
    expect(home.seen).toHaveLength(0);
    // The same origin is followed, with credentials.
    await http.request({ method: 'GET', path: `${home.url}/next?cursor=1` });
    expect(home.seen[0]!.headers.authorization).toBe('Bearer T0PSECRET');
  });

  it('refuses a redirect to another origin; follows one on the same origin', async () => {
    const other = await listen((_req, res) => reply(res, 200, { stolen: true }));
    const home = await listen((req, res) => {
      if (req.url === '/away') return res.writeHead(302, { location: `${other.url}/x?code=1` }).end();
      if (req.url === '/moved') return res.writeHead(301, { location: '/here' }).end();
      reply(res, 200, { here: true });
    });
    const http = createHttpClient({ adapter: 'test', baseUrl: home.url, auth: { token: 'T0PSECRET' } });
    const error = await http.request({ method: 'GET', path: '/away' }).catch((e) => e);
    expect(error).toBeInstanceOf(CrossOriginError);
    expect(error.origin).toBe(other.url);
    expect(other.seen).toHaveLength(0);
    expect(home.seen).toHaveLength(1); // not retried
    await expect(http.request({ method: 'GET', path: '/moved' })).resolves.toMatchObject({
      data: { here: true },
    });
    expect(home.seen.at(-1)!.headers.authorization).toBe('Bearer T0PSECRET');
  });

  it('stops a paginated list whose next link names another server; that server receives nothing', async () => {
    const other = await listen((_req, res) => reply(res, 200, { items: [99], next: null }));
    const home = await listen((_req, res) => reply(res, 200, { items: [1, 2], next: `${other.url}/page/2` }));
    const http = createHttpClient({ adapter: 'test', baseUrl: home.url, auth: { token: 'T0PSECRET' } });
    const items: number[] = [];
    const list = paginate<number, string>(async (next) => {
      const { data } = await http.request<{ items: number[]; next: string | null }>({
        method: 'GET',
        path: next ?? '/page/1',
      });
      return { items: data.items, next: data.next ?? undefined };
    });
    await expect(
      (async () => {
        for await (const item of list) items.push(item);
      })(),
    ).rejects.toBeInstanceOf(CrossOriginError);
    expect(items).toEqual([1, 2]);
    expect(other.seen).toHaveLength(0);
  });
});

describe('secrets stay out of errors', () => {
  it('names the 0.1.0 spellings baseURL and timeout instead of ignoring them', async () => {
    expect(() => createHttpClient({ adapter: 'test', baseURL: 'https://x.example' } as never)).toThrow(
      /baseURL.*spelt baseUrl/,
    );
    const http = createHttpClient({ adapter: 'test', baseUrl: 'https://x.example' });
    await expect(http.request({ method: 'GET', path: '/', timeout: 5 } as never)).rejects.toThrow(
      /spelt timeoutMs/,
    );
  });

  it('refuses credentials in tokenUrl and baseUrl with a ValidationError that does not echo them', () => {
    const tokenUrl = 'http://client-id:s3cr3t-value@127.0.0.1:9/oauth/tokens';
    const attempts = [
      () => oauthAuth({ accessToken: 'a', refreshToken: 'r', clientId: 'c', clientSecret: 'cs', tokenUrl }),
      () => clientCredentialsAuth({ clientId: 'c', clientSecret: 'cs', tokenUrl }),
      () => createHttpClient({ adapter: 'test', baseUrl: tokenUrl }),
    ];
    for (const attempt of attempts) {
      const error = (() => {
        try {
          attempt();
        } catch (e) {
          return e as ValidationError;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(`${error!.message} ${JSON.stringify(error)}`).not.toMatch(/s3cr3t|client-id/);
      expect(error!.issues[0]!.path).toHaveLength(1);
    }
  });

  it('turns a token endpoint that cannot be reached into a NetworkError, not TypeError: fetch failed', async () => {
    const closed = await listen(() => undefined);
    await closeAll();
    const auth = clientCredentialsAuth({
      tokenUrl: `${closed.url}/oauth/tokens?client_secret=leak`,
      clientId: 'c',
      clientSecret: 'cs-value',
    });
    const error = await auth.headers().catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/leak|cs-value/);
  });
});

describe('retry rules per method', () => {
  it('resends a PUT after a 502 by default, but not one marked not idempotent unless it has a key', async () => {
    const flaky = () => listen((_req, res, seen) => reply(res, seen.length === 1 ? 502 : 200, { ok: true }));
    const plain = await flaky();
    const client = (url: string) => createHttpClient({ adapter: 'test', baseUrl: url, retry: quick });
    await client(plain.url).request({ method: 'PUT', path: '/t/1', body: {} });
    expect(plain.seen).toHaveLength(2);
    const appending = await flaky();
    await expect(
      client(appending.url).request({ method: 'PUT', path: '/t/1', body: {}, idempotent: false }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(appending.seen).toHaveLength(1);
    const keyed = await flaky();
    await client(keyed.url).request({
      method: 'PUT',
      path: '/t/1',
      body: {},
      idempotent: false,
      idempotencyKey: 'k1',
    });
    expect(keyed.seen.map((r) => r.headers['idempotency-key'])).toEqual(['k1', 'k1']);
  });

  it('a non-blocking limiter throws RateLimitError at once: it is not retried', async () => {
    const server = await listen((_req, res) => reply(res, 200, {}));
    const http = createHttpClient({
      adapter: 'test',
      baseUrl: server.url,
      rateLimiter: createRateLimiter({
        nonBlocking: true,
        budgets: { all: { limit: 1, windowMs: 60_000 } },
        budgetsFor: () => ['all'],
      }),
    });
    await http.request({ method: 'GET', path: '/a' });
    const started = performance.now();
    const error = await http.request({ method: 'GET', path: '/b?token=x' }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(60);
    expect(error.message).not.toContain('token=x');
    expect(performance.now() - started).toBeLessThan(200);
    expect(server.seen).toHaveLength(1);
  });
});

describe('a deadline per attempt', () => {
  it('times out a body trickled a byte at a time within the deadline, not when the trickle ends', async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":"');
      const timer = setInterval(() => res.write('x'), 50);
      const stop = setTimeout(() => {
        clearInterval(timer);
        res.end('"}');
      }, 3000);
      res.on('close', () => {
        clearInterval(timer);
        clearTimeout(stop);
      });
    });
    const http = createHttpClient({
      adapter: 'test',
      baseUrl: server.url,
      timeoutMs: 300,
      retry: { maxRetries: 0 },
    });
    const started = performance.now();
    const error = await http.request({ method: 'GET', path: '/slow' }).catch((e) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(300);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('OAuth refresh', () => {
  it('ten concurrent requests whose 401s arrive 40 ms apart: one refresh, ten successes', async () => {
    let valid = 'a0'; // a1, the token the client starts with, was revoked
    let refreshToken = 'r1';
    let refreshes = 0;
    let late = 0;
    const server = await listen((req, res, seen) => {
      if (req.url === '/oauth/tokens') {
        const form = new URLSearchParams(seen.at(-1)!.body);
        // A rotating server: a refresh token works once.
        if (form.get('refresh_token') !== refreshToken) return reply(res, 400, { error: 'invalid_grant' });
        refreshes++;
        valid = `a${refreshes + 1}`;
        refreshToken = `r${refreshes + 1}`;
        return reply(res, 200, { access_token: valid, refresh_token: refreshToken, expires_in: 3600 });
      }
      if (req.headers.authorization === `Bearer ${valid}`) return reply(res, 200, { ok: true });
      // A refused token's 401 comes late, each one 40 ms after the one before.
      setTimeout(() => reply(res, 401, { error: 'invalid_token' }), 40 * ++late);
    });
    const rotated: string[] = [];
    const auth = oauthAuth({
      accessToken: 'a1',
      refreshToken: 'r1',
      clientId: 'c',
      clientSecret: 'cs',
      tokenUrl: `${server.url}/oauth/tokens`,
      onTokens: (tokens) => void rotated.push(tokens.accessToken),
    });
    const http = createHttpClient({ adapter: 'test', baseUrl: server.url, auth, retry: { maxRetries: 0 } });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => http.request({ method: 'GET', path: `/t/${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(refreshes).toBe(1);
    expect(rotated).toEqual(['a2']);
  });
});

describe('malformed success bodies', () => {
  it.each([
    ['200 null', 'null', 'unexpected_shape'],
    ['an array where an object belongs', '[]', 'unexpected_shape'],
    ['HTML', '<html><body>Customer Jane wrote…</body></html>', 'not_json'],
    ['an empty body', '', 'empty'],
    ['invalid JSON', 'OK then', 'not_json'],
  ])('%s is a MalformedResponseError naming the endpoint, not the body', async (_name, body, reason) => {
    const server = await listen((_req, res) => reply(res, 200, body, {}, true));
    const http = createHttpClient({ adapter: 'test', baseUrl: server.url, expect: 'object' });
    const error = await http.request({ method: 'GET', path: '/api/tickets/1.json?token=zz' }).catch((e) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.reason).toBe(reason);
    expect(error.message).toContain(`test GET ${server.url}/api/tickets/1.json`);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/Jane|zz/);
    expect(server.seen).toHaveLength(1); // none of these is retried
  });

  it('retries JSON cut off mid-stream, then names the endpoint', async () => {
    const server = await listen((_req, res) => reply(res, 200, '{"tickets": [1, 2', {}, true));
    const http = createHttpClient({
      adapter: 'test',
      baseUrl: server.url,
      retry: { ...quick, maxRetries: 2 },
    });
    const error = await http.request({ method: 'GET', path: '/x' }).catch((e) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.reason).toBe('truncated');
    expect(server.seen).toHaveLength(3);
  });
});
