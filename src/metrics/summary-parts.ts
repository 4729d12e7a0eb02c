/**
 * The parts `summaryAccumulator` is made of: one accumulator per metric of the report, each under its key
 * of the state, and the reference data they read. The accumulator itself only loops over them.
 */

import type { Group } from '../models/group.js';
import type { MetricsReport } from '../models/metrics-report.js';
import type { Schedule } from '../models/schedule.js';
import type { SlaMetric, SlaPolicy } from '../models/sla-policy.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { SLA_METRICS } from '../models/vocabulary.js';
import type { Accumulator } from './accumulator.js';
import { breakdownsAccumulator } from './breakdowns.js';
import type { TicketBundle } from './bundle.js';
import { cesAccumulator } from './ces.js';
import { csatAccumulator } from './csat.js';
import { firstReplyOf } from './first-reply.js';
import { npsAccumulator } from './nps.js';
import { type Interval, PeriodSteps } from './periods.js';
import { replyTimesOf } from './reply-times.js';
import { resolutionTimesOf } from './resolution.js';
import { appliedSlaPolicyOf } from './sla-match.js';
import type { SummaryInput, SummaryOptions, SummaryState } from './summarize.js';
import { tagTrendsAccumulatorOf } from './tag-trends.js';
import {
  type DurationDistribution,
  type DurationState,
  firstReplyAccumulatorOf,
  replyTimesAccumulatorOf,
  resolutionAccumulatorOf,
  slaAccumulatorOf,
} from './ticket-accumulators.js';
import { ticketCountsAccumulator } from './ticket-counts.js';
import { sortedEvents, sortedMessages } from './timeline.js';
import { volumesAccumulatorOf } from './volumes.js';

/**
 * The SLA metrics the report lists, in its order (every metric the model knows, so a metric without targets
 * still shows its zeros). Not to be confused with a vendor adapter's table of its own SLA metric names.
 * @example `REPORTED_SLA_METRICS[0]; // 'firstReply'`
 */
export const REPORTED_SLA_METRICS: readonly SlaMetric[] = SLA_METRICS;

/**
 * Durations as the summary state stores them: the values, so medians stay exact after merging.
 * @example `const values: DurationValues = { calendar: [12, 95], business: [12, 35] };`
 */
export interface DurationValues {
  calendar: number[];
  business: number[];
}

/**
 * What the summary's metrics are fed: a ticket with its records in time order, or a survey response.
 * @example `const item: SummaryItem = { kind: 'nps', value: response };`
 */
export type SummaryItem = Extract<SummaryInput, { kind: 'bundle' | 'csat' | 'nps' | 'ces' }>;

/**
 * One metric of the summary: its accumulator, the inputs it takes, and its state under its key of
 * {@link SummaryState}. `merge` also sees the whole state, for the flag every duration shares (`hasBusiness`).
 * @example `for (const part of Object.values(parts)) part.add(item);`
 */
export interface SummaryPart<S, R> {
  add(item: SummaryItem): void;
  merge(state: S, whole: SummaryState): void;
  toJSON(): S;
  result(): R;
}

/** A part that is an accumulator as it is: fed what `take` picks from an item (nothing when undefined). */
function partOf<In, R, S>(
  acc: Accumulator<In, R, S>,
  take: (item: SummaryItem) => In | undefined,
): SummaryPart<S, R> {
  return {
    add(item) {
      const input = take(item);
      if (input !== undefined) acc.add(input);
    },
    merge: (state) => void acc.merge(state),
    toJSON: () => acc.toJSON(),
    result: () => acc.result(),
  };
}

const bundleOf = (item: SummaryItem) => (item.kind === 'bundle' ? item.value : undefined);

/**
 * A duration accumulator saved as the summary state has always stored it — the values, plus the misses under
 * `unmeasuredKey` when the report shows them — so states saved by earlier releases still merge.
 */
function durationPart<K extends string | undefined>(
  acc: Accumulator<TicketBundle, DurationDistribution, DurationState>,
  unmeasuredKey?: K,
): SummaryPart<DurationValues & Record<NonNullable<K>, number>, DurationDistribution> {
  type Saved = DurationValues & Record<NonNullable<K>, number>;
  return {
    add(item) {
      if (item.kind === 'bundle') acc.add(item.value);
    },
    merge(saved, whole) {
      const unmeasured = unmeasuredKey === undefined ? 0 : (saved as Record<string, number>)[unmeasuredKey];
      acc.merge({
        calendar: saved.calendar,
        business: saved.business,
        measured: saved.calendar.length,
        unmeasured: unmeasured ?? 0,
        hasSchedule: whole.hasBusiness,
      });
    },
    toJSON() {
      const { calendar, business, unmeasured } = acc.toJSON();
      return (
        unmeasuredKey === undefined
          ? { calendar, business }
          : { calendar, business, [unmeasuredKey]: unmeasured }
      ) as Saved;
    },
    result: () => acc.result(),
  };
}

