/**
 * Dates, times and weekly hours written for people, through Intl only. Recent ICU versions put a narrow
 * no-break space before "AM" and thin spaces around a range dash where older ones put plain spaces: the output
 * uses plain spaces so that it reads (and tests) the same on every Node version.
 */
import { invalidOption } from '../../errors/validation.js';
import type { ScheduleInterval } from '../../models/schedule.js';

const DAY_MINUTES = 1440;
/** The models' MINUTES_PER_WEEK, repeated so that this file loads no schemas (the automations import it). */
const MINUTES_PER_WEEK = 10_080;
/** Monday first, Sunday last (Zendesk's day numbers: 0 = Sunday). */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
/** 2026-01-04 was a Sunday: weekday n is that date plus n days. */
const SUNDAY = Date.UTC(2026, 0, 4);

/** Intl's spaces made plain. */
export const plain = (text: string): string => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

/**
 * A locale option checked once: a BCP 47 tag Intl accepts, canonicalised.
 * @example `localeOption('it-it', 'coverage'); // 'it-IT'`
 */
export function localeOption(value: unknown, fn: string): string {
  if (typeof value !== 'string' || value === '')
    throw invalidOption(fn, 'locale', 'expected a language tag such as it or en-GB');
  try {
    return Intl.getCanonicalLocales(value)[0]!;
  } catch {
    throw invalidOption(fn, 'locale', 'expected a language tag such as it or en-GB');
  }
}

/**
 * The time of day of an instant in a zone: `12:30` (it), `12:30 PM` (en-US).
 * @example `formatTime(Date.UTC(2026, 11, 28, 11, 30), 'it', 'Europe/Rome'); // '12:30'`
 */
export function formatTime(ms: number, locale: string, timeZone: string): string {
  return plain(new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(ms));
}

/**
 * The day of an instant in a zone: `lunedì 28 dicembre`, `Monday, December 28`; with the year when `withYear`.
 * @example `formatDay(Date.UTC(2026, 11, 28, 11, 30), 'it', 'Europe/Rome', false); // 'lunedì 28 dicembre'`
 */
export function formatDay(ms: number, locale: string, timeZone: string, withYear: boolean): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone };
  if (withYear) options.year = 'numeric';
  return plain(new Intl.DateTimeFormat(locale, options).format(ms));
}

/**
 * Local dates (YYYY-MM-DD) as a short range: `24–26 dicembre`, `December 24 – 26`, one date alone.
 * @example `formatDateRange('2026-12-24', '2026-12-26', 'it'); // '24–26 dicembre'`
 */
export function formatDateRange(from: string, to: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return plain(a === b ? format.format(a) : format.formatRange(a, b));
}

/** A minute of the day (0–1440) as a clock time; the end of the day reads 24:00 on a 24-hour clock. */
function clock(minute: number, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const parts = format.formatToParts(Date.UTC(2026, 0, 5, 0, minute % DAY_MINUTES));
  if (minute === DAY_MINUTES && !parts.some((p) => p.type === 'dayPeriod'))
    return plain(parts.map((p) => (p.type === 'hour' ? '24' : p.value)).join(''));
  return plain(parts.map((p) => p.value).join(''));
}

/**
 * Open hours of the day as `9:00–18:00`, several joined by `, `.
 * @example `formatHours([[540, 1080]], 'it'); // '9:00–18:00'`
 */
export function formatHours(pieces: readonly [number, number][], locale: string): string {
  return pieces.map(([from, to]) => `${clock(from, locale)}–${clock(to, locale)}`).join(', ');
}

/** Weekly intervals cut into per-weekday pieces (minutes of the local day), touching pieces merged. */
function piecesByWeekday(intervals: readonly ScheduleInterval[]): [number, number][][] {
  const byDay: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const { start, end } of intervals) {
    for (let day = Math.floor(start / DAY_MINUTES); day * DAY_MINUTES < end && day < 7; day++) {
      const from = Math.max(start, day * DAY_MINUTES) - day * DAY_MINUTES;
      const to = Math.min(end, (day + 1) * DAY_MINUTES) - day * DAY_MINUTES;
      if (to > from) byDay[day]!.push([from, to]);
    }
  }
  return byDay.map((pieces) => {
    pieces.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const piece of pieces) {
      const last = merged[merged.length - 1];
      if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
      else merged.push([...piece]);
    }
    return merged;
  });
}

/**
 * A week of business hours as a short sentence: consecutive days with the same hours share a range, Monday
 * first — `lun–ven 9:00–18:00; sab 9:00–13:00`, `Mon–Fri 9:00 AM–6:00 PM`; `24/7` when always open.
 * @example `weeklyHours([1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })), 'it'); // 'lun–ven 9:00–18:00'`
 */
export function weeklyHours(intervals: readonly ScheduleInterval[], locale: string): string {
  const open = intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
  if (open >= MINUTES_PER_WEEK) return '24/7';
  const byDay = piecesByWeekday(intervals);
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const name = (day: number) => plain(dayName.format(SUNDAY + day * 86_400_000));
  const groups: { first: number; last: number; key: string }[] = [];
  for (const day of WEEK_ORDER) {
    const key = JSON.stringify(byDay[day]);
    const last = groups[groups.length - 1];
    if (last && last.key === key && WEEK_ORDER.indexOf(last.last) === WEEK_ORDER.indexOf(day) - 1)
      last.last = day;
    else groups.push({ first: day, last: day, key });
  }
  return groups
    .filter((g) => byDay[g.first]!.length > 0)
    .map((g) => {
      const days = g.first === g.last ? name(g.first) : `${name(g.first)}–${name(g.last)}`;
      return `${days} ${formatHours(byDay[g.first]!, locale)}`;
    })
    .join('; ');
}
