import { createRequire } from 'node:module';
import type HolidayCalendar from 'date-holidays';
import { SupportkitError } from '../errors/base.js';

/** The `date-holidays` class, as its own types describe it. */
export type HolidayCalendarClass = typeof HolidayCalendar;

let calendar: HolidayCalendarClass | undefined;

/**
 * The `date-holidays` calendar, loaded on first use. Its data (every country's rules, ~800 kB of JavaScript)
 * costs several hundred milliseconds to load, which an automation step with a one-second limit cannot spend
 * unless it asks for holidays; loading it here, synchronously, keeps `holidaysFor()` synchronous. A bundler that
 * bundles supportkit leaves `date-holidays` out of the bundle (it is required at run time, from node_modules).
 *
 * @example `const Holidays = holidayCalendar(); new Holidays('IT').getHolidays(2026);`
 */
export function holidayCalendar(): HolidayCalendarClass {
  if (calendar) return calendar;
  try {
    // `import.meta.url` in the ESM build, under tsx and vitest; tsup's CommonJS build fills it in from __filename.
    calendar = createRequire(import.meta.url)('date-holidays') as HolidayCalendarClass;
  } catch (cause) {
    throw new SupportkitError(
      'holidaysFor() needs the date-holidays package at run time (it is not bundled): install it next to supportkit-ts',
      { code: 'unsupported', cause },
    );
  }
  return calendar;
}
