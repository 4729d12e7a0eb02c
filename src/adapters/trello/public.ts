/**
 * `supportkit/trello`: a Trello board as a helpdesk — the adapter, its rate-limit budgets, and the pure mapping.
 *
 * @packageDocumentation
 */
export { createTrelloAdapter, type TrelloAdapterOptions, trelloRateLimiter } from './index.js';
export {
  agentFromTrello,
  createdAtOfTrelloId,
  eventsFromTrello,
  labelsOfCard,
  labelTag,
  messagesFromTrello,
  requesterOfCard,
  statusForListName,
  statusOfList,
  type TrelloBoard,
  type TrelloMapping,
  ticketFromTrello,
  UNKNOWN_REQUESTER,
} from './map.js';
