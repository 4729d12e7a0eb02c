import { invalidOption } from '../errors/validation.js';
import { type FrontWebhookScheme, frontApplicationScheme, frontScheme } from './front/signature.js';
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

/** Options that pick between a vendor's schemes (today only Front has two). */
export interface SchemeChoice {
  frontScheme?: FrontWebhookScheme | undefined;
}

/**
 * The scheme of a vendor; an unknown vendor, or an unknown `frontScheme`, is a ValidationError naming the choices.
 */
export function schemeFor(vendor: unknown, choice: SchemeChoice = {}, caller = 'webhooks'): SignatureScheme {
  // Own keys only: a vendor named `constructor` or `__proto__` is not a vendor.
  const scheme =
    typeof vendor === 'string' && Object.hasOwn(SCHEMES, vendor)
      ? SCHEMES[vendor as WebhookVendor]
      : undefined;
  if (!scheme) throw invalidOption(caller, 'vendor', `must be one of ${WEBHOOK_VENDORS.join(', ')}`);
  const front = choice?.frontScheme;
  if (front !== undefined && front !== 'rule' && front !== 'application') {
    throw invalidOption(caller, 'frontScheme', `must be 'rule' or 'application'`);
  }
  if (vendor === 'front' && front === 'application') return frontApplicationScheme;
  return scheme;
}
