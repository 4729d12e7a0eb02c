import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemorySeenStore } from '../../src/webhooks/index.js';

/**
 * The reference model: the store as it was written first, a Map in claim order trimmed from its front. It is
 * right but slow (V8 walks the holes deleted entries leave at the front of a Map).
 */
function referenceStore(maxEntries: number, now: () => number) {
  const expiries = new Map<string, number>();
  return {
    claim(id: string, ttlMs: number): boolean {
      const at = now();
      for (const [key, expiry] of expiries) {
        if (expiry > at) break;
        expiries.delete(key);
      }
      const expiry = expiries.get(id);
      if (expiry !== undefined && expiry > at) return false;
      expiries.delete(id);
      expiries.set(id, at + ttlMs);
      while (expiries.size > maxEntries) expiries.delete(expiries.keys().next().value as string);
      return true;
    },
    release(id: string): void {
      expiries.delete(id);
    },
  };
}

type Operation =
  | { op: 'claim'; id: string; ttl: number }
  | { op: 'release'; id: string }
  | { op: 'wait'; ms: number };

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('claim' as const),
      id: ids,
      ttl: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('release' as const), id: ids }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 15 }) }),
  },
);

async function sameAnswers(maxEntries: number, ops: Operation[]): Promise<void> {
  let now = 0;
  const store = createMemorySeenStore({ maxEntries, now: () => now });
  const reference = referenceStore(maxEntries, () => now);
  for (const o of ops) {
    if (o.op === 'wait') now += o.ms;
    else if (o.op === 'release') {
      await store.release(o.id);
      reference.release(o.id);
    } else expect(await store.claim(o.id, o.ttl)).toBe(reference.claim(o.id, o.ttl));
  }
}

describe('createMemorySeenStore against its reference model', () => {
  it('answers every claim as a Map trimmed from its front does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(operation, { maxLength: 60 }), sameAnswers),
      { numRuns: 300 },
    );
  });

  it('still does after its queue is rebuilt (thousands of claims)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(operation, { minLength: 4000, maxLength: 6000 }),
        sameAnswers,
      ),
      { numRuns: 10 },
    );
  });
});
