/**
 * Parameter estimation: least squares of the one-step errors (the criterion statsmodels' `fit()` minimises),
 * by Nelder-Mead over unconstrained coordinates mapped into the admissible region.
 */
import {
  type HwClip,
  type HwParams,
  type HwSpec,
  type HwState,
  hwFilter,
  hwInitial,
} from './holt-winters.js';

/** φ is kept in [0.8, 0.995], statsmodels' bounds (below 0.8 damping is too strong to be plausible, FPP3 §8.2). */
const PHI_MIN = 0.8;
const PHI_MAX = 0.995;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Maps search coordinates to admissible parameters by clamping: 0≤α≤1, 0≤β≤1, 0≤γ≤1−α, 0.8≤φ≤0.995 (clamping,
 * unlike a logistic map, lets the search reach a boundary — optima often sit at β = 0 or γ = 1−α).
 */
function toParams(x: readonly number[], spec: HwSpec): HwParams {
  const alpha = clamp(x[0]!, 0, 1);
  return {
    alpha,
    beta: spec.trend ? clamp(x[1]!, 0, 1) : 0,
    gamma: spec.seasonal ? clamp(x[2]!, 0, 1 - alpha) : 0,
    phi: spec.trend && spec.damped ? clamp(x[3]!, PHI_MIN, PHI_MAX) : 1,
  };
}

/** Minimises f by Nelder-Mead (reflection 1, expansion 2, contraction ½, shrink ½). */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  { step = 1, maxEvaluations = 400, tolerance = 1e-10 } = {},
): { x: number[]; value: number } {
  const n = start.length;
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map(
    (x) => ({ x, value: f(x) }),
  );
  let evaluations = simplex.length;
  const combine = (a: number[], b: number[], t: number) => a.map((v, i) => v + t * (b[i]! - v));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const reflected = combine(centroid, worst.x, -1);
    const r = f(reflected);
    evaluations++;
    if (r < best.value) {
      const expanded = combine(centroid, worst.x, -2);
      const e = f(expanded);
      evaluations++;
      simplex[n] = e < r ? { x: expanded, value: e } : { x: reflected, value: r };
    } else if (r < simplex[n - 1]!.value) {
      simplex[n] = { x: reflected, value: r };
    } else {
      const contracted = combine(centroid, worst.x, r < worst.value ? -0.5 : 0.5);
      const c = f(contracted);
      evaluations++;
      if (c < Math.min(r, worst.value)) simplex[n] = { x: contracted, value: c };
      else {
        simplex = simplex.map((v, i) => {
          if (i === 0) return v;
          const x = combine(best.x, v.x, 0.5);
          evaluations++;
          return { x, value: f(x) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return simplex[0]!;
}

/** A fitted model. */
export interface HwFit {
  spec: HwSpec;
  params: HwParams;
  init: HwState;
  state: HwState;
  sse: number;
  fitted: Float64Array;
  /** The outlier bound the fit used, if any. */
  clip: HwClip | undefined;
}

/** Errors beyond this many count standard deviations are clipped by a robust fit. */
const CLIP_K = 3;

/**
 * The outlier bound for a count series: k = 3 and φ, the dispersion (variance ÷ mean) of the changes from the
 * same slot one season earlier, estimated robustly — (y_t − y_{t−m}) ÷ √(y_t + y_{t−m} + 1) is about N(0, φ)
 * for counts, and its median absolute value × 1.4826 is φ's square root whatever a few outages do. At least 1
 * (Poisson). @example `fitHoltWinters(y, slots, spec, 168, { clip: countClip(y, 168) })`
 */
export function countClip(y: ArrayLike<number>, season: number): HwClip {
  const m = Math.max(1, season);
  const d: number[] = [];
  for (let t = m; t < y.length; t++) d.push(Math.abs(y[t]! - y[t - m]!) / Math.sqrt(y[t]! + y[t - m]! + 1));
  d.sort((a, b) => a - b);
  const mad = d.length === 0 ? 0 : d[Math.floor(d.length / 2)]!;
  return { k: CLIP_K, phi: Math.max(1, (1.4826 * mad) ** 2) };
}

/**
 * Fits a model by least squares (with `clip`, by Huber's loss on a cleaned recursion). `init` fixes the starting state (otherwise {@link hwInitial}); a few starting
 * points are tried, as one start can stall in a flat valley of the SSE.
 */
export function fitHoltWinters(
  y: ArrayLike<number>,
  slots: ArrayLike<number>,
  spec: HwSpec,
  season: number,
  options: {
    init?: HwState;
    fallback?: (slot: number) => number;
    maxEvaluations?: number;
    /** Clip outlying errors in the updates and minimise Huber's loss instead of the SSE (see {@link HwClip}). */
    clip?: HwClip;
  } = {},
): HwFit {
  const init = options.init ?? hwInitial(y, slots, spec, season, options.fallback ?? (() => 0));
  const clip = options.clip;
  const objective = (x: number[]) => hwFilter(y, slots, spec, toParams(x, spec), init, clip).loss;
  let best: { x: number[]; value: number } | null = null;
  const maxEvaluations = options.maxEvaluations ?? 300;
  // A coarse grid first (as statsmodels' brute-force start does): the SSE has flat ridges (β hardly matters
  // when α is tiny) where a single Nelder-Mead start stalls; the best grid points seed the searches.
  const grid: { x: number[]; value: number }[] = [];
  for (const a of [0.01, 0.1, 0.3, 0.6])
    for (const b of spec.trend ? [0.001, 0.05, 0.3] : [0])
      for (const g of spec.seasonal ? [0.01, 0.1, 0.3] : [0])
        for (const p of spec.damped ? [0.85, 0.95, 0.99] : [1]) {
          const x = [a, b, Math.min(g, 1 - a), p];
          grid.push({ x, value: objective(x) });
        }
  grid.sort((a, b) => a.value - b.value);
  for (const { x } of grid.slice(0, 3)) {
    const run = nelderMead(objective, x, { step: 0.1, maxEvaluations });
    if (best === null || run.value < best.value) best = run;
  }
  // Restarts from the best point polish a simplex that collapsed early (on a boundary, typically).
  for (let i = 0; i < 4; i++) {
    const polished = nelderMead(objective, best!.x, { step: 0.05, maxEvaluations });
    if (!(polished.value < best!.value * (1 - 1e-9))) break;
    best = polished;
  }
  const params = toParams(best!.x, spec);
  const run = hwFilter(y, slots, spec, params, init, clip);
  return { spec, params, init, state: run.state, sse: run.sse, fitted: run.fitted, clip };
}
