/**
 * Small pieces every remote adapter needs the same way: per-call options passed to the transport, vendor records
 * read through their wire schema, operations a vendor lacks, and in-process idempotency for vendors that have
 * none. Internal: not exported from the package.
 */
import { z } from 'zod';
import { UnsupportedError } from '../errors/unsupported.js';
import { invalidOption, ValidationError, type ValidationIssue } from '../errors/validation.js';
import { parse, toValidationIssues } from '../models/parse.js';
import { Timestamp } from '../models/primitives.js';
import { TicketStatus } from '../models/ticket.js';
import type { CallOptions, HelpdeskAdapter, SinceFilter, TicketFilter } from './contract.js';

/** The per-call options the transport takes, and nothing else the caller passed along. */
export function callOptions(options: CallOptions = {}): CallOptions {
  const out: CallOptions = {};
  if (options.timeout !== undefined) out.timeout = options.timeout;
  if (options.maxRetries !== undefined) out.maxRetries = options.maxRetries;
  if (options.signal) out.signal = options.signal;
  return out;
}

/** A reader of vendor records: a malformed one is a ValidationError naming the path, never a raw ZodError. */
export const wireReader =
  (vendor: string) =>
  <T>(schema: z.ZodType<T>, value: unknown): T =>
    parse(schema, value, `${vendor} response`);

/** A list the vendor does not have: iterating it throws UnsupportedError naming adapter and operation. */
export function unsupportedList<T = never>(
  adapter: string,
  operation: string,
  reason: string,
): AsyncGenerator<T> {
  return (async function* () {
    yield* [];
    throw new UnsupportedError(adapter, operation, reason);
  })();
}

/** A call the vendor does not have: it rejects with UnsupportedError naming adapter and operation. */
export const unsupportedCall =
  (adapter: string, operation: string, reason: string) =>
  async (..._args: unknown[]): Promise<never> => {
    throw new UnsupportedError(adapter, operation, reason);
  };

/**
 * Idempotency kept in this process, for vendors without idempotency keys: a call repeated with a key returns the
 * first call's result (a failed call frees its key). It cannot protect across processes.
 */
export function inProcessIdempotency() {
  const results = new Map<string, Promise<unknown>>();
  return <T>(key: string | undefined, run: () => Promise<T>): Promise<T> => {
    if (!key) return run();
    const existing = results.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const result = run();
    results.set(key, result);
    result.catch(() => results.delete(key));
    return result;
  };
}

/**
 * A ticket filter after {@link ticketFilter}: lists and Dates, whatever form the caller used.
 * @example `const filter: ParsedTicketFilter = ticketFilter({ status: 'open' }); // { status: ['open'] }`
 */
export interface ParsedTicketFilter {
  updatedSince?: Date;
  status?: readonly string[];
  tags?: readonly string[];
}

/** A value or a list of them, always read as a list. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));

const TicketFilterSchema = z.strictObject({
  updatedSince: Timestamp.optional(),
  status: oneOrMany(TicketStatus).optional(),
  tags: oneOrMany(z.string().min(1)).optional(),
});
const SinceFilterSchema = z.strictObject({ since: Timestamp.optional() });

/**
 * Validates a `tickets.list` filter once, for every adapter: a status or several, a tag or several, and
 * `updatedSince` as whatever the models accept (Date, epoch ms, ISO 8601 with an offset). Anything else —
 * including an unknown filter key or a date without an offset — is a ValidationError naming the filter.
 *
 * @example
 * ```ts
 * ticketFilter({ status: 'open', updatedSince: '2026-03-01T00:00:00Z' });
 * // { status: ['open'], updatedSince: Date(2026-03-01T00:00:00.000Z) }
 * ```
 */
export function ticketFilter(filter: TicketFilter | undefined): ParsedTicketFilter {
  return parse(TicketFilterSchema, filter ?? {}, 'tickets.list filter') as ParsedTicketFilter;
}

/**
 * Validates a `{ since }` filter (customers, surveys, articles): a Date, epoch ms or ISO 8601 with an offset.
 *
 * @example
 * ```ts
 * sinceFilter({ since: 1772323200000 }); // { since: Date(2026-03-01T00:00:00.000Z) }
 * ```
 */
export function sinceFilter(filter: SinceFilter | undefined, operation = 'list'): { since?: Date } {
  return parse(SinceFilterSchema, filter ?? {}, `${operation} filter`) as { since?: Date };
}