/** Whether any ticket was measured in a schedule: the report's business minutes are null until one was. */
function hasBusinessPart(
  scheduleOf: (ticket: Ticket) => Schedule | undefined,
): SummaryPart<boolean, boolean> {
  let hasBusiness = false;
  return {
    add(item) {
      if (item.kind === 'bundle' && scheduleOf(item.value.ticket)) hasBusiness = true;
    },
    merge(other) {
      hasBusiness ||= other;
    },
    toJSON: () => hasBusiness,
    result: () => hasBusiness,
  };
}

/**
 * Reference data the metrics read: schedules and groups (a ticket's schedule is its group's, else the first
 * schedule given, unless the options fix one) and SLA policies. Not part of the state: every shard is given it.
 * @example `const references = summaryReferences(undefined); references.add({ kind: 'groups', value: group });`
 */
export function summaryReferences(fixedSchedule: Schedule | undefined) {
  const schedules = new Map<string, Schedule>();
  let firstSchedule: Schedule | undefined;
  const groups = new Map<string, Group>();
  const policies: SlaPolicy[] = [];
  return {
    /** Keeps a reference record; false for inputs that are not one (tickets and surveys). */
    add(input: SummaryInput): input is Exclude<SummaryInput, SummaryItem> {
      if (input.kind === 'schedules') {
        if (input.value.id) schedules.set(input.value.id, input.value);
        firstSchedule ??= input.value;
      } else if (input.kind === 'groups') groups.set(input.value.id, input.value);
      else if (input.kind === 'slaPolicies') policies.push(input.value);
      else return false;
      return true;
    },
    scheduleOf(ticket: Ticket): Schedule | undefined {
      if (fixedSchedule) return fixedSchedule;
      const id = ticket.groupId ? groups.get(ticket.groupId)?.scheduleId : null;
      return (id ? schedules.get(id) : undefined) ?? firstSchedule;
    },
    policyOf: (ticket: Ticket, sortedEvents: readonly TicketEvent[]) =>
      appliedSlaPolicyOf(policies, ticket, sortedEvents),
  };
}

/**
 * Per-ticket measurements that several metrics share — the first reply (first reply and its breakdowns), the
 * resolution times (first and full) and the reply spans (reply times and next-reply SLA targets) — measured
 * once: business minutes are the costly part. The summary hands the same bundle object to every part, one
 * ticket after another, so each measure remembers the last bundle it measured.
 */
function sharedMeasures(scheduleOf: (ticket: Ticket) => Schedule | undefined) {
  const once = <T>(measure: (bundle: TicketBundle, schedule: Schedule | undefined) => T) => {
    let last: TicketBundle | undefined;
    let value: T;
    return (bundle: TicketBundle): T => {
      if (bundle !== last) {
        value = measure(bundle, scheduleOf(bundle.ticket));
        last = bundle;
      }
      return value;
    };
  };
  return {
    scheduleOf,
    firstReplyOf: once(({ ticket, messages }, schedule) => firstReplyOf(ticket, messages, { schedule })),
    resolutionOf: once(({ ticket, events }, schedule) =>
      resolutionTimesOf(ticket, events, schedule ? { schedule } : {}),
    ),
    replySpansOf: once(({ ticket, messages }, schedule) =>
      replyTimesOf(ticket, messages, schedule ? { schedule } : {}),
    ),
  };
}

/**
 * The summary's metrics, one accumulator per key of {@link SummaryState}, in the order the state lists them.
 * A new metric in the report is one more accumulator here and its place in {@link reportOf}.
 * @example `const parts = summaryParts({ asOf, timeZone: 'UTC', interval: 'week' }, summaryReferences(undefined));`
 */
