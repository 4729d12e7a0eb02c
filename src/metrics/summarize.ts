import { invalidOption, ValidationError } from '../errors/validation.js';
import type { Dataset, DatasetInput, DatasetRecord } from '../models/dataset.js';
import type { Group } from '../models/group.js';
import type { MetricsReport } from '../models/metrics-report.js';
import type { Schedule } from '../models/schedule.js';
import { type SlaMetric, SlaMetric as SlaMetricSchema, type SlaPolicy } from '../models/sla-policy.js';
import type { Ticket } from '../models/ticket.js';
import { type Accumulator, stateOf } from './accumulator.js';
import { bundleParsed, type TicketBundle, unresolvedIntervals } from './bundle.js';
import { type Instant, toMillis } from './business-time.js';
import { type CesState, cesAccumulator } from './ces.js';
import { type CsatState, csatAccumulator } from './csat.js';
import { findFirstReply } from './first-reply.js';
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
import { keyedTable, own } from './keyed.js';
import { type NpsState, npsAccumulator } from './nps.js';
import type { Interval } from './periods.js';
import { replyTimesOf } from './reply-times.js';
import { reopensOf, resolutionTimesOf } from './resolution.js';
import { slaStatusOf, slaTargetsOf } from './sla.js';
import { type SlaPolicySelection, selectSlaPolicyOf } from './sla-match.js';
import { summarizeValues } from './stats.js';
import { type TagTrendState, tagTrendsAccumulatorOf } from './tag-trends.js';
import { type Duration, measure, sortedEvents, sortedMessages } from './timeline.js';
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

type Dimension = 'channel' | 'agent' | 'group' | 'priority';
const DIMENSIONS: Dimension[] = ['channel', 'agent', 'group', 'priority'];
const SLA_METRICS: readonly SlaMetric[] = SlaMetricSchema.options;
/** The priority breakdown's row for tickets without a priority (like `(unassigned)` and `(no group)`). */
const NO_PRIORITY = '(no priority)';

interface DurationValues {
  calendar: number[];
  business: number[];
}
interface BreakdownCell {
  tickets: number;
  firstReply: DurationValues;
  csat: CsatState;
}

/** JSON state of {@link summaryAccumulator}. */
export interface SummaryState {
  asOf: number;
  timeZone: string;
  interval: Interval;
  tickets: {
    total: number;
    unresolved: number;
    reopenedTickets: number;
    reopens: number;
    agentCreated: number;
  };
  firstReply: DurationValues & { unreplied: number };
  replyTimes: DurationValues;
  resolutionFirst: DurationValues;
  resolutionFull: DurationValues;
  hasBusiness: boolean;
  csat: CsatState;
  nps: NpsState;
  ces: CesState;
  sla: Record<
    string,
    { achieved: number; breached: number; active: number; unmeasured: number; undecidedPolicy: number }
  >;
  volumes: VolumeState;
  tagTrends: TagTrendState;
  breakdowns: Record<Dimension, Record<string, BreakdownCell>>;
}

