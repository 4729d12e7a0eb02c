/**
 * The `customStatuses` option of the adapter and of `ticketFromZendesk`'s context: custom status id → its
 * category, given as a `Map` or as a plain record (what `JSON.parse` or a config file gives). Checked once at each
 * public entry and turned into a Map there, so the mapping reads one form and never a property of a plain object
 * (the ids are chosen by whoever edits the helpdesk: `__proto__` and `constructor` are ids like any other).
 */
import { z } from 'zod';
import type { CustomStatusMap } from './map/tickets.js';

/**
 * Custom status id → its category (`new`, `open`, `pending`, `hold`, `solved`: Zendesk's `status_category`), as a
 * `Map` or a plain record of strings. A category the mapping does not know is ignored (the ticket keeps its
 * plain status).
 *
 * @example
 * ```ts
 * const fromConfig: CustomStatuses = { '7788': 'pending' };
 * const fromApi: CustomStatuses = new Map(body.custom_statuses.map((s) => [String(s.id), s.status_category]));
 * ```
 */
export type CustomStatuses = CustomStatusMap | Readonly<Record<string, string>>;

/** What a wrong `customStatuses` is told: its shape, never its content. */
const PROBLEM = 'expected a Map or a plain object of custom status id → category, all strings';

/** A record whose own keys are all there is: prototype Object.prototype (a literal, JSON.parse) or null. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Why `value` is not custom statuses (a Map or a plain record of strings to strings), or undefined when it is,
 * or is absent.
 *
 * @example
 * ```ts
 * customStatusesProblem({ '7788': 'pending' }); // undefined
 * customStatusesProblem([['7788', 'pending']]); // 'expected a Map or a plain object of …'
 * ```
 */
export function customStatusesProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Map) {
    for (const [id, category] of value)
      if (typeof id !== 'string' || typeof category !== 'string') return PROBLEM;
    return undefined;
  }
  if (!isPlainRecord(value)) return PROBLEM;
  // Own enumerable string keys only: an inherited `toString` is no custom status, a JSON `__proto__` key is one.
  for (const category of Object.values(value)) if (typeof category !== 'string') return PROBLEM;
  return undefined;
}

/**
 * Checked custom statuses as a Map of their own: a record's own keys, `__proto__` included, become Map keys; a
 * Map is copied, so the caller changing theirs later does not change the adapter's.
 *
 * @example
 * ```ts
 * toCustomStatusMap(JSON.parse('{"__proto__":"hold"}')).get('__proto__'); // 'hold'
 * ```
 */
export function toCustomStatusMap(value: CustomStatuses | undefined): CustomStatusMap {
  if (value === undefined) return new Map();
  return value instanceof Map ? new Map(value) : new Map(Object.entries(value));
}

/**
 * The schema of `customStatuses` in a public mapper's context: a Map or a plain record of strings, read as a Map.
 * @example `z.looseObject({ customStatuses: CustomStatusesArgument.optional() })`
 */
export const CustomStatusesArgument = z
  .custom<CustomStatuses>((value) => value !== undefined && customStatusesProblem(value) === undefined, {
    message: PROBLEM,
  })
  .transform((value) => toCustomStatusMap(value));
