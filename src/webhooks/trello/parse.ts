import { statusForListName } from '../../adapters/trello/map.js';
import { invalidArgument } from '../../errors/validation.js';
import type { HelpdeskEvent } from '../../events/index.js';
import { Message } from '../../models/message.js';
import { Ticket, type TicketStatus } from '../../models/ticket.js';
import { isoTime } from '../event-time.js';
import { isObject } from '../json.js';

/** Maps a Trello list name to a canonical status, e.g. `{ 'Triage': 'new' }`; checked before the defaults. */
export type TrelloListMapping = Record<string, TicketStatus>;

/**
 * The canonical status a Trello list stands for: an explicit mapping first, then common list names ("Inbox",
 * "New", "Doing", "In progress", "Waiting", "On hold", "Done"); any other list counts as `open`.
 *
 * @example
 * ```ts
 * trelloListStatus('Waiting on customer'); // 'pending'
 * trelloListStatus('Shipped', { Shipped: 'solved' }); // 'solved'
 * ```
 */
export function trelloListStatus(name: string, mapping: TrelloListMapping = {}): TicketStatus {
  if (typeof name !== 'string') throw invalidArgument('trelloListStatus()', 'name', 'expected a list name');
  // Own keys only: a list named "constructor" or "__proto__" must not read Object.prototype.
  const explicit = mapping && Object.hasOwn(mapping, name) ? mapping[name] : undefined;
  if (typeof explicit === 'string' && explicit) return explicit;
  return statusForListName(name);
}

/**
 * Maps a Trello webhook payload (`{ action, model }`) to a canonical event, reading each action the way the
 * Trello adapter reads the same action in a card's history:
 * - createCard → ticket.created, with the card as a ticket in the status of its list;
 * - updateCard that moves the card to a list of another status → ticket.status_changed; a move between two
 *   lists of one status changes no status, so it is a ticket.updated;
 * - updateCard that archives the card (`data.old.closed: false`) → ticket.status_changed to `closed`, and one
 *   that restores it → from `closed` back to its list's status (the adapter gives archived cards `closed`);
 * - deleteCard → ticket.deleted;
 * - commentCard → message.created;
 * - any other card action → ticket.updated; anything else → unknown.
 * See https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/
 *
 * @example
 * ```ts
 * const event = parseTrelloEvent(JSON.parse(rawBody), { Triage: 'new' });
 * ```
 */
export function parseTrelloEvent(payload: unknown, mapping: TrelloListMapping = {}): HelpdeskEvent {
  const body = isObject(payload) ? payload : {};
  const action = isObject(body.action) ? body.action : {};
  const data = isObject(action.data) ? action.data : {};
  const card = isObject(data.card) ? data.card : {};
  const old = isObject(data.old) ? data.old : {};
  const member = isObject(action.memberCreator) ? action.memberCreator : {};
  const vendorType = typeof action.type === 'string' ? action.type : 'unknown';
  const base = {
    vendor: 'trello',
    vendorType,
    id: typeof action.id === 'string' ? action.id : null,
    occurredAt: isoTime(action.date),
    raw: payload,
  };
  const ticketId = typeof card.id === 'string' ? card.id : null;
  if (!ticketId) return { ...base, type: 'unknown' };
  const listName = (value: unknown) =>
    isObject(value) && typeof value.name === 'string' ? value.name : null;
  const statusOf = (value: unknown) => {
    const name = listName(value);
    return name === null ? null : trelloListStatus(name, mapping);
  };

  if (vendorType === 'createCard') {
    const parsed = Ticket.safeParse({
      id: ticketId,
      source: { adapter: 'trello', id: ticketId },
      subject: typeof card.name === 'string' ? card.name : '',
      status: statusOf(data.list) ?? 'new',
      // The adapter's channel for a card: Trello does not say how a request reached the board.
      channel: 'other',
      requesterId: typeof member.id === 'string' ? member.id : undefined,
      createdAt: action.date,
      updatedAt: action.date,
    });
    return { ...base, type: 'ticket.created', ticketId, ...(parsed.success ? { ticket: parsed.data } : {}) };
  }
  if (vendorType === 'deleteCard') return { ...base, type: 'ticket.deleted', ticketId };
  if (vendorType === 'updateCard' && listName(data.listAfter)) {
    const from = statusOf(data.listBefore);
    const to = statusOf(data.listAfter)!;
    // A move between two lists of one status is a change of stage, not of status (as in the adapter's history).
    if (from === to) return { ...base, type: 'ticket.updated', ticketId };
    return { ...base, type: 'ticket.status_changed', ticketId, from, to };
  }
  if (vendorType === 'updateCard' && typeof old.closed === 'boolean') {
    // `old.closed` is the value before; the card's own `closed` (sent with it) the value after.
    const closed = typeof card.closed === 'boolean' ? card.closed : !old.closed;
    // Archiving closes the ticket, restoring reopens it in its list's status. The payload names the list only
    // sometimes; without it the status the card goes back to is `open`, as the adapter assumes.
    const listStatus = statusOf(data.list);
    if (closed && !old.closed)
      return { ...base, type: 'ticket.status_changed', ticketId, from: listStatus, to: 'closed' };
    if (!closed && old.closed)
      return { ...base, type: 'ticket.status_changed', ticketId, from: 'closed', to: listStatus ?? 'open' };
  }
  if (vendorType === 'commentCard') {
    const parsed = Message.safeParse({
      id: base.id ?? '',
      ticketId,
      authorId: typeof member.id === 'string' ? member.id : undefined,
      // Comments on a support board come from its members: the team.
      authorRole: 'agent',
      public: true,
      body: typeof data.text === 'string' ? data.text : '',
      createdAt: action.date,
    });
    return {
      ...base,
      type: 'message.created',
      ticketId,
      ...(parsed.success ? { message: parsed.data } : {}),
    };
  }
  return { ...base, type: 'ticket.updated', ticketId };
}