type Issue = Omit<ValidationIssue, 'path'>;
type Check = (value: unknown, adapter: string) => Issue | undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const id: Check = (value) =>
  typeof value === 'string' && value.trim() !== ''
    ? undefined
    : {
        code: value === undefined ? 'invalid_type' : 'invalid_value',
        message: value === undefined ? 'required' : 'expected a non-empty string id',
      };
const text: Check = (value) =>
  typeof value === 'string' && value.trim() !== ''
    ? undefined
    : {
        code: value === undefined ? 'invalid_type' : 'invalid_value',
        message: value === undefined ? 'required' : 'expected a non-empty string',
      };
const input: Check = (value) =>
  isPlainObject(value)
    ? undefined
    : { code: 'invalid_type', message: value === undefined ? 'required' : 'expected an object' };
const optionalObject: Check = (value) =>
  value === undefined || isPlainObject(value)
    ? undefined
    : { code: 'invalid_type', message: 'expected an object' };
const checkpoint: Check = (value, adapter) => {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value) || typeof value.adapter !== 'string' || typeof value.cursor !== 'string')
    return {
      code: 'invalid_type',
      message: 'expected null or a checkpoint { adapter, cursor } from this feed',
    };
  if (value.adapter !== adapter)
    return {
      code: 'invalid_value',
      // An adapter's name is not customer data; anything else that sits there is not repeated.
      message: /^[a-z][a-z0-9-]{0,39}$/.test(value.adapter)
        ? `the checkpoint belongs to "${value.adapter}", not to the ${adapter} adapter`
        : `expected a checkpoint of the ${adapter} adapter`,
    };
  return undefined;
};

/** Problems with the per-call options (STYLE 7), each named by its path. */
function optionIssues(value: unknown): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isPlainObject(value))
    return [{ path: ['options'], code: 'invalid_type', message: 'expected an object' }];
  const issues: ValidationIssue[] = [];
  const bad = (key: string, message: string) =>
    issues.push({ path: ['options', key], code: 'invalid_value', message });
  const { timeout, maxRetries, signal, idempotencyKey } = value;
  if (timeout !== undefined && !(typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0))
    bad('timeout', 'expected a positive number of milliseconds');
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0))
    bad('maxRetries', 'expected an integer ≥ 0');
  if (signal !== undefined && !(signal instanceof AbortSignal)) bad('signal', 'expected an AbortSignal');
  if (idempotencyKey !== undefined && !(typeof idempotencyKey === 'string' && idempotencyKey !== ''))
    bad('idempotencyKey', 'expected a non-empty string');
  return issues;
}

/** Each contract method's arguments before the options, by name, and how to check them. */
const ARGUMENTS: Record<string, Record<string, [name: string, check: Check][]>> = {
  tickets: {
    list: [['filter', optionalObject]],
    get: [['id', id]],
    create: [['input', input]],
    update: [
      ['id', id],
      ['patch', input],
    ],
    addMessage: [
      ['ticketId', id],
      ['input', input],
    ],
    listMessages: [['ticketId', id]],
    listEvents: [['ticketId', id]],
  },
  customers: {
    get: [['id', id]],
    findByEmail: [['email', text]],
    list: [['filter', optionalObject]],
    create: [['input', input]],
    update: [
      ['id', id],
      ['patch', input],
    ],
  },
  agents: { list: [], get: [['id', id]] },
  groups: { list: [], get: [['id', id]] },
  organizations: { list: [], get: [['id', id]] },
  surveys: { listCsat: [['filter', optionalObject]], listNps: [['filter', optionalObject]] },
  schedules: { list: [] },
  slaPolicies: { list: [] },
  articles: { list: [['filter', optionalObject]], get: [['id', id]] },
};

/** The ValidationError for a call's arguments, or undefined when their shapes are right. */
function argumentError(
  adapter: string,
  operation: string,
  spec: readonly [string, Check][],
  args: readonly unknown[],
): ValidationError | undefined {
  const issues: ValidationIssue[] = [];
  spec.forEach(([name, check], index) => {
    const issue = check(args[index], adapter);
    if (issue) issues.push({ path: [name], ...issue });
  });
  issues.push(...optionIssues(args[spec.length]));
  return issues.length ? new ValidationError(`${operation} arguments`, issues) : undefined;
}

/** Lists (and the change feed) fail on iteration, as a remote list does; the other calls reject. */
const isList = (method: string) => method.startsWith('list') || method === 'changes';

