import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutes,
  holidaysFor,
  isBusinessTime,
  type Schedule,
  ValidationError,
} from '../../src/index.js';

const weekdays = (fromHour: number, toHour: number) =>
  [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + fromHour * 60, end: d * 1440 + toHour * 60 }));
const rome: Schedule = { timeZone: 'Europe/Rome', intervals: weekdays(9, 18), holidays: [] };

describe('businessMinutes: hand-worked cases', () => {
  it('skips the night and the weekend', () => {
    // Fri 17:00–18:00 = 60, Mon 09:00–10:00 = 60.
    expect(businessMinutes('2026-03-06T17:00:00+01:00', '2026-03-09T10:00:00+01:00', rome)).toBe(120);
    // Entirely outside hours.
    expect(businessMinutes('2026-03-07T10:00:00+01:00', '2026-03-08T20:00:00+01:00', rome)).toBe(0);
    // A full week: 5 × 9 h = 2700 min.
    expect(businessMinutes('2026-03-02T00:00:00+01:00', '2026-03-09T00:00:00+01:00', rome)).toBe(2700);
  });

  it('counts to the second and is antisymmetric', () => {
    expect(businessMinutes('2026-03-02T09:00:30+01:00', '2026-03-02T09:01:00+01:00', rome)).toBe(0.5);
    expect(businessMinutes('2026-03-09T10:00:00+01:00', '2026-03-06T17:00:00+01:00', rome)).toBe(-120);
    expect(businessMinutes(new Date(0 + 1e12), 1e12, rome)).toBe(0);
  });

  it('holds 180 real minutes in a 01:00–05:00 window the night clocks go forward, 300 when they go back', () => {
    const sundayNight: Schedule = {
      timeZone: 'Europe/Rome',
      intervals: [{ start: 60, end: 300 }],
      holidays: [],
    };
    // 2026-03-29: 02:00 CET → 03:00 CEST. 01:00 CET = 00:00Z, 05:00 CEST = 03:00Z.
    expect(businessMinutes('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', sundayNight)).toBe(180);
    // 2026-10-25: 03:00 CEST → 02:00 CET. 01:00 CEST = 23:00Z (Sat), 05:00 CET = 04:00Z.
    expect(businessMinutes('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', sundayNight)).toBe(300);
    // An ordinary Sunday: 240.
    expect(businessMinutes('2026-03-21T00:00:00Z', '2026-03-23T00:00:00Z', sundayNight)).toBe(240);
  });

  it('follows the wall clock through the gap and the repeated hour', () => {
    // Sunday 00:00–02:01 on 2026-03-29: the clock jumps from 01:59:59 CET to 03:00 CEST, so it never shows
    // 02:00–02:01; the window closes at the jump: 00:00 CET (23:00Z) → 01:00Z = 120 minutes.
    const intoTheGap: Schedule = {
      timeZone: 'Europe/Rome',
      intervals: [{ start: 0, end: 121 }],
      holidays: [],
    };
    expect(businessMinutes('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', intoTheGap)).toBe(120);
    // Sunday 02:15–02:45 on 2026-10-25: the clock shows those minutes twice (CEST, then CET) = 60 minutes.
    const repeated: Schedule = {
      timeZone: 'Europe/Rome',
      intervals: [{ start: 135, end: 165 }],
      holidays: [],
    };
    expect(businessMinutes('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', repeated)).toBe(60);
    expect(addBusinessMinutes('2026-10-25T00:00:00Z', 45, repeated).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('is DST-correct in the US too: 09:00–17:00 New York is 13:00Z–21:00Z in summer, 14:00Z–22:00Z in winter', () => {
    const ny: Schedule = { timeZone: 'America/New_York', intervals: weekdays(9, 17), holidays: [] };
    // Friday 2026-03-06 (EST): 14:00Z–22:00Z. From 13:00Z to 15:00Z is one business hour.
    expect(businessMinutes('2026-03-06T13:00:00Z', '2026-03-06T15:00:00Z', ny)).toBe(60);
    // Friday 2026-03-13 (EDT): 13:00Z–21:00Z. Same UTC span, two business hours.
    expect(businessMinutes('2026-03-13T13:00:00Z', '2026-03-13T15:00:00Z', ny)).toBe(120);
  });

  it('removes holidays as whole local days, end date inclusive, also across a weekend', () => {
    const closed: Schedule = {
      ...rome,
      holidays: [{ name: 'Christmas closure', startDate: '2026-12-25', endDate: '2026-12-28' }], // Fri → Mon
    };
    // Thu 24 17:00 → Tue 29 10:00 Rome: Thu 60 + (Fri, Mon closed) + Tue 60.
    expect(businessMinutes('2026-12-24T17:00:00+01:00', '2026-12-29T10:00:00+01:00', closed)).toBe(120);
    expect(businessMinutes('2026-12-24T17:00:00+01:00', '2026-12-29T10:00:00+01:00', rome)).toBe(
      120 + 540 * 2,
    );
  });

  it('joins intervals that touch 0 and 10080 across the week boundary', () => {
    const edges: Schedule = {
      timeZone: 'UTC',
      intervals: [
        { start: 0, end: 60 }, // Sunday 00:00–01:00
        { start: 10_020, end: 10_080 }, // Saturday 23:00–24:00
      ],
      holidays: [],
    };
    // Saturday 2026-03-07 22:30Z → Sunday 00:30Z: 60 + 30.
    expect(businessMinutes('2026-03-07T22:30:00Z', '2026-03-08T00:30:00Z', edges)).toBe(90);
    expect(addBusinessMinutes('2026-03-07T23:30:00Z', 60, edges).toISOString()).toBe(
      '2026-03-08T00:30:00.000Z',
    );
  });

  it('rejects bad input with a ValidationError', () => {
    expect(() => businessMinutes('not a date', '2026-01-01T00:00:00Z', rome)).toThrow(ValidationError);
    expect(() => businessMinutes(1e12, 2e12, { ...rome, timeZone: 'Nowhere/Land' })).toThrow(/timeZone/);
    expect(() => addBusinessMinutes(1e12, 10, { timeZone: 'UTC', intervals: [], holidays: [] })).toThrow(
      /no business hours/,
    );
    expect(() => addBusinessMinutes(1e12, -1, rome)).toThrow(ValidationError);
  });
});

describe('addBusinessMinutes', () => {
  it('lands on the next open minute', () => {
    expect(addBusinessMinutes('2026-03-06T17:00:00+01:00', 120, rome).toISOString()).toBe(
      '2026-03-09T09:00:00.000Z',
    );
    expect(addBusinessMinutes('2026-03-07T12:00:00+01:00', 0, rome).toISOString()).toBe(
      '2026-03-07T11:00:00.000Z',
    );
    // A deadline exactly at closing time stays at closing time.
    expect(addBusinessMinutes('2026-03-02T09:00:00+01:00', 540, rome).toISOString()).toBe(
      '2026-03-02T17:00:00.000Z',
    );
  });

  it('finds deadlines far ahead and past long closures', () => {
    const closed: Schedule = {
      ...rome,
      holidays: [{ name: 'Sabbatical', startDate: '2026-01-01', endDate: '2027-12-31' }],
    };
    expect(addBusinessMinutes('2026-06-01T00:00:00Z', 60, closed).toISOString()).toBe(
      '2028-01-03T09:00:00.000Z',
    );
    // 10,000 business hours ≈ 4.3 years of 9-hour weekdays.
    const far = addBusinessMinutes('2026-01-05T08:00:00Z', 600_000, rome);
    expect(businessMinutes('2026-01-05T08:00:00Z', far, rome)).toBeCloseTo(600_000, 6);
  });
});

// ---- property tests -------------------------------------------------------------------------------------------

const zones = ['Europe/Rome', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const scheduleArb = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    // Half the points fall on Sunday night, where the 2026 DST changes of these zones happen.
    points: fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 10_080 }), fc.integer({ min: 0, max: 300 })), {
      minLength: 2,
      maxLength: 10,
    }),
    holidayStart: fc.integer({ min: 0, max: 20 }),
    holidayLength: fc.integer({ min: 0, max: 3 }),
    withHoliday: fc.boolean(),
  })
  .map(({ timeZone, points, holidayStart, holidayLength, withHoliday }) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ start: sorted[i]!, end: sorted[i + 1]! });
    const start = DateTime.fromISO('2026-03-20').plus({ days: holidayStart });
    const holidays = withHoliday
      ? [
          {
            name: 'h',
            startDate: start.toISODate()!,
            endDate: start.plus({ days: holidayLength }).toISODate()!,
          },
        ]
      : [];
    return { timeZone, intervals, holidays } satisfies Schedule;
  });

