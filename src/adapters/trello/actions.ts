/**
 * A card's history from its actions: list moves and archiving are status changes, member changes assignee
 * changes, label changes tag or priority changes.
 */
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import { readTicket } from './cards.js';
import type { TrelloAdapterContext } from './context.js';
import { eventsFromTrello } from './map.js';
import { TrelloAction } from './wire.js';

/**
 * The action types that make a card's history.
 * @example `await cardActions(context, cardId, HISTORY)`
 */
export const HISTORY =
  'createCard,updateCard,addLabelToCard,removeLabelFromCard,addMemberToCard,removeMemberFromCard';

/**
 * A card's actions of the given types, oldest first (Trello lists newest first).
 * @example `const comments = await cardActions(context, cardId, 'commentCard', options);`
 */
export async function cardActions(
  context: TrelloAdapterContext,
  cardId: string,
  filter: string,
  options?: RequestOptions,
): Promise<TrelloAction[]> {
  const actions = await context.request<unknown[]>(
    'GET',
    path`/cards/${cardId}/actions`,
    { filter, limit: 1000 },
    options,
  );
  return actions.map((a) => context.fromWire(TrelloAction, a)).reverse();
}

/**
 * The history resource: a card's status, assignee, priority and tag changes.
 * @example `for await (const event of createActions(context).listEvents(cardId)) …`
 */
export function createActions(context: TrelloAdapterContext): Pick<HelpdeskAdapter['tickets'], 'listEvents'> {
  return {
    async *listEvents(ticketId, options) {
      const ticket = await readTicket(context, ticketId, options);
      yield* eventsFromTrello(
        ticket,
        await cardActions(context, ticketId, HISTORY, options),
        await context.board(options),
        context.mapping,
      );
    },
  };
}
