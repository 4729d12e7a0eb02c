import type { HelpdeskEvent } from '../../events/index.js';
import { vendorEventId } from '../delivery-id.js';
import { epochSecondsTime } from '../event-time.js';
import { isObject } from '../json.js';

/**
 * Reads a Front webhook as an event of type `unknown` with Front's event type and time. Rule webhooks send the
 * event itself (`{ id, type, emitted_at, conversation, source, target }`); application webhooks wrap it
 * (`{ type, authorization, payload: { id, type, emitted_at, … } }`). `emitted_at` is in epoch seconds with a
 * millisecond fraction. Canonical models wait for the Front adapter.
 * See https://dev.frontapp.com/reference/events
 *
 * @example
 * ```ts
 * parseFrontEvent({ id: 'evt_1', type: 'archive', emitted_at: 1509001146.525 }).occurredAt;
 * // 2017-10-26T06:59:06.525Z
 * ```
 */
export function parseFrontEvent(payload: unknown): HelpdeskEvent {
  const body = isObject(payload) ? payload : {};
  const event = isObject(body.payload) ? body.payload : body;
  return {
    vendor: 'front',
    vendorType: typeof body.type === 'string' ? body.type : 'unknown',
    id: vendorEventId('front', payload),
    occurredAt: epochSecondsTime(event.emitted_at),
    raw: payload,
    type: 'unknown',
  };
}
