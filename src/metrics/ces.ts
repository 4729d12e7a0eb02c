import { invalidOption } from '../errors/validation.js';
import { type Accumulator, stateOf } from './accumulator.js';
import { optionsArg } from './input.js';
import { InvalidValues, invalidPolicy, iterableArg, scoreOf, typeName } from './survey-input.js';

/**
 * What {@link ces} counts: a score 1..7, or a response that holds one (a `CesResponse`, or any object with a
 * numeric `score`). Text answers (`'6'`, `'6/7'`, `'6 - agree'`) are for the automation helper `scoreCes`
 * (supportkit-ts/automations), which reads them.
 *
 * @example
 * ```ts
 * import { type CesAnswer, ces } from 'supportkit-ts';
 * const answers: CesAnswer[] = [7, { score: 3 }];
 * ces(answers).mean; // 5
 * ```
 */
export type CesAnswer = number | { readonly score: number };

/** Options of {@link ces}. */
export interface CesOptions {
  /** The lowest score that counts as "easy". @default 5 */
  threshold?: number;
  /** Invalid values: throw a ValidationError naming each index, or skip and count them. @default 'throw' */
  invalid?: 'throw' | 'skip';
}

/** Customer Effort Score over a set of responses (1 = very hard … 7 = very easy). */
export interface CesResult {
  /** Mean score 1..7; null when n = 0. */
  mean: number | null;
  /** Share of scores ≥ threshold, in percent; null when n = 0. */
  easyShare: number | null;
  easy: number;
  n: number;
  skipped: number;
}

/** JSON state of {@link cesAccumulator}: integer counts per score, so merging is exact. */
export interface CesState {
  /** counts[k] = responses scoring k + 1. */
  counts: number[];
  skipped: number;
}

function thresholdOf(options: CesOptions): number {
  const threshold = options.threshold ?? 5;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 7) {
    throw invalidOption('ces', 'threshold', 'must be an integer 1..7');
  }
  return threshold;
}

function cesFromCounts(state: CesState, threshold: number): CesResult {
  let n = 0;
  let sum = 0;
  let easy = 0;
  state.counts.forEach((count, k) => {
    n += count;
    sum += count * (k + 1);
    if (k + 1 >= threshold) easy += count;
  });
  return {
    mean: n === 0 ? null : sum / n,
    easyShare: n === 0 ? null : (100 * easy) / n,
    easy,
    n,
    skipped: state.skipped,
  };
}

function classify(state: CesState, item: unknown, index: number, invalid: InvalidValues): void {
  const score = scoreOf(item);
  if (typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 7)
    state.counts[score - 1]!++;
  else {
    state.skipped++;
    invalid.report(
      index,
      typeof score === 'number'
        ? 'expected an integer 1..7'
        : `expected a score 1..7, got ${typeName(score)}`,
    );
  }
}

/**
 * Customer Effort Score on the 1..7 scale: the mean and the share of "easy" answers (≥ 5 by default), both
 * reported since teams quote either. Accepts `CesResponse`s or bare scores ({@link CesAnswer}), still checked at
 * run time.
 *
 * @example
 * ```ts
 * import { ces } from 'supportkit-ts';
 * ces([7, 6, 5, 2]); // { mean: 5, easyShare: 75, easy: 3, n: 4, skipped: 0 }
 * ```
 */
export function ces<T extends CesAnswer>(responses: Iterable<T>, options: CesOptions = {}): CesResult {
  options = optionsArg(options, 'ces');
  const threshold = thresholdOf(options);
  const invalid = new InvalidValues('ces() scores', invalidPolicy('ces', options.invalid));
  const state: CesState = { counts: [0, 0, 0, 0, 0, 0, 0], skipped: 0 };
  let index = 0;
  for (const item of iterableArg(responses, 'ces() scores')) classify(state, item, index++, invalid);
  invalid.throwIfNeeded();
  return cesFromCounts(state, threshold);
}

/**
 * {@link ces} as a mergeable accumulator.
 *
 * @example
 * ```ts
 * import { cesAccumulator } from 'supportkit-ts';
 * cesAccumulator().add(7).merge(cesAccumulator().add(3)).result().mean; // 5
 * ```
 */
export function cesAccumulator(options: CesOptions = {}): Accumulator<CesAnswer, CesResult, CesState> {
  options = optionsArg(options, 'cesAccumulator');
  const threshold = thresholdOf(options);
  const policy = invalidPolicy('cesAccumulator', options.invalid);
  const state: CesState = { counts: [0, 0, 0, 0, 0, 0, 0], skipped: 0 };
  let index = 0;
  return {
    add(item) {
      const invalid = new InvalidValues('ces() scores', policy);
      classify(state, item, index++, invalid);
      invalid.throwIfNeeded();
      return this;
    },
    merge(other) {
      const s = stateOf<CesState>(other);
      s.counts.forEach((count, k) => {
        state.counts[k]! += count;
      });
      state.skipped += s.skipped;
      return this;
    },
    result: () => cesFromCounts(state, threshold),
    toJSON: () => ({ counts: [...state.counts], skipped: state.skipped }),
  };
}
