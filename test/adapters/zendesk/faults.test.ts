/**
 * Syncing Zendesk through faults, against a real HTTP server on 127.0.0.1 that serves the stateful fake: 429
 * with Retry-After, 503, connection resets, truncated JSON, a stalled response, a repeated export page, and an
 * OAuth access token that expires mid-sync. Every sync must end with exactly the records of a clean run.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/http/index.js';
import {
  bearerAuth,
  CrossOriginError,
  createZendeskAdapter,
  type DatasetRecord,
  InternalServerError,
  oauthAuth,
  RateLimitError,
  zendeskRateLimiter,
} from '../../../src/index.js';
import { callbackSink, sync } from '../../../src/sync/index.js';
import { seed } from '../../contract/contract-suite.js';
import { closeAll, listen, reply } from '../../http/servers.js';
import { BASE, fakeZendesk } from './fake.js';

type Fault = (req: IncomingMessage, res: ServerResponse, n: number) => boolean; // true = handled
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  await closeAll();
});

/** Serves a fresh fake on 127.0.0.1; `fault` may take over any request (by its number or path). */
async function serve(fault: Fault = () => false) {
  const fake = fakeZendesk(seed);
  let n = 0;
  const server = createServer(async (req, res) => {
    n++;
    if (fault(req, res, n)) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`${BASE}${req.url}`, {
      method: req.method!,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>,
      ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }),
    });
    const response = await getResponse(fake.handlers, request);
    if (!response) {
      res.writeHead(599).end();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const adapterFor = (
  baseUrl: string,
  auth = oauthAuth({
    accessToken: 'a1',
    refreshToken: 'r1',
    clientId: 'c',
    clientSecret: 's',
    tokenUrl: `${baseUrl}/oauth/tokens`,
  }),
) =>
  createZendeskAdapter({
    subdomain: 'acme',
    baseUrl,
    auth,
    pageSize: 2,
    exportPageSize: 2,
    timeoutMs: 400,
    retry: { baseDelayMs: 5, maxRetries: 5 },
    rateLimiter: createRateLimiter(),
  });

async function syncAll(baseUrl: string, auth?: Parameters<typeof adapterFor>[1]) {
  const records: DatasetRecord[] = [];
  await sync(adapterFor(baseUrl, auth), { sink: callbackSink((batch) => void records.push(...batch)) });
  return records.map((r) => JSON.stringify(r)).sort();
}

const clean = await (async () => {
  const url = await serve();
  const records = await syncAll(url);
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  return records;
})();

const isExport = (req: IncomingMessage) => req.url!.startsWith('/api/v2/incremental/');
const once = (
  predicate: (req: IncomingMessage) => boolean,
  act: (res: ServerResponse, req: IncomingMessage) => void,
): Fault => {
  let done = false;
  return (req, res) => {
    if (done || !predicate(req)) return false;
    done = true;
    act(res, req);
    return true;
  };
};

describe('Zendesk sync through faults, against a real server on 127.0.0.1', () => {
  it('has something to compare with', () => {
    expect(clean.filter((r) => r.includes('"kind":"tickets"'))).toHaveLength(seed.tickets.length);
  });

  it.each([
    [
      '429 with Retry-After',
      once(isExport, (res) =>
        res
          .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
          .end('{"error":"TooManyRequests"}'),
      ),
    ],
    [
      '503',
      once(
        (req) => req.url!.includes('/comments'),
        (res) => res.writeHead(503).end(),
      ),
    ],
    [
      'a connection reset',
      once(
        (req) => req.url!.includes('/audits'),
        (_res, req) => req.socket.destroy(),
      ),
    ],
    [
      'truncated JSON',
      once(isExport, (res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"tickets":[{"id":1'),
      ),
    ],
    [
      'a stalled response (timeout)',
      once(
        (req) => req.url!.includes('/comments'),
        () => undefined,
      ),
    ],
  ] as const)('%s: no record lost, none duplicated', async (_name, fault) => {
    const url = await serve(fault as Fault);
    expect(await syncAll(url)).toEqual(clean);
  });

  it('a repeated export page: no record lost, none duplicated', async () => {
    // The second ticket-export call gets the first page again (same after_cursor); the next call moves on.
    const isTicketExport = (req: IncomingMessage) => req.url!.startsWith('/api/v2/incremental/tickets/');
    let exports = 0;
    let firstPage: { status: number; body: string } | null = null;
    const fake = fakeZendesk(seed);
    const url = await serve((req, res) => {
      if (!isTicketExport(req)) return false;
      exports++;
      if (exports === 2 && firstPage) {
        res.writeHead(firstPage.status, { 'content-type': 'application/json' }).end(firstPage.body);
        return true;
      }
      if (exports === 1) {
        void (async () => {
          const response = (await getResponse(fake.handlers, new Request(`${BASE}${req.url}`)))!;
          firstPage = { status: response.status, body: await response.text() };
          res.writeHead(firstPage.status, { 'content-type': 'application/json' }).end(firstPage.body);
        })();
        return true;
      }
      return false;
    });
    expect(await syncAll(url)).toEqual(clean);
  });

  it('an OAuth access token that expires mid-sync is refreshed, rotated and the sync completes', async () => {
    let requests = 0;
    const rotated: string[] = [];
    const url = await serve((req, res) => {
      if (req.url === '/oauth/tokens') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'a2', refresh_token: 'r2', expires_in: 3600 }));
        return true;
      }
      requests++;
      // After three requests the first token is revoked.
      if (requests > 3 && req.headers.authorization === 'Bearer a1') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
        return true;
      }
      return false;
    });
    const auth = oauthAuth({
      accessToken: 'a1',
      refreshToken: 'r1',
      clientId: 'c',
      clientSecret: 's',
      tokenUrl: `${url}/oauth/tokens`,
      onTokens: (tokens) => void rotated.push(`${tokens.accessToken}/${tokens.refreshToken}`),
    });
    expect(await syncAll(url, auth)).toEqual(clean);
    expect(rotated).toEqual(['a2/r2']);
  });
});

