import { AuthenticationError, NetworkError } from '../errors/api.js';
import { redactUrl } from '../errors/redact.js';
import { invalidOption, ValidationError } from '../errors/validation.js';
import { urlOption } from './url-option.js';

/** Tokens after an OAuth exchange; persist them through `onTokens`: refresh tokens rotate. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  /** When the access token expires, if the server said (`expires_in`). */
  expiresAt?: Date;
}

/**
 * Supplies credentials to the transport. `refresh` is called once after a 401 (and before expiry when known);
 * it returns true when new credentials are ready and the request should be tried again.
 */
export interface AuthProvider {
  readonly kind: string;
  headers(): Promise<Record<string, string>>;
  /**
   * Called after a 401 with the headers that request carried. When they are no longer the current credentials
   * (another request already refreshed them), a provider returns true without refreshing again: the request is
   * retried with the current ones. So there is one refresh per credential generation, however many 401s arrive.
   */
  refresh?(rejected?: Record<string, string>): Promise<boolean>;
  /** Every secret this provider holds, so the transport can prove none leaks into errors or events. */
  secrets(): string[];
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * Zendesk API-token auth: Basic `{email}/token:{token}`. Zendesk stops issuing API tokens on 2026-10-27 and
 * turns them off on 2027-04-30; prefer {@link oauthAuth} or {@link clientCredentialsAuth}.
 *
 * @example
 * ```ts
 * apiTokenAuth({ email: 'agent@acme.com', token: process.env.ZENDESK_API_TOKEN! });
 * ```
 */
export function apiTokenAuth(options: { email: string; token: string }): AuthProvider {
  if (!options?.email || !options.token) throw invalidOption('apiTokenAuth', '', 'needs "email" and "token"');
  const header = `Basic ${base64(`${options.email}/token:${options.token}`)}`;
  return {
    kind: 'api-token',
    headers: async () => ({ authorization: header }),
    secrets: () => [options.token, header],
  };
}

/**
 * A fixed bearer token (a personal access token, or an OAuth access token managed elsewhere).
 *
 * @example
 * ```ts
 * bearerAuth(process.env.RT_TOKEN!);
 * ```
 */
export function bearerAuth(token: string): AuthProvider {
  if (!token) throw invalidOption('bearerAuth', 'token', 'is required');
  return {
    kind: 'bearer',
    headers: async () => ({ authorization: `Bearer ${token}` }),
    secrets: () => [token],
  };
}

/**
 * HTTP basic auth with a username and password (Request Tracker's REST2 accepts it; prefer its auth tokens).
 *
 * @example
 * ```ts
 * basicAuth({ username: 'root', password: process.env.RT_PASSWORD! });
 * ```
 */
export function basicAuth(options: { username: string; password: string }): AuthProvider {
  if (!options?.username || !options.password)
    throw invalidOption('basicAuth', '', 'needs "username" and "password"');
  const header = `Basic ${base64(`${options.username}:${options.password}`)}`;
  return {
    kind: 'basic',
    headers: async () => ({ authorization: header }),
    secrets: () => [options.password, header, header.slice('Basic '.length)],
  };
}

/**
 * A token sent as `Authorization: <scheme> <token>`: Request Tracker's auth tokens use the scheme `token`.
 *
 * @example
 * ```ts
 * tokenAuth(process.env.RT_TOKEN!); // Authorization: token 1-14-…
 * ```
 */
export function tokenAuth(token: string, scheme = 'token'): AuthProvider {
  if (typeof token !== 'string' || !token)
    throw invalidOption('tokenAuth', 'token', 'must be a non-empty string');
  if (typeof scheme !== 'string' || !/^[A-Za-z][\w-]*$/.test(scheme))
    throw invalidOption('tokenAuth', 'scheme', 'must be one word');
  return {
    kind: scheme.toLowerCase(),
    headers: async () => ({ authorization: `${scheme} ${token}` }),
    secrets: () => [token],
  };
}

/**
 * Trello's key and token, sent in the `Authorization: OAuth oauth_consumer_key="…", oauth_token="…"` header —
 * never in a URL, where logs and proxies would keep them.
 *
 * @example
 * ```ts
 * trelloAuth({ key: process.env.TRELLO_KEY!, token: process.env.TRELLO_TOKEN! });
 * ```
 */
export function trelloAuth(options: { key: string; token: string }): AuthProvider {
  if (!options?.key || !options.token) throw invalidOption('trelloAuth', '', 'needs "key" and "token"');
  const header = `OAuth oauth_consumer_key="${options.key}", oauth_token="${options.token}"`;
  return {
    kind: 'trello',
    headers: async () => ({ authorization: header }),
    secrets: () => [options.key, options.token, header],
  };
}

interface TokenEndpoint {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

async function requestTokens(
  endpoint: TokenEndpoint,
  form: Record<string, string>,
  now: () => number,
): Promise<OAuthTokens> {
  const doFetch = endpoint.fetch ?? globalThis.fetch;
  const where = { adapter: 'oauth', method: 'POST', url: redactUrl(endpoint.tokenUrl) };
  let response: Response;
  try {
    response = await doFetch(endpoint.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: endpoint.clientId,
        client_secret: endpoint.clientSecret,
        ...form,
      }).toString(),
    });
  } catch (error) {
    // fetch says only "fetch failed"; the reason is in its cause. Keep the code, not the error (it may quote
    // the request).
    const cause = (error as { cause?: { code?: unknown } })?.cause;
    const code = typeof cause?.code === 'string' ? cause.code : 'the token request failed';
    throw new NetworkError(where, code);
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // handled below: a token response must be JSON
  }
  if (!response.ok || typeof body.access_token !== 'string') {
    // Never echo the response body: it may hold a token or the client secret in an error description.
    throw new AuthenticationError({ ...where, status: response.ok ? 401 : response.status });
  }
  const tokens: OAuthTokens = { accessToken: body.access_token };
  if (typeof body.refresh_token === 'string') tokens.refreshToken = body.refresh_token;
  if (typeof body.expires_in === 'number') tokens.expiresAt = new Date(now() + body.expires_in * 1000);
  return tokens;
}

