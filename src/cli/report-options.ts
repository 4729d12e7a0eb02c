import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { holidaysFor } from '../metrics/holidays.js';
import type { Interval } from '../metrics/periods.js';
import { parseSchedule } from '../models/helpers.js';
import { isIanaTimeZone } from '../models/primitives.js';
import type { Schedule } from '../models/schedule.js';
import { REPORT_LANGUAGES, type ReportFormat } from '../report/index.js';
import { type ParsedArgs, stringOption } from './args.js';
import { UsageError } from './errors.js';

const HINT = 'supportkit report --help';

/**
 * A --from/--to/--as-of value as epoch ms: a date (`2026-04-01`, the start of that day) or a time without an
 * offset are read in `zone`; a time with an offset or Z is taken as it is.
 *
 * @example
 * ```ts
 * instantOption('2026-04-01', 'Europe/Rome', 'to'); // 2026-03-31T22:00:00Z
 * ```
 */
export function instantOption(text: string, zone: string, name: string): number {
  const parsed = DateTime.fromISO(text.trim().replace(' ', 'T'), { zone, setZone: true });
  if (!parsed.isValid)
    throw new UsageError(`--${name} is not a date or time (expected ISO 8601, e.g. 2026-04-01)`, HINT);
  return parsed.toMillis();
}

/** Monday to Friday, 09:00–18:00: the business hours --country assumes when no --schedule is given. */
const WEEKDAYS_9_TO_6 = [1, 2, 3, 4, 5].map((day) => ({ start: day * 1440 + 540, end: day * 1440 + 1080 }));

function countryHolidays(country: string, years: number[]) {
  try {
    return holidaysFor({ country: country.toUpperCase() }, years);
  } catch {
    throw new UsageError(
      `--country ${country.toUpperCase()} is not a country with a public-holiday calendar`,
      'use an ISO 3166 code such as IT, DE or US (supportkit report --help)',
    );
  }
}

function scheduleOption(
  values: ParsedArgs['values'],
  cwd: string,
  zone: string,
  years: number[],
): Schedule | undefined {
  const file = stringOption(values, 'schedule', 'report');
  const country = stringOption(values, 'country', 'report');
  let schedule: Schedule | undefined;
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
    } catch (error) {
      if (error instanceof SyntaxError) throw new UsageError(`--schedule ${file} is not JSON`, HINT);
      throw error;
    }
    schedule = parseSchedule(json);
  }
  if (!country) return schedule;
  if (!/^[A-Za-z]{2}$/.test(country))
    throw new UsageError('--country must be an ISO 3166 code such as IT', HINT);
  const base = schedule ?? {
    id: 'business-hours',
    name: 'Business hours',
    timeZone: zone,
    intervals: WEEKDAYS_9_TO_6,
    holidays: [],
  };
  return parseSchedule({ ...base, holidays: [...base.holidays, ...countryHolidays(country, years)] });
}

/** How many years before the as-of year --country covers when --from does not say where the data starts. */
export const HOLIDAY_YEARS_BACK = 10;

/**
 * The years --country lists holidays for: from --from's year (else {@link HOLIDAY_YEARS_BACK} years before the
 * as-of year) to the year after as-of, so every ticket the data can hold, and SLA clocks running past as-of,
 * meet their holidays.
 *
 * @example
 * ```ts
 * holidayYears(undefined, Date.parse('2026-03-01T00:00:00Z'), 'UTC'); // [2016, …, 2027]
 * ```
 */
export function holidayYears(from: number | undefined, asOf: number | undefined, zone: string): number[] {
  const last = DateTime.fromMillis(asOf ?? Date.now(), { zone }).year + 1;
  const first = from === undefined ? last - 1 - HOLIDAY_YEARS_BACK : DateTime.fromMillis(from, { zone }).year;
  return Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => first + i);
}

/**
 * The report command's options, checked.
 * @example `const options: ReportCliOptions = reportOptions(args.values, io.cwd, false);`
 */
export interface ReportCliOptions {
  timeZone: string;
  interval: Interval;
  from: number | undefined;
  to: number | undefined;
  asOf: number | undefined;
  format: ReportFormat;
  schedule: Schedule | undefined;
  /** Recent periods compared against the earlier ones in tag trends. @default 1 */
  recentPeriods?: number;
  /** Threads that read a large JSONL input; undefined: every core. */
  workers?: number;
  /** The report's language (en, it, es, fr, de or a tag of one of them). @default 'en' */
  locale?: string;
  /** The staffing section's figures: minutes per request, reply target in minutes, shrinkage 0..1. */
  planning?: { ahtMinutes?: number; replyWithinMinutes?: number; shrinkage?: number };
}

