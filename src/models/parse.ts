import type { z } from 'zod';
import { invalidArgument, truncateKey, ValidationError, type ValidationIssue } from '../errors/validation.js';

type ZodIssue = z.core.$ZodIssue;

const subjects = new WeakMap<z.ZodType, string>();

/** Records the name {@link parse} uses for a schema in its error messages. */
export function nameModel(schema: z.ZodType, name: string): void {
  subjects.set(schema, name);
}

/** Describes what the branches of a failed union expected, without looking at the input's value. */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion): string {
  const note = (issue as { note?: string }).note;
  if (note) return 'unknown kind: expected one of the documented variants';
  const expected = new Set<string>();
  let missing = false;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type' && inner.path.length === 0) {
        expected.add(inner.expected);
        if (inner.message.includes('received undefined')) missing = true;
      }
    }
  }
  if (missing) return 'required';
  if (expected.size > 0) return `expected ${[...expected].join(' or ')}`;
  return 'matches none of the accepted forms';
}

/**
 * Turns zod issues into supportkit's issues. Zod's own messages name types and limits, never input values; we
 * still rebuild them here so the wording is ours and stays that way across zod versions.
 */
export function toValidationIssues(issues: readonly ZodIssue[], prefix: readonly (string | number)[] = []) {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    // Keys come from the input: cut long ones so a huge key cannot make a huge error.
    const path = [
      ...prefix,
      ...issue.path.map((key) =>
        typeof key === 'symbol' ? String(key) : typeof key === 'string' ? truncateKey(key) : key,
      ),
    ];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          out.push({ path: [...path, truncateKey(key)], code: issue.code, message: 'unknown field' });
        break;
      case 'invalid_union': {
        // When exactly one branch got past the type check, its deeper issues are the useful ones.
        const shallow = (inner: ZodIssue) =>
          inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value');
        const deep = issue.errors.filter((branch) => branch.some((inner) => !shallow(inner)));
        const only = deep.length === 1 ? deep[0] : undefined;
        if (only) out.push(...toValidationIssues(only, path));
        else out.push({ path, code: issue.code, message: describeUnion(issue) });
        break;
      }
      case 'invalid_type':
        out.push({
          path,
          code: issue.code,
          message: issue.message.includes('received undefined') ? 'required' : `expected ${issue.expected}`,
        });
        break;
      default:
        out.push({ path, code: issue.code, message: issue.message });
    }
  }
  return out;
}

/** A caller who passes something other than a schema gets told so, not a TypeError from inside zod. */
function checkSchema(schema: unknown, fn: string): void {
  if (typeof (schema as { safeParse?: unknown } | null)?.safeParse !== 'function') {
    throw invalidArgument(fn, 'schema', 'expected a supportkit model or another zod schema');
  }
}

/**
 * Validates `value` against a supportkit model (or any zod schema) and returns the parsed value. Throws a
 * {@link ValidationError} listing every failing path; never a raw ZodError.
 *
 * @example
 * ```ts
 * import { parse, Ticket } from 'supportkit-ts';
 * const ticket = parse(Ticket, JSON.parse(text));
 * ```
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, subject?: string): z.output<S> {
  checkSchema(schema, 'parse()');
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    subject ?? subjects.get(schema) ?? 'input',
    toValidationIssues(result.error.issues),
  );
}

/** The outcome of {@link safeParse}: the value, or the error that {@link parse} would have thrown. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: ValidationError };

/**
 * Like {@link parse} but returns the error instead of throwing it.
 *
 * @example
 * ```ts
 * import { safeParse, NpsResponse } from 'supportkit-ts';
 * const result = safeParse(NpsResponse, input);
 * if (!result.success) console.log(result.error.issues);
 * ```
 */
export function safeParse<S extends z.ZodType>(schema: S, value: unknown, subject?: string) {
  checkSchema(schema, 'safeParse()');
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data } as SafeParseResult<z.output<S>>;
  const error = new ValidationError(
    subject ?? subjects.get(schema) ?? 'input',
    toValidationIssues(result.error.issues),
  );
  return { success: false, error } as SafeParseResult<z.output<S>>;
}