function guard(
  adapter: string,
  operation: string,
  spec: readonly [string, Check][],
  target: object,
  method: (...args: unknown[]) => unknown,
  list = isList(operation.slice(operation.lastIndexOf('.') + 1)),
) {
  if (list)
    return (...args: unknown[]) =>
      (async function* () {
        const error = argumentError(adapter, operation, spec, args);
        if (error) throw error;
        yield* method.apply(target, args) as AsyncIterable<unknown>;
      })();
  return async (...args: unknown[]) => {
    const error = argumentError(adapter, operation, spec, args);
    if (error) throw error;
    return method.apply(target, args);
  };
}

/**
 * The argument checks {@link guardCall} takes, by what the argument is.
 * @example `guardCall('zendesk', 'bulk.createTickets', [['inputs', argumentChecks.list]], createMany)`
 */
export const argumentChecks = {
  id,
  input,
  filter: optionalObject,
  checkpoint,
  list: ((value) =>
    Array.isArray(value)
      ? undefined
      : { code: 'invalid_type', message: value === undefined ? 'required' : 'expected an array' }) as Check,
} as const;

/**
 * The argument checks of {@link guardArguments} for a method outside the contract (a vendor's extras): the
 * arguments before the options are checked by `spec`, the options as {@link CallOptions}; a list (`list: true`)
 * reports a bad argument on iteration.
 *
 * @example
 * ```ts
 * const get = guardCall('zendesk', 'ticketMetrics.get', [['ticketId', argumentChecks.id]], getMetrics);
 * ```
 */
export function guardCall<F extends (...args: never[]) => unknown>(
  adapter: string,
  operation: string,
  spec: readonly [string, Check][],
  method: F,
  options: { list?: boolean } = {},
): F {
  return guard(adapter, operation, spec, {}, method as never, options.list ?? false) as unknown as F;
}

/**
 * Checks the shape of every contract method's arguments before the adapter sees them: ids must be non-empty
 * strings, inputs and patches objects, filters objects, a checkpoint this adapter's, and the per-call options
 * what {@link CallOptions} says. A wrong argument is a ValidationError naming it (`tickets.get arguments: id`),
 * never a TypeError from deep inside nor a request to `/tickets/undefined`. The contents of inputs and filters
 * are validated by their schemas in the adapter. Other members (a vendor's extras) pass through untouched.
 *
 * @example
 * ```ts
 * return guardArguments(adapter); // the last line of an adapter factory
 * ```
 */
export function guardArguments<T extends HelpdeskAdapter>(adapter: T): T {
  const out: Record<string, unknown> = { ...(adapter as object) };
  for (const [namespace, methods] of Object.entries(ARGUMENTS)) {
    const target = (adapter as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
      namespace
    ]!;
    const wrapped: Record<string, unknown> = { ...target };
    for (const [method, spec] of Object.entries(methods))
      wrapped[method] = guard(adapter.name, `${namespace}.${method}`, spec, target, target[method]!);
    out[namespace] = wrapped;
  }
  out.changes = guard(
    adapter.name,
    'changes',
    [['checkpoint', checkpoint]],
    adapter,
    adapter.changes as never,
  );
  return out as T;
}

/**
 * What is wrong with an option's value, in words (never the value), or undefined when it is fine.
 * @example `const auth: OptionCheck = (value) => (value ? undefined : 'required');`
 */
export type OptionCheck = (value: unknown, options: Record<string, unknown>) => string | undefined;

/**
 * Checks a factory's options in one place (STYLE 10): every problem becomes an issue of one ValidationError
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
  checks: Partial<Record<keyof T & string, OptionCheck>>,
): T {
  if (!isPlainObject(options))
    throw new ValidationError(`${factory} options`, [
      { path: [], code: 'invalid_type', message: options === undefined ? 'required' : 'expected an object' },
    ]);
  const issues: ValidationIssue[] = [];
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

/**
 * Why a value is not an absolute http(s) URL, or undefined when it is one.
 * @example `httpUrlProblem('rt.example.org') // 'expected an absolute http(s) URL such as https://rt.example.org'`
 */
export function httpUrlProblem(value: unknown): string | undefined {
  const problem = 'expected an absolute http(s) URL such as https://rt.example.org';
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

/** Each parameter of a public mapper, by name, with the schema its argument is read through. */
export type ArgumentSchemas<P extends readonly unknown[]> = {
  [K in keyof P]: readonly [name: string, schema: z.ZodType<P[K]>];
};

/**
 * The public face of a pure mapper (STYLE 17): every argument is read through its schema — the vendor's lenient
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
