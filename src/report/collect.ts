import { DateTime } from 'luxon';
import type { Instant } from '../metrics/business-time.js';
import { type NpsState, npsAccumulator } from '../metrics/nps.js';
import type { Interval } from '../metrics/periods.js';
import { PeriodIndex } from '../metrics/periods.js';
import { normalQuantile } from '../metrics/stats.js';
import type { SummaryState } from '../metrics/summarize.js';
import { recordSummarizer } from '../metrics/summarize-records.js';
import type { DatasetRecord } from '../models/dataset.js';
import type { Schedule } from '../models/schedule.js';
import type { DurationBucket, DurationHistogram, ReportData, ReportNames, SurveyPeriod } from './data.js';

/** Options of {@link reportCollector}: the summary's options plus the window and where the data came from. */
export interface ReportOptions {
  asOf: Instant;
  timeZone?: string;
  interval?: Interval;
  schedule?: Schedule;
  recentPeriods?: number;
  /** Tickets created at or after this (and surveys answered), epoch ms. */
  from?: number;
  /** Tickets created before this (and surveys answered), epoch ms. */
  to?: number;
  source: string;
  /**
   * Tickets remembered to attribute CSAT to a ticket's channel and group: the summarizer's default suits a
   * sync (surveys right after their ticket); Infinity matches `summarize` on a whole dataset.
   */
  ticketMemory?: number;
}

const BUCKETS: readonly [string, number, number | null][] = [
  ['< 15 min', 0, 15],
  ['15–60 min', 15, 60],
  ['1–4 h', 60, 240],
  ['4–8 h', 240, 480],
  ['8–24 h', 480, 1440],
  ['1–3 d', 1440, 4320],
  ['3–7 d', 4320, 10_080],
  ['> 7 d', 10_080, null],
];

function histogram(values: readonly number[]): DurationBucket[] {
  const buckets = BUCKETS.map(([label, from, to]) => ({ label, from, to, count: 0 }));
  for (const v of values) {
    const i = buckets.findIndex((b) => b.to === null || v < b.to);
    buckets[i]!.count++;
  }
  return buckets;
}

const durationHistogram = (
  values: { calendar: number[]; business: number[] },
  business: boolean,
): DurationHistogram => ({
  calendar: histogram(values.calendar),
  business: business ? histogram(values.business) : null,
});

/** Wilson score interval of a proportion, in percent (95%). */
function wilson(positive: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const z = normalQuantile(0.975);
  const p = positive / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half)];
}

/** Weekday (Monday 0) and hour of an instant in a zone, cached per quarter hour (offsets are whole quarters). */
function arrivalCell(zone: string) {
  const cache = new Map<number, number>();
  return (ms: number): number => {
    const quarter = Math.floor(ms / 900_000);
    let cell = cache.get(quarter);
    if (cell === undefined) {
      const local = DateTime.fromMillis(quarter * 900_000, { zone });
      cell = (local.weekday - 1) * 24 + local.hour;
      cache.set(quarter, cell);
    }
    return cell;
  };
}

/** The JSON state of the survey periods: per period key, CSAT counts and the NPS accumulator's state. */
type SurveysState = [string, { good: number; bad: number; nps: NpsState }][];

/**
 * The JSON state of a {@link reportCollector}, to merge with other shards of the same file.
 * @example `collector.merge(JSON.parse(JSON.stringify(otherShard.toJSON())));`
 */
export interface ReportCollectorState {
  summary: SummaryState;
  surveys: SurveysState;
  arrivals: number[];
  /** Per dimension, `[id, name, version ms]` of the latest version seen of each record. */
  names: NamesState;
}

/** The JSON state of the names: per breakdown dimension, `[id, name, version]` (version: updated time, ms). */
type NamesState = Record<keyof ReportNames, [string, string, number][]>;

const NAMED_KINDS = new Map([
  ['agents', 'agent'],
  ['groups', 'group'],
  ['organizations', 'organization'],
] as const);

/**
 * The latest name of each agent, group and organization: the version with the latest `updatedAt` wins, and a
 * later record wins a tie (a sync writes a changed record after the old one).
 */
function namesBook() {
  const books = new Map<keyof ReportNames, Map<string, [string, number]>>(
    [...NAMED_KINDS.values()].map((dimension) => [dimension, new Map()]),
  );
  const put = (dimension: keyof ReportNames, id: string, name: string, version: number) => {
    const book = books.get(dimension)!;
    const known = book.get(id);
    if (known === undefined || version >= known[1]) book.set(id, [name, version]);
  };
  return {
    add(kind: string, value: { id: string; name: string; updatedAt?: Date }): void {
      const dimension = NAMED_KINDS.get(kind as 'agents');
      if (dimension === undefined || value.name === '') return;
      put(dimension, value.id, value.name, value.updatedAt?.getTime() ?? Number.NEGATIVE_INFINITY);
    },
    toJSON(): NamesState {
      const out = {} as NamesState;
      for (const [dimension, book] of books)
        out[dimension] = [...book].map(([id, [name, version]]) => [id, name, version]);
      return out;
    },
    merge(state: NamesState): void {
      for (const [dimension, rows] of Object.entries(state) as [keyof ReportNames, NamesState['agent']][])
        if (books.has(dimension))
          for (const [id, name, version] of rows)
            put(dimension, id, name, version ?? Number.NEGATIVE_INFINITY);
    },
    result(): ReportNames {
      const out = {} as ReportNames;
      for (const [dimension, book] of books) {
        const names: Record<string, string> = Object.create(null);
        for (const [id, [name]] of book) names[id] = name;
        out[dimension] = names;
      }
      return out;
    },
  };
}