/**
 * --locale: one of the report's languages or a BCP 47 tag of one (it-CH), else a usage error.
 * @example `localeOption({ locale: 'it' }, 'report') // 'it'`
 */
export function localeOption(values: ParsedArgs['values'], command: string): string {
  const locale = stringOption(values, 'locale', command) ?? 'en';
  let language: string | undefined;
  try {
    language = Intl.getCanonicalLocales(locale)[0]?.split('-')[0];
  } catch {
    language = undefined;
  }
  if (language === undefined || !(REPORT_LANGUAGES as readonly string[]).includes(language))
    throw new UsageError(
      `--locale must be ${REPORT_LANGUAGES.join(', ')} or a tag of one of them (it-CH)`,
      `supportkit ${command} --help`,
    );
  return locale;
}

/** A positive number option (minutes, percent), or undefined when absent. */
function numberOption(values: ParsedArgs['values'], name: string, max: number): number | undefined {
  const text = stringOption(values, name, 'report');
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max)
    throw new UsageError(`--${name} must be a number above 0 and at most ${max}`, HINT);
  return value;
}

/**
 * The staffing section's options: --aht (minutes per request), --reply-within (minutes), --shrinkage (percent).
 * @example `planningOption({ aht: '6', shrinkage: '35' }) // { ahtMinutes: 6, shrinkage: 0.35 }`
 */
export function planningOption(values: ParsedArgs['values']): NonNullable<ReportCliOptions['planning']> {
  const aht = numberOption(values, 'aht', 24 * 60);
  const within = numberOption(values, 'reply-within', 7 * 24 * 60);
  const text = stringOption(values, 'shrinkage', 'report');
  let shrinkage: number | undefined;
  if (text !== undefined) {
    shrinkage = Number(text.trim().replace(/%$/, ''));
    if (text.trim() === '' || !Number.isFinite(shrinkage) || shrinkage < 0 || shrinkage >= 100)
      throw new UsageError('--shrinkage must be a percentage from 0 to under 100', HINT);
  }
  return {
    ...(aht !== undefined ? { ahtMinutes: aht } : {}),
    ...(within !== undefined ? { replyWithinMinutes: within } : {}),
    ...(shrinkage !== undefined ? { shrinkage: shrinkage / 100 } : {}),
  };
}

/**
 * Reads and checks the report command's options (usage errors, exit 2, for anything malformed).
 *
 * @example
 * ```ts
 * const options = reportOptions(args.values, io.cwd, false);
 * ```
 */
export function reportOptions(values: ParsedArgs['values'], cwd: string, json: boolean): ReportCliOptions {
  const timeZone = stringOption(values, 'tz', 'report') ?? 'UTC';
  if (!isIanaTimeZone(timeZone))
    throw new UsageError('--tz must be an IANA time zone such as Europe/Rome', HINT);
  const interval = stringOption(values, 'interval', 'report') ?? 'week';
  if (interval !== 'day' && interval !== 'week' && interval !== 'month')
    throw new UsageError('--interval must be day, week or month', HINT);
  const format = json ? 'json' : (stringOption(values, 'format', 'report') ?? 'text');
  if (!['text', 'json', 'md', 'html'].includes(format))
    throw new UsageError('--format must be text, json, md or html', HINT);
  const at = (name: string) => {
    const text = stringOption(values, name, 'report');
    return text === undefined ? undefined : instantOption(text, timeZone, name);
  };
  const from = at('from');
  const to = at('to');
  if (from !== undefined && to !== undefined && from >= to)
    throw new UsageError('--from must be before --to', HINT);
  const asOf = at('as-of') ?? to;
  const schedule = scheduleOption(values, cwd, timeZone, holidayYears(from, asOf, timeZone));
  const workers = stringOption(values, 'workers', 'report');
  if (workers !== undefined && !(/^\d{1,3}$/.test(workers.trim()) && +workers >= 1 && +workers <= 256))
    throw new UsageError('--workers must be a whole number from 1 to 256', HINT);
  return {
    timeZone,
    interval,
    from,
    to,
    asOf,
    format: format as ReportFormat,
    schedule,
    ...(workers !== undefined ? { workers: Number(workers) } : {}),
    locale: localeOption(values, 'report'),
    planning: planningOption(values),
  };
}
