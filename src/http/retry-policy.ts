import { ApiError, NetworkError, RateLimitError, TimeoutError } from '../errors/api.js';
import { MalformedResponseError } from '../errors/transport.js';
import { invalidArgument, invalidOption } from '../errors/validation.js';

/** How requests are retried. Every field has a default; see {@link resolveRetryPolicy}. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 4 */
  maxRetries: number;
  /** First backoff for 5xx and network errors, in ms; doubles each retry. @default 500 */
  baseDelayMs: number;
  /** Longest single backoff, in ms. @default 30000 */
  maxDelayMs: number;
  /** Longest Retry-After honoured, in seconds; a longer one fails at once with the RateLimitError. @default 120 */
  maxRetryAfterSeconds: number;
  /** Cap on the total time spent waiting between attempts of one request, in ms. @default 300000 */
  maxTotalWaitMs: number;
  /**
   * How long a 429 without Retry-After waits: the vendor's rate-limit window (Trello: 10 s), plus up to 10%
   * jitter. 0 = back off exponentially like a 5xx. @default 0
   */
  rateLimitWindowMs: number;
}

/** The defaults, in one place. @example `DEFAULT_RETRY_POLICY.maxRetries // 4` */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterSeconds: 120,
  maxTotalWaitMs: 300_000,
  rateLimitWindowMs: 0,
};

/**
 * Merges caller options over the defaults; a wrong value is a ValidationError naming the option.
 *
 * @example
 * ```ts
 * resolveRetryPolicy({ maxRetries: 2 }).baseDelayMs; // 500
 * ```
 */
export function resolveRetryPolicy(options: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options };
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw invalidOption('retry policy', key, `must be a finite number ≥ 0`);
    }
  }
  if (!Number.isInteger(policy.maxRetries))
    throw invalidOption('retry policy', 'maxRetries', 'must be an integer');
  return policy;
}

/** What the policy needs to know about one failed attempt. */
export interface FailedAttempt {
  error: unknown;
  /** 1 for the first retry decision, 2 for the second, … */
  attempt: number;
  method: string;
  /** A POST (or PATCH) is retried only when it carries an idempotency key: otherwise a retry could write twice. */
  idempotent: boolean;
  /**
   * Whether sending the request again is harmless. @default by method — GET, HEAD, OPTIONS, PUT and DELETE
   * yes; POST and PATCH only with an idempotency key. The transport sets it false for a PUT that appends.
   */
  repeatable?: boolean;
  /** Time already spent waiting for this request, in ms. */
  waitedMs: number;
  /** 0..1, for jitter; injectable so tests are deterministic. */
  random: number;
}

/**
 * THE retry decision, kept in one function so every adapter retries alike and a reviewer reads one place: returns how many ms to wait before the next attempt, or null to give up.
 *
 * - 429 and 503 honour Retry-After (seconds or HTTP-date, already parsed into `error.retryAfter`), up to
 *   `maxRetryAfterSeconds`; past that we give up at once rather than sleep unboundedly (zenpy's mistake). A 429
 *   without Retry-After (Trello sends none) backs off like a 5xx.
 * - Other 5xx, network errors and timeouts back off exponentially with full jitter
 *   (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): random(0, base·2^(n−1)),
 *   capped at `maxDelayMs`.
 * - 4xx other than 429 are never retried: the request itself is wrong.
 * - A request that is not repeatable (a POST or PATCH without an idempotency key, a PUT that appends) is never
 *   retried, except after a 429: a lost response may hide a successful write.
 * - A body cut off mid-stream (MalformedResponseError `truncated`) is retried like a dropped connection.
 * - The total wait across retries never exceeds `maxTotalWaitMs`.
 *
 * @example
 * ```ts
 * retryDelay(policy, { error: rateLimitError, attempt: 1, method: 'GET', idempotent: true, waitedMs: 0, random: 0.5 });
 * // → rateLimitError.retryAfter * 1000
 * ```
 */
export function retryDelay(policy: RetryPolicy, failure: FailedAttempt): number | null {
  if (typeof policy !== 'object' || policy === null)
    throw invalidArgument('retryDelay()', 'policy', 'expected a retry policy (resolveRetryPolicy())');
  if (typeof failure !== 'object' || failure === null || !Number.isInteger(failure.attempt))
    throw invalidArgument('retryDelay()', 'failure', 'expected { attempt, error }');
  if (failure.attempt > policy.maxRetries) return null;
  const { error } = failure;
  const repeatable =
    failure.repeatable ??
    (failure.idempotent ||
      ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(failure.method.toUpperCase()));
  const refused = error instanceof ApiError && error.status === 429;
  // A 429 is a refusal before any work: even a write without an idempotency key is safe to send again.
  if (!repeatable && !refused) return null;
  let delay: number;
  if (refused && error.retryAfter === undefined && policy.rateLimitWindowMs > 0) {
    delay = Math.floor(policy.rateLimitWindowMs * (1 + failure.random / 10));
  } else if (
    error instanceof ApiError &&
    (error.status === 429 || error.status === 503) &&
    error.retryAfter !== undefined
  ) {
    if (error.retryAfter > policy.maxRetryAfterSeconds) return null;
    delay = error.retryAfter * 1000;
  } else if (
    (error instanceof ApiError && (error.status >= 500 || error instanceof RateLimitError)) ||
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    (error instanceof MalformedResponseError && error.reason === 'truncated')
  ) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failure.attempt - 1));
    delay = Math.floor(failure.random * ceiling);
  } else {
    return null;
  }
  if (failure.waitedMs + delay > policy.maxTotalWaitMs) return null;
  return delay;
}
