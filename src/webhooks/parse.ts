import type { HelpdeskEvent } from '../events/index.js';
import { parseFrontEvent } from './front/parse.js';
import { parseHelpscoutEvent } from './helpscout/parse.js';
import { parseIntercomEvent } from './intercom/parse.js';
import { schemeFor } from './schemes.js';
import { parseTrelloEvent, type TrelloListMapping } from './trello/parse.js';
import type { WebhookVendor } from './types.js';
import { parseZendeskEvent } from './zendesk/parse.js';

/** Options of {@link parseWebhookEvent}. */
export interface ParseWebhookOptions {
  /** Trello: list name → status, checked before the default list names. */
  trelloLists?: TrelloListMapping;
  /** The request headers, for vendors that name the event there (Help Scout's X-HelpScout-Event). */
  headers?: Record<string, string | string[] | undefined> | Headers;
  /**
   * The delivery id to put on the event, e.g. from {@link webhookDeliveryId} (the handler always passes one).
   * @default the vendor's event id in the payload, or null (always null for Help Scout, which sends none)
   */
  deliveryId?: string;
}

/**
 * Turns a verified webhook payload (already JSON-parsed) into a typed {@link HelpdeskEvent} with canonical
 * models where the payload carries enough, and the raw payload always attached. Zendesk event-type webhooks and
 * Trello `{ action, model }` payloads are mapped; Help Scout, Intercom and Front events come through as
 * `unknown` with their vendor type, until their adapters land. Every vendor's event carries its time in
 * `occurredAt` when the payload has one (Zendesk `time`, Trello `action.date`, Intercom `created_at`, Front
 * `emitted_at`, Help Scout the resource's latest change).
 *
 * @example
 * ```ts
 * import { parseWebhookEvent, verifyWebhook, webhookDeliveryId } from 'supportkit-ts/webhooks';
 * await verifyWebhook('zendesk', { rawBody, headers, secret });
 * const deliveryId = await webhookDeliveryId('zendesk', { rawBody, headers });
 * const event = parseWebhookEvent('zendesk', JSON.parse(rawBody), { deliveryId });
 * if (event.type === 'ticket.created') console.log(event.ticket?.subject);
 * ```
 */
export function parseWebhookEvent(
  vendor: WebhookVendor,
  payload: unknown,
  options: ParseWebhookOptions = {},
): HelpdeskEvent {
  schemeFor(vendor); // an unknown vendor is a ValidationError naming `vendor`
  const event = parseByVendor(vendor, payload, options);
  if (typeof options.deliveryId === 'string' && options.deliveryId !== '') event.id = options.deliveryId;
  return event;
}

function parseByVendor(vendor: WebhookVendor, payload: unknown, options: ParseWebhookOptions): HelpdeskEvent {
  switch (vendor) {
    case 'zendesk':
      return parseZendeskEvent(payload);
    case 'trello':
      return parseTrelloEvent(payload, options.trelloLists);
    case 'intercom':
      return parseIntercomEvent(payload);
    case 'front':
      return parseFrontEvent(payload);
    default:
      return parseHelpscoutEvent(payload, options.headers);
  }
}
