/**
 * Numbers and dates as people read them, in the report's language: one `Intl` number format for every figure
 * (counts, decimals, percentages, durations with units: 45 min, 2,2 h, 1,1 g), dates and times in the report's
 * time zone, and a dash for "nothing to measure" (null), never 0 or NaN. Pure; shared by every report format.
 */
import { DateTime } from 'luxon';
import { counted, fill, type ReportLabels, type ReportLanguage, reportLabels } from './labels/index.js';

/**
 * The dash shown for a value that could not be measured.
 * @example `fixed(null) === NONE // true`
 */
export const NONE = '—';

/**
 * A number with `digits` decimals (the C locale), or the dash for null/undefined. The CLI's survey commands use
 * it; reports use {@link reportFormatter}.
 *
 * @example
 * ```ts
 * fixed(3047.999999999999); // '3048.0'
 * fixed(null); // '—'
 * ```
 */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NONE : value.toFixed(digits);
}

/**
 * The period a report counts volumes in.
 * @example `const every: PeriodInterval = 'week';`
 */
export type PeriodInterval = 'day' | 'week' | 'month';

/**
 * Everything a report writes numbers, durations and dates with, in one locale and time zone.
 * @example `reportFormatter({ language: 'it', tag: 'it' }, 'Europe/Rome').duration(132) // '2,2 h'`
 */
export interface ReportFormatter {
  /** The BCP 47 tag Intl formats with. */
  tag: string;
  language: ReportLanguage;
  labels: ReportLabels;
  timeZone: string;
  /** A whole count with the locale's grouping. */
  count(value: number): string;
  /** A number with `digits` decimals, or the dash. */
  decimal(value: number | null | undefined, digits?: number): string;
  /** A percentage (0..100) with `digits` decimals, or the dash. */
  percent(value: number | null | undefined, digits?: number): string;
  /** Minutes in the unit that reads best: minutes under an hour, hours under a day, else days. */
  duration(minutes: number | null | undefined): string;
  /** Bounds in minutes as a histogram bucket's name (`< 15 min`, `1–4 h`, `> 7 d`). */
  bucket(from: number, to: number | null): string;
  /** A small probability in scientific notation (`6,1E-63`). */
  scientific(value: number | null): string;
  /** A period's name from its local start date `YYYY-MM-DD`; `short` drops the year (chart axes). */
  period(key: string, interval: PeriodInterval, short?: boolean): string;
  /** An instant's local date. */
  date(ms: number): string;
  /** An instant's local date and time. */
  dateTime(ms: number): string;
  /** An instant's local weekday, day and month (`lun 6 apr`). */
  weekdayDate(ms: number): string;
  /** A counted phrase (`{n} tickets`) in the plural form the language picks. */
  counted(forms: { one: string; other: string }, n: number): string;
  /** The weekdays' short names, Monday first. */
  weekdays: readonly string[];
}

/** Intl's formats are slow to build and immutable: one per locale and option set. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n\u0000${tag}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    cache.set(key, format);
  }
  return format;
}
function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d\u0000${tag}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    cache.set(key, format);
  }
  return format;
}

const finite = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/**
 * The formatter of a report in a locale (`language` for the words, `tag` for Intl) and an IANA time zone.
 *
 * @example
 * ```ts
 * const f = reportFormatter({ language: 'it', tag: 'it' }, 'Europe/Rome');
 * f.count(12345); // '12.345'
 * f.percent(87.456); // '87,5%'
 * f.duration(1584); // '1,1 g'
 * ```
 */
export function reportFormatter(
  locale: { language: ReportLanguage; tag: string },
  timeZone: string,
): ReportFormatter {
  const { tag, language } = locale;
  const labels = reportLabels(language);
  const digitsFormat = (digits: number) =>
    numberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const decimal = (value: number | null | undefined, digits = 1) =>
    finite(value) ? digitsFormat(digits).format(value) : NONE;
  const unit = (value: number, name: string, digits: number) => `${decimal(value, digits)} ${name}`;
  const { minutes: min, hours: h, days: d } = labels.units;
  // A Monday at noon UTC: its weekday is Monday in every zone Intl formats it in (UTC here).
  const weekdayNames = Array.from({ length: 7 }, (_, i) =>
    dateFormat(tag, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + i, 12)),
  );
  return {
    tag,
    language,
    labels,
    timeZone,
    // `+ 0` turns −0 (a rounded tiny negative, a ceiling of −0.4) into 0: a count never reads "-0".
    count: (value) => numberFormat(tag, { maximumFractionDigits: 0 }).format(Math.round(value) + 0),
    decimal,
    percent: (value, digits = 1) =>
      finite(value)
        ? numberFormat(tag, {
            style: 'percent',
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(value / 100)
        : NONE,
    duration(minutes) {
      if (!finite(minutes)) return NONE;
      if (minutes < 59.5) return unit(Math.round(minutes), min, 0);
      if (minutes < 1440) return unit(minutes / 60, h, 1);
      return unit(minutes / 1440, d, 1);
    },
    bucket(from, to) {
      const top = to ?? from;
      const [name, per] = top <= 60 ? [min, 1] : top <= 1440 ? [h, 60] : [d, 1440];
      const shown = (v: number) => decimal(v / per, Number.isInteger(v / per) ? 0 : 1);
      if (to === null) return `> ${shown(from)} ${name}`;
      if (from === 0) return `< ${shown(to)} ${name}`;
      return `${shown(from)}–${shown(to)} ${name}`;
    },
    scientific: (value) =>
      finite(value)
        ? numberFormat(tag, { notation: 'scientific', maximumFractionDigits: 1 }).format(value)
        : NONE,
    period(key, interval, short = false) {
      const at = Date.parse(`${key}T12:00:00Z`);
      if (!Number.isFinite(at)) return key;
      const options: Intl.DateTimeFormatOptions =
        interval === 'month'
          ? { month: 'short', year: short ? '2-digit' : 'numeric', timeZone: 'UTC' }
          : { day: 'numeric', month: 'short', ...(short ? {} : { year: 'numeric' }), timeZone: 'UTC' };
      return dateFormat(tag, options).format(at);
    },
    date: (ms) => dateFormat(tag, { dateStyle: 'medium', timeZone }).format(ms),
    dateTime: (ms) => dateFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms),
    weekdayDate: (ms) =>
      dateFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(ms),
    counted: (forms, n) => counted(forms, n, numberFormat(tag, { maximumFractionDigits: 0 }).format(n), tag),
    weekdays: weekdayNames,
  };
}

/**
 * The last local day a window ending at `to` (exclusive) covers: the day before when `to` is a local midnight.
 * @example `lastDayOf(Date.parse('2026-03-01T23:00:00Z'), 'Europe/Rome') // ms of 2026-03-01T12:00 in Rome`
 */
export function lastDayOf(to: number, timeZone: string): number {
  const local = DateTime.fromMillis(to, { zone: timeZone });
  const day = local.equals(local.startOf('day')) ? local.minus({ days: 1 }) : local;
  return day.set({ hour: 12 }).toMillis();
}

/** Fills a label template (re-exported for the renderers). */
export { fill };

/**
 * How a table column is aligned: text left, numbers right.
 * @example `const align: Align[] = ['left', 'right'];`
 */
export type Align = 'left' | 'right';

/**
 * Rows of cells as an aligned plain-text table with a header rule.
 *
 * @example
 * ```ts
 * textTable(['channel', 'tickets'], [['email', '1,204']], ['left', 'right']);
 * // channel  tickets
 * // ───────  ───────
 * // email      1,204
 * ```
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
