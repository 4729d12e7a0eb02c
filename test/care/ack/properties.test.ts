import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMinutes, coverage, isBusinessTime, promiseReplyBy } from '../../../src/index.js';
import { rome, ticket } from './fixtures.js';

// Instants across 2026 (both DST changes and Christmas), to the minute.
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2026, 11, 31) / 60_000 })
  .map((minute) => new Date(minute * 60_000).toISOString());

describe('properties', () => {
  it('an SLA promise holds exactly the target in business minutes, never less in calendar time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5000 }), (createdAt, minutes) => {
        const policy = {
          id: 'p',
          title: 'P',
          targets: [{ priority: 'normal', metric: 'firstReply' as const, minutes, businessHours: true }],
        };
        const p = promiseReplyBy(ticket('t', createdAt), { schedule: rome, policies: [policy] });
        expect(businessMinutes(createdAt, p.by, rome)).toBeCloseTo(minutes, 6);
        expect(p.calendarMinutes).toBeGreaterThanOrEqual(minutes - 1e-6);
        expect(p.businessMinutes).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('coverage agrees with isBusinessTime, and the next opening is the first open instant', () => {
    fc.assert(
      fc.property(instant, (asOf) => {
        const c = coverage(rome, asOf);
        expect(c.open).toBe(isBusinessTime(asOf, rome));
        const next = c.nextOpening!;
        expect(next.getTime()).toBeGreaterThan(Date.parse(asOf));
        expect(isBusinessTime(next, rome)).toBe(true);
        expect(isBusinessTime(next.getTime() - 60_000, rome)).toBe(false);
        if (!c.open) expect(businessMinutes(asOf, next, rome)).toBe(0);
        else
          expect(businessMinutes(asOf, c.closesAt!, rome)).toBeCloseTo(
            (c.closesAt!.getTime() - Date.parse(asOf)) / 60_000,
            6,
          );
      }),
      { numRuns: 60 },
    );
  });
});
