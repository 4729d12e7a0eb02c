import { z } from 'zod';
import { Timestamp } from './primitives.js';
import { SlaMetric } from './sla-policy.js';

const count = z.int().nonnegative();
const nullableNumber = z.number().nullable();

/**
 * n, mean, median, p90, min and max of a set of values; nulls when n = 0.
 * @example `DistributionSummarySchema.parse(report.firstReply.calendarMinutes)`
 */
export const DistributionSummarySchema = z.strictObject({
  n: count,
  mean: nullableNumber,
  median: nullableNumber,
  p90: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
});

/**
 * A duration metric in calendar and business minutes (business is null without a schedule).
 * @example `DurationSummary.parse(report.replyTimes)`
 */
export const DurationSummary = z.strictObject({
  calendarMinutes: DistributionSummarySchema,
  businessMinutes: DistributionSummarySchema.nullable(),
});

const breakdownRow = z.strictObject({
  key: z.string(),
  tickets: count,
  firstReply: DurationSummary,
  csat: z.strictObject({ score: nullableNumber, n: count }),
});

/**
 * Everything `summarize` computes about a dataset, as one validated, JSON-serialisable model: volumes, reply
 * and resolution times, satisfaction, SLA attainment, contact trends and breakdowns.
 *
 * @example
 * ```ts
 * import { MetricsReport, parse, summarize } from 'supportkit-ts';
 * const report = summarize(dataset, { timeZone: 'Europe/Rome' });
 * const again = parse(MetricsReport, JSON.parse(JSON.stringify(report)));
 * ```
 */
export const MetricsReport = z.strictObject({
  asOf: Timestamp,
  timeZone: z.string(),
  interval: z.enum(['day', 'week', 'month']),
  tickets: z.strictObject({
    total: count,
    unresolved: count,
    reopenedTickets: count,
    reopens: count,
    agentCreated: count,
  }),
  firstReply: DurationSummary.extend({ replied: count, unreplied: count }),
  replyTimes: DurationSummary,
  resolution: z.strictObject({ first: DurationSummary, full: DurationSummary }),
  csat: z.strictObject({
    score: nullableNumber,
    positive: count,
    negative: count,
    n: count,
    unanswered: count,
    skipped: count,
    responseRate: nullableNumber.optional(),
  }),
  nps: z.strictObject({
    score: nullableNumber,
    promoters: count,
    passives: count,
    detractors: count,
    n: count,
    skipped: count,
    marginOfError: nullableNumber,
    interval: z.tuple([z.number(), z.number()]).nullable(),
  }),
  ces: z.strictObject({
    mean: nullableNumber,
    easyShare: nullableNumber,
    easy: count,
    n: count,
    skipped: count,
  }),
  sla: z.array(
    z.strictObject({
      metric: SlaMetric,
      achieved: count,
      breached: count,
      active: count,
      /**
       * Tickets whose target could not be judged: business-hours targets with no schedule to count them in, or
       * (`undecidedPolicy`) tickets whose SLA policy hangs on conditions the canonical ticket cannot settle.
       */
      unmeasured: count,
      /** Of `unmeasured`, the tickets whose policy could not be decided (unmapped vendor conditions). */
      undecidedPolicy: count.default(0),
      /** achieved ÷ (achieved + breached), in percent. */
      attainment: nullableNumber,
    }),
  ),
  volumes: z.array(
    z.strictObject({
      period: z.string(),
      start: Timestamp,
      end: Timestamp,
      created: count,
      solved: count,
      backlog: count,
    }),
  ),
  tagTrends: z.strictObject({
    periods: z.array(z.string()),
    totals: z.array(count),
    baseline: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
    recent: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
    tags: z.array(
      z.strictObject({
        tag: z.string(),
        counts: z.array(count),
        shares: z.array(nullableNumber),
        baselineShare: nullableNumber,
        recentShare: nullableNumber,
        growth: nullableNumber,
        pValue: nullableNumber,
        rising: z.boolean(),
        isNew: z.boolean(),
      }),
    ),
    cooccurrence: z.array(
      z.strictObject({ tags: z.tuple([z.string(), z.string()]), count: count, lift: z.number() }),
    ),
    test: z.string(),
  }),
  breakdowns: z.strictObject({
    channel: z.array(breakdownRow),
    agent: z.array(breakdownRow),
    group: z.array(breakdownRow),
    /** Tickets by the requester's organization (`(no organization)` when the ticket names none). */
    organization: z.array(breakdownRow).default([]),
    priority: z.array(breakdownRow),
  }),
});
/** A parsed metrics report. */
export type MetricsReport = z.output<typeof MetricsReport>;
