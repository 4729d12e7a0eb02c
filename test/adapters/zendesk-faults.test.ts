/**
 * Syncing Zendesk through faults, against a real HTTP server on 127.0.0.1 that serves the stateful fake: 429
 * with Retry-After, 503, connection resets, truncated JSON, a stalled response, a repeated export page, and an
 * OAuth access token that expires mid-sync. Every sync must end with exactly the records of a clean run.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, createZendeskAdapter, type DatasetRecord, oauthAuth } from '../../src/index.js';
import { callbackSink, sync } from '../../src/sync/index.js';
import { seed } from '../contract/contract-suite.js';
import { BASE, fakeZendesk } from './zendesk-fake.js';

type Fault = (req: IncomingMessage, res: ServerResponse, n: number) => boolean; // true = handled
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
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
