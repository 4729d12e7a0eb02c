import type { HelpdeskEvent } from '../../events/index.js';
import { vendorEventId } from '../delivery-id.js';
import { epochSecondsTime } from '../event-time.js';
import { isObject } from '../json.js';

/**
 * Reads an Intercom webhook notification (`{ type: 'notification_event', topic, id, created_at, data: { item } }`)
 * as an event of type `unknown` with its topic as `vendorType` and its time: the notification's `created_at`, in
 * epoch seconds. Canonical models wait for the Intercom adapter.
 * See https://developers.intercom.com/docs/references/webhooks/webhook-models
 *
 * @example
 * ```ts
 * parseIntercomEvent({ topic: 'conversation.user.created', id: 'notif_1', created_at: 1553290198 }).occurredAt;
 * // 2019-03-22T21:29:58.000Z
 * ```
 */
export function parseIntercomEvent(payload: unknown): HelpdeskEvent {
  const body = isObject(payload) ? payload : {};
  return {
    vendor: 'intercom',
    vendorType: typeof body.topic === 'string' ? body.topic : 'unknown',
    id: vendorEventId('intercom', payload),
    occurredAt: epochSecondsTime(body.created_at),
    raw: payload,
    type: 'unknown',
  };
}
