import type { HelpdeskEvent } from '../events/index.js';
import { vendorEventId } from './delivery-id.js';
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

function vendorTypeOf(payload: unknown, key: string): string {
  const value =
    payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : 'unknown';
}

/**
 * Turns a verified webhook payload (already JSON-parsed) into a typed {@link HelpdeskEvent} with canonical
 * models where the payload carries enough, and the raw payload always attached. Zendesk event-type webhooks and
 * Trello `{ action, model }` payloads are mapped; Help Scout, Intercom and Front events come through as
 * `unknown` with their vendor type, until their adapters land.
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
    default: {
      let vendorType = vendor === 'intercom' ? vendorTypeOf(payload, 'topic') : vendorTypeOf(payload, 'type');
      if (vendor === 'helpscout' && options.headers) {
        const headers = options.headers;
        const value =
          typeof (headers as Headers).get === 'function'
            ? (headers as Headers).get('x-helpscout-event')
            : Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-helpscout-event')?.[1];
        vendorType = (Array.isArray(value) ? value[0] : value) ?? vendorType;
      }
      return {
        vendor,
        vendorType,
        id: vendorEventId(vendor, payload),
        occurredAt: null,
        raw: payload,
        type: 'unknown',
      };
    }
  }
}
