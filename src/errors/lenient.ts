/**
 * How error constructors read their arguments: leniently. An error is built while something else has gone wrong,
 * often from values the code did not expect; a constructor that throws (a `TypeError` on `undefined.adapter`)
 * hides the error it was meant to report. So every constructor takes junk without throwing and falls back to a
 * generic word, and never turns a non-string into text (`String(value)` may throw, or hold customer text).
 */

/**
 * A property of a value that may not be an object, or whose getter may throw: `undefined` then.
 * @example `field(undefined, 'adapter') // undefined`
 */
export function field(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * A string as it is; anything else gives `fallback`.
 * @example `text(42, 'unknown') // 'unknown'`
 */
export function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * A string as it is; anything else gives `undefined` (an optional field).
 * @example `optionalText(null) // undefined`
 */
export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A finite number as it is; anything else gives `undefined`.
 * @example `optionalNumber(Number.NaN) // undefined`
 */
export function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The strings of an array (other items left out); anything but an array gives `[]`.
 * @example `strings(['a', 1, 'b']) // ['a', 'b']`
 */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
