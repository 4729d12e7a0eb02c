import type { SignatureScheme } from '../scheme.js';

/** Intercom: "sha1=" + hex(HMAC-SHA1(client secret, body)) in X-Hub-Signature. */
export const intercomScheme: SignatureScheme = {
  vendor: 'intercom',
  signatureHeader: 'x-hub-signature',
  algorithm: 'SHA-1',
  encoding: 'hex',
  prefix: 'sha1=',
  message: (body) => body,
  reference: 'https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications',
};
