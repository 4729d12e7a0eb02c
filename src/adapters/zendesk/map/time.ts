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
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59))
    return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over to 1 May: a day past the month's end is not a date.
  return date.getUTCDate() === day && year >= 1000 ? date : undefined;
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
