/**
 * Business-hours schedules, each with its holidays (one request per schedule: Zendesk lists them apart).
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/schedules/
 */
import type { Schedule } from '../../models/schedule.js';
import type { RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import type { ZendeskContext } from './context.js';
import { scheduleFromZendesk } from './map/index.js';
import { ZendeskHolidays, ZendeskSchedule } from './wire.js';

/**
 * The schedule resource of the Zendesk adapter.
 *
 * @example
 * ```ts
 * for await (const schedule of zendeskSchedules(context).list()) console.log(schedule.timeZone);
 * ```
 */
export function zendeskSchedules(context: ZendeskContext) {
  return {
    async *list(opts?: RequestOptions): AsyncGenerator<Schedule> {
      const body = await context.get<{ schedules?: unknown[] }>(
        '/api/v2/business_hours/schedules.json',
        opts,
      );
      for (const wire of body.schedules ?? []) {
        const schedule = context.read(ZendeskSchedule, wire);
        const holidays = await context.get<{ holidays?: unknown }>(
          path`/api/v2/business_hours/schedules/${String(schedule.id)}/holidays.json`,
          opts,
        );
        yield scheduleFromZendesk(schedule, context.read(ZendeskHolidays, holidays.holidays ?? []));
      }
    },
  };
}
