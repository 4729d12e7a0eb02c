/**
 * The planning sections' history: arrivals per quarter hour summed into local hours or days without a time-zone
 * conversion per quarter — exact in zones with half- and quarter-hour offsets and across DST changes.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localPoints } from '../../src/report/planning/context.js';

const ZONES = [
  'Europe/Rome',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'UTC',
];
// Around the 2026 DST changes of Europe, North America and Australia.
const around = [
  Date.UTC(2026, 2, 8, 5),
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 3, 4, 15),
  Date.UTC(2026, 9, 25, 1),
];

describe('localPoints', () => {
  it('keeps every arrival, each in the local hour (or day) it arrived in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('hour' as const, 'day' as const),
        fc.constantFrom(...around),
        fc.uniqueArray(fc.integer({ min: -400, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (zone, unit, centre, offsets, count) => {
          const quarters = new Map(
            offsets.map((o) => [Math.floor(centre / 900_000) + o, count] as [number, number]),
          );
          const points = localPoints(
            quarters,
            zone,
            unit,
            Number.NEGATIVE_INFINITY,
            Number.POSITIVE_INFINITY,
          );
          expect(points.reduce((n, p) => n + p.value, 0)).toBe(offsets.length * count);
          const period = (ms: number) => DateTime.fromMillis(ms, { zone }).startOf(unit).toMillis();
          // Luxon's periods: each point sums exactly the quarters whose local period is the point's.
          const expected = new Map<number, number>();
          for (const [quarter, n] of quarters) {
            const key = period(quarter * 900_000);
            expected.set(key, (expected.get(key) ?? 0) + n);
          }
          const got = new Map<number, number>();
          for (const p of points) got.set(period(p.start), (got.get(period(p.start)) ?? 0) + p.value);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps only quarters in [from, to)', () => {
    const quarters = new Map([
      [100, 1],
      [101, 2],
      [102, 4],
    ]);
    const points = localPoints(quarters, 'UTC', 'hour', 101 * 900_000, 102 * 900_000);
    expect(points.reduce((n, p) => n + p.value, 0)).toBe(2);
  });
});
