import type { HelpdeskEvent } from '../../events/index.js';
import { isoTime } from '../event-time.js';
import { getHeader } from '../headers.js';
import { isObject } from '../json.js';
import type { HeaderInput } from '../types.js';

/** The resource's times, in the names of both Help Scout APIs (Mailbox 1.0 `modifiedAt`, 2.0 `updatedAt`). */
const TIME_FIELDS = ['createdAt', 'modifiedAt', 'userModifiedAt', 'updatedAt', 'userUpdatedAt', 'closedAt'];

/**
 * Reads a Help Scout webhook as an event of type `unknown`: the event name comes from the X-HelpScout-Event
 * header (the body is the conversation, customer or rating itself), and the time is the resource's latest
 * change — Help Scout sends no event time, and the latest of its `createdAt`/`modifiedAt`/`updatedAt`/`closedAt`
 * is when the change that fired the webhook happened. The id is always null (see {@link vendorEventId}).
 * See https://developer.helpscout.com/webhooks/
 *
 * @example
 * ```ts
 * parseHelpscoutEvent(body, { 'X-HelpScout-Event': 'convo.created' }).vendorType; // 'convo.created'
 * ```
 */
export function parseHelpscoutEvent(payload: unknown, headers?: HeaderInput): HelpdeskEvent {
  const body = isObject(payload) ? payload : {};
  let occurredAt: Date | null = null;
  for (const field of TIME_FIELDS) {
    const at = isoTime(body[field]);
    if (at && (!occurredAt || at > occurredAt)) occurredAt = at;
  }
  const fromHeader = headers ? getHeader(headers, 'x-helpscout-event') : undefined;
  return {
    vendor: 'helpscout',
    vendorType: fromHeader ?? (typeof body.type === 'string' ? body.type : 'unknown'),
    id: null,
    occurredAt,
    raw: payload,
    type: 'unknown',
  };
}
