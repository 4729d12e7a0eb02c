import { DateTime } from 'luxon';
import { holidaysFor } from '../metrics/holidays.js';
import type { Holiday, Schedule } from '../models/schedule.js';
import { hours } from './hours.js';
import { fail } from './text.js';
import { timeZoneOption } from './when.js';

/** How a business-time function is told the opening hours: text (`hours`) or a `Schedule` (object or JSON). */
export interface ScheduleOptions {
  /** Opening hours as text, e.g. `"Mon-Fri 9-18"` (see {@link hours}). */
  hours?: string;
  /** A `Schedule` object, or its JSON text; its own `timeZone` wins over `timeZone`. */
  schedule?: Schedule | string;
  /** The IANA time zone of `hours`, and of dates without an offset. Required. */
  timeZone: string;
  /** Also close on this country's public holidays (ISO 3166-1, e.g. `IT`); loads the holiday calendar. */
  country?: string;
  /** The state or region for `country`'s holidays, e.g. `BY` for Bavaria. */
  region?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isMinute = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10_080;
const isLocalDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

/** Checks a Schedule given as JSON, without the models (which would cost the import time a step cannot spend). */
function checkedSchedule(value: unknown, fn: string): Schedule {
  let input = value;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      throw fail(
        fn,
        'schedule',
        'is not valid JSON: pass a Schedule object or its JSON, or use hours instead',
      );
    }
  }
  if (!isRecord(input)) throw fail(fn, 'schedule', 'expected a Schedule: { timeZone, intervals, holidays }');
  const timeZone = timeZoneOption({ timeZone: input.timeZone }, fn);
  const intervals = input.intervals;
  if (
    !Array.isArray(intervals) ||
    !intervals.every((i) => isRecord(i) && isMinute(i.start) && isMinute(i.end))
  )
    throw fail(
      fn,
      'schedule.intervals',
      'expected [{ start, end }] in whole minutes from Sunday 00:00 (0–10080)',
    );
  const sorted = (intervals as { start: number; end: number }[]).map(({ start, end }) => ({ start, end }));
  sorted.sort((a, b) => a.start - b.start);
  sorted.forEach((interval, i) => {
    if (interval.end <= interval.start)
      throw fail(fn, 'schedule.intervals', 'each end must be after its start');
    if (i > 0 && interval.start < sorted[i - 1]!.end)
      throw fail(fn, 'schedule.intervals', 'intervals overlap');
  });
  const holidays = input.holidays ?? [];
  const valid = (h: unknown) =>
    isRecord(h) &&
    typeof h.name === 'string' &&
    isLocalDate(h.startDate) &&
    isLocalDate(h.endDate) &&
    h.endDate >= h.startDate;
  if (!Array.isArray(holidays) || !holidays.every(valid))
    throw fail(
      fn,
      'schedule.holidays',
      'expected [{ name, startDate, endDate }] with YYYY-MM-DD dates, end not before start',
    );
  return {
    timeZone,
    intervals: sorted,
    holidays: (holidays as Holiday[]).map(({ name, startDate, endDate }) => ({ name, startDate, endDate })),
  };
}

/**
 * The schedule a business-time function works on: from `hours` text or a `schedule`, plus the public holidays
 * of `country` for `years` when a country is given.
 * @example `scheduleFrom({ hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome' }, 'isOpenNow', [2026])`
 */
export function scheduleFrom(
  options: Partial<ScheduleOptions>,
  fn: string,
  years: readonly number[],
): Schedule {
  const hasHours = options.hours !== undefined && options.hours !== '';
  const hasSchedule = options.schedule !== undefined && options.schedule !== '';
  if (hasHours === hasSchedule)
    throw fail(
      fn,
      'hours',
      hasHours ? 'give hours or schedule, not both' : 'is required (or a schedule), e.g. "Mon-Fri 9-18"',
    );
  const base = hasHours
    ? renameHoursErrors(() => hours(options.hours, { timeZone: timeZoneOption(options, fn) }), fn)
    : checkedSchedule(options.schedule, fn);
  if (options.country === undefined || options.country === '') return base;
  const region = options.region === undefined || options.region === '' ? {} : { region: options.region };
  const holidays = renameHoursErrors(() => holidaysFor({ country: options.country!, ...region }, years), fn);
  return { ...base, holidays: [...base.holidays, ...holidays] };
}

/** Keeps the caller's function name on errors from `hours()` and `holidaysFor()`. */
function renameHoursErrors<T>(run: () => T, fn: string): T {
  try {
    return run();
  } catch (error) {
    const issue = (error as { issues?: { path: (string | number)[]; message: string }[] }).issues?.[0];
    const subject = (error as { subject?: string }).subject;
    if (!issue || subject === undefined) throw error;
    if (!subject.startsWith('hours()') && !subject.startsWith('holidaysFor()')) throw error;
    const field = subject.startsWith('hours()') ? 'hours' : String(issue.path[0] ?? 'country');
    throw fail(fn, field, issue.message);
  }
}
