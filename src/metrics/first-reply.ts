import { invalidOption } from '../errors/validation.js';
import type { Message, MessageInput } from '../models/message.js';
import type { Ticket, TicketInput } from '../models/ticket.js';
import { messagesArg, optionsArg, scheduleArg, ticketArg } from './input.js';
import { type Duration, measure, sortedMessages, type TimeMetricOptions } from './timeline.js';

/**
 * Where the first-reply clock starts, named for the rule rather than for the vendor that documents it:
 *
 * - `'from-creation'`: from ticket creation to the first public agent message; a ticket opened by an agent's
 *   public message (a logged phone call) waits for the agent's next public message. Zendesk's definition
 *   (https://support.zendesk.com/hc/en-us/articles/4408821871642).
 * - `'from-first-public-message'`: from the first public message (system messages such as automatic
 *   acknowledgements do not count) to the first public agent message after it
 *   when the first public message is the customer's; when it is an agent's, that message is the reply, timed
 *   from creation (so an agent-created ticket scores about 0). fivetran/dbt_zendesk's
 *   `int_zendesk__ticket_reply_times` with `is_first_comment`.
 *
 * @example
 * ```ts
 * import { type FirstReplyDefinition, firstReplyTime } from 'supportkit-ts';
 * const definition: FirstReplyDefinition = 'from-first-public-message';
 * firstReplyTime(ticket, messages, { definition })?.calendarMinutes;
 * ```
 */
export type FirstReplyDefinition = 'from-creation' | 'from-first-public-message';

/**
 * The vendor names the `definition` option took before {@link FirstReplyDefinition}, still accepted: a
 * definition names a rule, and a vendor may document more than one rule over time.
 */
const DEPRECATED_DEFINITIONS: ReadonlyMap<string, FirstReplyDefinition> = new Map([
  ['zendesk', 'from-creation'],
  ['fivetran', 'from-first-public-message'],
]);

/** Options of {@link firstReplyTime}. */
export interface FirstReplyOptions extends TimeMetricOptions {
  /**
   * Where the clock starts: see {@link FirstReplyDefinition}. `'zendesk'` (= `'from-creation'`) and
   * `'fivetran'` (= `'from-first-public-message'`) are deprecated aliases, kept so existing callers work.
   * @default 'from-creation'
   */
  definition?: FirstReplyDefinition | 'zendesk' | 'fivetran';
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
 * import { firstReplyTime } from 'supportkit-ts';
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
  const definition = firstReplyDefinitionOf(options.definition);
  const sorted = sortedMessages(ticket, messages);
  const reply = findFirstReply(sorted, definition);
  if (!reply) return null;
  const at = reply.createdAt.getTime();
  let start = ticket.createdAt.getTime();
  if (definition === 'from-first-public-message') {
    const first = sorted.find(isConversationOpener)!;
    if (first.authorRole === 'end-user') start = first.createdAt.getTime();
  }
  return { repliedAt: new Date(at), messageId: reply.id, ...measure(start, at, options.schedule) };
}

/**
 * The `definition` option as a {@link FirstReplyDefinition}: the default, a rule name, or a deprecated vendor
 * alias; anything else is a ValidationError naming the option and the accepted names.
 * @example `firstReplyDefinitionOf('fivetran'); // 'from-first-public-message'`
 */
export function firstReplyDefinitionOf(value: unknown): FirstReplyDefinition {
  if (value === undefined) return 'from-creation';
  if (value === 'from-creation' || value === 'from-first-public-message') return value;
  const alias = typeof value === 'string' ? DEPRECATED_DEFINITIONS.get(value) : undefined;
  if (alias) return alias;
  throw invalidOption(
    'firstReplyTime',
    'definition',
    'must be "from-creation" or "from-first-public-message" ("zendesk" and "fivetran" are deprecated aliases)',
  );
}

/**
 * The reply message among time-ordered messages, per definition. `from-creation`: the first public agent
 * message, except that a ticket opened by an agent's public message (its very first message — a logged phone
 * call) waits for the next one. A ticket opened with a private note is not agent-created in that sense: its
 * first public agent message is the reply (https://support.zendesk.com/hc/en-us/articles/4408821871642).
 * @example `findFirstReply(sortedMessages, 'from-creation')?.id;`
 */
export function findFirstReply(
  sorted: readonly Message[],
  definition: FirstReplyDefinition,
): Message | undefined {
  if (definition === 'from-creation') {
    const opener = sorted[0];
    const agentOpened = opener?.public && opener.authorRole === 'agent';
    for (const message of sorted) {
      if (message.public && message.authorRole === 'agent' && !(agentOpened && message === opener))
        return message;
    }
    return undefined;
  }
  // A system message (an automatic acknowledgement) neither opens the conversation nor answers it.
  const firstIndex = sorted.findIndex(isConversationOpener);
  const first = sorted[firstIndex];
  if (!first) return undefined;
  // from-first-public-message: an agent's first public message is its own reply (timed from creation).
  if (first.authorRole === 'agent') return first;
  if (first.authorRole !== 'end-user') return undefined;
  return sorted.slice(firstIndex + 1).find((message) => message.public && message.authorRole === 'agent');
}

/** A public message written by a person: system messages (automatic acknowledgements) open nothing. */
function isConversationOpener(message: Message): boolean {
  return message.public && message.authorRole !== 'system';
}
