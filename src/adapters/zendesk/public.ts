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
  articleFromZendesk,
  type BulkResult,
  bulkResults,
  channelFromVia,
  csatFromZendesk,
  customerFromZendesk,
  groupFromZendesk,
  htmlToText,
  ianaZoneFromZendesk,
  type MeasuredMinutes,
  messageCreateToZendesk,
  messageFromZendesk,
  messagesFromZendeskAudit,
  organizationFromZendesk,
  scheduleFromZendesk,
  slaFilterFromZendesk,
  slaPolicyFromZendesk,
  ticketCreateToZendesk,
  ticketEventsFromZendesk,
  ticketFromZendesk,
  ticketMetricsFromZendesk,
  ticketPatchToZendesk,
  type ZendeskTicketContext,
  type ZendeskTicketMetrics,
  type ZendeskTicketUpdate,
} from './map.js';
