import { invalidOption } from '../errors/validation.js';
import type { Dataset, DatasetInput } from '../models/dataset.js';
import type { Ticket } from '../models/ticket.js';
import { type Accumulator, stateOf } from './accumulator.js';
import { datasetArg, optionsArg, ticketArg } from './input.js';
import { bump, keyedTable, own } from './keyed.js';
import { checkPeriodOptions, type Interval, PeriodIndex, type PeriodSteps } from './periods.js';
import { erfc } from './stats.js';

/** Options of {@link tagTrends}. */
export interface TagTrendOptions {
  /** @default 'week' */
  interval?: Interval;
  /** @default 'UTC' */
  timeZone?: string;
  /**
   * The windows to compare: the latest `recent` periods against the `periods` before them (all earlier
   * periods when omitted). @default { recent: 1 }
   */
  baseline?: { recent?: number; periods?: number };
  /** False-discovery rate for flagging rising tags (Benjamini–Hochberg over all tags tested). @default 0.05 */
  alpha?: number;
  /** Pairs seen on fewer tickets than this are left out of `cooccurrence`. @default 5 */
  minPairSupport?: number;
}

/** One tag's trend. */
export interface TagTrend {
  tag: string;
  /** Tickets with the tag in each period, aligned with `TagTrends.periods`. */
  counts: number[];
  /** counts ÷ tickets created in the period, in percent (null for an empty period). */
  shares: (number | null)[];
  baselineShare: number | null;
  recentShare: number | null;
  /** recentShare ÷ baselineShare; null when the baseline share is 0 or unknown. */
  growth: number | null;
  /** One-sided p-value of the two-proportion z-test (recent share > baseline share). */
  pValue: number | null;
  /** Significant after Benjamini–Hochberg at `alpha`, and the share went up. */
  rising: boolean;
  /** Absent from the baseline window, present in the recent one. */
  isNew: boolean;
}

/** Two tags that appear on the same tickets, and how much more often than chance. */
export interface TagPair {
  tags: [string, string];
  count: number;
  /** P(a ∧ b) ÷ (P(a)·P(b)); above 1 means the tags go together more than chance. */
  lift: number;
}

/** The contact-trends view: why customers write, and what is new. */
export interface TagTrends {
  periods: string[];
  totals: number[];
  /** Baseline and recent windows as period keys. */
  baseline: { from: string; to: string } | null;
  recent: { from: string; to: string } | null;
  tags: TagTrend[];
  cooccurrence: TagPair[];
  /** How rising tags were decided, in words. */
  test: string;
}

/** JSON state of {@link tagTrendsAccumulator}. */
export interface TagTrendState {
  interval: Interval;
  timeZone: string;
  totals: Record<string, number>;
  /** tag → period → count */
  counts: Record<string, Record<string, number>>;
  tagTotals: Record<string, number>;
  /** "a\u0000b" → count, a < b */
  pairs: Record<string, number>;
  tickets: number;
}

/** Benjamini–Hochberg: which p-values are discoveries at false-discovery rate alpha. */
function benjaminiHochberg(pValues: (number | null)[], alpha: number): boolean[] {
  const indexed = pValues
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null);
  indexed.sort((a, b) => a.p - b.p);
  const m = indexed.length;
  let cutoff = -1;
  indexed.forEach((x, k) => {
    if (x.p <= ((k + 1) / m) * alpha) cutoff = k;
  });
  const out = pValues.map(() => false);
  for (let k = 0; k <= cutoff; k++) out[indexed[k]!.i] = true;
  return out;
}

/**
 * {@link tagTrends} as a mergeable accumulator over tickets.
 *
 * @example
 * ```ts
 * import { tagTrendsAccumulator } from 'supportkit-ts';
 * const acc = tagTrendsAccumulator({ interval: 'week' });
 * for (const ticket of dataset.tickets) acc.add(ticket);
 * acc.result().tags.filter((t) => t.rising);
 * ```
 */
export function tagTrendsAccumulator(
  options: TagTrendOptions = {},
): Accumulator<Ticket, TagTrends, TagTrendState> {
  return tagTrendsAccumulatorOf(options, false);
}

/**
 * {@link tagTrendsAccumulator}; `trusted` skips the input checks for tickets validated by the caller (internal);
 * `steps`: period starts shared with the report's other metrics.
 * @example `tagTrendsAccumulatorOf({ interval: 'week' }, true).add(parsedTicket).result();`
 */
