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
export { createZendeskAdapter, type ZendeskAdapterOptions, zendeskRateLimiter } from './zendesk/index.js';
