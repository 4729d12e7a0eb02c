import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as errors from '../../src/errors/index.js';
import { agentsFor, erlangC, SupportkitError, staffingPlan } from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

/**
 * Extreme numbers and prototype-word keys into the staffing functions (agentsFor, erlangC, staffingPlan), and junk
 * into every error class and testing helper. Each staffing call returns figures within their bounds or fails with
 * a typed supportkit error — never hangs, never answers 10^10 agents, never a raw TypeError or RangeError. Inputs
 * are kept small enough that a hang would show as a test timeout rather than a wait of minutes.
 */

const extreme = fc.constantFrom(
  0,
  -0,
  1e-300,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  0.5,
  1,
  20,
  180,
);
/** A sensible value three times in four, else an extreme one: so that one extreme option meets sane others. */
const usually = (sane: number) =>
  fc.oneof({ arbitrary: fc.constant(sane), weight: 3 }, { arbitrary: extreme, weight: 1 });
const anyValue = fc.oneof(extreme, fc.constantFrom(undefined, null, '20', true, {}, []));
const protoWords = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty');

/** A JSON-parsed object, so that `__proto__` is an own key as it is in data, not the prototype. */
const withKey = (base: Record<string, unknown>, key: string, value: unknown) =>
  JSON.parse(JSON.stringify({ ...base, [key]: value ?? null })) as Record<string, unknown>;

function typedOrReturns<T>(call: () => T): T | null {
  try {
    return call();
  } catch (error) {
    expect(error).toBeInstanceOf(SupportkitError);
    return null;
  }
}

const agentOptions = fc.record(
  {
    contacts: extreme,
    intervalMinutes: extreme,
    ahtSeconds: extreme,
    serviceLevel: fc.oneof(extreme, fc.constantFrom(0.8, 1 - 2 ** -53)),
    targetSeconds: extreme,
    shrinkage: fc.oneof(extreme, fc.constantFrom(0.3, 0.9)),
    maxOccupancy: fc.oneof(extreme, fc.constantFrom(1e-9, 1e-6, 0.1, 0.85)),
    patienceSeconds: fc.oneof(extreme, fc.constantFrom(1e-6, 1e8, 1e9)),
    concurrency: fc.oneof(extreme, fc.constantFrom(3, 100, 101)),
  },
  { requiredKeys: ['contacts', 'intervalMinutes', 'ahtSeconds', 'serviceLevel', 'targetSeconds'] },
);

describe('staffing with extreme options', () => {
  it('agentsFor returns a whole number of agents within bounds, or a typed error (property)', () => {
    fc.assert(
      fc.property(agentOptions, (options) => {
        const r = typedOrReturns(() => agentsFor(options as never));
        if (r === null) return;
        expect(Number.isInteger(r.agents)).toBe(true);
        expect(r.agents).toBeGreaterThanOrEqual(0);
        expect(r.agents).toBeLessThanOrEqual(1_000_000);
        expect(Number.isInteger(r.scheduled)).toBe(true);
        expect(r.scheduled).toBeLessThanOrEqual(10_000_000);
        expect(Number.isFinite(r.fractionalAgents)).toBe(true);
        expect(r.trafficErlangs).toBeLessThanOrEqual(100_000);
        expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual(0);
        expect(r.achieved.serviceLevel).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('agentsFor and erlangC refuse prototype-word keys as unknown options (property)', () => {
    const base = {
      contacts: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      serviceLevel: 0.8,
      targetSeconds: 20,
    };
    fc.assert(
      fc.property(protoWords, anyValue, (key, value) => {
        const input = withKey(base, key, value);
        expect(() => agentsFor(input as never)).toThrow(errors.ValidationError);
        const { serviceLevel: _, ...erlangBase } = base;
        expect(() => erlangC(withKey({ ...erlangBase, agents: 12 }, key, value) as never)).toThrow(
          errors.ValidationError,
        );
      }),
    );
  });

  it('staffingPlan returns periods within bounds, or a typed error (property)', () => {
    const hour = (h: number) => ({
      start: new Date(Date.UTC(2026, 2, 2, h)),
      end: new Date(Date.UTC(2026, 2, 2, h + 1)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(extreme, fc.constantFrom(10, 120)), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('phone', 'chat', 'email', 'web', '__proto__'),
        fc.record(
          {
            ahtSeconds: usually(180),
            serviceLevel: usually(0.8),
            targetSeconds: usually(20),
            targetMinutes: usually(240),
            shrinkage: usually(0.3),
            maxOccupancy: usually(0.85),
            patienceSeconds: usually(120),
            concurrency: usually(1),
            peaks: usually(5),
          },
          { requiredKeys: ['ahtSeconds'] },
        ),
        fc.option(protoWords, { nil: undefined }),
        (counts, channel, options, key) => {
          const forecast = counts.map((n, i) => ({ ...hour(8 + i), forecast: n }));
          const o = key === undefined ? { ...options, channel } : withKey({ ...options, channel }, key, 1);
          const plan = typedOrReturns(() => staffingPlan(forecast, o as never));
          if (plan === null) return;
          expect(key).toBeUndefined();
          for (const p of plan.intervals) {
            expect(Number.isInteger(p.agents)).toBe(true);
            expect(p.agents).toBeGreaterThanOrEqual(0);
            expect(p.agents).toBeLessThanOrEqual(1_000_000);
            expect(Number.isInteger(p.scheduled)).toBe(true);
            expect(p.scheduled).toBeLessThanOrEqual(10_000_000);
            expect(Number.isFinite(p.fractionalAgents)).toBe(true);
          }
          expect(Number.isFinite(plan.scheduledHours)).toBe(true);
          expect(plan.peaks.length).toBeLessThanOrEqual(plan.intervals.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const isClass = (value: unknown) =>
  typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));
const errorClasses = Object.entries(errors).filter(([, v]) => isClass(v)) as [
  string,
  new (...args: unknown[]) => SupportkitError,
][];
const helpers = Object.entries(testing).filter(([, v]) => typeof v === 'function' && !isClass(v)) as [
  string,
  (...args: unknown[]) => unknown,
][];

const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(undefined, null, 'x', '__proto__', 42, Number.NaN, Symbol('s'), Object.create(null), []),
  protoWords.map((k) => JSON.parse(`{"${k}": {"status": "x", "adapter": 1}}`) as unknown),
);

describe('error classes and testing helpers with junk arguments', () => {
  it('an error class never throws while being built (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...errorClasses),
        fc.array(junk, { maxLength: 4 }),
        ([, ErrorClass], args) => {
          const error = new ErrorClass(...args);
          expect(error).toBeInstanceOf(SupportkitError);
          expect(typeof error.message).toBe('string');
          expect(typeof error.code).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a testing helper returns or throws a typed error, never a raw TypeError (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...helpers), fc.array(junk, { maxLength: 3 }), ([name, helper], args) => {
        // Small datasets only: junk that happens to be valid options would otherwise generate 500 tickets.
        const small = args.map((a) =>
          a !== null && typeof a === 'object' && !Array.isArray(a) && name !== 'collectDataset'
            ? { ...(a as object), tickets: 3, days: 2, cases: 2 }
            : a,
        );
        typedOrReturns(() => {
          const out = helper(...small);
          // Generators run their checks on the first step.
          if (out && typeof (out as Iterator<unknown>).next === 'function') (out as Iterator<unknown>).next();
          return out;
        });
      }),
      { numRuns: 100 },
    );
    // A generated dataset costs milliseconds each: room for a busy machine, not a timing assertion.
  }, 30_000);
});
