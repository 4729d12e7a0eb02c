import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWebhookHandler,
  type HelpdeskEvent,
  parseWebhookEvent,
  signWebhook,
  type WebhookHandler,
} from '../../src/index.js';
import { createMemorySeenStore, type WebhookSeenStore, webhookDeliveryId } from '../../src/webhooks/index.js';
import {
  CASES,
  closeServers,
  handlerOptions,
  payloadFor,
  secret,
  serveNode,
  signedHeaders,
} from './deliveries.js';

afterEach(closeServers);

/** Sends one delivery to the Node handler over real HTTP, or to the Fetch handler directly. */
async function send(
  handler: WebhookHandler,
  mode: 'node' | 'fetch',
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const url = mode === 'node' ? await serveNode(handler) : 'http://127.0.0.1/hook';
  const request = new Request(url, { method: 'POST', headers, body });
  const response = mode === 'node' ? await fetch(request) : await handler.fetch(request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A shared store with Redis SET NX PX / DEL semantics, the way a Redis-backed one behaves. */
function redisLikeStore(clock: () => number): WebhookSeenStore & { keys: Map<string, number> } {
  const keys = new Map<string, number>();
  return {
    keys,
    async claim(id, ttlMs) {
      const expiry = keys.get(id);
      if (expiry !== undefined && expiry > clock()) return false;
      keys.set(id, clock() + ttlMs);
      return true;
    },
    async release(id) {
      keys.delete(id);
    },
  };
}

describe('delivery ids', () => {
  it('every parsed event from the handler has a stable id, from the vendor when it sends one', async () => {
    const expected: Record<string, string | RegExp> = {
      zendesk: 'zen-evt-1',
      trello: 'act-1',
      helpscout: /^sha256:[0-9a-f]{64}$/,
      intercom: 'notif_1',
      'front (rule)': 'evt_rule_1',
      'front (application)': 'evt_app_1',
    };
    for (const c of CASES) {
      const ids: (string | null)[] = [];
      const handler = createWebhookHandler(
        handlerOptions(c, { seen: false, onEvent: (e) => void ids.push(e.id) }),
      );
      const body = payloadFor(c);
      const headers = await signedHeaders(c, body);
      await send(handler, 'fetch', body, headers);
      await send(handler, 'fetch', body, headers);
      expect(ids[0], c.name).toMatch(expected[c.name]!);
      expect(ids[1], `${c.name}: the same on redelivery`).toBe(ids[0]);
    }
  });

  it('Help Scout: a digest of the verified body and signature, not the conversation id it shares with other events', async () => {
    const c = CASES.find((x) => x.vendor === 'helpscout')!;
    const first = payloadFor(c, 1);
    const second = payloadFor(c, 2); // the same conversation (id 4242), a later event
    const h1 = await signedHeaders(c, first);
    const h2 = await signedHeaders(c, second);
    const id1 = await webhookDeliveryId('helpscout', { rawBody: first, headers: h1 });
    const id2 = await webhookDeliveryId('helpscout', { rawBody: Buffer.from(second), headers: h2 });
    const byHand = createHash('sha256')
      .update(
        Buffer.concat([Buffer.from(first), Buffer.from([0]), Buffer.from(h1['x-helpscout-signature']!)]),
      )
      .digest('hex');
    expect(id1).toBe(`sha256:${byHand}`);
    expect(id2).not.toBe(id1);
    expect(parseWebhookEvent('helpscout', JSON.parse(first), { deliveryId: id1 }).id).toBe(id1);
    // Without the raw body, parseWebhookEvent cannot know a Help Scout delivery, and says so with null.
    expect(parseWebhookEvent('helpscout', JSON.parse(first)).id).toBeNull();
  });

  it('numeric vendor ids come out as strings, and Front application events use the wrapped event id', () => {
    expect(parseWebhookEvent('intercom', { topic: 't', id: 12345 }).id).toBe('12345');
    expect(parseWebhookEvent('front', { type: 'inbound_received', payload: { id: 'evt_9' } }).id).toBe(
      'evt_9',
    );
  });
});

describe.each(['node', 'fetch'] as const)('replay protection (%s handler)', (mode) => {
  it.each(CASES)('$name: a replayed delivery is answered 200 once more and dispatched once', async (c) => {
    const received: HelpdeskEvent[] = [];
    const handler = createWebhookHandler(handlerOptions(c, { onEvent: (e) => void received.push(e) }));
    const body = payloadFor(c);
    const headers = await signedHeaders(c, body);
    const first = await send(handler, mode, body, headers);
    const replay = await send(handler, mode, body, headers);
    expect(first).toMatchObject({ status: 200, json: { ok: true } });
    expect(first.json.duplicate).toBeUndefined();
    expect(replay).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    expect(received).toHaveLength(1);
    // A different delivery of the same vendor is still dispatched.
    const other = payloadFor(c, 2);
    expect((await send(handler, mode, other, await signedHeaders(c, other))).json.duplicate).toBeUndefined();
    expect(received).toHaveLength(2);
  });

  it('a failed dispatch releases the id, so the vendor’s retry is processed — then later replays are not', async () => {
    const c = CASES[0]!;
    let calls = 0;
    const bus: string[] = [];
    const handler = createWebhookHandler(
      handlerOptions(c, {
        onEvent: () => {
          calls++;
          if (calls === 1) throw new Error('database down');
          bus.push('dispatched');
        },
      }),
    );
    const body = payloadFor(c);
    const headers = await signedHeaders(c, body);
    expect((await send(handler, mode, body, headers)).status).toBe(500);
    expect((await send(handler, mode, body, headers)).json).toEqual({ ok: true, type: 'ticket.created' });
    expect((await send(handler, mode, body, headers)).json.duplicate).toBe(true);
    expect(calls).toBe(2);
    expect(bus).toEqual(['dispatched']);
  });

  it('uses a shared store (SET NX PX semantics) across handler instances, keyed by vendor, for seenTtlMs', async () => {
    let clock = 1_000_000;
    const store = redisLikeStore(() => clock);
    const received: string[] = [];
    const c = CASES[0]!;
    const make = () =>
      createWebhookHandler(
        handlerOptions(c, { seen: store, seenTtlMs: 60_000, onEvent: (e) => void received.push(e.id ?? '') }),
      );
    const body = payloadFor(c);
    const headers = await signedHeaders(c, body);
    await send(make(), mode, body, headers);
    await send(make(), mode, body, headers); // another process, the same store
    expect(received).toEqual(['zen-evt-1']);
    expect([...store.keys.keys()]).toEqual(['zendesk:zen-evt-1']);
    expect(store.keys.get('zendesk:zen-evt-1')).toBe(1_000_000 + 60_000);
    clock += 60_001; // the claim expired: the store forgot it
    await send(make(), mode, body, headers);
    expect(received).toEqual(['zen-evt-1', 'zen-evt-1']);
  });

  it('answers 500 (the vendor retries) when the store cannot be reached, and dispatches nothing', async () => {
    const received: HelpdeskEvent[] = [];
    const c = CASES[0]!;
    const handler = createWebhookHandler(
      handlerOptions(c, {
        seen: {
          claim: () => Promise.reject(new Error('ECONNREFUSED redis://user:pw@cache')),
          release: async () => {},
        },
        onEvent: (e) => void received.push(e),
      }),
    );
    const body = payloadFor(c);
    const result = await send(handler, mode, body, await signedHeaders(c, body));
    expect(result).toMatchObject({ status: 500, json: { error: 'seen_store_failed' } });
    expect(JSON.stringify(result.json)).not.toContain('pw@');
    expect(received).toHaveLength(0);
  });

  it('with seen: false, every delivery is dispatched', async () => {
    const c = CASES[0]!;
    let calls = 0;
    const handler = createWebhookHandler(handlerOptions(c, { seen: false, onEvent: () => void calls++ }));
    const body = payloadFor(c);
    const headers = await signedHeaders(c, body);
    await send(handler, mode, body, headers);
    await send(handler, mode, body, headers);
    expect(calls).toBe(2);
  });
});

describe('createMemorySeenStore', () => {
  it('claims once per TTL', async () => {
    let now = 0;
    const store = createMemorySeenStore({ now: () => now });
    expect(await store.claim('a', 100)).toBe(true);
    expect(await store.claim('a', 100)).toBe(false);
    now = 99;
    expect(await store.claim('a', 100)).toBe(false);
    now = 100;
    expect(await store.claim('a', 100)).toBe(true);
    await store.release('a');
    expect(await store.claim('a', 100)).toBe(true);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first', async () => {
    const store = createMemorySeenStore({ maxEntries: 3, now: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) expect(await store.claim(id, 1000)).toBe(true);
    expect(await store.claim('a', 1000)).toBe(true); // evicted by d
    expect(await store.claim('d', 1000)).toBe(false);
    expect(await store.claim('c', 1000)).toBe(false);
  });

  it('refuses a wrong bound, and the handler refuses a store without claim/release', () => {
    expect(() => createMemorySeenStore({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() =>
      createWebhookHandler({ vendor: 'zendesk', secret, seen: {} as unknown as WebhookSeenStore }),
    ).toThrow(/\bseen: /);
    expect(() => createWebhookHandler({ vendor: 'zendesk', secret, seenTtlMs: 0 })).toThrow(/seenTtlMs/);
  });
});

describe('signWebhook still round-trips with the replay store in place', () => {
  it('two different Zendesk events with different ids are both dispatched', async () => {
    const ids: string[] = [];
    const handler = createWebhookHandler({ vendor: 'zendesk', secret, onEvent: (e) => void ids.push(e.id!) });
    for (const n of [1, 2]) {
      const body = payloadFor(CASES[0]!, n);
      await handler.fetch(
        new Request('http://127.0.0.1/hook', {
          method: 'POST',
          headers: await signWebhook('zendesk', { body, secret }),
          body,
        }),
      );
    }
    expect(ids).toEqual(['zen-evt-1', 'zen-evt-2']);
  });
});

describe('a duplicate that arrives while the first is still dispatching', () => {
  it.each([true, false])(
    'shares the first’s answer (first succeeds: %s) and is not dispatched',
    async (succeeds) => {
      const c = CASES[0]!;
      let calls = 0;
      let finish: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        finish = resolve;
      });
      // Count claims rather than sleep: on a loaded machine a fixed delay does not order the two requests.
      const store = createMemorySeenStore();
      let claims = 0;
      const seen = {
        claim: (id: string, ttlMs: number) => {
          claims++;
          return store.claim(id, ttlMs);
        },
        release: (id: string) => store.release(id),
      };
      const until = async (done: () => boolean) => {
        while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
      };
      const handler = createWebhookHandler(
        handlerOptions(c, {
          seen,
          onEvent: async () => {
            calls++;
            await gate;
            if (!succeeds) throw new Error('database down');
          },
        }),
      );
      const body = payloadFor(c);
      const headers = await signedHeaders(c, body);
      const first = send(handler, 'fetch', body, headers);
      await until(() => calls === 1); // the first is now inside onEvent
      const duplicate = send(handler, 'fetch', body, headers);
      await until(() => claims === 2); // the duplicate was refused by the store and now waits on the first
      await new Promise((resolve) => setTimeout(resolve, 2));
      finish();
      const [a, b] = await Promise.all([first, duplicate]);
      expect(calls).toBe(1);
      expect(a.status).toBe(succeeds ? 200 : 500);
      expect(b).toMatchObject(succeeds ? { status: 200, json: { duplicate: true } } : { status: 500 });
      if (!succeeds) {
        // The id was released: the vendor's retry is dispatched.
        finish();
        await send(handler, 'fetch', body, headers);
        expect(calls).toBe(2);
      }
    },
  );
});
