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
