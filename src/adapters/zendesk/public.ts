/**
 * `supportkit/zendesk`: the Zendesk Support adapter, its rate-limit budgets, and the pure wire ⇄ canonical
 * mapping for callers who fetch Zendesk JSON themselves.
 *
 * @packageDocumentation
 */
export {
  createZendeskAdapter,
  type TicketExportPage,
  type ZendeskAdapter,
  type ZendeskAdapterOptions,
  zendeskRateLimiter,
} from './index.js';
export {
  agentFromZendesk,
  channelFromVia,
  csatFromZendesk,
  customerFromZendesk,
  groupFromZendesk,
  messageCreateToZendesk,
  messageFromZendesk,
  organizationFromZendesk,
  ticketCreateToZendesk,
  ticketFromZendesk,
  ticketPatchToZendesk,
} from './map.js';
