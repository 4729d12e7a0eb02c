/**
 * `supportkit-ts/request-tracker`: the Request Tracker 5 (REST2) adapter and the pure wire ⇄ canonical mapping.
 * The mappers here read each argument through its wire schema first (raw REST2 JSON is fine): a wrong one is a
 * ValidationError naming the function and the path.
 *
 * @packageDocumentation
 */
import { z } from 'zod';
import { TicketCreate, TicketPatch } from '../../models/inputs.js';
import { publicMapper } from '../kit/index.js';
import { RtContextArgument, RtEventsContext, RtMessageContext, RtUserContext } from './arguments.js';
import * as map from './map.js';
import { RtAttachment, RtQueue, RtTicket, RtTransaction, RtUser } from './wire.js';

export { createRequestTrackerAdapter, type RequestTrackerAdapterOptions } from './index.js';
export type { RtContext } from './map.js';

/**
 * A privileged RT user (`GET /user/{name}`) as an agent.
 *
 * @example
 * ```ts
 * agentFromRt(body).id; // 'marco'
 * ```
 */
export const agentFromRt = publicMapper('agentFromRt', [['wire', RtUser]], map.agentFromRt);

/**
 * The users a ticket's transactions name — authors by name, owners set by number — for the caller to read
 * (`GET /user/{key}`, where `Privileged` tells an agent) and hand to {@link messageFromRt} as `agents` and to
 * {@link eventsFromRt} as `userNames`. Collections leave `Privileged` empty: only a user read on its own has it.
 *
 * @example
 * ```ts
 * usersNamedBy(history.items); // ['ada@example.com', 'marco', '14']
 * ```
 */
export const usersNamedBy = publicMapper(
  'usersNamedBy',
  [['transactions', z.array(RtTransaction)]],
  map.usersNamedBy,
);

/**
 * An unprivileged RT user as a customer card. The id is the user's name, the way REST2 refers to users; the
 * identities are the address, each phone field (E.164 where it carries its country code, else a phone handle)
 * and the name; a disabled user is `deleted`; the signed notes in `Comments` are the card's notes. A summary
 * (read without AdminUsers) has no creation time: pass the one you know as `{ createdAt }`, or it is a
 * ValidationError naming `Created`.
 *
 * @example
 * ```ts
 * customerFromRt(body).identities; // [{ kind: 'email', value: 'ada@example.com', primary: true }, …]
 * customerFromRt(summary, { createdAt: new Date('2026-03-02T08:00:00Z') });
 * ```
 */
export const customerFromRt = publicMapper(
  'customerFromRt',
  [
    ['wire', RtUser],
    ['context', RtUserContext],
  ],
  map.customerFromRt,
);

/**
 * A ticket's status, priority, owner, queue and tag changes as canonical TicketEvents, in transaction order.
 * `userNames` turns the user numbers in owner changes into names.
 *
 * @example
 * ```ts
 * eventsFromRt('7', body.items, { currentTags: ['vip'], tagsFieldId: '2', userNames: new Map([['14', 'marco']]) });
 * ```
 */
export const eventsFromRt = publicMapper(
  'eventsFromRt',
  [
    ['ticketId', z.string()],
    ['transactions', z.array(RtTransaction)],
    ['context', RtEventsContext],
  ],
  map.eventsFromRt,
);

/**
 * An RT queue as a group.
 *
 * @example
 * ```ts
 * groupFromRt({ id: 3, Name: 'Billing' }); // { id: '3', name: 'Billing', … }
 * ```
 */
export const groupFromRt = publicMapper('groupFromRt', [['wire', RtQueue]], map.groupFromRt);

/**
 * A message transaction and its attachments as a canonical Message: the first text/plain part is the body,
 * parts with a file name are attachments.
 *
 * @example
 * ```ts
 * messageFromRt(txn, attachments, { ticketId: '7', requesterId: 'ada@example.com', agents: new Set(['marco']) });
 * ```
 */
export const messageFromRt = publicMapper(
  'messageFromRt',
  [
    ['txn', RtTransaction],
    ['attachments', z.array(RtAttachment)],
    ['context', RtMessageContext],
  ],
  map.messageFromRt,
);

/**
 * RT's numeric priority → canonical priority: below 25 low, below 75 normal, below 100 high, else urgent.
 *
 * @example
 * ```ts
 * priorityFromRt('50'); // 'normal'
 * ```
 */
export const priorityFromRt = publicMapper(
  'priorityFromRt',
  [['priority', z.union([z.string(), z.number()]).nullable().optional()]],
  map.priorityFromRt,
);

/**
 * Canonical priority → RT's number (the middle of each band); no priority is 0.
 *
 * @example
 * ```ts
 * priorityToRt('high'); // 80
 * ```
 */
export const priorityToRt = publicMapper(
  'priorityToRt',
  [['priority', z.string().nullable()]],
  map.priorityToRt,
);

/**
 * RT status → canonical status (stalled → pending, resolved → solved, rejected → closed); a custom lifecycle's
 * status is kept as it is.
 *
 * @example
 * ```ts
 * statusFromRt('stalled'); // 'pending'
 * ```
 */
export const statusFromRt = publicMapper('statusFromRt', [['status', z.string()]], map.statusFromRt);

/**
 * Canonical status → the RT status to set (`hold` → `stalled`, `closed` → `resolved`).
 *
 * @example
 * ```ts
 * statusToRt('solved'); // 'resolved'
 * ```
 */
export const statusToRt = publicMapper('statusToRt', [['status', z.string()]], map.statusToRt);

/**
 * The values of the tags custom field on a ticket (empty when the field is absent).
 *
 * @example
 * ```ts
 * tagsOfRt(body); // ['billing', 'vip']
 * ```
 */
export const tagsOfRt = publicMapper(
  'tagsOfRt',
  [
    ['wire', RtTicket],
    ['context', RtContextArgument],
  ],
  map.tagsOfRt,
);

/**
 * A new ticket (a {@link TicketCreate}) as the REST2 create body, in `queue`.
 *
 * @example
 * ```ts
 * ticketCreateToRt({ subject: 'Printer on fire', requesterId: 'ada@example.com', tags: ['hw'] }, 'General');
 * ```
 */
export const ticketCreateToRt = publicMapper(
  'ticketCreateToRt',
  [
    ['input', TicketCreate],
    ['queue', z.string()],
    ['context', RtContextArgument],
  ],
  map.ticketCreateToRt,
);

/**
 * An RT ticket (`GET /ticket/{id}`) as a canonical Ticket: the first Requestor is the requester, the Owner the
 * assignee unless Nobody, the queue the group.
 *
 * @example
 * ```ts
 * ticketFromRt(body, { baseUrl: 'https://rt.example.org' });
 * ```
 */
export const ticketFromRt = publicMapper(
  'ticketFromRt',
  [
    ['wire', RtTicket],
    ['context', RtContextArgument],
  ],
  map.ticketFromRt,
);

/**
 * Ticket changes (a {@link TicketPatch}) as the REST2 update body.
 *
 * @example
 * ```ts
 * ticketPatchToRt({ status: 'solved', assigneeId: 'marco' }); // { Status: 'resolved', Owner: 'marco' }
 * ```
 */
export const ticketPatchToRt = publicMapper(
  'ticketPatchToRt',
  [
    ['patch', TicketPatch],
    ['context', RtContextArgument],
  ],
  map.ticketPatchToRt,
);
