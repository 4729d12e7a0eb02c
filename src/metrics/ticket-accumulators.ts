import { invalidOption } from '../errors/validation.js';
import type { Schedule } from '../models/schedule.js';
import type { SlaMetric, SlaPolicy } from '../models/sla-policy.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { type Accumulator, stateOf } from './accumulator.js';
import type { TicketBundle } from './bundle.js';
import { type Instant, toMillis } from './business-time.js';
import { type FirstReplyOptions, firstReplyOf } from './first-reply.js';
import { bundleArg, optionsArg, policyArg, scheduleArg } from './input.js';
import { keyedTable, own } from './keyed.js';
import { type ReplySpan, replyTimesOf } from './reply-times.js';
import { type ResolutionTimes, reopensOf, resolutionTimesOf } from './resolution.js';
import { slaStatusOf, slaTargetsOf } from './sla.js';
import type { SlaPolicySelection } from './sla-match.js';
import { type DistributionSummary, summarizeValues } from './stats.js';
import { type StatusDurationOptions, statusDurationsOf } from './status-durations.js';
import type { Duration } from './timeline.js';

/** A distribution of durations: calendar minutes, business minutes (null without a schedule), and misses. */
export interface DurationDistribution {
  calendarMinutes: DistributionSummary;
  businessMinutes: DistributionSummary | null;
  /** Tickets measured. */
  measured: number;
  /** Tickets with nothing to measure (no reply yet, never resolved…). */
  unmeasured: number;
}

/** JSON state of the duration accumulators: the values, so medians stay exact after merging. */
export interface DurationState {
  calendar: number[];
  business: number[];
  measured: number;
  unmeasured: number;
  /** Whether business minutes are measured (a schedule was given). */
  hasSchedule: boolean;
}

/** Every duration accumulator's option: whether tickets deleted in the helpdesk count. */
export interface DeletedOption {
  /** Measure tickets deleted in the helpdesk (status `deleted`) too. @default false */
  includeDeleted?: boolean;
}

/** Options with their schedule validated once (the accumulator's entry). */
function withSchedule<O extends { schedule?: Schedule }>(options: O, fn: string): O {
  const opts = optionsArg(options, fn);
  return opts.schedule === undefined ? opts : { ...opts, schedule: scheduleArg(opts.schedule, fn) };
}

/**
 * How {@link summaryAccumulator} drives a per-ticket accumulator (internal): bundles arrive validated and sorted,
 * and each ticket is measured in its own schedule (its group's), so business minutes are measured as soon as
 * one ticket had a schedule — in this accumulator or in a state merged into it.
 * @example `firstReplyAccumulatorOf({}, { scheduleOf: (ticket) => schedules.get(ticket.groupId!) });`
 */
export interface PerTicketSchedule {
  scheduleOf: (ticket: Ticket) => Schedule | undefined;
  /**
   * The ticket's first reply (`from-creation`, in its schedule), when the caller computes it once for every
   * metric that needs it (the summary's first reply and breakdowns): business minutes are the costly part.
   */
  firstReplyOf?: (bundle: TicketBundle) => Duration | null;
  /** The ticket's first and full resolution, likewise computed once for both resolution metrics. */
  resolutionOf?: (bundle: TicketBundle) => ResolutionTimes;
  /** The ticket's reply spans (in its schedule), likewise computed once for reply times and SLA next replies. */
  replySpansOf?: (bundle: TicketBundle) => readonly ReplySpan[];
}

/** Measures one ticket in a schedule: its durations, null for each one with nothing to measure yet. */
type MeasureTicket = (bundle: TicketBundle, schedule: Schedule | undefined) => readonly (Duration | null)[];

/**
 * Builds an accumulator of per-ticket durations from a function that measures one ticket, in the schedule of
 * the options or, for the summary, the schedule of each ticket.
 */
function durationAccumulator(
  fn: string,
  measureTicket: MeasureTicket,
  options: { schedule?: Schedule } & DeletedOption,
  perTicket?: PerTicketSchedule,
): Accumulator<TicketBundle, DurationDistribution, DurationState> {
  const hasSchedule = options.schedule !== undefined;
  const state: DurationState = { calendar: [], business: [], measured: 0, unmeasured: 0, hasSchedule };
  return {
    add(bundle) {
      const checked = perTicket ? bundle : bundleArg(bundle, fn);
      if (checked.ticket.status === 'deleted' && !options.includeDeleted) return this;
      const schedule = perTicket ? perTicket.scheduleOf(checked.ticket) : options.schedule;
      if (perTicket && schedule) state.hasSchedule = true;
      for (const d of measureTicket(checked, schedule)) {
        if (!d) {
          state.unmeasured++;
          continue;
        }
        state.measured++;
        state.calendar.push(d.calendarMinutes);
        if (d.businessMinutes !== null) state.business.push(d.businessMinutes);
      }
      return this;
    },
    merge(other) {
      const s = stateOf<DurationState>(other);
      for (const v of s.calendar) state.calendar.push(v);
      for (const v of s.business) state.business.push(v);
      state.measured += s.measured;
      state.unmeasured += s.unmeasured;
      // With one schedule for all, the options decide; with a schedule per ticket, any shard that had one.
      if (perTicket) state.hasSchedule ||= s.hasSchedule;
      return this;
    },
    result: () => ({
      calendarMinutes: summarizeValues(state.calendar),
      businessMinutes: state.hasSchedule ? summarizeValues(state.business) : null,
      measured: state.measured,
      unmeasured: state.unmeasured,
    }),
    toJSON: () => structuredClone(state),
  };
}

