import { ValidationError } from '../errors/validation.js';
import type { Accumulator } from './accumulator.js';
import { stateOf } from './accumulator.js';

/**
 * The q-quantile of ascending-sorted values by linear interpolation between closest ranks (Hyndman & Fan type
 * 7: the default of R, NumPy, and DuckDB's `quantile_cont`), or null for no values.
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted === null || typeof sorted !== 'object' || typeof sorted.length !== 'number')
    throw numbersError('quantileSorted() sorted', 'expected an array of numbers');
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw numbersError('quantileSorted() q', 'expected 0..1');
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo];
  const b = sorted[hi];
  // Only the two values read are checked (callers pass long sorted arrays on the hot path).
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b))
    throw numbersError('quantileSorted() sorted', 'expected an array of numbers');
  return a + (h - lo) * (b - a);
}

function numbersError(subject: string, message: string): ValidationError {
  return new ValidationError(subject, [{ path: [], code: 'invalid_type', message }]);
}

/**
 * The standard normal quantile (inverse CDF), by Acklam's rational approximation (relative error below
 * 1.15e-9).
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.95996398…
 * ```
 */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p > 0 && p < 1))
    throw numbersError('normalQuantile() p', 'expected 0 < p < 1');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7), used for normal tails. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Summary of a distribution of durations or scores. All null when there are no values. */
export interface DistributionSummary {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/** JSON state of a {@link distributionAccumulator}: the values themselves, so quantiles stay exact after merge. */
export interface DistributionState {
  values: number[];
}

/**
 * Collects numbers and summarises them exactly (n, mean, median, p90, min, max). Exact quantiles need every
 * value, so the state holds them: one number per measured item, never per message.
 *
 * @example
 * ```ts
 * import { distributionAccumulator } from 'supportkit-ts';
 * distributionAccumulator().add(10).add(20).add(30).result().median; // 20
 * ```
 */
export function distributionAccumulator(): Accumulator<number, DistributionSummary, DistributionState> {
  const values: number[] = [];
  return {
    add(value) {
      if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
      return this;
    },
    merge(other) {
      const state = stateOf<DistributionState>(other);
      if (!Array.isArray(state.values))
        throw numbersError('distributionAccumulator() state', 'expected values[]');
      for (const value of state.values)
        if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
      return this;
    },
    result: () => summarizeValues(values),
    toJSON: () => ({ values: [...values] }),
  };
}

/**
 * Summarises numbers: n, mean, median and p90 (linear interpolation), min and max; nulls when empty.
 *
 * @example
 * ```ts
 * import { summarizeValues } from 'supportkit-ts';
 * summarizeValues([5, 1, 3]); // { n: 3, mean: 3, median: 3, p90: 4.6, min: 1, max: 5 }
 * ```
 */
export function summarizeValues(values: readonly number[]): DistributionSummary {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values))
    throw numbersError('summarizeValues() values', 'expected an array of numbers');
  if (Array.isArray(values) && !values.every((v) => typeof v === 'number'))
    throw numbersError('summarizeValues() values', 'expected an array of numbers');
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { n: 0, mean: null, median: null, p90: null, min: null, max: null };
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n,
    mean: sum / n,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}
