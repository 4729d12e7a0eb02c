import type { Message, MessageInput } from '../models/message.js';
import type { Ticket, TicketInput } from '../models/ticket.js';
import { findFirstReply } from './first-reply.js';
import { timeArgs } from './input-time.js';
import { type Duration, measure, sortedMessages, type TimeMetricOptions } from './timeline.js';

/** One customer turn and the agent reply that answered it. */
export interface ReplySpan {
  /** When the customer's turn began: the first public end-user message after the previous agent reply. */
  from: Date;
  /** The answering public agent message, or null while the customer still waits. */
  to: Date | null;
  /** Null while unanswered. */
  duration: Duration | null;
}

/**
 * Every customer turn to the next public agent reply. A turn is a run of public end-user messages with no
 * public agent message in between; it starts at the first of them. Private notes and system messages neither
 * start nor end a turn. A final unanswered turn is included with `to: null`.
 *
 * @example
 * ```ts
 * import { replyTimes } from 'supportkit-ts';
 * for (const span of replyTimes(ticket, messagesOfTicket)) console.log(span.from, span.duration?.calendarMinutes);
 * ```
 */
export function replyTimes(
  ticket: Ticket | TicketInput,
  messages: readonly (Message | MessageInput)[],
  options: TimeMetricOptions = {},
): ReplySpan[] {
  const args = timeArgs('replyTimes', ticket, messages, options);
  return replyTimesOf(args.ticket, args.records, args.options);
}

/**
 * {@link replyTimes} over parsed models (internal: no input checks).
 * @example `replyTimesOf(parsedTicket, sortedMessages, { schedule });`
 */
export function replyTimesOf(
  ticket: Ticket,
  messages: readonly Message[],
  options: TimeMetricOptions,
): ReplySpan[] {
  const spans: ReplySpan[] = [];
  let turnStart: number | null = null;
  for (const message of sortedMessages(ticket, messages)) {
    if (!message.public) continue;
    const at = message.createdAt.getTime();
    if (message.authorRole === 'end-user') turnStart ??= at;
    else if (message.authorRole === 'agent' && turnStart !== null) {
      spans.push({
        from: new Date(turnStart),
        to: new Date(at),
        duration: measure(turnStart, at, options.schedule),
      });
      turnStart = null;
    }
  }
  if (turnStart !== null) spans.push({ from: new Date(turnStart), to: null, duration: null });
  return spans;
}

/**
 * Next reply times: the reply spans of customer turns that begin after the first reply (as
 * {@link firstReplyTime} finds it) — what an SLA's "next reply" target measures. Turns answered by the first
 * reply belong to first reply time; with no first reply yet there are none.
 *
 * @example
 * ```ts
 * import { nextReplyTime } from 'supportkit-ts';
 * const waits = nextReplyTime(ticket, messagesOfTicket, { schedule });
 * ```
 */
export function nextReplyTime(
  ticket: Ticket | TicketInput,
  messages: readonly (Message | MessageInput)[],
  options: TimeMetricOptions = {},
): ReplySpan[] {
  const args = timeArgs('nextReplyTime', ticket, messages, options);
  const sorted = sortedMessages(args.ticket, args.records);
  const first = findFirstReply(sorted, 'from-creation');
  if (!first) return [];
  const after = first.createdAt.getTime();
  return replyTimesOf(args.ticket, sorted, args.options).filter((span) => span.from.getTime() >= after);
}
