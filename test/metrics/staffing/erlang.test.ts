import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentsFor, erlangC, ValidationError } from '../../../src/index.js';
import { createRandom } from '../../../src/testing/index.js';

/** Erlang C by the textbook closed form (Σ A^k/k!), as a hand calculation would do it: fine for small N. */
function textbookC(n: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term * (n / (n - a)); // A^N/N! · N/(N−A)
  return top / (sum + top);
}

/**
 * A discrete-event simulation of a FCFS queue with N agents: each arrival takes the agent that frees first; with
 * `patience`, a caller whose wait would exceed their (exponential) patience hangs up and takes no agent.
 */
function simulate(o: {
  lambda: number;
  aht: number;
  agents: number;
  target: number;
  patience?: number;
  calls: number;
  seed: number;
}) {
  const random = createRandom(o.seed);
  const exp = (mean: number) => -mean * Math.log(1 - random.next());
  const free = new Array<number>(o.agents).fill(0);
  let t = 0;
  let within = 0;
  let waited = 0;
  let abandoned = 0;
  let totalWait = 0;
  for (let i = 0; i < o.calls; i++) {
    t += exp(1 / o.lambda);
    let k = 0;
    for (let j = 1; j < free.length; j++) if (free[j]! < free[k]!) k = j;
    const wait = Math.max(0, free[k]! - t);
    const patience = o.patience === undefined ? Number.POSITIVE_INFINITY : exp(o.patience);
    if (wait > 0) waited++;
    if (wait > patience) {
      abandoned++;
      totalWait += patience;
      continue;
    }
    if (wait <= o.target) within++;
    totalWait += wait;
    free[k] = t + wait + exp(o.aht);
  }
  return {
    sl: within / o.calls,
    pWait: waited / o.calls,
    abandonment: abandoned / o.calls,
    asa: totalWait / o.calls,
  };
}

