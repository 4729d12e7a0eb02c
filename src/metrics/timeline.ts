import { truncateKey, ValidationError } from '../errors/validation.js';
import type { Message } from '../models/message.js';
import type { Schedule } from '../models/schedule.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { businessMinutesBetween } from './business-time.js';

const MINUTE = 60_000;

/** A measured span of time, in calendar minutes and — given a schedule — business minutes. */
export interface Duration {
  calendarMinutes: number;
  /** Null when no schedule was given. */
  businessMinutes: number | null;
}

/** Options every time metric takes. */
export interface TimeMetricOptions {
  /** Business hours to measure in, besides calendar time. */
  schedule?: Schedule;
}

/** Calendar and business minutes between two epoch-ms instants. */
export function measure(from: number, to: number, schedule: Schedule | undefined): Duration {
  return {
    calendarMinutes: (to - from) / MINUTE,
    businessMinutes: schedule ? businessMinutesBetween(from, to, schedule) : null,
  };
}

/** Throws when a record belongs to another ticket: passing a whole dataset's messages is a caller bug. */
function checkOwnership(ticket: Ticket, records: readonly { ticketId: string }[], what: string): void {
  const issues = [];
  for (let i = 0; i < records.length; i++) {
    if (records[i]!.ticketId !== ticket.id) {
      issues.push({
        path: [i, 'ticketId'],
        code: 'invalid_value',
        message: 'belongs to another ticket',
      });
    }
  }
  if (issues.length > 0)
    throw new ValidationError(
      `the ${what} passed with ticket ${JSON.stringify(truncateKey(ticket.id))}`,
      issues,
    );
}

/** The ticket's messages in time order (stable for equal times), checked to belong to it. */
export function sortedMessages(ticket: Ticket, messages: readonly Message[]): Message[] {
  checkOwnership(ticket, messages, 'messages');
  return stableSort(messages, (m) => m.createdAt.getTime());
}

/** The ticket's events in time order (stable for equal times), checked to belong to it. */
export function sortedEvents(ticket: Ticket, events: readonly TicketEvent[]): TicketEvent[] {
  checkOwnership(ticket, events, 'events');
  return stableSort(events, (e) => e.at.getTime());
}

function stableSort<T>(items: readonly T[], key: (item: T) => number): T[] {
  let sorted = true;
  for (let i = 1; i < items.length; i++) {
    if (key(items[i]!) < key(items[i - 1]!)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return items as T[];
  return items
    .map((item, index) => ({ item, index, at: key(item) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ item }) => item);
}

/** A status in force from `from` until `to` (null = still in force). */
export interface StatusSpan {
  status: string;
  from: number;
  to: number | null;
}

/**
 * The ticket's status history as spans, from creation on. The status before the first event is that event's
 * `from` (or `new`); with no status events at all the ticket's current status holds from creation.
 */
export function statusSpans(ticket: Ticket, events: readonly TicketEvent[]): StatusSpan[] {
  const created = ticket.createdAt.getTime();
  const spans: StatusSpan[] = [];
  let status: string | null = null;
  let from = created;
  for (const change of events) {
    if (change.type !== 'status') continue;
    if (status === null) status = (change.from as string | null) ?? 'new';
    const at = Math.max(created, change.at.getTime());
    if (at > from) spans.push({ status, from, to: at });
    status = change.to as string;
    from = at;
  }
  spans.push({ status: status ?? ticket.status, from, to: null });
  return spans;
}
