import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../../errors/validation.js';
import { parse, toValidationIssues } from '../../models/parse.js';

/** A reader of vendor records: a malformed one is a ValidationError naming the path, never a raw ZodError. */
export const wireReader =
  (vendor: string) =>
  <T>(schema: z.ZodType<T>, value: unknown): T =>
    parse(schema, value, `${vendor} response`);

/** Each parameter of a public mapper, by name, with the schema its argument is read through. */
export type ArgumentSchemas<P extends readonly unknown[]> = {
  [K in keyof P]: readonly [name: string, schema: z.ZodType<P[K]>];
};

/**
 * The public face of a pure mapper, validated once at the public entry so the mapper itself need not re-check: every argument is read through its schema — the vendor's lenient
 * wire schema for vendor JSON, a primitive or a small shape for the rest — and anything it refuses is one
 * ValidationError whose subject names the function and whose issues name each argument's path
 * (`ticketFromZendesk() arguments: wire.created_at: required`), never a TypeError from inside the mapper. The
 * mapper itself stays unguarded for the adapter's own code, which has read its records already.
 *
 * @example
 * ```ts
 * export const groupFromZendesk = publicMapper('groupFromZendesk', [['wire', ZendeskGroup]], internal.groupFromZendesk);
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: any mapper's parameters; its own type is what callers see.
export function publicMapper<F extends (...args: any[]) => unknown>(
  name: string,
  schemas: ArgumentSchemas<Parameters<F>>,
  fn: F,
): F {
  const specs = schemas as unknown as readonly (readonly [string, z.ZodType])[];
  const guarded = (...args: unknown[]) => {
    const issues: ValidationIssue[] = [];
    const parsed = specs.map(([argument, schema], index) => {
      const result = schema.safeParse(args[index]);
      if (result.success) return result.data;
      issues.push(...toValidationIssues(result.error.issues, [argument]));
      return undefined;
    });
    if (issues.length > 0) throw new ValidationError(`${name}() arguments`, issues);
    return fn(...parsed);
  };
  Object.defineProperty(guarded, 'name', { value: name });
  return guarded as F;
}

/**
 * A `ReadonlyMap` of strings to strings (list and label names, custom statuses): anything else is refused by type,
 * never by value.
 * @example `ticketFromZendesk(wire, { customStatuses: new Map([['123', 'pending']]) })`
 */
export const stringMap = z.custom<ReadonlyMap<string, string>>(
  (value) =>
    value instanceof Map && [...value].every(([k, v]) => typeof k === 'string' && typeof v === 'string'),
  { message: 'expected a Map of strings to strings' },
);

/**
 * A `ReadonlySet` of strings (agent ids, board members).
 * @example `messageFromZendesk(comment, '35436', new Set(['76872']))`
 */
export const stringSet = z.custom<ReadonlySet<string>>(
  (value) => value instanceof Set && [...value].every((v) => typeof v === 'string'),
  { message: 'expected a Set of strings' },
);
