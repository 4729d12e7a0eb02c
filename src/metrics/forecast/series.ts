/**
 * Turns what a caller has — `volumes()` periods, `{ start, value }` points or raw timestamps — into a regular
 * series of local periods (hours, days or weeks in one time zone), each with its seasonal slot. Periods come from
 * Luxon: an hourly series has 23 periods on the day clocks go forward and 25 on the day they go back, and every
 * period's slot is its local hour of the week, so 09:00 on Monday is always the same slot whatever the offset.
 */
import { DateTime } from 'luxon';
import { invalidOption, ValidationError } from '../../errors/validation.js';
import { isIanaTimeZone } from '../../models/vocabulary.js';
import { instantArg } from '../input.js';

/** The period a forecast counts in: local hours, local days, or ISO weeks (Monday-based). */
export type ForecastInterval = 'hour' | 'day' | 'week';

/** How a holiday's periods are modelled: as a Sunday of the same hours, or by a profile of their own. */
export type HolidayEffect = 'sunday' | 'own';

/** A holiday as a `Schedule` holds it (inclusive local dates), or one local date `YYYY-MM-DD`. */
export type ForecastHoliday = string | { startDate: string; endDate: string; name?: string };

/** One observed period: its start and the number counted in it (`created` of a `volumes()` period is read). */
export interface SeriesPoint {
  start: Date | string | number;
  value?: number;
  created?: number;
}

/** What the forecasting functions accept as history: periods with counts, or the instants of each arrival. */
export type SeriesInput = readonly SeriesPoint[] | readonly (Date | string | number)[];

/** Options every forecasting function shares. */
export interface SeriesOptions {
  /** The period counted in. */
  interval: ForecastInterval;
  /** The IANA time zone periods are read in. @default 'UTC' */
  timeZone?: string;
  /** Local dates whose periods follow the holiday profile. @default [] */
  holidays?: readonly ForecastHoliday[];
  /** @default 'sunday' */
  holidayEffect?: HolidayEffect;
  /** With timestamps: where the series ends (exclusive), so quiet periods at the end count as zeros. */
  end?: Date | string | number;
}

/** A regular series ready for the models. */
export interface Series {
  interval: ForecastInterval;
  timeZone: string;
  starts: number[];
  values: number[];
  slots: number[];
  holiday: boolean[];
  /** Slots in the model: 168 (hour × weekday) + 24 for an own holiday profile; 7 (+1) for days; 1 for weeks. */
  slotCount: number;
  /** The regular season length (periods in a week; 1 for weekly series): the lag of seasonal-naive errors. */
  season: number;
  holidays: ReadonlySet<string>;
  holidayEffect: HolidayEffect;
}

const UNIT: Record<ForecastInterval, 'hour' | 'day' | 'week'> = { hour: 'hour', day: 'day', week: 'week' };
/** Longest history accepted: 20 years of hours. Longer series are refused rather than ground through. */
const MAX_PERIODS = 175_200;

function startOf(t: number, interval: ForecastInterval, zone: string): DateTime {
  return DateTime.fromMillis(t, { zone }).startOf(UNIT[interval], { useLocaleWeeks: false });
}

/**
 * The next period's start. Days and weeks: Luxon adds local days (23 or 25 h on DST days). Hours: the next local
 * hour boundary, which is an absolute hour later except where a zone shifts by half an hour (Lord Howe Island):
 * there the hour after the shift starts at the shift (02:30) and the following one on the hour again (03:00).
 */
export function nextStart(d: DateTime, interval: ForecastInterval): DateTime {
  if (interval !== 'hour') return d.plus(interval === 'day' ? { days: 1 } : { weeks: 1 });
  const next = d.plus({ hours: 1 });
  const floor = next.startOf('hour');
  return floor.toMillis() > d.toMillis() ? floor : next;
}

/** The seasonal slot of a period starting at `d`. */
export function slotOf(
  d: DateTime,
  interval: ForecastInterval,
  isHoliday: boolean,
  effect: HolidayEffect,
): number {
  if (interval === 'week') return 0;
  // Luxon weekday: 1 = Monday … 7 = Sunday.
  const weekday = isHoliday && effect === 'sunday' ? 7 : d.weekday;
  if (interval === 'day') return isHoliday && effect === 'own' ? 7 : weekday - 1;
  return isHoliday && effect === 'own' ? 168 + d.hour : (weekday - 1) * 24 + d.hour;
}

/** Expands holiday ranges to a set of local dates. */
export function holidayDates(fn: string, holidays: readonly ForecastHoliday[] | undefined): Set<string> {
  const out = new Set<string>();
  if (holidays === undefined) return out;
  if (!Array.isArray(holidays)) throw invalidOption(fn, 'holidays', 'must be an array of dates or holidays');
  holidays.forEach((h, i) => {
    const from = typeof h === 'string' ? h : h?.startDate;
    const to = typeof h === 'string' ? h : h?.endDate;
    const a = typeof from === 'string' ? DateTime.fromISO(from, { zone: 'UTC' }) : null;
    const b = typeof to === 'string' ? DateTime.fromISO(to, { zone: 'UTC' }) : null;
    if (!a?.isValid || !b?.isValid || b < a || b.diff(a, 'days').days > 366) {
      throw invalidOption(
        fn,
        `holidays.${i}`,
        'must be a YYYY-MM-DD date or { startDate, endDate } in order',
      );
    }
    for (let d = a; d <= b; d = d.plus({ days: 1 })) out.add(d.toISODate()!);
  });
  return out;
}

