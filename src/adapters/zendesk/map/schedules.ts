/** Zendesk business-hours schedules and their holidays as canonical Schedules. */
import { parse } from '../../../models/parse.js';
import type { Schedule } from '../../../models/schedule.js';
import { Schedule as ScheduleSchema } from '../../../models/schedule.js';
import type { ZendeskHoliday, ZendeskSchedule } from '../wire.js';
import { ianaZoneFromZendesk } from './time.js';

/**
 * A Zendesk schedule and its holidays as a canonical Schedule, the zone name mapped to IANA. Anything the model
 * refuses throws ValidationError naming the path (an unknown zone names `timeZone`).
 *
 * @example
 * ```ts
 * scheduleFromZendesk(
 *   { id: 1, name: 'Support', time_zone: 'Rome', intervals: [{ start_time: 1980, end_time: 2460 }] },
 *   [{ name: 'Ferragosto', start_date: '2026-08-15', end_date: '2026-08-15' }],
 * ).timeZone; // 'Europe/Rome'
 * ```
 */
export function scheduleFromZendesk(wire: ZendeskSchedule, holidays: readonly ZendeskHoliday[]): Schedule {
  return parse(
    ScheduleSchema,
    {
      id: String(wire.id),
      name: wire.name,
      timeZone: ianaZoneFromZendesk(wire.time_zone),
      intervals: (wire.intervals ?? []).map((i) => ({ start: i.start_time, end: i.end_time })),
      holidays: holidays.map((h) => ({ name: h.name, startDate: h.start_date, endDate: h.end_date })),
    },
    'Zendesk schedule',
  );
}
