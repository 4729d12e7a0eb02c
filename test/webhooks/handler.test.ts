import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEventBus,
  createWebhookHandler,
  type HelpdeskEvent,
  signWebhook,
  type WebhookHandler,
} from '../../src/index.js';

const secret = 'whsec_handler';
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Serves a handler on 127.0.0.1 — the Node listener directly, or the Fetch handler through a Request/Response bridge. */
async function serve(handler: WebhookHandler, mode: 'node' | 'fetch'): Promise<string> {
  const server = createServer(
    mode === 'node'
      ? handler.node
      : async (req: IncomingMessage, res) => {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const headers = new Headers();
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
          const method = req.method ?? 'GET';
          const request = new Request(`http://127.0.0.1${req.url}`, {
            method,
            headers,
            ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
          });
          const response = await handler.fetch(request);
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const ticketCreated = JSON.stringify({
  type: 'zen:event-type:ticket.created',
  id: 'evt-1',
  time: new Date().toISOString(),
  detail: {
    id: '100',
    subject: 'Help',
    status: 'NEW',
    requester_id: '7',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  },
});

describe.each(['node', 'fetch'] as const)('createWebhookHandler (%s) over real HTTP on 127.0.0.1', (mode) => {
  it('answers 200 and delivers the typed event to onEvent and the bus', async () => {
    const received: HelpdeskEvent[] = [];
    const bus = createEventBus();
    const onBus: string[] = [];
    bus.on('ticket.created', (event) => onBus.push(event.ticketId));
    bus.on('event', (event) => onBus.push(`any:${event.type}`));
    const url = await serve(
      createWebhookHandler({ vendor: 'zendesk', secret, bus, onEvent: (e) => void received.push(e) }),
      mode,
    );
    const headers = await signWebhook('zendesk', { body: ticketCreated, secret });
    const response = await fetch(url, { method: 'POST', headers, body: ticketCreated });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, type: 'ticket.created' });
    expect(received[0]).toMatchObject({
      type: 'ticket.created',
      ticketId: '100',
      ticket: { subject: 'Help', status: 'new' },
    });
    expect(onBus).toEqual(['100', 'any:ticket.created']);
  });

  it('answers 401 on a bad signature, with the reason and without the secret', async () => {
    const rejected: string[] = [];
    const url = await serve(
      createWebhookHandler({ vendor: 'zendesk', secret, onRejected: (reason) => rejected.push(reason) }),
      mode,
    );
    const headers = await signWebhook('zendesk', { body: ticketCreated, secret: 'wrong' });
    const response = await fetch(url, { method: 'POST', headers, body: ticketCreated });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text).error).toBe('bad_signature');
    expect(text).not.toContain(secret);
    const unsigned = await fetch(url, { method: 'POST', body: ticketCreated });
    expect(unsigned.status).toBe(401);
    expect(rejected).toEqual(['bad_signature', 'missing_header']);
  });

  it('answers Trello’s HEAD check, 405 to GET, 400 to a signed non-JSON body, 413 to an oversized one', async () => {
    const callbackURL = 'https://hooks.example.com/trello';
    const url = await serve(
      createWebhookHandler({ vendor: 'trello', secret, callbackURL, maxBodyBytes: 64 }),
      mode,
    );
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(url)).status).toBe(405);
    const notJson = 'hello';
    const signed = await signWebhook('trello', { body: notJson, secret, callbackURL });
    expect((await fetch(url, { method: 'POST', headers: signed, body: notJson })).status).toBe(400);
    const big = 'x'.repeat(1000);
    expect((await fetch(url, { method: 'POST', headers: signed, body: big })).status).toBe(413);
  });

  it('answers 500 when onEvent throws, so the sender retries', async () => {
    const url = await serve(
      createWebhookHandler({
        vendor: 'zendesk',
        secret,
        onEvent: () => {
          throw new Error('database down');
        },
      }),
      mode,
    );
    const headers = await signWebhook('zendesk', { body: ticketCreated, secret });
    const response = await fetch(url, { method: 'POST', headers, body: ticketCreated });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('database down');
  });
});

describe('createWebhookHandler options', () => {
  it('refuses a body a JSON parser already consumed, and wrong options', async () => {
    const handler = createWebhookHandler({ vendor: 'front', secret });
    const status = await new Promise<number>((resolve) => {
      const res = { statusCode: 0, setHeader() {}, end: () => resolve(res.statusCode) };
      handler.node(
        {
          method: 'POST',
          headers: { 'x-front-signature': 'x' },
          body: { parsed: true },
          readableEnded: true,
          on: () => undefined,
        },
        res,
      );
    });
    expect(status).toBe(500);
    // The type says callbackURL is required for Trello; a JavaScript caller is still told at run time.
    expect(() => createWebhookHandler({ vendor: 'trello', secret } as never)).toThrow(/callbackURL/);
    expect(() => createWebhookHandler({ vendor: 'zendesk', secret: '' })).toThrow(/secret/);
  });
});
