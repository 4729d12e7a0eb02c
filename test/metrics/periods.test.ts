import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval, PeriodIndex, PeriodSteps } from '../../src/metrics/periods.js';

const DAY = 86_400_000;
/** 2025-01-01T00:00Z, with instants over two years around it (two DST changes a year in these zones). */
const BASE = Date.UTC(2025, 0, 1);
const instants = fc.array(
  fc.integer({ min: -365 * DAY, max: 365 * DAY }).map((d) => BASE + d),
  {
    minLength: 1,
    maxLength: 30,
  },
);
const intervals = fc.constantFrom<Interval>('day', 'week', 'month');
const zones = fc.constantFrom('UTC', 'Europe/Rome', 'America/New_York', 'Australia/Lord_Howe');

describe('PeriodIndex with shared PeriodSteps', () => {
  it('gives every instant the period a PeriodIndex of its own gives it', () => {
    fc.assert(
      fc.property(intervals, zones, instants, instants, (interval, zone, first, second) => {
        const steps = new PeriodSteps(interval, zone);
        const a = new PeriodIndex(interval, zone, 'volumes', steps);
        const b = new PeriodIndex(interval, zone, 'tagTrends', steps);
        for (const t of first) expect(a.periodOf(t)).toEqual(new PeriodIndex(interval, zone).periodOf(t));
        // b reads periods a has laid out, in another order: still the same periods.
        for (const t of [...second, ...first].reverse())
          expect(b.periodOf(t)).toEqual(new PeriodIndex(interval, zone).periodOf(t));
      }),
      { numRuns: 60 },
    );
  });

  it('ignores steps of another interval or time zone', () => {
    // 2025-03-30T01:30Z is Sunday 03:30 in Rome (after the spring change); its Rome day starts 2025-03-29T23:00Z.
    const index = new PeriodIndex('day', 'Europe/Rome', 'volumes', new PeriodSteps('week', 'UTC'));
    expect(index.periodOf(Date.UTC(2025, 2, 30, 1, 30))).toEqual({
      key: '2025-03-30',
      start: new Date(Date.UTC(2025, 2, 29, 23)),
      end: new Date(Date.UTC(2025, 2, 30, 22)), // a 23-hour day: Monday starts at 00:00 CEST = 22:00Z
    });
  });
});
