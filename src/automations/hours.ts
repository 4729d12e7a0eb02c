import type { Schedule } from '../models/schedule.js';
import { CLOSED_WORDS, DAY_NUMBERS, EVERY_DAY_WORDS, FILLER_WORDS, RANGE_WORDS } from './day-names.js';
import { fail, optionsOf } from './text.js';
import { timeZoneOption } from './when.js';

const DAY = 1440;
const WEEK = 7 * DAY;
const DAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Options of {@link hours}. */
export interface HoursOptions {
  /** The IANA time zone the hours are in, e.g. `Europe/Rome`. Required. */
  timeZone: string;
}

/** A time (`9`, `9:30`, `9.30`, `9h`, `18h30`, `9am`, `5:30 p.m.`), a word, or a dash. */
const TOKEN = /\d{1,2}(?:[:.h]\d{2})?h?(?:\s*[ap]\.?m\.?)?|[a-z]+|[-&+/]/g;

interface Token {
  text: string;
  at: number;
}

/** Minutes after midnight of a time token, or an error naming where it is. */
function minutesOf(token: Token): number {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?h?(?:\s*([ap])\.?m\.?)?$/.exec(token.text)!;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const meridiem = match[3];
  if (meridiem) {
    if (hour < 1 || hour > 12) throw wrong(token, 'an AM/PM hour must be 1–12');
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) throw wrong(token, 'is not a time of day');
  return hour * 60 + minute;
}

function wrong(token: Token, message: string) {
  return fail('hours', 'text', `at character ${token.at + 1}: ${message}`);
}

/** Adds one day's opening from `from` to `to` (minutes of day); a range past midnight runs into the next day. */
function open(intervals: { start: number; end: number }[], day: number, from: number, to: number): void {
  const start = day * DAY + from;
  const end = to > from ? day * DAY + to : (day + 1) * DAY + to;
  if (end <= WEEK) intervals.push({ start, end });
  else intervals.push({ start, end: WEEK }, { start: 0, end: end - WEEK });
}

/** Days from `from` to `to` inclusive, wrapping past Saturday (`sat-mon` is Saturday, Sunday, Monday). */
function dayRange(from: number, to: number): number[] {
  const days = [from];
  for (let day = from; day !== to; ) {
    day = (day + 1) % 7;
    days.push(day);
  }
  return days;
}

/** Walks the tokens: days collect until times come, and times apply to the days last named. */
function readIntervals(tokens: Token[]): { start: number; end: number }[] {
  const intervals: { start: number; end: number }[] = [];
  let naming: number[] = [];
  let current: number[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const day = DAY_NUMBERS.get(token.text);
    if (/^\d/.test(token.text)) {
      let j = i + 1;
      while (j < tokens.length && RANGE_WORDS.has(tokens[j]!.text)) j++;
      const end = tokens[j];
      if (j === i + 1 || !end || !/^\d/.test(end.text)) throw wrong(token, 'a time needs an end, as in 9-18');
      if (naming.length > 0) [current, naming] = [naming, []];
      if (!current) throw wrong(token, 'hours come before any day: start with the days, as in Mon-Fri 9-18');
      const [from, to] = [minutesOf(token), minutesOf(end)];
      if (from === to) throw wrong(token, 'opens and closes at the same time');
      for (const d of current) open(intervals, d, from, to === 0 ? DAY : to);
      i = j;
    } else if (day !== undefined) {
      const previous = tokens[i - 1];
      const before = tokens[i - 2];
      const from = before ? DAY_NUMBERS.get(before.text) : undefined;
      if (previous && RANGE_WORDS.has(previous.text) && from !== undefined && naming.length > 0)
        naming.push(...dayRange(from, day).slice(1));
      else naming.push(day);
    } else if (EVERY_DAY_WORDS.has(token.text)) naming.push(0, 1, 2, 3, 4, 5, 6);
    else if (CLOSED_WORDS.has(token.text)) [current, naming] = [[], []];
    else if (!RANGE_WORDS.has(token.text) && !FILLER_WORDS.has(token.text))
      throw wrong(token, 'is not a day, a time or a word this knows');
  }
  if (naming.length > 0)
    throw fail('hours', 'text', 'ends with days that have no hours: add them, as in Sat 9-13');
  return intervals;
}

/** Sorts, joins touching intervals, and refuses overlapping ones (the Schedule model does too). */
function tidy(intervals: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const interval of sorted) {
    const last = out[out.length - 1];
    if (last && interval.start < last.end)
      throw fail('hours', 'text', `gives ${DAY_LABELS[Math.floor(interval.start / DAY)]} overlapping hours`);
    if (last && interval.start === last.end) last.end = interval.end;
    else out.push({ ...interval });
  }
  return out;
}

/**
 * Opening hours written as a person writes them, as a `Schedule` (weekly intervals in minutes from Sunday
 * 00:00, in the given time zone): day names and abbreviations in English, Italian, Spanish, French or German,
 * day ranges with a hyphen, an en dash or a word (`Mon–Fri`, `lun-ven`, `Monday to Friday`, `du lundi au
 * vendredi`), 24-hour or AM/PM times (`9-18`, `9:00–18:00`, `9am-5:30pm`, `9h-18h`), several ranges per day for a
 * lunch break (`Mon-Fri 9-13, 14-18`), `closed` days, and ranges past midnight (`Fri 22-2`).
 *
 * @example
 * ```ts
 * import { hours } from 'supportkit-ts/automations';
 * hours('lun-ven 9-18, sab 9-13', { timeZone: 'Europe/Rome' });
 * // { timeZone: 'Europe/Rome', intervals: [{ start: 1980, end: 2520 }, …, { start: 9180, end: 9420 }], holidays: [] }
 * ```
 */
export function hours(text: unknown, options: HoursOptions): Schedule {
  const timeZone = timeZoneOption(optionsOf(options, 'hours'), 'hours');
  if (typeof text !== 'string' || text.trim() === '')
    throw fail('hours', 'text', 'expected opening hours, e.g. "Mon-Fri 9-18, Sat 9-13"');
  if (text.length > 2000) throw fail('hours', 'text', 'is longer than 2000 characters');
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[–—]/g, '-');
  const tokens = [...folded.matchAll(TOKEN)].map((match) => ({ text: match[0], at: match.index }));
  const intervals = tidy(readIntervals(tokens));
  if (intervals.length === 0) throw fail('hours', 'text', 'names no opening hours');
  return { timeZone, intervals, holidays: [] };
}
