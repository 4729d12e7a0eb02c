import { z } from 'zod';
import { Id, Source } from './primitives.js';
import { Channel, TicketPriority } from './ticket.js';
import { SLA_METRICS } from './vocabulary.js';

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
export const SlaMetric = z.enum(SLA_METRICS);
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
 * The ticket fields an SLA condition can test. Ids are canonical ids; `null` in a condition's values means "none"
 * (no group, no organization, no assignee, no type).
 * @example `SlaConditionField.options // ['priority', 'channel', …]`
 */
export const SlaConditionField = z.enum([
  'priority',
  'channel',
  'type',
  'groupId',
  'organizationId',
  'assigneeId',
  'requesterId',
  'tags',
]);
/** A ticket field an SLA condition can test. */
export type SlaConditionField = z.output<typeof SlaConditionField>;

/**
 * How an SLA condition compares:
 * - `is` / `isNot`: the ticket's value is (is not) one of `values`;
 * - `lessThan` / `greaterThan`: priority only, in the order low < normal < high < urgent, against `values[0]`;
 * - `includesAny` / `includesNone`: tags only: the ticket has at least one (none) of `values`.
 * @example `SlaConditionOperator.parse('lessThan')`
 */
export const SlaConditionOperator = z.enum([
  'is',
  'isNot',
  'lessThan',
  'greaterThan',
  'includesAny',
  'includesNone',
]);
/** How an SLA condition compares. */
export type SlaConditionOperator = z.output<typeof SlaConditionOperator>;

/**
 * One condition on a ticket, in canonical terms.
 *
 * @example
 * ```ts
 * SlaCondition.parse({ field: 'priority', operator: 'greaterThan', values: ['normal'] });
 * SlaCondition.parse({ field: 'groupId', operator: 'is', values: [null] }); // no group
 * ```
 */
export const SlaCondition = z
  .strictObject({
    field: SlaConditionField,
    operator: SlaConditionOperator,
    values: z.array(z.string().nullable()).min(1),
  })
  .superRefine((condition, ctx) => {
    const ordered = condition.operator === 'lessThan' || condition.operator === 'greaterThan';
    const tagged = condition.operator === 'includesAny' || condition.operator === 'includesNone';
    if (ordered && (condition.field !== 'priority' || condition.values.length !== 1))
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: `${condition.operator} compares one priority`,
      });
    if (tagged !== (condition.field === 'tags'))
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: 'tags take includesAny or includesNone, and only tags do',
      });
    if (tagged && condition.values.some((v) => v === null || v === ''))
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'tags are non-empty strings' });
  });
/** One canonical SLA condition. */
export type SlaCondition = z.output<typeof SlaCondition>;

/**
 * A vendor condition with no canonical counterpart (a brand, a ticket form, a custom field, a custom status…),
 * kept as it came so that it stays visible: a policy with one cannot be decided from canonical tickets.
 *
 * @example
 * ```ts
 * SlaUnmappedCondition.parse({ group: 'all', field: 'brand_id', operator: 'is', value: '10001' });
 * ```
 */
export const SlaUnmappedCondition = z.strictObject({
  /** Which list it came from: `all` (every condition) or `any` (at least one). */
  group: z.enum(['all', 'any']),
  field: z.string(),
  operator: z.string(),
  value: z
    .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
    .nullable(),
});
/** A vendor condition kept aside. */
export type SlaUnmappedCondition = z.output<typeof SlaUnmappedCondition>;

/**
 * A service-level agreement: which tickets it applies to and the targets by priority and metric.
 *
 * A ticket matches a policy when every non-empty list of the filter matches (`priorities`, `channels`,
 * `groupIds`, `organizationIds`: the ticket's value is in the list; `tags`: it has at least one), every `all`
 * condition holds, and — when `any` (or an unmapped `any` condition) is given — at least one `any` condition
 * holds. Policies are tried by `position` and the first that matches applies (Zendesk's rule). A policy with
 * `unmappedConditions` may be undecidable for a ticket: see `matchSlaPolicy` in the metrics.
 *
 * @example
 * ```ts
 * import { parseSlaPolicy } from 'supportkit-ts';
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
        /** Conditions that must all hold. */
        all: z.array(SlaCondition).optional(),
        /** Conditions of which at least one must hold (when there are any). */
        any: z.array(SlaCondition).optional(),
        /** Vendor conditions with no canonical counterpart, kept as they came. */
        unmappedConditions: z.array(SlaUnmappedCondition).optional(),
      })
      .default({ priorities: [], channels: [], groupIds: [], organizationIds: [], tags: [] }),
    /**
     * May be empty: a vendor policy whose targets have no canonical metric still claims its tickets in order, so
     * a later policy is not applied to them by mistake.
     */
    targets: z.array(SlaTarget),
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
