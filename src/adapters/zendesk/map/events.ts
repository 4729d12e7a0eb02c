/**
 * Ticket history from Zendesk's two shapes of a ticket update (an audit, an entry of the ticket-event export),
 * and an export entry as the change-feed records it stands for.
 */
import type { DatasetRecord } from '../../../models/dataset.js';
import { parse } from '../../../models/parse.js';
import type { TicketEvent } from '../../../models/ticket-event.js';
import { idOrNull } from '../fields.js';
import { type ZendeskAudit, ZendeskComment, type ZendeskTicketEvent } from '../wire.js';
import { messageFromZendesk } from './messages.js';

/** Ticket fields whose changes become canonical TicketEvents. */
const EVENT_FIELDS: Record<string, TicketEvent['type']> = {
  status: 'status',
  priority: 'priority',
  assignee_id: 'assignee',
  group_id: 'group',
  tags: 'tags',
  custom_status_id: 'stage',
};

/**
 * One ticket update as Zendesk reports it: an audit, or an entry of the incremental ticket-events export.
 * @example `const update: ZendeskTicketUpdate = { id: 7, ticketId: '35', at: new Date(), authorId: 5, events: [] };`
 */
export interface ZendeskTicketUpdate {
  /** The audit's id. */
  id: string | number;
  ticketId: string;
  at: Date;
  /** The updater; -1 (Zendesk's system user) becomes null. */
  authorId: unknown;
  /** The audit's `events`, or the export's `child_events`. */
  events: readonly Record<string, unknown>[];
}

/**
 * The status, priority, assignee, group and tag changes of one ticket update. Reads both shapes Zendesk uses:
 * audit events (`field_name`, `value`, `previous_value`) and ticket-event export children, where the changed
 * field is a key of its own (`{ "status": "solved", "previous_value": "open" }`, tags with `added_tags` and
 * `removed_tags`). Other events (comments, notifications, SLA targets…) are not status history and are skipped.
 *
 * @example
 * ```ts
 * ticketEventsFromZendesk({ id: 7, ticketId: '35', at: new Date(), authorId: 5,
 *   events: [{ id: 1, type: 'Change', field_name: 'status', value: 'solved', previous_value: 'open' }] });
 * // → [{ id: '7-1', ticketId: '35', type: 'status', from: 'open', to: 'solved', … }]
 * ```
 */
export function ticketEventsFromZendesk(update: ZendeskTicketUpdate): TicketEvent[] {
  const out: TicketEvent[] = [];
  for (const event of update.events) {
    const kind = String(event.type ?? event.event_type);
    if (kind !== 'Change' && kind !== 'Create') continue;
    let field = typeof event.field_name === 'string' ? event.field_name : undefined;
    let value = event.value;
    if (field === undefined) {
      field = Object.keys(EVENT_FIELDS).find((name) => name in event);
      if (field !== undefined) value = event[field];
    }
    const type = field === undefined ? undefined : EVENT_FIELDS[field];
    if (!type) continue;
    const convert = (raw: unknown) => {
      if (type === 'tags') return Array.isArray(raw) ? raw.map(String) : [];
      if (type === 'assignee' || type === 'group' || type === 'stage') return idOrNull(raw);
      return raw === null || raw === undefined || raw === '' ? null : String(raw).toLowerCase();
    };
    const to = convert(value);
    // A creation audit lists every field, set or not (`"value": null`): an unset field is no change, and a
    // status is never null.
    if (kind === 'Create' && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    if (type === 'status' && to === null) continue;
    let from: unknown;
    if (kind === 'Create') from = type === 'tags' ? [] : null;
    else if (type === 'tags' && !('previous_value' in event) && Array.isArray(value)) {
      // The export reports the new list with what was added and removed: the old list follows.
      const added = new Set(Array.isArray(event.added_tags) ? event.added_tags.map(String) : []);
      const removed = Array.isArray(event.removed_tags) ? event.removed_tags.map(String) : [];
      from = [...value.map(String).filter((tag) => !added.has(tag)), ...removed];
    } else from = convert(event.previous_value);
    out.push({
      id: `${update.id}-${event.id}`,
      ticketId: update.ticketId,
      type,
      at: update.at,
      actorId: idOrNull(update.authorId === -1 ? null : update.authorId),
      from,
      to,
    } as TicketEvent);
  }
  return out;
}

/**
 * The history of one audit (`GET /tickets/{id}/audits`).
 *
 * @example
 * ```ts
 * ticketEventsFromAudit(ZendeskAudit.parse(body.audits[0]), '35436');
 * ```
 */
export const ticketEventsFromAudit = (audit: ZendeskAudit, ticketId: string): TicketEvent[] =>
  ticketEventsFromZendesk({
    id: audit.id,
    ticketId,
    at: new Date(audit.created_at),
    authorId: audit.author_id,
    events: audit.events ?? [],
  });

/**
 * Whether an event of the ticket-event export is a comment (the export says `event_type`, audits `type`).
 * @example `isCommentEvent({ event_type: 'Comment' }) // true`
 */
export const isCommentEvent = (event: Record<string, unknown>): boolean =>
  (event.event_type ?? event.type) === 'Comment';

/**
 * One entry of the ticket-event export as change-feed records: its comments as messages (the author's role
 * from `agentIds`; a comment without its own time or author takes the update's), then its field changes as
 * ticket events.
 *
 * @example
 * ```ts
 * changeRecordsFromZendesk(ZendeskTicketEvent.parse(body.ticket_events[0]), new Set(['76872']));
 * ```
 */
export function changeRecordsFromZendesk(
  update: ZendeskTicketEvent,
  agentIds: ReadonlySet<string>,
): DatasetRecord[] {
  const records: DatasetRecord[] = [];
  const ticketId = String(update.ticket_id);
  const at = update.created_at ?? new Date(update.timestamp * 1000).toISOString();
  for (const child of update.child_events ?? []) {
    if (!isCommentEvent(child)) continue;
    const comment = parse(
      ZendeskComment,
      { ...child, author_id: child.author_id ?? update.updater_id, created_at: child.created_at ?? at },
      'Zendesk response',
    );
    records.push({ kind: 'messages', value: messageFromZendesk(comment, ticketId, agentIds) });
  }
  const events = ticketEventsFromZendesk({
    id: update.id,
    ticketId,
    at: new Date(at),
    authorId: update.updater_id,
    events: update.child_events ?? [],
  });
  for (const value of events) records.push({ kind: 'events', value });
  return records;
}
