/**
 * Additive Holt-Winters exponential smoothing with an optional (damped) trend, in the error-correction form
 * statsmodels' `ExponentialSmoothing` uses (Hyndman & Athanasopoulos, FPP3 §8.3 and §8.6):
 *
 *   ŷ_t = l_{t−1} + φ·b_{t−1} + s_{t−m}
 *   l_t = α(y_t − s_{t−m}) + (1−α)(l_{t−1} + φ·b_{t−1})
 *   b_t = β(l_t − l_{t−1}) + (1−β)·φ·b_{t−1}
 *   s_t = γ(y_t − l_{t−1} − φ·b_{t−1}) + (1−γ)·s_{t−m}
 *
 * Seasonal terms are kept per slot rather than per lag: `s_{t−m}` is the slot's last value. On a regular series
 * (slot = t mod m) that is the same recursion; on local hours it keeps Monday 09:00 in one slot across DST changes
 * and lets holidays have a profile of their own. test/metrics/forecast checks it against statsmodels.
 */

/** Which components a model has. */
export interface HwSpec {
  trend: boolean;
  damped: boolean;
  seasonal: boolean;
  slotCount: number;
}

/** Smoothing parameters (β is the trend's own, β* in FPP3; φ = 1 without damping). */
export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** The state after the last observation. */
export interface HwState {
  level: number;
  trend: number;
  season: Float64Array;
}

/**
 * Outlier cleaning (Gelper, Fried & Croux 2010, "Robust forecasting with exponential and Holt–Winters
 * smoothing", J. Forecasting 29: the update uses ŷ + ψ(y − ŷ), ψ clipping at a bound). For counts the bound
 * follows the count's spread: k·√(φ·max(ŷ, 1)), φ the series' dispersion (variance ÷ mean, ≥ 1). An outage
 * that triples three hours then moves the level and the season by at most the bound, instead of dragging the
 * level so far that the night after is forecast below zero.
 */
export interface HwClip {
  k: number;
  phi: number;
}

/**
 * Runs the recursion over `y`, returning the one-step fitted values, the SSE, the final state and the loss
 * (the SSE; with `clip`, Huber's loss at the bound, the errors beyond it counting linearly). `at(t, state)` is
 * called before the observation at each t (for in-sample forecasts from past origins).
 */
export function hwFilter(
  y: ArrayLike<number>,
  slots: ArrayLike<number>,
  spec: HwSpec,
  p: HwParams,
  init: HwState,
  clip?: HwClip,
  at?: (t: number, state: HwState) => void,
): { fitted: Float64Array; sse: number; loss: number; state: HwState } {
  const season = Float64Array.from(init.season);
  let level = init.level;
  let trend = spec.trend ? init.trend : 0;
  const phi = spec.trend && spec.damped ? p.phi : 1;
  const fitted = new Float64Array(y.length);
  let sse = 0;
  let loss = 0;
  for (let t = 0; t < y.length; t++) {
    if (at) at(t, { level, trend, season });
    const slot = slots[t]!;
    const s = spec.seasonal ? season[slot]! : 0;
    const base = level + phi * trend;
    const yhat = base + s;
    fitted[t] = yhat;
    let e = y[t]! - yhat;
    sse += e * e;
    if (clip) {
      const bound = clip.k * Math.sqrt(clip.phi * Math.max(yhat, 1));
      if (e > bound || e < -bound) {
        loss += 2 * bound * Math.abs(e) - bound * bound;
        e = e > 0 ? bound : -bound;
      } else loss += e * e;
    }
    const yc = yhat + e;
    const newLevel = p.alpha * (yc - s) + (1 - p.alpha) * base;
    if (spec.trend) trend = p.beta * (newLevel - level) + (1 - p.beta) * phi * trend;
    if (spec.seasonal) season[slot] = p.gamma * (yc - base) + (1 - p.gamma) * s;
    level = newLevel;
  }
  return { fitted, sse, loss: clip ? loss : sse, state: { level, trend, season } };
}

/** Point forecasts for future slots from a final state. */
export function hwForecast(
  state: HwState,
  spec: HwSpec,
  p: HwParams,
  slots: ArrayLike<number>,
): Float64Array {
  const phi = spec.trend && spec.damped ? p.phi : 1;
  const out = new Float64Array(slots.length);
  let damp = 0;
  for (let h = 0; h < slots.length; h++) {
    damp += phi ** (h + 1);
    out[h] =
      state.level + (spec.trend ? damp * state.trend : 0) + (spec.seasonal ? state.season[slots[h]!]! : 0);
  }
  return out;
}

/**
 * Variance multipliers of the h-step forecast error, 1 + Σ_{j<h} c_j² with c_j = α + αβ(φ+…+φ^j) + γ·[m | j]
 * (FPP3 table 8.8, ETS(A,Ad,A), with FPP3's β = αβ*); multiply by σ².
 */
export function hwVarianceFactors(spec: HwSpec, p: HwParams, season: number, horizon: number): Float64Array {
  const phi = spec.trend && spec.damped ? p.phi : 1;
  const out = new Float64Array(horizon);
  let sum = 1;
  let damp = 0;
  for (let h = 1; h <= horizon; h++) {
    out[h - 1] = sum;
    damp += phi ** h;
    const c =
      p.alpha +
      (spec.trend ? p.alpha * p.beta * damp : 0) +
      (spec.seasonal && season > 1 && h % season === 0 ? p.gamma : 0);
    sum += c * c;
  }
  return out;
}

/**
 * Starting state from the first cycles: level = mean of the first cycle, trend = change between the first two
 * cycle means per period, each slot's seasonal = its mean deviation from the level line. Slots never seen in
 * the first cycles (a holiday profile) start from `fallback(slot)`'s value.
 */
export function hwInitial(
  y: ArrayLike<number>,
  slots: ArrayLike<number>,
  spec: HwSpec,
  season: number,
  fallback: (slot: number) => number,
): HwState {
  const m = Math.max(1, season);
  const cycles = Math.min(2, Math.floor(y.length / m));
  const mean = (from: number, to: number) => {
    let s = 0;
    for (let t = from; t < to; t++) s += y[t]!;
    return s / Math.max(1, to - from);
  };
  const first = mean(0, Math.min(m, y.length));
  const trend = spec.trend && cycles >= 2 ? (mean(m, 2 * m) - first) / m : 0;
  const season0 = new Float64Array(spec.slotCount);
  if (spec.seasonal) {
    const sum = new Float64Array(spec.slotCount);
    const n = new Float64Array(spec.slotCount);
    const upto = Math.max(1, cycles) * m;
    for (let t = 0; t < Math.min(upto, y.length); t++) {
      sum[slots[t]!]! += y[t]! - (first + trend * (t - (m - 1) / 2));
      n[slots[t]!]! += 1;
    }
    for (let k = 0; k < spec.slotCount; k++) season0[k] = n[k]! > 0 ? sum[k]! / n[k]! : Number.NaN;
    for (let k = 0; k < spec.slotCount; k++)
      if (Number.isNaN(season0[k]!)) season0[k] = season0[fallback(k)] ?? 0;
    for (let k = 0; k < spec.slotCount; k++) if (Number.isNaN(season0[k]!)) season0[k] = 0;
  }
  // The level sits at the end of "period −1", half a cycle of trend before the first cycle's centre.
  return { level: first - trend * ((m - 1) / 2 + 1), trend, season: season0 };
}
