import { invalidOption } from '../errors/validation.js';
import { WebhookVerificationError } from '../errors/webhook.js';
import { type HelpdeskEvent, type HelpdeskEventBus, publish } from '../events/index.js';
import { concatBytes, toBytes } from './crypto.js';
import { webhookDeliveryId } from './delivery-id.js';
import { FRONT_CHALLENGE_HEADER, type FrontWebhookScheme } from './front/signature.js';
import { getHeader } from './headers.js';
import { type ParseWebhookOptions, parseWebhookEvent } from './parse.js';
import { schemeFor } from './schemes.js';
import { createMemorySeenStore, type WebhookSeenStore } from './seen-store.js';
import type { TrelloListMapping } from './trello/parse.js';
import type { HeaderInput, RawBody, WebhookVendor } from './types.js';
import { verifyWebhook } from './verify.js';

/** The options of {@link createWebhookHandler} that every vendor takes. */
export interface WebhookHandlerCommonOptions {
  /** The webhook's signing secret, as the vendor shows it. */
  secret: string;
  /** Called with each verified event; a throw answers 500 so the vendor retries. */
  onEvent?: (event: HelpdeskEvent) => void | Promise<void>;
  /** Also publish each event on this bus. */
  bus?: HelpdeskEventBus;
  /** Called when a request is refused, with the reason (never the body or secret) — for logs and metrics. */
  onRejected?: (reason: string, status: number) => void;
  /** Replay window of signed timestamps in seconds (Zendesk, Front application webhooks). @default 300 */
  tolerance?: number;
  /** Largest body accepted, in bytes; reading stops as soon as a body passes it. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
  /**
   * Where dispatched delivery ids are remembered, so a replayed or redelivered webhook is answered 200 without
   * reaching `onEvent` and the bus twice. Pass a shared store (e.g. Redis, see docs/webhooks.md) when several
   * processes receive webhooks; `false` turns deduplication off.
   * @default createMemorySeenStore() — this process only, 10000 ids
   */
  seen?: WebhookSeenStore | false;
  /** How long a delivery id is remembered, in milliseconds. @default 259200000 (72 hours) */
  seenTtlMs?: number;
}

/**
 * Options of a Trello webhook handler: Trello signs the body together with the callback URL, so the URL is
 * required.
 * @example `createWebhookHandler({ vendor: 'trello', secret, callbackURL: 'https://hooks.example.com/trello' })`
 */
export interface TrelloWebhookHandlerOptions extends WebhookHandlerCommonOptions {
  vendor: 'trello';
  /** The callback URL exactly as registered with Trello (it is part of what Trello signs). */
  callbackURL: string;
  /** Trello list name → status. */
  trelloLists?: TrelloListMapping;
}

/**
 * Options of a Front webhook handler.
 * @example `createWebhookHandler({ vendor: 'front', secret, frontScheme: 'application' })`
 */
export interface FrontWebhookHandlerOptions extends WebhookHandlerCommonOptions {
  vendor: 'front';
  /**
   * `'rule'` for rule webhooks (HMAC-SHA1 of the body), `'application'` for application webhooks (HMAC-SHA256 of
   * `timestamp:body`, replay window `tolerance`). @default 'rule'
   */
  frontScheme?: FrontWebhookScheme;
}

/**
 * Options of a Zendesk, Help Scout or Intercom webhook handler: nothing beyond the common options.
 * @example `createWebhookHandler({ vendor: 'zendesk', secret, onEvent })`
 */
export interface SignedBodyWebhookHandlerOptions extends WebhookHandlerCommonOptions {
  vendor: 'zendesk' | 'helpscout' | 'intercom';
}

/**
 * Options of {@link createWebhookHandler}, by vendor: what one vendor needs (Trello's `callbackURL`) is required
 * at compile time, and what it cannot use (`frontScheme` for Zendesk) is a type error.
 *
 * @example
 * ```ts
 * const options: WebhookHandlerOptions = { vendor: 'trello', secret, callbackURL: 'https://hooks.example.com/trello' };
 * ```
 */
export type WebhookHandlerOptions =
  | TrelloWebhookHandlerOptions
  | FrontWebhookHandlerOptions
  | SignedBodyWebhookHandlerOptions;

/** Every vendor's options at once, as the implementation reads them (it checks them at run time too). */
type AnyVendorOptions = WebhookHandlerCommonOptions & {
  vendor: WebhookVendor;
  callbackURL?: string;
  trelloLists?: TrelloListMapping;
  frontScheme?: FrontWebhookScheme;
};

/** A minimal view of Node's IncomingMessage and ServerResponse, so this module imports nothing from Node. */
interface NodeRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  readableEnded?: boolean;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
  removeListener?(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  pause?(): unknown;
  destroy?(): unknown;
}
interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string, callback?: () => void): unknown;
}

