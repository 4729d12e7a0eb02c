import { SupportkitError } from './base.js';
import { text } from './lenient.js';

/** Why a webhook was refused. */
export type WebhookFailureReason =
  | 'missing_header'
  | 'missing_secret'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'invalid_timestamp'
  | 'parsed_body'
  | 'invalid_payload';

/**
 * A webhook request failed verification. `reason` says why; the message never contains the secret or the body.
 *
 * @example
 * ```ts
 * import { WebhookVerificationError } from 'supportkit-ts';
 * const error = new WebhookVerificationError('bad_signature', 'The signature does not match the body');
 * error.reason; // 'bad_signature'
 * ```
 */
export class WebhookVerificationError extends SupportkitError {
  readonly reason: WebhookFailureReason;

  constructor(reason: WebhookFailureReason, message: string) {
    reason = text(reason, 'invalid_payload') as WebhookFailureReason;
    super(text(message, 'The webhook request failed verification'), { code: `webhook_${reason}` });
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}