/**
 * {@link firstReplyTime} over many tickets: the distribution of first reply times, and how many tickets have
 * no reply yet.
 *
 * @example
 * ```ts
 * import { bundleDataset, firstReplyAccumulator } from 'supportkit-ts';
 * const acc = firstReplyAccumulator({ schedule });
 * for (const bundle of bundleDataset(dataset)) acc.add(bundle);
 * acc.result().businessMinutes?.median;
 * ```
 */
export function firstReplyAccumulator(options: FirstReplyOptions & DeletedOption = {}) {
  return firstReplyAccumulatorOf(withSchedule(options, 'firstReplyAccumulator'));
}

/**
 * {@link firstReplyAccumulator} over validated options; `perTicket` for the summary (internal).
 * @example `firstReplyAccumulatorOf({ includeDeleted: true }, { scheduleOf }).add(sortedBundle);`
 */
export function firstReplyAccumulatorOf(
  options: FirstReplyOptions & DeletedOption,
  perTicket?: PerTicketSchedule,
) {
  return durationAccumulator(
    'firstReplyAccumulator',
    (bundle, schedule) => {
      const shared = options.definition === undefined ? perTicket?.firstReplyOf : undefined;
      const reply = shared
        ? shared(bundle)
        : firstReplyOf(bundle.ticket, bundle.messages, { ...options, schedule });
      return [
        reply ? { calendarMinutes: reply.calendarMinutes, businessMinutes: reply.businessMinutes } : null,
      ];
    },
    options,
    perTicket,
  );
}

/**
 * {@link replyTimes} over many tickets: every answered customer turn, and the unanswered ones as unmeasured.
 *
 * @example
 * ```ts
 * replyTimesAccumulator({ schedule }).add(bundle).result().calendarMinutes.p90;
 * ```
 */
export function replyTimesAccumulator(options: { schedule?: Schedule } & DeletedOption = {}) {
  return replyTimesAccumulatorOf(withSchedule(options, 'replyTimesAccumulator'));
}

/**
 * {@link replyTimesAccumulator} over validated options; `perTicket` for the summary (internal).
 * @example `replyTimesAccumulatorOf({ includeDeleted: true }, { scheduleOf }).add(sortedBundle);`
 */
export function replyTimesAccumulatorOf(
  options: { schedule?: Schedule } & DeletedOption,
  perTicket?: PerTicketSchedule,
) {
  return durationAccumulator(
    'replyTimesAccumulator',
    (bundle, schedule) =>
      (perTicket?.replySpansOf
        ? perTicket.replySpansOf(bundle)
        : replyTimesOf(bundle.ticket, bundle.messages, schedule ? { schedule } : {})
      ).map((span) => span.duration),
    options,
    perTicket,
  );
}

/**
 * {@link resolutionTimes} over many tickets: first (default) or full resolution.
 *
 * @example
 * ```ts
 * resolutionAccumulator({ which: 'full' }).add(bundle).result().calendarMinutes.median;
 * ```
 */
export function resolutionAccumulator(
  options: { schedule?: Schedule; which?: 'first' | 'full' } & DeletedOption = {},
) {
  return resolutionAccumulatorOf(withSchedule(options, 'resolutionAccumulator'));
}

/**
 * {@link resolutionAccumulator} over validated options; `perTicket` for the summary (internal).
 * @example `resolutionAccumulatorOf({ which: 'full', includeDeleted: true }, { scheduleOf }).add(sortedBundle);`
 */
export function resolutionAccumulatorOf(
  options: { schedule?: Schedule; which?: 'first' | 'full' } & DeletedOption,
  perTicket?: PerTicketSchedule,
) {
  const which = options.which ?? 'first';
  if (which !== 'first' && which !== 'full')
    throw invalidOption('resolutionAccumulator', 'which', 'must be "first" or "full"');
  return durationAccumulator(
    'resolutionAccumulator',
    (bundle, schedule) => {
      const r = perTicket?.resolutionOf
        ? perTicket.resolutionOf(bundle)
        : resolutionTimesOf(bundle.ticket, bundle.events, schedule ? { schedule } : {});
      return [which === 'first' ? r.firstResolution : r.fullResolution];
    },
    options,
    perTicket,
  );
}

