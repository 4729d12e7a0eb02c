/**
 * Rolling-origin evaluation (FPP3 §5.10, "evaluation on a rolling forecasting origin"): fit on the history up to
 * an origin, forecast the next `horizon` periods, score against what happened, move the origin, repeat.
 */
import { invalidOption, ValidationError } from '../../errors/validation.js';
import { normalQuantile } from '../stats.js';
import {
  bandsOf,
  FORECAST_METHODS,
  type ForecastMethod,
  fitModel,
  type ModelData,
  minimumLength,
} from './models.js';
import { checkOptionNames, SERIES_OPTIONS } from './options.js';
import { type Series, type SeriesInput, type SeriesOptions, toSeries } from './series.js';

/** z for the central 80% and 95% intervals. */
export const Z80 = normalQuantile(0.9);
export const Z95 = normalQuantile(0.975);

/** Options of {@link backtestForecast}. */
export interface BacktestOptions extends SeriesOptions {
  /** Periods forecast from each origin. */
  horizon: number;
  /** How many origins, the last one `horizon` periods before the end. @default 4 */
  origins?: number;
  /** Periods between origins. @default horizon */
  step?: number;
  /** The methods to compare. @default every method */
  methods?: readonly ForecastMethod[];
}

/** How one method did over the origins. */
export interface BacktestScore {
  method: ForecastMethod;
  /**
   * Mean absolute scaled error: the forecast's mean absolute error ÷ the in-sample mean absolute error of
   * seasonal-naive one season back (Hyndman & Koehler 2006), averaged over origins. Below 1 beats "same slot
   * last week" as it did in the history. Null when no origin could be scored.
   */
  mase: number | null;
  /** Symmetric MAPE in percent, 200·|y−f|/(|y|+|f|) averaged (periods where both are 0 count as 0). */
  smape: number | null;
  /** Share of actuals inside the 80% interval (target 0.8). */
  coverage80: number | null;
  /** Share of actuals inside the 95% interval. */
  coverage95: number | null;
  /** Origins this method was scored at (fewer than asked when the history is too short for it). */
  origins: number;
}

/** The result of {@link backtestForecast}. */
export interface BacktestResult {
  horizon: number;
  scores: BacktestScore[];
  /** The method with the lowest MASE. */
  best: ForecastMethod;
  /** 1 − MASE(best) ÷ MASE(seasonal-naive): 0.2 = errors 20% smaller than the baseline. Null without both. */
  improvementOverNaive: number | null;
}

/** In-sample MAE of slot-naive (one season back) on `values[0..n)`. */
function naiveScale(data: ModelData, n: number): number {
  const last = new Map<number, number>();
  let sum = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    const previous = last.get(data.slots[t]!);
    if (previous !== undefined) {
      sum += Math.abs(data.values[t]! - previous);
      count++;
    }
    last.set(data.slots[t]!, data.values[t]!);
  }
  return count > 0 ? sum / count : 0;
}

const slice = (data: ModelData, from: number, to: number): ModelData => ({
  ...data,
  values: Array.prototype.slice.call(data.values, from, to) as number[],
  slots: Array.prototype.slice.call(data.slots, from, to) as number[],
});

