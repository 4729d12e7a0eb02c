/**
 * Webhooks, verified and typed, platform-neutral: signature verification for Zendesk, Trello, Help Scout,
 * Intercom and Front; a signer for tests; payload parsing into canonical events; and a handler that does it all
 * for Node and for Fetch-API runtimes.
 *
 * @packageDocumentation
 */
export {
  createEventBus,
  type HelpdeskEvent,
  type HelpdeskEventBus,
  type HelpdeskEventMap,
  type HelpdeskEventType,
  publish,
  type TransportEvent,
} from '../events/index.js';
export { vendorEventId, type WebhookDeliveryIdInput, webhookDeliveryId } from './delivery-id.js';
export { FRONT_CHALLENGE_HEADER, type FrontWebhookScheme } from './front/signature.js';
export {
  createWebhookHandler,
  type FrontWebhookHandlerOptions,
  type SignedBodyWebhookHandlerOptions,
  type TrelloWebhookHandlerOptions,
  type WebhookHandler,
  type WebhookHandlerCommonOptions,
  type WebhookHandlerOptions,
} from './handler.js';
export { type ParseWebhookOptions, parseWebhookEvent } from './parse.js';
export { createMemorySeenStore, type MemorySeenStoreOptions, type WebhookSeenStore } from './seen-store.js';
export { type TrelloListMapping, trelloListStatus } from './trello/parse.js';
export {
  type HeaderInput,
  type RawBody,
  type SignedHeaders,
  type SignWebhookOptions,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  WEBHOOK_VENDORS,
  type WebhookVendor,
} from './types.js';
export { signWebhook, verifyWebhook, verifyWebhookSync } from './verify.js';