/** Checks the shared options once, at the public entry. */
export function seriesOptions(fn: string, options: SeriesOptions) {
  if (options === null || typeof options !== 'object')
    throw invalidOption(fn, '', 'expected an options object with interval');
  const { interval } = options;
  if (interval !== 'hour' && interval !== 'day' && interval !== 'week')
    throw invalidOption(fn, 'interval', 'must be "hour", "day" or "week"');
  const timeZone = options.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isIanaTimeZone(timeZone))
    throw invalidOption(fn, 'timeZone', 'must be an IANA time zone name such as Europe/Rome');
  const holidayEffect = options.holidayEffect ?? 'sunday';
  if (holidayEffect !== 'sunday' && holidayEffect !== 'own')
    throw invalidOption(fn, 'holidayEffect', 'must be "sunday" or "own"');
  return { interval, timeZone, holidayEffect, holidays: holidayDates(fn, options.holidays) };
}

function pointValue(fn: string, p: SeriesPoint, i: number): number {
  const v = p.value ?? p.created;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new ValidationError(`${fn}() series`, [
      {
        path: [i, 'value'],
        code: 'invalid_type',
        message: 'expected a finite count ≥ 0 in value or created',
      },
    ]);
  }
  return v;
}

/** Reads the input into counts per period start (epoch ms of the period's start). */
function bucket(fn: string, input: SeriesInput, interval: ForecastInterval, zone: string) {
  const counts = new Map<number, number>();
  // Today's UTC offsets are multiples of 15 minutes, so a 15-minute block of absolute time usually lies in one
  // local hour (day, week): one Luxon lookup per block, not per arrival. A block that straddles two periods (an
  // old local-mean-time offset) is looked up per arrival.
  const blocks = new Map<number, number | null>();
  input.forEach((item, i) => {
    const isPoint = item !== null && typeof item === 'object' && !(item instanceof Date);
    const t = instantArg(isPoint ? (item as SeriesPoint).start : item, `${fn}() series[${i}]`);
    const value = isPoint ? pointValue(fn, item as SeriesPoint, i) : 1;
    const block = Math.floor(t / 900_000);
    let key = blocks.get(block);
    if (key === undefined) {
      const first = startOf(block * 900_000, interval, zone).toMillis();
      key = first === startOf(block * 900_000 + 899_999, interval, zone).toMillis() ? first : null;
      blocks.set(block, key);
    }
    if (key === null) key = startOf(t, interval, zone).toMillis();
    counts.set(key, (counts.get(key) ?? 0) + value);
  });
  return counts;
}

/**
 * Builds the regular series: every period from the first observed to the last (or to `end`), zeros where
 * nothing arrived.
 */
export function toSeries(fn: string, input: SeriesInput, options: SeriesOptions): Series {
  const { interval, timeZone, holidayEffect, holidays } = seriesOptions(fn, options);
  if (!Array.isArray(input))
    throw new ValidationError(`${fn}() series`, [
      { path: [], code: 'invalid_type', message: 'expected an array of periods or timestamps' },
    ]);
  const counts = bucket(fn, input, interval, timeZone);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const out: Series = {
    interval,
    timeZone,
    starts: [],
    values: [],
    slots: [],
    holiday: [],
    slotCount: interval === 'hour' ? 168 + 24 : interval === 'day' ? 8 : 1,
    season: interval === 'hour' ? 168 : interval === 'day' ? 7 : 1,
    holidays,
    holidayEffect,
  };
  if (keys.length === 0) return out;
  const endMs =
    options.end === undefined ? keys[keys.length - 1]! + 1 : instantArg(options.end, `${fn}() end`);
  for (
    let d: DateTime = DateTime.fromMillis(keys[0]!, { zone: timeZone });
    d.toMillis() < endMs;
    d = nextStart(d, interval)
  ) {
    if (out.starts.length >= MAX_PERIODS)
      throw invalidOption(
        fn,
        'interval',
        `the series spans more than ${MAX_PERIODS} periods; use a longer interval`,
      );
    const isHoliday = interval !== 'week' && holidays.has(d.toISODate()!);
    out.starts.push(d.toMillis());
    out.values.push(counts.get(d.toMillis()) ?? 0);
    out.slots.push(slotOf(d, interval, isHoliday, holidayEffect));
    out.holiday.push(isHoliday);
  }
  return out;
}

/** The next `horizon` periods after the series, with their slots. */
export function futurePeriods(series: Series, horizon: number, lastStart?: number) {
  const { interval, timeZone } = series;
  const from = lastStart ?? series.starts[series.starts.length - 1]!;
  const out: { start: number; end: number; slot: number; holiday: boolean; label: string }[] = [];
  let d: DateTime = nextStart(DateTime.fromMillis(from, { zone: timeZone }), interval);
  for (let h = 0; h < horizon; h++) {
    const next = nextStart(d, interval);
    const isHoliday = interval !== 'week' && series.holidays.has(d.toISODate()!);
    out.push({
      start: d.toMillis(),
      end: next.toMillis(),
      slot: slotOf(d, interval, isHoliday, series.holidayEffect),
      holiday: isHoliday,
      label: d.toISO({ suppressMilliseconds: true, suppressSeconds: true })!,
    });
    d = next;
  }
  return out;
}

/** The local ISO label of a period start (with its offset, so the repeated hour of a DST change is told apart). */
export function periodLabel(t: number, zone: string): string {
  return DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: true })!;
}
