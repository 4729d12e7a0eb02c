import type { Message } from '../models/message.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';
import { eventsArg, messagesArg, optionsArg, scheduleArg, ticketArg } from './input.js';
import type { TimeMetricOptions } from './timeline.js';

/**
 * The arguments of a per-ticket time metric, validated once at its entry, so the
 * internal helpers it calls take parsed models and never check twice.
 * @example `const { ticket, records, options } = timeArgs('replyTimes', t, messages, opts);`
 */
export function timeArgs<O extends TimeMetricOptions>(
  fn: string,
  ticket: unknown,
  records: unknown,
  options: O | undefined,
  kind?: 'messages',
): { ticket: Ticket; records: Message[]; options: O };
export function timeArgs<O extends TimeMetricOptions>(
  fn: string,
  ticket: unknown,
  records: unknown,
  options: O | undefined,
  kind: 'events',
): { ticket: Ticket; records: TicketEvent[]; options: O };
export function timeArgs<O extends TimeMetricOptions>(
  fn: string,
  ticket: unknown,
  records: unknown,
  options: O | undefined,
  kind: 'messages' | 'events' = 'messages',
) {
  const opts = optionsArg(options, fn);
  return {
    ticket: ticketArg(ticket, fn),
    records: kind === 'messages' ? messagesArg(records, fn) : eventsArg(records, fn),
    options:
      opts.schedule === undefined ? opts : ({ ...opts, schedule: scheduleArg(opts.schedule, fn) } as O),
  };
}
