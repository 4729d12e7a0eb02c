import { invalidOption, ValidationError, type ValidationIssue } from '../errors/validation.js';

/** What to do with an invalid survey value: throw (the default) or skip it and count it in the result. */
export type InvalidPolicy = 'throw' | 'skip';

/**
 * Checks the `invalid` option once, at the entry, so a misspelt policy is refused by name instead of silently
 * behaving like the default.
 */
export function invalidPolicy(fn: string, value: unknown): InvalidPolicy {
  if (value === undefined) return 'throw';
  if (value !== 'throw' && value !== 'skip') throw invalidOption(fn, 'invalid', `must be "throw" or "skip"`);
  return value;
}

/** Collects invalid values during one call; throws them together, each with its index, when the policy says so. */
export class InvalidValues {
  readonly issues: ValidationIssue[] = [];
  constructor(
    private readonly subject: string,
    private readonly policy: InvalidPolicy,
  ) {}

  report(index: number, message: string): void {
    this.issues.push({ path: [index], code: 'invalid_value', message });
  }

  get count(): number {
    return this.issues.length;
  }

  throwIfNeeded(): void {
    if (this.policy === 'throw' && this.issues.length > 0)
      throw new ValidationError(this.subject, this.issues);
  }
}

/** Reads `score` from a response object or takes a bare number. Returns undefined for anything else. */
export function scoreOf(item: unknown): unknown {
  if (item !== null && typeof item === 'object' && 'score' in item) return (item as { score: unknown }).score;
  return item;
}

/** Describes a value's type without its content (customer text must never reach a message). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/**
 * The responses argument must be iterable (an array, a Set, a generator); anything else is a ValidationError.
 * @example `for (const score of iterableArg(input, 'nps() scores')) classify(score);`
 */
export function iterableArg(value: unknown, subject: string): Iterable<unknown> {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  ) {
    return value as Iterable<unknown>;
  }
  // A string is iterable, but character by character: "9,10" is a CSV cell to split, not three answers.
  const hint = typeof value === 'string' ? ' (split a text of answers into a list first)' : '';
  throw new ValidationError(subject, [
    {
      path: [],
      code: 'invalid_type',
      message: `expected an array (or iterable) of responses, got ${typeName(value)}${hint}`,
    },
  ]);
}
