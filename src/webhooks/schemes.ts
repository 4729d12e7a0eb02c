import { frontScheme } from './front/signature.js';
import { helpscoutScheme } from './helpscout/signature.js';
import { intercomScheme } from './intercom/signature.js';
import type { SignatureScheme } from './scheme.js';
import { trelloScheme } from './trello/signature.js';
import { WEBHOOK_VENDORS, type WebhookVendor } from './types.js';
import { zendeskScheme } from './zendesk/signature.js';

const SCHEMES: Record<WebhookVendor, SignatureScheme> = {
  zendesk: zendeskScheme,
  trello: trelloScheme,
  helpscout: helpscoutScheme,
  intercom: intercomScheme,
  front: frontScheme,
};

/** The scheme of a vendor; an unknown vendor is a TypeError naming the choices. */
export function schemeFor(vendor: unknown): SignatureScheme {
  const scheme = typeof vendor === 'string' ? SCHEMES[vendor as WebhookVendor] : undefined;
  if (!scheme) throw new TypeError(`webhooks: vendor must be one of ${WEBHOOK_VENDORS.join(', ')}`);
  return scheme;
}
