import { ValidationError } from '../errors/validation.js';

/**
 * A metric computed in pieces: `add` inputs, `merge` another accumulator (or its JSON state) computed elsewhere
 * — another worker thread, another machine, yesterday's run — and read the `result`. Merging shards gives the
 * same result as adding everything to one accumulator; `toJSON()` is the state to ship between them.
 *
 * @example
 * ```ts
 * import { npsAccumulator } from 'supportkit-ts';
 * const a = npsAccumulator().add(10).add(3);
 * const b = npsAccumulator().add(9);
 * const whole = npsAccumulator().merge(a).merge(JSON.parse(JSON.stringify(b)));
 * whole.result().score; // 33.3…
 * ```
 */
export interface Accumulator<Input, Result, State> {
  /** Adds one input. Returns the accumulator, so calls chain. */
  add(input: Input): this;
  /** Folds in another accumulator of the same kind, or the JSON state of one. */
  merge(other: Accumulator<Input, Result, State> | State): this;
  /** The metric over everything added and merged so far. */
  result(): Result;
  /** A JSON-serialisable snapshot that `merge` accepts. */
  toJSON(): State;
}

/** Reads the state out of an accumulator or passes a state through. */
export function stateOf<S>(other: { toJSON(): S } | S): S {
  if (other === null || typeof other !== 'object') {
    throw new ValidationError('merge() state', [
      { path: [], code: 'invalid_type', message: 'expected an accumulator or its JSON state' },
    ]);
  }
  return typeof (other as { toJSON?: unknown }).toJSON === 'function'
    ? (other as { toJSON(): S }).toJSON()
    : (other as S);
}
