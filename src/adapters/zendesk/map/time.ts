/**
 * Zendesk's timestamps and time-zone names, read once for every mapper: timestamps always come as
 * `YYYY-MM-DDTHH:MM:SSZ` (read without the general date parser, since an export maps millions), zone names as
 * IANA names or the Rails names Zendesk's settings use.
 */
import { IANAZone } from 'luxon';
import railsTimeZone from 'rails-timezone';
import type { ValidationIssue } from '../../../errors/validation.js';

/** Digits at text[from..from+length) as a number, or NaN. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, the shape Zendesk sends every timestamp in, read without the general date parser (an
 * export maps two of them per ticket); undefined for anything else, which then goes through Date.parse.
 */
function utcDate(text: string): Date | undefined {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */) return undefined;
  // - at 4 and 7, T at 10, : at 13 and 16 (char codes: no one-letter strings made per timestamp).
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  )
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // A day past the month's end (31 April) is not a date: Date.UTC would roll it over to 1 May. Years below 1000
  // are refused too (Date.UTC reads 0..99 as 1900..1999).
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)))
    return undefined;
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  return new Date((((daysFromEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000);
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, in plain arithmetic (Date.UTC is a call
 * into the engine's runtime, twice a ticket): years counted from March, so the leap day is a year's last, and
 * 400-year eras of 146097 days. http://howardhinnant.github.io/date_algorithms.html#days_from_civil
 */
function daysFromEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * A Zendesk timestamp (always with Z or an offset) as a Date, or an issue at `path` (and an Invalid Date the
 * caller must not keep): the mapper reports every bad field of a record at once.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * instant('2026-03-01T09:30:00Z', 'createdAt', issues); // Date(2026-03-01T09:30:00.000Z), no issue
 * ```
 */
export function instant(text: string, path: string, issues: ValidationIssue[]): Date {
  const fast = utcDate(text);
  if (fast) return fast;
  const ms = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms))
    issues.push({ path: [path], code: 'custom', message: 'expected an ISO 8601 timestamp with offset' });
  return new Date(ms);
}

/**
 * A time-zone name as Zendesk reports it — an IANA name, or the Rails name its schedules and settings use
 * ("Eastern Time (US & Canada)") — as an IANA name. A name neither knows is returned as it is, for the model to
 * refuse with its path.
 *
 * @example
 * ```ts
 * ianaZoneFromZendesk('Pacific Time (US & Canada)'); // 'America/Los_Angeles'
 * ianaZoneFromZendesk('Europe/Rome'); // 'Europe/Rome'
 * ```
 */
export function ianaZoneFromZendesk(name: string): string {
  if (IANAZone.isValidZone(name)) return name;
  const mapped = railsTimeZone.from(name);
  return mapped && IANAZone.isValidZone(mapped) ? mapped : name;
}