describe('Zendesk at the boundary, against real servers on 127.0.0.1', () => {
  const bearer = bearerAuth('ZD-T0KEN');
  const zendesk = (baseUrl: string, extra: Partial<Parameters<typeof createZendeskAdapter>[0]> = {}) =>
    createZendeskAdapter({ subdomain: 'acme', baseUrl, auth: bearer, retry: { baseDelayMs: 1 }, ...extra });

  it('a next link (links.next, Help Center next_page) to another port is refused; that server receives nothing', async () => {
    const other = await listen((_req, res) => reply(res, 200, { tickets: [], articles: [] }));
    const home = await listen((req, res) =>
      req.url!.startsWith('/api/v2/help_center/locales')
        ? reply(res, 200, { locales: ['en-us'], default_locale: 'en-us' })
        : req.url!.startsWith('/api/v2/help_center/')
          ? reply(res, 200, {
              articles: [],
              sections: [],
              meta: { has_more: true, after_cursor: 'c2' },
              links: { next: `${other.url}/api/v2/help_center/en-us/sections.json?page%5Bafter%5D=c2` },
            })
          : reply(res, 200, {
              tickets: [],
              meta: { has_more: true, after_cursor: 'c2' },
              links: { next: `${other.url}/api/v2/tickets.json?page%5Bafter%5D=c2` },
            }),
    );
    const adapter = zendesk(home.url);
    const drain = async (list: AsyncIterable<unknown>) => {
      for await (const _ of list);
    };
    const error = await drain(adapter.tickets.list()).catch((e) => e);
    expect(error).toBeInstanceOf(CrossOriginError);
    expect(error.message).toContain(other.url);
    expect(error.message).not.toMatch(/c2|ZD-T0KEN/);
    await expect(drain(adapter.articles.list())).rejects.toBeInstanceOf(CrossOriginError);
    // tickets, then the locales and the first sections page: every request went home, with the token.
    expect(home.seen.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer ZD-T0KEN'));
    expect(other.seen).toHaveLength(0);
  });

  it('addMessage is not resent after a 502 without an idempotency key; with one it is, and lands once', async () => {
    let puts = 0;
    let failNext = true;
    const url = await serve((req, res) => {
      if (req.method !== 'PUT') return false;
      puts++;
      if (!failNext) return false;
      failNext = false;
      res.writeHead(502).end();
      return true;
    });
    const adapter = adapterFor(url);
    const reply1 = { authorId: '301', authorRole: 'agent', public: true, body: 'We are on it' } as const;
    await expect(adapter.tickets.addMessage('102', reply1)).rejects.toBeInstanceOf(InternalServerError);
    expect(puts).toBe(1);
    failNext = true;
    await adapter.tickets.addMessage('102', { ...reply1, body: 'Second try' }, { idempotencyKey: 'k-102-1' });
    expect(puts).toBe(3);
    const bodies = [];
    for await (const m of adapter.tickets.listMessages('102')) bodies.push(m.body);
    expect(bodies.filter((b) => b === 'Second try')).toHaveLength(1);
    expect(bodies).not.toContain('We are on it');
  });

  it('zendeskRateLimiter({ nonBlocking: true }): over the budget Zendesk reported, the next call throws RateLimitError at once', async () => {
    const server = await listen((_req, res) =>
      reply(
        res,
        200,
        { group: { id: 1, name: 'Billing' } },
        { 'x-rate-limit-remaining': '0', 'ratelimit-reset': '30' },
      ),
    );
    const adapter = zendesk(server.url, { rateLimiter: zendeskRateLimiter({ nonBlocking: true }) });
    await adapter.groups.get('1');
    const started = performance.now();
    const error = await adapter.groups.get('1').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(30);
    expect(performance.now() - started).toBeLessThan(200);
    expect(server.seen).toHaveLength(1);
  });
});