/** Both handler shapes over one implementation. */
export interface WebhookHandler {
  /**
   * A Node `(req, res)` listener: http.createServer(handler.node), or an Express/Fastify route — without a body
   * parser, or after a raw/text one (`req.body` a string or Buffer).
   */
  node: (req: NodeRequest, res: NodeResponse) => void;
  /** A Fetch-API handler: Deno.serve, Bun.serve, Cloudflare Workers, Next.js route handlers, Hono. */
  fetch: (request: Request) => Promise<Response>;
}

interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

class BodyTooLarge extends Error {}

const DEFAULT_SEEN_TTL_MS = 72 * 60 * 60 * 1000;

function isRawBody(value: unknown): value is RawBody {
  return typeof value === 'string' || value instanceof Uint8Array || value instanceof ArrayBuffer;
}

/**
 * One correct line to receive a helpdesk's webhooks: reads the raw body itself (or takes the string or bytes a
 * raw/text body parser left on `req.body`), verifies the signature, parses the event, hands it to `onEvent` (and
 * the bus) once per delivery id, and answers — 200 on success and on a replay (not dispatched again), 401 on a
 * failed verification, 400 on a verified body that is not JSON, 413 as soon as the body passes `maxBodyBytes`
 * (reading stops; Node also closes the connection), 405 on other methods, 500 when `onEvent` throws (the
 * delivery id is released so the retry is dispatched) or a body parser left a parsed object. Trello's HEAD
 * check gets 200; Front's X-Front-Challenge handshake, once verified, gets 200 `{ "challenge": value }`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createWebhookHandler } from 'supportkit-ts/webhooks';
 * const handler = createWebhookHandler({
 *   vendor: 'zendesk',
 *   secret: process.env.ZENDESK_WEBHOOK_SECRET!,
 *   onEvent: (event) => console.log(event.type, event.id),
 * });
 * createServer(handler.node).listen(3000);
 * // or, on an edge runtime: export default { fetch: handler.fetch };
 * ```
 */
