import type { SignatureScheme } from '../scheme.js';

/** Help Scout: base64(HMAC-SHA1(secret, body)). */
export const helpscoutScheme: SignatureScheme = {
  vendor: 'helpscout',
  signatureHeader: 'x-helpscout-signature',
  algorithm: 'SHA-1',
  encoding: 'base64',
  message: (body) => body,
  reference: 'https://developer.helpscout.com/webhooks/',
};
