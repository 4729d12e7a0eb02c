import { invalidOption } from '../errors/validation.js';
import { type Accumulator, stateOf } from './accumulator.js';
import { optionsArg } from './input.js';
import { InvalidValues, invalidPolicy, iterableArg, typeName } from './survey-input.js';

/**
 * One CSAT rating: `good` / `bad` (a binary survey), an integer 1..5, or `null` (offered, not answered).
 * @example `const ratings: CsatRating[] = ['good', 5, null];`
 */
export type CsatRating = 'good' | 'bad' | number | null;

/**
 * What {@link csat} counts: a rating, or a response that holds one (a `CsatResponse`, or any object with a
 * `rating`). Words and stars as people type them (`'Good'`, `'4/5'`, `'★★★★'`) are for the automation helper
 * `scoreCsat` (supportkit-ts/automations), which reads them.
 *
 * @example
 * ```ts
 * import { type CsatAnswer, csat } from 'supportkit-ts';
 * const answers: CsatAnswer[] = ['good', { rating: 'bad' }, { rating: null }];
 * csat(answers).score; // 50
 * ```
 */
export type CsatAnswer = CsatRating | { readonly rating: CsatRating };

/** Options of {@link csat}. */
export interface CsatOptions {
  /** On a 1..5 scale, the lowest rating that counts as satisfied. @default 4 (the top-2 box) */
  threshold?: number;
  /** Surveys offered, to compute `responseRate`. */
  offered?: number;
  /** Invalid values: throw a ValidationError naming each index, or skip and count them. @default 'throw' */
  invalid?: 'throw' | 'skip';
}

/** Customer satisfaction over a set of responses. */
export interface CsatResult {
  /** positive ÷ (positive + negative) in percent; null when nobody answered. */
  score: number | null;
  positive: number;
  negative: number;
  /** Answered responses: positive + negative. */
  n: number;
  /** Responses with `rating: null`: offered, not answered; not in the denominator. */
  unanswered: number;
  skipped: number;
  /** n ÷ offered in percent, when `offered` was given. */
  responseRate?: number | null;
}

/** JSON state of {@link csatAccumulator}. */
export interface CsatState {
  positive: number;
  negative: number;
  unanswered: number;
  skipped: number;
}

function thresholdOf(options: CsatOptions): number {
  const threshold = options.threshold ?? 4;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 5) {
    throw invalidOption('csat', 'threshold', 'must be an integer 1..5');
  }
  if (options.offered !== undefined && (!Number.isInteger(options.offered) || options.offered < 0)) {
    throw invalidOption('csat', 'offered', 'must be an integer ≥ 0');
  }
  return threshold;
}

function classify(
  state: CsatState,
  item: unknown,
  index: number,
  threshold: number,
  invalid: InvalidValues,
): void {
  const rating =
    item !== null && typeof item === 'object' && 'rating' in item
      ? (item as { rating: unknown }).rating
      : item;
  if (rating === null) state.unanswered++;
  else if (rating === 'good') state.positive++;
  else if (rating === 'bad') state.negative++;
  else if (typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5) {
    if (rating >= threshold) state.positive++;
    else state.negative++;
  } else {
    state.skipped++;
    invalid.report(index, `expected good, bad, an integer 1..5 or null, got ${typeName(rating)}`);
  }
}

function csatFromCounts(state: CsatState, offered: number | undefined): CsatResult {
  const n = state.positive + state.negative;
  const result: CsatResult = { score: n === 0 ? null : (100 * state.positive) / n, n, ...state };
  if (offered !== undefined) result.responseRate = offered === 0 ? null : (100 * n) / offered;
  return result;
}

/**
 * CSAT: good ÷ (good + bad) for binary ratings, or the share of ratings ≥ `threshold` (default 4: the top-2
 * box) on a 1..5 scale, in percent. Offered-but-unanswered (`rating: null`) is counted apart and left out of the
 * denominator. Accepts `CsatResponse`s or bare ratings ({@link CsatAnswer}), still checked at run time.
 *
 * @example
 * ```ts
 * import { csat } from 'supportkit-ts';
 * csat(['good', 'good', 'bad', null]).score;         // 66.67
 * csat([5, 4, 3, 1], { offered: 10 });                // { score: 50, n: 4, responseRate: 40, … }
 * ```
 */
export function csat<T extends CsatAnswer>(responses: Iterable<T>, options: CsatOptions = {}): CsatResult {
  options = optionsArg(options, 'csat');
  const threshold = thresholdOf(options);
  const invalid = new InvalidValues('csat() ratings', invalidPolicy('csat', options.invalid));
  const state: CsatState = { positive: 0, negative: 0, unanswered: 0, skipped: 0 };
  let index = 0;
  for (const item of iterableArg(responses, 'csat() ratings'))
    classify(state, item, index++, threshold, invalid);
  invalid.throwIfNeeded();
  return csatFromCounts(state, options.offered);
}

/**
 * {@link csat} as a mergeable accumulator.
 *
 * @example
 * ```ts
 * import { csatAccumulator } from 'supportkit-ts';
 * csatAccumulator().add('good').merge(csatAccumulator().add('bad')).result().score; // 50
 * ```
 */
export function csatAccumulator(options: CsatOptions = {}): Accumulator<CsatAnswer, CsatResult, CsatState> {
  options = optionsArg(options, 'csatAccumulator');
  const threshold = thresholdOf(options);
  const policy = invalidPolicy('csatAccumulator', options.invalid);
  const state: CsatState = { positive: 0, negative: 0, unanswered: 0, skipped: 0 };
  let index = 0;
  return {
    add(item) {
      const invalid = new InvalidValues('csat() ratings', policy);
      classify(state, item, index++, threshold, invalid);
      invalid.throwIfNeeded();
      return this;
    },
    merge(other) {
      const s = stateOf<CsatState>(other);
      state.positive += s.positive;
      state.negative += s.negative;
      state.unanswered += s.unanswered;
      state.skipped += s.skipped;
      return this;
    },
    result: () => csatFromCounts(state, options.offered),
    toJSON: () => ({ ...state }),
  };
}
