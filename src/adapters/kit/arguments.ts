import { ValidationError, type ValidationIssue } from '../../errors/validation.js';
import type { HelpdeskAdapter } from '../contract.js';
import { isPlainObject } from './options.js';

type Issue = Omit<ValidationIssue, 'path'>;
type Check = (value: unknown, adapter: string) => Issue | undefined;

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

const REQUEST_OPTION_KEYS = new Set(['timeoutMs', 'maxRetries', 'signal', 'idempotencyKey']);

/** Problems with the per-call options (the last argument of every method), each named by its path. */
function optionIssues(value: unknown, extra: readonly string[] = []): ValidationIssue[] {
  if (value === undefined) return [];
  if (!isPlainObject(value))
    return [{ path: ['options'], code: 'invalid_type', message: 'expected an object' }];
  const issues: ValidationIssue[] = [];
  const bad = (key: string, message: string) =>
    issues.push({ path: ['options', key], code: 'invalid_value', message });
  const { timeoutMs, maxRetries, signal, idempotencyKey } = value;
  for (const key of Object.keys(value))
    if (!REQUEST_OPTION_KEYS.has(key) && !extra.includes(key))
      issues.push({
        path: ['options', key],
        code: 'unrecognized_keys',
        // A key the transport would ignore is refused, so a misspelt deadline is not silently no deadline.
        message:
          key === 'timeout'
            ? 'unknown option; the per-call deadline is spelt timeoutMs'
            : `unknown option; expected ${[...REQUEST_OPTION_KEYS, ...extra].join(', ')}`,
      });
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0)
  )
    bad('timeoutMs', 'expected a positive number of milliseconds');
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
    addNote: [
      ['customerId', id],
      ['note', input],
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
  extra: readonly string[] = [],
): ValidationError | undefined {
  const issues: ValidationIssue[] = [];
  spec.forEach(([name, check], index) => {
    const issue = check(args[index], adapter);
    if (issue) issues.push({ path: [name], ...issue });
  });
  issues.push(...optionIssues(args[spec.length], extra));
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
  extra: readonly string[] = [],
) {
  if (list)
    return (...args: unknown[]) =>
      (async function* () {
        const error = argumentError(adapter, operation, spec, args, extra);
        if (error) throw error;
        yield* method.apply(target, args) as AsyncIterable<unknown>;
      })();
  return async (...args: unknown[]) => {
    const error = argumentError(adapter, operation, spec, args, extra);
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
 * arguments before the options are checked by `spec`, the options as {@link RequestOptions}; a list (`list: true`)
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
  options: { list?: boolean; extraOptions?: readonly string[] } = {},
): F {
  return guard(
    adapter,
    operation,
    spec,
    {},
    method as never,
    options.list ?? false,
    options.extraOptions,
  ) as unknown as F;
}

/**
 * Checks the shape of every contract method's arguments before the adapter sees them: ids must be non-empty
 * strings, inputs and patches objects, filters objects, a checkpoint this adapter's, and the per-call options
 * what {@link RequestOptions} says. A wrong argument is a ValidationError naming it (`tickets.get arguments: id`),
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