/**
 * {@link statusDurations} over many tickets: the distribution of one aggregate (requester wait by default).
 *
 * @example
 * ```ts
 * statusDurationAccumulator({ aggregate: 'agentWait', asOf }).add(bundle).result().calendarMinutes.mean;
 * ```
 */
export function statusDurationAccumulator(
  options: StatusDurationOptions &
    DeletedOption & {
      aggregate?: 'agentWait' | 'onHold' | 'agentWork' | 'requesterWait';
    } = {},
) {
  options = withSchedule(options, 'statusDurationAccumulator');
  const aggregate = options.aggregate ?? 'requesterWait';
  const asOf =
    options.asOf === undefined ? {} : { asOf: toMillis(options.asOf, 'statusDurationAccumulator() asOf') };
  return durationAccumulator(
    'statusDurationAccumulator',
    ({ ticket, events }) => [statusDurationsOf(ticket, events, { ...options, ...asOf })[aggregate]],
    options,
  );
}

/** Reopen counts over many tickets. */
export interface ReopenSummary {
  tickets: number;
  reopenedTickets: number;
  reopens: number;
}

/**
 * {@link reopens} over many tickets: how many were reopened, and how many reopens in all.
 *
 * @example
 * ```ts
 * reopensAccumulator().add(bundle).result(); // { tickets: 1, reopenedTickets: 0, reopens: 0 }
 * ```
 */
export function reopensAccumulator(): Accumulator<TicketBundle, ReopenSummary, ReopenSummary> {
  return reopensAccumulatorOf(false);
}

/**
 * {@link reopensAccumulator}; `trusted` skips the input checks for bundles validated by the caller (internal).
 * @example `reopensAccumulatorOf(true).add(parsedBundle).result().reopens;`
 */
export function reopensAccumulatorOf(
  trusted: boolean,
): Accumulator<TicketBundle, ReopenSummary, ReopenSummary> {
  const state: ReopenSummary = { tickets: 0, reopenedTickets: 0, reopens: 0 };
  return {
    add(bundle) {
      const { ticket, events } = trusted ? bundle : bundleArg(bundle, 'reopensAccumulator');
      const n = reopensOf(ticket, events);
      state.tickets++;
      state.reopens += n;
      if (n > 0) state.reopenedTickets++;
      return this;
    },
    merge(other) {
      const s = stateOf<ReopenSummary>(other);
      state.tickets += s.tickets;
      state.reopenedTickets += s.reopenedTickets;
      state.reopens += s.reopens;
      return this;
    },
    result: () => ({ ...state }),
    toJSON: () => ({ ...state }),
  };
}

/** SLA attainment per metric. */
export type SlaSummary = Record<
  string,
  { achieved: number; breached: number; active: number; attainment: number | null }
>;

/** Target counts of one SLA metric; `unmeasured` and `undecidedPolicy` only when the summary counts them. */
interface SlaCounts {
  achieved: number;
  breached: number;
  active: number;
  /** Targets that could not be judged: no schedule for business hours, or an undecided policy. */
  unmeasured?: number;
  /** Of those, the ones whose policy hangs on conditions a canonical ticket cannot settle. */
  undecidedPolicy?: number;
}
type SlaCountKey = keyof SlaCounts;

/**
 * How {@link summaryAccumulator} drives the SLA accumulator (internal): the ticket's own schedule, and targets
 * it cannot judge counted as `unmeasured` (and `undecidedPolicy`) rather than thrown, under every metric from
 * the start.
 * @example `slaAccumulatorOf({ asOf, policyOf }, { scheduleOf, metrics: SlaMetric.options });`
 */
export interface SlaPerTicket {
  scheduleOf: (ticket: Ticket) => Schedule | undefined;
  /** The ticket's reply spans when the caller measures them once for several metrics (their times only are read). */
  replySpansOf?: (bundle: TicketBundle) => readonly ReplySpan[];
  /** The metrics every state lists, in order, even with no targets. */
  metrics: readonly SlaMetric[];
}

/**
 * {@link slaStatus} over many tickets, for one policy: achieved, breached and active targets per metric, and
 * attainment = achieved ÷ (achieved + breached).
 *
 * @example
 * ```ts
 * slaAccumulator(policy, { asOf, schedule }).add(bundle).result().firstReply?.attainment;
 * ```
 */
export function slaAccumulator(
  policy: SlaPolicy,
  options: { asOf: Instant; schedule?: Schedule },
): Accumulator<
  TicketBundle,
  SlaSummary,
  Record<string, { achieved: number; breached: number; active: number }>
