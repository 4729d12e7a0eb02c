import type { SignatureScheme } from '../scheme.js';

/** Front: base64(HMAC-SHA1(API secret, body)) in X-Front-Signature. */
export const frontScheme: SignatureScheme = {
  vendor: 'front',
  signatureHeader: 'x-front-signature',
  algorithm: 'SHA-1',
  encoding: 'base64',
  message: (body) => body,
  reference: 'https://dev.frontapp.com/docs/webhooks-1#verifying-integrity',
};
