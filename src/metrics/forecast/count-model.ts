/**
 * The count model behind the intervals of whole-number series (arrivals per hour, day or week): the next
 * period's count is negative binomial (NB2) with the point forecast as its mean and variance μ + δ·μ², where
 * the dispersion δ is estimated by maximum likelihood from the model's own in-sample forecast errors at the
 * horizons asked for (δ = 0: Poisson). Intervals are sets of whole counts read off that distribution.
 *
 * Why not the normal interval: counts are skewed and small (the demo desk gets 0–9 an hour), so a symmetric
 * ±z·σ starts at 0 at every hour and is far too wide at night; and the ETS variance formula lets the level
 * wander like a random walk, which a support desk's volume does not do within a fortnight.
 */

/** A mean below this is taken as this: an additive model can forecast 0 or less, a count's mean cannot. */
export const MEAN_FLOOR = 0.05;
/** The dispersion is searched in [0, MAX_DISPERSION] (a variance of μ + 20μ² is far beyond any desk's). */
const MAX_DISPERSION = 20;
/** Probabilities below this (relative to the mode's) are left out of a distribution's table. */
const TAIL = 1e-15;
/**
 * At most this many counts on each side of the mode (a mean of 5,000 with dispersion 2 spans about 200,000;
 * a wider distribution loses the tail beyond, renormalised — far past any desk's hour or day).
 */
const MAX_TABLE = 2_000_000;

/** A count distribution as a table: P(Y = first + i) = p[i]. */
export interface CountTable {
  first: number;
  p: Float64Array;
}

/**
 * The negative binomial NB2 with mean `mean` and variance mean + dispersion·mean² (Poisson when dispersion is
 * 0), tabulated from its mode outwards by the ratio of successive probabilities — no factorials, no gamma
 * function, no underflow at large means (P(0) = e^−10000 is never needed). Internal: finite mean ≥ 0,
 * dispersion ≥ 0.
 */
export function countTable(mean: number, dispersion: number): CountTable {
  if (!(mean > 0)) return { first: 0, p: Float64Array.of(1) };
  // Below 1e-12 the NB2 is Poisson to rounding (and 1/δ would overflow the mode's arithmetic).
  const k = dispersion > 1e-12 ? 1 / dispersion : Number.POSITIVE_INFINITY;
  // P(y+1) / P(y): Poisson μ/(y+1); NB2 (y+k)/(y+1) · μ/(k+μ).
  const ratio = Number.isFinite(k)
    ? (y: number) => ((y + k) / (y + 1)) * (mean / (k + mean))
    : (y: number) => mean / (y + 1);
  const mode = Math.floor(Number.isFinite(k) ? Math.max(0, ((k - 1) * mean) / k) : mean);
  const up: number[] = [1];
  let sum = 1;
  for (let y = mode, t = 1; up.length < MAX_TABLE; y++) {
    const r = ratio(y);
    t *= r;
    // Past the mode the ratios fall, so the rest is at most t·r/(1 − r): stop when that is negligible.
    if (t < TAIL && (r < 1 ? (t * r) / (1 - r) : t) < TAIL * sum) break;
    up.push(t);
    sum += t;
  }
  const down: number[] = [];
  for (let y = mode - 1, t = 1; y >= 0 && down.length < MAX_TABLE; y--) {
    t /= ratio(y);
    if (t < TAIL) break;
    down.push(t);
  }
  const p = new Float64Array(down.length + up.length);
  let total = 0;
  for (let i = 0; i < down.length; i++) p[i] = down[down.length - 1 - i]!;
  for (let i = 0; i < up.length; i++) p[down.length + i] = up[i]!;
  for (const v of p) total += v;
  for (let i = 0; i < p.length; i++) p[i]! /= total;
  return { first: mode - down.length, p };
}

