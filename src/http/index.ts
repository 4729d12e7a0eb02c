/**
 * `supportkit-ts/transport`: the building blocks every adapter's transport is made of, for writing an adapter of
 * your own — the HTTP client (same-origin rule, retries, rate limits, redaction), pagination, rate limiters, the
 * retry policy, the error a failed response becomes, and URL redaction. Everyday use needs none of this: the
 * adapters build their transport themselves, and `supportkit-ts` exports the auth providers.
 *
 * @example
 * ```ts
 * import { createHttpClient, paginate } from 'supportkit-ts/transport';
 * const http = createHttpClient({ adapter: 'acme-desk', baseUrl: 'https://desk.example.com/api', auth: { token } });
 * ```
 * @packageDocumentation
 */
export { errorFromResponse, type FailedResponse, parseRetryAfter } from '../errors/from-response.js';
export { redactUrl } from '../errors/redact.js';
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
  resolveAuth,
  tokenAuth,
  trelloAuth,
} from './auth.js';
export {
  createHttpClient,
  type ExpectedBody,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type RequestOptions,
} from './client.js';
export { nextLink, type Page, paginate } from './paginate.js';
export { type Budget, createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limit.js';
export {
  DEFAULT_RETRY_POLICY,
  type FailedAttempt,
  type RetryPolicy,
  resolveRetryPolicy,
  retryDelay,
} from './retry-policy.js';
