import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { NetworkError, TimeoutError } from '../errors/api.js';
import { SupportkitError } from '../errors/base.js';
import { errorFromResponse } from '../errors/from-response.js';
import { RequestAbortedError } from '../errors/operations.js';
import { redactUrl } from '../errors/redact.js';
import { CrossOriginError, MalformedResponseError } from '../errors/transport.js';
import { invalidOption } from '../errors/validation.js';
import type { HelpdeskEventBus, TransportEvent } from '../events/index.js';
import { type AuthOption, resolveAuth } from './auth.js';
import type { RateLimiter } from './rate-limit.js';
import { type RetryPolicy, resolveRetryPolicy, retryDelay } from './retry-policy.js';
import { urlOption } from './url-option.js';

/**
 * Per-call overrides, the last parameter of every adapter method and of the transport's `request`: one type for
 * reads and writes, so a caller learns one spelling (`timeoutMs`, as in every factory's options).
 *
 * @example
 * ```ts
 * await zendesk.tickets.get('35436', { timeoutMs: 5_000, maxRetries: 1, signal: AbortSignal.timeout(20_000) });
 * await zendesk.tickets.create(input, { idempotencyKey: 'order-1234-refund' });
 * ```
 */
export interface RequestOptions {
  /**
   * The deadline of one attempt in ms — connecting, the headers and the whole body — after which it is
   * abandoned with a TimeoutError (and retried when the method allows). @default the client's timeoutMs
   */
  timeoutMs?: number;
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
  /**
   * Whether sending the request twice has the effect of sending it once, so a lost answer may be retried.
   * An `idempotencyKey` makes any request repeatable. @default true for GET, HEAD, OPTIONS, PUT and DELETE;
   * false for POST and PATCH. Set false for a PUT that appends (Zendesk's comment on a ticket update).
   */
  idempotent?: boolean;
  /** What a 2xx body must be; otherwise a MalformedResponseError. @default the client's `expect` */
  expect?: ExpectedBody;
}

/**
 * What a successful body must be: a JSON `object`, an `array`, or any `json` value but null; `undefined` takes
 * any JSON and an empty body. A body that is not JSON at all (an HTML error page) is always refused.
 *
 * @example
 * ```ts
 * await http.request<unknown[]>({ method: 'GET', path: '/boards/b1/cards', expect: 'array' });
 * ```
 */
export type ExpectedBody = 'object' | 'array' | 'json' | undefined;

/** A parsed JSON response. */
export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

