import { invalidOption } from '../errors/validation.js';
import { type Accumulator, stateOf } from './accumulator.js';
import { optionsArg } from './input.js';
import { normalQuantile } from './stats.js';
import { InvalidValues, invalidPolicy, iterableArg, scoreOf, typeName } from './survey-input.js';

/**
 * What {@link nps} counts: a score 0..10, or a response that holds one (an `NpsResponse`, or any object with a
 * numeric `score`). Text answers (`'9'`, `'9 - very likely'`) are for the automation helpers (`npsCategory`,
 * `scoreNps` in supportkit-ts/automations), which read them; here a string does not compile.
 *
 * @example
 * ```ts
 * import { type NpsAnswer, nps } from 'supportkit-ts';
 * const answers: NpsAnswer[] = [10, { score: 6 }];
 * nps(answers).score; // 0
 * ```
 */
export type NpsAnswer = number | { readonly score: number };

/** Options of {@link nps}. */
export interface NpsOptions {
  /** Invalid values: `'throw'` a ValidationError naming each index, or `'skip'` and count them. @default 'throw' */
  invalid?: 'throw' | 'skip';
  /** Confidence level of `marginOfError` and `interval`. @default 0.95 */
  confidence?: number;
}

/** The Net Promoter Score of a set of responses. Nothing to measure gives nulls, never 0 or NaN. */
export interface NpsResult {
  /** %promoters − %detractors, −100..100; null when n = 0. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  /** Valid responses counted. */
  n: number;
  /** Invalid values skipped (only with `invalid: 'skip'`). */
  skipped: number;
  /** Half-width of the confidence interval from the trinomial standard error, in points; null when n = 0. */
  marginOfError: number | null;
  /** Adjusted-Wald interval (0.75 added to promoters and detractors, 3 to n), clamped to −100..100. */
  interval: [number, number] | null;
}

/** JSON state of {@link npsAccumulator}. */
export interface NpsState {
  promoters: number;
  passives: number;
  detractors: number;
  skipped: number;
}

/** Two-sided critical values for the usual levels, to full double precision. */
const EXACT_Z: Record<number, number> = {
  0.9: 1.6448536269514722,
  0.95: 1.959963984540054,
  0.99: 2.5758293035489004,
};

function zFor(confidence: number | undefined): number {
  const level = confidence ?? 0.95;
  if (!(level > 0 && level < 1)) throw invalidOption('nps', 'confidence', 'must be between 0 and 1');
  return EXACT_Z[level] ?? normalQuantile(1 - (1 - level) / 2);
}

/** The NPS arithmetic over counts, shared by {@link nps} and the accumulator. */
function npsFromCounts(state: NpsState, z: number): NpsResult {
  const { promoters, passives, detractors, skipped } = state;
  const n = promoters + passives + detractors;
  if (n === 0) {
    return { score: null, promoters, passives, detractors, n, skipped, marginOfError: null, interval: null };
  }
  const p = promoters / n;
  const d = detractors / n;
  // Trinomial variance of (P − D): p + d − (p − d)².
  const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  const nAdj = n + 3;
  const pAdj = (promoters + 0.75) / nAdj;
  const dAdj = (detractors + 0.75) / nAdj;
  const centre = 100 * (pAdj - dAdj);
  const seAdj = 100 * Math.sqrt(Math.max(0, pAdj + dAdj - (pAdj - dAdj) ** 2) / nAdj);
  return {
    score: 100 * (p - d),
    promoters,
    passives,
    detractors,
    n,
    skipped,
    marginOfError: z * se,
    interval: [Math.max(-100, centre - z * seAdj), Math.min(100, centre + z * seAdj)],
  };
}

function classify(state: NpsState, value: unknown, index: number, invalid: InvalidValues): void {
  const score = scoreOf(value);
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
    invalid.report(
      index,
      typeof score === 'number'
        ? 'expected an integer score 0..10'
        : `expected a score 0..10, got ${typeName(score)}`,
    );
    state.skipped++;
    return;
  }
  if (score >= 9) state.promoters++;
  else if (score >= 7) state.passives++;
  else state.detractors++;
}

/**
 * Net Promoter Score: promoters score 9–10, passives 7–8, detractors 0–6; NPS = %promoters − %detractors.
 * `marginOfError` is the 95% half-width `z · 100·√((p + d − (p − d)²)/n)`; `interval` is the adjusted-Wald
 * interval, which behaves for small samples. Accepts bare scores or `NpsResponse`s ({@link NpsAnswer}); the
 * values are still checked at run time (for JavaScript callers and data read from files).
 *
 * @example
 * ```ts
 * import { nps } from 'supportkit-ts';
 * nps([10, 9, 8, 6, 3]); // { score: 0, promoters: 2, passives: 1, detractors: 2, n: 5, marginOfError: 78.4…, … }
 * nps([10, 11, 9.5], { invalid: 'skip' }).skipped; // 2
 * ```
 */
export function nps<T extends NpsAnswer>(
  responsesOrScores: Iterable<T>,
  options: NpsOptions = {},
): NpsResult {
  options = optionsArg(options, 'nps');
  const policy = invalidPolicy('nps', options.invalid);
  const z = zFor(options.confidence);
  const state: NpsState = { promoters: 0, passives: 0, detractors: 0, skipped: 0 };
  const invalid = new InvalidValues('nps() scores', policy);
  let index = 0;
  for (const value of iterableArg(responsesOrScores, 'nps() scores'))
    classify(state, value, index++, invalid);
  invalid.throwIfNeeded();
  return npsFromCounts(state, z);
}

/**
 * {@link nps} as a mergeable accumulator: add scores shard by shard, merge, then read the same result.
 *
 * @example
 * ```ts
 * import { npsAccumulator } from 'supportkit-ts';
 * const left = npsAccumulator().add(10).add(2);
 * const right = npsAccumulator().add(9);
 * left.merge(right.toJSON()).result().score; // 33.33…
 * ```
 */
export function npsAccumulator(options: NpsOptions = {}): Accumulator<NpsAnswer, NpsResult, NpsState> {
  options = optionsArg(options, 'npsAccumulator');
  const policy = invalidPolicy('npsAccumulator', options.invalid);
  const z = zFor(options.confidence);
  const state: NpsState = { promoters: 0, passives: 0, detractors: 0, skipped: 0 };
  let index = 0;
  return {
    add(value) {
      const invalid = new InvalidValues('nps() scores', policy);
      classify(state, value, index++, invalid);
      invalid.throwIfNeeded();
      return this;
    },
    merge(other) {
      const s = stateOf<NpsState>(other);
      state.promoters += s.promoters;
      state.passives += s.passives;
      state.detractors += s.detractors;
      state.skipped += s.skipped;
      return this;
    },
    result: () => npsFromCounts(state, z),
    toJSON: () => ({ ...state }),
  };
}
