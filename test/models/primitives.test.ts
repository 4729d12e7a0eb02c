import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IanaTimeZone, LanguageTag, LocalDate, Timestamp } from '../../src/models/index.js';

describe('Timestamp', () => {
  it.each([
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00+01:00', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T09:30:00-05:30', '2026-03-01T15:00:00.000Z'],
    ['2026-03-01T09:30:00.123456Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01T09:30Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01 09:30:00+0100', '2026-03-01T08:30:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(Timestamp.parse(input).toISOString()).toBe(iso);
  });

  it('accepts epoch milliseconds and Dates, and copies the Date', () => {
    expect(Timestamp.parse(1772353800000).toISOString()).toBe('2026-03-01T08:30:00.000Z');
    const date = new Date('2026-03-01T08:30:00Z');
    const parsed = Timestamp.parse(date);
    expect(parsed).toEqual(date);
    expect(parsed).not.toBe(date);
  });

  it.each([
    ['2026-03-01T09:30:00', /no UTC offset/],
    ['2026-03-01', /no UTC offset/],
    ['2026-02-29T00:00:00Z', /day does not exist/],
    ['2026-13-01T00:00:00Z', /month/],
    ['2026-03-01T24:00:00Z', /time of day/],
    ['2026-03-01T10:00:00+25:00', /offset/],
    ['yesterday', /ISO 8601/],
    ['', /ISO 8601/],
  ])('rejects %s', (input, reason) => {
    const result = Timestamp.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(reason);
  });

  it('reads years 0000–0099 as written, not as 1900–1999', () => {
    expect(Timestamp.parse('0042-03-01T09:30:00Z').getUTCFullYear()).toBe(42);
    expect(Timestamp.parse('0001-01-01T00:00:00Z').toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(Timestamp.parse('0000-02-29T00:00:00Z').toISOString()).toBe('0000-02-29T00:00:00.000Z'); // a leap year
    expect(Timestamp.safeParse('0001-02-29T00:00:00Z').success).toBe(false);
    expect(LocalDate.safeParse('0004-02-29').success).toBe(true);
    expect(LocalDate.safeParse('0001-02-29').success).toBe(false);
  });

  it('agrees with Date.parse on every ISO timestamp it accepts, whatever the year (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString();
          expect(Timestamp.parse(iso).getTime()).toBe(Date.parse(iso));
        },
      ),
    );
  });

  it('rejects numbers that are not epoch milliseconds', () => {
    expect(Timestamp.safeParse(1772353800).error?.issues[0]?.message).toMatch(/epoch seconds/);
    expect(Timestamp.safeParse(1.5e12 + 0.5).success).toBe(false);
    expect(Timestamp.safeParse(Number.NaN).success).toBe(false);
    expect(Timestamp.safeParse(9e15).success).toBe(false);
    expect(Timestamp.safeParse(new Date('nope')).success).toBe(false);
  });
});

describe('LocalDate, IanaTimeZone, LanguageTag', () => {
  it('checks calendar dates', () => {
    expect(LocalDate.safeParse('2028-02-29').success).toBe(true);
    expect(LocalDate.safeParse('2027-02-29').success).toBe(false);
    expect(LocalDate.safeParse('2027-2-1').success).toBe(false);
  });

  it('knows IANA zones and refuses offsets and inventions', () => {
    for (const zone of [
      'Europe/Rome',
      'America/Argentina/Buenos_Aires',
      'UTC',
      'Etc/GMT+5',
      'Asia/Kolkata',
    ]) {
      expect(IanaTimeZone.safeParse(zone).success, zone).toBe(true);
    }
    for (const zone of ['Mars/Olympus', '+01:00', 'Rome', '']) {
      expect(IanaTimeZone.safeParse(zone).success, zone).toBe(false);
    }
  });

  it('checks BCP 47 tags', () => {
    expect(LanguageTag.safeParse('pt-BR').success).toBe(true);
    expect(LanguageTag.safeParse('not a tag').success).toBe(false);
  });
});
