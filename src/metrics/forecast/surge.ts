import { DateTime } from 'luxon';
import { invalidOption } from '../../errors/validation.js';
import { countOption, needHistory, Z80, Z95 } from './backtest.js';
import { bandsOf, FORECAST_METHODS, type ForecastMethod, fitModel, minimumLength } from './models.js';
import { checkOptionNames, SERIES_OPTIONS } from './options.js';
import { nextStart, periodLabel, type SeriesInput, type SeriesOptions, toSeries } from './series.js';

/** Options of {@link detectSurge}. */
export interface SurgeOptions extends SeriesOptions {
  /** The most recent periods to check; the model is fitted on everything before them. @default one day of hours, 7 days, 4 weeks */
  window?: number;
  /** The interval an actual must break out of. @default 0.95 */
  level?: 0.8 | 0.95;
  /** Consecutive periods above the interval that make a surge (one alone is noise). @default 2 */
  minPeriods?: number;
  /** @default 'holt-winters' (seasonal-naive when the history is too short for it) */
  method?: ForecastMethod;
}

/** One checked period. */
export interface SurgePeriod {
  period: string;
  start: Date;
  actual: number;
  forecast: number;
  /** Upper end of the interval at `level`. */
  upper: number;
  /** actual − upper when above it, else 0. */
  excess: number;
}

/** A run of periods above the interval. */
export interface Surge {
  start: Date;
  /** Exclusive: the end of the last period in the run (or the end of the window while it lasts). */
  end: Date;
  periods: number;
  actual: number;
  expected: number;
  /** Σ(actual − upper) over the run: arrivals beyond anything the forecast allowed for. */
  excess: number;
  /** actual ÷ expected. */
  ratio: number | null;
  /** Whether the run reaches the last period checked: a surge going on now. */
  ongoing: boolean;
}

/** The result of {@link detectSurge}. */
export interface SurgeReport {
  method: ForecastMethod;
  level: number;
  checked: SurgePeriod[];
  surges: Surge[];
  /** A surge is going on in the latest period. */
  surging: boolean;
}

function runs(checked: SurgePeriod[], ends: number[], minPeriods: number): Surge[] {
  const out: Surge[] = [];
  let i = 0;
  while (i < checked.length) {
    if (checked[i]!.excess <= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < checked.length && checked[j]!.excess > 0) j++;
    if (j - i >= minPeriods) {
      const run = checked.slice(i, j);
      const actual = run.reduce((a, p) => a + p.actual, 0);
      const expected = run.reduce((a, p) => a + p.forecast, 0);
      out.push({
        start: run[0]!.start,
        end: new Date(ends[j - 1]!),
        periods: j - i,
        actual,
        expected,
        excess: run.reduce((a, p) => a + p.excess, 0),
        ratio: expected > 0 ? actual / expected : null,
        ongoing: j === checked.length,
      });
    }
    i = j;
  }
  return out;
}

/**
 * Finds surges in the latest periods: runs of at least `minPeriods` periods whose volume is above the upper end
 * of the forecast interval made from the history before them, with the size of the excess — the early warning
 * to switch to the peak playbook (see `prioritize`).
 *
 * @example
 * ```ts
 * import { detectSurge } from 'supportkit-ts';
 * const report = detectSurge(arrivals, { interval: 'hour', timeZone: 'Europe/Rome', window: 24 });
 * if (report.surging) console.log(`surge: ${report.surges.at(-1)!.excess.toFixed(0)} requests above forecast`);
 * ```
 */
export function detectSurge(series: SeriesInput, options: SurgeOptions): SurgeReport {
  const fn = 'detectSurge';
  const s = toSeries(fn, series, options);
  checkOptionNames(fn, options, [...SERIES_OPTIONS, 'window', 'level', 'minPeriods', 'method']);
  const defaultWindow = s.interval === 'hour' ? 24 : s.interval === 'day' ? 7 : 4;
  const window = countOption(fn, 'window', options.window ?? defaultWindow, 10_000);
  const minPeriods = countOption(fn, 'minPeriods', options.minPeriods ?? 2, 10_000);
  const level = options.level ?? 0.95;
  if (level !== 0.8 && level !== 0.95) throw invalidOption(fn, 'level', 'must be 0.8 or 0.95');
  let method = options.method ?? 'holt-winters';
  if (!FORECAST_METHODS.includes(method))
    throw invalidOption(fn, 'method', `must be one of ${FORECAST_METHODS.join(', ')}`);
  needHistory(fn, s, minimumLength('seasonal-naive', s.season) + window);
  const origin = s.values.length - window;
  if (options.method === undefined && origin < minimumLength(method, s.season)) method = 'seasonal-naive';
  const history = { ...s, values: s.values.slice(0, origin), slots: s.slots.slice(0, origin) };
  const b = bandsOf(fitModel(history, method), s.slots.slice(origin), Z80, Z95);
  const bound = level === 0.8 ? b.upper80 : b.upper95;
  const ends = s.starts.slice(origin + 1);
  const last = DateTime.fromMillis(s.starts[s.starts.length - 1]!, { zone: s.timeZone });
  ends.push(nextStart(last, s.interval).toMillis());
  const checked = s.values.slice(origin).map((actual, h) => {
    const upper = bound[h]!;
    return {
      period: periodLabel(s.starts[origin + h]!, s.timeZone),
      start: new Date(s.starts[origin + h]!),
      actual,
      forecast: b.forecast[h]!,
      upper,
      excess: Math.max(0, actual - upper),
    };
  });
  const surges = runs(checked, ends, minPeriods);
  return { method, level, checked, surges, surging: surges.some((x) => x.ongoing) };
}
