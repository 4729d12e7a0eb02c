import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWebhookHandler,
  type HelpdeskEvent,
  signWebhook,
  verifyWebhook,
  verifyWebhookSync,
  WebhookVerificationError,
} from '../../src/index.js';
import { closeServers, serveNode } from './deliveries.js';

afterEach(closeServers);

const appSecret = 'front_app_signing_secret';
// The validation request Front documents for a newly saved application webhook (dev.frontapp.com/docs/application-webhooks):
// a `sync` body naming the company, a millisecond timestamp and a random challenge.
const syncBody = JSON.stringify({ type: 'sync', authorization: { id: 'cmp_abc' } });
const now = new Date('2026-11-23T10:00:00.000Z');
const ts = String(now.getTime());
/** Front's recipe, by hand: base64 HMAC-SHA256 over the timestamp, a colon, then the raw body. */
const frontSignature = (timestamp: string, body: string, key = appSecret) =>
  createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(`${timestamp}:`), Buffer.from(body)]))
    .digest('base64');

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as Error).message).not.toContain(appSecret);
    return (error as WebhookVerificationError).reason;
  }
  throw new Error('expected verification to fail');
}

describe("Front application webhooks (frontScheme: 'application')", () => {
  const headers = { 'X-Front-Signature': frontSignature(ts, syncBody), 'X-Front-Request-Timestamp': ts };
  const base = { headers, secret: appSecret, now, frontScheme: 'application' as const };

  it('verify a signature computed by hand from Front’s recipe, async and sync, string and bytes', async () => {
    await expect(verifyWebhook('front', { ...base, rawBody: syncBody })).resolves.toEqual({
      vendor: 'front',
      timestamp: now,
    });
    expect(verifyWebhookSync('front', { ...base, rawBody: Buffer.from(syncBody) })).toMatchObject({
      vendor: 'front',
    });
  });

  it('signWebhook produces exactly Front’s headers (millisecond timestamp)', async () => {
    expect(
      await signWebhook('front', {
        body: syncBody,
        secret: appSecret,
        timestamp: now,
        frontScheme: 'application',
      }),
    ).toEqual({ 'x-front-request-timestamp': ts, 'x-front-signature': frontSignature(ts, syncBody) });
  });

  it('refuse stale and future timestamps outside the window, a changed timestamp, a non-numeric one', async () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(await reasonOf(verifyWebhook('front', { ...base, rawBody: syncBody, now: at(301) }))).toBe(
      'stale_timestamp',
    );
    expect(await reasonOf(verifyWebhook('front', { ...base, rawBody: syncBody, now: at(-301) }))).toBe(
      'future_timestamp',
    );
    await expect(verifyWebhook('front', { ...base, rawBody: syncBody, now: at(299) })).resolves.toBeTruthy();
    await expect(
      verifyWebhook('front', { ...base, rawBody: syncBody, now: at(1000), tolerance: 1200 }),
    ).resolves.toBeTruthy();
    const shifted = { ...headers, 'X-Front-Request-Timestamp': String(now.getTime() + 1) };
    expect(await reasonOf(verifyWebhook('front', { ...base, headers: shifted, rawBody: syncBody }))).toBe(
      'bad_signature',
    );
    const iso = { ...headers, 'X-Front-Request-Timestamp': now.toISOString() };
    expect(await reasonOf(verifyWebhook('front', { ...base, headers: iso, rawBody: syncBody }))).toBe(
      'invalid_timestamp',
    );
    const { 'X-Front-Request-Timestamp': _, ...noTimestamp } = headers;
    expect(await reasonOf(verifyWebhook('front', { ...base, headers: noTimestamp, rawBody: syncBody }))).toBe(
      'missing_header',
    );
  });

  it('the rule scheme stays the default, and says which option to set when an application webhook arrives', async () => {
    try {
      await verifyWebhook('front', { headers, secret: appSecret, now, rawBody: syncBody });
      expect.unreachable();
    } catch (error) {
      expect((error as WebhookVerificationError).reason).toBe('bad_signature');
      expect((error as Error).message).toMatch(/frontScheme: 'application'/);
    }
    const rule = createHmac('sha1', appSecret).update(syncBody).digest('base64');
    await expect(
      verifyWebhook('front', {
        headers: { 'x-front-signature': rule },
        secret: appSecret,
        rawBody: syncBody,
      }),
    ).resolves.toEqual({ vendor: 'front' });
    await expect(
      verifyWebhook('front', {
        headers: { 'x-front-signature': rule },
        secret: appSecret,
        rawBody: syncBody,
        frontScheme: 'application',
      }),
    ).rejects.toThrow(WebhookVerificationError);
    expect(() =>
      createWebhookHandler({ vendor: 'front', secret: appSecret, frontScheme: 'app' as 'application' }),
    ).toThrow(/frontScheme/);
  });
});

describe.each(['node', 'fetch'] as const)('Front’s X-Front-Challenge handshake (%s handler)', (mode) => {
  async function post(body: string, headers: Record<string, string>, handler = makeHandler().handler) {
    const url = mode === 'node' ? await serveNode(handler) : 'http://127.0.0.1/hook';
    const request = new Request(url, { method: 'POST', headers, body });
    return mode === 'node' ? fetch(request) : handler.fetch(request);
  }
  function makeHandler() {
    const received: HelpdeskEvent[] = [];
    const handler = createWebhookHandler({
      vendor: 'front',
      secret: appSecret,
      frontScheme: 'application',
      onEvent: (e) => void received.push(e),
    });
    return { handler, received };
  }

  it('answers a verified challenge with 200 and { challenge } as JSON, and dispatches nothing', async () => {
    const { handler, received } = makeHandler();
    const stamp = String(Date.now());
    const response = await post(
      syncBody,
      {
        'x-front-signature': frontSignature(stamp, syncBody),
        'x-front-request-timestamp': stamp,
        'x-front-challenge': 'e4f1c2b7a9',
      },
      handler,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ challenge: 'e4f1c2b7a9' });
    expect(received).toHaveLength(0);
  });

  it('does not answer a challenge that fails verification', async () => {
    const stamp = String(Date.now());
    const response = await post(syncBody, {
      'x-front-signature': frontSignature(stamp, syncBody, 'someone-else'),
      'x-front-request-timestamp': stamp,
      'x-front-challenge': 'e4f1c2b7a9',
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('e4f1c2b7a9');
  });

  it('dispatches a later application event with its event id, and refuses a replay outside the window', async () => {
    const { handler, received } = makeHandler();
    const body = JSON.stringify({
      type: 'tag_added',
      authorization: { id: 'cmp_abc' },
      payload: { id: 'evt_7a1', type: 'tag', emitted_at: 1763892000 },
    });
    const fresh = String(Date.now());
    const ok = await post(
      body,
      { 'x-front-signature': frontSignature(fresh, body), 'x-front-request-timestamp': fresh },
      handler,
    );
    expect(ok.status).toBe(200);
    expect(received[0]).toMatchObject({ vendor: 'front', vendorType: 'tag_added', id: 'evt_7a1' });
    const old = String(Date.now() - 10 * 60 * 1000);
    const stale = await post(
      body,
      { 'x-front-signature': frontSignature(old, body), 'x-front-request-timestamp': old },
      handler,
    );
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: string }).error).toBe('stale_timestamp');
    expect(received).toHaveLength(1);
  });
});
