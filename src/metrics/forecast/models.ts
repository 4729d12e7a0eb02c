/**
 * The forecasting methods behind one interface: fit on a stretch of a series, then give the mean and the
 * standard deviation of the forecast error for future slots.
 */
import { countIntervals, dispersionOf } from './count-model.js';
import { countClip, fitHoltWinters } from './estimate.js';
import {
  type HwParams,
  type HwSpec,
  type HwState,
  hwFilter,
  hwForecast,
  hwVarianceFactors,
} from './holt-winters.js';

/**
 * A forecasting method. `seasonal-naive` repeats the last value of the same slot (same hour of the same weekday
 * last week) — the baseline the others are judged against; `holt-winters` is additive exponential smoothing
 * with level and season, `holt-winters-trend` adds a linear trend, `holt-winters-damped` a damped one.
 */
export type ForecastMethod = 'seasonal-naive' | 'holt-winters' | 'holt-winters-trend' | 'holt-winters-damped';

/** Every method, in the order `auto` tries them. */
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  'seasonal-naive',
  'holt-winters',
  'holt-winters-trend',
  'holt-winters-damped',
];

/** What a model needs of a series. */
export interface ModelData {
  values: ArrayLike<number>;
  slots: ArrayLike<number>;
  slotCount: number;
  season: number;
}

/** A fitted model. */
export interface FittedModel {
  method: ForecastMethod;
  params: HwParams | null;
  /** Standard deviation of one-step errors. */
  sigma: number;
  /** Whether the series is counts (whole numbers): intervals then come from the count model. */
  counts: boolean;
  /** Mean and error standard deviation for the given future slots (one per step ahead). */
  predict(slots: ArrayLike<number>): { mean: Float64Array; sd: Float64Array };
  /** Count series: the NB2 dispersion of each step ahead, 1..horizon (see {@link countDispersions}). */
  dispersion(horizon: number): Float64Array;
}

/** Forecasts `slots.length` steps from the state before observation `origin` (in-sample). */
type ForecastFrom = (origin: number, slots: ArrayLike<number>) => Float64Array;

/** Origins for the in-sample errors: at most this many, the most recent. */
const ERROR_ORIGINS = 60;
/** A horizon block needs this many errors for its own dispersion; else it takes the previous block's. */
const MIN_BLOCK_ERRORS = 30;

/** The in-sample origins, most recent first: every `season ÷ 7` periods (a day of hours), at most 60, ≥ warm. */
function errorOrigins(n: number, season: number, warm: number): number[] {
  const stride = Math.max(1, Math.round(season / 7));
  const out: number[] = [];
  for (let o = n - stride; o >= warm && out.length < ERROR_ORIGINS; o -= stride) out.push(o);
  return out;
}

/** Whether every value is a whole number ≥ 0 (arrivals, not hours of work or money). */
export function isCountSeries(values: ArrayLike<number>): boolean {
  for (let t = 0; t < values.length; t++) if (!Number.isInteger(values[t]!)) return false;
  return values.length > 0;
}

/**
 * The count model's dispersion per step ahead, from the model's own forecasts made inside the history: from up
 * to 60 recent origins (every day of an hourly series, every period otherwise; the first `warm` periods are
 * left out, where the start state still dominates), forecasts of the periods after them, with the parameters
 * fitted on the whole history, are compared with what happened. Errors are grouped by horizon in blocks of a
 * season (hours 1–168, 169–336, …; for weekly series blocks of 4), and each block's NB2 dispersion is the
 * maximum-likelihood one; a block with fewer than 30 errors takes the previous block's, and a later block is
 * never less dispersed than an earlier one. This is the "empirical" prediction interval (Williams & Goodman
 * 1971; Lee & Scholtes 2014) with a count distribution around the forecast: the forecast's own error as it
 * shows at each horizon, not as the ETS equations would have it grow.
 */
export function countDispersions(
  data: ModelData,
  forecastFrom: ForecastFrom,
  warm: number,
  horizon: number,
): Float64Array {
  const n = data.values.length;
  const block = data.season > 1 ? data.season : 4;
  const blocks = Math.ceil(horizon / block);
  const ys: number[][] = Array.from({ length: blocks }, () => []);
  const mus: number[][] = Array.from({ length: blocks }, () => []);
  for (const o of errorOrigins(n, data.season, warm)) {
    const steps = Math.min(horizon, n - o);
    const mean = forecastFrom(o, Array.prototype.slice.call(data.slots, o, o + steps) as number[]);
    for (let h = 0; h < steps; h++) {
      const b = Math.floor(h / block);
      ys[b]!.push(data.values[o + h]!);
      mus[b]!.push(mean[h]!);
    }
  }
  const perBlock = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const own = ys[b]!.length >= MIN_BLOCK_ERRORS ? dispersionOf(ys[b]!, mus[b]!) : 0;
    perBlock[b] = Math.max(own, b > 0 ? perBlock[b - 1]! : 0);
  }
  return Float64Array.from({ length: horizon }, (_, h) => perBlock[Math.floor(h / block)]!);
}

