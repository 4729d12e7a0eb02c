import { invalidOption, ValidationError } from '../errors/validation.js';
import type { Dataset, DatasetInput, DatasetRecord } from '../models/dataset.js';
import type { Group } from '../models/group.js';
import type { MetricsReport } from '../models/metrics-report.js';
import type { Schedule } from '../models/schedule.js';
import { type SlaMetric, SlaMetric as SlaMetricSchema, type SlaPolicy } from '../models/sla-policy.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { type Accumulator, stateOf } from './accumulator.js';
import { type BreakdownState, breakdownsAccumulator } from './breakdowns.js';
import { bundleParsed, type TicketBundle } from './bundle.js';
import { type Instant, toMillis } from './business-time.js';
import { type CesState, cesAccumulator } from './ces.js';
import { type CsatState, csatAccumulator } from './csat.js';
import {
  bundleArg,
  datasetArg,
  groupArg,
  optionsArg,
  policyArg,
  recordArg,
  scheduleArg,
  surveyArg,
} from './input.js';
import { type NpsState, npsAccumulator } from './nps.js';
import type { Interval } from './periods.js';
import { appliedSlaPolicyOf } from './sla-match.js';
import { type TagTrendState, tagTrendsAccumulatorOf } from './tag-trends.js';
import {
  type DurationDistribution,
  type DurationState,
  firstReplyAccumulatorOf,
  replyTimesAccumulatorOf,
  resolutionAccumulatorOf,
  slaAccumulatorOf,
} from './ticket-accumulators.js';
import { type TicketCounts, ticketCountsAccumulator } from './ticket-counts.js';
import { sortedEvents, sortedMessages } from './timeline.js';
import { type VolumeState, volumesAccumulatorOf } from './volumes.js';

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

/**
 * The SLA metrics the report lists, in its order (every metric the model knows, so a metric without targets
 * still shows its zeros). Not to be confused with a vendor adapter's table of its own SLA metric names.
 */
const REPORTED_SLA_METRICS: readonly SlaMetric[] = SlaMetricSchema.options;

/** Durations as the summary state stores them: the values, so medians stay exact after merging. */
interface DurationValues {
  calendar: number[];
  business: number[];
}

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

/** What the summary's metrics are fed: a ticket with its records in time order, or a survey response. */
type SummaryItem = Extract<SummaryInput, { kind: 'bundle' | 'csat' | 'nps' | 'ces' }>;

/**
 * One metric of the summary: its accumulator, the inputs it takes, and its state under its key of
 * {@link SummaryState}. `merge` also sees the whole state, for the flag every duration shares (`hasBusiness`).
 */
