import { DateTime, IANAZone } from 'luxon';
import { fail, optionsOf } from './text.js';

/** How to read a numeric date like `02/03/2026`: day first (2 March, most of the world) or month first (3 February, US). */
export type DateOrder = 'day-first' | 'month-first';

/** Options of {@link parseWhen}. */
export interface ParseWhenOptions {
  /** The IANA time zone that dates without an offset are read in, e.g. `Europe/Rome`. Required: never the host's. */
  timeZone: string;
  /** How to read `02/03/2026`; required for such dates, since both readings are dates. */
  dateOrder?: DateOrder;
}

/** The result of {@link parseWhen}: one instant, in UTC and in the given time zone. */
export interface WhenResult {
  /** The instant in UTC, ISO 8601 (`2026-03-02T08:15:00.000Z`). */
  iso: string;
  /** The same instant in the time zone, ISO 8601 with its offset (`2026-03-02T09:15:00.000+01:00`). */
  local: string;
  epochMs: number;
  timeZone: string;
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** The local time, `HH:mm`. */
  time: string;
  /** ISO weekday in the time zone: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/**
 * The time zone option, checked: a valid IANA name. Shared by every function that reads local times.
 * @example `timeZoneOption({ timeZone: 'Europe/Rome' }, 'parseWhen') // 'Europe/Rome'`
 */
export function timeZoneOption(options: { timeZone?: unknown }, fn: string): string {
  const zone = options.timeZone;
  if (zone === undefined || zone === null || zone === '')
    throw fail(
      fn,
      'timeZone',
      'is required: an IANA time zone such as "Europe/Rome" (the host\'s is never used)',
    );
  if (typeof zone !== 'string' || !isValidZone(zone))
    throw fail(fn, 'timeZone', 'is not an IANA time zone name, e.g. "Europe/Rome" or "America/New_York"');
  return zone;
}

/** Zones found valid: luxon's check builds an Intl formatter each time, the cost of a whole parse (a CSV import
 * reads tens of thousands of dates in one zone). Only valid names are kept, so the set stays as small as the
 * zones in use. */
const validZones = new Set<string>();
function isValidZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
}

/** ISO 8601 date, optional time, optional offset; a space may stand for the `T`. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A numeric date with `/`, `.` or `-`, a four-digit year last, and an optional time (24-hour or AM/PM). */
const NUMERIC =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Epoch seconds have 9–10 digits (2001–2286), milliseconds 12–13 (1973–2286); other lengths are ambiguous. */
function epochMs(text: string, fn: string): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const digits = match[1]!.length;
  if (digits >= 9 && digits <= 10) return Math.round(Number(text) * 1000);
  if ((digits === 12 || digits === 13) && match[2] === undefined) return Number(text);
  throw fail(
    fn,
    'value',
    'a number is read as epoch seconds (9–10 digits) or milliseconds (12–13 digits); this one is neither',
  );
}

function fromIso(match: RegExpExecArray, zone: string, fn: string): DateTime {
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', offset] = match;
  const parts: LocalParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    millisecond: Math.floor(Number(`0.${frac}`) * 1000),
  };
  if (offset === undefined) return localTime(parts, zone, fn);
  const utc = DateTime.fromObject(parts, { zone: 'UTC' });
  if (!utc.isValid || utc.hour !== parts.hour) throw fail(fn, 'value', 'is not a real date and time');
  const offsetMinutes = /^z$/i.test(offset) ? 0 : offsetOf(offset);
  return DateTime.fromMillis(utc.toMillis() - offsetMinutes * 60_000, { zone });
}

/** `+01`, `+0100` or `+01:00` as minutes east of UTC. */
function offsetOf(offset: string): number {
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return offset.startsWith('-') ? -minutes : minutes;
}

function fromNumeric(
  match: RegExpExecArray,
  order: DateOrder | undefined,
  zone: string,
  fn: string,
): DateTime {
  if (order === undefined)
    throw fail(
      fn,
      'dateOrder',
      'is required for a date written like 02/03/2026 (2 March or 3 February?): pass "day-first" or "month-first"',
    );
  const [, a, b, y, h = '0', mi = '0', s = '0', meridiem] = match;
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) throw fail(fn, 'value', 'has an AM/PM hour outside 1–12');
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  }
  const [day, month] = order === 'day-first' ? [a, b] : [b, a];
  return localTime(
    {
      year: Number(y),
      month: Number(month),
      day: Number(day),
      hour,
      minute: Number(mi),
      second: Number(s),
      millisecond: 0,
    },
    zone,
    fn,
  );
}

