import { describe, expect, it } from 'vitest';
import { coverage, ValidationError } from '../../../src/index.js';
import { rome } from './fixtures.js';

describe('coverage', () => {
  it('on Christmas Eve evening: closed, open again Monday after the holiday', () => {
    const c = coverage(rome, '2026-12-24T19:30:00+01:00', { locale: 'it' });
    expect(c.open).toBe(false);
    expect(c.closesAt).toBeNull();
    // Friday 25 and Saturday 26 are Natale, Sunday is closed: Monday 28 at 9:00 CET = 08:00Z.
    expect(c.nextOpening?.toISOString()).toBe('2026-12-28T08:00:00.000Z');
    expect(c.today).toMatchObject({ date: '2026-12-24', text: '9:00–18:00', holiday: null });
    expect(c.today.hours.map((h) => [h.from.toISOString(), h.to.toISOString()])).toEqual([
      ['2026-12-24T08:00:00.000Z', '2026-12-24T17:00:00.000Z'],
    ]);
    expect(c.weekly).toBe('lun–ven 9:00–18:00');
    expect(c.holidays).toEqual([{ name: 'Natale', startDate: '2026-12-25', endDate: '2026-12-26' }]);
  });

  it('writes the week in English with the 12-hour clock', () => {
    const c = coverage(rome, '2026-12-24T19:30:00+01:00', { locale: 'en-US' });
    expect(c.weekly).toBe('Mon–Fri 9:00 AM–6:00 PM');
    expect(c.today.text).toBe('9:00 AM–6:00 PM');
  });

  it('when open: when the stretch closes and the next opening after it', () => {
    const c = coverage(rome, '2026-03-09T10:00:00+01:00');
    expect(c.open).toBe(true);
    expect(c.closesAt?.toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(c.nextOpening?.toISOString()).toBe('2026-03-10T08:00:00.000Z');
  });

  it('finds the opening after the change to summer time', () => {
    // Saturday 28 March: the next opening is Monday 30 at 9:00 CEST = 07:00Z.
    expect(coverage(rome, '2026-03-28T12:00:00+01:00').nextOpening?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('on a holiday: closed all day, named', () => {
    const c = coverage(rome, '2026-12-25T10:00:00+01:00', { locale: 'it' });
    expect(c.today).toMatchObject({ text: null, holiday: 'Natale', hours: [] });
    expect(c.holidays.map((h) => h.name)).toEqual(['Natale']);
  });

  it('lists only holidays within the days asked for', () => {
    expect(coverage(rome, '2026-12-01T10:00:00+01:00', { days: 14 }).holidays).toEqual([]);
    expect(coverage(rome, '2026-12-01T10:00:00+01:00', { days: 30 }).holidays).toHaveLength(1);
  });

  it('groups days with the same hours, Monday first', () => {
    const split = [1, 2, 3, 4, 5].flatMap((d) => [
      { start: d * 1440 + 540, end: d * 1440 + 780 },
      { start: d * 1440 + 840, end: d * 1440 + 1080 },
    ]);
    const schedule = {
      timeZone: 'Europe/Rome',
      intervals: [...split, { start: 6 * 1440 + 540, end: 6 * 1440 + 780 }, { start: 600, end: 720 }],
    };
    expect(coverage(schedule, '2026-03-09T10:00:00+01:00', { locale: 'it' }).weekly).toBe(
      'lun–ven 9:00–13:00, 14:00–18:00; sab 9:00–13:00; dom 10:00–12:00',
    );
  });

  it('says 24/7 for a team that never closes', () => {
    const c = coverage({ timeZone: 'UTC', intervals: [{ start: 0, end: 10080 }] }, '2026-03-09T10:00:00Z');
    expect(c).toMatchObject({ weekly: '24/7', open: true, closesAt: null, nextOpening: null });
  });

  it('refuses bad input with a typed error', () => {
    expect(() => coverage(rome, '2026-03-09T10:00', {})).toThrow(ValidationError);
    expect(() => coverage(rome, '2026-03-09T10:00:00Z', { locale: 'not a locale!' })).toThrow(/locale/);
    expect(() => coverage(rome, '2026-03-09T10:00:00Z', { days: -1 })).toThrow(/days/);
    expect(() => coverage({ timeZone: 'Mars/Base', intervals: [] }, '2026-03-09T10:00:00Z')).toThrow(
      ValidationError,
    );
  });
});
