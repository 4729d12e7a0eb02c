import { DateTime } from 'luxon';
import { invalidArgument, invalidOption } from '../../errors/validation.js';
import { type Instant, isBusinessTimeAt, openSpansBetween } from '../../metrics/business-time.js';
import { instantArg, scheduleArg } from '../../metrics/input.js';
import type { Schedule, ScheduleInput } from '../../models/schedule.js';
import { formatTime, localeOption, weeklyHours } from './format.js';

const DAY = 86_400_000;
/** How far ahead "when do we open next" looks: past a year of closure there is nothing useful to say. */
const LOOK_AHEAD_DAYS = 366;
/** Spans are laid out a few weeks at a time. */
const STEP_DAYS = 28;

/**
 * Options of {@link coverage}.
 * @example `coverage(schedule, new Date(), { locale: 'it', days: 14 })`
 */
export interface CoverageOptions {
  /** The language of the sentences. @default 'en' */
  locale?: string;
  /** How many days ahead holidays are listed. @default 14 */
  days?: number;
}

/**
 * When the team works, as of a moment: for an auto-reply's "we are closed now, we open again Monday at 9:00".
 * @example `if (!c.open) console.log(\`closed; we open again at ${c.nextOpening?.toISOString()}\`)`
 */
export interface Coverage {
  asOf: Date;
  /** The schedule's time zone: every local time here is in it. */
  timeZone: string;
  locale: string;
  /** Open at `asOf`. */
  open: boolean;
  /** When the current open stretch ends (null when closed, or open for the whole look-ahead). */
  closesAt: Date | null;
  /** The next time the team opens after `asOf` (after the current stretch when open), or null within a year. */
  nextOpening: Date | null;
  /** Today (local date in the schedule's zone): its open hours and the holiday that closes it, if any. */
  today: {
    date: string;
    hours: { from: Date; to: Date }[];
    /** `9:00–18:00`; null when closed all day. */
    text: string | null;
    holiday: string | null;
  };
  /** The weekly hours as a short sentence in the locale: `lun–ven 9:00–18:00`, `Mon–Fri 9:00 AM–6:00 PM`. */
  weekly: string;
  /** Holidays that meet today or the next `days` days, in date order (local dates, both inclusive). */
  holidays: { name: string; startDate: string; endDate: string }[];
}

/** The first open span at or after `from`, searching ahead a few weeks at a time. */
function nextSpan(from: number, schedule: Schedule): [number, number] | null {
  for (let start = from; start < from + LOOK_AHEAD_DAYS * DAY; start += STEP_DAYS * DAY) {
    const spans = openSpansBetween(start, start + STEP_DAYS * DAY, schedule);
    const span = spans.find(([s]) => s >= from);
    if (span) return span;
  }
  return null;
}

/** The end of the open stretch holding t: spans are clipped to their window, so follow one across windows. */
function stretchEnd(t: number, schedule: Schedule): number | null {
  let end = t;
  for (let n = 0; n * STEP_DAYS < LOOK_AHEAD_DAYS; n++) {
    const span = openSpansBetween(end, end + STEP_DAYS * DAY, schedule)[0];
    if (!span || span[0] > end) return end;
    if (span[1] < end + STEP_DAYS * DAY) return span[1];
    end = span[1];
  }
  return null;
}

function readOptions(options: unknown): { locale: string; days: number } {
  if (options === undefined) return { locale: 'en', days: 14 };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidArgument('coverage()', 'options', 'expected an options object');
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (key !== 'locale' && key !== 'days')
      throw invalidOption('coverage', key.slice(0, 64), 'unknown option');
  const days = o.days ?? 14;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 366)
    throw invalidOption('coverage', 'days', 'must be an integer from 0 to 366');
  return { locale: o.locale === undefined ? 'en' : localeOption(o.locale, 'coverage'), days };
}

/**
 * When the team works, as of `asOf`, in the schedule's own time zone (DST and holidays as the business-time
 * metrics count them): open now or not, when the current stretch closes, the next opening, today's hours, the
 * weekly hours as a short sentence in the locale, and the holidays of the next `days` days — what an
 * acknowledgement tells a customer who writes at night or before a holiday.
 *
 * @example
 * ```ts
 * import { coverage } from 'supportkit-ts';
 * const c = coverage(schedule, '2026-12-24T19:30:00+01:00', { locale: 'it' });
 * c.open;         // false
 * c.weekly;       // 'lun–ven 9:00–18:00'
 * c.nextOpening;  // 2026-12-28T08:00:00.000Z (Monday 9:00 in Rome, after Christmas)
 * c.holidays;     // [{ name: 'Natale', startDate: '2026-12-25', endDate: '2026-12-26' }]
 * ```
 */
export function coverage(schedule: ScheduleInput, asOf: Instant, options?: CoverageOptions): Coverage {
  const s = scheduleArg(schedule, 'coverage');
  const t = instantArg(asOf, 'coverage() asOf');
  const { locale, days } = readOptions(options);
  const zone = s.timeZone;
  const dayStart = DateTime.fromMillis(t, { zone }).startOf('day');
  const dayEnd = dayStart.plus({ days: 1 }).startOf('day');
  const today = dayStart.toISODate()!;
  const horizon = dayStart.plus({ days }).toISODate()!;
  const holidays = s.holidays
    .filter((h) => h.endDate >= today && h.startDate <= horizon)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
    .map(({ name, startDate, endDate }) => ({ name, startDate, endDate }));
  const hours = openSpansBetween(dayStart.toMillis(), dayEnd.toMillis(), s).map(([from, to]) => ({
    from: new Date(from),
    to: new Date(to),
  }));
  const open = isBusinessTimeAt(t, s);
  const closesAt = open ? stretchEnd(t, s) : null;
  const next = nextSpan(open ? (closesAt ?? Number.POSITIVE_INFINITY) : t, s);
  const time = (d: Date) => formatTime(d.getTime(), locale, zone);
  return {
    asOf: new Date(t),
    timeZone: zone,
    locale,
    open,
    closesAt: closesAt === null ? null : new Date(closesAt),
    nextOpening: next ? new Date(next[0]) : null,
    today: {
      date: today,
      hours,
      text: hours.length === 0 ? null : hours.map((h) => `${time(h.from)}–${time(h.to)}`).join(', '),
      holiday: s.holidays.find((h) => h.startDate <= today && h.endDate >= today)?.name ?? null,
    },
    weekly: weeklyHours(s.intervals, locale),
    holidays,
  };
}
