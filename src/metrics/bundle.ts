import type { Dataset, DatasetInput } from '../models/dataset.js';
import type { Message } from '../models/message.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { datasetArg } from './input.js';
import { statusSpans } from './timeline.js';

/** A ticket with its own messages and events: the unit the dataset-level accumulators add. */
export interface TicketBundle {
  ticket: Ticket;
  messages: readonly Message[];
  events: readonly TicketEvent[];
}

/**
 * Groups a dataset's messages and events under their tickets, in ticket order.
 *
 * @example
 * ```ts
 * import { bundleDataset } from 'supportkit-ts';
 * for (const { ticket, messages } of bundleDataset(dataset)) console.log(ticket.id, messages.length);
 * ```
 */
export function* bundleDataset(
  dataset: Pick<Dataset, 'tickets' | 'messages' | 'events'> | DatasetInput,
): Generator<TicketBundle> {
  yield* bundleParsed(datasetArg(dataset, 'bundleDataset', ['tickets', 'messages', 'events']));
}

/**
 * {@link bundleDataset} over parsed models (internal: no input checks).
 * @example `for (const { ticket, messages } of bundleParsed(parsedDataset)) console.log(ticket.id, messages.length);`
 */
export function* bundleParsed(
  dataset: Pick<Dataset, 'tickets' | 'messages' | 'events'>,
): Generator<TicketBundle> {
  const messages = new Map<string, Message[]>();
  const events = new Map<string, TicketEvent[]>();
  for (const m of dataset.messages) {
    const list = messages.get(m.ticketId);
    if (list) list.push(m);
    else messages.set(m.ticketId, [m]);
  }
  for (const e of dataset.events) {
    const list = events.get(e.ticketId);
    if (list) list.push(e);
    else events.set(e.ticketId, [e]);
  }
  for (const ticket of dataset.tickets) {
    yield { ticket, messages: messages.get(ticket.id) ?? [], events: events.get(ticket.id) ?? [] };
  }
}

const RESOLVED = new Set(['solved', 'closed']);

/**
 * The intervals during which a ticket was unresolved, [from, to) with `to: null` when it still is. Without
 * status events: unresolved from creation until `solvedAt` if the ticket is resolved now.
 */
export function unresolvedIntervals(
  ticket: Ticket,
  sortedEvents: readonly TicketEvent[],
): [number, number | null][] {
  const hasStatus = sortedEvents.some((e) => e.type === 'status');
  const created = ticket.createdAt.getTime();
  if (!hasStatus) {
    if (RESOLVED.has(ticket.status))
      return [[created, Math.max(created, ticket.solvedAt?.getTime() ?? created)]];
    return [[created, null]];
  }
  const out: [number, number | null][] = [];
  let openSince: number | null = null;
  for (const span of statusSpans(ticket, sortedEvents)) {
    const resolved = RESOLVED.has(span.status);
    if (!resolved && openSince === null) openSince = span.from;
    if (resolved && openSince !== null) {
      out.push([openSince, span.from]);
      openSince = null;
    }
  }
  if (openSince !== null) out.push([openSince, null]);
  return out;
}

/** Times a ticket was solved: each change to `solved`, or `solvedAt` without status events. */
export function solveTimes(ticket: Ticket, sortedEvents: readonly TicketEvent[]): number[] {
  const times = sortedEvents
    .filter((e) => e.type === 'status' && e.to === 'solved')
    .map((e) => e.at.getTime());
  if (times.length === 0 && !sortedEvents.some((e) => e.type === 'status') && ticket.solvedAt) {
    return [ticket.solvedAt.getTime()];
  }
  return times;
}
