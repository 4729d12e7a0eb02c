import { field, text } from './lenient.js';
import type { WebhookFailureReason } from './webhook.js';

/**
 * Every `code` a supportkit error can carry, one per error class (an ApiError's by HTTP status, a webhook
 * failure's by reason). A new code is a deliberate change to this union, and to the CHANGELOG.
 *
 * @example
 * ```ts
 * import type { SupportkitErrorCode } from 'supportkit-ts';
 * const retryLater: SupportkitErrorCode[] = ['rate_limited', 'server_error', 'timeout', 'network_error'];
 * ```
 */
export type SupportkitErrorCode =
  // the request and its answer
  | 'api_error'
  | 'bad_request'
  | 'authentication_failed'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'unprocessable_entity'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'cross_origin'
  | 'malformed_response'
  | 'pagination_loop'
  // what the caller passed, and what an adapter cannot do
  | 'validation_error'
  | 'unsupported'
  // a vendor's operations that did not complete
  | 'job_failed'
  | 'job_timeout'
  | 'export_stalled'
  | 'change_refused'
  | 'not_recorded'
  // SOP runs
  | 'sop_invalid_move'
  // sync
  | 'sync_stalled'
  | 'output_locked'
  // webhooks
  | `webhook_${WebhookFailureReason}`
  // a SupportkitError built by hand without a code
  | 'unknown_error';

/**
 * The root of every error supportkit throws. Catch this to catch them all.
 *
 * Messages carry paths, types, status codes and operation names, never secrets or customer text: errors end up
 * in logs and error trackers that many people read, so an error must be safe to log as it is.
 *
 * @example
 * ```ts
 * import { SupportkitError } from 'supportkit-ts';
 * try {
 *   await run();
 * } catch (error) {
 *   if (error instanceof SupportkitError) console.error(error.code, error.message);
 * }
 * ```
 */
export class SupportkitError extends Error {
  /** A stable, machine-readable code such as `validation_error` or `rate_limited`: switch on it safely. */
  readonly code: SupportkitErrorCode;

  /**
   * Lenient, like every supportkit error constructor: a message that is not a string becomes a generic one, and
   * options without a string `code` give `unknown_error`. Building an error never throws, so it never hides the
   * error it reports.
   */
  constructor(message: string, options: { code: SupportkitErrorCode; cause?: unknown }) {
    const cause = field(options, 'cause');
    super(text(message, 'supportkit error'), cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    const code = field(options, 'code');
    this.code = typeof code === 'string' ? (code as SupportkitErrorCode) : 'unknown_error';
  }

  /** A plain-object form for logs and structured output; it never includes `cause`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}
