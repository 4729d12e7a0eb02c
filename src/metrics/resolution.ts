import type { Schedule } from '../models/schedule.js';
import type { Ticket, TicketInput } from '../models/ticket.js';
import type { TicketEvent, TicketEventInput } from '../models/ticket-event.js';
import { eventsArg, ticketArg } from './input.js';
import { timeArgs } from './input-time.js';
import { type Duration, measure, sortedEvents, type TimeMetricOptions } from './timeline.js';

/** A resolution moment and the time from creation to it. */
export interface Resolution extends Duration {
  at: Date;
}

/** First and full resolution of a ticket. */
export interface ResolutionTimes {
  /** Creation → the first time it was solved (or, never solved, first closed); null if never. */
  firstResolution: Resolution | null;
  /**
   * Creation → the last time it was solved (or, never solved, last closed); null if never, or if the ticket
   * was reopened and is not resolved now.
   */
  fullResolution: Resolution | null;
}

const RESOLVED = new Set(['solved', 'closed']);

/**
 * First and full resolution times, as Zendesk and fivetran/dbt_zendesk define them: from creation to the first
 * `solved` status (falling back to the first `closed` for tickets closed without being solved) and to the last
 * `solved`. A ticket with no status events falls back to `ticket.solvedAt`.
 *
 * @example
 * ```ts
 * import { resolutionTimes } from 'supportkit-ts';
 * const { firstResolution, fullResolution } = resolutionTimes(ticket, eventsOfTicket, { schedule });
 * ```
 */
export function resolutionTimes(
  ticket: Ticket | TicketInput,
  events: readonly (TicketEvent | TicketEventInput)[],
  options: TimeMetricOptions = {},
): ResolutionTimes {
  const args = timeArgs('resolutionTimes', ticket, events, options, 'events');
  return resolutionTimesOf(args.ticket, args.records, args.options);
}

/**
 * {@link resolutionTimes} over parsed models (internal: no input checks).
 * @example `resolutionTimesOf(parsedTicket, parsedEvents, {}).firstResolution;`
 */
export function resolutionTimesOf(
  ticket: Ticket,
  events: readonly TicketEvent[],
  options: TimeMetricOptions,
): ResolutionTimes {
  const created = ticket.createdAt.getTime();
  const changes = sortedEvents(ticket, events).filter((e) => e.type === 'status');
  if (changes.length === 0) {
    const solved = ticket.solvedAt?.getTime();
    const resolved = solved !== undefined && RESOLVED.has(ticket.status);
    return {
      firstResolution: solved !== undefined ? resolvedAt(created, solved, options.schedule) : null,
      fullResolution: resolved ? resolvedAt(created, solved, options.schedule) : null,
    };
  }
  const solvedTimes = changes.filter((e) => e.to === 'solved').map((e) => e.at.getTime());
  const closedTimes = changes.filter((e) => e.to === 'closed').map((e) => e.at.getTime());
  const times = solvedTimes.length > 0 ? solvedTimes : closedTimes;
  if (times.length === 0) return { firstResolution: null, fullResolution: null };
  const resolvedNow = RESOLVED.has(changes[changes.length - 1]!.to as string);
  return {
    firstResolution: resolvedAt(created, Math.max(created, times[0]!), options.schedule),
    fullResolution: resolvedNow
      ? resolvedAt(created, Math.max(created, times[times.length - 1]!), options.schedule)
      : null,
  };
}

/** A resolution at `t` of a ticket created at `created`, measured in calendar and (with a schedule) business time. */
function resolvedAt(created: number, t: number, schedule: Schedule | undefined): Resolution {
  return { at: new Date(t), ...measure(created, t, schedule) };
}

/**
 * How many times a ticket was reopened: status changes from `solved` to `open`, reading the status history in
 * order (so a vendor event that omits `from` still counts).
 *
 * @example
 * ```ts
 * import { reopens } from 'supportkit-ts';
 * reopens(ticket, eventsOfTicket); // 1
 * ```
 */
export function reopens(
  ticket: Ticket | TicketInput,
  events: readonly (TicketEvent | TicketEventInput)[],
): number {
  return reopensOf(ticketArg(ticket, 'reopens'), eventsArg(events, 'reopens'));
}

/**
 * {@link reopens} over parsed models (internal: no input checks).
 * @example `reopensOf(parsedTicket, parsedEvents); // 1`
 */
export function reopensOf(ticket: Ticket, events: readonly TicketEvent[]): number {
  let previous: string | null = null;
  let count = 0;
  for (const event of sortedEvents(ticket, events)) {
    if (event.type !== 'status') continue;
    const from = previous ?? (event.from as string | null);
    if (from === 'solved' && event.to === 'open') count++;
    previous = event.to as string;
  }
  return count;
}
