import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  signWebhook,
  verifyWebhook,
  verifyWebhookSync,
  type WebhookVendor,
  WebhookVerificationError,
} from '../../src/index.js';
import { WEBHOOK_VENDORS } from '../../src/webhooks/index.js';

const secret = 'whsec_test_4f9c2d';
const callbackURL = 'https://hooks.example.com/trello/board-1';
const body = JSON.stringify({
  type: 'zen:event-type:ticket.created',
  detail: { id: '1', subject: 'Café ☕ ünïcode' },
});
const now = new Date('2026-11-23T10:00:00Z');
const extras = (vendor: WebhookVendor) => (vendor === 'trello' ? { callbackURL } : {});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    const e = error as WebhookVerificationError;
    expect(`${e.message} ${JSON.stringify(e)}`).not.toContain(secret);
    return e.reason;
  }
  throw new Error('expected verification to fail');
}

describe('sign → verify round trips', () => {
  it.each(WEBHOOK_VENDORS)('%s: string and byte bodies, async and sync', async (vendor) => {
    const headers = await signWebhook(vendor, { body, secret, timestamp: now, ...extras(vendor) });
    const options = { headers, secret, now, ...extras(vendor) };
    await expect(verifyWebhook(vendor, { ...options, rawBody: body })).resolves.toMatchObject({ vendor });
    await expect(
      verifyWebhook(vendor, { ...options, rawBody: new TextEncoder().encode(body) }),
    ).resolves.toBeTruthy();
    expect(verifyWebhookSync(vendor, { ...options, rawBody: Buffer.from(body) })).toMatchObject({ vendor });
  });

  it('holds for any body and secret (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WEBHOOK_VENDORS),
        fc.string(),
        fc.string({ minLength: 1 }),
        async (vendor, text, key) => {
          const headers = await signWebhook(vendor, {
            body: text,
            secret: key,
            timestamp: now,
            ...extras(vendor),
          });
          await verifyWebhook(vendor, { rawBody: text, headers, secret: key, now, ...extras(vendor) });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('published and independently computed vectors', () => {
  it('Help Scout’s documented example', async () => {
    const helpScoutBody =
      '{"firstName":"Jackie","lastName":"Chan","email":"jackie.chan@somewhere.com","gender":"male"}';
    const headers = { 'X-HelpScout-Signature': '2iFmnzC8SCNVF/iNiMnSe19yceU=' };
    await expect(
      verifyWebhook('helpscout', { rawBody: helpScoutBody, headers, secret: 'your secret key' }),
    ).resolves.toEqual({
      vendor: 'helpscout',
    });
  });

  it('Zendesk, Trello, Intercom and Front match node:crypto computed by hand', async () => {
    const ts = '2026-11-23T10:00:00Z';
    const zendesk = createHmac('sha256', secret)
      .update(ts + body)
      .digest('base64');
    expect(await signWebhook('zendesk', { body, secret, timestamp: now })).toEqual({
      'x-zendesk-webhook-signature-timestamp': ts,
      'x-zendesk-webhook-signature': zendesk,
    });
    const trello = createHmac('sha1', secret)
      .update(body + callbackURL)
      .digest('base64');
    expect((await signWebhook('trello', { body, secret, callbackURL }))['x-trello-webhook']).toBe(trello);
    const intercom = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
    expect((await signWebhook('intercom', { body, secret }))['x-hub-signature']).toBe(intercom);
    const front = createHmac('sha1', secret).update(body).digest('base64');
    expect((await signWebhook('front', { body, secret }))['x-front-signature']).toBe(front);
  });
});

describe('refusals', () => {
  it.each(WEBHOOK_VENDORS)('%s: tampered body, wrong secret, missing header', async (vendor) => {
    const headers = await signWebhook(vendor, { body, secret, timestamp: now, ...extras(vendor) });
    const base = { headers, secret, now, ...extras(vendor) };
    expect(await reasonOf(verifyWebhook(vendor, { ...base, rawBody: body.replace('Café', 'Cafe') }))).toBe(
      'bad_signature',
    );
    expect(await reasonOf(verifyWebhook(vendor, { ...base, rawBody: body, secret: 'other' }))).toBe(
      'bad_signature',
    );
    expect(await reasonOf(verifyWebhook(vendor, { ...base, rawBody: body, headers: {} }))).toBe(
      'missing_header',
    );
    expect(await reasonOf(verifyWebhook(vendor, { ...base, rawBody: body, secret: '' }))).toBe(
      'missing_secret',
    );
  });

  it('a parsed-object body is refused with a message that says so', async () => {
    const headers = await signWebhook('front', { body, secret });
    try {
      await verifyWebhook('front', { rawBody: JSON.parse(body), headers, secret });
      expect.unreachable();
    } catch (error) {
      expect((error as WebhookVerificationError).reason).toBe('parsed_body');
      expect((error as Error).message).toMatch(/raw string or bytes/);
    }
  });

  it('Zendesk: stale and future timestamps outside the window, inside it accepted', async () => {
    const headers = await signWebhook('zendesk', { body, secret, timestamp: now });
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    await expect(
      verifyWebhook('zendesk', { rawBody: body, headers, secret, now: at(299) }),
    ).resolves.toBeTruthy();
    expect(await reasonOf(verifyWebhook('zendesk', { rawBody: body, headers, secret, now: at(301) }))).toBe(
      'stale_timestamp',
    );
    expect(await reasonOf(verifyWebhook('zendesk', { rawBody: body, headers, secret, now: at(-301) }))).toBe(
      'future_timestamp',
    );
    await expect(
      verifyWebhook('zendesk', { rawBody: body, headers, secret, now: at(1000), tolerance: 1200 }),
    ).resolves.toBeTruthy();
    const badTime = { ...headers, 'x-zendesk-webhook-signature-timestamp': 'yesterday' };
    expect(await reasonOf(verifyWebhook('zendesk', { rawBody: body, headers: badTime, secret, now }))).toBe(
      'invalid_timestamp',
    );
    // A replayed signature with a fresh timestamp does not verify: the timestamp is part of what is signed.
    const replay = { ...headers, 'x-zendesk-webhook-signature-timestamp': '2026-11-23T10:04:00Z' };
    expect(await reasonOf(verifyWebhook('zendesk', { rawBody: body, headers: replay, secret, now }))).toBe(
      'bad_signature',
    );
  });

  it('Trello: the callback URL must be exactly the registered one', async () => {
    const headers = await signWebhook('trello', { body, secret, callbackURL });
    expect(
      await reasonOf(
        verifyWebhook('trello', { rawBody: body, headers, secret, callbackURL: `${callbackURL}/` }),
      ),
    ).toBe('bad_signature');
    await expect(verifyWebhook('trello', { rawBody: body, headers, secret })).rejects.toThrow(/callbackURL/);
  });

  it('looks headers up in any case, in records and in Fetch Headers', async () => {
    const signed = await signWebhook('zendesk', { body, secret, timestamp: now });
    const shouted = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), v]));
    const mixed = Object.fromEntries(
      Object.entries(signed).map(([k, v]) => [k.replace(/(^|-)(\w)/g, (m) => m.toUpperCase()), [v]]),
    );
    for (const headers of [shouted, mixed, new Headers(signed)]) {
      await expect(verifyWebhook('zendesk', { rawBody: body, headers, secret, now })).resolves.toBeTruthy();
    }
    const intercom = await signWebhook('intercom', { body, secret });
    const upperHex = { 'X-Hub-Signature': `sha1=${intercom['x-hub-signature']!.slice(5).toUpperCase()}` };
    await expect(
      verifyWebhook('intercom', { rawBody: body, headers: upperHex, secret }),
    ).resolves.toBeTruthy();
  });

  it('names a wrong vendor', async () => {
    await expect(verifyWebhook('slack' as never, { rawBody: body, headers: {}, secret })).rejects.toThrow(
      /vendor: must be one of/,
    );
  });
});

describe('signWebhook timestamps', () => {
  it('takes an instant in every form the models take, and names a bad one', async () => {
    const body = '{"id":"1"}';
    const iso = await signWebhook('zendesk', { body, secret: 's', timestamp: '2026-03-02T09:00:00Z' });
    const ms = await signWebhook('zendesk', {
      body,
      secret: 's',
      timestamp: Date.parse('2026-03-02T09:00:00Z'),
    });
    const date = await signWebhook('zendesk', {
      body,
      secret: 's',
      timestamp: new Date('2026-03-02T09:00:00Z'),
    });
    expect(iso).toEqual(date);
    expect(ms).toEqual(date);
    await expect(signWebhook('zendesk', { body, secret: 's', timestamp: 'yesterday' })).rejects.toThrow(
      /signWebhook\(\) timestamp/,
    );
  });
});