> {
  const parsedPolicy = policyArg(policy, 'slaAccumulator');
  const opts = optionsArg(options, 'slaAccumulator');
  if (opts.asOf === undefined) throw invalidOption('slaAccumulator', 'asOf', 'is required');
  const schedule = opts.schedule === undefined ? undefined : scheduleArg(opts.schedule, 'slaAccumulator');
  return slaAccumulatorOf({
    asOf: toMillis(opts.asOf, 'slaAccumulator() asOf'),
    schedule,
    policyOf: () => ({ outcome: 'policy', policy: parsedPolicy }),
  }) as Accumulator<
    TicketBundle,
    SlaSummary,
    Record<string, { achieved: number; breached: number; active: number }>
  >;
}

/**
 * {@link slaAccumulator} over validated options, with the policy chosen per ticket by `policyOf` (one policy
 * for the public accumulator; the applied or matching one for the summary); `perTicket` for the summary.
 * @example `slaAccumulatorOf({ asOf: Date.now(), policyOf }, { scheduleOf, metrics }).add(sortedBundle).result();`
 */
export function slaAccumulatorOf(
  options: {
    asOf: number;
    schedule?: Schedule | undefined;
    policyOf: (ticket: Ticket, sortedEvents: readonly TicketEvent[]) => SlaPolicySelection;
  },
  perTicket?: SlaPerTicket,
): Accumulator<
  TicketBundle,
  Record<string, SlaCounts & { attainment: number | null }>,
  Record<string, SlaCounts>
> {
  const counting = perTicket !== undefined;
  const keys: readonly SlaCountKey[] = counting
    ? ['achieved', 'breached', 'active', 'unmeasured', 'undecidedPolicy']
    : ['achieved', 'breached', 'active'];
  const state = keyedTable<SlaCounts>();
  const bump = (metric: string, key: SlaCountKey, by = 1) => {
    let counts = own(state, metric);
    if (!counts) {
      counts = Object.fromEntries(keys.map((k) => [k, 0])) as unknown as SlaCounts;
      state[metric] = counts;
    }
    counts[key] = (counts[key] ?? 0) + by;
  };
  for (const metric of perTicket?.metrics ?? []) bump(metric, 'achieved', 0);
  return {
    add(bundle) {
      const b = counting ? bundle : bundleArg(bundle, 'slaAccumulator');
      const schedule = perTicket ? perTicket.scheduleOf(b.ticket) : options.schedule;
      const selection = options.policyOf(b.ticket, b.events);
      if (counting) countUnjudged(b, selection, schedule, bump);
      if (selection.outcome !== 'policy') return this;
      const { policy } = selection;
      if (counting && !schedule && slaTargetsOf(b.ticket, b.events, policy).some((t) => t.businessHours))
        return this;
      const slaOptions = {
        asOf: options.asOf,
        ...(schedule ? { schedule } : {}),
        ...(perTicket?.replySpansOf ? { replySpans: perTicket.replySpansOf(b) } : {}),
      };
      for (const target of slaStatusOf(b.ticket, b.messages, b.events, policy, slaOptions))
        bump(target.metric, target.state);
      return this;
    },
    merge(other) {
      for (const [metric, counts] of Object.entries(stateOf(other)))
        for (const key of keys) bump(metric, key, counts[key] ?? 0);
      return this;
    },
    result: () =>
      Object.fromEntries(
        Object.entries(state).map(([metric, c]) => [
          metric,
          {
            ...c,
            attainment: c.achieved + c.breached === 0 ? null : (100 * c.achieved) / (c.achieved + c.breached),
          },
        ]),
      ),
    toJSON: () => structuredClone(state),
  };
}

/**
 * The summary's targets that cannot be judged: under an undecided policy, every metric a candidate would
 * measure (never measured under a policy that may not be the ticket's own); under a policy with business-hours
 * targets and no schedule to count them in, its metrics — reported, not silently dropped.
 */
function countUnjudged(
  { ticket, events }: TicketBundle,
  selection: SlaPolicySelection,
  schedule: Schedule | undefined,
  bump: (metric: string, key: SlaCountKey) => void,
): void {
  if (selection.outcome === 'undecided') {
    const metrics = new Set(
      selection.candidates.flatMap((p) => slaTargetsOf(ticket, events, p).map((t) => t.metric)),
    );
    for (const metric of metrics) {
      bump(metric, 'unmeasured');
      bump(metric, 'undecidedPolicy');
    }
  } else if (selection.outcome === 'policy' && !schedule) {
    const targets = slaTargetsOf(ticket, events, selection.policy);
    if (targets.some((t) => t.businessHours))
      for (const metric of new Set(targets.map((t) => t.metric))) bump(metric, 'unmeasured');
  }
}
