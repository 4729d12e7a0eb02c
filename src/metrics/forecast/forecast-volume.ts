import { invalidOption } from '../../errors/validation.js';
import {
  type BacktestScore,
  backtestCore,
  bestOf,
  countOption,
  methodsOption,
  needHistory,
  Z80,
  Z95,
} from './backtest.js';
import {
  bandsOf,
  type FittedModel,
  FORECAST_METHODS,
  type ForecastMethod,
  fitModel,
  minimumLength,
} from './models.js';
import { checkOptionNames, SERIES_OPTIONS } from './options.js';
import { futurePeriods, type Series, type SeriesInput, type SeriesOptions, toSeries } from './series.js';

/** Options of {@link forecastVolume}. */
export interface ForecastOptions extends SeriesOptions {
  /** Periods to forecast after the last one of the series. */
  horizon: number;
  /**
   * The method, or `auto`: each candidate is scored by a rolling-origin backtest on the series (4 origins, each
   * forecasting min(horizon, one season)) and the lowest MASE wins; methods the history is too short for are
   * skipped. @default 'auto'
   */
  method?: ForecastMethod | 'auto';
  /** With `auto`: the candidates. @default every method */
  methods?: readonly ForecastMethod[];
}

/** One forecast period. Counts are never below 0 (interval ends are clipped there). */
export interface ForecastPoint {
  /** Local start with its offset, e.g. `2026-03-29T03:00+02:00` (unique also on the repeated hour of a DST change). */
  period: string;
  start: Date;
  end: Date;
  /** Point forecast (expected count). */
  forecast: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
  /** Whether the period falls on one of `holidays`. */
  holiday: boolean;
}

/** The result of {@link forecastVolume}. */
export interface VolumeForecast {
  method: ForecastMethod;
  interval: SeriesOptions['interval'];
  timeZone: string;
  points: ForecastPoint[];
  /** Smoothing parameters of a Holt-Winters fit (null for seasonal-naive). */
  parameters: { alpha: number; beta: number; gamma: number; phi: number } | null;
  /** Standard deviation of the one-step errors in the history. */
  sigma: number;
  /** With `auto`: the backtest scores the choice was made on. */
  selection: BacktestScore[] | null;
  /** Periods of history used. */
  history: number;
}

/** Picks a method by backtest, among those the history is long enough for. */
export function chooseMethod(
  s: Series,
  candidates: readonly ForecastMethod[],
  horizon: number,
): { method: ForecastMethod; scores: BacktestScore[] } {
  const h = Math.min(horizon, Math.max(1, s.season));
  const origins = 4;
  const usable = candidates.filter((m) => s.values.length - h * origins >= minimumLength(m, s.season));
  if (usable.length <= 1) return { method: usable[0] ?? 'seasonal-naive', scores: [] };
  const scores = backtestCore(s, usable, h, origins, h, undefined, false);
  return { method: bestOf(scores), scores };
}

/** Turns a fitted model's predictions into forecast points. */
export function pointsOf(s: Series, model: FittedModel, horizon: number): ForecastPoint[] {
  const future = futurePeriods(s, horizon);
  const b = bandsOf(
    model,
    future.map((f) => f.slot),
    Z80,
    Z95,
  );
  return future.map((f, h) => ({
    period: f.label,
    start: new Date(f.start),
    end: new Date(f.end),
    forecast: b.forecast[h]!,
    lower80: b.lower80[h]!,
    upper80: b.upper80[h]!,
    lower95: b.lower95[h]!,
    upper95: b.upper95[h]!,
    holiday: f.holiday,
  }));
}

/**
 * Forecasts arrivals per hour, day or week, with 80% and 95% prediction intervals. History is `volumes()`
 * periods (their `created` count), `{ start, value }` points or the arrival instants themselves. Hourly series
 * are seasonal by hour of the week (168 slots, local time: DST days have 23 or 25 hours and keep their slots),
 * daily ones by weekday; `holidays` follow the Sunday profile or, with `holidayEffect: 'own'`, a profile of
 * their own. See docs/forecasting.md.
 *
 * @example
 * ```ts
 * import { forecastVolume } from 'supportkit-ts';
 * const arrivals = dataset.tickets.map((t) => t.createdAt);
 * const next = forecastVolume(arrivals, { interval: 'hour', timeZone: 'Europe/Rome', horizon: 14 * 24 });
 * for (const p of next.points.slice(0, 3)) console.log(p.period, p.forecast, p.lower80, p.upper80);
 * ```
 */
export function forecastVolume(series: SeriesInput, options: ForecastOptions): VolumeForecast {
  const fn = 'forecastVolume';
  const s = toSeries(fn, series, options);
  checkOptionNames(fn, options, [...SERIES_OPTIONS, 'horizon', 'method', 'methods']);
  const horizon = countOption(fn, 'horizon', options.horizon, 10_000);
  const method = options.method ?? 'auto';
  if (method !== 'auto' && !FORECAST_METHODS.includes(method))
    throw invalidOption(fn, 'method', `must be "auto" or one of ${FORECAST_METHODS.join(', ')}`);
  needHistory(fn, s, minimumLength(method === 'auto' ? 'seasonal-naive' : method, s.season));
  const choice =
    method === 'auto'
      ? chooseMethod(s, methodsOption(fn, options.methods), horizon)
      : { method, scores: null };
  const model = fitModel(s, choice.method);
  return {
    method: choice.method,
    interval: s.interval,
    timeZone: s.timeZone,
    points: pointsOf(s, model, horizon),
    parameters: model.params === null ? null : { ...model.params },
    sigma: model.sigma,
    selection: choice.scores === null || choice.scores.length === 0 ? null : choice.scores,
    history: s.values.length,
  };
}
