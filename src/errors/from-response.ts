import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RequestDescription,
  UnprocessableEntityError,
} from './api.js';
import { redactUrl } from './redact.js';
import { invalidArgument } from './validation.js';

export { redactUrl };

/** Header names whose values identify a request in vendors' logs, most specific first. */
const REQUEST_ID_HEADERS = ['x-request-id', 'x-zendesk-request-id', 'x-trello-request-id', 'request-id'];

/**
 * Parses a Retry-After value, which RFC 9110 allows as delay-seconds or an HTTP-date, into seconds from `now`
 * (never negative). Returns `undefined` when the value is absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('120'); // 120
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:30 GMT')); // 30
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== 'string') return undefined; // absent, or not a header value: no advice
  if (typeof now !== 'number' || !Number.isFinite(now)) now = Date.now();
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

type HeaderBag = Record<string, string | string[] | number | undefined | null> | Headers;

function header(headers: HeaderBag | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (Array.isArray(value)) return value[0];
    return value === null || value === undefined ? undefined : String(value);
  }
  return undefined;
}

/** What {@link errorFromResponse} needs to know about a failed response. */
export interface FailedResponse extends RequestDescription {
  readonly status: number;
  readonly headers?: HeaderBag;
  readonly cause?: unknown;
  /** The clock used to turn an HTTP-date Retry-After into seconds. @default Date.now() */
  readonly now?: number;
}

/**
 * The one place that picks the error class for an HTTP status so every adapter maps a status the same way. The URL is redacted here, so
 * callers may pass the raw one.
 *
 * @example
 * ```ts
 * const error = errorFromResponse({ status: 429, headers: { 'Retry-After': '30' }, adapter: 'zendesk' });
 * error instanceof RateLimitError; // true
 * error.retryAfter; // 30
 * ```
 */
export function errorFromResponse(response: FailedResponse): ApiError {
  if (typeof response !== 'object' || response === null || !Number.isInteger(response.status)) {
    throw invalidArgument(
      'errorFromResponse()',
      'response',
      'expected { status, headers?, adapter?, method?, url? }',
    );
  }
  let requestId: string | undefined;
  for (const name of REQUEST_ID_HEADERS) {
    requestId = header(response.headers, name);
    if (requestId) break;
  }
  const init = {
    status: response.status,
    requestId,
    retryAfter: parseRetryAfter(header(response.headers, 'retry-after'), response.now),
    adapter: response.adapter,
    method: response.method?.toUpperCase(),
    url: response.url === undefined ? undefined : redactUrl(response.url),
    cause: response.cause,
  };
  switch (response.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 422:
      return new UnprocessableEntityError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return response.status >= 500 ? new InternalServerError(init) : new ApiError(init);
  }
}
