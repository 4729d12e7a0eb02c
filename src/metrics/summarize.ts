import { invalidOption, ValidationError } from '../errors/validation.js';
import type { Dataset, DatasetInput, DatasetRecord } from '../models/dataset.js';
import type { MetricsReport } from '../models/metrics-report.js';
import type { Schedule } from '../models/schedule.js';
import { type Accumulator, stateOf } from './accumulator.js';
import type { BreakdownState } from './breakdowns.js';
import { bundleParsed, type TicketBundle } from './bundle.js';
import { type Instant, toMillis } from './business-time.js';
import type { CesState } from './ces.js';
import type { CsatState } from './csat.js';
import { bundleArg, datasetArg, groupArg, optionsArg, policyArg, scheduleArg, surveyArg } from './input.js';
import type { NpsState } from './nps.js';
import type { Interval } from './periods.js';
import {
  type DurationValues,
  preparedTicket,
  reportOf,
  type SummaryPart,
  type SummaryParts,
  type SummaryResults,
  summaryParts,
  summaryReferences,
} from './summary-parts.js';
import type { TagTrendState } from './tag-trends.js';
import type { TicketCounts } from './ticket-counts.js';
import type { VolumeState } from './volumes.js';

/** Options of {@link summarize} and {@link summaryAccumulator}. */
export interface SummaryOptions {
  /** The moment the report describes. @default dataset.asOf; required when the dataset has none */
  asOf?: Instant;
  /** Reporting time zone for volumes and trends. @default 'UTC' */
  timeZone?: string;
  /** Period of volumes and trends. @default 'week' */
  interval?: Interval;
  /**
   * Business hours for every ticket. @default the schedule of the ticket's group, else the dataset's first
   * schedule; business minutes are null when there is none
   */
  schedule?: Schedule;
  /** Recent periods compared against earlier ones in tag trends. @default 1 */
  recentPeriods?: number;
  /**
   * How many recent tickets to remember for attributing CSAT responses to a ticket's channel, group and
   * priority. Unlimited by default (surveys may come after all tickets); a stream that sends each survey right
   * after its ticket can keep this small so memory does not grow with tickets. @default Infinity
   */
  ticketMemory?: number;
  /**
   * Count tickets deleted in the helpdesk (status `deleted`) in volumes, backlog, times, SLA and breakdowns.
   * @default false
   */
  includeDeleted?: boolean;
}

/** What a {@link summaryAccumulator} takes: a ticket with its records, a survey, or reference data. */
export type SummaryInput =
  | { kind: 'bundle'; value: TicketBundle }
  | Extract<DatasetRecord, { kind: 'csat' | 'nps' | 'ces' | 'schedules' | 'groups' | 'slaPolicies' }>;

/** JSON state of {@link summaryAccumulator}: one key per metric, each the state of that metric's accumulator. */
export interface SummaryState {
  asOf: number;
  timeZone: string;
  interval: Interval;
  tickets: TicketCounts;
  firstReply: DurationValues & { unreplied: number };
  replyTimes: DurationValues;
  resolutionFirst: DurationValues;
  resolutionFull: DurationValues;
  hasBusiness: boolean;
  sla: Record<
    string,
    { achieved: number; breached: number; active: number; unmeasured: number; undecidedPolicy: number }
  >;
  breakdowns: BreakdownState;
  volumes: VolumeState;
  tagTrends: TagTrendState;
  csat: CsatState;
  nps: NpsState;
  ces: CesState;
}

/**
 * {@link summarize} as a mergeable accumulator: feed it ticket bundles and surveys (and reference data:
 * schedules, groups, SLA policies) shard by shard, merge the shards, read one {@link MetricsReport}. Memory grows
 * with tickets (exact medians need one value per ticket), never with messages.
 *
 * @example
 * ```ts
 * import { summaryAccumulator } from 'supportkit-ts';
 * const acc = summaryAccumulator({ asOf: dataset.asOf, timeZone: 'Europe/Rome' });
 * for (const value of dataset.schedules) acc.add({ kind: 'schedules', value });
 * acc.add({ kind: 'bundle', value: { ticket, messages, events } });
 * const report = acc.result();
 * ```
 */
export function summaryAccumulator(
  options: SummaryOptions & { asOf: Instant },
): Accumulator<SummaryInput, MetricsReport, SummaryState> {
  return summaryAccumulatorOf(options, false);
}

/** The input of a {@link summaryAccumulator}, validated by its kind's model. */
function summaryInputArg(input: unknown): SummaryInput {
  const fn = 'summaryAccumulator';
  const record = input as { kind?: unknown; value?: unknown } | null;
  switch (record !== null && typeof record === 'object' ? record.kind : undefined) {
    case 'bundle':
      return { kind: 'bundle', value: bundleArg(record!.value, fn) };
    case 'csat':
      return { kind: 'csat', value: surveyArg('csat', record!.value, fn) };
    case 'nps':
      return { kind: 'nps', value: surveyArg('nps', record!.value, fn) };
    case 'ces':
      return { kind: 'ces', value: surveyArg('ces', record!.value, fn) };
    case 'schedules':
      return { kind: 'schedules', value: scheduleArg(record!.value, fn) };
    case 'groups':
      return { kind: 'groups', value: groupArg(record!.value, fn) };
    case 'slaPolicies':
      return { kind: 'slaPolicies', value: policyArg(record!.value, fn) };
    default:
      throw new ValidationError(`${fn}() input`, [
        {
          path: ['kind'],
          code: 'invalid_value',
          message: 'expected bundle, csat, nps, ces, schedules, groups or slaPolicies',
        },
      ]);
  }
}

