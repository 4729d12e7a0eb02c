import { z } from 'zod';
import { Id, Source } from './primitives.js';
import { Channel, TicketPriority } from './ticket.js';

/**
 * What an SLA target measures:
 * - `firstReply`: ticket creation → first public agent reply;
 * - `nextReply`: each customer message → the next public agent reply;
 * - `periodicUpdate`: the longest gap allowed between public agent updates while the ticket is open;
 * - `requesterWait`: total time in new, open and (by default) hold;
 * - `agentWork`: total time in new and open;
 * - `resolution`: creation → solved.
 * @example `SlaMetric.options // ['firstReply', 'nextReply', …]`
 */
export const SlaMetric = z.enum([
  'firstReply',
  'nextReply',
  'periodicUpdate',
  'requesterWait',
  'agentWork',
  'resolution',
]);
/** What an SLA target measures. */
export type SlaMetric = z.output<typeof SlaMetric>;

/**
 * One promise: for tickets of `priority`, `metric` must be met within `minutes`, counted in business hours
 * (the ticket's schedule) or calendar time.
 *
 * @example
 * ```ts
 * SlaTarget.parse({ priority: 'urgent', metric: 'firstReply', minutes: 60, businessHours: false });
 * ```
 */
export const SlaTarget = z.strictObject({
  priority: TicketPriority,
  metric: SlaMetric,
  minutes: z.number().positive(),
  businessHours: z.boolean(),
});
/** One SLA target. */
export type SlaTarget = z.output<typeof SlaTarget>;

/**
 * A service-level agreement: which tickets it applies to and the targets by priority and metric. A ticket
 * matches when every condition given matches (an empty list matches anything).
 *
 * @example
 * ```ts
 * import { parseSlaPolicy } from 'supportkit';
 * parseSlaPolicy({
 *   id: 'sla-standard',
 *   title: 'Standard',
 *   targets: [
 *     { priority: 'urgent', metric: 'firstReply', minutes: 60, businessHours: false },
 *     { priority: 'normal', metric: 'firstReply', minutes: 480, businessHours: true },
 *     { priority: 'normal', metric: 'resolution', minutes: 2400, businessHours: true },
 *   ],
 * });
 * ```
 */
export const SlaPolicy = z
  .strictObject({
    id: Id,
    source: Source.optional(),
    title: z.string().min(1),
    description: z.string().optional(),
    /** Lower runs first when several policies match, as in Zendesk. */
    position: z.int().nonnegative().default(0),
    filter: z
      .strictObject({
        priorities: z.array(TicketPriority).default([]),
        channels: z.array(Channel).default([]),
        groupIds: z.array(Id).default([]),
        organizationIds: z.array(Id).default([]),
        tags: z.array(z.string().min(1)).default([]),
      })
      .default({ priorities: [], channels: [], groupIds: [], organizationIds: [], tags: [] }),
    targets: z.array(SlaTarget).min(1),
  })
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.targets.forEach((target, index) => {
      const key = `${target.priority}/${target.metric}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index],
          message: `second target for ${key} (first at targets[${first}])`,
        });
      } else seen.set(key, index);
    });
  });
/** A parsed SLA policy. */
export type SlaPolicy = z.output<typeof SlaPolicy>;
/** What {@link SlaPolicy} accepts. */
export type SlaPolicyInput = z.input<typeof SlaPolicy>;
