import { type RequestDescription, redacted, where } from './api.js';
import { SupportkitError } from './base.js';
import { field, optionalNumber, optionalText, text } from './lenient.js';

/**
 * A URL taken from a response (a next-page link, say) points to another origin than the adapter's base URL, so
 * it was refused before anything was sent: credentials never leave the origin they were given for. `origin` is
 * the offending scheme, host and port — never the path or query, which may hold a cursor or a token.
 *
 * @example
 * ```ts
 * import { CrossOriginError } from 'supportkit-ts';
 * try {
 *   for await (const ticket of zendesk.tickets.list()) console.log(ticket.id);
 * } catch (error) {
 *   if (error instanceof CrossOriginError) console.error(`the server sent us to ${error.origin}`);
 * }
 * ```
 */
export class CrossOriginError extends SupportkitError {
  /** The adapter that refused the URL. */
  readonly adapter: string | undefined;
  /** The origin the URL pointed to, e.g. `https://evil.example:8443`. */
  readonly origin: string;
  /** The only origin the adapter sends credentials to. */
  readonly expectedOrigin: string;

  constructor(init: { adapter?: string | undefined; origin: string; expectedOrigin: string }) {
    const adapter = optionalText(field(init, 'adapter'));
    const origin = text(field(init, 'origin'), 'another origin');
    const expectedOrigin = text(field(init, 'expectedOrigin'), "the adapter's own origin");
    super(
      `${adapter ? `The ${adapter} adapter` : 'supportkit'} refused to follow a URL to ${origin}: only ${expectedOrigin} is trusted with its credentials`,
      { code: 'cross_origin' },
    );
    this.adapter = adapter;
    this.origin = origin;
    this.expectedOrigin = expectedOrigin;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      adapter: this.adapter,
      origin: this.origin,
      expectedOrigin: this.expectedOrigin,
    };
  }
}

/**
 * Why a successful response could not be read.
 *
 * @example
 * ```ts
 * if (error instanceof MalformedResponseError && error.reason === 'truncated') retryLater();
 * ```
 */
export type MalformedResponseReason = 'empty' | 'not_json' | 'truncated' | 'unexpected_shape';

const REASONS: Record<MalformedResponseReason, string> = {
  empty: 'the body is empty',
  not_json: 'the body is not JSON',
  truncated: 'the body is not complete JSON (truncated?)',
  unexpected_shape: 'the body is not the JSON object or array the endpoint returns',
};

/**
 * The helpdesk answered 2xx with a body that cannot be what the endpoint returns: empty, HTML or other non-JSON,
 * cut off, `null`, or an array where an object belongs. The message names the endpoint (method and redacted
 * URL) and what was wrong — never the body, which may hold customer text.
 *
 * @example
 * ```ts
 * import { MalformedResponseError } from 'supportkit-ts';
 * const error = new MalformedResponseError({ adapter: 'zendesk', method: 'GET', url: '/api/v2/tickets/1.json' }, 'not_json', 200);
 * error.message; // 'Malformed response from zendesk GET /api/v2/tickets/1.json (HTTP 200): the body is not JSON'
 * ```
 */
export class MalformedResponseError extends SupportkitError {
  readonly request: RequestDescription;
  readonly reason: MalformedResponseReason;
  readonly status: number | undefined;

  constructor(raw: RequestDescription, reason: MalformedResponseReason, status?: number) {
    const request = redacted(raw);
    const at = where(request);
    // Own keys only: a reason such as `__proto__` must not read Object.prototype.
    const known: MalformedResponseReason =
      typeof reason === 'string' && Object.hasOwn(REASONS, reason) ? reason : 'unexpected_shape';
    const code = optionalNumber(status);
    super(`Malformed response${at ? ` from ${at}` : ''}${code ? ` (HTTP ${code})` : ''}: ${REASONS[known]}`, {
      code: 'malformed_response',
    });
    this.request = request;
    this.reason = known;
    this.status = code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), request: this.request, reason: this.reason, status: this.status };
  }
}
