import { RateLimitError } from '../errors/api.js';
import { invalidOption } from '../errors/validation.js';

/** A fixed budget: at most `limit` requests per `windowMs`. */
export interface Budget {
  limit: number;
  windowMs: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Named fixed budgets (e.g. Zendesk's incremental exports: 10 per minute). */
  budgets?: Record<string, Budget>;
  /** Which budgets a request spends, by path. @default every request spends only the server-reported budget */
  budgetsFor?: (method: string, path: string) => string[];
  /** Throw a RateLimitError with `retryAfter` instead of waiting. @default false */
  nonBlocking?: boolean;
  /** Injectable clock and sleep, for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Proactive rate limiting: waits (or, in non-blocking mode, throws `RateLimitError` with `retryAfter`) before a
 * request would exceed a budget — fixed budgets counted locally in a sliding window, and the account budget the
 * server reports in its rate-limit headers (when it says 0 remain, nothing is sent until the reset). Never drops
 * a call (node-zendesk's throttle does).
 */
export interface RateLimiter {
  /** Resolves when the request may go; returns the ms waited. */
  acquire(method: string, path: string): Promise<number>;
  /** Reads the server's rate-limit headers from a response. */
  observe(headers: Record<string, string | undefined>): void;
}

const headerNumber = (headers: Record<string, string | undefined>, ...names: string[]) => {
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined && value !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
};

/**
 * Creates a rate limiter.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({
 *   budgets: { incremental: { limit: 10, windowMs: 60_000 } },
 *   budgetsFor: (_method, path) => (path.includes('/incremental/') ? ['incremental'] : []),
 * });
 * ```
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('createRateLimiter', '', 'must be an object');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const budgets = options.budgets ?? {};
  for (const b of Object.values(budgets)) {
    if (!(b.limit >= 1) || !(b.windowMs > 0))
      throw invalidOption('createRateLimiter', 'budgets', 'each needs limit ≥ 1 and windowMs > 0');
  }
  const sent = new Map<string, number[]>(Object.keys(budgets).map((name) => [name, []]));
  let serverBlockedUntil = 0;

  /** How long until every budget this request spends has room; 0 if it may go now. */
  const waitFor = (names: string[]): number => {
    const t = now();
    let wait = Math.max(0, serverBlockedUntil - t);
    for (const name of names) {
      const budget = budgets[name];
      const times = sent.get(name);
      if (!budget || !times) continue;
      while (times.length > 0 && times[0]! <= t - budget.windowMs) times.shift();
      if (times.length >= budget.limit) wait = Math.max(wait, times[0]! + budget.windowMs - t);
    }
    return wait;
  };

  return {
    async acquire(method, path) {
      const names = options.budgetsFor?.(method, path) ?? [];
      let waited = 0;
      for (let wait = waitFor(names); wait > 0; wait = waitFor(names)) {
        if (options.nonBlocking) {
          throw new RateLimitError({ status: 429, method, url: path, retryAfter: Math.ceil(wait / 1000) });
        }
        await sleep(wait);
        waited += wait;
      }
      const t = now();
      for (const name of names) sent.get(name)?.push(t);
      return waited;
    },
    observe(headers) {
      const remaining = headerNumber(
        headers,
        'x-rate-limit-remaining',
        'ratelimit-remaining',
        'x-ratelimit-remaining',
      );
      if (remaining === undefined || remaining > 0) return;
      const reset = headerNumber(headers, 'ratelimit-reset', 'x-ratelimit-reset', 'retry-after');
      // RFC draft RateLimit-Reset is seconds from now; some vendors send an epoch — treat large values as epoch s.
      const resetMs = reset === undefined ? 60_000 : reset > 1e9 ? reset * 1000 - now() : reset * 1000;
      serverBlockedUntil = Math.max(serverBlockedUntil, now() + Math.max(0, resetMs));
    },
  };
}
