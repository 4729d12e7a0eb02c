import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMinutesBetween, hours, isOpenNow, slaDeadline } from '../../src/automations/index.js';
import { businessMinutes } from '../../src/metrics/index.js';

const rome = { hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome' };

describe('isOpenNow', () => {
  it('is open on a weekday at 10:00 Rome, with no next opening', () => {
    expect(isOpenNow({ ...rome, at: '2026-03-09 10:00' })).toEqual({
      open: true,
      at: '2026-03-09T09:00:00.000Z',
      atLocal: '2026-03-09T10:00:00.000+01:00',
      nextOpenAt: null,
      nextOpenLocal: null,
      timeZone: 'Europe/Rome',
    });
  });

  it('is closed on Saturday and opens on Monday 09:00 (08:00Z)', () => {
    expect(isOpenNow({ ...rome, at: '2026-03-07 10:00' })).toMatchObject({
      open: false,
      nextOpenAt: '2026-03-09T08:00:00.000Z',
    });
  });

  it('closes on public holidays of the country: 6 January (Epifania) in Italy', () => {
    // Tuesday 6 January 2026, 10:00: open by the hours, closed by the holiday; next opening Wednesday 09:00.
    expect(isOpenNow({ ...rome, at: '2026-01-06 10:00' }).open).toBe(true);
    expect(isOpenNow({ ...rome, country: 'IT', at: '2026-01-06 10:00' })).toMatchObject({
      open: false,
      nextOpenLocal: '2026-01-07T09:00:00.000+01:00',
    });
  });

  it('takes a Schedule object or its JSON instead of hours', () => {
    const schedule = hours('Mon-Fri 9-18', { timeZone: 'Europe/Rome' });
    expect(isOpenNow({ schedule, timeZone: 'UTC', at: '2026-03-09T09:00:00Z' }).open).toBe(true);
    expect(
      isOpenNow({ schedule: JSON.stringify(schedule), timeZone: 'UTC', at: '2026-03-09T07:00:00Z' }).open,
    ).toBe(false);
  });

  it('uses the current time when no instant is given', () => {
    const result = isOpenNow({ hours: 'daily 0-24', timeZone: 'UTC' });
    expect(result.open).toBe(true);
    expect(Math.abs(Date.parse(result.at) - Date.now())).toBeLessThan(60_000);
  });
});

describe('slaDeadline', () => {
  it('counts business hours: Friday 17:00 + 4h → Monday 12:00 Rome (60 min Friday, 180 Monday)', () => {
    expect(slaDeadline({ ...rome, start: '2026-03-06 17:00', target: '4h' })).toEqual({
      deadline: '2026-03-09T11:00:00.000Z',
      deadlineLocal: '2026-03-09T12:00:00.000+01:00',
      targetMinutes: 240,
      businessHours: true,
      timeZone: 'Europe/Rome',
    });
  });

  it.each([
    [240, 240],
    ['240', 240],
    ['4 hours', 240],
    ['1h 30m', 90],
    ['1h30', 90],
    ['1.5h', 90],
    ['2 ore', 120],
    ['90 min', 90],
  ])('reads the target %j as %i minutes', (target, minutes) => {
    expect(slaDeadline({ ...rome, start: '2026-03-09 09:00', target }).targetMinutes).toBe(minutes);
  });

  it('counts calendar time, and days, when businessHours is false (also as the string "false")', () => {
    expect(
      slaDeadline({ ...rome, start: '2026-03-06 17:00', target: '2 days', businessHours: 'false' }).deadline,
    ).toBe('2026-03-08T16:00:00.000Z');
  });

  it.each([
    [{ target: '2 days' }, 'slaDeadline() target', 'a business day has no fixed length'],
    [{ target: '4 fortnights' }, 'slaDeadline() target', 'has a unit this does not know'],
    [{ target: '' }, 'slaDeadline() target', 'expected a duration'],
    [{ target: -5 }, 'slaDeadline() target', 'expected a duration'],
    [{ businessHours: 'maybe' }, 'slaDeadline() businessHours', 'expected true or false'],
    [{ hours: undefined }, 'slaDeadline() hours', 'is required (or a schedule)'],
    [{ schedule: '{}' }, 'slaDeadline() hours', 'give hours or schedule, not both'],
    [{ hours: 'Mon 9' }, 'slaDeadline() hours', 'a time needs an end'],
    [{ country: 'XX' }, 'slaDeadline() country', 'unknown ISO 3166-1 country code'],
    [{ start: '06/03/2026' }, 'slaDeadline() dateOrder', 'is required'],
    [{ start: 'soon' }, 'slaDeadline() start', 'is not a date this reads'],
  ])('%j fails on %s', (change, subject, message) => {
    const call = () => slaDeadline({ ...rome, start: '2026-03-06 17:00', target: '4h', ...change } as never);
    expect(call).toThrow(subject);
    expect(call).toThrow(message);
  });

  it('refuses a schedule without hours, and a malformed Schedule', () => {
    const closed = { timeZone: 'Europe/Rome', intervals: [], holidays: [] };
    expect(() =>
      slaDeadline({ schedule: closed, timeZone: 'UTC', start: '2026-03-06T10:00Z', target: 5 }),
    ).toThrow('schedule has no business hours');
    const overlapping = {
      timeZone: 'UTC',
      intervals: [
        { start: 0, end: 100 },
        { start: 50, end: 200 },
      ],
    };
    expect(() =>
      slaDeadline({ schedule: overlapping as never, timeZone: 'UTC', start: '2026-03-06T10:00Z', target: 5 }),
    ).toThrow('slaDeadline() schedule.intervals');
    expect(() =>
      slaDeadline({ schedule: '{not json', timeZone: 'UTC', start: '2026-03-06T10:00Z', target: 5 }),
    ).toThrow('is not valid JSON');
  });
});

describe('businessMinutesBetween', () => {
  it('Friday 17:00 → Monday 10:00 Rome: 60 + 60 business minutes, 3900 calendar minutes', () => {
    expect(businessMinutesBetween({ ...rome, start: '2026-03-06 17:00', end: '2026-03-09 10:00' })).toEqual({
      businessMinutes: 120,
      businessHours: 2,
      calendarMinutes: 3900,
    });
  });

  it('agrees with businessMinutes() in supportkit-ts/metrics for any two instants', () => {
    const schedule = hours('lun-ven 9-13, 14-18, sab 9-13', { timeZone: 'Europe/Rome' });
    const span = { min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 4, 1) }; // across the March DST change
    fc.assert(
      fc.property(fc.integer(span), fc.integer(span), (a, b) => {
        const loose = businessMinutesBetween({ schedule, timeZone: 'UTC', start: a, end: b });
        const strict = businessMinutes(a, b, schedule);
        expect(loose.businessMinutes).toBe(Math.round(strict * 100) / 100 + 0);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('is negative when end is before start, and needs both', () => {
    expect(
      businessMinutesBetween({ ...rome, start: '2026-03-09 10:00', end: '2026-03-09 09:30' }),
    ).toMatchObject({
      businessMinutes: -30,
    });
    expect(() => businessMinutesBetween({ ...rome, start: '2026-03-09 10:00' } as never)).toThrow(
      'businessMinutesBetween() end',
    );
  });
});
