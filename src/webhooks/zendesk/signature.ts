import { concatBytes, toBytes } from '../crypto.js';
import type { SignatureScheme } from '../scheme.js';

/** Zendesk: base64(HMAC-SHA256(secret, timestamp + body)), with the timestamp in its own header. */
export const zendeskScheme: SignatureScheme = {
  vendor: 'zendesk',
  signatureHeader: 'x-zendesk-webhook-signature',
  timestampHeader: 'x-zendesk-webhook-signature-timestamp',
  algorithm: 'SHA-256',
  encoding: 'base64',
  message: (body, { timestamp }) => concatBytes(toBytes(timestamp ?? ''), body),
  reference: 'https://developer.zendesk.com/documentation/webhooks/verifying/',
};
