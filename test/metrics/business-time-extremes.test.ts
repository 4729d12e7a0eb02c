import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutes,
  isBusinessTime,
  type Schedule,
  SupportkitError,
  slaStatus,
  tagTrends,
  ValidationError,
  volumes,
} from '../../src/index.js';
import { arithmeticSchedule } from '../../src/metrics/business-arithmetic.js';
import { compileSchedule } from '../../src/metrics/business-time.js';

const MAX = 8.64e15;
const DAY = 86_400_000;
const weekdays = (from: number, to: number) =>
  [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + from, end: d * 1440 + to }));
const rome: Schedule = { timeZone: 'Europe/Rome', intervals: weekdays(540, 1080), holidays: [] };
const everything: Schedule = {
  timeZone: 'Europe/Rome',
  intervals: weekdays(540, 1080),
  holidays: [{ name: 'forever', startDate: '0001-01-01', endDate: '9999-12-31' }],
};

const zones = ['Europe/Rome', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const interval = fc
  .tuple(fc.integer({ min: 0, max: 10_079 }), fc.integer({ min: 1, max: 1440 }))
  .map(([start, length]) => ({ start, end: Math.min(10_080, start + length) }));
const holiday = fc
  .tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 20 }))
  .map(([offset, length]) => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * DAY).toISOString().slice(0, 10);
    return { name: 'h', startDate: day(offset), endDate: day(offset + length) };
  });
const schedule = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    intervals: fc.array(interval, { minLength: 1, maxLength: 5 }),
    holidays: fc.array(holiday, { maxLength: 4 }),
  })
  .map((s) => {
    // Drop overlapping intervals (the model refuses them).
    const kept: { start: number; end: number }[] = [];
    for (const i of [...s.intervals].sort((a, b) => a.start - b.start))
      if (kept.length === 0 || i.start >= kept[kept.length - 1]!.end) kept.push(i);
    return { ...s, intervals: kept } as Schedule;
  });
const normalInstant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 6, 1) });

// Each new schedule is laid out afresh and each zone's offset changes are found once: slower than the rest.
describe('business time: the arithmetic form equals the day-by-day layout on normal spans', {
  timeout: 120_000,
}, () => {
  it('openBetween(a, b) = layout, DST nights, holidays and Lord Howe’s 30-minute shift included', () => {
    fc.assert(
      fc.property(schedule, normalInstant, fc.integer({ min: 0, max: 120 * DAY }), (s, a, span) => {
        const compiled = compileSchedule(s);
        const b = a + span;
        compiled.ensure(a, b);
        const layout = compiled.cumulative(b) - compiled.cumulative(a);
        expect(arithmeticSchedule(compiled.schedule).openBetween(a, b)).toBeCloseTo(layout, 3);
      }),
      { numRuns: 40 },
    );
  });

  it('isOpen agrees with the layout', () => {
    fc.assert(
      fc.property(schedule, normalInstant, (s, t) => {
        const compiled = compileSchedule(s);
        compiled.ensure(t, t);
        expect(arithmeticSchedule(compiled.schedule).isOpen(t)).toBe(compiled.isOpen(t));
      }),
      { numRuns: 40 },
    );
  });

  it('long spans are additive: a 1000-year span is the sum of its pieces', () => {
    const a = Date.UTC(2026, 0, 1);
    const b = Date.UTC(3026, 0, 1);
    const mid = Date.UTC(2600, 5, 15);
    const whole = businessMinutes(a, b, rome);
    expect(whole).toBeCloseTo(businessMinutes(a, mid, rome) + businessMinutes(mid, b, rome), 3);
    // About 45 hours a week for 1000 years.
    expect(whole / 60 / 52_177).toBeCloseTo(45, 0);
  });
});

describe('every business-time function terminates quickly on extreme but valid input', () => {
  // Valid Timestamps only: |ms| ≥ 1e11 (smaller numbers are refused as probable epoch seconds).
  const extreme = fc.oneof(
    fc.integer({ min: MAX - 400 * DAY, max: MAX }),
    fc.integer({ min: -MAX, max: -MAX + 400 * DAY }),
    fc.integer({ min: -MAX, max: MAX }).filter((t) => Math.abs(t) >= 1e11),
    normalInstant,
  );
  // One zone, so its offset changes are found once (about a second); the others are covered above.
  const schedules = fc.constantFrom(rome, everything, {
    ...rome,
    holidays: [{ name: 'x', startDate: '2026-01-01', endDate: '4000-12-31' }],
  });

  it('businessMinutes, isBusinessTime and addBusinessMinutes near ±8.64e15 ms, over millennia, under all-covering holidays', () => {
    fc.assert(
      fc.property(
        extreme,
        extreme,
        schedules,
        fc.integer({ min: 0, max: 10_000_000 }),
        (a, b, s, minutes) => {
          const m = businessMinutes(a, b, s);
          expect(Number.isFinite(m)).toBe(true);
          expect(typeof isBusinessTime(a, s)).toBe('boolean');
          try {
            const at = addBusinessMinutes(a, minutes, s);
            expect(at.getTime()).toBeGreaterThanOrEqual(a);
            expect(businessMinutes(a, at, s)).toBeGreaterThanOrEqual(minutes - 1e-6);
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('addBusinessMinutes at the very end of the Date range is a ValidationError, not an endless loop', () => {
    expect(() => addBusinessMinutes(MAX - 1000, 60, rome)).toThrow(ValidationError);
    // Closed from 0001 to 9999: the first business minute is on the first Monday of 10000.
    expect(addBusinessMinutes('2026-03-02T09:00:00Z', 1, everything).getUTCFullYear()).toBe(10_000);
  });

  it('slaStatus with a business-hours target near the largest Date terminates', () => {
    const ticket = {
      id: 't',
      subject: '',
      status: 'open',
      requesterId: 'c',
      createdAt: MAX - 3 * DAY,
      updatedAt: MAX - 3 * DAY,
    };
    const policy = {
      id: 'p',
      title: 'p',
      targets: [{ priority: 'normal', metric: 'firstReply', minutes: 600, businessHours: true }],
    };
    try {
      slaStatus(ticket, [], [], policy as never, { asOf: MAX, schedule: rome });
    } catch (error) {
      expect(error).toBeInstanceOf(SupportkitError);
    }
  });

  it('1000-year business minutes with an all-covering holiday is fast', () => {
    const t = performance.now();
    expect(businessMinutes('1026-01-01T00:00:00Z', '3026-01-01T00:00:00Z', everything)).toBe(0);
    expect(businessMinutes('1900-01-01T00:00:00Z', '2900-01-01T00:00:00Z', rome)).toBeGreaterThan(0);
    expect(performance.now() - t).toBeLessThan(4000);
  });
});

describe('volumes and tag trends over tickets millennia apart', () => {
  const ticket = (id: string, createdAt: string) => ({
    id,
    subject: '',
    status: 'open',
    requesterId: 'c',
    createdAt,
    updatedAt: createdAt,
    tags: ['x'],
  });
  it('two tickets 2,000 years apart: a result within a documented bound, or a ValidationError — quickly', () => {
    const dataset = { tickets: [ticket('a', '0026-01-01T00:00:00Z'), ticket('b', '2026-01-01T00:00:00Z')] };
    for (const interval of ['day', 'week', 'month'] as const) {
      const t = performance.now();
      for (const run of [() => volumes(dataset, { interval }), () => tagTrends(dataset, { interval })]) {
        try {
          run();
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).message).toMatch(/periods/);
        }
      }
      expect(performance.now() - t).toBeLessThan(3000);
    }
  });
});
