import { ValidationError } from '../errors/validation.js';
import { parse } from '../models/parse.js';
import type { Schedule } from '../models/schedule.js';
import {
  addMillis,
  type CompiledSchedule,
  compiledFor,
  minutesBetween,
  openAt,
  spansBetween,
} from './business-layout.js';
import { instantArg, scheduleArg } from './input.js';
import { modelSchemas } from './schemas.js';

/**
 * A point in time as the metric functions accept it — exactly what the models' `Timestamp` accepts: an ISO 8601
 * string with an offset (`Z` or `±hh:mm`), a `Date`, or integer epoch milliseconds.
 */
export type Instant = Date | string | number;

/**
 * Converts an accepted instant to epoch ms, or throws a ValidationError naming `what`. Strings without an offset
 * are refused, never read in the host's time zone.
 */
export function toMillis(value: Instant, what: string): number {
  return instantArg(value, what);
}

const compiled = new WeakMap<object, CompiledSchedule>();

/** Parses (once per schedule object) and compiles a schedule; bad schedules are a ValidationError. */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  let hit = compiled.get(schedule);
  if (!hit) {
    hit = compiledFor(parse(modelSchemas().Schedule, schedule, 'Schedule'));
    compiled.set(schedule, hit);
  }
  return hit;
}

/**
 * Business minutes between two instants: the overlap of [start, end) with the schedule's weekly intervals,
 * read in the schedule's own IANA time zone (so correct across daylight-saving changes), minus holidays (whole
 * local days, end date inclusive). Fractional, to the millisecond. Negative when `end` is before `start`.
 *
 * @example
 * ```ts
 * import { businessMinutes } from 'supportkit-ts';
 * const schedule = {
 *   timeZone: 'Europe/Rome',
 *   intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })), // Mon–Fri 09–18
 *   holidays: [],
 * };
 * // Friday 17:00 → Monday 10:00 Rome time: 60 minutes on Friday + 60 on Monday.
 * businessMinutes('2026-03-06T17:00:00+01:00', '2026-03-09T10:00:00+01:00', schedule); // 120
 * ```
 */
export function businessMinutes(start: Instant, end: Instant, schedule: Schedule): number {
  const a = toMillis(start, 'businessMinutes() start');
  const b = toMillis(end, 'businessMinutes() end');
  return businessMinutesBetween(a, b, scheduleArg(schedule, 'businessMinutes'));
}

/**
 * {@link businessMinutes} between epoch-ms instants, for a parsed schedule (internal: no input checks).
 * @example `businessMinutesBetween(Date.parse('2026-03-06T16:00:00Z'), Date.parse('2026-03-09T09:00:00Z'), schedule);`
 */
export function businessMinutesBetween(a: number, b: number, schedule: Schedule): number {
  return minutesBetween(a, b, compileSchedule(schedule));
}

/**
 * Whether an instant falls inside the schedule's business hours (same wall-clock and holiday rules as
 * {@link businessMinutes}) — "are we open now?" for auto-replies and routing.
 *
 * @example
 * ```ts
 * import { isBusinessTime } from 'supportkit-ts';
 * isBusinessTime('2026-03-09T10:00:00+01:00', schedule); // true on a Mon–Fri 09–18 Rome schedule
 * ```
 */
export function isBusinessTime(at: Instant, schedule: Schedule): boolean {
  return isBusinessTimeAt(toMillis(at, 'isBusinessTime() at'), scheduleArg(schedule, 'isBusinessTime'));
}

/**
 * {@link isBusinessTime} at an epoch-ms instant, for a parsed schedule (internal: no input checks).
 * @example `isBusinessTimeAt(Date.now(), schedule); // true during business hours`
 */
export function isBusinessTimeAt(t: number, schedule: Schedule): boolean {
  return openAt(t, compileSchedule(schedule));
}

/**
 * The open spans of a parsed schedule that overlap [from, to) (epoch ms, at most a year apart), clipped to it:
 * what "today's hours" and "when do we open next" read (internal: no input checks).
 * @example `openSpansBetween(Date.parse('2026-03-09T00:00:00+01:00'), Date.parse('2026-03-10T00:00:00+01:00'), schedule); // [[09:00, 18:00]] as epoch ms`
 */
export function openSpansBetween(from: number, to: number, schedule: Schedule): [number, number][] {
  return spansBetween(from, to, compileSchedule(schedule));
}

/**
 * The instant at which `minutes` business minutes have elapsed after `start` — a deadline, an SLA breach time,
 * a reply time to promise. With `minutes = 0` it is `start` itself, even outside business hours. Throws a
 * `ValidationError` for a schedule with no open hours, or one that does not hold that many business minutes
 * before the end of the Date range (holidays covering everything, or an absurd number of minutes).
 *
 * @example
 * ```ts
 * import { addBusinessMinutes } from 'supportkit-ts';
 * // 120 business minutes from Friday 17:00 Rome → Monday 10:00 Rome.
 * addBusinessMinutes('2026-03-06T17:00:00+01:00', 120, schedule).toISOString(); // '2026-03-09T09:00:00.000Z'
 * ```
 */
export function addBusinessMinutes(start: Instant, minutes: number, schedule: Schedule): Date {
  const t = toMillis(start, 'addBusinessMinutes() start');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new ValidationError('addBusinessMinutes() minutes', [
      { path: [], code: 'too_small', message: 'minutes must be a finite number ≥ 0' },
    ]);
  }
  return new Date(addBusinessMillis(t, minutes, scheduleArg(schedule, 'addBusinessMinutes')));
}

/**
 * {@link addBusinessMinutes} from an epoch-ms instant, for a parsed schedule (internal: no input checks).
 * @example `addBusinessMillis(Date.parse('2026-03-06T16:00:00Z'), 120, schedule); // epoch ms of the deadline`
 */
export function addBusinessMillis(t: number, minutes: number, schedule: Schedule): number {
  return addMillis(t, minutes, compileSchedule(schedule));
}
