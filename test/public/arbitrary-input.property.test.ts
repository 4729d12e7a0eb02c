import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as requestTracker from '../../src/adapters/request-tracker/public.js';
import * as trello from '../../src/adapters/trello/public.js';
import * as zendesk from '../../src/adapters/zendesk/public.js';
import * as automations from '../../src/automations/index.js';
import * as care from '../../src/care/index.js';
import * as transport from '../../src/http/index.js';
import * as api from '../../src/index.js';
import { SupportkitError } from '../../src/index.js';
import * as webhooks from '../../src/webhooks/index.js';

/**
 * Arbitrary JSON (and model-shaped objects with wrong types) into every public function of the package root, of
 * supportkit-ts/care, supportkit-ts/automations, supportkit-ts/transport, supportkit-ts/webhooks and of the adapter subpaths (supportkit-ts/zendesk, supportkit-ts/trello,
 * supportkit-ts/request-tracker: their factories, rate limiters and pure mappers, which read each argument through
 * its wire schema). Not yet covered: supportkit-ts/sync (its functions write files at the paths given). Each call
 * returns, or fails with a typed supportkit error. A raw TypeError or RangeError from inside the
 * library is a bug: the caller cannot tell their mistake from ours.
 */

const isClass = (value: unknown) =>
  typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));

const exported = new Map<string, unknown>();
for (const module of [api, care, automations, transport, webhooks, zendesk, trello, requestTracker])
  for (const [name, value] of Object.entries(module)) exported.set(name, value);
const functions = [...exported]
  .filter(([, value]) => typeof value === 'function' && !isClass(value))
  .sort(([a], [b]) => a.localeCompare(b)) as [string, (...args: unknown[]) => unknown][];

/** Model-shaped values with wrong types in places, the way JSON from a file or an automation arrives. */
const modelish = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    status: fc.oneof(fc.constantFrom('open', 'Solved', '__proto__', ''), fc.integer()),
    createdAt: fc.oneof(
      fc.constantFrom('2026-03-01T09:00:00Z', '2026-03-01', '06/03/2026', ''),
      fc.integer(),
    ),
    updatedAt: fc.oneof(fc.constant('2026-03-02T09:00:00Z'), fc.integer()),
    tags: fc.oneof(fc.array(fc.string()), fc.string()),
    timeZone: fc.constantFrom('Europe/Rome', 'Mars/Olympus', ''),
    intervals: fc.oneof(fc.constant([{ start: 540, end: 1080 }]), fc.jsonValue()),
    score: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string()),
  },
  { requiredKeys: [] },
);
const argument = fc.oneof(
  fc.jsonValue(),
  modelish,
  fc.constant(undefined),
  fc.array(modelish, { maxLength: 3 }),
);

/** Calls fn, then pokes at what it returned (accumulators' add/result, iterators' next, promises). */
async function exercise(fn: (...args: unknown[]) => unknown, args: unknown[], poke: unknown): Promise<void> {
  let result = fn(...args);
  if (result instanceof Promise) result = await result;
  if (result && typeof result === 'object') {
    const object = result as Record<string, unknown>;
    if (typeof object.add === 'function') (object.add as (x: unknown) => void)(poke);
    if (typeof object.result === 'function') (object.result as () => unknown)();
    if (typeof object.next === 'function') await (object.next as () => Promise<unknown>)();
  }
}

/** Functions whose whole job is to run a caller's callback or that take no input worth fuzzing. */
const SKIP = new Set<string>([]);

describe('arbitrary input into every public function', () => {
  for (const [name, fn] of functions) {
    if (SKIP.has(name)) continue;
    it(`${name} returns or throws a SupportkitError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(argument, { maxLength: 3 }), argument, async (args, poke) => {
          try {
            await exercise(fn, args, poke);
          } catch (error) {
            if (!(error instanceof SupportkitError)) {
              throw new Error(`${name}(${args.map((a) => typeof a).join(', ')}) threw ${String(error)}`);
            }
          }
        }),
        { numRuns: 100 },
      );
    });
  }
  it('leaves Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(12);
  });
});
