/**
 * UTC timestamps in the two shapes machines write them — `YYYY-MM-DDTHH:MM:SSZ` (Zendesk) and
 * `YYYY-MM-DDTHH:MM:SS.sssZ` (`Date.prototype.toISOString`, every JSONL file supportkit writes) — read by
 * arithmetic instead of the engine's general date parser, which costs several times more and runs millions of
 * times in an export or a report. Zod-free, like vocabulary.ts: the readers of files and wire formats use it.
 */

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
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, in plain arithmetic: years counted from
 * March, so the leap day is a year's last, and 400-year eras of 146097 days.
 * http://howardhinnant.github.io/date_algorithms.html#days_from_civil
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

/** Whether the separators of `YYYY-MM-DDTHH:MM:SS` sit where they must (char codes: no strings made). */
function separatorsInPlace(text: string): boolean {
  return (
    text.charCodeAt(4) === 45 /* - */ &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 /* T */ &&
    text.charCodeAt(13) === 58 /* : */ &&
    text.charCodeAt(16) === 58
  );
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ`, or undefined for any other text
 * (an offset, other fraction digits, a day past the month's end, a year below 1000): the caller then uses
 * `Date.parse`, whose answer this one equals wherever it answers. Internal.
 *
 * @example
 * ```ts
 * utcTextMs('2026-03-01T09:30:00Z'); // 1772357400000
 * utcTextMs('2026-03-01T09:30:00.250Z'); // 1772357400250
 * utcTextMs('2026-03-01T10:30:00+01:00'); // undefined: not one of the two shapes
 * ```
 */
export function utcTextMs(text: string): number | undefined {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  if (!separatorsInPlace(text)) return undefined;
  const millis = length === 24 ? (text.charCodeAt(19) === 46 /* . */ ? digits(text, 20, 3) : Number.NaN) : 0;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // A day past the month's end (31 April) is not a date: Date.UTC would roll it over to 1 May. Years below 1000
  // are left to Date.parse too (Date.UTC reads 0..99 as 1900..1999). NaN fails every comparison.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)))
    return undefined;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) return undefined;
  return (((daysFromEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + millis;
}
