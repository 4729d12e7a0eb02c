import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookHandler, signWebhook } from '../../src/index.js';
import { closeServers, listen, secret } from './deliveries.js';

afterEach(closeServers);

const CHUNK = 16 * 1024;
const MAX = 64 * 1024;

/**
 * A 32 MiB body (as good as endless next to the limit, yet finite so a handler that buffers it all fails the
 * test instead of hanging it): counts what was pulled and whether the reader cancelled it.
 */
function endlessBody() {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= 32 * 1024 * 1024) {
        controller.close();
        return;
      }
      state.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x78));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('Fetch handler: maxBodyBytes while streaming', () => {
  it('answers 413 to a body without Content-Length, stops reading just past the limit, cancels the stream', async () => {
    const handler = createWebhookHandler({ vendor: 'zendesk', secret, maxBodyBytes: MAX, seen: false });
    const { stream, state } = endlessBody();
    const request = new Request('http://127.0.0.1/hook', {
      method: 'POST',
      headers: await signWebhook('zendesk', { body: 'x', secret }),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const response = await handler.fetch(request);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('body_too_large');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.cancelled).toBe(true);
    // The limit plus what the stream had queued ahead — nowhere near the endless body.
    expect(state.pulled).toBeLessThanOrEqual(MAX + 4 * CHUNK);
  });

  it('answers 413 from a declared Content-Length without reading, and accepts a body of exactly the limit', async () => {
    const handler = createWebhookHandler({ vendor: 'zendesk', secret, maxBodyBytes: MAX, seen: false });
    const { stream, state } = endlessBody();
    const declared = new Request('http://127.0.0.1/hook', {
      method: 'POST',
      headers: { 'content-length': String(MAX + 1) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await handler.fetch(declared)).status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
    const body = JSON.stringify({ type: 'zen:event-type:ticket.created', id: 'e', pad: '' });
    const exact = body.replace('"pad":""', `"pad":"${'p'.repeat(MAX - body.length)}"`);
    expect(exact.length).toBe(MAX);
    const ok = await handler.fetch(
      new Request('http://127.0.0.1/hook', {
        method: 'POST',
        headers: await signWebhook('zendesk', { body: exact, secret }),
        body: exact,
      }),
    );
    expect(ok.status).toBe(200);
  });
});

describe('Node handler: maxBodyBytes on a real node:http server on 127.0.0.1', () => {
  it('answers 413 with Connection: close, stops reading and closes the connection mid-upload', async () => {
    const handler = createWebhookHandler({ vendor: 'zendesk', secret, maxBodyBytes: MAX, seen: false });
    let serverRead = 0;
    const { url } = await listen((req, res) => {
      req.on('data', (chunk: Buffer) => {
        serverRead += chunk.length;
      });
      handler.node(req, res);
    });
    const TOTAL = 256 * 1024 * 1024; // what an abusive sender would push; chunked, no Content-Length
    const headers = await signWebhook('zendesk', { body: 'x', secret });
    let written = 0;
    const outcome = await new Promise<{
      response: IncomingMessage;
      body: string;
      socketClosed: Promise<void>;
    }>((resolve, reject) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: { ...headers, 'transfer-encoding': 'chunked' },
      });
      const socketClosed = new Promise<void>((done) => req.on('close', () => done()));
      req.on('error', () => undefined); // EPIPE / ECONNRESET once the server hangs up: expected
      req.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          body += text;
        });
        response.on('end', () => resolve({ response, body, socketClosed }));
        response.on('error', reject);
      });
      const chunk = Buffer.alloc(CHUNK, 0x78);
      const pump = () => {
        while (written < TOTAL && !req.destroyed) {
          written += CHUNK;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(outcome.response.statusCode).toBe(413);
    expect(outcome.response.headers.connection).toBe('close');
    expect(JSON.parse(outcome.body).error).toBe('body_too_large');
    await outcome.socketClosed;
    // The server read a little past the limit, and the client could push only what socket buffers held.
    expect(serverRead).toBeLessThan(MAX + 1024 * 1024);
    expect(written).toBeLessThan(TOTAL / 8);
  });

  it('answers 413 to an oversized string a body parser left on req.body', async () => {
    const handler = createWebhookHandler({ vendor: 'zendesk', secret, maxBodyBytes: 8, seen: false });
    const { url } = await listen(async (req, res) => {
      for await (const _ of req);
      (req as typeof req & { body: unknown }).body = 'x'.repeat(9);
      handler.node(req, res);
    });
    const response = await fetch(url, { method: 'POST', body: 'x'.repeat(9) });
    expect(response.status).toBe(413);
  });
});
