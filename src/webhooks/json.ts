/** A parsed JSON object, as webhook payloads are read before their vendor's parser knows their shape. */
export type Json = Record<string, unknown>;

/**
 * Whether a parsed JSON value is an object (not null, not an array): the one check every vendor's parser makes
 * before reading a payload's fields.
 * @example `const body = isObject(payload) ? payload : {};`
 */
export const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
