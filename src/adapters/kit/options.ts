import { invalidOption, ValidationError, type ValidationIssue } from '../../errors/validation.js';

/** A plain object (not null, not an array). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with an option's value, in words (never the value), or undefined when it is fine.
 * @example `const auth: OptionCheck = (value) => (value ? undefined : 'required');`
 */
export type OptionCheck = (value: unknown, options: Record<string, unknown>) => string | undefined;

/**
 * Checks a factory's options in one place, before anything is built: every problem becomes an issue of one ValidationError
 * naming the option (`createZendeskAdapter options: subdomain: required unless baseUrl is given`); missing
 * options object included.
 *
 * @example
 * ```ts
 * checkOptions('createTrelloAdapter', options, { boardId: (v) => (typeof v === 'string' ? undefined : 'required') });
 * ```
 */
export function checkOptions<T extends object>(
  factory: string,
  options: T | undefined,
  checks: Record<keyof T & string, OptionCheck>,
): T {
  if (!isPlainObject(options))
    throw new ValidationError(`${factory} options`, [
      { path: [], code: 'invalid_type', message: options === undefined ? 'required' : 'expected an object' },
    ]);
  const issues: ValidationIssue[] = [];
  // Every option a factory reads has a check (a no-op one at least): any other key is a typo or an option this
  // version no longer has, and ignoring it would be a silently different adapter.
  for (const name of Object.keys(options))
    if (!Object.hasOwn(checks, name))
      issues.push({
        path: [name],
        code: 'unrecognized_keys',
        message: unknownOptionMessage(name, Object.keys(checks)),
      });
  for (const [name, check] of Object.entries(checks) as [string, OptionCheck][]) {
    const problem = check(options[name], options);
    if (problem)
      issues.push({
        path: [name],
        code: problem.startsWith('required') ? 'invalid_type' : 'invalid_value',
        message: problem,
      });
  }
  if (issues.length) throw new ValidationError(`${factory} options`, issues);
  return options as T;
}

/** Options a past version had, with what replaced them. */
const RENAMED: ReadonlyMap<string, string> = new Map([
  [
    'nonBlockingRateLimit',
    "removed; pass rateLimiter: zendeskRateLimiter({ nonBlocking: true }) (or createRateLimiter({ nonBlocking: true }) from 'supportkit-ts/transport')",
  ],
  ['baseURL', 'spelt baseUrl'],
  ['timeout', 'spelt timeoutMs'],
]);

function unknownOptionMessage(name: string, known: readonly string[]): string {
  const renamed = RENAMED.get(name);
  if (renamed) return `unknown option: ${renamed}`;
  const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
  return near
    ? `unknown option; did you mean ${near}?`
    : `unknown option; expected one of ${known.join(', ')}`;
}

/**
 * The check of an optional object option (a mapping, a retry policy): anything but an object is `problem`.
 * @example `checkOptions('createTrelloAdapter', options, { mapping: objectOption(), … })`
 */
export const objectOption =
  (problem = 'expected an object'): OptionCheck =>
  (value) =>
    value === undefined || isPlainObject(value) ? undefined : problem;

/** An option read as it is, with no check of its own. */
export const anyValue: OptionCheck = () => undefined;

/**
 * Why a value is not an absolute http(s) URL, or undefined when it is one.
 * @example `httpUrlProblem('helpdesk.example.com') // 'expected an absolute http(s) URL such as https://helpdesk.example.com'`
 */
export function httpUrlProblem(value: unknown): string | undefined {
  const problem = 'expected an absolute http(s) URL such as https://helpdesk.example.com';
  if (typeof value !== 'string') return value === undefined ? 'required' : problem;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : problem;
  } catch {
    return problem;
  }
}

/**
 * Why an optional value is not an integer in `min..max`, or undefined when it is (or is absent).
 * @example `integerProblem(0, 1, 100) // 'expected an integer 1..100'`
 */
export function integerProblem(value: unknown, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : `expected an integer ${min}..${max}`;
}

/**
 * The error for a checkpoint an adapter cannot resume from: another adapter's, or a cursor it did not write.
 * A `ValidationError` naming the field, never quoting the checkpoint (a cursor may hold anything).
 *
 * @example
 * ```ts
 * if (checkpoint.adapter !== 'zendesk') throw badCheckpoint('zendesk', 'adapter', 'belongs to another adapter');
 * ```
 */
export function badCheckpoint(
  adapter: string,
  field: 'adapter' | 'cursor',
  message: string,
): ValidationError {
  return new ValidationError(`${adapter} adapter checkpoint`, [
    { path: [field], code: 'invalid_value', message },
  ]);
}

/**
 * The options of a rate limiter factory (`{ nonBlocking?: boolean }`), checked: a wrong one is a ValidationError
 * naming it.
 * @example `const { nonBlocking } = rateLimiterOptions('trelloRateLimiter', options);`
 */
export function rateLimiterOptions(factory: string, options: unknown): { nonBlocking: boolean } {
  if (options === undefined) return { nonBlocking: false };
  if (!isPlainObject(options)) throw invalidOption(factory, '', 'expected an object');
  const { nonBlocking } = options;
  if (nonBlocking !== undefined && typeof nonBlocking !== 'boolean')
    throw invalidOption(factory, 'nonBlocking', 'expected a boolean');
  return { nonBlocking: nonBlocking === true };
}
