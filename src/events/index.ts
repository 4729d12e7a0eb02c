/**
 * The typed event bus: adapters' transport events and webhook events go out through one eventemitter3 emitter,
 * so an app listens in one place.
 *
 * @packageDocumentation
 */
import { EventEmitter } from 'eventemitter3';
import { invalidArgument } from '../errors/validation.js';
import type { Customer } from '../models/customer.js';
import type { Message } from '../models/message.js';
import type { Ticket, TicketStatus } from '../models/ticket.js';

interface EventBase {
  /** Which helpdesk sent it. */
  vendor: string;
  /** The vendor's own name for the event, e.g. `zen:event-type:ticket.created` or `updateCard`. */
  vendorType: string;
  /** The vendor's event id, when it sends one (use it to deduplicate redeliveries). */
  id: string | null;
  /**
   * When it happened, per the vendor: Zendesk `time`, Trello `action.date`, Intercom `created_at`, Front
   * `emitted_at`, Help Scout the resource's last change. Null only when the payload carries no time.
   */
  occurredAt: Date | null;
  /** The payload as received. */
  raw: unknown;
}

/**
 * A helpdesk event in canonical form. `ticket`, `message` and `customer` are present when the payload carried
 * enough to build a valid model; `raw` is always there, and `occurredAt` is the vendor's time of the event
 * whenever the payload carries one.
 *
 * @example
 * ```ts
 * bus.on('ticket.status_changed', (event) => console.log(event.ticketId, event.from, '→', event.to));
 * ```
 */
export type HelpdeskEvent =
  | (EventBase & { type: 'ticket.created'; ticketId: string; ticket?: Ticket })
  | (EventBase & { type: 'ticket.updated'; ticketId: string; ticket?: Ticket })
  | (EventBase & {
      type: 'ticket.status_changed';
      ticketId: string;
      from: TicketStatus | null;
      to: TicketStatus;
      /** The ticket after the change, when the payload carries its fields (Zendesk event webhooks do). */
      ticket?: Ticket;
    })
  /** The ticket was removed in the helpdesk (a deleted Trello card, a deleted Zendesk ticket). */
  | (EventBase & { type: 'ticket.deleted'; ticketId: string })
  | (EventBase & { type: 'message.created'; ticketId: string; message?: Message })
  | (EventBase & { type: 'customer.updated'; customerId: string; customer?: Customer })
  | (EventBase & { type: 'unknown' });

/** The kinds of {@link HelpdeskEvent}. */
export type HelpdeskEventType = HelpdeskEvent['type'];

/**
 * What the HTTP transport reports. URLs are redacted and no header, body or token is ever included.
 *
 * @example
 * ```ts
 * bus.on('http.retry', (e) => console.warn(`${e.method} ${e.url}: retry ${e.attempt} in ${e.delayMs} ms`));
 * ```
 */
export interface TransportEvent {
  adapter: string;
  method: string;
  /** Redacted: secret-looking query values replaced. */
  url: string;
  /** 1 for the first try. */
  attempt: number;
  status?: number;
  durationMs?: number;
  /** For retries and rate limits: how long the transport waits. */
  delayMs?: number;
  /** The error class name for failed attempts. */
  error?: string;
}

/** Listener signatures of the bus: one per event type, `event` for every helpdesk event, and transport events. */
export type HelpdeskEventMap = {
  [K in HelpdeskEventType]: (event: Extract<HelpdeskEvent, { type: K }>) => void;
} & {
  /** Every helpdesk event, whatever its type. */
  event: (event: HelpdeskEvent) => void;
  'http.request': (event: TransportEvent) => void;
  'http.response': (event: TransportEvent) => void;
  'http.retry': (event: TransportEvent) => void;
  'http.rate_limited': (event: TransportEvent) => void;
};

/** The bus type: an eventemitter3 emitter typed by {@link HelpdeskEventMap}. */
export type HelpdeskEventBus = EventEmitter<HelpdeskEventMap>;

/**
 * Creates the event bus an app listens on.
 *
 * @example
 * ```ts
 * import { createEventBus } from 'supportkit-ts';
 * const helpdesk = createEventBus();
 * helpdesk.on('ticket.created', (event) => console.log('new ticket', event.ticketId));
 * ```
 */
export function createEventBus(): HelpdeskEventBus {
  return new EventEmitter<HelpdeskEventMap>();
}

/**
 * Emits an event under its own type and under `event`.
 *
 * @example
 * ```ts
 * publish(bus, event);
 * ```
 */
export function publish(bus: HelpdeskEventBus, event: HelpdeskEvent): void {
  if (typeof (bus as { emit?: unknown } | null)?.emit !== 'function')
    throw invalidArgument('publish()', 'bus', 'expected an event bus (createEventBus())');
  if (typeof (event as { type?: unknown } | null)?.type !== 'string')
    throw invalidArgument('publish()', 'event', 'expected an event with a type');
  (bus.emit as (type: string, event: HelpdeskEvent) => boolean)(event.type, event);
  bus.emit('event', event);
}