/** Caches `countDispersions` per horizon (a model is asked once or twice). */
function dispersionCache(compute: (horizon: number) => Float64Array) {
  let last: Float64Array | null = null;
  return (horizon: number) => {
    if (last === null || last.length < horizon) last = compute(horizon);
    return last.subarray(0, horizon);
  };
}

/**
 * The 80% and 95% bands for future slots: count intervals (negative binomial around the point forecast,
 * whole-count ends) for count series, ± z·σ_h (normal, clipped at 0) otherwise. Point forecasts are ≥ 0.
 */
export function bandsOf(model: FittedModel, slots: ArrayLike<number>, z80: number, z95: number) {
  const { mean, sd } = model.predict(slots);
  const h = slots.length;
  const out = {
    forecast: new Float64Array(h),
    lower80: new Float64Array(h),
    upper80: new Float64Array(h),
    lower95: new Float64Array(h),
    upper95: new Float64Array(h),
  };
  const dispersion = model.counts ? model.dispersion(h) : null;
  for (let i = 0; i < h; i++) {
    const m = mean[i]!;
    out.forecast[i] = Math.max(0, m);
    if (dispersion !== null) {
      const band = countIntervals(m, dispersion[i]!);
      out.lower80[i] = band.lower80;
      out.upper80[i] = band.upper80;
      out.lower95[i] = band.lower95;
      out.upper95[i] = band.upper95;
    } else {
      out.lower80[i] = Math.max(0, m - z80 * sd[i]!);
      out.upper80[i] = Math.max(0, m + z80 * sd[i]!);
      out.lower95[i] = Math.max(0, m - z95 * sd[i]!);
      out.upper95[i] = Math.max(0, m + z95 * sd[i]!);
    }
  }
  return out;
}

/** Where a holiday slot with no history takes its value from: the same hour on Sunday. */
export function sundayOf(slot: number, slotCount: number): number {
  if (slotCount === 192 && slot >= 168) return 144 + (slot - 168);
  if (slotCount === 8 && slot === 7) return 6;
  return slot;
}

/**
 * Each slot's share of the error variance. Arrivals are closer to Poisson than to one constant variance: the
 * 03:00 slot errs far less than the 11:00 one, and one σ for both makes night intervals too wide and peak ones
 * too narrow. Each slot's mean squared one-step error, shrunk towards the overall mean with the weight of
 * `PRIOR` observations (a slot seen a few times stays near the mean), over the overall mean.
 */
export function slotVarianceFactors(sq: Float64Array, count: Float64Array): Float64Array {
  let total = 0;
  let n = 0;
  for (let k = 0; k < sq.length; k++) {
    total += sq[k]!;
    n += count[k]!;
  }
  const overall = n > 0 ? total / n : 0;
  return sq.map((s, k) => (overall > 0 ? (s + PRIOR * overall) / (count[k]! + PRIOR) / overall : 1));
}
const PRIOR = 4;

/** The shortest history each method can be fitted on. */
export function minimumLength(method: ForecastMethod, season: number): number {
  return method === 'seasonal-naive' ? season + 1 : 2 * season + 2;
}

