import { invalidOption } from '../errors/validation.js';
import type { Dataset, DatasetInput } from '../models/dataset.js';
import { type Accumulator, stateOf } from './accumulator.js';
import {
  bundleParsed as bundleDataset,
  solveTimes,
  type TicketBundle,
  unresolvedIntervals,
} from './bundle.js';
import { bundleArg, datasetArg, optionsArg } from './input.js';
import { bump, keyedTable, own } from './keyed.js';
import { checkPeriodOptions, type Interval, PeriodIndex, type PeriodSteps } from './periods.js';
import { sortedEvents } from './timeline.js';

/** Options of {@link volumes}. */
export interface VolumeOptions {
  /** @default 'day' */
  interval?: Interval;
  /** The time zone periods are read in. @default 'UTC' */
  timeZone?: string;
  /** Count tickets deleted in the helpdesk (status `deleted`) too. @default false */
  includeDeleted?: boolean;
}

/** Volumes of one period. */
export interface VolumePeriod {
  /** Local start date, `YYYY-MM-DD`. */
  period: string;
  start: Date;
  end: Date;
  /** Tickets created in the period. */
  created: number;
  /** Tickets solved in the period (a ticket solved twice in one period counts once). */
  solved: number;
  /** Tickets unresolved at the end of the period: created by then, and whose last status by then is not solved/closed. */
  backlog: number;
}

/** JSON state of {@link volumesAccumulator}, keyed by period start date. */
export interface VolumeState {
  interval: Interval;
  timeZone: string;
  created: Record<string, number>;
  solved: Record<string, number>;
  /** Backlog change at the start of each period (a difference array). */
  backlogDelta: Record<string, number>;
}

function resolve(options: VolumeOptions, fn: string) {
  options = optionsArg(options, fn);
  const interval = options.interval ?? 'day';
  const timeZone = options.timeZone ?? 'UTC';
  checkPeriodOptions(fn, interval, timeZone);
  return { interval, timeZone };
}

/**
 * {@link volumes} as a mergeable accumulator over ticket bundles.
 *
 * @example
 * ```ts
 * import { bundleDataset, volumesAccumulator } from 'supportkit-ts';
 * const acc = volumesAccumulator({ interval: 'week', timeZone: 'Europe/Rome' });
 * for (const bundle of bundleDataset(dataset)) acc.add(bundle);
 * acc.result();
 * ```
 */
export function volumesAccumulator(
  options: VolumeOptions = {},
): Accumulator<TicketBundle, VolumePeriod[], VolumeState> {
  return volumesAccumulatorOf(options, false);
}

/**
 * {@link volumesAccumulator}; `trusted` skips the input checks for bundles validated by the caller (internal);
 * `steps`: period starts shared with the report's other metrics.
 * @example `volumesAccumulatorOf({ interval: 'week' }, true).add(parsedBundle).result();`
 */
export function volumesAccumulatorOf(
  options: VolumeOptions,
  trusted: boolean,
  fn = 'volumesAccumulator',
  steps?: PeriodSteps,
): Accumulator<TicketBundle, VolumePeriod[], VolumeState> {
  const { interval, timeZone } = resolve(options, fn);
  const periods = new PeriodIndex(interval, timeZone, 'volumes', steps);
  const state: VolumeState = {
    interval,
    timeZone,
    created: keyedTable(),
    solved: keyedTable(),
    backlogDelta: keyedTable(),
  };
  return {
    add(bundle) {
      const { ticket, events } = trusted ? bundle : bundleArg(bundle, 'volumesAccumulator');
      if (ticket.status === 'deleted' && !options.includeDeleted) return this;
      const sorted = sortedEvents(ticket, events);
      bump(state.created, periods.keyOf(ticket.createdAt.getTime()));
      // A ticket solved twice in one period counts once there.
      let lastKey: string | null = null;
      for (const t of solveTimes(ticket, sorted)) {
        const key = periods.keyOf(t);
        if (key !== lastKey) bump(state.solved, key);
        lastKey = key;
      }
      for (const [from, to] of unresolvedIntervals(ticket, sorted)) {
        // Unresolved on [from, to): counts at the end of every period p with from < end(p) ≤ to.
        const a = periods.keyOf(from);
        if (to === null) bump(state.backlogDelta, a);
        else {
          const b = periods.keyOf(to);
          if (a !== b) {
            bump(state.backlogDelta, a);
            bump(state.backlogDelta, b, -1);
          }
        }
      }
      return this;
    },
    merge(other) {
      const s = stateOf<VolumeState>(other);
      if (s.interval !== interval || s.timeZone !== timeZone) {
        throw invalidOption(
          'volumesAccumulator',
          'interval',
          'cannot merge a state with a different interval or time zone',
        );
      }
      for (const [k, v] of Object.entries(s.created)) bump(state.created, k, v);
      for (const [k, v] of Object.entries(s.solved)) bump(state.solved, k, v);
      for (const [k, v] of Object.entries(s.backlogDelta)) bump(state.backlogDelta, k, v);
      return this;
    },
    result() {
      const keys = [
        ...Object.keys(state.created),
        ...Object.keys(state.solved),
        ...Object.keys(state.backlogDelta),
      ].sort();
      if (keys.length === 0) return [];
      let backlog = 0;
      return periods.range(keys[0]!, keys[keys.length - 1]!).map((period) => {
        backlog += own(state.backlogDelta, period.key) ?? 0;
        return {
          period: period.key,
          start: period.start,
          end: period.end,
          created: own(state.created, period.key) ?? 0,
          solved: own(state.solved, period.key) ?? 0,
          backlog,
        };
      });
    },
    toJSON: () => structuredClone(state),
  };
}

/**
 * Created, solved and backlog per day, week (Monday-based) or month in a time zone. Backlog at the end of a
 * period counts tickets created by then whose last status by then is not solved or closed. Periods run from the
 * first to the last with any activity, without gaps.
 *
 * @example
 * ```ts
 * import { volumes } from 'supportkit-ts';
 * for (const p of volumes(dataset, { interval: 'week', timeZone: 'Europe/Rome' })) {
 *   console.log(p.period, p.created, p.solved, p.backlog);
 * }
 * ```
 */
export function volumes(
  dataset: Pick<Dataset, 'tickets' | 'messages' | 'events'> | DatasetInput,
  options: VolumeOptions = {},
): VolumePeriod[] {
  const acc = volumesAccumulatorOf(options, true, 'volumes');
  const { tickets, events } = datasetArg(dataset, 'volumes', ['tickets', 'events']);
  for (const bundle of bundleDataset({ tickets, messages: [], events })) acc.add(bundle);
  return acc.result();
}
