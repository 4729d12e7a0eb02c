/**
 * The count model behind forecast intervals: its distribution and intervals against scipy (recorded by
 * scripts/count-reference.py in test/fixtures/forecast/count-reference.json, so no Python is needed), its
 * properties, and the coverage of the backtest's 80% interval on seasonal hourly count series and on the demo.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '../../../src/cli/commands/demo.js';
import { backtestForecast, forecastVolume, holidaysFor, parseDataset } from '../../../src/index.js';
import {
  countInterval,
  countIntervals,
  countTable,
  dispersionOf,
} from '../../../src/metrics/forecast/count-model.js';
import { countClip, fitHoltWinters } from '../../../src/metrics/forecast/estimate.js';
import { hwForecast } from '../../../src/metrics/forecast/holt-winters.js';
import { createRandom, generateDataset } from '../../../src/testing/index.js';

interface Reference {
  cases: {
    mean: number;
    dispersion: number;
    pmf: [number, number][];
    cdf: [number, number][];
    quantiles: Record<string, number>;
    interval80: [number, number];
    interval95: [number, number];
  }[];
  fits: { trueDispersion: number; mean: number[]; y: number[]; mlDispersion: number }[];
}
const reference: Reference = JSON.parse(
  readFileSync(new URL('../../fixtures/forecast/count-reference.json', import.meta.url), 'utf8'),
);

const probability = (t: ReturnType<typeof countTable>, y: number) => t.p[y - t.first] ?? 0;
const cumulative = (t: ReturnType<typeof countTable>, y: number) => {
  let c = 0;
  for (let i = 0; i < t.p.length && t.first + i <= y; i++) c += t.p[i]!;
  return c;
};

describe('countTable and countInterval against scipy', () => {
  it('tabulates Poisson and NB2 probabilities as scipy does, from a mean of 0.01 to 10,000', () => {
    for (const c of reference.cases) {
      const t = countTable(c.mean, c.dispersion);
      for (const [y, p] of c.pmf) expect(Math.abs(probability(t, y) - p)).toBeLessThan(1e-12 + 1e-9 * p);
      for (const [y, p] of c.cdf) expect(Math.abs(cumulative(t, y) - p)).toBeLessThan(1e-9);
    }
  });

  it('picks the whole-count interval nearest the level, as the reference rule applied to scipy does', () => {
    for (const c of reference.cases) {
      const t = countTable(c.mean, c.dispersion);
      expect(countInterval(t, 0.8), `mean ${c.mean} dispersion ${c.dispersion}`).toEqual(c.interval80);
      expect(countInterval(t, 0.95), `mean ${c.mean} dispersion ${c.dispersion}`).toEqual(c.interval95);
      // Each end is scipy's quantile or the whole count next to it inwards.
      expect(c.interval80[0] - c.quantiles['0.1']!).toBeGreaterThanOrEqual(0);
      expect(c.interval80[0] - c.quantiles['0.1']!).toBeLessThanOrEqual(1);
      expect(c.quantiles['0.9']! - c.interval80[1]).toBeGreaterThanOrEqual(0);
      expect(c.quantiles['0.9']! - c.interval80[1]).toBeLessThanOrEqual(1);
    }
  });

  it('estimates the dispersion by maximum likelihood as scipy.optimize does', () => {
    for (const f of reference.fits) {
      const d = dispersionOf(f.y, f.mean);
      if (f.mlDispersion === 0) expect(d).toBe(0);
      // The golden-section search stops at 0.1% of log δ; scipy's bounded search at 1e-8.
      else expect(Math.abs(d - f.mlDispersion) / f.mlDispersion).toBeLessThan(0.005);
    }
    // And it finds what was simulated: within sampling error of 2,000 hours.
    const [poisson, nb5, nb40, nb1] = reference.fits.map((f) => dispersionOf(f.y, f.mean));
    expect(poisson!).toBeLessThan(0.03);
    expect(nb5!).toBeGreaterThan(0.15);
    expect(nb5!).toBeLessThan(0.3);
    expect(nb40!).toBeGreaterThan(0.15);
    expect(nb40!).toBeLessThan(0.25);
    expect(nb1!).toBeGreaterThan(0.85);
    expect(nb1!).toBeLessThan(1.2);
  });
});

describe('countIntervals (property)', () => {
  const mean = fc.double({ min: 0, max: 5000, noNaN: true });
  const dispersion = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true }));

  it('orders lower95 ≤ lower80 ≤ point ≤ upper80 ≤ upper95, all ≥ 0', () => {
    fc.assert(
      fc.property(mean, dispersion, (m, d) => {
        const b = countIntervals(m, d);
        expect(b.lower95).toBeGreaterThanOrEqual(0);
        expect(b.lower95).toBeLessThanOrEqual(b.lower80);
        expect(b.lower80).toBeLessThanOrEqual(m);
        expect(m).toBeLessThanOrEqual(b.upper80);
        expect(b.upper80).toBeLessThanOrEqual(b.upper95);
      }),
      { numRuns: 300 },
    );
  });

  it('moves up with the mean (within the one count the nearest-level choice may trade back)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 1.05, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, factor, d) => {
          const low = countIntervals(m, d);
          const high = countIntervals(m * factor, d);
          for (const end of ['lower80', 'upper80', 'lower95', 'upper95'] as const)
            expect(high[end]).toBeGreaterThanOrEqual(low[end] - 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds close to its level: the probability of the 80% whole counts is within one count of 80%', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, d) => {
          const t = countTable(m, d);
          const [a, b] = countInterval(t, 0.8);
          const mass = cumulative(t, b) - cumulative(t, a - 1);
          // Moving either end by one count changes the mass by at most the largest probability.
          let largest = 0;
          for (const p of t.p) largest = Math.max(largest, p);
          expect(Math.abs(mass - 0.8)).toBeLessThanOrEqual(largest + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

const ZONE = 'Europe/Rome';

/** Seeded hourly counts: a weekday office-hours profile, +10% trend, Poisson or NB2 (dispersion 0.2) noise. */
function seasonalCounts(kind: 'poisson' | 'nb', peak: number, seed: number, weeks = 16) {
  const random = createRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  // Marsaglia & Tsang's gamma sampler (shape ≥ 1): the NB2 count is Poisson with a Gamma(5, 1/5) factor.
  const gamma = (shape: number): number => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = gauss();
        v = 1 + c * x;
      } while (v <= 0);
      v = v ** 3;
      if (Math.log(random.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const poisson = (m: number) => {
    const limit = Math.exp(-m);
    let k = 0;
    for (let p = random.next(); p > limit; p *= random.next()) k++;
    return k;
  };
  const day = [1, 1, 0.95, 0.95, 0.85, 0.35, 0.25];
  const out: { start: Date; value: number }[] = [];
  let d = DateTime.fromISO('2026-01-05T00:00', { zone: ZONE });
  for (let t = 0; t < weeks * 168; t++) {
    const shape = 0.1 + Math.exp(-((d.hour - 11) ** 2) / 8) + 0.8 * Math.exp(-((d.hour - 15) ** 2) / 6);
    let m = peak * day[d.weekday - 1]! * shape * (1 + (0.1 * t) / (weeks * 168));
    if (kind === 'nb') m = (m * gamma(5)) / 5;
    out.push({ start: d.toJSDate(), value: poisson(m) });
    d = d.plus({ hours: 1 });
  }
  return out;
}

describe('coverage of the 80% interval in the backtest', () => {
  const check = (series: ReturnType<typeof seasonalCounts>) => {
    const bt = backtestForecast(series, {
      interval: 'hour',
      timeZone: ZONE,
      horizon: 168,
      origins: 4,
      methods: ['holt-winters'],
    });
    return bt.scores[0]!;
  };

  it.each([
    { kind: 'poisson', peak: 5, seed: 1 },
    { kind: 'poisson', peak: 30, seed: 2 },
    { kind: 'nb', peak: 5, seed: 3 },
    { kind: 'nb', peak: 30, seed: 4 },
  ] as const)(
    'is 75–85% on seasonal hourly $kind counts peaking at $peak an hour',
    ({ kind, peak, seed }) => {
      const score = check(seasonalCounts(kind, peak, seed));
      expect(score.coverage80!).toBeGreaterThanOrEqual(0.75);
      expect(score.coverage80!).toBeLessThanOrEqual(0.85);
      expect(score.coverage95!).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('is 75–85% on the demo helpdesk, whose 80% intervals no longer all start at 0', () => {
    const dataset = parseDataset(JSON.parse(JSON.stringify(generateDataset({ ...DEMO_DATASET }))));
    const arrivals = dataset.tickets.map((t) => t.createdAt);
    const last = Math.max(...arrivals.map((t) => t.getTime()));
    const end = new Date(Math.floor(last / 3_600_000) * 3_600_000);
    const shared = {
      interval: 'hour' as const,
      timeZone: DEMO_DATASET.timeZone,
      end,
      holidays: holidaysFor({ country: 'IT' }, [2026]),
    };
    const bt = backtestForecast(arrivals, { ...shared, horizon: 168, origins: 4 });
    const best = bt.scores.find((s) => s.method === bt.best)!;
    expect(best.coverage80!).toBeGreaterThanOrEqual(0.75);
    expect(best.coverage80!).toBeLessThanOrEqual(0.85);
    expect(bt.improvementOverNaive!).toBeGreaterThan(0.1);
    const next = forecastVolume(arrivals, { ...shared, horizon: 168 });
    const busy = next.points.filter((p) => p.forecast >= 5);
    expect(busy.length).toBeGreaterThan(10);
    for (const p of busy) expect(p.lower80).toBeGreaterThan(0);
  }, 60_000);
});

describe('robust fit of counts', () => {
  it('keeps an outage from dragging the level: no forecast below zero, the week ahead as without it', () => {
    const series = seasonalCounts('poisson', 8, 7, 10).map((p) => p.value);
    const slots = series.map((_, t) => t % 168);
    // An outage: three Wednesday afternoons' hours get +30 requests, twice.
    const hit = [...series];
    for (const t of [2 * 168 + 2 * 24 + 14, 6 * 168 + 2 * 24 + 10])
      for (let h = 0; h < 3; h++) hit[t + h]! += 30;
    const spec = { trend: false, damped: false, seasonal: true, slotCount: 168 };
    const week = slots.slice(0, 168);
    const clean = fitHoltWinters(series, slots, spec, 168, { clip: countClip(series, 168) });
    const robust = fitHoltWinters(hit, slots, spec, 168, { clip: countClip(hit, 168) });
    const plain = fitHoltWinters(hit, slots, spec, 168);
    const sum = (xs: Float64Array) => xs.reduce((a, b) => a + Math.max(0, b), 0);
    const reference = sum(hwForecast(clean.state, spec, clean.params, week));
    const robustWeek = hwForecast(robust.state, spec, robust.params, week);
    expect(Math.min(...robustWeek)).toBeGreaterThan(-1e-9);
    expect(Math.abs(sum(robustWeek) - reference) / reference).toBeLessThan(0.05);
    // The least-squares fit chases the outage (a larger α) and misses the week by more.
    const plainWeek = hwForecast(plain.state, spec, plain.params, week);
    expect(plain.params.alpha).toBeGreaterThan(robust.params.alpha);
    expect(Math.abs(sum(plainWeek) - reference)).toBeGreaterThan(Math.abs(sum(robustWeek) - reference));
  });
});
