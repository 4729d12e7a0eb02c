import { invalidArgument } from '../errors/validation.js';

/**
 * A small, fast, seedable pseudo-random generator (sfc32 seeded through splitmix32). `Math.random` cannot be
 * seeded, and the generator's promise is the same dataset for the same seed on every machine.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** An exponentially distributed value with the given mean. */
  exponential(mean: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Hashes any number of integers into one 32-bit seed, so sub-streams (customer 17, ticket 42…) are independent.
 * @example `createRandom(mixSeed(42, 7)) // the stream for item 7 of seed 42`
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  parts.forEach((part, i) => {
    if (typeof part !== 'number' || !Number.isFinite(part))
      throw invalidArgument('mixSeed()', `parts[${i}]`, 'expected a finite number');
  });
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h = Math.imul(h ^ Math.floor(part / 0x100000000), 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/**
 * Creates a seeded generator.
 *
 * @example
 * ```ts
 * const random = createRandom(42);
 * random.int(1, 6); // the same number on every run for seed 42
 * ```
 */
export function createRandom(seed: number): Random {
  // A string or NaN would silently seed 0: every "different" seed the same stream.
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw invalidArgument('createRandom()', 'seed', 'expected a finite number');
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      let total = 0;
      for (const [, weight] of items) total += weight;
      let r = next() * total;
      for (const [item, weight] of items) {
        r -= weight;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
}