/** CSAT and NPS per period of the report, with their intervals. */
function surveyPeriods(interval: Interval, timeZone: string) {
  const periods = new PeriodIndex(interval, timeZone, 'report');
  const surveys = new Map<string, { good: number; bad: number; nps: ReturnType<typeof npsAccumulator> }>();
  const survey = (at: Date) => {
    const key = periods.keyOf(at.getTime());
    let entry = surveys.get(key);
    if (!entry) {
      entry = { good: 0, bad: 0, nps: npsAccumulator({ invalid: 'skip' }) };
      surveys.set(key, entry);
    }
    return entry;
  };
  return {
    add(record: Extract<DatasetRecord, { kind: 'csat' | 'nps' | 'ces' }>): void {
      if (record.kind === 'csat' && record.value.rating !== null) {
        const { rating } = record.value;
        // The library's CSAT: good, or the top-2 box of a 1..5 rating.
        const good = rating === 'good' || (typeof rating === 'number' && rating >= 4);
        survey(record.value.createdAt)[good ? 'good' : 'bad']++;
      }
      if (record.kind === 'nps') survey(record.value.createdAt).nps.add(record.value.score);
    },
    toJSON(): SurveysState {
      return [...surveys].map(([period, e]) => [period, { good: e.good, bad: e.bad, nps: e.nps.toJSON() }]);
    },
    merge(state: SurveysState): void {
      for (const [period, other] of state) {
        let entry = surveys.get(period);
        if (!entry) {
          entry = { good: 0, bad: 0, nps: npsAccumulator({ invalid: 'skip' }) };
          surveys.set(period, entry);
        }
        entry.good += other.good;
        entry.bad += other.bad;
        entry.nps.merge(other.nps);
      }
    },
    result(): SurveyPeriod[] {
      return [...surveys.keys()].sort().map((period) => {
        const entry = surveys.get(period)!;
        const n = entry.good + entry.bad;
        const result = entry.nps.result();
        return {
          period,
          csat: { score: n === 0 ? null : (100 * entry.good) / n, n, interval: wilson(entry.good, n) },
          nps: { score: result.score, n: result.n, interval: result.interval },
        };
      });
    },
  };
}

/**
 * Reads dataset records (grouped by ticket, as a sync writes them) into everything a report shows: the
 * library's summary over the tickets created in the window, plus histograms, satisfaction per period and the
 * weekday × hour arrivals. Pure: the caller reads the file.
 *
 * @example
 * ```ts
 * const collector = reportCollector({ asOf: '2026-04-01T00:00:00Z', timeZone: 'Europe/Rome', source: 'helpdesk/' });
 * for (const record of records) collector.push(record);
 * const data = collector.finish();
 * ```
 */
export function reportCollector(options: ReportOptions) {
  const timeZone = options.timeZone ?? 'UTC';
  const interval = options.interval ?? 'week';
  const summarizer = recordSummarizer({
    asOf: options.asOf,
    timeZone,
    interval,
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.recentPeriods ? { recentPeriods: options.recentPeriods } : {}),
    ...(options.ticketMemory ? { ticketMemory: options.ticketMemory } : {}),
  });
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  const inWindow = (at: Date) => at.getTime() >= from && at.getTime() < to;
  const surveys = surveyPeriods(interval, timeZone);
  const cell = arrivalCell(timeZone);
  const arrivals = new Array<number>(7 * 24).fill(0);
  const names = namesBook();
  let keepTicket = true;
  return {
    push(record: DatasetRecord): void {
      switch (record.kind) {
        case 'tickets':
          keepTicket = inWindow(record.value.createdAt);
          if (!keepTicket) return;
          arrivals[cell(record.value.createdAt.getTime())]!++;
          break;
        case 'messages':
        case 'events':
          if (!keepTicket) return;
          break;
        case 'csat':
        case 'nps':
        case 'ces':
          if (!inWindow(record.value.createdAt)) return;
          surveys.add(record);
          break;
        case 'agents':
        case 'groups':
        case 'organizations':
          names.add(record.kind, record.value);
          break;
        default:
          break;
      }
      summarizer.push(record);
    },
    /** The state at the end of a shard, to merge into the collector of another shard of the same file. */
    toJSON(): ReportCollectorState {
      summarizer.flush(); // the shard is read: its last ticket is complete
      return {
        summary: summarizer.accumulator.toJSON(),
        surveys: surveys.toJSON(),
        arrivals: [...arrivals],
        names: names.toJSON(),
      };
    },
    /** Adds another shard's state: the report then covers both. */
    merge(state: ReportCollectorState): void {
      summarizer.accumulator.merge(state.summary);
      surveys.merge(state.surveys);
      for (let i = 0; i < arrivals.length; i++) arrivals[i]! += state.arrivals[i] ?? 0;
      if (state.names) names.merge(state.names);
    },
    finish(): ReportData {
      const report = summarizer.finish();
      const state = summarizer.accumulator.toJSON();
      const business = state.hasBusiness;
      return {
        source: options.source,
        window: {
          from: Number.isFinite(from) ? new Date(from).toISOString() : null,
          to: Number.isFinite(to) ? new Date(to).toISOString() : null,
        },
        report,
        firstReply: durationHistogram(state.firstReply, business),
        resolution: durationHistogram(state.resolutionFirst, business),
        surveys: surveys.result(),
        arrivals: Array.from({ length: 7 }, (_, day) => arrivals.slice(day * 24, day * 24 + 24)),
        sections: [],
        names: names.result(),
      };
    },
  };
}