export function createWebhookHandler(handlerOptions: WebhookHandlerOptions): WebhookHandler {
  const options = handlerOptions as AnyVendorOptions;
  const scheme = schemeFor(options?.vendor, options, 'createWebhookHandler');
  if (typeof options.secret !== 'string' || options.secret === '') {
    throw invalidOption('createWebhookHandler', 'secret', 'must be a non-empty string');
  }
  if (scheme.needsCallbackURL && !options.callbackURL) {
    throw invalidOption('createWebhookHandler', 'callbackURL', `is required for ${options.vendor}`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1 << 20;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw invalidOption('createWebhookHandler', 'maxBodyBytes', 'must be an integer ≥ 0');
  }
  const seenTtlMs = options.seenTtlMs ?? DEFAULT_SEEN_TTL_MS;
  if (!Number.isSafeInteger(seenTtlMs) || seenTtlMs < 1) {
    throw invalidOption('createWebhookHandler', 'seenTtlMs', 'must be a whole number of milliseconds ≥ 1');
  }
  const seen = options.seen === false ? undefined : (options.seen ?? createMemorySeenStore());
  if (seen && (typeof seen.claim !== 'function' || typeof seen.release !== 'function')) {
    throw invalidOption('createWebhookHandler', 'seen', 'must have claim(id, ttlMs) and release(id)');
  }

  const reject = (status: number, reason: string, message: string): Outcome => {
    options.onRejected?.(reason, status);
    return { status, body: { error: reason, message } };
  };
  const tooLarge = () => reject(413, 'body_too_large', `Body over ${maxBodyBytes} bytes`);

  // Deliveries being dispatched right now, by store key → whether dispatch succeeded.
  const inFlight = new Map<string, Promise<boolean>>();

  async function dispatch(event: HelpdeskEvent): Promise<void> {
    await options.onEvent?.(event);
    if (options.bus) publish(options.bus, event);
  }

  async function handle(
    method: string,
    headers: HeaderInput,
    read: () => Promise<unknown>,
  ): Promise<Outcome> {
    if (method === 'HEAD') return { status: 200, body: {} };
    if (method !== 'POST') return reject(405, 'method_not_allowed', 'Webhooks are POSTed');
    let rawBody: unknown;
    try {
      rawBody = await read();
    } catch (error) {
      if (error instanceof BodyTooLarge) return tooLarge();
      return reject(400, 'unreadable_body', 'The request body could not be read');
    }
    if (isRawBody(rawBody) && toBytes(rawBody).byteLength > maxBodyBytes) return tooLarge();
    try {
      await verifyWebhook(options.vendor, {
        rawBody: rawBody as RawBody,
        headers,
        secret: options.secret,
        ...(options.callbackURL ? { callbackURL: options.callbackURL } : {}),
        ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
        ...(options.frontScheme ? { frontScheme: options.frontScheme } : {}),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        // A parsed body is our own misconfiguration (a JSON body parser ran first), not the sender's fault.
        return reject(error.reason === 'parsed_body' ? 500 : 401, error.reason, error.message);
      }
      throw error;
    }
    const body = toBytes(rawBody as RawBody);
    // Front checks a new application webhook by sending a signed request with a random challenge, which must come
    // back in the answer (https://dev.frontapp.com/docs/application-webhooks). It is not an event.
    const challenge = options.vendor === 'front' ? getHeader(headers, FRONT_CHALLENGE_HEADER) : undefined;
    if (challenge !== undefined) return { status: 200, body: { challenge } };
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return reject(400, 'invalid_payload', 'The verified body is not JSON');
    }
    const deliveryId = await webhookDeliveryId(options.vendor, {
      rawBody: body,
      headers,
      payload,
      ...(options.frontScheme ? { frontScheme: options.frontScheme } : {}),
    });
    const parseOptions: ParseWebhookOptions = { headers, deliveryId };
    if (options.trelloLists) parseOptions.trelloLists = options.trelloLists;
    const event = parseWebhookEvent(options.vendor, payload, parseOptions);
    // The store may be shared by several handlers: the vendor keeps their ids apart.
    const key = `${options.vendor}:${deliveryId}`;
    if (seen) {
      let fresh: boolean;
      try {
        fresh = await seen.claim(key, seenTtlMs);
      } catch {
        return reject(
          500,
          'seen_store_failed',
          'The replay store could not be reached; the sender may retry',
        );
      }
      if (!fresh) {
        // A duplicate of a delivery this process is still dispatching shares its fate: if that fails, this
        // answer must not tell the vendor the event was taken.
        const pending = inFlight.get(key);
        if (pending && !(await pending)) {
          return reject(500, 'handler_failed', 'The event handler failed; the sender may retry');
        }
        return { status: 200, body: { ok: true, type: event.type, duplicate: true } };
      }
    }
    const done = dispatch(event).then(
      () => true,
      () => false,
    );
    inFlight.set(key, done);
    const ok = await done;
    inFlight.delete(key);
    if (!ok) {
      // Unclaim, so the vendor's retry of this delivery is dispatched rather than taken for a replay.
      await seen?.release(key).catch(() => undefined);
      return reject(500, 'handler_failed', 'The event handler failed; the sender may retry');
    }
    return { status: 200, body: { ok: true, type: event.type } };
  }

  return {
    node(req, res) {
      let stopReading = () => {};
      const read = () =>
        new Promise<unknown>((resolve, reject) => {
          // A raw or text body parser that ran first leaves the body on req.body (a Buffer or string) and the
          // stream consumed; a JSON one leaves an object, which verifyWebhook refuses with a message saying so.
          if (isRawBody(req.body) || (req.readableEnded && req.body !== undefined)) {
            resolve(req.body);
            return;
          }
          if (req.readableEnded) {
            resolve(undefined); // consumed by someone else, nothing left to verify
            return;
          }
          const chunks: Uint8Array[] = [];
          let size = 0;
          let settled = false;
          const onData = (chunk: Uint8Array | string) => {
            if (settled) return;
            const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
            size += bytes.length;
            if (size > maxBodyBytes) {
              settled = true;
              stopReading();
              reject(new BodyTooLarge());
            } else chunks.push(bytes);
          };
          stopReading = () => {
            req.removeListener?.('data', onData);
            req.pause?.();
          };
          req.on('data', onData);
          req.on('end', () => {
            if (settled) return;
            settled = true;
            resolve(concatBytes(...chunks));
          });
          req.on('error', (error) => {
            if (settled) return;
            settled = true;
            reject(error);
          });
        });
      handle((req.method ?? 'GET').toUpperCase(), req.headers, read)
        .catch((): Outcome => ({ status: 500, body: { error: 'internal_error' } }))
        .then((outcome) => {
          res.statusCode = outcome.status;
          res.setHeader('content-type', 'application/json');
          if (outcome.status !== 413) {
            res.end(JSON.stringify(outcome.body));
            return;
          }
          // The rest of an oversized body is never read: close the connection once the answer is out, rather
          // than drain what may be hundreds of megabytes into a keep-alive socket.
          res.setHeader('connection', 'close');
          res.end(JSON.stringify(outcome.body), () => {
            stopReading();
            req.destroy?.();
          });
        });
    },
    async fetch(request) {
      const read = async (): Promise<Uint8Array> => {
        const declared = Number(request.headers.get('content-length') ?? '0');
        if (declared > maxBodyBytes) {
          request.body?.cancel().catch(() => undefined);
          throw new BodyTooLarge();
        }
        const reader = request.body?.getReader();
        if (!reader) return new Uint8Array(0);
        // Count while streaming: without a Content-Length (chunked) the size is known only as it arrives.
        const chunks: Uint8Array[] = [];
        let size = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxBodyBytes) {
            reader.cancel().catch(() => undefined);
            throw new BodyTooLarge();
          }
          chunks.push(value);
        }
        return concatBytes(...chunks);
      };
      const outcome = await handle(request.method.toUpperCase(), request.headers, read).catch(
        (): Outcome => ({ status: 500, body: { error: 'internal_error' } }),
      );
      return new Response(request.method.toUpperCase() === 'HEAD' ? null : JSON.stringify(outcome.body), {
        status: outcome.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}
