import { channelFromVia, idOrNull } from '../../adapters/zendesk/fields.js';
import type { HelpdeskEvent } from '../../events/index.js';
import { Customer } from '../../models/customer.js';
import { Message } from '../../models/message.js';
import { Ticket, type TicketStatus } from '../../models/ticket.js';
import { isoTime } from '../event-time.js';
import { isObject, type Json } from '../json.js';

/** Zendesk event payloads send statuses capitalised ("OPEN", "Open"); canonical ones are lower case. */
function status(value: unknown): TicketStatus | null {
  return typeof value === 'string' && value !== '' ? (value.toLowerCase() as TicketStatus) : null;
}

/**
 * Builds the canonical ticket from an event's `detail` — event-type webhooks send the ticket's fields there (id,
 * status, requester, times, `via`) — the way the REST mapper builds it, or undefined when the payload lacks a
 * required field (a requester, a creation time).
 */
function ticketFrom(detail: Json): Ticket | undefined {
  const via = isObject(detail.via) ? detail.via : {};
  const id = String(detail.id ?? '');
  const createdAt = Date.parse(String(detail.created_at ?? ''));
  const updatedAt = Date.parse(String(detail.updated_at ?? ''));
  const result = Ticket.safeParse({
    id,
    source: { adapter: 'zendesk', id },
    subject: typeof detail.subject === 'string' ? detail.subject : '',
    ...(typeof detail.description === 'string' ? { description: detail.description } : {}),
    status: status(detail.status) ?? undefined,
    // None set is null, not a made-up normal.
    priority:
      typeof detail.priority === 'string' && detail.priority !== '' ? detail.priority.toLowerCase() : null,
    ...(typeof detail.type === 'string' && detail.type !== '' ? { type: detail.type.toLowerCase() } : {}),
    channel: channelFromVia(via.channel),
    requesterId: idOrNull(detail.requester_id) ?? undefined,
    ...(idOrNull(detail.submitter_id) ? { submitterId: idOrNull(detail.submitter_id) } : {}),
    assigneeId: idOrNull(detail.assignee_id),
    groupId: idOrNull(detail.group_id),
    organizationId: idOrNull(detail.organization_id),
    tags: Array.isArray(detail.tags) ? detail.tags.filter((t) => typeof t === 'string' && t !== '') : [],
    createdAt: detail.created_at,
    // As the REST mapper does: a missing update time, or one before creation (the model refuses it), is creation.
    updatedAt: updatedAt >= createdAt ? detail.updated_at : detail.created_at,
  });
  return result.success ? result.data : undefined;
}

/** Zendesk's ticket events that remove a ticket: to the trash, or for good. */
const DELETED = new Set(['ticket.soft_deleted', 'ticket.permanently_deleted']);

/**
 * Maps a Zendesk event-type webhook (`{ type: 'zen:event-type:…', id, time, subject, detail, event }`) to a
 * canonical event: ticket.created, ticket.status_changed, message.created (comment added), ticket.deleted (soft or
 * permanent deletion), ticket.updated (any other ticket event), customer.updated (user events of end users), or
 * unknown. Ticket events carry the canonical ticket built from `detail` where its fields allow; `via.channel`
 * reads as the REST mapper reads it (`web_service`, the API, is `api`).
 * See https://developer.zendesk.com/api-reference/webhooks/event-types/webhook-event-types/
 *
 * @example
 * ```ts
 * const event = parseZendeskEvent(JSON.parse(rawBody));
 * ```
 */
export function parseZendeskEvent(payload: unknown): HelpdeskEvent {
  const body = isObject(payload) ? payload : {};
  const vendorType = typeof body.type === 'string' ? body.type : 'unknown';
  const base = {
    vendor: 'zendesk',
    vendorType,
    id: typeof body.id === 'string' ? body.id : null,
    occurredAt: isoTime(body.time),
    raw: payload,
  };
  const detail = isObject(body.detail) ? body.detail : {};
  const event = isObject(body.event) ? body.event : {};
  const name = vendorType.replace(/^zen:event-type:/, '');
  const ticketId = idOrNull(detail.id);
  if (name.startsWith('ticket.') && ticketId) {
    const ticket = ticketFrom(detail);
    const withTicket = ticket ? { ticket } : {};
    if (name === 'ticket.created') return { ...base, type: 'ticket.created', ticketId, ...withTicket };
    if (name === 'ticket.status_changed') {
      const to = status(event.current) ?? ticket?.status;
      if (to)
        return {
          ...base,
          type: 'ticket.status_changed',
          ticketId,
          from: status(event.previous),
          to,
          ...withTicket,
        };
    }
    if (DELETED.has(name)) return { ...base, type: 'ticket.deleted', ticketId };
    if (name === 'ticket.comment_added' && isObject(event.comment)) {
      const comment = event.comment;
      const author = isObject(comment.author) ? comment.author : {};
      const parsed = Message.safeParse({
        id: String(comment.id ?? ''),
        ticketId,
        authorId: idOrNull(author.id) ?? undefined,
        authorRole: author.is_staff === true ? 'agent' : author.is_staff === false ? 'end-user' : 'system',
        public: comment.is_public !== false,
        body: typeof comment.body === 'string' ? comment.body : '',
        createdAt: body.time,
      });
      return {
        ...base,
        type: 'message.created',
        ticketId,
        ...(parsed.success ? { message: parsed.data } : {}),
      };
    }
    return { ...base, type: 'ticket.updated', ticketId, ...withTicket };
  }
  const userId = idOrNull(detail.id);
  if (name.startsWith('user.') && userId) {
    const isEndUser = detail.role === undefined || detail.role === 'end-user';
    if (isEndUser) {
      const parsed = Customer.safeParse({
        id: userId,
        name: typeof detail.name === 'string' ? detail.name : '',
        identities: [
          ...(typeof detail.email === 'string' && detail.email !== ''
            ? [{ kind: 'email', value: detail.email, primary: true }]
            : []),
          { kind: 'external', adapter: 'zendesk', value: userId },
        ],
        organizationId: idOrNull(detail.organization_id),
        createdAt: detail.created_at,
        ...(detail.updated_at ? { updatedAt: detail.updated_at } : {}),
      });
      return {
        ...base,
        type: 'customer.updated',
        customerId: userId,
        ...(parsed.success ? { customer: parsed.data } : {}),
      };
    }
  }
  return { ...base, type: 'unknown' };
}
