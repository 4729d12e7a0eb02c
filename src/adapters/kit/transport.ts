import type { HelpdeskEventBus } from '../../events/index.js';
import type { AuthOption } from '../../http/auth.js';
import { createHttpClient, type ExpectedBody, type HttpClient } from '../../http/client.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { RetryPolicy } from '../../http/retry-policy.js';
import { httpUrlProblem, isPlainObject, type OptionCheck, objectOption } from './options.js';

/**
 * The transport options every remote adapter's options extend: one spelling of each, documented once.
 *
 * @example
 * ```ts
 * createZendeskAdapter({ subdomain: 'acme', auth, timeoutMs: 10_000, retry: { maxRetries: 5 }, bus });
 * ```
 */
export interface AdapterTransportOptions {
  /** Another base URL (a proxy, a test server): an absolute http(s) URL without credentials. */
  baseUrl?: string;
  /** Whole-attempt deadline in ms (connect, headers and body); a call's own `timeoutMs` overrides it. @default 30000 */
  timeoutMs?: number;
  /** Overrides of the retry policy (attempts, backoff, the cap on Retry-After). */
  retry?: Partial<RetryPolicy>;
  /** Receives request, retry and rate-limit events. */
  bus?: HelpdeskEventBus;
  /**
   * Replaces the vendor's budgets (a test server, a proxy with limits of its own). To fail fast instead of
   * waiting, pass the vendor's limiter with `{ nonBlocking: true }`. @default the vendor's own limiter
   */
  rateLimiter?: RateLimiter;
}

/** What an adapter decides about its own transport, beyond what the caller passed. */
export interface TransportDefaults {
  /** The adapter's name, in errors and events. */
  adapter: string;
  /** Where the API lives, after the adapter applied the caller's `baseUrl`. */
  baseUrl: string;
  auth?: AuthOption;
  /** The scheme a plain `{ token }` is sent with. @default 'Bearer' */
  tokenScheme?: string;
  /** What every 2xx body must be, unless a request says otherwise. */
  expect?: ExpectedBody;
  /** The vendor's budgets, used when the caller passed no `rateLimiter`. */
  rateLimiter?: () => RateLimiter;
  /** The vendor's retry defaults; the caller's `retry` is laid over them. */
  retry?: Partial<RetryPolicy>;
}

/**
 * The http client of one adapter: the caller's transport options over the vendor's defaults, each passed on only
 * when set (the client's own defaults apply otherwise).
 *
 * @example
 * ```ts
 * const http = createAdapterTransport(options, { adapter: 'trello', baseUrl, auth, rateLimiter: trelloRateLimiter });
 * ```
 */
export function createAdapterTransport(
  options: AdapterTransportOptions,
  defaults: TransportDefaults,
): HttpClient {
  const retry = defaults.retry || options.retry ? { ...defaults.retry, ...options.retry } : undefined;
  const rateLimiter = options.rateLimiter ?? defaults.rateLimiter?.();
  return createHttpClient({
    adapter: defaults.adapter,
    baseUrl: defaults.baseUrl,
    ...(defaults.auth !== undefined ? { auth: defaults.auth } : {}),
    ...(defaults.tokenScheme !== undefined ? { tokenScheme: defaults.tokenScheme } : {}),
    ...(defaults.expect !== undefined ? { expect: defaults.expect } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(retry ? { retry } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
    ...(rateLimiter ? { rateLimiter } : {}),
  });
}

/**
 * The checks of {@link AdapterTransportOptions}, for a factory's `checkOptions` (spread them in, then the vendor's
 * own): a base URL must be an absolute http(s) URL, a deadline a positive number of ms, the rest objects.
 *
 * @example
 * ```ts
 * checkOptions('createTrelloAdapter', options, { ...transportOptionChecks, boardId: ... });
 * ```
 */
export const transportOptionChecks: Record<keyof AdapterTransportOptions, OptionCheck> = {
  baseUrl: (value) => (value === undefined ? undefined : httpUrlProblem(value)),
  timeoutMs: (value) =>
    value === undefined || (typeof value === 'number' && Number.isFinite(value) && value > 0)
      ? undefined
      : 'expected a positive number of milliseconds',
  retry: objectOption('expected a retry policy object'),
  bus: (value) =>
    value === undefined || (isPlainObject(value) && typeof (value as { emit?: unknown }).emit === 'function')
      ? undefined
      : 'expected an event bus (createEventBus())',
  rateLimiter: (value) =>
    value === undefined ||
    (isPlainObject(value) && typeof (value as { acquire?: unknown }).acquire === 'function')
      ? undefined
      : 'expected a rate limiter (createRateLimiter() or the vendor’s own)',
};
