/**
 * supportkit: typed models, helpdesk adapters and support metrics.
 *
 * The root holds what applications import: the models and their parse helpers, every error class, the auth
 * providers, the adapter contract and every adapter factory, the metrics, and the webhook entry points. Vendor
 * mappers live in `supportkit-ts/zendesk`, `supportkit-ts/request-tracker` and `supportkit-ts/trello`; transport building
 * blocks in `supportkit-ts/transport`; sync in `supportkit-ts/sync`; the dataset generator in `supportkit-ts/testing`;
 * the rest of webhooks (delivery ids, seen stores, vendor helpers) in `supportkit-ts/webhooks`.
 *
 * @example
 * ```ts
 * import { parseTicket, ValidationError } from 'supportkit-ts';
 * ```
 * @packageDocumentation
 */
export * from './adapters/index.js';
export type { AdapterTransportOptions } from './adapters/kit/transport.js';
export * from './care/index.js';
export * from './errors/index.js';
export {
  type AuthOption,
  type AuthProvider,
  apiTokenAuth,
  basicAuth,
  bearerAuth,
  clientCredentialsAuth,
  type OAuthTokens,
  oauthAuth,
  type PlainCredentials,
  tokenAuth,
  trelloAuth,
} from './http/auth.js';
export type { RequestOptions } from './http/client.js';
export type { RateLimiter } from './http/rate-limit.js';
export type { RetryPolicy } from './http/retry-policy.js';
export * from './metrics/index.js';
export * from './models/index.js';
export {
  createEventBus,
  createWebhookHandler,
  type FrontWebhookHandlerOptions,
  type FrontWebhookScheme,
  type HeaderInput,
  type HelpdeskEvent,
  type HelpdeskEventBus,
  type HelpdeskEventMap,
  type HelpdeskEventType,
  type ParseWebhookOptions,
  parseWebhookEvent,
  type RawBody,
  type SignedBodyWebhookHandlerOptions,
  type SignedHeaders,
  type SignWebhookOptions,
  signWebhook,
  type TransportEvent,
  type TrelloListMapping,
  type TrelloWebhookHandlerOptions,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookSync,
  type WebhookHandler,
  type WebhookHandlerCommonOptions,
  type WebhookHandlerOptions,
  type WebhookVendor,
} from './webhooks/index.js';
