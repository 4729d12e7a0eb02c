import type { Message } from '../models/message.js';
import type { Ticket } from '../models/ticket.js';
import { type Duration, measure, sortedMessages, type TimeMetricOptions } from './timeline.js';

/** Options of {@link firstReplyTime}. */
export interface FirstReplyOptions extends TimeMetricOptions {
  /**
   * `'zendesk'` (default): the clock runs from ticket creation to the first public agent message strictly after
   * the first public message, whoever wrote that one. `'fivetran'`, as fivetran/dbt_zendesk computes it: when
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
 * public message by an agent strictly after the first public message. So a ticket opened by an agent's public
 * message (a logged phone call) waits for that agent's next public message, and private notes never count —
 * when notes come before an agent's first public message, that public message is the reply. Null when there is
 * no reply yet.
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
  ticket: Ticket,
  messages: readonly Message[],
  options: FirstReplyOptions = {},
): FirstReply | null {
  const definition = options.definition ?? 'zendesk';
  if (definition !== 'zendesk' && definition !== 'fivetran') {
    throw new TypeError('firstReplyTime: option "definition" must be "zendesk" or "fivetran"');
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

/** The reply message among time-ordered messages, per definition. */
export function findFirstReply(
  sorted: readonly Message[],
  definition: 'zendesk' | 'fivetran',
): Message | undefined {
  let first: Message | undefined;
  for (const message of sorted) {
    if (!message.public) continue;
    if (!first) {
      first = message;
      // fivetran: an agent's first comment is its own reply (measured from ticket creation).
      if (definition === 'fivetran' && message.authorRole === 'agent') return message;
      if (definition === 'fivetran' && message.authorRole !== 'end-user') return undefined;
      continue;
    }
    if (message.authorRole === 'agent') return message;
  }
  return undefined;
}
