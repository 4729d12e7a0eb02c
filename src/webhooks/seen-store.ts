import { invalidOption } from '../errors/validation.js';
/**
 * Where a webhook handler remembers the deliveries it has dispatched, so a replayed or redelivered one is
 * answered 200 again without reaching `onEvent` twice.
 *
 * The interface is two calls so that a shared store can do each atomically: `claim` is Redis
 * `SET key 1 NX PX ttl` (true when the key was set), `release` is `DEL key`. docs/webhooks.md shows the
 * node-redis version.
 *
 * @example
 * ```ts
 * import type { WebhookSeenStore } from 'supportkit/webhooks';
 * const seen: WebhookSeenStore = {
 *   claim: async (id, ttlMs) => (await redis.set(`webhook:${id}`, '1', { NX: true, PX: ttlMs })) === 'OK',
 *   release: async (id) => void (await redis.del(`webhook:${id}`)),
 * };
 * ```
 */
export interface WebhookSeenStore {
  /**
   * Records `id` for `ttlMs` milliseconds unless it is already recorded, in one atomic step. Resolves true when
   * this call recorded it (dispatch the event), false when it was already there (a replay: do not).
   */
  claim(id: string, ttlMs: number): Promise<boolean>;
  /** Forgets `id`, so a redelivery is dispatched: called when dispatching the claimed event failed. */
  release(id: string): Promise<void>;
}

/**
 * Options of {@link createMemorySeenStore}.
 *
 * @example
 * ```ts
 * const options: MemorySeenStoreOptions = { maxEntries: 50_000 };
 * ```
 */
export interface MemorySeenStoreOptions {
  /** Most ids kept; past it the oldest claim is forgotten first. @default 10000 */
  maxEntries?: number;
  /** The clock, in epoch ms (for tests). @default Date.now */
  now?: () => number;
}

/**
 * A {@link WebhookSeenStore} in this process's memory: claims expire after their TTL, and at most `maxEntries`
 * are kept (the oldest goes first), so memory stays bounded under any load. It protects one process only; run
 * several and use a shared store (Redis) instead.
 *
 * @example
 * ```ts
 * import { createMemorySeenStore, createWebhookHandler } from 'supportkit/webhooks';
 * const handler = createWebhookHandler({ vendor: 'intercom', secret, seen: createMemorySeenStore({ maxEntries: 50_000 }) });
 * ```
 */
export function createMemorySeenStore(options: MemorySeenStoreOptions = {}): WebhookSeenStore {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('createMemorySeenStore', '', 'must be an object');
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw invalidOption('createMemorySeenStore', 'maxEntries', 'must be an integer ≥ 1');
  }
  const now = options.now ?? Date.now;
  // id → expiry (epoch ms). A Map iterates in insertion order, so the first key is the oldest claim.
  const expiries = new Map<string, number>();

  const sweep = (at: number) => {
    for (const [id, expiry] of expiries) {
      if (expiry > at) break; // claims are (nearly) in expiry order; stop at the first live one
      expiries.delete(id);
    }
  };

  return {
    async claim(id, ttlMs) {
      const at = now();
      sweep(at);
      const expiry = expiries.get(id);
      if (expiry !== undefined && expiry > at) return false;
      expiries.delete(id);
      expiries.set(id, at + ttlMs);
      while (expiries.size > maxEntries) {
        const oldest = expiries.keys().next().value as string;
        expiries.delete(oldest);
      }
      return true;
    },
    async release(id) {
      expiries.delete(id);
    },
  };
}
