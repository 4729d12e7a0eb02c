/**
 * `supportkit/zendesk`: the Zendesk Support adapter, its rate-limit budgets, and the pure wire ⇄ canonical
 * mapping for callers who fetch Zendesk JSON themselves.
 *
 * @packageDocumentation
 */
export {
  type BulkOptions,
  createZendeskAdapter,
  type TicketExportPage,
  type UserExportPage,
  type ZendeskAdapter,
  type ZendeskAdapterOptions,
  zendeskRateLimiter,
} from './index.js';
export {
  agentFromZendesk,
  type BulkResult,
  bulkResults,
  channelFromVia,
  csatFromZendesk,
  customerFromZendesk,
  groupFromZendesk,
  ianaZoneFromZendesk,
  type MeasuredMinutes,
  messageCreateToZendesk,
  messageFromZendesk,
  messagesFromZendeskAudit,
  organizationFromZendesk,
  scheduleFromZendesk,
  ticketCreateToZendesk,
  ticketEventsFromZendesk,
  ticketFromZendesk,
  ticketMetricsFromZendesk,
  ticketPatchToZendesk,
  type ZendeskTicketContext,
  type ZendeskTicketMetrics,
  type ZendeskTicketUpdate,
} from './map.js';
