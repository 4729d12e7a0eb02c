import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/automations/index.js';

const rome = { timeZone: 'Europe/Rome' };
// 2026-03-02 09:15 in Rome (UTC+1 in winter) is 08:15Z: Date.UTC(2026, 2, 2, 8, 15) = 1772439300000.
const MONDAY_0815Z = '2026-03-02T08:15:00.000Z';

describe('parseWhen reads every loose form in an explicit time zone', () => {
  it.each([
    ['2026-03-02T09:15:00+01:00', rome],
    ['2026-03-02T08:15:00Z', rome],
    ['2026-03-02T08:15:00.000z', rome],
    ['2026-03-02T10:15+0200', rome],
    ['2026-03-02T03:15-05', rome],
    ['2026-03-02T09:15', rome],
    ['2026-03-02 09:15', rome],
    ['2026-03-02 09:15:00', rome],
    ['02/03/2026 09:15', { ...rome, dateOrder: 'day-first' as const }],
    ['2.3.2026 09:15', { ...rome, dateOrder: 'day-first' as const }],
    ['03/02/2026 09:15', { ...rome, dateOrder: 'month-first' as const }],
    ['03/02/2026 9:15 AM', { ...rome, dateOrder: 'month-first' as const }],
    ['1772439300', rome],
    [1772439300, rome],
    ['1772439300000', rome],
    [1772439300000, rome],
  ])('%j', (value, options) => {
    expect(parseWhen(value, options).iso).toBe(MONDAY_0815Z);
  });

  it('returns flat JSON: UTC and local ISO, epoch ms, local date, time and weekday', () => {
    expect(parseWhen('2026-03-02 09:15', rome)).toEqual({
      iso: MONDAY_0815Z,
      local: '2026-03-02T09:15:00.000+01:00',
      epochMs: 1772439300000,
      timeZone: 'Europe/Rome',
      date: '2026-03-02',
      time: '09:15',
      weekday: 1,
    });
  });

  it('reads a date alone as local midnight, and PM times as afternoon', () => {
    expect(parseWhen('2026-03-02', rome).iso).toBe('2026-03-01T23:00:00.000Z');
    expect(parseWhen('03/02/2026 12:30 pm', { ...rome, dateOrder: 'month-first' }).time).toBe('12:30');
    expect(parseWhen('03/02/2026 12:30 a.m.', { ...rome, dateOrder: 'month-first' }).time).toBe('00:30');
  });

  it('reads the same wall time in different zones as different instants (never the host zone)', () => {
    expect(parseWhen('2026-07-01 09:00', { timeZone: 'America/New_York' }).iso).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(parseWhen('2026-07-01 09:00', { timeZone: 'Asia/Kolkata' }).iso).toBe('2026-07-01T03:30:00.000Z');
  });

  it('round-trips any instant through its local text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom('Europe/Rome', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        (ms, timeZone) => {
          const at = parseWhen(new Date(ms).toISOString(), { timeZone });
          expect(at.epochMs).toBe(ms);
          expect(parseWhen(at.local, { timeZone }).epochMs).toBe(ms);
        },
      ),
    );
  });
});

describe('parseWhen refuses what it cannot read unambiguously, with a message the user can act on', () => {
  it.each([
    ['02/03/2026 09:15', rome, 'dateOrder', 'is required for a date written like 02/03/2026'],
    ['2026-03-02 09:15', {}, 'timeZone', 'is required: an IANA time zone'],
    ['2026-03-02 09:15', { timeZone: 'Europe/Roma' }, 'timeZone', 'is not an IANA time zone name'],
    ['2026-03-02', { ...rome, dateOrder: 'sideways' }, 'dateOrder', 'expected "day-first" or "month-first"'],
    ['31/02/2026', { ...rome, dateOrder: 'day-first' }, 'value', 'is not a real date and time'],
    ['2026-02-30 10:00', rome, 'value', 'is not a real date and time'],
    ['2026-03-29 02:30', rome, 'value', 'does not exist in the time zone (the clocks go forward then)'],
    ['13/01/2026 13:00 PM', { ...rome, dateOrder: 'day-first' }, 'value', 'AM/PM hour outside 1–12'],
    ['17724393000', rome, 'value', 'epoch seconds (9–10 digits) or milliseconds (12–13 digits)'],
    ['next tuesday', rome, 'value', 'is not a date this reads'],
    ['', rome, 'value', 'expected a date and time'],
  ])('%j with %j fails on %s', (value, options, field, message) => {
    const call = () => parseWhen(value, options as never);
    expect(call).toThrow(`Validation failed for parseWhen() ${field}`);
    expect(call).toThrow(message);
  });

  it('reads 9 digits as epoch seconds', () => {
    // 177243930 s = 2051 days + 37530 s; 2051 − 1826 (1970–1974, one leap year) = day 225 of 1975 = 14 August;
    // 37530 s = 10:25:30Z, 12:25 in Rome (UTC+2 in summer).
    expect(parseWhen('177243930', rome)).toMatchObject({ date: '1975-08-14', time: '12:25' });
  });

  it('never echoes the value in its message', () => {
    expect(() => parseWhen('token sk_live_123', rome)).toThrow(/^(?![\s\S]*sk_live)/);
  });
});
