/**
 * Zendesk's timestamps and time-zone names, read once for every mapper: timestamps always come as
 * `YYYY-MM-DDTHH:MM:SSZ` (read by arithmetic in models/utc-text.ts, since an export maps millions), zone names
 * as IANA names or the Rails names Zendesk's settings use.
 */
import { IANAZone } from 'luxon';
import railsTimeZone from 'rails-timezone';
import type { ValidationIssue } from '../../../errors/validation.js';
import { utcTextMs } from '../../../models/utc-text.js';

/**
 * A Zendesk timestamp (always with Z or an offset) as a Date, or an issue at `path` (and an Invalid Date the
 * caller must not keep): the mapper reports every bad field of a record at once.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * instant('2026-03-01T09:30:00Z', 'createdAt', issues); // Date(2026-03-01T09:30:00.000Z), no issue
 * ```
 */
export function instant(text: string, path: string, issues: ValidationIssue[]): Date {
  const fast = utcTextMs(text);
  if (fast !== undefined) return new Date(fast);
  const ms = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms))
    issues.push({ path: [path], code: 'custom', message: 'expected an ISO 8601 timestamp with offset' });
  return new Date(ms);
}

/**
 * A time-zone name as Zendesk reports it — an IANA name, or the Rails name its schedules and settings use
 * ("Eastern Time (US & Canada)") — as an IANA name. A name neither knows is returned as it is, for the model to
 * refuse with its path.
 *
 * @example
 * ```ts
 * ianaZoneFromZendesk('Pacific Time (US & Canada)'); // 'America/Los_Angeles'
 * ianaZoneFromZendesk('Europe/Rome'); // 'Europe/Rome'
 * ```
 */
export function ianaZoneFromZendesk(name: string): string {
  if (IANAZone.isValidZone(name)) return name;
  const mapped = railsTimeZone.from(name);
  return mapped && IANAZone.isValidZone(mapped) ? mapped : name;
}
