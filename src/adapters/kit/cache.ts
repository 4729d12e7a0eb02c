/**
 * A value read once and kept: the first call starts the read, later calls share it, and a read that failed is
 * forgotten so the next call tries again (a board's lists, the staff roster, RT's Nobody user).
 *
 * @example
 * ```ts
 * const staff = cachedPromise((options?: RequestOptions) => readStaff(options));
 * await staff(); // reads
 * await staff(); // the same promise
 * ```
 */
export function cachedPromise<T, A extends unknown[]>(
  read: (...args: A) => Promise<T>,
): ((...args: A) => Promise<T>) & { clear(): void } {
  let value: Promise<T> | undefined;
  const get = (...args: A): Promise<T> => {
    if (value) return value;
    const pending = read(...args);
    value = pending;
    // A failure is not remembered: the caller sees it, the next caller reads again.
    pending.catch(() => {
      if (value === pending) value = undefined;
    });
    return pending;
  };
  return Object.assign(get, {
    clear() {
      value = undefined;
    },
  });
}
