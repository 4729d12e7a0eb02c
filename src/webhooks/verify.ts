import { invalidOption } from '../errors/validation.js';
import { WebhookVerificationError } from '../errors/webhook.js';
import { parse } from '../models/parse.js';
import { Timestamp } from '../models/primitives.js';
import { constantTimeEqual, hmac, hmacSync, toBase64, toBytes, toHex } from './crypto.js';
import { frontApplicationScheme } from './front/signature.js';
import { getHeader } from './headers.js';
import type { SignatureScheme } from './scheme.js';
import { schemeFor } from './schemes.js';
import type {
  SignedHeaders,
  SignWebhookOptions,
  VerifiedWebhook,
  VerifyWebhookOptions,
  WebhookVendor,
} from './types.js';

const DEFAULT_TOLERANCE_SECONDS = 300;

interface Prepared {
  scheme: SignatureScheme;
  body: Uint8Array;
  key: Uint8Array;
  provided: string;
  timestampText?: string;
  timestamp?: Date;
  callbackURL?: string;
  /** Appended to a bad_signature message when the request looks signed by another scheme. */
  hint?: string;
}

/** Every check that needs no cryptography, in the order a caller would want to hear about them. */
function prepare(vendor: WebhookVendor, options: VerifyWebhookOptions): Prepared {
  if (!options || typeof options !== 'object') throw invalidOption('verifyWebhook', '', 'are required');
  const scheme = schemeFor(vendor, options, 'verifyWebhook');
  const { rawBody, headers, secret } = options;
  const isRaw =
    typeof rawBody === 'string' || rawBody instanceof Uint8Array || rawBody instanceof ArrayBuffer;
  if (!isRaw) {
    throw new WebhookVerificationError(
      'parsed_body',
      rawBody !== null && typeof rawBody === 'object'
        ? 'The body was parsed (JSON) before verification: pass the raw string or bytes exactly as received; re-serialised JSON does not match the signature'
        : 'The body is missing: pass the raw string or bytes exactly as received',
    );
  }
  if (typeof secret !== 'string' || secret === '') {
    throw new WebhookVerificationError('missing_secret', `No ${vendor} webhook secret was configured`);
  }
  if (!headers || typeof headers !== 'object') throw invalidOption('verifyWebhook', 'headers', 'is required');
  if (scheme.needsCallbackURL && (typeof options.callbackURL !== 'string' || options.callbackURL === '')) {
    throw invalidOption(
      'verifyWebhook',
      'callbackURL',
      `is required for ${vendor} (the URL exactly as registered)`,
    );
  }
  const provided = getHeader(headers, scheme.signatureHeader);
  if (!provided) {
    throw new WebhookVerificationError('missing_header', `The ${scheme.signatureHeader} header is missing`);
  }
  const prepared: Prepared = {
    scheme,
    body: toBytes(rawBody),
    key: toBytes(secret),
    provided: provided.trim(),
  };
  if (options.callbackURL !== undefined) prepared.callbackURL = options.callbackURL;
  if (
    vendor === 'front' &&
    !scheme.timestampHeader &&
    getHeader(headers, frontApplicationScheme.timestampHeader ?? '') !== undefined
  ) {
    prepared.hint =
      "; the request carries X-Front-Request-Timestamp, so it may be an application webhook: set frontScheme: 'application'";
  }
  if (scheme.timestampHeader) {
    const text = getHeader(headers, scheme.timestampHeader);
    if (!text)
      throw new WebhookVerificationError('missing_header', `The ${scheme.timestampHeader} header is missing`);
    const at = (scheme.parseTimestamp ?? Date.parse)(text);
    if (Number.isNaN(at)) {
      throw new WebhookVerificationError(
        'invalid_timestamp',
        `The ${scheme.timestampHeader} header is not a timestamp`,
      );
    }
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
    if (!(tolerance >= 0))
      throw invalidOption('verifyWebhook', 'tolerance', 'must be a number of seconds ≥ 0');
    const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    const skew = (now - at) / 1000;
    if (skew > tolerance) {
      throw new WebhookVerificationError(
        'stale_timestamp',
        `The signed timestamp is ${Math.round(skew)} s old (tolerance ${tolerance} s)`,
      );
    }
    if (-skew > tolerance) {
      throw new WebhookVerificationError(
        'future_timestamp',
        `The signed timestamp is ${Math.round(-skew)} s in the future (tolerance ${tolerance} s)`,
      );
    }
    prepared.timestampText = text;
    prepared.timestamp = new Date(at);
  }
  return prepared;
}

function encode(scheme: SignatureScheme, digest: Uint8Array): string {
  return (scheme.prefix ?? '') + (scheme.encoding === 'hex' ? toHex(digest) : toBase64(digest));
}