/** Reference: walk minute by minute, reading each minute's local wall time through Luxon. */
function oracle(from: number, to: number, schedule: Schedule): number {
  const closed = new Set<string>();
  for (const h of schedule.holidays) {
    for (let d = DateTime.fromISO(h.startDate); d <= DateTime.fromISO(h.endDate); d = d.plus({ days: 1 })) {
      closed.add(d.toISODate()!);
    }
  }
  let minutes = 0;
  for (let t = from; t < to; t += 60_000) {
    const local = DateTime.fromMillis(t, { zone: schedule.timeZone });
    if (closed.has(local.toISODate()!)) continue;
    const weekMinute = (local.weekday % 7) * 1440 + local.hour * 60 + local.minute;
    if (schedule.intervals.some((i) => weekMinute >= i.start && weekMinute < i.end)) minutes++;
  }
  return minutes;
}

describe('businessMinutes: properties', () => {
  // Spans around both 2026 DST changes of every zone tested, on whole minutes, up to three days long.
  const instant = fc
    .tuple(
      fc.constantFrom(
        Date.parse('2026-03-26T00:00:00Z'),
        Date.parse('2026-10-22T00:00:00Z'),
        Date.parse('2026-04-02T00:00:00Z'),
      ),
      fc.integer({ min: 0, max: 8 * 1440 }),
    )
    .map(([base, minutes]) => base + minutes * 60_000);

  it('equals a minute-by-minute walk of local wall time (DST, 30-minute DST, holidays)', () => {
    fc.assert(
      fc.property(scheduleArb, instant, fc.integer({ min: 0, max: 3 * 1440 }), (schedule, from, length) => {
        const to = from + length * 60_000;
        expect(businessMinutes(from, to, schedule)).toBe(oracle(from, to, schedule));
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('is additive and bounded by calendar time', () => {
    fc.assert(
      fc.property(scheduleArb, instant, instant, instant, (schedule, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        const xy = businessMinutes(x, y, schedule);
        expect(xy + businessMinutes(y, z, schedule)).toBeCloseTo(businessMinutes(x, z, schedule), 9);
        expect(xy).toBeGreaterThanOrEqual(0);
        expect(xy).toBeLessThanOrEqual((y - x) / 60_000 + 1e-9);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('addBusinessMinutes is the inverse of businessMinutes', () => {
    fc.assert(
      fc.property(
        scheduleArb.filter((s) => s.intervals.length > 0),
        instant,
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (schedule, from, fraction) => {
          // Up to 20 weeks of this schedule's open time, so sparse schedules stay within a test's budget.
          const weekly = schedule.intervals.reduce((sum, i) => sum + i.end - i.start, 0);
          const minutes = fraction * weekly * 20;
          const deadline = addBusinessMinutes(from, minutes, schedule);
          // Dates hold whole milliseconds, so equal to within one (1/60000 of a minute), never short.
          const counted = businessMinutes(from, deadline, schedule);
          expect(counted).toBeGreaterThanOrEqual(minutes - 1e-12);
          expect(counted - minutes).toBeLessThan(1 / 60_000);
          // And it is the earliest such instant: one millisecond earlier falls short.
          expect(businessMinutes(from, deadline.getTime() - 1, schedule)).toBeLessThan(minutes);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('holidaysFor', () => {
  it('returns Italian public holidays, including moveable ones', () => {
    const holidays = holidaysFor({ country: 'IT' }, [2026]);
    const dates = holidays.map((h) => h.startDate);
    expect(dates).toContain('2026-12-25');
    expect(dates).toContain('2026-04-06'); // Easter Monday 2026
    expect(dates).toContain('2026-06-02');
    expect(holidays.every((h) => h.endDate >= h.startDate)).toBe(true);
  });

  it('knows regions, and the result plugs into a schedule', () => {
    const bavaria = holidaysFor({ country: 'DE', region: 'BY' }, [2026]);
    const germany = holidaysFor({ country: 'DE' }, [2026]);
    expect(bavaria.length).toBeGreaterThan(germany.length);
    const schedule: Schedule = {
      timeZone: 'Europe/Rome',
      intervals: weekdays(9, 18),
      holidays: holidaysFor({ country: 'IT' }, [2026]),
    };
    // Fri 2026-12-25 is Christmas: no business minutes.
    expect(businessMinutes('2026-12-25T00:00:00+01:00', '2026-12-26T00:00:00+01:00', schedule)).toBe(0);
  });

  it('names a wrong country, region or year', () => {
    expect(() => holidaysFor({ country: 'XX' }, [2026])).toThrow(/country/);
    expect(() => holidaysFor({ country: 'IT', region: 'ZZ' }, [2026])).toThrow(/region/);
    expect(() => holidaysFor({ country: 'IT' }, [20.5])).toThrow(ValidationError);
  });
});

describe('isBusinessTime', () => {
  it('agrees with the schedule, its holidays and the DST gap', () => {
    expect(isBusinessTime('2026-03-09T10:00:00+01:00', rome)).toBe(true); // Monday 10:00
    expect(isBusinessTime('2026-03-09T18:00:00+01:00', rome)).toBe(false); // closing time is exclusive
    expect(isBusinessTime('2026-03-08T10:00:00+01:00', rome)).toBe(false); // Sunday
    const closed: Schedule = {
      ...rome,
      holidays: [{ name: 'x', startDate: '2026-03-09', endDate: '2026-03-09' }],
    };
    expect(isBusinessTime('2026-03-09T10:00:00+01:00', closed)).toBe(false);
    const sundayNight: Schedule = {
      timeZone: 'Europe/Rome',
      intervals: [{ start: 0, end: 121 }],
      holidays: [],
    };
    expect(isBusinessTime('2026-03-29T00:59:00Z', sundayNight)).toBe(true); // 01:59 CET
    expect(isBusinessTime('2026-03-29T01:00:00Z', sundayNight)).toBe(false); // 03:00 CEST: 02:00–02:01 never shown
  });
});
