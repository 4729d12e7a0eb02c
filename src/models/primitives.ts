import { z } from 'zod';

/**
 * Registry of the reusable primitives, so JSON Schema generation can describe each by what it accepts on the
 * wire (a timestamp is an ISO 8601 string or epoch milliseconds) rather than by its runtime output (a Date).
 */
export const primitiveJsonSchemas = new Map<z.ZodType, Record<string, unknown>>();

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** Smallest magnitude accepted as epoch milliseconds: below it the number is almost surely epoch seconds. */
const EPOCH_MS_FLOOR = 1e11; // 1973-03-03 in milliseconds, 5138 AD in seconds
const MAX_EPOCH_MS = 8.64e15; // the ECMAScript Date range

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO 8601 date-time with a mandatory offset; returns epoch ms or a reason it is not valid. */
function parseIsoWithOffset(text: string): number | string {
  const m = ISO_8601.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text)) {
      return 'timestamp has no UTC offset, so its instant is ambiguous; add Z or ±hh:mm';
    }
    return 'expected an ISO 8601 timestamp with offset, e.g. 2026-03-01T09:30:00Z';
  }
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12) return 'month must be 01..12';
  if (day < 1 || day > daysInMonth(year, month)) return 'day does not exist in that month';
  if (hour > 23 || minute > 59 || second > 59) return 'time of day out of range';
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (!zulu) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return 'UTC offset out of range';
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/**
 * A point in time. Accepts an ISO 8601 string with an offset (`Z` or `±hh:mm`), a `Date`, or epoch
 * milliseconds; always yields a `Date`. A string without an offset is rejected: its instant depends on a time
 * zone nobody stated. Serialises to ISO 8601 through `Date#toJSON`.
 *
 * @example
 * ```ts
 * Timestamp.parse('2026-03-01T09:30:00+01:00'); // Date 2026-03-01T08:30:00.000Z
 * Timestamp.parse(1772353800000);                // Date
 * Timestamp.safeParse('2026-03-01 09:30').success; // false: no offset
 * ```
 */
export const Timestamp = z.union([z.string(), z.number(), z.date()]).transform((value, ctx): Date => {
  let ms: number;
  if (typeof value === 'string') {
    const parsed = parseIsoWithOffset(value.trim());
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    ms = parsed;
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', message: 'epoch milliseconds must be an integer' });
      return z.NEVER;
    }
    if (Math.abs(value) < EPOCH_MS_FLOOR) {
      ctx.addIssue({
        code: 'custom',
        message: 'number is too small for epoch milliseconds; if it is epoch seconds, multiply by 1000',
      });
      return z.NEVER;
    }
    ms = value;
  } else {
    ms = value.getTime();
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) {
    ctx.addIssue({ code: 'custom', message: 'not a valid point in time' });
    return z.NEVER;
  }
  return new Date(ms);
});
/** The parsed form of {@link Timestamp}: a `Date`. */
export type Timestamp = z.output<typeof Timestamp>;
primitiveJsonSchemas.set(Timestamp, {
  anyOf: [
    { type: 'string', format: 'date-time', description: 'ISO 8601 with Z or ±hh:mm offset' },
    { type: 'integer', description: 'epoch milliseconds' },
  ],
});

/**
 * A calendar date with no time or zone, `YYYY-MM-DD`; used for holidays and review dates, read in whichever
 * time zone the owning object states.
 *
 * @example
 * ```ts
 * LocalDate.parse('2026-12-25'); // '2026-12-25'
 * LocalDate.safeParse('2026-02-30').success; // false
 * ```
 */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' })
  .refine(
    (text) => {
      const [y, m, d] = text.split('-').map(Number) as [number, number, number];
      return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    },
    { message: 'date does not exist in the calendar' },
  );
/** A `YYYY-MM-DD` string. */
export type LocalDate = z.output<typeof LocalDate>;

const zoneCache = new Map<string, boolean>();
/**
 * True when the running JavaScript engine knows this IANA time zone name.
 * @example `isIanaTimeZone('Europe/Rome') // true`
 */
export function isIanaTimeZone(name: string): boolean {
  let known = zoneCache.get(name);
  if (known === undefined) {
    // Intl also accepts offsets such as "+01:00"; those are not zones (they have no DST rules), so require a name.
    known = /^(?:UTC|GMT|[A-Za-z]+(?:[/_-][A-Za-z0-9+_-]+)+|[A-Z]{2,5})$/.test(name);
    if (known) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
      } catch {
        known = false;
      }
    }
    zoneCache.set(name, known);
  }
  return known;
}

/**
 * An IANA time zone name such as `Europe/Rome` or `America/New_York`, checked against the engine's tz database.
 *
 * @example
 * ```ts
 * IanaTimeZone.parse('Europe/Rome'); // 'Europe/Rome'
 * IanaTimeZone.safeParse('Mars/Olympus').success; // false
 * ```
 */
export const IanaTimeZone = z
  .string()
  .refine(isIanaTimeZone, { message: 'expected an IANA time zone name such as Europe/Rome' });
/** An IANA time zone name. */
export type IanaTimeZone = z.output<typeof IanaTimeZone>;

/**
 * A BCP 47 language tag such as `it`, `en-GB` or `pt-BR`.
 *
 * @example
 * ```ts
 * LanguageTag.parse('pt-BR'); // 'pt-BR'
 * ```
 */
export const LanguageTag = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'expected a BCP 47 language tag such as en or pt-BR' },
);
/** A BCP 47 language tag. */
export type LanguageTag = z.output<typeof LanguageTag>;

/**
 * An identifier. Canonical ids are non-empty strings even where a vendor uses numbers, so ids from every
 * adapter compare the same way.
 *
 * @example
 * ```ts
 * Id.parse('12345');
 * ```
 */
export const Id = z.string().min(1, { message: 'id must not be empty' });
/** A non-empty string id. */
export type Id = z.output<typeof Id>;

/**
 * A closed list of known values that still accepts any other non-empty string, so a value a vendor adds
 * tomorrow is kept rather than rejected (STYLE rule 2). The inferred type keeps editor completion for the known
 * values.
 *
 * @example
 * ```ts
 * const Color = openEnum(['red', 'green']);
 * Color.parse('red');    // 'red'
 * Color.parse('purple'); // 'purple': kept, not rejected
 * ```
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string().min(1)]) as unknown as z.ZodType<
    T[number] | (string & {}),
    T[number] | (string & {})
  >;
}

/**
 * Where a record came from: the adapter, the vendor's own id, and a link a person can open.
 *
 * @example
 * ```ts
 * Source.parse({ adapter: 'zendesk', id: '35436', url: 'https://acme.zendesk.com/agent/tickets/35436' });
 * ```
 */
export const Source = z.strictObject({
  adapter: z.string().min(1),
  id: Id,
  url: z.url().optional(),
});
/** Where a record came from. */
export type Source = z.output<typeof Source>;

/**
 * Values of helpdesk custom fields, keyed by the field's id or key. Values stay JSON-like.
 *
 * @example
 * ```ts
 * CustomFields.parse({ plan: 'enterprise', seats: 40, beta: true, modules: ['billing'] });
 * ```
 */
export const CustomFields = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
);
/** Custom field values by key. */
export type CustomFields = z.output<typeof CustomFields>;
