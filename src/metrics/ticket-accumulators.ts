import { invalidOption } from '../errors/validation.js';
import type { Schedule } from '../models/schedule.js';
import type { SlaPolicy } from '../models/sla-policy.js';
import { type Accumulator, stateOf } from './accumulator.js';
import type { TicketBundle } from './bundle.js';
import { type Instant, toMillis } from './business-time.js';
import { type FirstReplyOptions, firstReplyOf } from './first-reply.js';
import { bundleArg, optionsArg, policyArg, scheduleArg } from './input.js';
import { keyedTable, own } from './keyed.js';
import { replyTimesOf } from './reply-times.js';
import { reopensOf, resolutionTimesOf } from './resolution.js';
import { slaStatusOf } from './sla.js';
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

/** Builds an accumulator of per-ticket durations from a function that measures one ticket. */
function durationAccumulator(
  fn: string,
  measureTicket: (bundle: TicketBundle) => readonly (Duration | null)[],
  hasSchedule: boolean,
  includeDeleted = false,
): Accumulator<TicketBundle, DurationDistribution, DurationState> {
  const state: DurationState = { calendar: [], business: [], measured: 0, unmeasured: 0, hasSchedule };
  return {
    add(bundle) {
      const checked = bundleArg(bundle, fn);
      if (checked.ticket.status === 'deleted' && !includeDeleted) return this;
      for (const d of measureTicket(checked)) {
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
 * import { bundleDataset, firstReplyAccumulator } from 'supportkit';
 * const acc = firstReplyAccumulator({ schedule });
 * for (const bundle of bundleDataset(dataset)) acc.add(bundle);
 * acc.result().businessMinutes?.median;
 * ```
 */
export function firstReplyAccumulator(options: FirstReplyOptions & DeletedOption = {}) {
  options = withSchedule(options, 'firstReplyAccumulator');
  return durationAccumulator(
    'firstReplyAccumulator',
    ({ ticket, messages }) => {
      const reply = firstReplyOf(ticket, messages, options);
      return [
        reply ? { calendarMinutes: reply.calendarMinutes, businessMinutes: reply.businessMinutes } : null,
      ];
    },
    options.schedule !== undefined,
    options.includeDeleted,
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
  options = withSchedule(options, 'replyTimesAccumulator');
  return durationAccumulator(
    'replyTimesAccumulator',
    ({ ticket, messages }) => replyTimesOf(ticket, messages, options).map((span) => span.duration),
    options.schedule !== undefined,
    options.includeDeleted,
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
  options = withSchedule(options, 'resolutionAccumulator');
  const which = options.which ?? 'first';
  if (which !== 'first' && which !== 'full')
    throw invalidOption('resolutionAccumulator', 'which', 'must be "first" or "full"');
  const schedule = options.schedule ? { schedule: options.schedule } : {};
  return durationAccumulator(
    'resolutionAccumulator',
    ({ ticket, events }) => {
      const r = resolutionTimesOf(ticket, events, schedule);
      return [which === 'first' ? r.firstResolution : r.fullResolution];
    },
    options.schedule !== undefined,
    options.includeDeleted,
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
    options.schedule !== undefined,
    options.includeDeleted,
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
  const state: ReopenSummary = { tickets: 0, reopenedTickets: 0, reopens: 0 };
  return {
    add(bundle) {
      const { ticket, events } = bundleArg(bundle, 'reopensAccumulator');
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
  const slaOptions = {
    asOf: toMillis(opts.asOf, 'slaAccumulator() asOf'),
    ...(opts.schedule === undefined ? {} : { schedule: scheduleArg(opts.schedule, 'slaAccumulator') }),
  };
  const state = keyedTable<{ achieved: number; breached: number; active: number }>();
  const bump = (metric: string, key: 'achieved' | 'breached' | 'active', by = 1) => {
    let counts = own(state, metric);
    if (!counts) {
      counts = { achieved: 0, breached: 0, active: 0 };
      state[metric] = counts;
    }
    counts[key] += by;
  };
  return {
    add(bundle) {
      const { ticket, messages, events } = bundleArg(bundle, 'slaAccumulator');
      for (const target of slaStatusOf(ticket, messages, events, parsedPolicy, slaOptions))
        bump(target.metric, target.state);
      return this;
    },
    merge(other) {
      for (const [metric, counts] of Object.entries(stateOf(other))) {
        bump(metric, 'achieved', counts.achieved);
        bump(metric, 'breached', counts.breached);
        bump(metric, 'active', counts.active);
      }
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
