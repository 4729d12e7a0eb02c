/**
 * The forecasting methods behind one interface: fit on a stretch of a series, then give the mean and the
 * standard deviation of the forecast error for future slots.
 */
import { fitHoltWinters } from './estimate.js';
import { type HwParams, type HwSpec, hwForecast, hwVarianceFactors } from './holt-winters.js';

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
  /** Mean and error standard deviation for the given future slots (one per step ahead). */
  predict(slots: ArrayLike<number>): { mean: Float64Array; sd: Float64Array };
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
  return {
    method: 'seasonal-naive',
    params: null,
    sigma,
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
  const fit = fitHoltWinters(data.values, data.slots, spec, data.season, {
    fallback: (slot) => sundayOf(slot, data.slotCount),
    ...(maxEvaluations === undefined ? {} : { maxEvaluations }),
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
  return {
    method,
    params: fit.params,
    sigma,
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
