import type { Ticket, TicketInput } from '../models/ticket.js';
import type { TicketEvent, TicketEventInput } from '../models/ticket-event.js';
import { type Instant, toMillis } from './business-time.js';
import { timeArgs } from './input-time.js';
import { keyedTable, own } from './keyed.js';
import { type Duration, measure, sortedEvents, statusSpans, type TimeMetricOptions } from './timeline.js';

/** Options of {@link statusDurations}. */
export interface StatusDurationOptions extends TimeMetricOptions {
  /** Counts the current status up to this instant; without it the current status is left out (`complete: false`). */
  asOf?: Instant;
  /** Statuses that make the requester wait. @default ['new', 'open', 'hold'] (Zendesk's definition) */
  requesterWaitStatuses?: readonly string[];
}

/** Time spent in each status, and Zendesk's aggregates of it. */
export interface StatusDurations {
  /** Every status the ticket was in, with the time spent there. */
  byStatus: Record<string, Duration>;
  /** Time in `pending`: waiting on the customer. */
  agentWait: Duration;
  /** Time in `hold`: waiting on a third party. */
  onHold: Duration;
  /** Time in `new` and `open`: agents' turn. */
  agentWork: Duration;
  /** Time in `requesterWaitStatuses`. */
  requesterWait: Duration;
  /** False when the ticket is still in a status that `asOf` was needed to close. */
  complete: boolean;
}

const zero = (business: boolean): Duration => ({ calendarMinutes: 0, businessMinutes: business ? 0 : null });

function addTo(target: Duration, d: Duration): void {
  target.calendarMinutes += d.calendarMinutes;
  if (target.businessMinutes !== null && d.businessMinutes !== null)
    target.businessMinutes += d.businessMinutes;
}

/**
 * Time a ticket spent in each status, in calendar and (given a schedule) business minutes, with Zendesk's
 * aggregates: agent wait = pending, on hold = hold, agent work = new + open, requester wait = new + open + hold
 * (configurable). Solved and closed time is reported in `byStatus` but in no aggregate.
 *
 * @example
 * ```ts
 * import { statusDurations } from 'supportkit-ts';
 * const d = statusDurations(ticket, eventsOfTicket, { asOf: new Date(), schedule });
 * d.requesterWait.businessMinutes;
 * ```
 */
export function statusDurations(
  ticket: Ticket | TicketInput,
  events: readonly (TicketEvent | TicketEventInput)[],
  options: StatusDurationOptions = {},
): StatusDurations {
  const args = timeArgs('statusDurations', ticket, events, options, 'events');
  return statusDurationsOf(args.ticket, args.records, args.options);
}

/**
 * {@link statusDurations} over parsed models (internal: no input checks).
 * @example `statusDurationsOf(parsedTicket, parsedEvents, { asOf: Date.now() }).agentWork;`
 */
export function statusDurationsOf(
  ticket: Ticket,
  events: readonly TicketEvent[],
  options: StatusDurationOptions,
): StatusDurations {
  const asOf = options.asOf === undefined ? undefined : toMillis(options.asOf, 'statusDurations() asOf');
  const requesterWait = new Set(options.requesterWaitStatuses ?? ['new', 'open', 'hold']);
  const business = options.schedule !== undefined;
  const result: StatusDurations = {
    byStatus: keyedTable(),
    agentWait: zero(business),
    onHold: zero(business),
    agentWork: zero(business),
    requesterWait: zero(business),
    complete: true,
  };
  for (const span of statusSpans(ticket, sortedEvents(ticket, events))) {
    let to = span.to;
    if (to === null) {
      if (span.status === 'solved' || span.status === 'closed') continue;
      if (asOf === undefined) {
        result.complete = false;
        continue;
      }
      to = Math.max(span.from, asOf);
    }
    if (asOf !== undefined && to > asOf) to = Math.max(span.from, asOf);
    const d = measure(span.from, to, options.schedule);
    let byStatus = own(result.byStatus, span.status);
    if (!byStatus) {
      byStatus = zero(business);
      result.byStatus[span.status] = byStatus;
    }
    addTo(byStatus, d);
    if (span.status === 'pending') addTo(result.agentWait, d);
    if (span.status === 'hold') addTo(result.onHold, d);
    if (span.status === 'new' || span.status === 'open') addTo(result.agentWork, d);
    if (requesterWait.has(span.status)) addTo(result.requesterWait, d);
  }
  return result;
}
