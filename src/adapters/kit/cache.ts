import { RequestAbortedError } from '../../errors/operations.js';
import type { RequestOptions } from '../contract.js';

/**
 * A value read once and kept (a board's lists, the staff roster, RT's Nobody user): the first call starts the
 * read, later calls share it, and a read that failed is forgotten so the next call tries again.
 *
 * The shared read runs without any caller's `signal`: one caller giving up must not fail the others waiting on
 * the same read. Each caller's own signal still ends that caller's wait at once, with `RequestAbortedError`.
 *
 * @example
 * ```ts
 * const staff = cachedPromise('zendesk', (options) => readStaff(options));
 * await staff(); // reads
 * await staff({ signal }); // the same read; aborting `signal` ends only this wait
 * ```
 */
export function cachedPromise<T>(
  adapter: string,
  read: (options: RequestOptions) => Promise<T>,
): ((options?: RequestOptions) => Promise<T>) & { clear(): void } {
  let value: Promise<T> | undefined;
  const get = (options: RequestOptions = {}): Promise<T> => {
    if (!value) {
      const { signal: _own, ...shared } = options;
      const pending = read(shared);
      value = pending;
      // A failure is not remembered: the caller sees it, the next caller reads again.
      pending.catch(() => {
        if (value === pending) value = undefined;
      });
    }
    return untilAborted(adapter, value, options.signal);
  };
  return Object.assign(get, {
    clear() {
      value = undefined;
    },
  });
}

/** The promise, or RequestAbortedError as soon as the signal aborts (the promise itself runs on). */
function untilAborted<T>(adapter: string, promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new RequestAbortedError({ adapter, reason: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RequestAbortedError({ adapter, reason: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
