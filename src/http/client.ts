import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { NetworkError, TimeoutError } from '../errors/api.js';
import { SupportkitError } from '../errors/base.js';
import { errorFromResponse, redactUrl } from '../errors/from-response.js';
import type { HelpdeskEventBus, TransportEvent } from '../events/index.js';
import type { AuthProvider } from './auth.js';
import type { RateLimiter } from './rate-limit.js';
import { type RetryPolicy, resolveRetryPolicy, retryDelay } from './retry-policy.js';

/** Per-call overrides: the last parameter of every adapter method (STYLE rule 7). */
export interface RequestOptions {
  /** ms before an attempt is abandoned. @default the client's timeoutMs */
  timeout?: number;
  /** Retries after the first attempt. @default the client's policy */
  maxRetries?: number;
  /** Cancels the request, including any wait between retries. */
  signal?: AbortSignal;
  /** Makes a write safe to retry; sent as Idempotency-Key. */
  idempotencyKey?: string;
}

/** One request. */
export interface HttpRequest extends RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path relative to the base URL, or an absolute URL the server handed out (a next-page link). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON-serialisable, or raw bytes (a Uint8Array or Buffer, sent as they are with the content-type header). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A parsed JSON response. */
export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

/** Options of {@link createHttpClient}, each handled here and nowhere else (STYLE rule 10). */
export interface HttpClientOptions {
  /** Names the adapter in errors and events. */
  adapter: string;
  baseURL: string;
  auth?: AuthProvider;
  /** @default 30000 */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  rateLimiter?: RateLimiter;
  bus?: HelpdeskEventBus;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** 0..1 jitter source, injectable for tests. @default Math.random */
  random?: () => number;
  /** @default setTimeout-based */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The transport adapters share. */
export interface HttpClient {
  request<T>(request: HttpRequest): Promise<HttpResponse<T>>;
  readonly adapter: string;
}

/** Waits ms, or rejects with the signal's reason when it is aborted first. */
export const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function flatHeaders(response: AxiosResponse): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    out[key.toLowerCase()] = Array.isArray(value)
      ? value.join(', ')
      : value === undefined || value === null
        ? undefined
        : String(value);
  }
  return out;
}