/**
 * The central interval of whole counts at `level` (0.8, 0.95) of a count distribution: of the equal-tailed
 * quantile ends and the whole counts next to them inwards (lower: the (1−level)/2 quantile or one above;
 * upper: the (1+level)/2 quantile or one below), the pair whose probability is nearest `level` (ties: the
 * wider). Plain quantile ends hold at least `level` — at 2.5 expected requests the 80% quantile interval
 * [1, 5] holds 87.6% — so a backtest of low counts finds them held far more often than they say; the nearest
 * pair holds `level` on average. Where no whole count comes near (a mean of 0.1: [0, 0] already holds 90.5%),
 * the interval holds more.
 */
export function countInterval(table: CountTable, level: number): [number, number] {
  const tail = (1 - level) / 2;
  const { first, p } = table;
  // cdf[i] = P(Y ≤ first + i − 1): cdf[0] = 0.
  const cdf = new Float64Array(p.length + 1);
  for (let i = 0; i < p.length; i++) cdf[i + 1] = cdf[i]! + p[i]!;
  let lo = 0;
  while (lo < p.length - 1 && cdf[lo + 1]! < tail) lo++;
  let hi = lo;
  while (hi < p.length - 1 && cdf[hi + 1]! < 1 - tail) hi++;
  let best: [number, number] = [lo, hi];
  let gap = Number.POSITIVE_INFINITY;
  for (const a of [lo, lo + 1])
    for (const b of [hi, hi - 1]) {
      if (b < a) continue;
      const d = Math.abs(cdf[b + 1]! - cdf[a]! - level);
      if (d < gap - 1e-12) {
        gap = d;
        best = [a, b];
      }
    }
  return [first + best[0], first + best[1]];
}

/** 80% and 95% intervals of one period, nested (the 95% one contains the 80% one) and holding the mean. */
export function countIntervals(mean: number, dispersion: number) {
  const table = countTable(Math.max(MEAN_FLOOR, mean), dispersion);
  const [l80, u80] = countInterval(table, 0.8);
  const [l95, u95] = countInterval(table, 0.95);
  const point = Math.max(0, mean);
  // The ends are whole counts, widened to the point forecast where it lies outside them (a mean of 0.3 has
  // the 80% interval {0}: reported as 0–0.3, the same whole counts).
  const lower80 = Math.min(l80, point);
  const upper80 = Math.max(u80, point);
  return {
    lower80,
    upper80,
    lower95: Math.min(l95, lower80),
    upper95: Math.max(u95, upper80),
  };
}

/**
 * NB2 log-likelihood of counts y given means μ at dispersion δ, up to terms free of δ:
 * Σ [Σ_{j<y} log(1 + δj) − (y + 1/δ)·log(1 + δμ) + y·log μ] (Lawless 1987), Poisson at δ = 0.
 */
function logLikelihood(y: Float64Array, mu: Float64Array, delta: number): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    if (delta === 0) {
      s += y[i]! * Math.log(m) - m;
      continue;
    }
    for (let j = 1; j < y[i]!; j++) s += Math.log1p(delta * j);
    s += -(y[i]! + 1 / delta) * Math.log1p(delta * m) + y[i]! * Math.log(m);
  }
  return s;
}

/**
 * The NB2 dispersion that maximises the likelihood of the counts `y` given the forecasts `mu` (each taken as
 * at least {@link MEAN_FLOOR}), as MASS::theta.ml does given fitted means: golden-section search on log δ in
 * [1e-6, 20], then 0 (Poisson) if that is as likely. Counts above 100,000 are not expected per period; the
 * likelihood's inner sum costs O(y).
 */
export function dispersionOf(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  if (y.length === 0) return 0;
  const ys = Float64Array.from(y, (v) => Math.round(v));
  const ms = Float64Array.from(mu, (m) => Math.max(MEAN_FLOOR, m));
  const f = (x: number) => logLikelihood(ys, ms, Math.exp(x));
  const g = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(1e-6);
  let b = Math.log(MAX_DISPERSION);
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > 1e-3) {
    if (f1 > f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = f(x2);
    }
  }
  const delta = Math.exp((a + b) / 2);
  return logLikelihood(ys, ms, delta) > logLikelihood(ys, ms, 0) ? delta : 0;
}
