import { z } from 'zod';
import { CustomFields, Id, LanguageTag, openEnum, Source, Timestamp } from './primitives.js';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from './vocabulary.js';

export { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES };

/**
 * A ticket's status: `new` (untouched), `open` (being worked), `pending` (waiting for the customer), `hold`
 * (waiting for a third party), `solved`, `closed`, `deleted` (removed in the helpdesk: kept so a sync can say
 * so, left out of volumes, backlog and times unless asked). Case and separators do not matter (`"Solved"`,
 * `"on-hold"`, `"On Hold"`; `resolved` reads as `solved`); unknown vendor values are kept.
 *
 * @example
 * ```ts
 * TicketStatus.parse('pending');
 * ```
 */
export const TicketStatus = openEnum(TICKET_STATUSES, { 'on hold': 'hold', resolved: 'solved' });
/** A canonical ticket status, or a vendor status kept as it came. */
export type TicketStatus = z.output<typeof TicketStatus>;

/**
 * A ticket's priority: `low | normal | high | urgent`; unknown vendor values are kept. A ticket's priority is
 * `null` when none is set (many helpdesks have no priority at all): never a made-up `normal`.
 *
 * @example
 * ```ts
 * TicketPriority.parse('urgent');
 * ```
 */
export const TicketPriority = openEnum(TICKET_PRIORITIES);
/** A canonical priority, or a vendor value kept as it came. */
export type TicketPriority = z.output<typeof TicketPriority>;

/**
 * The channel a ticket or message came through; unknown vendor values are kept.
 *
 * @example
 * ```ts
 * Channel.parse('chat');
 * ```
 */
export const Channel = openEnum(CHANNELS, {
  mail: 'email',
  'web form': 'web',
  telephone: 'phone',
  'live chat': 'chat',
});
/** A canonical channel, or a vendor value kept as it came. */
export type Channel = z.output<typeof Channel>;

/**
 * A support request. Timestamps accept ISO 8601 (with offset), Date or epoch ms and come out as `Date`.
 *
 * @example
 * ```ts
 * import { parseTicket } from 'supportkit-ts';
 * const ticket = parseTicket({
 *   id: '1001',
 *   subject: 'Cannot log in',
 *   status: 'open',
 *   priority: 'high',
 *   channel: 'email',
 *   requesterId: 'c-17',
 *   createdAt: '2026-03-02T08:15:00Z',
 *   updatedAt: '2026-03-02T09:00:00Z',
 * });
 * ticket.createdAt instanceof Date; // true
 * ```
 */
export const Ticket = z
  .strictObject({
    id: Id,
    source: Source.optional(),
    subject: z.string(),
    description: z.string().optional(),
    status: TicketStatus,
    priority: TicketPriority.nullable().default(null),
    type: openEnum(['question', 'incident', 'problem', 'task']).optional(),
    channel: Channel.default('other'),
    requesterId: Id,
    submitterId: Id.optional(),
    assigneeId: Id.nullable().default(null),
    groupId: Id.nullable().default(null),
    organizationId: Id.nullable().default(null),
    tags: z.array(z.string().min(1)).default([]),
    customFields: CustomFields.default({}),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    solvedAt: Timestamp.nullable().default(null),
    dueAt: Timestamp.nullable().default(null),
    language: LanguageTag.optional(),
  })
  .superRefine((ticket, ctx) => {
    if (ticket.updatedAt.getTime() < ticket.createdAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'updatedAt is before createdAt' });
    }
    if (ticket.solvedAt && ticket.solvedAt.getTime() < ticket.createdAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['solvedAt'], message: 'solvedAt is before createdAt' });
    }
  });
/** A parsed ticket. */
export type Ticket = z.output<typeof Ticket>;

/**
 * Whether a ticket was deleted in its helpdesk (status `deleted`). Metrics leave such tickets out unless asked.
 *
 * @example
 * ```ts
 * tickets.filter((t) => !isDeletedTicket(t));
 * ```
 */
export const isDeletedTicket = (ticket: Pick<Ticket, 'status'>): boolean =>
  typeof ticket === 'object' && ticket !== null && TicketStatus.safeParse(ticket.status).data === 'deleted';
/** What {@link Ticket} accepts: timestamps as strings, numbers or Dates; defaults may be omitted. */
export type TicketInput = z.input<typeof Ticket>;
