import { z } from 'zod';
import { invalidArgument } from '../errors/validation.js';
import { EPOCH_MS_FLOOR, isIanaTimeZone, MAX_EPOCH_MS } from './vocabulary.js';

export { EPOCH_MS_FLOOR, isIanaTimeZone, MAX_EPOCH_MS };

/**
 * Registry of the reusable primitives, so JSON Schema generation can describe each by what it accepts on the
 * wire (a timestamp is an ISO 8601 string or epoch milliseconds) rather than by its runtime output (a Date).
 */
export const primitiveJsonSchemas = new Map<z.ZodType, Record<string, unknown>>();

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years 0–99 as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
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
  return utcMillis(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/**
 * `Date.UTC` for any year 0000–9999. `Date.UTC` itself reads years 0–99 as 1900–1999 (a legacy of two-digit
 * years), so `0042-01-01` would silently become 1942; `setUTCFullYear` takes the year as written.
 */
function utcMillis(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
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
 * adapter compare the same way: a whole number is accepted and becomes its decimal string. A number beyond
 * 2^53 has already lost digits in JavaScript, so it is refused with a hint to send the id as a string.
 *
 * @example
 * ```ts
 * Id.parse('12345'); // '12345'
 * Id.parse(5001);    // '5001'
 * Id.safeParse(1.5).success; // false
 * ```
 */
export const Id = z.union([z.string(), z.number()]).transform((value, ctx): string => {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', message: 'a numeric id must be a whole number' });
      return z.NEVER;
    }
    if (!Number.isSafeInteger(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'numeric id is beyond 2^53 and has lost digits; send it as a string',
      });
      return z.NEVER;
    }
    return String(value);
  }
  if (value.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'id must not be empty' });
    return z.NEVER;
  }
  return value;
});
/** A non-empty string id (whole numbers are accepted on input and become strings). */
export type Id = z.output<typeof Id>;
primitiveJsonSchemas.set(Id, {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'integer', description: 'a numeric vendor id; it becomes its decimal string' },
  ],
});

/** Folds case, surrounding space and the `-`/`_`/space separators, so `On-Hold`, `on hold` and `ON_HOLD` meet. */
function spellingKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * A closed list of known values that still accepts any other non-empty string, so a value a vendor adds
 * tomorrow is kept rather than rejected (vendors add values without notice; failing a whole sync over one would be worse). Known values are recognised whatever their case and
 * separators (`"Solved"`, `" solved "`, `"ON_HOLD"` for `on-hold`), and `aliases` maps other common spellings to
 * a known value; the canonical spelling comes out. Anything else is kept exactly as it came. The inferred type
 * keeps editor completion for the known values.
 *
 * @example
 * ```ts
 * const Color = openEnum(['red', 'green'], { verde: 'green' });
 * Color.parse('Red');    // 'red'
 * Color.parse('verde');  // 'green'
 * Color.parse('purple'); // 'purple': kept, not rejected
 * ```
 */
export function openEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  aliases: Readonly<Record<string, T[number]>> = {},
) {
  const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
  if (!Array.isArray(values) || values.length === 0 || !values.every(isText)) {
    throw invalidArgument('openEnum()', 'values', 'expected a non-empty array of non-empty strings');
  }
  if (
    typeof aliases !== 'object' ||
    aliases === null ||
    !Object.values(aliases).every((v) => values.includes(v))
  ) {
    throw invalidArgument('openEnum()', 'aliases', 'expected an object mapping spellings to known values');
  }
  const known = new Map<string, T[number]>();
  for (const [alias, value] of Object.entries(aliases)) known.set(spellingKey(alias), value);
  for (const value of values) known.set(spellingKey(value), value);
  const schema = z
    .string()
    .min(1)
    .transform((value) => known.get(spellingKey(value)) ?? value);
  primitiveJsonSchemas.set(schema, {
    anyOf: [
      { type: 'string', enum: [...values] },
      { type: 'string', minLength: 1, description: 'another value, kept as it came' },
    ],
  });
  return schema as unknown as z.ZodType<T[number] | (string & {}), T[number] | (string & {})>;
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
  // Only links a person can safely open: `javascript:`, `data:` and `file:` URLs are refused.
  url: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
});
/** Where a record came from. */
export type Source = z.output<typeof Source>;

const CustomFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
type CustomFieldValue = z.output<typeof CustomFieldValue>;

/**
 * Values of helpdesk custom fields, keyed by the field's id or key. Values stay JSON-like. Keys are whatever a
 * helpdesk admin typed, `__proto__` and `constructor` included: each is kept as an own property of the result,
 * never written through to a prototype (a plain `z.record` would drop `__proto__` or make it the prototype).
 *
 * @example
 * ```ts
 * CustomFields.parse({ plan: 'enterprise', seats: 40, beta: true, modules: ['billing'] });
 * ```
 */
export const CustomFields = z.unknown().transform((input, ctx): Record<string, CustomFieldValue> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || input instanceof Date) {
    ctx.addIssue({ code: 'custom', message: 'expected an object of custom field values' });
    return z.NEVER;
  }
  const out: Record<string, CustomFieldValue> = {};
  for (const key of Object.keys(input)) {
    const value = CustomFieldValue.safeParse((input as Record<string, unknown>)[key]);
    if (!value.success) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'expected a string, number, boolean, null or an array of strings',
      });
      continue;
    }
    // defineProperty, not assignment: `out['__proto__'] = v` would set the prototype instead of a field.
    Object.defineProperty(out, key, {
      value: value.data,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}) as unknown as z.ZodType<Record<string, CustomFieldValue>, Record<string, CustomFieldValue>>;
/** Custom field values by key. */
export type CustomFields = z.output<typeof CustomFields>;
primitiveJsonSchemas.set(CustomFields, {
  type: 'object',
  additionalProperties: {
    anyOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'null' },
      { type: 'array', items: { type: 'string' } },
    ],
  },
});