const emptyValues = (): DurationValues => ({ calendar: [], business: [] });
const pushDuration = (target: DurationValues, d: Duration) => {
  target.calendar.push(d.calendarMinutes);
  if (d.businessMinutes !== null) target.business.push(d.businessMinutes);
};
const concat = (target: DurationValues, other: DurationValues) => {
  for (const v of other.calendar) target.calendar.push(v);
  for (const v of other.business) target.business.push(v);
};

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
  const volumes = volumesAccumulatorOf({ interval, timeZone }, true, 'summarize');
  const trends = tagTrendsAccumulatorOf(
    { interval, timeZone, baseline: { recent: options.recentPeriods ?? 1 } },
    true,
    'summarize',
  );
  const csat = csatAccumulator({ invalid: 'skip' });
  const nps = npsAccumulator({ invalid: 'skip' });
  const ces = cesAccumulator({ invalid: 'skip' });
  const schedules = new Map<string, Schedule>();
  let firstSchedule: Schedule | undefined;
  const groups = new Map<string, Group>();
  const policies: SlaPolicy[] = [];
  /** The dimensions of tickets seen in this shard, to attribute their surveys. */
  const ticketDims = new Map<string, Record<Dimension, string>>();
  const ticketMemory = options.ticketMemory ?? Number.POSITIVE_INFINITY;
  if (!(ticketMemory >= 1)) throw invalidOption('summarize', 'ticketMemory', 'must be ≥ 1');

  const state: Omit<SummaryState, 'volumes' | 'tagTrends' | 'csat' | 'nps' | 'ces'> = {
    asOf,
    timeZone,
    interval,
    tickets: { total: 0, unresolved: 0, reopenedTickets: 0, reopens: 0, agentCreated: 0 },
    firstReply: { ...emptyValues(), unreplied: 0 },
    replyTimes: emptyValues(),
    resolutionFirst: emptyValues(),
    resolutionFull: emptyValues(),
    hasBusiness: false,
    sla: Object.fromEntries(
      SLA_METRICS.map((m) => [m, { achieved: 0, breached: 0, active: 0, unmeasured: 0, undecidedPolicy: 0 }]),
    ),
    breakdowns: {
      channel: keyedTable(),
      agent: keyedTable(),
      group: keyedTable(),
      priority: keyedTable(),
    },
  };

  const cell = (dimension: Dimension, key: string): BreakdownCell => {
    const table = state.breakdowns[dimension];
    let found = own(table, key);
    if (!found) {
      found = {
        tickets: 0,
        firstReply: emptyValues(),
        csat: { positive: 0, negative: 0, unanswered: 0, skipped: 0 },
      };
      table[key] = found;
    }
    return found;
  };

  const scheduleFor = (ticket: Ticket): Schedule | undefined => {
    if (options.schedule) return options.schedule;
    const id = ticket.groupId ? groups.get(ticket.groupId)?.scheduleId : null;
    return (id ? schedules.get(id) : undefined) ?? firstSchedule;
  };

  const policyFor = (ticket: Ticket, events: TicketBundle['events']): SlaPolicySelection => {
    const applied = events.find((e) => e.type === 'sla' && e.to !== null);
    if (applied) {
      const policy = policies.find((p) => p.id === applied.to);
      return policy ? { outcome: 'policy', policy } : { outcome: 'none' };
    }
    return selectSlaPolicyOf(policies, ticket);
  };

  const addBundle = ({ ticket, messages, events }: TicketBundle) => {
    if (ticket.status === 'deleted' && !options.includeDeleted) return;
    const schedule = scheduleFor(ticket);
    if (schedule) state.hasBusiness = true;
    const sortedM = sortedMessages(ticket, messages);
    const sortedE = sortedEvents(ticket, events);
    const bundle = { ticket, messages: sortedM, events: sortedE };
    volumes.add(bundle);
    trends.add(ticket);
    const t = state.tickets;
    t.total++;
    const open = unresolvedIntervals(ticket, sortedE).some(
      ([from, to]) => from <= asOf && (to === null || to > asOf),
    );
    if (open) t.unresolved++;
    const reopenCount = reopensOf(ticket, sortedE);
    t.reopens += reopenCount;
    if (reopenCount > 0) t.reopenedTickets++;
    const firstPublic = sortedM.find((m) => m.public);
    if (firstPublic?.authorRole === 'agent') t.agentCreated++;

    const dims: Record<Dimension, string> = {
      channel: ticket.channel,
      agent: ticket.assigneeId ?? '(unassigned)',
      group: ticket.groupId ?? '(no group)',
      priority: ticket.priority ?? NO_PRIORITY,
    };
    ticketDims.set(ticket.id, dims);
    if (ticketDims.size > ticketMemory) ticketDims.delete(ticketDims.keys().next().value!); // oldest first
    const reply = findFirstReply(sortedM, 'from-creation');
    const created = ticket.createdAt.getTime();
    const replyDuration = reply ? measure(created, reply.createdAt.getTime(), schedule) : null;
    if (replyDuration) pushDuration(state.firstReply, replyDuration);
    else state.firstReply.unreplied++;
    for (const dimension of DIMENSIONS) {
      const c = cell(dimension, dims[dimension]);
      c.tickets++;
      if (replyDuration) pushDuration(c.firstReply, replyDuration);
    }
    for (const span of replyTimesOf(ticket, sortedM, schedule ? { schedule } : {})) {
      if (span.duration) pushDuration(state.replyTimes, span.duration);
    }
    const resolution = resolutionTimesOf(ticket, sortedE, schedule ? { schedule } : {});
    if (resolution.firstResolution) pushDuration(state.resolutionFirst, resolution.firstResolution);
    if (resolution.fullResolution) pushDuration(state.resolutionFull, resolution.fullResolution);

    const selection = policyFor(ticket, sortedE);
    if (selection.outcome === 'undecided') {
      // The policy hangs on conditions a canonical ticket cannot settle: unmeasured under every metric a
      // candidate would measure, never measured under a policy that may not be its own.
      const metrics = new Set(
        selection.candidates.flatMap((p) => slaTargetsOf(ticket, sortedE, p).map((t) => t.metric)),
      );
      for (const metric of metrics) {
        state.sla[metric]!.unmeasured++;
        state.sla[metric]!.undecidedPolicy++;
      }
    }
    const policy = selection.outcome === 'policy' ? selection.policy : undefined;
    if (policy) {
      const targets = slaTargetsOf(ticket, sortedE, policy);
      if (schedule || !targets.some((target) => target.businessHours)) {
        for (const target of slaStatusOf(ticket, sortedM, sortedE, policy, {
          asOf,
          ...(schedule ? { schedule } : {}),
        })) {
          state.sla[target.metric]![target.state]++;
        }
      } else {
        // Business-hours targets with no schedule to count them in: reported, not silently dropped.
        for (const metric of new Set(targets.map((t) => t.metric))) state.sla[metric]!.unmeasured++;
      }
    }
  };

  const addCsatToBreakdowns = (value: Extract<SummaryInput, { kind: 'csat' }>['value']) => {
    const dims = value.ticketId ? ticketDims.get(value.ticketId) : undefined;
    for (const dimension of DIMENSIONS) {
      const key =
        dimension === 'agent' && value.agentId ? value.agentId : (dims?.[dimension] ?? '(unknown ticket)');
      const c = cell(dimension, key).csat;
      if (value.rating === null) c.unanswered++;
      else if (value.rating === 'good' || (typeof value.rating === 'number' && value.rating >= 4))
        c.positive++;
      else c.negative++;
    }
  };

  const accumulator: Accumulator<SummaryInput, MetricsReport, SummaryState> = {
    add(raw) {
      const input = trusted ? raw : summaryInputArg(raw);
      switch (input.kind) {
        case 'bundle':
          addBundle(input.value);
          break;
        case 'csat':
          csat.add(input.value);
          addCsatToBreakdowns(input.value);
          break;
        case 'nps':
          nps.add(input.value);
          break;
        case 'ces':
          ces.add(input.value);
          break;
        case 'schedules':
          if (input.value.id) schedules.set(input.value.id, input.value);
          firstSchedule ??= input.value;
          break;
        case 'groups':
          groups.set(input.value.id, input.value);
          break;
        case 'slaPolicies':
          policies.push(input.value);
          break;
        default:
          throw new ValidationError('summaryAccumulator() input', [
            { path: ['kind'], code: 'invalid_value', message: 'is not a kind of record summarize reads' },
          ]);
      }
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
      for (const key of Object.keys(state.tickets) as (keyof SummaryState['tickets'])[])
        state.tickets[key] += s.tickets[key];
      concat(state.firstReply, s.firstReply);
      state.firstReply.unreplied += s.firstReply.unreplied;
      concat(state.replyTimes, s.replyTimes);
      concat(state.resolutionFirst, s.resolutionFirst);
      concat(state.resolutionFull, s.resolutionFull);
      state.hasBusiness ||= s.hasBusiness;
      for (const metric of SLA_METRICS) {
        for (const k of ['achieved', 'breached', 'active', 'unmeasured', 'undecidedPolicy'] as const)
          state.sla[metric]![k] += s.sla[metric]![k] ?? 0;
      }
      for (const dimension of DIMENSIONS) {
        for (const [key, other] of Object.entries(s.breakdowns[dimension])) {
          const c = cell(dimension, key);
          c.tickets += other.tickets;
          concat(c.firstReply, other.firstReply);
          for (const k of ['positive', 'negative', 'unanswered', 'skipped'] as const)
            c.csat[k] += other.csat[k];
        }
      }
      volumes.merge(s.volumes);
      trends.merge(s.tagTrends);
      csat.merge(s.csat);
      nps.merge(s.nps);
      ces.merge(s.ces);
      return this;
    },
    result() {
      const duration = (values: DurationValues) => ({
        calendarMinutes: summarizeValues(values.calendar),
        businessMinutes: state.hasBusiness ? summarizeValues(values.business) : null,
      });
      const breakdown = (dimension: Dimension) =>
        Object.entries(state.breakdowns[dimension])
          .map(([key, c]) => {
            const n = c.csat.positive + c.csat.negative;
            return {
              key,
              tickets: c.tickets,
              firstReply: duration(c.firstReply),
              csat: { score: n === 0 ? null : (100 * c.csat.positive) / n, n },
            };
          })
          .sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
      return {
        asOf: new Date(asOf),
        timeZone,
        interval,
        tickets: { ...state.tickets },
        firstReply: {
          ...duration(state.firstReply),
          replied: state.firstReply.calendar.length,
          unreplied: state.firstReply.unreplied,
        },
        replyTimes: duration(state.replyTimes),
        resolution: { first: duration(state.resolutionFirst), full: duration(state.resolutionFull) },
        csat: csat.result(),
        nps: nps.result(),
        ces: ces.result(),
        sla: SLA_METRICS.map((metric) => {
          const { achieved, breached, active, unmeasured, undecidedPolicy } = state.sla[metric]!;
          return {
            metric,
            achieved,
            breached,
            active,
            unmeasured,
            undecidedPolicy,
            attainment: achieved + breached === 0 ? null : (100 * achieved) / (achieved + breached),
          };
        }),
        volumes: volumes.result(),
        tagTrends: trends.result(),
        breakdowns: {
          channel: breakdown('channel'),
          agent: breakdown('agent'),
          group: breakdown('group'),
          priority: breakdown('priority'),
        },
      };
    },
    toJSON: () => ({
      ...structuredClone(state),
      volumes: volumes.toJSON(),
      tagTrends: trends.toJSON(),
      csat: csat.toJSON(),
      nps: nps.toJSON(),
      ces: ces.toJSON(),
    }),
  };
  return accumulator;
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
