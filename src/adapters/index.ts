export type {
  AdapterCapabilities,
  ChangeBatch,
  Checkpoint,
  HelpdeskAdapter,
  RequestOptions,
  SinceFilter,
  TicketFilter,
} from './contract.js';
export { FULL_CAPABILITIES } from './contract.js';
export { createMemoryAdapter, type MemoryAdapterOptions } from './memory/index.js';
export {
  createRequestTrackerAdapter,
  type RequestTrackerAdapterOptions,
} from './request-tracker/index.js';
export { createTrelloAdapter, type TrelloAdapterOptions, trelloRateLimiter } from './trello/index.js';
export {
  createZendeskAdapter,
  type ZendeskAdapter,
  type ZendeskAdapterOptions,
  zendeskRateLimiter,
} from './zendesk/index.js';
