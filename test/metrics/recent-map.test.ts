import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation.js';
import { RecentMap } from '../../src/metrics/recent-map.js';

/** The reference model: a Map trimmed from its front after each add, as the breakdowns used to do. */
function referenceSet(map: Map<string, number>, limit: number, key: string, value: number): void {
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

const operations = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constant('set' as const),
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      value: fc.integer(),
    }),
    fc.record({ op: fc.constant('get' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
  ),
  { maxLength: 80 },
);

describe('RecentMap', () => {
  it('behaves like a Map trimmed from its front, for any limit', () => {
    const limits = fc.oneof(
      fc.integer({ min: 1, max: 7 }),
      fc.double({ min: 1, max: 7, noNaN: true }),
      fc.constant(Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(limits, operations, (limit, ops) => {
        const recent = new RecentMap<string, number>(limit);
        const reference = new Map<string, number>();
        for (const o of ops) {
          if (o.op === 'set') {
            recent.set(o.key, o.value);
            referenceSet(reference, limit, o.key, o.value);
          } else expect(recent.get(o.key)).toBe(reference.get(o.key));
          expect(recent.size).toBe(reference.size);
        }
        expect([...recent.keys()]).toEqual([...reference.keys()]);
      }),
      { numRuns: 500 },
    );
  });

  it('forgets the oldest key, not the most recently updated one', () => {
    // limit 2: a=1, b=2, a=3 (updated in place: a is still the oldest), c=4 pushes a out.
    const recent = new RecentMap<string, number>(2).set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect([...recent.keys()]).toEqual(['b', 'c']);
    expect(recent.get('a')).toBeUndefined();
  });

  it('keeps the last `limit` keys after its ring wraps many times', () => {
    // 200k adds through a 10k window: the ring wraps 19 times; the window is 190 000…199 999.
    const recent = new RecentMap<number, number>(10_000);
    for (let i = 0; i < 200_000; i++) recent.set(i, i);
    expect(recent.size).toBe(10_000);
    expect(recent.get(189_999)).toBeUndefined();
    expect(recent.get(190_000)).toBe(190_000);
  });

  it('refuses a limit below 1 with a ValidationError (a Map trimmed to 0 keys keeps none, a ring cannot)', () => {
    for (const limit of [0, -1, 0.5, Number.NaN]) expect(() => new RecentMap(limit)).toThrow(ValidationError);
  });
});
