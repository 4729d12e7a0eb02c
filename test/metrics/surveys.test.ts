import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ces,
  cesAccumulator,
  csat,
  csatAccumulator,
  distributionAccumulator,
  normalQuantile,
  nps,
  npsAccumulator,
  quantileSorted,
  ValidationError,
} from '../../src/index.js';

const Z95 = 1.959963984540054;

describe('nps', () => {
  it('refuses a string of answers instead of reading it character by character', () => {
    expect(() => nps('9,10' as never)).toThrow(
      /expected an array \(or iterable\) of responses, got string \(split/,
    );
  });

  it('hand-worked: 2 promoters, 2 passives, 2 detractors', () => {
    const r = nps([10, 9, 8, 7, 6, 0]);
    expect(r).toMatchObject({ score: 0, promoters: 2, passives: 2, detractors: 2, n: 6, skipped: 0 });
    // p = d = 1/3: SE = 100·√((2/3 − 0)/6) = 100/3; MoE = 1.96 · 33.33 = 65.33.
    expect(r.marginOfError).toBeCloseTo((Z95 * 100) / 3, 10);
    // Adjusted Wald: p' = d' = 2.75/9, n' = 9: centre 0, SE' = 100·√((5.5/9)/9) = 24.845.
    const seAdj = 100 * Math.sqrt(5.5 / 9 / 9);
    expect(r.interval![0]).toBeCloseTo(-Z95 * seAdj, 10);
    expect(r.interval![1]).toBeCloseTo(Z95 * seAdj, 10);
  });

  it('hand-worked: 50 promoters, 30 passives, 20 detractors', () => {
    const scores = [...Array(50).fill(10), ...Array(30).fill(7), ...Array(20).fill(3)];
    const r = nps(scores.map((score, i) => ({ id: String(i), score })));
    expect(r.score).toBeCloseTo(30, 12);
    // var = p + d − (p − d)² = 0.7 − 0.09 = 0.61; SE = 100·√(0.61/100) = 7.8102.
    expect(r.marginOfError).toBeCloseTo(Z95 * 100 * Math.sqrt(0.0061), 10);
    expect(nps(scores, { confidence: 0.9 }).marginOfError).toBeCloseTo(
      1.6448536269514722 * 100 * Math.sqrt(0.0061),
      8,
    );
  });

  it('keeps the interval inside −100..100 and gives nulls for nothing', () => {
    const r = nps([10, 10, 10]);
    expect(r.score).toBe(100);
    expect(r.marginOfError).toBe(0);
    expect(r.interval![1]).toBeLessThanOrEqual(100);
    expect(nps([])).toEqual({
      score: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      n: 0,
      skipped: 0,
      marginOfError: null,
      interval: null,
    });
  });

  it('names every invalid index without echoing the value, or skips and counts them', () => {
    try {
      // What a JavaScript caller or a file can still pass: the types refuse the text and the null.
      nps([10, 'secret comment', 11, 9.5, Number.NaN, null] as never[]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect(e.issues.map((i) => i.path)).toEqual([[1], [2], [3], [4], [5]]);
      expect(e.message).not.toContain('secret');
    }
    expect(nps([10, 'x', 11, 3] as never[], { invalid: 'skip' })).toMatchObject({
      n: 2,
      skipped: 2,
      score: 0,
    });
    expect(() => nps([1], { invalid: 'maybe' as never })).toThrow(ValidationError);
  });
});

describe('csat and ces', () => {
  it('csat: good ÷ (good + bad), unanswered out of the denominator', () => {
    const r = csat(['good', 'good', 'bad', null]);
    expect(r.score).toBeCloseTo(200 / 3, 12);
    expect(r).toMatchObject({ positive: 2, negative: 1, n: 3, unanswered: 1 });
  });

  it('csat: top-2 box on 1..5, configurable, with response rate', () => {
    expect(csat([5, 4, 3, 1], { offered: 10 })).toMatchObject({ score: 50, n: 4, responseRate: 40 });
    expect(csat([5, 4, 3, 1], { threshold: 3 }).score).toBe(75);
    expect(csat([{ rating: 5 }, { rating: null }]).score).toBe(100);
    expect(csat([]).score).toBeNull();
    expect(csat([null], { offered: 0 }).responseRate).toBeNull();
    expect(() => csat(['meh', 6] as never[])).toThrow(ValidationError);
    expect(csat(['meh', 'good'] as never[], { invalid: 'skip' })).toMatchObject({ skipped: 1, score: 100 });
  });

  it('ces: mean and share of easy answers', () => {
    expect(ces([7, 6, 5, 2])).toEqual({ mean: 5, easyShare: 75, easy: 3, n: 4, skipped: 0 });
    expect(ces([{ score: 4 }], { threshold: 4 }).easyShare).toBe(100);
    expect(ces([]).mean).toBeNull();
    expect(() => ces([0, 8])).toThrow(/\[0\]|\[1\]/);
  });
});

describe('statistics helpers', () => {
  it('quantiles interpolate linearly between ranks (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileSorted([], 0.5)).toBeNull();
  });

  it('normalQuantile matches known values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 6);
  });
});

describe('accumulators: merge(shards) = whole', () => {
  /** Splits items at random cut points, accumulates each shard apart, ships its state as JSON, merges. */
  function sharded<T, R, S>(
    make: () => { add(x: T): unknown; merge(s: S): unknown; result(): R; toJSON(): S },
    items: T[],
    cuts: number[],
  ) {
    const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
    const merged = make();
    let from = 0;
    for (const to of [...points, items.length]) {
      const shard = make();
      for (const item of items.slice(from, to)) shard.add(item);
      merged.merge(JSON.parse(JSON.stringify(shard.toJSON())));
      from = to;
    }
    const whole = make();
    for (const item of items) whole.add(item);
    return { merged: merged.result(), whole: whole.result() };
  }
  const cuts = fc.array(fc.nat(), { maxLength: 5 });

  it('nps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), cuts, (scores, c) => {
        const { merged, whole } = sharded(() => npsAccumulator(), scores, c);
        expect(merged).toEqual(whole);
        expect(whole).toEqual(nps(scores));
      }),
    );
  });

  it('csat', () => {
    const rating = fc.oneof(fc.constantFrom('good', 'bad', null), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(fc.array(rating), cuts, (ratings, c) => {
        const { merged, whole } = sharded(() => csatAccumulator(), ratings, c);
        expect(merged).toEqual(whole);
        expect(whole).toEqual(csat(ratings));
      }),
    );
  });

  it('ces', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 })), cuts, (scores, c) => {
        const { merged, whole } = sharded(() => cesAccumulator(), scores, c);
        expect(merged).toEqual(whole);
        expect(whole).toEqual(ces(scores));
      }),
    );
  });

  it('distributions (exact median and p90)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true })), cuts, (values, c) => {
        const { merged, whole } = sharded(() => distributionAccumulator(), values, c);
        expect(merged).toEqual(whole);
      }),
    );
  });
});