export function tagTrendsAccumulatorOf(
  options: TagTrendOptions,
  trusted: boolean,
  fn = 'tagTrends',
  steps?: PeriodSteps,
): Accumulator<Ticket, TagTrends, TagTrendState> {
  const settings = trendSettings(optionsArg(options, fn));
  const { interval, timeZone } = settings;
  const periods = new PeriodIndex(interval, timeZone, 'tagTrends', steps);
  const state: TagTrendState = {
    interval,
    timeZone,
    totals: keyedTable(),
    counts: keyedTable(),
    tagTotals: keyedTable(),
    pairs: keyedTable(),
    tickets: 0,
  };
  const countsOf = (tag: string): Record<string, number> => {
    let byPeriod = own(state.counts, tag);
    if (!byPeriod) {
      byPeriod = keyedTable();
      state.counts[tag] = byPeriod;
    }
    return byPeriod;
  };

  return {
    add(input) {
      const ticket = trusted ? input : ticketArg(input, 'tagTrendsAccumulator');
      const key = periods.keyOf(ticket.createdAt.getTime());
      state.tickets++;
      bump(state.totals, key);
      const tags = ticket.tags.length < 2 ? ticket.tags : [...new Set(ticket.tags)].sort();
      for (const tag of tags) {
        bump(countsOf(tag), key);
        bump(state.tagTotals, tag);
      }
      for (let i = 0; i < tags.length; i++) {
        for (let j = i + 1; j < tags.length; j++) bump(state.pairs, `${tags[i]}\u0000${tags[j]}`);
      }
      return this;
    },
    merge(other) {
      const s = stateOf<TagTrendState>(other);
      if (s.interval !== interval || s.timeZone !== timeZone) {
        throw invalidOption(
          'tagTrendsAccumulator',
          'interval',
          'cannot merge a state with a different interval or time zone',
        );
      }
      state.tickets += s.tickets;
      for (const [k, v] of Object.entries(s.totals)) bump(state.totals, k, v);
      for (const [tag, byPeriod] of Object.entries(s.counts)) {
        const mine = countsOf(tag);
        for (const [k, v] of Object.entries(byPeriod)) bump(mine, k, v);
      }
      for (const [k, v] of Object.entries(s.tagTotals)) bump(state.tagTotals, k, v);
      for (const [k, v] of Object.entries(s.pairs)) bump(state.pairs, k, v);
      return this;
    },
    result: () => trendsOf(state, periods, settings),
    toJSON: () => structuredClone(state),
  };
}

/** The options of tag trends with their defaults, checked once. */
interface TrendSettings {
  interval: Interval;
  timeZone: string;
  recentCount: number;
  baselineCount: number | undefined;
  alpha: number;
  minSupport: number;
}

/** Reads the options once, at the entry: a wrong value is refused by name before any ticket is counted. */
function trendSettings(options: TagTrendOptions): TrendSettings {
  const interval = options.interval ?? 'week';
  const timeZone = options.timeZone ?? 'UTC';
  checkPeriodOptions('tagTrends', interval, timeZone);
  const recentCount = options.baseline?.recent ?? 1;
  const baselineCount = options.baseline?.periods;
  const alpha = options.alpha ?? 0.05;
  const minSupport = options.minPairSupport ?? 5;
  if (!Number.isInteger(recentCount) || recentCount < 1)
    throw invalidOption('tagTrends', 'baseline.recent', 'must be an integer ≥ 1');
  if (baselineCount !== undefined && (!Number.isInteger(baselineCount) || baselineCount < 1)) {
    throw invalidOption('tagTrends', 'baseline.periods', 'must be an integer ≥ 1');
  }
  if (!(alpha > 0 && alpha < 1)) throw invalidOption('tagTrends', 'alpha', 'must be between 0 and 1');
  return { interval, timeZone, recentCount, baselineCount, alpha, minSupport };
}

const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);

/** The windows compared: periods [baselineFrom, recentFrom) against [recentFrom, end), and their totals. */
interface TrendWindows {
  baselineFrom: number;
  recentFrom: number;
  end: number;
  hasBaseline: boolean;
  /** Tickets created in the baseline and in the recent window. */
  n0: number;
  n1: number;
}

