import { DateTime } from 'luxon';
import { ValidationError } from '../errors/validation.js';
import type { Holiday } from '../models/schedule.js';
import { holidayCalendar } from './holiday-calendar.js';

/** Where the holidays are observed: an ISO 3166-1 country code and, optionally, a state or region code. */
export interface HolidayRegion {
  /** ISO 3166-1 alpha-2, e.g. `IT`, `US`, `DE`. */
  country: string;
  /** The state or region code the holiday calendar uses, e.g. `BY` (Bavaria) for `DE`, `CA` for `US`. */
  region?: string;
  /**
   * Which kinds of holiday to include: date-holidays distinguishes `public` (a day off by law), `bank`,
   * `school`, `optional` and `observance`. @default ['public']
   */
  types?: readonly string[];
}

/**
 * The public holidays of a country (and region) for the given years, ready to drop into a `Schedule`. Uses the
 * maintained `date-holidays` calendar, so a team can say "we observe Italian public holidays" in one line.
 * Multi-day holidays become one entry with an inclusive end date; duplicates are merged.
 *
 * @example
 * ```ts
 * import { holidaysFor } from 'supportkit-ts';
 * const schedule = {
 *   timeZone: 'Europe/Rome',
 *   intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })),
 *   holidays: holidaysFor({ country: 'IT' }, [2026, 2027]),
 * };
 * ```
 */
export function holidaysFor(where: HolidayRegion, years: readonly number[]): Holiday[] {
  if (where === null || typeof where !== 'object') {
    throw new ValidationError('holidaysFor() region', [
      { path: [], code: 'invalid_type', message: 'expected { country, region? }' },
    ]);
  }
  if (!Array.isArray(years)) {
    // No default: metrics have no hidden clock, so "this year" is the caller's to say.
    throw new ValidationError('holidaysFor() years', [
      {
        path: [],
        code: 'invalid_type',
        message: 'required: the years to list, e.g. [2026] (there is no default: metrics read no clock)',
      },
    ]);
  }
  if (where.types !== undefined && !Array.isArray(where.types)) {
    throw new ValidationError('holidaysFor() region', [
      { path: ['types'], code: 'invalid_type', message: 'expected an array of holiday types' },
    ]);
  }
  const types = new Set(where.types ?? ['public']);
  const Holidays = holidayCalendar();
  const calendar = new Holidays();
  const known = calendar.getCountries();
  if (typeof where.country !== 'string' || !Object.hasOwn(known, where.country.toUpperCase())) {
    throw new ValidationError('holidaysFor() region', [
      { path: ['country'], code: 'invalid_value', message: 'unknown ISO 3166-1 country code' },
    ]);
  }
  const country = where.country.toUpperCase();
  if (where.region !== undefined) {
    const regions = calendar.getStates(country) ?? {};
    if (typeof where.region !== 'string' || !Object.hasOwn(regions, where.region.toUpperCase())) {
      throw new ValidationError('holidaysFor() region', [
        { path: ['region'], code: 'invalid_value', message: `unknown region for ${country}` },
      ]);
    }
  }
  const region = where.region?.toUpperCase();
  const hd = region ? new Holidays(country, region) : new Holidays(country);
  const zone = hd.getTimezones()[0] ?? 'UTC';
  const out = new Map<string, Holiday>();
  for (const year of years) {
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      throw new ValidationError('holidaysFor() years', [
        {
          path: [years.indexOf(year)],
          code: 'invalid_value',
          message: 'expected an integer year 1900..2200',
        },
      ]);
    }
    for (const holiday of hd.getHolidays(year) ?? []) {
      if (!types.has(holiday.type)) continue;
      const startDate = holiday.date.slice(0, 10);
      // `end` is exclusive; the last local day is the one holding the millisecond before it.
      const endDate = DateTime.fromJSDate(new Date(holiday.end.getTime() - 1), { zone }).toISODate()!;
      const key = `${startDate}/${holiday.name}`;
      out.set(key, { name: holiday.name, startDate, endDate: endDate < startDate ? startDate : endDate });
    }
  }
  return [...out.values()].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name),
  );
}
