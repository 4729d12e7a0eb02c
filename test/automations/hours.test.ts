import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hours } from '../../src/automations/index.js';
import { parseSchedule } from '../../src/index.js';

const tz = { timeZone: 'Europe/Rome' };
/** Weekly minutes of day d (0 = Sunday) at h:m. */
const at = (d: number, h: number, m = 0) => d * 1440 + h * 60 + m;
const weekdays = (from: [number, number], to: [number, number]) =>
  [1, 2, 3, 4, 5].map((d) => ({ start: at(d, ...from), end: at(d, ...to) }));

describe('hours reads opening hours as people write them', () => {
  it.each([
    ['Mon–Fri 9:00–18:00'],
    ['Mon-Fri 9-18'],
    ['Monday to Friday 9am-6pm'],
    ['lun-ven 9-18'],
    ['Lunedì - Venerdì 09.00 - 18.00'],
    ['dal lunedì al venerdì dalle 9 alle 18'],
    ['Lunes a Viernes de 9:00 a 18:00'],
    ['du lundi au vendredi de 9h à 18h'],
    ['Mo-Fr 9-18 Uhr'],
    ['Montag bis Freitag 9:00 - 18:00 Uhr'],
    ['mon, tue, wed, thu, fri 9-18'],
    ['Mon-Fri 9:00 AM – 6:00 PM'],
  ])('%j is Monday to Friday 09:00–18:00', (text) => {
    expect(hours(text, tz)).toEqual({
      timeZone: 'Europe/Rome',
      intervals: weekdays([9, 0], [18, 0]),
      holidays: [],
    });
  });

  it('"lun-ven 9-18, sab 9-13": Saturday (day 6) 09:00–13:00 = 9180–9420', () => {
    expect(hours('lun-ven 9-18, sab 9-13', tz).intervals).toEqual([
      ...weekdays([9, 0], [18, 0]),
      { start: 9180, end: 9420 },
    ]);
  });

  it('takes a lunch break as two ranges for the same days', () => {
    expect(hours('Mon-Fri 9-13, 14-18', tz).intervals).toEqual(
      [1, 2, 3, 4, 5].flatMap((d) => [
        { start: at(d, 9), end: at(d, 13) },
        { start: at(d, 14), end: at(d, 18) },
      ]),
    );
  });

  it('reads half hours, 12 AM/PM, 24:00, closed days and every day', () => {
    expect(hours('Sat 8:30am-12:30pm', tz).intervals).toEqual([{ start: at(6, 8, 30), end: at(6, 12, 30) }]);
    expect(hours('Sun 12am-12pm', tz).intervals).toEqual([{ start: 0, end: 720 }]);
    // 0-24 on every day touches across midnight: one interval for the whole week.
    expect(hours('daily 0-24', tz).intervals).toEqual([{ start: 0, end: 10080 }]);
    expect(hours('Mo-Fr 9-18, Sa geschlossen', tz).intervals).toEqual(weekdays([9, 0], [18, 0]));
  });

  it('runs a range past midnight into the next day, and Saturday night into Sunday', () => {
    expect(hours('Fri 22-2', tz).intervals).toEqual([{ start: at(5, 22), end: at(6, 2) }]);
    expect(hours('Sat 22-2', tz).intervals).toEqual([
      { start: 0, end: 120 },
      { start: at(6, 22), end: 10080 },
    ]);
  });

  it('gives a Schedule the models accept', () => {
    expect(() => parseSchedule(hours('lun-ven 9-13, 14-18, sab 9-13', tz))).not.toThrow();
  });

  it('reads any generated "<day>-<day> <h>-<h>" text as those days and hours', () => {
    const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 1, max: 23 }),
        (first, span, open, length) => {
          const last = Math.min(6, first + span);
          const close = Math.min(24, open + length);
          const result = hours(`${names[first]}-${names[last]} ${open}-${close}`, tz).intervals;
          const expected = [];
          for (let d = first; d <= last; d++) expected.push({ start: at(d, open), end: at(d, close) });
          // Touching days (close = 24 and open = 0) join into one interval.
          const joined = expected.reduce<{ start: number; end: number }[]>((out, x) => {
            const prev = out[out.length - 1];
            if (prev && prev.end === x.start) prev.end = x.end;
            else out.push({ ...x });
            return out;
          }, []);
          expect(result).toEqual(joined);
        },
      ),
    );
  });
});

describe('hours refuses what it cannot read, saying where', () => {
  it.each([
    ['Mon-Fri', 'ends with days that have no hours'],
    ['9-18', 'at character 1: hours come before any day'],
    ['Mon-Fri 9', 'at character 9: a time needs an end'],
    ['Mon-Fri 9-9', 'opens and closes at the same time'],
    ['Mon blah 9-18', 'at character 5: is not a day, a time or a word this knows'],
    ['Mon 9-18, Mon 10-11', 'gives Monday overlapping hours'],
    ['Mon 9:75-18', 'is not a time of day'],
    ['Mon 25-26', 'is not a time of day'],
    ['Mon 13pm-5pm', 'an AM/PM hour must be 1–12'],
    ['Sat closed', 'names no opening hours'],
    ['', 'expected opening hours'],
  ])('%j: %s', (text, message) => {
    expect(() => hours(text, tz)).toThrow('Validation failed for hours() text');
    expect(() => hours(text, tz)).toThrow(message);
  });

  it('requires the time zone', () => {
    expect(() => hours('Mon-Fri 9-18', {} as never)).toThrow('hours() timeZone');
    expect(() => hours('Mon-Fri 9-18', undefined as never)).toThrow('is required: an IANA time zone');
  });
});