/** A wall-clock time in the zone; a time skipped when clocks go forward is an error, not silently moved. */
function localTime(parts: LocalParts, zone: string, fn: string): DateTime {
  const at = DateTime.fromObject(parts, { zone });
  if (!at.isValid) throw fail(fn, 'value', 'is not a real date and time');
  if (at.hour !== parts.hour || at.minute !== parts.minute || at.day !== parts.day)
    throw fail(
      fn,
      'value',
      'is a local time that does not exist in the time zone (the clocks go forward then)',
    );
  return at;
}

/**
 * Reads a date and time as an automation receives it, always in an explicit time zone:
 * - ISO 8601 with an offset (`2026-03-02T09:15:00+01:00`, `…Z`): that instant;
 * - ISO without an offset (`2026-03-02T09:15`, `2026-03-02 09:15`, `2026-03-02`): local time in `timeZone`;
 * - numeric dates (`02/03/2026 09:15`, `2.3.2026`, `03/02/2026 9:15 AM`): with `dateOrder` `"day-first"` or
 *   `"month-first"`, required because both readings are dates;
 * - epoch seconds (9–10 digits) or milliseconds (12–13 digits), as a string or a number.
 * A wall time skipped by a daylight-saving change is an error; a repeated one is its first occurrence.
 *
 * @example
 * ```ts
 * import { parseWhen } from 'supportkit-ts/automations';
 * parseWhen('02/03/2026 09:15', { timeZone: 'Europe/Rome', dateOrder: 'day-first' }).iso; // '2026-03-02T08:15:00.000Z'
 * parseWhen('1772439300', { timeZone: 'UTC' }).iso; // '2026-03-02T08:15:00.000Z'
 * ```
 */
export function parseWhen(value: unknown, options: ParseWhenOptions): WhenResult {
  return describeInstant(
    whenMillis(value, options, 'parseWhen', 'value'),
    timeZoneOption(optionsOf(options, 'parseWhen'), 'parseWhen'),
  );
}

/**
 * {@link parseWhen} as epoch ms, naming `field` in its errors (for the functions that take several instants).
 * @example `whenMillis('2026-03-02 09:15', { timeZone: 'Europe/Rome' }, 'slaDeadline', 'start') // 1772439300000`
 */
export function whenMillis(
  value: unknown,
  options: Partial<ParseWhenOptions>,
  fn: string,
  field: string,
): number {
  const opts = optionsOf(options, fn);
  const zone = timeZoneOption(opts, fn);
  const order = opts.dateOrder;
  if (order !== undefined && order !== 'day-first' && order !== 'month-first')
    throw fail(fn, 'dateOrder', 'expected "day-first" or "month-first"');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw fail(fn, field, 'is an invalid Date');
    return value.getTime();
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw fail(fn, field, 'expected epoch seconds or milliseconds');
    return renamed(
      () => {
        const ms = epochMs(String(value), fn);
        if (ms === null)
          throw fail(fn, 'value', 'expected epoch seconds (9–10 digits) or milliseconds (12–13 digits)');
        return ms;
      },
      fn,
      field,
    );
  }
  if (typeof value !== 'string' || value.trim() === '')
    throw fail(fn, field, 'expected a date and time, e.g. "2026-03-02 09:15" or "2026-03-02T09:15:00+01:00"');
  const text = value.trim();
  return renamed(() => parseText(text, order, zone, fn), fn, field);
}

function parseText(text: string, order: DateOrder | undefined, zone: string, fn: string): number {
  const epoch = epochMs(text, fn);
  if (epoch !== null) return epoch;
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso, zone, fn).toMillis();
  const numeric = NUMERIC.exec(text);
  if (numeric) return fromNumeric(numeric, order, zone, fn).toMillis();
  throw fail(
    fn,
    'value',
    'is not a date this reads: use ISO 8601 ("2026-03-02 09:15"), a numeric date with dateOrder, or epoch seconds/ms',
  );
}

/** Runs `read` and re-labels its `value` errors with the caller's field name. */
function renamed(read: () => number, fn: string, field: string): number {
  if (field === 'value') return read();
  try {
    return read();
  } catch (error) {
    const issue = (error as { issues?: { message: string }[]; subject?: string }).issues?.[0];
    if (issue && (error as { subject?: string }).subject === `${fn}() value`)
      throw fail(fn, field, issue.message);
    throw error;
  }
}

/**
 * An instant in UTC and in a time zone, as flat JSON.
 * @example `describeInstant(1772439300000, 'Europe/Rome').local // '2026-03-02T09:15:00.000+01:00'`
 */
export function describeInstant(ms: number, zone: string): WhenResult {
  const at = DateTime.fromMillis(ms, { zone });
  if (!at.isValid) throw fail('parseWhen', 'value', 'is outside the dates this can represent');
  return {
    iso: new Date(ms).toISOString(),
    local: at.toISO()!,
    epochMs: ms,
    timeZone: zone,
    date: at.toISODate()!,
    time: at.toFormat('HH:mm'),
    weekday: at.weekday,
  };
}