function seasonalNaive(data: ModelData): FittedModel {
  const last = new Float64Array(data.slotCount).fill(Number.NaN);
  let sum = 0;
  let n = 0;
  const sq = new Float64Array(data.slotCount);
  const count = new Float64Array(data.slotCount);
  for (let t = 0; t < data.values.length; t++) {
    const slot = data.slots[t]!;
    const previous = Number.isNaN(last[slot]!) ? last[sundayOf(slot, data.slotCount)]! : last[slot]!;
    if (!Number.isNaN(previous)) {
      const e2 = (data.values[t]! - previous) ** 2;
      sum += e2;
      n++;
      sq[slot]! += e2;
      count[slot]! += 1;
    }
    last[slot] = data.values[t]!;
  }
  const sigma = n > 0 ? Math.sqrt(sum / n) : 0;
  const slotFactor = slotVarianceFactors(sq, count);
  const m = Math.max(1, data.season);
  const counts = isCountSeries(data.values);
  // In-sample forecasts: the value of the same slot (or its Sunday) last seen before the origin.
  const forecastFrom: ForecastFrom = (origin, slots) => {
    const seen = new Float64Array(data.slotCount).fill(Number.NaN);
    for (let t = 0; t < origin; t++) seen[data.slots[t]!] = data.values[t]!;
    return Float64Array.from(slots, (slot) => {
      const v = Number.isNaN(seen[slot]!) ? seen[sundayOf(slot, data.slotCount)]! : seen[slot]!;
      return Number.isNaN(v) ? 0 : v;
    });
  };
  return {
    method: 'seasonal-naive',
    params: null,
    sigma,
    counts,
    dispersion: dispersionCache((horizon) => countDispersions(data, forecastFrom, m, horizon)),
    predict(slots) {
      const mean = new Float64Array(slots.length);
      const sd = new Float64Array(slots.length);
      for (let h = 0; h < slots.length; h++) {
        const own = last[slots[h]!]!;
        const v = Number.isNaN(own) ? last[sundayOf(slots[h]!, data.slotCount)]! : own;
        mean[h] = Number.isNaN(v) ? 0 : v;
        // FPP3 table 5.2: σ_h = σ√(k+1), k = whole seasons within h−1 steps.
        sd[h] = sigma * Math.sqrt((Math.floor(h / m) + 1) * slotFactor[slots[h]!]!);
      }
      return { mean, sd };
    },
  };
}

function holtWinters(data: ModelData, method: ForecastMethod, maxEvaluations?: number): FittedModel {
  const spec: HwSpec = {
    trend: method !== 'holt-winters',
    damped: method === 'holt-winters-damped',
    seasonal: data.season > 1,
    slotCount: data.slotCount,
  };
  const counts = isCountSeries(data.values);
  const fit = fitHoltWinters(data.values, data.slots, spec, data.season, {
    fallback: (slot) => sundayOf(slot, data.slotCount),
    ...(maxEvaluations === undefined ? {} : { maxEvaluations }),
    // Counts are fitted robustly: an outage's hours must not drag the level (see HwClip).
    ...(counts ? { clip: countClip(data.values, data.season) } : {}),
  });
  const k = 1 + (spec.trend ? 1 : 0) + (spec.seasonal ? 1 : 0) + (spec.damped ? 1 : 0);
  const sigma = Math.sqrt(fit.sse / Math.max(1, data.values.length - k));
  // Per-slot variance from the one-step errors after the first cycle (before it, the start state dominates).
  const sq = new Float64Array(data.slotCount);
  const count = new Float64Array(data.slotCount);
  for (let t = Math.min(data.season, data.values.length - 1); t < data.values.length; t++) {
    sq[data.slots[t]!]! += (data.values[t]! - fit.fitted[t]!) ** 2;
    count[data.slots[t]!]! += 1;
  }
  const slotFactor = slotVarianceFactors(sq, count);
  // In-sample forecasts from past origins: the states the (cleaned) recursion had there.
  const warm = Math.min(2 * Math.max(1, data.season), data.values.length);
  const forecastFrom = (origins: Set<number>) => {
    const states = new Map<number, HwState>();
    hwFilter(data.values, data.slots, spec, fit.params, fit.init, fit.clip, (t, state) => {
      if (origins.has(t)) states.set(t, { ...state, season: Float64Array.from(state.season) });
    });
    return (origin: number, slots: ArrayLike<number>) =>
      hwForecast(states.get(origin)!, spec, fit.params, slots);
  };
  return {
    method,
    params: fit.params,
    sigma,
    counts,
    dispersion: dispersionCache((horizon) => {
      const origins = new Set(errorOrigins(data.values.length, data.season, warm));
      return countDispersions(data, forecastFrom(origins), warm, horizon);
    }),
    predict(slots) {
      const mean = hwForecast(fit.state, spec, fit.params, slots);
      const factors = hwVarianceFactors(spec, fit.params, data.season, slots.length);
      return { mean, sd: factors.map((f, h) => sigma * Math.sqrt(f * slotFactor[slots[h]!]!)) };
    },
  };
}

/** Fits one method on the data. */
export function fitModel(data: ModelData, method: ForecastMethod, maxEvaluations?: number): FittedModel {
  return method === 'seasonal-naive' ? seasonalNaive(data) : holtWinters(data, method, maxEvaluations);
}
