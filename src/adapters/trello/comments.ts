/**
 * Messages are comments: the card's description is the opening message, each comment a reply, and a comment
 * that starts with the private-note prefix a private note (Trello has no private comments).
 */
import { MessageCreate } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { parse } from '../../models/parse.js';
import type { HelpdeskAdapter } from '../contract.js';
import { path } from '../kit/index.js';
import { cardActions } from './actions.js';
import { uploadAttachment } from './attachments.js';
import { readTicket } from './cards.js';
import type { TrelloAdapterContext } from './context.js';
import { messagesFromTrello } from './map.js';
import { TrelloAction } from './wire.js';

/**
 * The messages resource: list a card's messages, add a reply or a private note (with files).
 * @example `await createComments(context).addMessage(cardId, { body: 'On it', public: true });`
 */
export function createComments(
  context: TrelloAdapterContext,
): Pick<HelpdeskAdapter['tickets'], 'addMessage' | 'listMessages'> {
  return {
    async addMessage(ticketId, input, options) {
      const message = parse(MessageCreate, input, 'message to add');
      const ticket = await readTicket(context, ticketId, options);
      const prefix = context.mapping.privateNotePrefix ?? '[private] ';
      const text = message.public ? message.body : `${prefix}${message.body}`;
      const answer = await context.request(
        'POST',
        path`/cards/${ticketId}/actions/comments`,
        { text },
        // Not retried: a repeated POST would comment twice.
        { ...options, maxRetries: 0 },
      );
      const action = context.fromWire(TrelloAction, answer);
      // The comment alone: the description is not part of what was added.
      const [added] = messagesFromTrello(
        { ...ticket, description: undefined },
        [action],
        await context.board(options),
        context.mapping,
      );
      const attachments: Message['attachments'] = [];
      // Trello attaches files to the card: each is uploaded there and listed on this message.
      for (const file of message.attachments ?? [])
        attachments.push(await uploadAttachment(context, ticketId, file, options));
      return { ...added!, attachments };
    },
    async *listMessages(ticketId, options) {
      const ticket = await readTicket(context, ticketId, options);
      yield* messagesFromTrello(
        ticket,
        await cardActions(context, ticketId, 'commentCard', options),
        await context.board(options),
        context.mapping,
      );
    },
  };
}