export function summaryParts(
  options: SummaryOptions & { asOf: number; timeZone: string; interval: Interval },
  references: ReturnType<typeof summaryReferences>,
) {
  const { asOf, timeZone, interval } = options;
  const perTicket = sharedMeasures(references.scheduleOf);
  // Deleted tickets are left out (or not) before the parts see them: each part takes what it is given.
  const all = { includeDeleted: true };
  const hasBusiness = hasBusinessPart(references.scheduleOf);
  // Volumes and tag trends lay out the same periods: the time-zone work is done once for both.
  const steps = new PeriodSteps(interval, timeZone);
  return {
    tickets: partOf(ticketCountsAccumulator(asOf), bundleOf),
    firstReply: durationPart(firstReplyAccumulatorOf(all, perTicket), 'unreplied'),
    replyTimes: durationPart(replyTimesAccumulatorOf(all, perTicket)),
    resolutionFirst: durationPart(resolutionAccumulatorOf({ ...all, which: 'first' }, perTicket)),
    resolutionFull: durationPart(resolutionAccumulatorOf({ ...all, which: 'full' }, perTicket)),
    hasBusiness,
    sla: partOf(
      slaAccumulatorOf(
        { asOf, policyOf: references.policyOf },
        { ...perTicket, metrics: REPORTED_SLA_METRICS },
      ),
      bundleOf,
    ) as SummaryPart<
      SummaryState['sla'],
      Record<string, SummaryState['sla'][string] & { attainment: number | null }>
    >,
    breakdowns: partOf(
      breakdownsAccumulator({
        ...perTicket,
        ticketMemory: options.ticketMemory ?? Number.POSITIVE_INFINITY,
        hasBusiness: hasBusiness.result,
      }),
      (item) => (item.kind === 'bundle' || item.kind === 'csat' ? item : undefined),
    ),
    // Volumes leave deleted tickets out whatever the summary's option (as they always have).
    volumes: partOf(volumesAccumulatorOf({ interval, timeZone }, true, 'summarize', steps), bundleOf),
    tagTrends: partOf(
      tagTrendsAccumulatorOf(
        { interval, timeZone, baseline: { recent: options.recentPeriods ?? 1 } },
        true,
        'summarize',
        steps,
      ),
      (item) => bundleOf(item)?.ticket,
    ),
    csat: partOf(csatAccumulator({ invalid: 'skip' }), (item) =>
      item.kind === 'csat' ? item.value : undefined,
    ),
    nps: partOf(npsAccumulator({ invalid: 'skip' }), (item) =>
      item.kind === 'nps' ? item.value : undefined,
    ),
    ces: partOf(cesAccumulator({ invalid: 'skip' }), (item) =>
      item.kind === 'ces' ? item.value : undefined,
    ),
  } satisfies {
    [K in Exclude<keyof SummaryState, 'asOf' | 'timeZone' | 'interval'>]: SummaryPart<
      SummaryState[K],
      unknown
    >;
  };
}

/**
 * The summary's record of metrics.
 * @example `const key: keyof SummaryParts = 'firstReply';`
 */
export type SummaryParts = ReturnType<typeof summaryParts>;
/**
 * Each metric's result, under its key.
 * @example `results.firstReply.measured;`
 */
export type SummaryResults = { [K in keyof SummaryParts]: ReturnType<SummaryParts[K]['result']> };

/**
 * The report's layout: where each part's result goes, in the order {@link MetricsReport} lists them.
 * @example `reportOf(asOf, 'UTC', 'week', results).firstReply.replied;`
 */
export function reportOf(
  asOf: number,
  timeZone: string,
  interval: Interval,
  r: SummaryResults,
): MetricsReport {
  const duration = ({ calendarMinutes, businessMinutes }: DurationDistribution) => ({
    calendarMinutes,
    businessMinutes,
  });
  return {
    asOf: new Date(asOf),
    timeZone,
    interval,
    tickets: r.tickets,
    firstReply: {
      ...duration(r.firstReply),
      replied: r.firstReply.measured,
      unreplied: r.firstReply.unmeasured,
    },
    replyTimes: duration(r.replyTimes),
    resolution: { first: duration(r.resolutionFirst), full: duration(r.resolutionFull) },
    csat: r.csat,
    nps: r.nps,
    ces: r.ces,
    sla: REPORTED_SLA_METRICS.map(
      (metric) => ({ metric, ...r.sla[metric]! }) as MetricsReport['sla'][number],
    ),
    volumes: r.volumes,
    tagTrends: r.tagTrends,
    breakdowns: r.breakdowns,
  };
}

/**
 * A ticket as the summary's metrics take it: records in time order (sorted once for all of them); undefined
 * for a ticket deleted in the helpdesk unless the report counts those. Always a new bundle object, even for a
 * bundle object the caller reuses: the shared measures remember the last bundle by identity.
 * @example `const item = preparedTicket({ ticket, messages, events }, false);`
 */
export function preparedTicket(
  { ticket, messages, events }: TicketBundle,
  includeDeleted: boolean | undefined,
): SummaryItem | undefined {
  if (ticket.status === 'deleted' && !includeDeleted) return undefined;
  return {
    kind: 'bundle',
    value: { ticket, messages: sortedMessages(ticket, messages), events: sortedEvents(ticket, events) },
  };
}
