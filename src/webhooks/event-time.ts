/**
 * Reading the time of an event from a webhook payload. Vendors write it three ways: ISO 8601 text (Zendesk,
 * Trello, Help Scout), epoch seconds as an integer (Intercom) or with a millisecond fraction (Front).
 */

/** An ISO 8601 instant as a Date, or null when the value is not one. */
export function isoTime(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * Epoch seconds (an integer, or with a fraction: Front's `1509001146.525`) as a Date, or null when the value is
 * not a positive finite number. Rounded to the millisecond, so `x.525` is 525 ms and not 524.9999.
 */
export function epochSecondsTime(value: unknown): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return new Date(Math.round(value * 1000));
}
