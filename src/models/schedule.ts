import { z } from 'zod';
import { IanaTimeZone, Id, LocalDate } from './primitives.js';

/**
 * Minutes in a week: the end of the last possible interval (Saturday 24:00).
 * @example `const saturdayNight = { start: MINUTES_PER_WEEK - 60, end: MINUTES_PER_WEEK }`
 */
export const MINUTES_PER_WEEK = 10_080;

/**
 * A weekly business-hours interval in minutes from Sunday 00:00 local time, as Zendesk counts them: Monday
 * 09:00–17:00 is `{ start: 1980, end: 2460 }`. `end` is exclusive and may be 10080 (Saturday midnight).
 *
 * @example
 * ```ts
 * ScheduleInterval.parse({ start: 1980, end: 2460 }); // Monday 09:00–17:00
 * ```
 */
export const ScheduleInterval = z
  .strictObject({
    start: z.int().min(0).max(MINUTES_PER_WEEK),
    end: z.int().min(0).max(MINUTES_PER_WEEK),
  })
  .refine((interval) => interval.end > interval.start, { message: 'end must be after start', path: ['end'] });
/** A weekly interval in minutes from Sunday 00:00. */
export type ScheduleInterval = z.output<typeof ScheduleInterval>;

/**
 * A holiday: whole local days from `startDate` to `endDate`, both inclusive, in the schedule's time zone.
 *
 * @example
 * ```ts
 * Holiday.parse({ name: 'Christmas', startDate: '2026-12-24', endDate: '2026-12-26' });
 * ```
 */
export const Holiday = z
  .strictObject({ name: z.string().min(1), startDate: LocalDate, endDate: LocalDate })
  .refine((holiday) => holiday.endDate >= holiday.startDate, {
    message: 'endDate must not be before startDate',
    path: ['endDate'],
  });
/** A holiday, inclusive of both dates. */
export type Holiday = z.output<typeof Holiday>;

/**
 * Business hours: an IANA time zone, weekly intervals in that zone's local time, and holidays. Intervals must
 * not overlap (touching is fine); they are kept in the order given.
 *
 * @example
 * ```ts
 * import { parseSchedule } from 'supportkit-ts';
 * // Monday to Friday, 09:00–18:00 in Rome, closed on Christmas Day.
 * const weekdays = [1, 2, 3, 4, 5].map((day) => ({ start: day * 1440 + 540, end: day * 1440 + 1080 }));
 * parseSchedule({
 *   timeZone: 'Europe/Rome',
 *   intervals: weekdays,
 *   holidays: [{ name: 'Natale', startDate: '2026-12-25', endDate: '2026-12-25' }],
 * });
 * ```
 */
export const Schedule = z
  .strictObject({
    id: Id.optional(),
    name: z.string().optional(),
    timeZone: IanaTimeZone,
    intervals: z.array(ScheduleInterval),
    holidays: z.array(Holiday).default([]),
  })
  .superRefine((schedule, ctx) => {
    // Intervals that failed their own checks are already reported; comparing them would only add noise.
    const order = schedule.intervals
      .map((interval, index) => ({ ...interval, index }))
      .filter((interval) => interval.start < interval.end && interval.end <= MINUTES_PER_WEEK);
    order.sort((a, b) => a.start - b.start);
    for (let i = 1; i < order.length; i++) {
      const previous = order[i - 1]!;
      const current = order[i]!;
      if (current.start < previous.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['intervals', current.index],
          message: `overlaps intervals[${previous.index}]`,
        });
      }
    }
  });
/** A parsed schedule. */
export type Schedule = z.output<typeof Schedule>;
/** What {@link Schedule} accepts. */
export type ScheduleInput = z.input<typeof Schedule>;