describe('erlangC', () => {
  it('reproduces the worked example (360 calls per half hour, 4-minute calls, 55 agents, 15 s)', () => {
    // The example of Westbay Engineers' "The Erlang-C Formula" page (erlang.com), as reproduced in
    // nvidia/Nemotron-CC-Math-v1. By hand: A = 360 × 4 / 30 = 48 Erlangs; occupancy 48/55 = 0.8727;
    // C(55, 48) by Σ A^k/k! (textbookC) = 0.2387; ASA = 0.2387 × 240 / 7 = 8.18 s;
    // SL = 1 − 0.2387 · e^(−7·15/240) = 1 − 0.2387 × 0.6456 = 0.8459.
    const r = erlangC({ contacts: 360, intervalMinutes: 30, ahtSeconds: 240, agents: 55, targetSeconds: 15 });
    expect(r.trafficErlangs).toBe(48);
    expect(r.occupancy).toBeCloseTo(0.8727, 4);
    expect(r.probabilityWait).toBeCloseTo(textbookC(55, 48), 12);
    expect(r.probabilityWait).toBeCloseTo(0.2387, 4);
    expect(r.asaSeconds).toBeCloseTo(8.18, 2);
    expect(r.serviceLevel).toBeCloseTo(0.8459, 4);
    expect(r.overloaded).toBe(false);
  });

  it('agrees with the textbook formula for small teams (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, rho) => {
          const a = n * rho;
          const r = erlangC({
            contacts: a * 60,
            intervalMinutes: 60,
            ahtSeconds: 60,
            agents: n,
            targetSeconds: 30,
          });
          expect(r.probabilityWait).toBeCloseTo(textbookC(n, a), 9);
          expect(r.serviceLevel).toBeGreaterThanOrEqual(0);
          expect(r.serviceLevel).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('matches a discrete-event simulation (200,000 calls, 12 agents at 10 Erlangs)', () => {
    const r = erlangC({ contacts: 100, intervalMinutes: 30, ahtSeconds: 180, agents: 12, targetSeconds: 20 });
    const sim = simulate({ lambda: 100 / 1800, aht: 180, agents: 12, target: 20, calls: 200_000, seed: 7 });
    expect(Math.abs(sim.sl - r.serviceLevel)).toBeLessThan(0.02);
    expect(Math.abs(sim.pWait - r.probabilityWait)).toBeLessThan(0.02);
    expect(Math.abs(sim.asa - r.asaSeconds) / r.asaSeconds).toBeLessThan(0.1);
  });

  it('stays finite and sensible at 5,000 agents', () => {
    const r = erlangC({
      contacts: 49_500 * 2,
      intervalMinutes: 60,
      ahtSeconds: 180,
      agents: 5000,
      targetSeconds: 20,
    });
    expect(r.trafficErlangs).toBe(4950);
    for (const v of [r.serviceLevel, r.asaSeconds, r.probabilityWait, r.occupancy])
      expect(Number.isFinite(v)).toBe(true);
    expect(r.occupancy).toBeCloseTo(0.99, 10);
    expect(r.serviceLevel).toBeGreaterThan(0);
    expect(r.serviceLevel).toBeLessThan(1);
    // Economies of scale: at the same 99% occupancy, 50 agents wait far more often than 5,000 do not.
    const small = erlangC({
      contacts: 990,
      intervalMinutes: 60,
      ahtSeconds: 180,
      agents: 50,
      targetSeconds: 20,
    });
    expect(r.serviceLevel).toBeGreaterThan(small.serviceLevel);
  });

  it('says overloaded, never a negative wait, when the load reaches the agents', () => {
    for (const agents of [0, 5, 10]) {
      const r = erlangC({ contacts: 100, intervalMinutes: 30, ahtSeconds: 180, agents, targetSeconds: 20 });
      expect(r).toMatchObject({ overloaded: true, serviceLevel: 0, probabilityWait: 1, occupancy: 1 });
      expect(r.asaSeconds).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('treats each chat slot as a server', () => {
    const chat = erlangC({
      contacts: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      agents: 7,
      targetSeconds: 20,
      concurrency: 2,
    });
    const phone = erlangC({
      contacts: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      agents: 14,
      targetSeconds: 20,
    });
    expect(chat.serviceLevel).toBe(phone.serviceLevel);
  });

  it('refuses bad input with a ValidationError naming the option', () => {
    expect(() =>
      erlangC({ contacts: -1, intervalMinutes: 30, ahtSeconds: 180, agents: 3, targetSeconds: 20 }),
    ).toThrow(/contacts/);
    expect(() =>
      erlangC({ contacts: 1, intervalMinutes: 30, ahtSeconds: 180, agents: 2.5, targetSeconds: 20 }),
    ).toThrow(ValidationError);
    expect(() => erlangC(null as never)).toThrow(ValidationError);
    expect(() =>
      erlangC({
        contacts: 1,
        intervalMinutes: 30,
        ahtSeconds: 180,
        agents: 2,
        targetSeconds: 20,
        aht: 3,
      } as never),
    ).toThrow(/unknown option/);
  });
});

describe('agentsFor', () => {
  const base = { contacts: 100, intervalMinutes: 30, ahtSeconds: 180, serviceLevel: 0.8, targetSeconds: 20 };

  it('finds the fewest agents meeting the goal, fractional and after shrinkage', () => {
    // A = 10: 13 agents reach SL 0.7956 (< 0.8), 14 reach 0.8884, so 14; fractional = 13 + (0.8 − 0.7956)/(0.8884 −
    // 0.7956) = 13.047; with 30% shrinkage 14/0.7 = 20 scheduled.
    const r = agentsFor({ ...base, shrinkage: 0.3 });
    expect(r.agents).toBe(14);
    expect(r.fractionalAgents).toBeCloseTo(13.047, 3);
    expect(r.scheduled).toBe(20);
    expect(r.scheduledFractional).toBeCloseTo(13.047 / 0.7, 2);
    expect(r.achieved.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.limitedBy).toBe('serviceLevel');
  });

  it('caps occupancy when asked to', () => {
    const r = agentsFor({ ...base, serviceLevel: 0.5, maxOccupancy: 0.7 });
    // SL 0.5 needs 12 agents (0.640 ≥ 0.5 > 0.390 with 11), but 10/0.7 = 14.29 → 15 for occupancy ≤ 0.7.
    expect(r.agents).toBe(15);
    expect(r.limitedBy).toBe('maxOccupancy');
    expect(r.achieved.occupancy).toBeLessThanOrEqual(0.7);
  });

  it('sizes chat by concurrency', () => {
    const r = agentsFor({ ...base, concurrency: 2 });
    expect(r.agents).toBe(7); // 14 slots
  });

  it('needs fewer agents under Erlang A (callers hang up) and tends to Erlang C as patience grows', () => {
    const a = agentsFor({ ...base, patienceSeconds: 120 });
    expect(a.model).toBe('erlang-a');
    expect(a.agents).toBeLessThanOrEqual(14);
    expect(a.achieved.abandonment).toBeGreaterThan(0);
    const patient = agentsFor({ ...base, patienceSeconds: 1e8 });
    expect(patient.agents).toBe(14);
    expect(patient.achieved.serviceLevel).toBeCloseTo(0.8884, 3);
  });

  it('Erlang A figures match a simulation with abandonment', () => {
    const r = agentsFor({ ...base, serviceLevel: 0.6, patienceSeconds: 90 });
    const sim = simulate({
      lambda: 100 / 1800,
      aht: 180,
      agents: r.agents,
      target: 20,
      patience: 90,
      calls: 200_000,
      seed: 11,
    });
    expect(Math.abs(sim.sl - r.achieved.serviceLevel)).toBeLessThan(0.02);
    expect(Math.abs(sim.abandonment - r.achieved.abandonment)).toBeLessThan(0.01);
    expect(Math.abs(sim.pWait - r.achieved.probabilityWait)).toBeLessThan(0.02);
  });

  it('scales to thousands of agents', () => {
    const r = agentsFor({
      contacts: 100_000,
      intervalMinutes: 60,
      ahtSeconds: 180,
      serviceLevel: 0.8,
      targetSeconds: 20,
    });
    expect(r.trafficErlangs).toBe(5000);
    expect(r.agents).toBeGreaterThan(5000);
    expect(r.agents).toBeLessThan(5100);
    expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('needs nobody for no contacts, and refuses an impossible goal', () => {
    expect(agentsFor({ ...base, contacts: 0 })).toMatchObject({ agents: 0, scheduled: 0 });
    expect(() => agentsFor({ ...base, serviceLevel: 1 })).toThrow(/serviceLevel/);
    expect(() => agentsFor({ ...base, shrinkage: 1 })).toThrow(/shrinkage/);
  });

  it('never misses the goal it reports (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 30, max: 900 }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (contacts, aht, goal) => {
          const r = agentsFor({
            contacts,
            intervalMinutes: 60,
            ahtSeconds: aht,
            serviceLevel: goal,
            targetSeconds: 20,
          });
          expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual(goal);
          if (r.agents > 1) {
            const fewer = erlangC({
              contacts,
              intervalMinutes: 60,
              ahtSeconds: aht,
              agents: r.agents - 1,
              targetSeconds: 20,
            });
            expect(fewer.serviceLevel).toBeLessThan(goal);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it.each([
    ['10^10 Erlangs', { contacts: 1e10 * 10 }, 'contacts', 'over 100,000 Erlangs'],
    ['maxOccupancy 1e-9', { maxOccupancy: 1e-9 }, 'maxOccupancy', '≥ 0.1'],
    ['maxOccupancy 1e-6 (10 million agents)', { maxOccupancy: 1e-6 }, 'maxOccupancy', '≥ 0.1'],
    ['a patience of a microsecond', { patienceSeconds: 1e-6 }, 'patienceSeconds', '≥ 1 and ≤ 100,000,000'],
    ['a patience of 10^9 s', { patienceSeconds: 1e9 }, 'patienceSeconds', '≤ 100,000,000'],
    ['shrinkage 0.999', { shrinkage: 0.999 }, 'shrinkage', '≤ 0.9'],
    ['handling in half a second', { ahtSeconds: 0.5, contacts: 100 }, 'ahtSeconds', '≥ 1'],
  ])('refuses %s before any work, naming the option and its range', (_, extra, option, range) => {
    let error: unknown;
    try {
      agentsFor({ ...base, ...extra });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual([option]);
    expect((error as ValidationError).message).toContain(range);
  });

  it('accepts the edges of every range', () => {
    const edge = agentsFor({
      contacts: 100_000 * 2,
      intervalMinutes: 60,
      ahtSeconds: 1800,
      serviceLevel: 0.8,
      targetSeconds: 20,
      maxOccupancy: 0.1,
      shrinkage: 0.9,
    });
    expect(edge.trafficErlangs).toBe(100_000);
    expect(edge.agents).toBe(1_000_000);
    expect(edge.scheduled).toBe(10_000_000);
    expect(edge.limitedBy).toBe('maxOccupancy');
    expect(agentsFor({ ...base, ahtSeconds: 1, patienceSeconds: 1 }).model).toBe('erlang-a');
    expect(agentsFor({ ...base, patienceSeconds: 1e8 }).agents).toBe(14);
  });

  it('Erlang A: the service level is exact at both ends of the target (closed form, any target)', () => {
    // Target 0: only callers finding a free agent count, so SL = 1 − P(wait). An unbounded target: everyone who
    // does not hang up is answered, so SL = 1 − abandonment. Before the closed form, a target of 10^5 s meant
    // (Nμ + kθ)·10^5 uniformisation steps over k states and did not return.
    for (const patienceSeconds of [1, 30, 120, 3600]) {
      const o = { ...base, contacts: 2000, patienceSeconds, serviceLevel: 0.5 };
      const now = agentsFor({ ...o, targetSeconds: 0 }).achieved;
      expect(now.serviceLevel).toBeCloseTo(1 - now.probabilityWait, 9);
      const ever = agentsFor({ ...o, targetSeconds: 1e5 }).achieved;
      expect(ever.serviceLevel).toBeCloseTo(1 - ever.abandonment, 9);
    }
  });

  it('Erlang A: a queue too long to list follows the fluid model (N ÷ A served)', () => {
    // 1,000 Erlangs, callers who wait a million seconds on average, any wait accepted: with N < A agents the
    // queue settles near (A − N)·patience ÷ AHT ≈ 10^6 callers, a share N ÷ A is served, the rest hang up.
    const r = agentsFor({
      contacts: 20_000,
      intervalMinutes: 60,
      ahtSeconds: 180,
      serviceLevel: 0.8,
      targetSeconds: 1e300,
      patienceSeconds: 1e6,
    });
    expect(r.agents).toBe(800);
    expect(r.achieved.serviceLevel).toBeCloseTo(0.8, 9);
    expect(r.achieved.abandonment).toBeCloseTo(0.2, 9);
  });

  const extreme = fc.record({
    load: fc.oneof(
      fc.constantFrom(0, 1e-300, 1e-9, 0.5, 1, 99_999.5, 100_000),
      fc.double({ min: 0, max: 100_000, noNaN: true }),
    ),
    ahtSeconds: fc.constantFrom(1, 7, 180, 86_400, 1e6, 1e300),
    intervalMinutes: fc.constantFrom(1e-6, 15, 60, 1e6),
    serviceLevel: fc.constantFrom(1e-12, 0.5, 0.8, 0.99, 1 - 2 ** -53),
    targetSeconds: fc.constantFrom(0, 1e-300, 20, 1e5, 1e300),
    patienceSeconds: fc.constantFrom(undefined, 1, 60, 1e4, 1e8),
    maxOccupancy: fc.constantFrom(undefined, 0.1, 0.85, 1),
    shrinkage: fc.constantFrom(undefined, 0, 0.35, 0.9),
    concurrency: fc.constantFrom(undefined, 1, 3, 100),
  });
  const inputOf = (x: Record<string, unknown>) => {
    const input: Record<string, unknown> = {
      contacts: ((x.load as number) * (x.intervalMinutes as number) * 60) / (x.ahtSeconds as number),
      intervalMinutes: x.intervalMinutes,
      ahtSeconds: x.ahtSeconds,
      serviceLevel: x.serviceLevel,
      targetSeconds: x.targetSeconds,
    };
    for (const k of ['patienceSeconds', 'maxOccupancy', 'shrinkage', 'concurrency'])
      if (x[k] !== undefined) input[k] = x[k];
    return input as never;
  };

  it('returns a whole number of agents within bounds for extreme but valid options (property)', () => {
    fc.assert(
      fc.property(extreme, (x) => {
        let r: ReturnType<typeof agentsFor>;
        try {
          r = agentsFor(inputOf(x));
        } catch (error) {
          // Only rounding can push contacts × AHT ÷ interval a hair over the load limit.
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues[0]!.path).toEqual(['contacts']);
          return;
        }
        expect(Number.isInteger(r.agents)).toBe(true);
        expect(r.agents).toBeGreaterThanOrEqual(0);
        expect(r.agents).toBeLessThanOrEqual(1_000_000);
        expect(Number.isInteger(r.scheduled)).toBe(true);
        expect(r.scheduled).toBeLessThanOrEqual(10_000_000);
        expect(Number.isFinite(r.fractionalAgents)).toBe(true);
        expect(Number.isFinite(r.scheduledFractional)).toBe(true);
        expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual(0);
        expect(r.achieved.serviceLevel).toBeLessThanOrEqual(1);
        // Within rounding: a goal one ulp below 1 is met at 1 − 2 ulp when more servers are evaluated
        // (seen: 0.9999999999999998 for 0.9999999999999999 at 100,000 Erlangs, concurrency 3).
        expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual((x.serviceLevel as number) - 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('never needs fewer agents for more contacts (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.constantFrom(undefined, 30, 180, 600),
        fc.constantFrom(0.5, 0.8, 0.95),
        fc.constantFrom(0, 20, 60),
        (load, factor, patienceSeconds, serviceLevel, targetSeconds) => {
          const o = {
            intervalMinutes: 60,
            ahtSeconds: 180,
            serviceLevel,
            targetSeconds,
            ...(patienceSeconds === undefined ? {} : { patienceSeconds }),
          };
          const less = agentsFor({ ...o, contacts: load * 20 });
          const more = agentsFor({ ...o, contacts: load * factor * 20 });
          expect(more.agents).toBeGreaterThanOrEqual(less.agents);
        },
      ),
      { numRuns: 40 },
    );
  });
});
