import { DateTime } from 'luxon';
import { addMillis, compiledFor, minutesBetween, openAt } from '../metrics/business-layout.js';
import { type ScheduleOptions, scheduleFrom } from './schedule-input.js';
import { fail, optionsOf } from './text.js';
import { type DateOrder, describeInstant, timeZoneOption, whenMillis } from './when.js';

/** Options shared by the business-time functions: the opening hours, the time zone, and how to read dates. */
export interface BusinessTimeOptions extends ScheduleOptions {
  /** How to read numeric dates like `02/03/2026` (see `parseWhen`). */
  dateOrder?: DateOrder;
}

/**
 * The local years around an instant, for which holidays are listed.
 * @example `yearsAround(Date.parse('2026-03-06T17:00:00Z'), 'Europe/Rome'); // [2025, 2026, 2027]`
 */
export function yearsAround(ms: number, zone: string, after = 1): number[] {
  const year = DateTime.fromMillis(ms, { zone }).year;
  return Array.from({ length: after + 2 }, (_, i) => year - 1 + i);
}

/** Options of {@link isOpenNow}. */
export interface IsOpenNowOptions extends BusinessTimeOptions {
  /** The instant to ask about. @default the current time */
  at?: string | number;
}

/** The result of {@link isOpenNow}. */
export interface IsOpenNowResult {
  open: boolean;
  /** The instant asked about, ISO 8601 UTC. */
  at: string;
  /** The same instant in the time zone. */
  atLocal: string;
  /** When closed, the next opening (ISO 8601 UTC); null when open. */
  nextOpenAt: string | null;
  /** The next opening in the time zone; null when open. */
  nextOpenLocal: string | null;
  timeZone: string;
}

/**
 * Whether the team is open at an instant (now by default), and when it next opens if not — for auto-replies and
 * routing. Holidays of `country` close whole local days.
 *
 * @example
 * ```ts
 * import { isOpenNow } from 'supportkit-ts/automations';
 * isOpenNow({ hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome', at: '2026-03-07 10:00' });
 * // { open: false, nextOpenAt: '2026-03-09T08:00:00.000Z', nextOpenLocal: '2026-03-09T09:00:00.000+01:00', … }
 * ```
 */
export function isOpenNow(options: IsOpenNowOptions): IsOpenNowResult {
  const opts = optionsOf(options, 'isOpenNow');
  const zone = timeZoneOption(opts, 'isOpenNow');
  const t =
    opts.at === undefined || opts.at === '' ? Date.now() : whenMillis(opts.at, opts, 'isOpenNow', 'at');
  const schedule = scheduleFrom(opts, 'isOpenNow', yearsAround(t, zone));
  const compiled = compiledFor(schedule);
  const open = openAt(t, compiled);
  // The instant one millisecond of business time has elapsed, less that millisecond: the next opening.
  const next = open ? null : describeInstant(addMillis(t, 1 / 60_000, compiled) - 1, zone);
  const at = describeInstant(t, zone);
  return {
    open,
    at: at.iso,
    atLocal: at.local,
    nextOpenAt: next?.iso ?? null,
    nextOpenLocal: next?.local ?? null,
    timeZone: zone,
  };
}

/** Units of an SLA target, folded, with their minutes; days only count on calendar time. */
const UNITS = new Map<string, number>([
  ...['m', 'min', 'mins', 'minute', 'minutes', 'minuto', 'minuti', 'minutos', 'minuten'].map(
    (u) => [u, 1] as const,
  ),
  ...[
    'h',
    'hr',
    'hrs',
    'hour',
    'hours',
    'ora',
    'ore',
    'hora',
    'horas',
    'heure',
    'heures',
    'std',
    'stunde',
    'stunden',
  ].map((u) => [u, 60] as const),
  ...['d', 'day', 'days', 'giorno', 'giorni', 'dia', 'dias', 'jour', 'jours', 'tag', 'tage'].map(
    (u) => [u, 1440] as const,
  ),
]);

/**
 * An SLA target as minutes: a number of minutes, or text like `"240"`, `"4h"`, `"1h 30m"`, `"2 hours"`, `"4 ore"`.
 * @example `targetMinutes('1h 30m', false, 'slaDeadline') // 90`
 */
export function targetMinutes(value: unknown, businessHours: boolean, fn: string, field = 'target'): number {
  const minutes = readTarget(value, businessHours, fn, field);
  if (minutes > MAX_TARGET_MINUTES)
    throw fail(
      fn,
      field,
      'is longer than a year: give a reply or resolution target in minutes, hours or days',
    );
  return minutes;
}

/** A year of minutes: beyond any SLA, and quick to lay out even in business hours (a step may have 1 s). */
const MAX_TARGET_MINUTES = 366 * 1440;

function readTarget(value: unknown, businessHours: boolean, fn: string, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string' || value.trim() === '')
    throw fail(fn, field, 'expected a duration, e.g. 240 (minutes), "4h" or "1h 30m"');
  const text = value.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  // `1h30` is one hour and thirty minutes.
  const text2 = text.replace(/(\d)\s*h\s*(\d{1,2})$/, '$1h $2m');
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let rest = text2;
  for (const part of text2.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-z]+)/g)) {
    const unit = UNITS.get(part[2]!);
    if (unit === undefined)
      throw fail(fn, field, 'has a unit this does not know: use minutes, hours or days');
    if (unit === 1440 && businessHours)
      throw fail(
        fn,
        field,
        'a business day has no fixed length: give the target in hours, or set businessHours to false',
      );
    total += Number(part[1]!.replace(',', '.')) * unit;
    rest = rest.replace(part[0], '');
  }
  if (rest.replace(/\b(?:and|e|y|et|und)\b|[\s,]/g, '') !== '' || total <= 0)
    throw fail(fn, field, 'expected a duration, e.g. 240 (minutes), "4h" or "1h 30m"');
  return total;
}

