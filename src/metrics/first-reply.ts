import { invalidOption } from '../errors/validation.js';
import type { Message, MessageInput } from '../models/message.js';
import type { Ticket, TicketInput } from '../models/ticket.js';
import { messagesArg, optionsArg, scheduleArg, ticketArg } from './input.js';
import { type Duration, measure, sortedMessages, type TimeMetricOptions } from './timeline.js';

/** Options of {@link firstReplyTime}. */
export interface FirstReplyOptions extends TimeMetricOptions {
  /**
   * `'zendesk'` (default): the clock runs from ticket creation to the first public agent message; a ticket
   * opened by an agent's public message waits for the agent's next public message. `'fivetran'`, as fivetran/dbt_zendesk computes it: when
   * the first public message is the customer's, from that message to the first public agent message after it;
   * when it is an agent's, from ticket creation to that very message (so an agent-created ticket scores about 0).
   * @default 'zendesk'
   */
  definition?: 'zendesk' | 'fivetran';
}

/** When a ticket got its first reply and how long that took. */
export interface FirstReply extends Duration {
  repliedAt: Date;
  /** The id of the message that counts as the reply. */
  messageId: string;
}

/**
 * First reply time as Zendesk defines it: the clock starts when the ticket is created and stops at the first
 * public message by an agent. The one exception is a ticket opened by an agent's public message (a logged phone
 * call): it waits for the agent's next public message. Private notes never count — a ticket opened with a private
 * note and answered publicly 30 minutes later has a first reply time of 30 minutes. Null when there is no reply
 * yet.
 *
 * @example
 * ```ts
 * import { firstReplyTime } from 'supportkit';
 * const reply = firstReplyTime(ticket, messagesOfTicket, { schedule });
 * reply?.calendarMinutes; // e.g. 95
 * reply?.businessMinutes; // e.g. 35 (the night did not count)
 * ```
 */
export function firstReplyTime(
  ticket: Ticket | TicketInput,
  messages: readonly (Message | MessageInput)[],
  options: FirstReplyOptions = {},
): FirstReply | null {
  const fn = 'firstReplyTime';
  const opts = optionsArg(options, fn);
  return firstReplyOf(ticketArg(ticket, fn), messagesArg(messages, fn), {
    ...opts,
    ...(opts.schedule === undefined ? {} : { schedule: scheduleArg(opts.schedule, fn) }),
  });
}

/**
 * {@link firstReplyTime} over parsed models (internal: no input checks).
 * @example `firstReplyOf(parsedTicket, parsedMessages, {})?.calendarMinutes;`
 */
export function firstReplyOf(
  ticket: Ticket,
  messages: readonly Message[],
  options: FirstReplyOptions,
): FirstReply | null {
  const definition = options.definition ?? 'zendesk';
  if (definition !== 'zendesk' && definition !== 'fivetran') {
    throw invalidOption('firstReplyTime', 'definition', 'must be "zendesk" or "fivetran"');
  }
  const sorted = sortedMessages(ticket, messages);
  const reply = findFirstReply(sorted, definition);
  if (!reply) return null;
  const at = reply.createdAt.getTime();
  let start = ticket.createdAt.getTime();
  if (definition === 'fivetran') {
    const first = sorted.find((m) => m.public)!;
    if (first.authorRole === 'end-user') start = first.createdAt.getTime();
  }
  return { repliedAt: new Date(at), messageId: reply.id, ...measure(start, at, options.schedule) };
}

/**
 * The reply message among time-ordered messages, per definition. Zendesk: the first public agent message,
 * except that a ticket opened by an agent's public message (its very first message — a logged phone call) waits
 * for the next one. A ticket opened with a private note is not agent-created in that sense: its first public
 * agent message is the reply (https://support.zendesk.com/hc/en-us/articles/4408821871642).
 */
export function findFirstReply(
  sorted: readonly Message[],
  definition: 'zendesk' | 'fivetran',
): Message | undefined {
  if (definition === 'zendesk') {
    const opener = sorted[0];
    const agentOpened = opener?.public && opener.authorRole === 'agent';
    for (const message of sorted) {
      if (message.public && message.authorRole === 'agent' && !(agentOpened && message === opener))
        return message;
    }
    return undefined;
  }
  const firstIndex = sorted.findIndex((message) => message.public);
  const first = sorted[firstIndex];
  if (!first) return undefined;
  // fivetran: an agent's first public comment is its own reply (measured from ticket creation).
  if (first.authorRole === 'agent') return first;
  if (first.authorRole !== 'end-user') return undefined;
  return sorted.slice(firstIndex + 1).find((message) => message.public && message.authorRole === 'agent');
}
