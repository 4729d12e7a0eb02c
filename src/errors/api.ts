import { SupportkitError, type SupportkitErrorCode } from './base.js';
import { field, optionalNumber, optionalText, text } from './lenient.js';
import { redactUrl } from './redact.js';

/** Where a failed request went, with secrets already removed. */
export interface RequestDescription {
  /** The adapter that made the call, e.g. `zendesk`. */
  readonly adapter?: string | undefined;
  /** HTTP method in upper case. */
  readonly method?: string | undefined;
  /** The URL with secret-looking query values replaced by `[redacted]`; see {@link redactUrl}. */
  readonly url?: string | undefined;
}

interface ApiErrorInit extends RequestDescription {
  readonly status: number;
  readonly requestId?: string | undefined;
  /** Seconds the server asked us to wait, from Retry-After. */
  readonly retryAfter?: number | undefined;
  readonly cause?: unknown;
}

/**
 * The request as it may be shown: its string fields only (lenient: anything else is left out, see
 * SupportkitError), the URL always through {@link redactUrl}, whoever built the error.
 * @example `redacted({ url: 'https://x.example/a?token=1' }) // { url: 'https://x.example/a?token=[redacted]' }`
 */
export function redacted(request: unknown): RequestDescription {
  const adapter = optionalText(field(request, 'adapter'));
  const method = optionalText(field(request, 'method'));
  const url = optionalText(field(request, 'url'));
  return {
    ...(adapter === undefined ? {} : { adapter }),
    ...(method === undefined ? {} : { method }),
    ...(url === undefined ? {} : { url: redactUrl(url) }),
  };
}

/** `adapter method url` of a request, the parts it has. @example `where({ adapter: 'rt', method: 'GET' }) // 'rt GET'` */
export const where = (request: RequestDescription) =>
  [request.adapter, request.method, request.url].filter(Boolean).join(' ');

function describe(
  init: RequestDescription & { status: number; requestId?: string | undefined },
  summary: string,
) {
  const at = where(init);
  const id = init.requestId ? ` (request id ${init.requestId})` : '';
  return `${summary}: ${init.status ? `HTTP ${init.status}` : 'no HTTP status'}${at ? ` from ${at}` : ''}${id}`;
}

/**
 * The helpdesk answered with an error status. Subclasses say which kind; `status`, `requestId` and
 * `retryAfter` (seconds) are always there to inspect.
 *
 * @example
 * ```ts
 * import { ApiError, NotFoundError } from 'supportkit-ts';
 * try {
 *   await adapter.tickets.get('42');
 * } catch (error) {
 *   if (error instanceof NotFoundError) console.log('no such ticket');
 *   else if (error instanceof ApiError) console.log(error.status, error.requestId);
 * }
 * ```
 */
export class ApiError extends SupportkitError {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;
  readonly adapter: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  /** Lenient (see SupportkitError): fields of the wrong type are left out, a status that is not a number is 0. */
  constructor(raw: ApiErrorInit, summary = 'Request failed', code: SupportkitErrorCode = 'api_error') {
    const init = {
      ...redacted(raw),
      status: optionalNumber(field(raw, 'status')) ?? 0,
      requestId: optionalText(field(raw, 'requestId')),
      retryAfter: optionalNumber(field(raw, 'retryAfter')),
    };
    super(describe(init, text(summary, 'Request failed')), {
      code: text(code, 'api_error') as SupportkitErrorCode,
      cause: field(raw, 'cause'),
    });
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.adapter = init.adapter;
    this.method = init.method;
    this.url = init.url;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      requestId: this.requestId,
      retryAfter: this.retryAfter,
      adapter: this.adapter,
      method: this.method,
      url: this.url,
    };
  }
}

/** HTTP 400: the request was malformed. @example `if (e instanceof BadRequestError) …` */
export class BadRequestError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Bad request', 'bad_request');
  }
}
/** HTTP 401: the credentials are missing, wrong or expired. @example `if (e instanceof AuthenticationError) …` */
export class AuthenticationError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Authentication failed', 'authentication_failed');
  }
}
/** HTTP 403: the credentials are fine but lack permission. @example `if (e instanceof PermissionDeniedError) …` */
export class PermissionDeniedError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Permission denied', 'permission_denied');
  }
}
/** HTTP 404: no such resource. @example `if (e instanceof NotFoundError) …` */
export class NotFoundError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Not found', 'not_found');
  }
}
/** HTTP 409: the write conflicts with the current state. @example `if (e instanceof ConflictError) …` */
export class ConflictError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Conflict', 'conflict');
  }
}
/** HTTP 422: the helpdesk refused the content of a write. @example `if (e instanceof UnprocessableEntityError) …` */
export class UnprocessableEntityError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Unprocessable entity', 'unprocessable_entity');
  }
}
/**
 * HTTP 429, or a local rate-limit budget exhausted in non-blocking mode. `retryAfter` says how many seconds to
 * wait. @example `if (e instanceof RateLimitError) await sleep(e.retryAfter * 1000)`
 */
export class RateLimitError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Rate limited', 'rate_limited');
  }
}
/** HTTP 5xx: the helpdesk failed. @example `if (e instanceof InternalServerError) …` */
export class InternalServerError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'Server error', 'server_error');
  }
}

/**
 * The request never got an HTTP answer (DNS, connection refused or reset, TLS).
 *
 * @example
 * ```ts
 * import { NetworkError } from 'supportkit-ts';
 * const error = new NetworkError({ adapter: 'zendesk', method: 'GET', url: 'https://x.zendesk.com/api/v2/tickets' }, 'ECONNRESET');
 * ```
 */
export class NetworkError extends SupportkitError {
  readonly request: RequestDescription;
  constructor(raw: RequestDescription, detail: string, cause?: unknown) {
    const request = redacted(raw);
    const at = where(request);
    super(`Network error${at ? ` calling ${at}` : ''}: ${text(detail, 'no answer')}`, {
      code: 'network_error',
      cause,
    });
    this.request = request;
  }
}

/**
 * The request took longer than its timeout.
 *
 * @example
 * ```ts
 * import { TimeoutError } from 'supportkit-ts';
 * const error = new TimeoutError({ method: 'GET', url: 'https://x.zendesk.com/api/v2/tickets' }, 30_000);
 * error.timeoutMs; // 30000
 * ```
 */
export class TimeoutError extends SupportkitError {
  readonly request: RequestDescription;
  readonly timeoutMs: number;
  constructor(raw: RequestDescription, timeoutMs: number, cause?: unknown) {
    const request = redacted(raw);
    const at = where(request);
    const ms = optionalNumber(timeoutMs);
    super(`Timed out${ms === undefined ? '' : ` after ${ms} ms`}${at ? ` calling ${at}` : ''}`, {
      code: 'timeout',
      cause,
    });
    this.request = request;
    this.timeoutMs = ms ?? Number.NaN;
  }
}