/** The inputs the metrics take; reference data is kept aside before them. */
const ITEM_KINDS: ReadonlySet<string> = new Set(['bundle', 'csat', 'nps', 'ces']);

/**
 * {@link summaryAccumulator}; `trusted` skips the input checks for inputs validated by the caller (internal).
 * @example `summaryAccumulatorOf({ asOf, ticketMemory: 10_000 }, true).add(parsedRecord);`
 */
export function summaryAccumulatorOf(
  options: SummaryOptions & { asOf: Instant },
  trusted: boolean,
): Accumulator<SummaryInput, MetricsReport, SummaryState> {
  options = optionsArg(options, 'summarize');
  if (options.schedule !== undefined)
    options = { ...options, schedule: scheduleArg(options.schedule, 'summarize') };
  const asOf = toMillis(options.asOf, 'summarize() asOf');
  const timeZone = options.timeZone ?? 'UTC';
  const interval = options.interval ?? 'week';
  const references = summaryReferences(options.schedule);
  // The parts check interval and time zone first, as they always have; then the memory option.
  const parts = summaryParts({ ...options, asOf, timeZone, interval }, references);
  if (!((options.ticketMemory ?? 1) >= 1)) throw invalidOption('summarize', 'ticketMemory', 'must be ≥ 1');
  const each = Object.entries(parts) as [keyof SummaryParts, SummaryPart<unknown, unknown>][];

  return {
    add(raw) {
      const input = trusted ? raw : summaryInputArg(raw);
      if (references.add(input)) return this;
      if (!ITEM_KINDS.has(input.kind)) {
        throw new ValidationError('summaryAccumulator() input', [
          { path: ['kind'], code: 'invalid_value', message: 'is not a kind of record summarize reads' },
        ]);
      }
      const item = input.kind === 'bundle' ? preparedTicket(input.value, options.includeDeleted) : input;
      if (item) for (const [, part] of each) part.add(item);
      return this;
    },
    merge(other) {
      const s = stateOf<SummaryState>(other);
      if (s.asOf !== asOf || s.timeZone !== timeZone || s.interval !== interval) {
        throw invalidOption(
          'summaryAccumulator',
          'asOf',
          'cannot merge a state with a different asOf, timeZone or interval',
        );
      }
      for (const [key, part] of each) part.merge(s[key], s);
      return this;
    },
    result: () =>
      reportOf(
        asOf,
        timeZone,
        interval,
        Object.fromEntries(each.map(([key, part]) => [key, part.result()])) as SummaryResults,
      ),
    toJSON: () =>
      ({
        asOf,
        timeZone,
        interval,
        ...Object.fromEntries(each.map(([key, part]) => [key, part.toJSON()])),
      }) as SummaryState,
  };
}

/**
 * Everything at once: volumes, first reply and reply times, resolution, reopens, CSAT, NPS, CES, SLA attainment,
 * contact trends and breakdowns by channel, agent, group and priority — as one {@link MetricsReport}.
 *
 * @example
 * ```ts
 * import { summarize } from 'supportkit-ts';
 * const report = summarize(dataset, { timeZone: 'Europe/Rome', interval: 'week' });
 * report.firstReply.businessMinutes?.median;
 * report.nps.score; report.nps.marginOfError;
 * report.tagTrends.tags.filter((t) => t.rising);
 * ```
 */
export function summarize(dataset: Dataset | DatasetInput, options: SummaryOptions = {}): MetricsReport {
  const opts = optionsArg(options, 'summarize');
  const data = datasetArg(dataset, 'summarize', [
    'tickets',
    'messages',
    'events',
    'csat',
    'nps',
    'ces',
    'schedules',
    'groups',
    'slaPolicies',
  ]);
  const asOf = opts.asOf ?? data.asOf;
  if (asOf === undefined) {
    throw new ValidationError('summarize() options', [
      {
        path: ['asOf'],
        code: 'invalid_type',
        message: 'required: the dataset has no asOf and none was given',
      },
    ]);
  }
  const acc = summaryAccumulatorOf({ ...opts, asOf }, true);
  for (const value of data.schedules) acc.add({ kind: 'schedules', value });
  for (const value of data.groups) acc.add({ kind: 'groups', value });
  for (const value of data.slaPolicies) acc.add({ kind: 'slaPolicies', value });
  for (const value of bundleParsed(data)) acc.add({ kind: 'bundle', value });
  for (const value of data.csat) acc.add({ kind: 'csat', value });
  for (const value of data.nps) acc.add({ kind: 'nps', value });
  for (const value of data.ces) acc.add({ kind: 'ces', value });
  return acc.result();
}