/** The trends over a state: every period from the first to the last, each tag's row, the frequent pairs. */
function trendsOf(state: TagTrendState, periods: PeriodIndex, settings: TrendSettings): TagTrends {
  const keys = Object.keys(state.totals).sort();
  const test =
    'one-sided two-proportion z-test of the recent share against the baseline share, ' +
    `Benjamini–Hochberg at FDR ${settings.alpha}`;
  if (keys.length === 0)
    return { periods: [], totals: [], baseline: null, recent: null, tags: [], cooccurrence: [], test };
  const all = periods.range(keys[0]!, keys[keys.length - 1]!).map((p) => p.key);
  const totals = all.map((k) => own(state.totals, k) ?? 0);
  const recentFrom = Math.max(0, all.length - settings.recentCount);
  const baselineFrom =
    settings.baselineCount === undefined ? 0 : Math.max(0, recentFrom - settings.baselineCount);
  const windows: TrendWindows = {
    baselineFrom,
    recentFrom,
    end: all.length,
    hasBaseline: recentFrom > baselineFrom,
    n0: sum(totals, baselineFrom, recentFrom),
    n1: sum(totals, recentFrom, all.length),
  };
  const rows = Object.keys(state.counts)
    .sort()
    .map((tag) => tagRow(tag, own(state.counts, tag)!, all, totals, windows));
  const discoveries = benjaminiHochberg(
    rows.map((r) => r.pValue),
    settings.alpha,
  );
  rows.forEach((row, i) => {
    row.rising = discoveries[i]! && (row.recentShare ?? 0) > (row.baselineShare ?? 0);
  });
  return {
    periods: all,
    totals,
    baseline: windows.hasBaseline ? { from: all[baselineFrom]!, to: all[recentFrom - 1]! } : null,
    recent: { from: all[recentFrom]!, to: all[all.length - 1]! },
    tags: rows,
    cooccurrence: cooccurrenceOf(state, settings.minSupport),
    test,
  };
}

/** One tag's counts and shares per period, and its recent share tested against its baseline share. */
function tagRow(
  tag: string,
  byPeriod: Record<string, number>,
  all: readonly string[],
  totals: readonly number[],
  { baselineFrom, recentFrom, end, hasBaseline, n0, n1 }: TrendWindows,
): TagTrend {
  const counts = all.map((k) => own(byPeriod, k) ?? 0);
  const k0 = sum(counts, baselineFrom, recentFrom);
  const k1 = sum(counts, recentFrom, end);
  const baselineShare = hasBaseline && n0 > 0 ? (100 * k0) / n0 : null;
  const recentShare = n1 > 0 ? (100 * k1) / n1 : null;
  let pValue: number | null = null;
  if (hasBaseline && n0 > 0 && n1 > 0) {
    const pooled = (k0 + k1) / (n0 + n1);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
    const z = se === 0 ? 0 : (k1 / n1 - k0 / n0) / se;
    pValue = 0.5 * erfc(z / Math.SQRT2);
  }
  return {
    tag,
    counts,
    shares: counts.map((c, i) => (totals[i]! > 0 ? (100 * c) / totals[i]! : null)),
    baselineShare,
    recentShare,
    growth: baselineShare && recentShare !== null ? recentShare / baselineShare : null,
    pValue,
    rising: false as boolean,
    isNew: hasBaseline && k0 === 0 && k1 > 0,
  };
}

/** Pairs of tags seen together on at least `minSupport` tickets, with lift, most frequent first. */
function cooccurrenceOf(state: TagTrendState, minSupport: number): TagPair[] {
  return Object.entries(state.pairs)
    .filter(([, count]) => count >= minSupport)
    .map(([key, count]) => {
      const [a, b] = key.split('\u0000') as [string, string];
      return {
        tags: [a, b] as [string, string],
        count,
        lift: (count * state.tickets) / (own(state.tagTotals, a)! * own(state.tagTotals, b)!),
      };
    })
    .sort((x, y) => y.count - x.count || y.lift - x.lift || x.tags.join().localeCompare(y.tags.join()));
}

/**
 * Contact trends: tickets per tag per period and each tag's share of all tickets created; growth of the recent
 * window's share over the baseline window's; rising tags flagged by a one-sided two-proportion z-test with a
 * Benjamini–Hochberg false-discovery-rate correction across tags (not a fixed threshold); and tag co-occurrence
 * with lift.
 *
 * @example
 * ```ts
 * import { tagTrends } from 'supportkit-ts';
 * const trends = tagTrends(dataset, { interval: 'week', timeZone: 'Europe/Rome', baseline: { recent: 2 } });
 * trends.tags.filter((t) => t.rising).map((t) => `${t.tag} ×${t.growth?.toFixed(1)}`);
 * ```
 */
export function tagTrends(
  dataset: Pick<Dataset, 'tickets'> | DatasetInput,
  options: TagTrendOptions = {},
): TagTrends {
  const acc = tagTrendsAccumulatorOf(options, true);
  for (const ticket of datasetArg(dataset, 'tagTrends', ['tickets']).tickets) acc.add(ticket);
  return acc.result();
}
