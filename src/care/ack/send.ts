import type { HelpdeskAdapter } from '../../adapters/contract.js';
import { invalidArgument, invalidOption } from '../../errors/validation.js';
import type { RequestOptions } from '../../http/client.js';
import type { Message } from '../../models/message.js';
import type { Acknowledgement } from './acknowledgement.js';

/**
 * Options of {@link sendAcknowledgement}.
 * @example `sendAcknowledgement(helpdesk, ticket.id, ack, { authorId: 'bot-1' })`
 */
export interface SendAcknowledgementOptions extends RequestOptions {
  /** The helpdesk user the message is posted as (an automation or bot user): required, as a system author. */
  authorId: string;
}

/**
 * Posts an acknowledgement on a ticket through an adapter: a public message (its plain text) whose author role
 * is `system`, so reply-time metrics never take it for the team's first reply. The idempotency key defaults to
 * `acknowledgement-<ticketId>`: a webhook delivered twice acknowledges once. Whether the helpdesk keeps the
 * role depends on its API (Zendesk records the comment as its author's, an agent's: see docs/acknowledgements.md).
 *
 * @example
 * ```ts
 * import { acknowledgement, sendAcknowledgement } from 'supportkit-ts';
 * const ack = acknowledgement(ticket, { locale: 'en', promise, brand: 'Acme' });
 * await sendAcknowledgement(helpdesk, ticket.id, ack, { authorId: 'automation' });
 * ```
 */
export async function sendAcknowledgement(
  adapter: Pick<HelpdeskAdapter, 'tickets'>,
  ticketId: string,
  ack: Pick<Acknowledgement, 'text'>,
  options: SendAcknowledgementOptions,
): Promise<Message> {
  const fn = 'sendAcknowledgement';
  if (typeof adapter?.tickets?.addMessage !== 'function')
    throw invalidArgument(`${fn}()`, 'adapter', 'expected a helpdesk adapter');
  if (typeof ticketId !== 'string' || ticketId === '')
    throw invalidArgument(`${fn}()`, 'ticketId', 'expected a ticket id');
  if (typeof ack?.text !== 'string' || ack.text === '')
    throw invalidArgument(`${fn}()`, 'ack', 'expected the result of acknowledgement()');
  if (typeof options?.authorId !== 'string' || options.authorId === '')
    throw invalidOption(fn, 'authorId', 'expected the id of the user that posts automatic messages');
  const { authorId, ...request } = options;
  return adapter.tickets.addMessage(
    ticketId,
    { authorId, authorRole: 'system', public: true, body: ack.text },
    { idempotencyKey: `acknowledgement-${ticketId}`, ...request },
  );
}