function message(p: Prepared): Uint8Array {
  const context: { timestamp?: string; callbackURL?: string } = {};
  if (p.timestampText !== undefined) context.timestamp = p.timestampText;
  if (p.callbackURL !== undefined) context.callbackURL = p.callbackURL;
  return p.scheme.message(p.body, context);
}

function finish(p: Prepared, digest: Uint8Array): VerifiedWebhook {
  const expected = encode(p.scheme, digest);
  // Hex is case-insensitive; base64 is not.
  const provided = p.scheme.encoding === 'hex' ? p.provided.toLowerCase() : p.provided;
  if (!constantTimeEqual(toBytes(expected), toBytes(provided))) {
    throw new WebhookVerificationError(
      'bad_signature',
      `The ${p.scheme.signatureHeader} signature does not match the body${p.scheme.needsCallbackURL ? ' and callback URL' : ''}: wrong secret, or a body changed in transit or re-serialised${p.hint ?? ''}`,
    );
  }
  const result: VerifiedWebhook = { vendor: p.scheme.vendor };
  if (p.timestamp) result.timestamp = p.timestamp;
  return result;
}

/**
 * Verifies a webhook request's signature against its raw body, with the vendor's scheme: Zendesk (HMAC-SHA256
 * of timestamp + body, with a replay window), Trello (HMAC-SHA1 of body + callback URL), Help Scout, Intercom and
 * Front rule webhooks (HMAC-SHA1 of the body), Front application webhooks (`frontScheme: 'application'`:
 * HMAC-SHA256 of `timestamp:body`, with a replay window). Headers are looked up case-insensitively and the comparison is constant-time.
 * Every failure is a `WebhookVerificationError` with a `reason`; no message contains the secret or the body.
 * Runs on Web Crypto, so it works on Node, Deno, Bun and edge workers.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from 'supportkit-ts/webhooks';
 * await verifyWebhook('zendesk', { rawBody, headers: request.headers, secret: process.env.ZENDESK_WEBHOOK_SECRET! });
 * ```
 */
export async function verifyWebhook(
  vendor: WebhookVendor,
  options: VerifyWebhookOptions,
): Promise<VerifiedWebhook> {
  const prepared = prepare(vendor, options);
  return finish(prepared, await hmac(prepared.scheme.algorithm, prepared.key, message(prepared)));
}

/**
 * {@link verifyWebhook} without a promise, through `node:crypto`: Node only, and faster for small bodies.
 *
 * @example
 * ```ts
 * import { verifyWebhookSync } from 'supportkit-ts/webhooks';
 * verifyWebhookSync('helpscout', { rawBody, headers: req.headers, secret });
 * ```
 */
export function verifyWebhookSync(vendor: WebhookVendor, options: VerifyWebhookOptions): VerifiedWebhook {
  const prepared = prepare(vendor, options);
  return finish(prepared, hmacSync(prepared.scheme.algorithm, prepared.key, message(prepared)));
}

/**
 * Produces the headers a vendor would send with `body`, so users can test their own webhook endpoints. Zendesk
 * and Front application webhooks get a signed timestamp (now unless given).
 *
 * @example
 * ```ts
 * import { signWebhook, verifyWebhook } from 'supportkit-ts/webhooks';
 * const body = JSON.stringify({ type: 'zen:event-type:ticket.created' });
 * const headers = await signWebhook('zendesk', { body, secret: 'test-secret' });
 * await verifyWebhook('zendesk', { rawBody: body, headers, secret: 'test-secret' }); // passes
 * ```
 */
export async function signWebhook(
  vendor: WebhookVendor,
  options: SignWebhookOptions,
): Promise<SignedHeaders> {
  const scheme = schemeFor(vendor, options, 'signWebhook');
  if (typeof options?.secret !== 'string' || options.secret === '') {
    throw invalidOption('signWebhook', 'secret', 'must be a non-empty string');
  }
  if (scheme.needsCallbackURL && !options.callbackURL) {
    throw invalidOption('signWebhook', 'callbackURL', `is required for ${vendor}`);
  }
  const headers: SignedHeaders = {};
  const context: { timestamp?: string; callbackURL?: string } = {};
  if (scheme.timestampHeader) {
    const at =
      options.timestamp === undefined
        ? new Date()
        : parse(Timestamp, options.timestamp, 'signWebhook() timestamp');
    // Zendesk sends whole seconds in ISO 8601 UTC; Front epoch milliseconds.
    const timestamp = scheme.formatTimestamp
      ? scheme.formatTimestamp(at)
      : `${at.toISOString().slice(0, 19)}Z`;
    headers[scheme.timestampHeader] = timestamp;
    context.timestamp = timestamp;
  }
  if (options.callbackURL !== undefined) context.callbackURL = options.callbackURL;
  const digest = await hmac(
    scheme.algorithm,
    toBytes(options.secret),
    scheme.message(toBytes(options.body), context),
  );
  headers[scheme.signatureHeader] = encode(scheme, digest);
  return headers;
}
