import type { HelpdeskEvent } from '../events/index.js';
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
 * import { parseWebhookEvent, verifyWebhook } from 'supportkit/webhooks';
 * await verifyWebhook('zendesk', { rawBody, headers, secret });
 * const event = parseWebhookEvent('zendesk', JSON.parse(rawBody));
 * if (event.type === 'ticket.created') console.log(event.ticket?.subject);
 * ```
 */
export function parseWebhookEvent(
  vendor: WebhookVendor,
  payload: unknown,
  options: ParseWebhookOptions = {},
): HelpdeskEvent {
  schemeFor(vendor); // an unknown vendor is a TypeError
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
      const id = vendorTypeOf(payload, 'id');
      return {
        vendor,
        vendorType,
        id: id === 'unknown' ? null : id,
        occurredAt: null,
        raw: payload,
        type: 'unknown',
      };
    }
  }
}
