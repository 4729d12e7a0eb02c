/** The helpdesks whose webhooks supportkit verifies. */
export type WebhookVendor = 'zendesk' | 'trello' | 'helpscout' | 'intercom' | 'front';

/** The vendors, for iteration and option checks. @example `WEBHOOK_VENDORS.includes('zendesk') // true` */
export const WEBHOOK_VENDORS: readonly WebhookVendor[] = [
  'zendesk',
  'trello',
  'helpscout',
  'intercom',
  'front',
];

/** Request headers as Fetch `Headers` or a Node-style record (any case, array values allowed). */
export type HeaderInput = Headers | Record<string, string | string[] | undefined>;

/** The body exactly as received: a string or bytes. A parsed object is refused. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** What every verification needs. */
export interface VerifyWebhookOptions {
  /** The request body exactly as received — not parsed and re-serialised. */
  rawBody: RawBody;
  headers: HeaderInput;
  /** The shared secret (Zendesk signing secret, Trello app secret, Intercom client secret, …). */
  secret: string;
  /** Trello signs the body plus the callback URL exactly as registered. Required for Trello. */
  callbackURL?: string;
  /** The clock, for replay checks. @default Date.now() */
  now?: Date | number;
  /**
   * Largest allowed age (and future skew) of a signed timestamp, in seconds (Zendesk, Front application
   * webhooks). @default 300
   */
  tolerance?: number;
  /**
   * Front only: which of Front's two schemes signed the request — `'rule'` (rule webhooks: HMAC-SHA1 of the
   * body with the API secret) or `'application'` (application webhooks: HMAC-SHA256 of `timestamp:body` with the
   * app's signing secret, with a replay window). @default 'rule'
   */
  frontScheme?: FrontWebhookScheme;
}

/** What a successful verification returns. */
export interface VerifiedWebhook {
  vendor: WebhookVendor;
  /** The signed timestamp, for schemes that send one (Zendesk, Front application webhooks). */
  timestamp?: Date;
}

/** Headers that make a signed request, as {@link signWebhook} returns them. */
export type SignedHeaders = Record<string, string>;

/** What {@link signWebhook} needs. */
export interface SignWebhookOptions {
  body: string | Uint8Array;
  secret: string;
  /** Trello: the callback URL as registered. */
  callbackURL?: string;
  /**
   * Zendesk and Front application webhooks: the timestamp to sign, as the models take an instant (a Date, an ISO
   * 8601 string with offset, or epoch milliseconds). @default now
   */
  timestamp?: Date | string | number;
  /** Front only: `'rule'` or `'application'`, as in {@link VerifyWebhookOptions}. @default 'rule' */
  frontScheme?: FrontWebhookScheme;
}

/**
 * How a Front webhook is signed: `'rule'` (rule webhooks, the older scheme: HMAC-SHA1 of the body) or
 * `'application'` (application webhooks: HMAC-SHA256 of `timestamp:body`, with a replay window).
 *
 * @example
 * ```ts
 * const scheme: FrontWebhookScheme = 'application';
 * await verifyWebhook('front', { rawBody, headers, secret: appSecret, frontScheme: scheme });
 * ```
 */
export type FrontWebhookScheme = 'rule' | 'application';