/**
 * The HTTP transport: one axios instance per adapter, auth headers (with one refresh on 401), proactive rate
 * limiting, the one retry policy ({@link retryDelay}) driven by p-retry, timeouts and AbortSignal, typed errors
 * from {@link errorFromResponse}, and request/response/retry events on the bus — with URLs redacted and never a
 * header, token or body in an error or event.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ adapter: 'zendesk', baseURL: 'https://acme.zendesk.com', auth: apiTokenAuth({ email, token }) });
 * const { data } = await http.request<{ ticket: unknown }>({ method: 'GET', path: '/api/v2/tickets/1.json' });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  if (!options?.adapter) throw new TypeError('createHttpClient: option "adapter" is required');
  let base: URL;
  try {
    base = new URL(options.baseURL);
  } catch {
    throw new TypeError('createHttpClient: option "baseURL" must be an absolute URL');
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) throw new TypeError('createHttpClient: option "timeoutMs" must be > 0');
  const policy = resolveRetryPolicy(options.retry);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const instance: AxiosInstance = axios.create({
    baseURL: base.toString(),
    // We decide what a status means, parse JSON ourselves (to tell truncated bodies apart) and retry ourselves.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data) => data],
    maxRedirects: 5,
    headers: { accept: 'application/json', ...options.headers },
  });
  const emit = (
    name: 'http.request' | 'http.response' | 'http.retry' | 'http.rate_limited',
    event: TransportEvent,
  ) => options.bus?.emit(name, event);

  async function attempt<T>(
    request: HttpRequest,
    url: string,
    number: number,
    signal: AbortSignal | undefined,
  ) {
    const describe = { adapter: options.adapter, method: request.method, url };
    if (options.rateLimiter) {
      const waited = await options.rateLimiter.acquire(request.method, request.path);
      if (waited > 0) emit('http.rate_limited', { ...describe, attempt: number, delayMs: waited });
    }
    const headers: Record<string, string> = { ...request.headers, ...(await options.auth?.headers()) };
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    const bytes = request.body instanceof Uint8Array;
    if (request.body !== undefined)
      headers['content-type'] ??= bytes ? 'application/octet-stream' : 'application/json';
    emit('http.request', { ...describe, attempt: number });
    const started = performance.now();
    let response: AxiosResponse<string>;
    try {
      response = await instance.request<string>({
        method: request.method,
        url: request.path,
        params: request.query,
        data: request.body === undefined || bytes ? request.body : JSON.stringify(request.body),
        headers,
        timeout: request.timeout ?? timeoutMs,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted)
        throw new AbortError(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      const code = (error as { code?: string }).code;
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
        throw new TimeoutError(describe, request.timeout ?? timeoutMs);
      // Only the error code: axios errors carry the request config, headers included.
      throw new NetworkError(describe, code ?? 'request failed');
    }
    const durationMs = performance.now() - started;
    const responseHeaders = flatHeaders(response);
    options.rateLimiter?.observe(responseHeaders);
    emit('http.response', { ...describe, attempt: number, status: response.status, durationMs });
    if (response.status >= 400) {
      throw errorFromResponse({
        status: response.status,
        headers: responseHeaders,
        adapter: options.adapter,
        method: request.method,
        url,
      });
    }
    let data: T;
    try {
      data = (
        response.data === '' || response.data === undefined ? undefined : JSON.parse(response.data)
      ) as T;
    } catch {
      // A body cut off mid-stream: treat like a dropped connection, which the policy may retry.
      throw new NetworkError(describe, 'response body is not complete JSON (truncated?)');
    }
    return { status: response.status, data, headers: responseHeaders };
  }

  return {
    adapter: options.adapter,
    async request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
      const url = redactUrl(new URL(request.path, base).toString());
      const maxRetries = request.maxRetries ?? policy.maxRetries;
      const retryPolicy = { ...policy, maxRetries };
      let waited = 0;
      let refreshed = false;
      let number = 0;
      try {
        return await pRetry(
          async () => {
            number++;
            try {
              return await attempt<T>(request, url, number, request.signal);
            } catch (error) {
              // One credential refresh per request on a 401, which does not count as a retry.
              if (
                error instanceof SupportkitError &&
                (error as { status?: number }).status === 401 &&
                options.auth?.refresh &&
                !refreshed
              ) {
                refreshed = true;
                if (await options.auth.refresh()) return attempt<T>(request, url, ++number, request.signal);
              }
              throw error;
            }
          },
          {
            retries: maxRetries,
            // p-retry is only the loop: the wait comes from retryDelay, so minTimeout/maxTimeout are zero.
            minTimeout: 0,
            maxTimeout: 0,
            randomize: false,
            ...(request.signal ? { signal: request.signal } : {}),
            shouldRetry: async ({ error, attemptNumber }) => {
              const delay = retryDelay(retryPolicy, {
                error,
                attempt: attemptNumber,
                method: request.method,
                idempotent: request.idempotencyKey !== undefined,
                waitedMs: waited,
                random: random(),
              });
              if (delay === null) return false;
              emit('http.retry', {
                adapter: options.adapter,
                method: request.method,
                url,
                attempt: attemptNumber,
                delayMs: delay,
                error: (error as Error).name,
              });
              await sleep(delay, request.signal);
              waited += delay;
              return true;
            },
          },
        );
      } catch (error) {
        if (error instanceof AbortError || request.signal?.aborted) {
          throw new NetworkError(
            { adapter: options.adapter, method: request.method, url },
            'aborted by the caller',
          );
        }
        throw error;
      }
    },
  };
}
