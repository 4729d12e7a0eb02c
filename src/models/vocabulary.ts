/**
 * The model's fixed vocabularies and bounds as plain values, without zod: metrics read them at import, and
 * loading zod costs more than an automation step's whole import budget (see docs/benchmarks.md). The schemas in
 * ticket.ts, primitives.ts and sla-policy.ts are built from these and re-export them.
 */

/**
 * Canonical ticket statuses, in lifecycle order. A vendor's custom status maps to one of these.
 * @example `TICKET_STATUSES.includes(ticket.status as never)`
 */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted'] as const;

/**
 * Canonical priorities, lowest first.
 * @example `TICKET_PRIORITIES.indexOf('high') // 2`
 */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * Canonical channels.
 * @example `for (const channel of CHANNELS) console.log(channel)`
 */
export const CHANNELS = ['email', 'web', 'phone', 'chat', 'social', 'api', 'other'] as const;

/**
 * Smallest magnitude accepted as epoch milliseconds: below it the number is almost surely epoch seconds
 * (1e11 is 1973-03-03 in milliseconds, 5138 AD in seconds).
 * @example `Math.abs(ms) >= EPOCH_MS_FLOOR`
 */
export const EPOCH_MS_FLOOR = 1e11;
/**
 * The largest magnitude of epoch milliseconds a `Date` holds (the ECMAScript Date range).
 * @example `Math.abs(ms) <= MAX_EPOCH_MS`
 */
export const MAX_EPOCH_MS = 8.64e15;

const zoneCache = new Map<string, boolean>();
/**
 * True when the running JavaScript engine knows this IANA time zone name.
 * @example `isIanaTimeZone('Europe/Rome') // true`
 */
export function isIanaTimeZone(name: string): boolean {
  if (typeof name !== 'string') return false;
  let known = zoneCache.get(name);
  if (known === undefined) {
    // Intl also accepts offsets such as "+01:00"; those are not zones (they have no DST rules), so require a name.
    known = /^(?:UTC|GMT|[A-Za-z]+(?:[/_-][A-Za-z0-9+_-]+)+|[A-Z]{2,5})$/.test(name);
    if (known) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
      } catch {
        known = false;
      }
    }
    zoneCache.set(name, known);
  }
  return known;
}

/**
 * What an SLA target measures, in the order reports list them (the values of the `SlaMetric` schema).
 * @example `SLA_METRICS.includes('firstReply') // true`
 */
export const SLA_METRICS = [
  'firstReply',
  'nextReply',
  'periodicUpdate',
  'requesterWait',
  'agentWork',
  'resolution',
] as const;