interface SummaryPart<S, R> {
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
 */
function summaryReferences(fixedSchedule: Schedule | undefined) {
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
 * The summary's metrics, one accumulator per key of {@link SummaryState}, in the order the state lists them.
 * A new metric in the report is one more accumulator here and its place in {@link reportOf}.
 */
function summaryParts(
  options: SummaryOptions & { asOf: number; timeZone: string; interval: Interval },
  references: ReturnType<typeof summaryReferences>,
) {
  const { asOf, timeZone, interval } = options;
  const perTicket = { scheduleOf: references.scheduleOf };
  // Deleted tickets are left out (or not) before the parts see them: each part takes what it is given.
  const all = { includeDeleted: true };
  const hasBusiness = hasBusinessPart(references.scheduleOf);
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
    volumes: partOf(volumesAccumulatorOf({ interval, timeZone }, true, 'summarize'), bundleOf),
    tagTrends: partOf(
      tagTrendsAccumulatorOf(
        { interval, timeZone, baseline: { recent: options.recentPeriods ?? 1 } },
        true,
        'summarize',
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

type SummaryParts = ReturnType<typeof summaryParts>;
type SummaryResults = { [K in keyof SummaryParts]: ReturnType<SummaryParts[K]['result']> };

/** The report's layout: where each part's result goes, in the order {@link MetricsReport} lists them. */
function reportOf(asOf: number, timeZone: string, interval: Interval, r: SummaryResults): MetricsReport {
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
 * {@link summarize} as a mergeable accumulator: feed it ticket bundles and surveys (and reference data:
 * schedules, groups, SLA policies) shard by shard, merge the shards, read one {@link MetricsReport}. Memory grows
 * with tickets (exact medians need one value per ticket), never with messages.
 *
 * @example
 * ```ts
 * import { summaryAccumulator } from 'supportkit';
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

/** {@link summaryAccumulator}; `trusted` skips the input checks for inputs validated by the caller (internal). */
function summaryAccumulatorOf(
  options: SummaryOptions & { asOf: Instant },
  trusted: boolean,
): Accumulator<SummaryInput, MetricsReport, SummaryState> {
  options = optionsArg(options, 'summarize');
  if (options.schedule !== undefined)
    options = { ...options, schedule: scheduleArg(options.schedule, 'summarize') };
  const asOf = toMillis(options.asOf, 'summarize() asOf');
  const timeZone = options.timeZone ?? 'UTC';
  const interval = options.interval ?? 'week';
  if (!((options.ticketMemory ?? 1) >= 1)) throw invalidOption('summarize', 'ticketMemory', 'must be ≥ 1');
  const references = summaryReferences(options.schedule);
  const parts = summaryParts({ ...options, asOf, timeZone, interval }, references);
  const each = Object.entries(parts) as [keyof SummaryParts, SummaryPart<unknown, unknown>][];

  return {
    add(raw) {
      const input = trusted ? raw : summaryInputArg(raw);
      if (references.add(input)) return this;
      const item = input.kind === 'bundle' ? prepared(input.value, options.includeDeleted) : input;
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
 * A ticket as the summary's metrics take it: records in time order (sorted once for all of them); undefined
 * for a ticket deleted in the helpdesk unless the report counts those.
 */
function prepared(
  { ticket, messages, events }: TicketBundle,
  includeDeleted: boolean | undefined,
): SummaryItem | undefined {
  if (ticket.status === 'deleted' && !includeDeleted) return undefined;
  return {
    kind: 'bundle',
    value: { ticket, messages: sortedMessages(ticket, messages), events: sortedEvents(ticket, events) },
  };
}

/**
 * Everything at once: volumes, first reply and reply times, resolution, reopens, CSAT, NPS, CES, SLA attainment,
 * contact trends and breakdowns by channel, agent, group and priority — as one {@link MetricsReport}.
 *
 * @example
 * ```ts
 * import { summarize } from 'supportkit';
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

/**
 * Feeds dataset records, grouped by ticket, into a {@link summaryAccumulator} one at a time: the push-style
 * core of {@link summarizeRecords}, for callers that read records themselves (a file reader, a queue consumer).
 *
 * @example
 * ```ts
 * import { recordSummarizer } from 'supportkit';
 * const summarizer = recordSummarizer({ asOf: new Date(), timeZone: 'Europe/Rome' });
 * for (const record of records) summarizer.push(record);
 * const report = summarizer.finish();
 * ```
 */
export function recordSummarizer(options: SummaryOptions & { asOf: Instant }) {
  // Surveys follow their ticket in a grouped stream, so a short memory of tickets is enough to attribute them.
  const acc = summaryAccumulatorOf(
    { ticketMemory: 10_000, ...optionsArg(options, 'recordSummarizer') },
    true,
  );
  let current: {
    ticket: Ticket;
    messages: TicketBundle['messages'][number][];
    events: TicketBundle['events'][number][];
  } | null = null;
  let index = 0;
  const flush = () => {
    if (current) acc.add({ kind: 'bundle', value: current });
    current = null;
  };
  return {
    /** Adds one record. Messages and events must follow their ticket. */
    push(input: DatasetRecord): void {
      const record = recordArg(input, 'recordSummarizer', index) as DatasetRecord;
      switch (record.kind) {
        case 'tickets':
          flush();
          current = { ticket: record.value, messages: [], events: [] };
          break;
        case 'messages':
        case 'events': {
          if (!current || current.ticket.id !== record.value.ticketId) {
            throw new ValidationError('record stream', [
              {
                path: [index, 'ticketId'],
                code: 'custom',
                message: 'record does not follow its ticket: records must be grouped by ticket',
              },
            ]);
          }
          if (record.kind === 'messages') current.messages.push(record.value);
          else current.events.push(record.value);
          break;
        }
        case 'csat':
          flush(); // its ticket is complete: attribute the response to the ticket's channel, group and priority
          acc.add(record);
          break;
        case 'nps':
        case 'ces':
        case 'schedules':
        case 'groups':
        case 'slaPolicies':
          acc.add(record);
          break;
        default:
          break; // customers, agents, organizations, SOPs and articles do not enter the report
      }
      index++;
    },
    /** Flushes the last ticket and returns the report. */
    finish(): MetricsReport {
      flush();
      return acc.result();
    },
    /** The accumulator, to merge with other shards. */
    accumulator: acc,
  };
}

/**
 * Summarises a stream of dataset records (a JSONL file, a sync, the generator) holding one ticket's records at a
 * time. Records must come grouped by ticket — each ticket followed by its messages and events — as the generator
 * and supportkit's sync write them; reference data (schedules, groups, SLA policies) must come before the
 * tickets that need it. A message or event out of place is a ValidationError. An async source may deliver
 * records in batches (arrays), which saves a promise per record.
 *
 * @example
 * ```ts
 * import { summarizeRecords } from 'supportkit';
 * import { streamDataset, datasetAsOf } from 'supportkit/testing';
 * const options = { tickets: 100_000, days: 180 };
 * const report = await summarizeRecords(streamDataset(options), { asOf: datasetAsOf(options) });
 * ```
 */
export async function summarizeRecords(
  records: Iterable<DatasetRecord> | AsyncIterable<DatasetRecord | readonly DatasetRecord[]>,
  options: SummaryOptions & { asOf: Instant },
): Promise<MetricsReport> {
  const summarizer = recordSummarizer(options);
  if (
    records === null ||
    typeof records !== 'object' ||
    (!(Symbol.iterator in records) && !(Symbol.asyncIterator in records))
  ) {
    throw new ValidationError('summarizeRecords() records', [
      { path: [], code: 'invalid_type', message: 'expected an iterable or async iterable of records' },
    ]);
  }
  if (Symbol.iterator in records) {
    for (const record of records) summarizer.push(record);
  } else {
    for await (const item of records) {
      if (Array.isArray(item)) for (const record of item as readonly DatasetRecord[]) summarizer.push(record);
      else summarizer.push(item as DatasetRecord);
    }
  }
  return summarizer.finish();
}
