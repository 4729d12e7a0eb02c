import { concatBytes, toBytes } from '../crypto.js';
import type { SignatureScheme } from '../scheme.js';

/**
 * Trello: base64(HMAC-SHA1(app secret, body + callbackURL)), the callback URL exactly as registered — a
 * trailing slash or a different host breaks it.
 */
export const trelloScheme: SignatureScheme = {
  vendor: 'trello',
  signatureHeader: 'x-trello-webhook',
  algorithm: 'SHA-1',
  encoding: 'base64',
  needsCallbackURL: true,
  message: (body, { callbackURL }) => concatBytes(body, toBytes(callbackURL ?? '')),
  reference: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#webhook-signatures',
};