/** Options of {@link slaDeadline}. */
export interface SlaDeadlineOptions extends BusinessTimeOptions {
  /** When the clock starts: a ticket's creation time, in any form `parseWhen` reads. */
  start: string | number;
  /** The target: minutes, or `"4h"`, `"1h 30m"`, `"2 days"` (days only with `businessHours: false`). */
  target: string | number;
  /** Count only business hours (the default), or calendar time. @default true */
  businessHours?: boolean | string;
}

/** The result of {@link slaDeadline}. */
export interface SlaDeadlineResult {
  /** The deadline, ISO 8601 UTC. */
  deadline: string;
  /** The deadline in the time zone. */
  deadlineLocal: string;
  targetMinutes: number;
  businessHours: boolean;
  timeZone: string;
}

/**
 * `true`, `false`, or the strings Zapier sends for a checkbox (`"true"`, `"no"`, …); undefined gives `fallback`.
 * @example `flag('yes', false, 'slaDeadline', 'businessHours'); // true`
 */
export function flag(value: unknown, fallback: boolean, fn: string, field: string): boolean {
  if (value === undefined || value === '' || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', '1', 'on', 'si', 'sì', 'ja', 'oui'].includes(text)) return true;
  if (['false', 'no', '0', 'off', 'nein', 'non'].includes(text)) return false;
  throw fail(fn, field, 'expected true or false');
}

/**
 * When an SLA target runs out: `target` business minutes (or calendar minutes) after `start`, in the team's
 * opening hours, skipping `country`'s public holidays.
 *
 * @example
 * ```ts
 * import { slaDeadline } from 'supportkit-ts/automations';
 * // Friday 17:00 Rome + 4 business hours on Mon–Fri 9–18 → Monday 12:00 Rome.
 * slaDeadline({ start: '2026-03-06 17:00', target: '4h', hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome' }).deadline;
 * // '2026-03-09T11:00:00.000Z'
 * ```
 */
export function slaDeadline(options: SlaDeadlineOptions): SlaDeadlineResult {
  const opts = optionsOf(options, 'slaDeadline');
  const zone = timeZoneOption(opts, 'slaDeadline');
  const start = whenMillis(opts.start, opts, 'slaDeadline', 'start');
  const business = flag(opts.businessHours, true, 'slaDeadline', 'businessHours');
  const minutes = targetMinutes(opts.target, business, 'slaDeadline');
  let deadline: number;
  if (business) {
    const years = yearsAround(start, zone, 1 + Math.ceil(minutes / 60 / 24 / 90));
    deadline = addMillis(start, minutes, compiledFor(scheduleFrom(opts, 'slaDeadline', years)));
  } else deadline = start + Math.ceil(minutes * 60_000);
  const at = describeInstant(deadline, zone);
  return {
    deadline: at.iso,
    deadlineLocal: at.local,
    targetMinutes: minutes,
    businessHours: business,
    timeZone: zone,
  };
}

/** Options of {@link businessMinutesBetween}. */
export interface BusinessMinutesOptions extends BusinessTimeOptions {
  start: string | number;
  end: string | number;
}

/** The result of {@link businessMinutesBetween}. */
export interface BusinessMinutesResult {
  /** Business minutes from start to end, to two decimals; negative when end is before start. */
  businessMinutes: number;
  /** The same in hours, to two decimals. */
  businessHours: number;
  /** Calendar minutes from start to end, to two decimals. */
  calendarMinutes: number;
}

/**
 * Business minutes between two instants in the team's opening hours (DST-correct, holidays of `country`
 * excluded) — the same arithmetic as `businessMinutes()` in supportkit-ts/metrics, with loose inputs.
 *
 * @example
 * ```ts
 * import { businessMinutesBetween } from 'supportkit-ts/automations';
 * businessMinutesBetween({ start: '2026-03-06 17:00', end: '2026-03-09 10:00', hours: 'Mon-Fri 9-18', timeZone: 'Europe/Rome' });
 * // { businessMinutes: 120, businessHours: 2, calendarMinutes: 3900 }
 * ```
 */
export function businessMinutesBetween(options: BusinessMinutesOptions): BusinessMinutesResult {
  const opts = optionsOf(options, 'businessMinutesBetween');
  const zone = timeZoneOption(opts, 'businessMinutesBetween');
  const start = whenMillis(opts.start, opts, 'businessMinutesBetween', 'start');
  const end = whenMillis(opts.end, opts, 'businessMinutesBetween', 'end');
  const [lo, hi] = start <= end ? [start, end] : [end, start];
  const years = yearsAround(
    lo,
    zone,
    DateTime.fromMillis(hi, { zone }).year - DateTime.fromMillis(lo, { zone }).year + 1,
  );
  if (opts.country && years.length > 12)
    throw fail(
      'businessMinutesBetween',
      'end',
      'is more than ten years from start (too far to list holidays for country)',
    );
  const minutes = minutesBetween(
    start,
    end,
    compiledFor(scheduleFrom(opts, 'businessMinutesBetween', years)),
  );
  const round2 = (value: number) => Math.round(value * 100) / 100 + 0;
  return {
    businessMinutes: round2(minutes),
    businessHours: round2(minutes / 60),
    calendarMinutes: round2((end - start) / 60_000),
  };
}
