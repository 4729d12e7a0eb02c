import { z } from 'zod';
import { Id, Source, Timestamp } from './primitives.js';

/**
 * A team of agents that tickets are routed to (Billing, Tier 2, Italian desk…).
 *
 * @example
 * ```ts
 * import { parseGroup } from 'supportkit-ts';
 * parseGroup({ id: 'g-billing', name: 'Billing', scheduleId: 'sched-eu' });
 * ```
 */
export const Group = z.strictObject({
  id: Id,
  source: Source.optional(),
  name: z.string(),
  description: z.string().optional(),
  /** The business-hours schedule this group works to. */
  scheduleId: Id.nullable().default(null),
  /** When the helpdesk last changed the group: a sync writes each version once, by this time. */
  updatedAt: Timestamp.optional(),
});
/** A parsed group. */
export type Group = z.output<typeof Group>;
/** What {@link Group} accepts. */
export type GroupInput = z.input<typeof Group>;
