import { invalidOption } from '../errors/validation.js';
import { sha256, toBytes, toHex } from './crypto.js';
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
 * import type { WebhookSeenStore } from 'supportkit-ts/webhooks';
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
 * are kept (the oldest goes first), and an id over 256 characters is kept as its SHA-256 (a replay of it is
 * still recognised), so memory stays bounded under any load. It protects one process only; run
 * several and use a shared store (Redis) instead.
 *
 * @example
 * ```ts
 * import { createMemorySeenStore, createWebhookHandler } from 'supportkit-ts/webhooks';
 * const handler = createWebhookHandler({ vendor: 'intercom', secret, seen: createMemorySeenStore({ maxEntries: 50_000 }) });
 * ```
 */
/** The longest delivery id the memory store keeps as it is; a longer one is kept as its SHA-256. */
const MAX_KEPT_ID_LENGTH = 256;

/**
 * The key a claim is kept under: the id itself (`=` + id) up to {@link MAX_KEPT_ID_LENGTH} characters, else
 * `#` + the hex SHA-256 of its UTF-8 bytes — 65 characters however long the id, so `maxEntries` bounds the
 * memory too. The two prefixes keep a short id from ever equalling a long one's hash.
 */
async function keptId(id: string): Promise<string> {
  return id.length <= MAX_KEPT_ID_LENGTH ? `=${id}` : `#${toHex(await sha256(toBytes(id)))}`;
}

export function createMemorySeenStore(options: MemorySeenStoreOptions = {}): WebhookSeenStore {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('createMemorySeenStore', '', 'must be an object');
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw invalidOption('createMemorySeenStore', 'maxEntries', 'must be an integer ≥ 1');
  }
  const now = options.now ?? Date.now;
  const claims = claimQueue();

  return {
    async claim(delivery, ttlMs) {
      const id = await keptId(delivery);
      const at = now();
      claims.sweep(at);
      const expiry = claims.expiryOf(id);
      if (expiry !== undefined && expiry > at) return false;
      claims.add(id, at + ttlMs);
      claims.trim(maxEntries);
      return true;
    },
    async release(delivery) {
      claims.forget(await keptId(delivery));
    },
  };
}

/** One claim: an id and when it expires (epoch ms). */
interface Claim {
  id: string;
  expiry: number;
}

/**
 * The memory store's claims, oldest first. A Map trimmed from its front (`map.keys().next()`) would walk every
 * entry deleted before — V8 leaves them as holes until the table is rebuilt — so each claim would cost time in
 * proportion to `maxEntries`. Instead a queue keeps the claims in order, and the Map names each id's current
 * claim: a claim replaced or released stays in the queue, skipped when reached, until the queue is rebuilt.
 */
function claimQueue() {
  const current = new Map<string, Claim>();
  let queue: Claim[] = [];
  let head = 0;
  /** The oldest current claim, dropping the stale ones in front of it. */
  const oldest = (): Claim | undefined => {
    while (head < queue.length && current.get(queue[head]!.id) !== queue[head]) head++;
    return queue[head];
  };
  return {
    expiryOf: (id: string): number | undefined => current.get(id)?.expiry,
    /** Records a claim as the newest, replacing any earlier claim of the id. */
    add(id: string, expiry: number): void {
      const claim = { id, expiry };
      current.set(id, claim);
      queue.push(claim);
      // Rebuild once most of the queue is spent or stale: memory stays proportional to the claims kept.
      if (queue.length > 2 * current.size + 1024) {
        queue = queue.slice(head).filter((c) => current.get(c.id) === c);
        head = 0;
      }
    },
    forget(id: string): void {
      current.delete(id);
    },
    /** Forgets expired claims from the oldest on, up to the first live one (claims are nearly in expiry order). */
    sweep(at: number): void {
      for (let claim = oldest(); claim && !(claim.expiry > at); claim = oldest()) {
        current.delete(claim.id);
        head++;
      }
    },
    /** Forgets the oldest claims until at most `max` remain. */
    trim(max: number): void {
      while (current.size > max) {
        current.delete(oldest()!.id);
        head++;
      }
    },
  };
}
