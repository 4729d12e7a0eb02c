import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookHandler, type HelpdeskEvent, signWebhook } from '../../src/index.js';
import {
  CASES,
  closeServers,
  handlerOptions,
  listen,
  payloadFor,
  secret,
  signedHeaders,
  vendorTypeFor,
} from './deliveries.js';

afterEach(closeServers);

const FORMS = {
  string: (bytes: Buffer) => bytes.toString('utf8'),
  Buffer: (bytes: Buffer) => bytes,
  Uint8Array: (bytes: Buffer) => new Uint8Array(bytes),
} as const;
type Form = keyof typeof FORMS;
const forms = Object.keys(FORMS) as Form[];

describe.each(CASES)('a verified $name delivery whose body is already read', (c) => {
  it.each(forms)(
    'Node handler after a body parser left req.body as a %s: 200 and dispatched',
    async (form) => {
      const received: HelpdeskEvent[] = [];
      const handler = createWebhookHandler(handlerOptions(c, { onEvent: (e) => void received.push(e) }));
      // What express.text() / express.raw() do: read the whole stream, leave the result on req.body.
      const { url } = await listen(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        (req as typeof req & { body: unknown }).body = FORMS[form](Buffer.concat(chunks));
        handler.node(req, res);
      });
      const body = payloadFor(c);
      const response = await fetch(url, { method: 'POST', headers: await signedHeaders(c, body), body });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ vendor: c.vendor, vendorType: vendorTypeFor(c) });
    },
  );

  it.each(forms)('Fetch handler with a %s request body: 200 and dispatched', async (form) => {
    const received: HelpdeskEvent[] = [];
    const handler = createWebhookHandler(handlerOptions(c, { onEvent: (e) => void received.push(e) }));
    const body = payloadFor(c);
    const request = new Request('http://127.0.0.1/hook', {
      method: 'POST',
      headers: await signedHeaders(c, body),
      body: FORMS[form](Buffer.from(body)),
    });
    const response = await handler.fetch(request);
    expect(response.status).toBe(200);
    expect(received[0]).toMatchObject({ vendor: c.vendor, vendorType: vendorTypeFor(c) });
  });

  it('Node handler with a string req.body that was tampered with: 401, not dispatched', async () => {
    const received: HelpdeskEvent[] = [];
    const handler = createWebhookHandler(handlerOptions(c, { onEvent: (e) => void received.push(e) }));
    const { url } = await listen(async (req, res) => {
      for await (const _ of req);
      (req as typeof req & { body: unknown }).body = `${payloadFor(c)} `; // one byte more than was signed
      handler.node(req, res);
    });
    const body = payloadFor(c);
    const response = await fetch(url, { method: 'POST', headers: await signedHeaders(c, body), body });
    expect(response.status).toBe(401);
    expect(received).toHaveLength(0);
  });
});

describe('a body the handler cannot use', () => {
  it('answers 400 to verified bytes that are not UTF-8 JSON', async () => {
    const handler = createWebhookHandler(handlerOptions(CASES[0]!));
    const notJson = new Uint8Array([0xff, 0xfe, 0x7b]);
    const headers = await signWebhook('zendesk', { body: notJson, secret });
    const response = await handler.fetch(
      new Request('http://127.0.0.1/hook', { method: 'POST', headers, body: notJson }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_payload');
  });
});