/** Scores methods over origins (internal: checked arguments). */
export function backtestCore(
  data: ModelData,
  methods: readonly ForecastMethod[],
  horizon: number,
  origins: number,
  step: number,
  maxEvaluations?: number,
  /** Score the intervals too (coverage); `auto`'s choice needs only the errors. */
  intervals = true,
): BacktestScore[] {
  const n = data.values.length;
  return methods.map((method) => {
    let mase = 0;
    let scaled = 0;
    let smape = 0;
    let in80 = 0;
    let in95 = 0;
    let points = 0;
    let used = 0;
    for (let k = origins - 1; k >= 0; k--) {
      const origin = n - horizon - k * step;
      if (origin < minimumLength(method, data.season)) continue;
      const model = fitModel(slice(data, 0, origin), method, maxEvaluations);
      const future = slice(data, origin, origin + horizon).slots;
      const b = intervals
        ? bandsOf(model, future, Z80, Z95)
        : { ...bandsOf({ ...model, counts: false }, future, Z80, Z95), lower80: null, lower95: null };
      const scale = naiveScale(data, origin);
      let abs = 0;
      for (let h = 0; h < horizon; h++) {
        const y = data.values[origin + h]!;
        const f = b.forecast[h]!;
        const e = Math.abs(y - f);
        abs += e;
        smape += y + f === 0 ? 0 : (200 * e) / (Math.abs(y) + Math.abs(f));
        if (b.lower80 !== null && y >= b.lower80[h]! && y <= b.upper80[h]!) in80++;
        if (b.lower95 !== null && y >= b.lower95[h]! && y <= b.upper95[h]!) in95++;
        points++;
      }
      used++;
      if (scale > 0) {
        mase += abs / horizon / scale;
        scaled++;
      }
    }
    return {
      method,
      mase: scaled > 0 ? mase / scaled : null,
      smape: points > 0 ? smape / points : null,
      coverage80: points > 0 && intervals ? in80 / points : null,
      coverage95: points > 0 && intervals ? in95 / points : null,
      origins: used,
    };
  });
}

/** The best-scoring method (lowest MASE; seasonal-naive on ties or when nothing could be scored). */
export function bestOf(scores: readonly BacktestScore[]): ForecastMethod {
  let best: BacktestScore | null = null;
  for (const s of scores) if (s.mase !== null && (best === null || s.mase < best.mase!)) best = s;
  return best?.method ?? 'seasonal-naive';
}

/** Checks a positive-integer option. */
export function countOption(fn: string, name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw invalidOption(fn, name, `must be a whole number from 1 to ${max}`);
  return value;
}

/** Checks `methods`. */
export function methodsOption(fn: string, value: unknown): readonly ForecastMethod[] {
  if (value === undefined) return FORECAST_METHODS;
  if (!Array.isArray(value) || value.length === 0 || value.some((m) => !FORECAST_METHODS.includes(m)))
    throw invalidOption(fn, 'methods', `must be a non-empty list of ${FORECAST_METHODS.join(', ')}`);
  return value;
}

/** Refuses a series too short for even the baseline. */
export function needHistory(fn: string, series: Series, length: number): void {
  if (series.values.length < length)
    throw new ValidationError(`${fn}() series`, [
      {
        path: [],
        code: 'too_small',
        message: `needs at least ${length} ${series.interval} periods of history (one season and the horizon)`,
      },
    ]);
}

/**
 * Scores forecasting methods on the series' own history by rolling origin: MASE (against seasonal-naive), sMAPE,
 * and how often the 80% and 95% intervals held the actual — so a team sees whether the forecast beats "same hour
 * last week" on its data, and by how much.
 *
 * @example
 * ```ts
 * import { backtestForecast, volumes } from 'supportkit-ts';
 * const daily = volumes(dataset, { interval: 'day', timeZone: 'Europe/Rome' });
 * const bt = backtestForecast(daily, { interval: 'day', timeZone: 'Europe/Rome', horizon: 7, origins: 4 });
 * console.log(bt.best, bt.improvementOverNaive); // e.g. 'holt-winters' 0.21
 * ```
 */
export function backtestForecast(series: SeriesInput, options: BacktestOptions): BacktestResult {
  const fn = 'backtestForecast';
  const s = toSeries(fn, series, options);
  checkOptionNames(fn, options, [...SERIES_OPTIONS, 'horizon', 'origins', 'step', 'methods']);
  const horizon = countOption(fn, 'horizon', options.horizon, 10_000);
  const origins = countOption(fn, 'origins', options.origins ?? 4, 1_000);
  const step = countOption(fn, 'step', options.step ?? horizon, 100_000);
  const methods = methodsOption(fn, options.methods);
  needHistory(fn, s, minimumLength('seasonal-naive', s.season) + horizon);
  const scores = backtestCore(s, methods, horizon, origins, step);
  const best = bestOf(scores);
  const naive = scores.find((x) => x.method === 'seasonal-naive')?.mase ?? null;
  const bestMase = scores.find((x) => x.method === best)?.mase ?? null;
  return {
    horizon,
    scores,
    best,
    improvementOverNaive: naive !== null && bestMase !== null && naive > 0 ? 1 - bestMase / naive : null,
  };
}
