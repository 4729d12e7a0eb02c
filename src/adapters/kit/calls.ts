/**
 * Per-call plumbing every remote adapter shares: the options passed to the transport, lists and calls a vendor
 * lacks, and in-process idempotency for vendors without idempotency keys.
 */
import { RequestAbortedError } from '../../errors/operations.js';
import { UnsupportedError } from '../../errors/unsupported.js';
import { abortableSleep } from '../../http/client.js';
import type { RequestOptions } from '../contract.js';

/** The per-call options the transport takes, and nothing else the caller passed along. */
export function callOptions(options: RequestOptions = {}): RequestOptions {
  const out: RequestOptions = {};
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  if (options.maxRetries !== undefined) out.maxRetries = options.maxRetries;
  if (options.signal) out.signal = options.signal;
  return out;
}

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
 * Waits `ms` between an adapter's own steps (polling a job), or ends with `RequestAbortedError` as soon as the
 * caller's signal aborts — the same error an aborted request gives, so a caller catches one thing.
 *
 * @example
 * ```ts
 * await waitOrAbort('zendesk', 2_000, options.signal);
 * ```
 */
export async function waitOrAbort(adapter: string, ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await abortableSleep(ms, signal);
  } catch (reason) {
    throw new RequestAbortedError({ adapter, reason });
  }
}

/**
 * The unsupported-operation builders of one adapter: `list` for a list method (it throws on iteration, as a
 * remote list would), `call` for the others (it rejects).
 *
 * @example
 * ```ts
 * const { list, call } = unsupportedBy('trello');
 * const organizations = { list: list('organizations.list', 'Trello has none'), get: call('organizations.get', 'Trello has none') };
 * ```
 */
export function unsupportedBy(adapter: string) {
  return {
    list:
      (operation: string, reason: string) =>
      <T = never>(): AsyncGenerator<T> =>
        unsupportedList<T>(adapter, operation, reason),
    call: (operation: string, reason: string) => unsupportedCall(adapter, operation, reason),
  };
}
