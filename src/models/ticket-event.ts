import { z } from 'zod';
import { Id, Timestamp } from './primitives.js';
import { TicketPriority, TicketStatus } from './ticket.js';

const base = {
  id: Id,
  ticketId: Id,
  /** When the change happened. */
  at: Timestamp,
  /** Who made it: an agent id, or null for the system (triggers, automations, the vendor itself). */
  actorId: Id.nullable().default(null),
};

/**
 * One change in a ticket's history: the record that resolution, reopen, status-time and SLA metrics read.
 * `type` picks the field that changed; `from` is null when the field was first set.
 *
 * - `status`: from/to are canonical values.
 * - `priority`: from/to are canonical values; null = no priority set.
 * - `assignee`, `group`: from/to are ids (null = unassigned).
 * - `tags`: from/to are the whole tag lists before and after.
 * - `sla`: from/to are SLA policy ids (null = no policy applied).
 * - `stage`: a move between the vendor's workflow stages (a Trello list, a Zendesk custom status) — from/to are
 *   the stages' ids, recorded even when the canonical status stays the same.
 *
 * @example
 * ```ts
 * import { parseTicketEvent } from 'supportkit-ts';
 * parseTicketEvent({ id: 'e1', ticketId: '1001', type: 'status', at: '2026-03-02T10:00:00Z', from: 'open', to: 'solved' });
 * ```
 */
export const TicketEvent = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('status'), from: TicketStatus.nullable(), to: TicketStatus }),
  z.strictObject({
    ...base,
    type: z.literal('priority'),
    from: TicketPriority.nullable(),
    to: TicketPriority.nullable(),
  }),
  z.strictObject({ ...base, type: z.literal('assignee'), from: Id.nullable(), to: Id.nullable() }),
  z.strictObject({ ...base, type: z.literal('group'), from: Id.nullable(), to: Id.nullable() }),
  z.strictObject({ ...base, type: z.literal('tags'), from: z.array(z.string()), to: z.array(z.string()) }),
  z.strictObject({ ...base, type: z.literal('sla'), from: Id.nullable(), to: Id.nullable() }),
  z.strictObject({ ...base, type: z.literal('stage'), from: Id.nullable(), to: Id.nullable() }),
]);
/** A parsed ticket event. */
export type TicketEvent = z.output<typeof TicketEvent>;
/** What {@link TicketEvent} accepts. */
export type TicketEventInput = z.input<typeof TicketEvent>;
/** The kinds of change a {@link TicketEvent} records. */
export type TicketEventType = TicketEvent['type'];