/** Options of {@link createHttpClient}, each checked here and nowhere else, so a wrong one is refused before any request. */
export interface HttpClientOptions {
  /** Names the adapter in errors and events. */
  adapter: string;
  /**
   * Where the API lives, an absolute http(s) URL without credentials. Its origin (scheme, host and port) is the
   * only one the client sends credentials to: an absolute URL from a response elsewhere is a CrossOriginError.
   */
  baseUrl: string;
  /** A provider, or plain credentials (see {@link resolveAuth}); a wrong one is a ValidationError. */
  auth?: AuthOption;
  /** The scheme a plain `{ token }` is sent with. @default 'Bearer' */
  tokenScheme?: string;
  /** Whole-attempt deadline in ms (connect, headers and body). @default 30000 */
  timeoutMs?: number;
  /** What every 2xx body must be, unless a request says otherwise. @default undefined (any JSON, or empty) */
  expect?: ExpectedBody;
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

/** Axios treats these as absolute (`//host/x` included), so they are resolved against the base and checked. */
const ABSOLUTE = /^([a-z][a-z\d+\-.]*:)?\/\//i;
const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function shapeOf(body: unknown): Exclude<ExpectedBody, undefined | 'json'> | 'other' {
  if (Array.isArray(body)) return 'array';
  return body !== null && typeof body === 'object' ? 'object' : 'other';
}

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
 * const http = createHttpClient({ adapter: 'zendesk', baseUrl: 'https://acme.zendesk.com', auth: apiTokenAuth({ email, token }) });
 * const { data } = await http.request<{ ticket: unknown }>({ method: 'GET', path: '/api/v2/tickets/1.json' });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  if (!options?.adapter) throw invalidOption('createHttpClient', 'adapter', 'is required');
  // 0.1.0 spelt it baseURL: say so, rather than "baseUrl is required" to someone who passed one.
  if ('baseURL' in options && !('baseUrl' in options))
    throw invalidOption('createHttpClient', 'baseURL', 'is spelt baseUrl');
  const base = urlOption(`${options.adapter} adapter`, 'baseUrl', options.baseUrl);
  const auth = options.auth === undefined ? undefined : resolveAuth(options.auth, options);
  const root = base.toString().replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) throw invalidOption('createHttpClient', 'timeoutMs', 'must be > 0');
  const policy = resolveRetryPolicy(options.retry);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const instance: AxiosInstance = axios.create({
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

  /**
   * The URL a request goes to. A relative path is appended to the base URL (as axios does); an absolute one — a
   * next-page link the server handed out — must have the base URL's origin, or it is refused before anything
   * is sent: the credentials were given for that origin only.
   */
  function target(path: string): string {
    const url = ABSOLUTE.test(path) ? new URL(path, base) : new URL(`${root}/${path.replace(/^\/+/, '')}`);
    const refused = foreign(url);
    if (refused) throw refused;
    return url.toString();
  }

  /** The CrossOriginError for a URL outside the base URL's origin, or undefined when it is inside. */
  function foreign(url: URL): CrossOriginError | undefined {
    if (url.origin === base.origin) return undefined;
    return new CrossOriginError({
      adapter: options.adapter,
      origin: url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol,
      expectedOrigin: base.origin,
    });
  }

  /** The body of a 2xx response, parsed and checked against what the request expects. */
  function body<T>(
    text: string | undefined,
    status: number,
    expect: ExpectedBody,
    describe: { adapter: string; method: string; url: string },
  ): T {
    const malformed = (reason: ConstructorParameters<typeof MalformedResponseError>[1]) =>
      new MalformedResponseError(describe, reason, status);
    const trimmed = (text ?? '').trim();
    if (trimmed === '') {
      if (expect) throw malformed('empty');
      return undefined as T;
    }
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      // JSON cut off mid-stream is treated like a dropped connection, which the policy may retry; anything else
      // (an HTML page from a proxy, a plain "OK") is not JSON at all, and asking again will not change it.
      throw malformed(/^[[{]/.test(trimmed) ? 'truncated' : 'not_json');
    }
    if (
      (expect === 'json' && data === null) ||
      ((expect === 'object' || expect === 'array') && shapeOf(data) !== expect)
    )
      throw malformed('unexpected_shape');
    return data as T;
  }

  async function attempt<T>(
    request: HttpRequest,
    href: string,
    url: string,
    number: number,
    signal: AbortSignal | undefined,
    sent: { auth?: Record<string, string> },
  ) {
    const describe = { adapter: options.adapter, method: request.method, url };
    if (options.rateLimiter) {
      let waited: number;
      try {
        waited = await options.rateLimiter.acquire(request.method, request.path);
      } catch (error) {
        // The limiter's own refusal (non-blocking mode) is final: retrying it would be the wait the caller
        // asked not to have.
        throw new AbortError(error as Error);
      }
      if (waited > 0) emit('http.rate_limited', { ...describe, attempt: number, delayMs: waited });
    }
    const credentials = await auth?.headers();
    sent.auth = credentials;
    const headers: Record<string, string> = { ...request.headers, ...credentials };
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    const bytes = request.body instanceof Uint8Array;
    if (request.body !== undefined)
      headers['content-type'] ??= bytes ? 'application/octet-stream' : 'application/json';
    emit('http.request', { ...describe, attempt: number });
    const started = performance.now();
    // One deadline for the whole attempt — connect, headers and every byte of the body. (axios's `timeout` is
    // reset by each chunk, so a server trickling a byte at a time never tripped it.)
    const limit = request.timeoutMs ?? timeoutMs;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limit);
    let response: AxiosResponse<string>;
    let redirectedAway: CrossOriginError | undefined;
    try {
      response = await instance.request<string>({
        // A redirect is held to the same rule as a next link: follow-redirects would keep the Authorization
        // header for a subdomain or an http→https hop, so anything off the origin stops here.
        beforeRedirect: (next: { href?: string }) => {
          redirectedAway = next.href ? foreign(new URL(next.href)) : undefined;
          if (redirectedAway) throw redirectedAway;
        },
        method: request.method,
        url: href,
        params: request.query,
        data: request.body === undefined || bytes ? request.body : JSON.stringify(request.body),
        headers,
        signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal,
      });
    } catch (error) {
      if (signal?.aborted)
        throw new AbortError(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      if (redirectedAway) throw new AbortError(redirectedAway);
      const code = (error as { code?: string }).code;
      if (deadline.signal.aborted || code === 'ECONNABORTED' || code === 'ETIMEDOUT')
        throw new TimeoutError(describe, limit);
      // Only the error code: axios errors carry the request config, headers included.
      throw new NetworkError(describe, code ?? 'request failed');
    } finally {
      clearTimeout(timer);
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
    const data = body<T>(response.data, response.status, request.expect ?? options.expect, describe);
    return { status: response.status, data, headers: responseHeaders };
  }

  return {
    adapter: options.adapter,
    async request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
      // A deadline under its 0.1.0 name would be silently no deadline.
      if (request && 'timeout' in request)
        throw invalidOption('request', 'timeout', 'is spelt timeoutMs (the deadline of one attempt in ms)');
      const href = target(request.path);
      const url = redactUrl(href);
      const repeatable =
        request.idempotencyKey !== undefined ||
        (request.idempotent ?? REPEATABLE_METHODS.has(request.method));
      const maxRetries = request.maxRetries ?? policy.maxRetries;
      const retryPolicy = { ...policy, maxRetries };
      let waited = 0;
      let refreshed = false;
      let number = 0;
      try {
        return await pRetry(
          async () => {
            number++;
            const sent: { auth?: Record<string, string> } = {};
            try {
              return await attempt<T>(request, href, url, number, request.signal, sent);
            } catch (error) {
              // One credential refresh per request on a 401, which does not count as a retry. The provider
              // is told which credentials were refused: if they were already replaced (a late 401 from before
              // another request's refresh), it hands out the current ones instead of rotating again.
              if (
                error instanceof SupportkitError &&
                (error as { status?: number }).status === 401 &&
                auth?.refresh &&
                !refreshed
              ) {
                refreshed = true;
                if (await auth.refresh(sent.auth))
                  return attempt<T>(request, href, url, ++number, request.signal, {});
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
                repeatable,
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
          throw new RequestAbortedError({
            adapter: options.adapter,
            method: request.method,
            reason: request.signal?.reason,
          });
        }
        throw error;
      }
    },
  };
}
