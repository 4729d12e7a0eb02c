import { concatBytes, toBytes } from '../crypto.js';
import type { SignatureScheme } from '../scheme.js';

// The type lives with the other webhook types (types.ts), so that file needs nothing from here.
export type { FrontWebhookScheme } from '../types.js';

/** Front rule webhooks: base64(HMAC-SHA1(API secret, body)) in X-Front-Signature, no timestamp. */
export const frontScheme: SignatureScheme = {
  vendor: 'front',
  signatureHeader: 'x-front-signature',
  algorithm: 'SHA-1',
  encoding: 'base64',
  message: (body) => body,
  reference: 'https://dev.frontapp.com/docs/rule-webhooks',
};

/**
 * Front application webhooks: base64(HMAC-SHA256(app signing secret, timestamp + ":" + body)) in
 * X-Front-Signature, the timestamp in epoch milliseconds in X-Front-Request-Timestamp. Front also signs the
 * X-Front-Challenge handshake it sends when the webhook is saved.
 */
export const frontApplicationScheme: SignatureScheme = {
  vendor: 'front',
  signatureHeader: 'x-front-signature',
  timestampHeader: 'x-front-request-timestamp',
  // Milliseconds since the epoch, as digits; anything else is not a timestamp.
  parseTimestamp: (text) => (/^\d{1,16}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN),
  formatTimestamp: (at) => String(at.getTime()),
  algorithm: 'SHA-256',
  encoding: 'base64',
  message: (body, { timestamp }) => concatBytes(toBytes(`${timestamp ?? ''}:`), body),
  reference: 'https://dev.frontapp.com/docs/application-webhooks',
};

/**
 * The header of Front's handshake when an application webhook is saved; `createWebhookHandler` answers it, this
 * is for routes that verify by hand.
 *
 * @example
 * ```ts
 * const challenge = request.headers.get(FRONT_CHALLENGE_HEADER);
 * if (challenge) return Response.json({ challenge }); // after verifyWebhook succeeded
 * ```
 */
export const FRONT_CHALLENGE_HEADER = 'x-front-challenge';
