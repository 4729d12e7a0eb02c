import type { HmacAlgorithm } from './crypto.js';
import type { WebhookVendor } from './types.js';

/** How one vendor signs its webhooks. */
export interface SignatureScheme {
  vendor: WebhookVendor;
  /** The header carrying the signature. */
  signatureHeader: string;
  algorithm: HmacAlgorithm;
  encoding: 'base64' | 'hex';
  /** Text before the encoded digest in the header, e.g. `sha1=`. */
  prefix?: string;
  /** The header carrying a signed timestamp, for vendors that send one. */
  timestampHeader?: string;
  /** Reads the timestamp header into epoch ms (NaN when it is not one). @default Date.parse */
  parseTimestamp?: (text: string) => number;
  /** Writes a timestamp the way the vendor sends it, for {@link signWebhook}. */
  formatTimestamp?: (at: Date) => string;
  /** Whether the callback URL is part of the signed message. */
  needsCallbackURL?: boolean;
  /** The exact bytes the vendor signs. */
  message(body: Uint8Array, context: { timestamp?: string; callbackURL?: string }): Uint8Array;
  /** Where the vendor documents it. */
  reference: string;
}