/** Refresh this long before a known expiry, so a request never races the deadline. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * OAuth bearer auth with refresh-token rotation: on a 401 (or within a minute of a known expiry) it exchanges
 * the refresh token for new tokens — both replaced, as rotating servers require — and hands them to `onTokens`
 * to persist. Concurrent requests share one refresh.
 *
 * @example
 * ```ts
 * oauthAuth({
 *   accessToken, refreshToken, clientId, clientSecret,
 *   tokenUrl: 'https://acme.zendesk.com/oauth/tokens',
 *   onTokens: (tokens) => saveSecrets(tokens),
 * });
 * ```
 */
export function oauthAuth(
  options: TokenEndpoint & {
    accessToken: string;
    refreshToken: string;
    expiresAt?: Date;
    onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
    now?: () => number;
  },
): AuthProvider {
  if (
    !options?.accessToken ||
    !options.refreshToken ||
    !options.tokenUrl ||
    !options.clientId ||
    !options.clientSecret
  ) {
    throw invalidOption(
      'oauthAuth',
      '',
      'needs "accessToken", "refreshToken", "tokenUrl", "clientId" and "clientSecret"',
    );
  }
  urlOption('oauthAuth', 'tokenUrl', options.tokenUrl);
  const now = options.now ?? Date.now;
  let current: OAuthTokens = { accessToken: options.accessToken, refreshToken: options.refreshToken };
  if (options.expiresAt) current.expiresAt = options.expiresAt;
  const seen = new Set([options.accessToken, options.refreshToken, options.clientSecret]);
  let inflight: Promise<boolean> | null = null;
  const rotate = () => {
    inflight ??= (async () => {
      try {
        const next = await requestTokens(
          options,
          { grant_type: 'refresh_token', refresh_token: current.refreshToken! },
          now,
        );
        current = { ...next, refreshToken: next.refreshToken ?? current.refreshToken! };
        seen.add(current.accessToken);
        if (current.refreshToken) seen.add(current.refreshToken);
        await options.onTokens?.(current);
        return true;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };
  const header = () => `Bearer ${current.accessToken}`;
  return {
    kind: 'oauth',
    async headers() {
      // A refresh under way: wait for it rather than send a token that is being replaced.
      if (inflight) await inflight.catch(() => undefined);
      if (current.expiresAt && current.expiresAt.getTime() - now() < EXPIRY_MARGIN_MS) await rotate();
      return { authorization: header() };
    },
    refresh: async (rejected) => {
      if (inflight) return inflight;
      // A late 401 for a token already replaced: retry with the current one, do not rotate again.
      if (rejected?.authorization !== undefined && rejected.authorization !== header()) return true;
      return rotate();
    },
    secrets: () => [...seen],
  };
}

/**
 * OAuth client-credentials auth: mints an access token on first use and again before it expires
 * (`expires_in`), or after a 401.
 *
 * @example
 * ```ts
 * clientCredentialsAuth({ tokenUrl: 'https://acme.zendesk.com/oauth/tokens', clientId, clientSecret, scope: 'read' });
 * ```
 */
export function clientCredentialsAuth(
  options: TokenEndpoint & { scope?: string; now?: () => number },
): AuthProvider {
  if (!options?.tokenUrl || !options.clientId || !options.clientSecret) {
    throw invalidOption('clientCredentialsAuth', '', 'needs "tokenUrl", "clientId" and "clientSecret"');
  }
  urlOption('clientCredentialsAuth', 'tokenUrl', options.tokenUrl);
  const now = options.now ?? Date.now;
  let current: OAuthTokens | null = null;
  const seen = new Set([options.clientSecret]);
  let inflight: Promise<boolean> | null = null;
  const mint = () => {
    inflight ??= (async () => {
      try {
        current = await requestTokens(
          options,
          { grant_type: 'client_credentials', ...(options.scope ? { scope: options.scope } : {}) },
          now,
        );
        seen.add(current.accessToken);
        return true;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };
  return {
    kind: 'client-credentials',
    async headers() {
      if (inflight) await inflight.catch(() => undefined);
      if (!current || (current.expiresAt && current.expiresAt.getTime() - now() < EXPIRY_MARGIN_MS))
        await mint();
      return { authorization: `Bearer ${current!.accessToken}` };
    },
    refresh: async (rejected) => {
      if (inflight) return inflight;
      // A late 401 for a token already replaced: retry with the current one, do not mint again.
      if (
        current &&
        rejected?.authorization !== undefined &&
        rejected.authorization !== `Bearer ${current.accessToken}`
      )
        return true;
      return mint();
    },
    secrets: () => [...seen],
  };
}

/**
 * Plain credentials an adapter's `auth` option also takes, turned into a provider by {@link resolveAuth}.
 *
 * @example
 * ```ts
 * const credentials: PlainCredentials = { email: 'agent@acme.com', token: process.env.ZENDESK_API_TOKEN! };
 * ```
 */
export type PlainCredentials =
  | { email: string; token: string }
  | { username: string; password: string }
  | { key: string; token: string }
  | { token: string };

/**
 * What an adapter's `auth` option accepts: a provider, or plain credentials where their meaning is clear.
 *
 * @example
 * ```ts
 * const auth: AuthOption = process.env.RT_TOKEN ? { token: process.env.RT_TOKEN } : basicAuth({ username, password });
 * ```
 */
export type AuthOption = AuthProvider | PlainCredentials;

const isProvider = (value: unknown): value is AuthProvider =>
  typeof (value as AuthProvider)?.headers === 'function' &&
  typeof (value as AuthProvider)?.secrets === 'function';

const has = (value: object, key: string) =>
  typeof (value as Record<string, unknown>)[key] === 'string' &&
  (value as Record<string, string>)[key] !== '';

/**
 * Turns an `auth` option into a provider, in one place for every adapter: a provider is used as it is;
 * `{ email, token }` becomes {@link apiTokenAuth} (Zendesk API tokens), `{ username, password }`
 * {@link basicAuth}, `{ key, token }` {@link trelloAuth}, and a lone `{ token }` a token with the adapter's
 * scheme (`Bearer`, or RT's `token`). Anything else is a ValidationError naming the option — never echoing it.
 *
 * @example
 * ```ts
 * resolveAuth({ email: 'agent@acme.com', token: process.env.ZENDESK_API_TOKEN! }).kind; // 'api-token'
 * resolveAuth({ token: 'abc' }).kind; // 'bearer'
 * resolveAuth({ token: 'abc' }, { option: 'auth', tokenScheme: 'token' }).kind; // 'token'
 * ```
 */
export function resolveAuth(
  value: unknown,
  context: { option?: string; tokenScheme?: string } = {},
): AuthProvider {
  if (typeof context !== 'object' || context === null) context = {};
  if (isProvider(value)) return value;
  const option = context.option ?? 'auth';
  const refuse = (message: string): never => {
    throw new ValidationError('auth option', [{ path: [option], code: 'custom', message }]);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return refuse('must be an auth provider (apiTokenAuth, oauthAuth, …) or plain credentials');
  const keys = Object.keys(value).sort().join(',');
  if (keys === 'email,token' && has(value, 'email') && has(value, 'token'))
    return apiTokenAuth(value as { email: string; token: string });
  if (keys === 'password,username' && has(value, 'username') && has(value, 'password'))
    return basicAuth(value as { username: string; password: string });
  if (keys === 'key,token' && has(value, 'key') && has(value, 'token'))
    return trelloAuth(value as { key: string; token: string });
  if (keys === 'token' && has(value, 'token')) {
    const token = (value as { token: string }).token;
    const scheme = context.tokenScheme ?? 'Bearer';
    return scheme === 'Bearer' ? bearerAuth(token) : tokenAuth(token, scheme);
  }
  return refuse(
    'plain credentials must be exactly { email, token }, { username, password }, { key, token } or { token }, with non-empty strings; otherwise pass an auth provider',
  );
}
