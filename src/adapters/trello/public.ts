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
  messagesFromTrello,
  requesterOfCard,
  statusForListName,
  statusOfList,
  type TrelloBoard,
  type TrelloMapping,
  ticketFromTrello,
} from './map.js';
