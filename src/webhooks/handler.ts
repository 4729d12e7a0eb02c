import { WebhookVerificationError } from '../errors/webhook.js';
import { type HelpdeskEvent, type HelpdeskEventBus, publish } from '../events/index.js';
import { type ParseWebhookOptions, parseWebhookEvent } from './parse.js';
import { schemeFor } from './schemes.js';
import type { TrelloListMapping } from './trello/parse.js';
import type { WebhookVendor } from './types.js';
import { verifyWebhook } from './verify.js';

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  vendor: WebhookVendor;
  secret: string;
  /** Trello: the callback URL exactly as registered. */
  callbackURL?: string;
  /** Called with each verified event; a throw answers 500 so the vendor retries. */
  onEvent?: (event: HelpdeskEvent) => void | Promise<void>;
  /** Also publish each event on this bus. */
  bus?: HelpdeskEventBus;
  /** Called when a request is refused, with the reason (never the body or secret) — for logs and metrics. */
  onRejected?: (reason: string, status: number) => void;
  /** Zendesk replay window in seconds. @default 300 */
  tolerance?: number;
  /** Trello list name → status. */
  trelloLists?: TrelloListMapping;
  /** Largest body accepted, in bytes. @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
}

/** A minimal view of Node's IncomingMessage and ServerResponse, so this module imports nothing from Node. */
interface NodeRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  readableEnded?: boolean;
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
}
interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** Both handler shapes over one implementation. */
export interface WebhookHandler {
  /** A Node `(req, res)` listener: http.createServer(handler.node), or an Express/Fastify route without a body parser. */
  node: (req: NodeRequest, res: NodeResponse) => void;
  /** A Fetch-API handler: Deno.serve, Bun.serve, Cloudflare Workers, Next.js route handlers, Hono. */
  fetch: (request: Request) => Promise<Response>;
}

interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

class BodyTooLarge extends Error {}

/**
 * One correct line to receive a helpdesk's webhooks: reads the raw body itself, verifies the signature, parses
 * the event, hands it to `onEvent` (and the bus), and answers — 200 on success, 401 on a failed verification,
 * 400 on a verified body that is not JSON, 413 on an oversized body, 405 on other methods, 500 when `onEvent`
 * throws or a body parser consumed the body first. Trello's HEAD check at registration gets 200.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createWebhookHandler } from 'supportkit/webhooks';
 * const handler = createWebhookHandler({
 *   vendor: 'zendesk',
 *   secret: process.env.ZENDESK_WEBHOOK_SECRET!,
 *   onEvent: (event) => console.log(event.type),
 * });
 * createServer(handler.node).listen(3000);
 * // or, on an edge runtime: export default { fetch: handler.fetch };
 * ```
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const scheme = schemeFor(options?.vendor);
  if (typeof options.secret !== 'string' || options.secret === '') {
    throw new TypeError('createWebhookHandler: option "secret" must be a non-empty string');
  }
  if (scheme.needsCallbackURL && !options.callbackURL) {
    throw new TypeError(`createWebhookHandler: option "callbackURL" is required for ${options.vendor}`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1 << 20;

  const reject = (status: number, reason: string, message: string): Outcome => {
    options.onRejected?.(reason, status);
    return { status, body: { error: reason, message } };
  };

  async function handle(
    method: string,
    headers: Headers | Record<string, string | string[] | undefined>,
    read: () => Promise<Uint8Array | unknown>,
  ): Promise<Outcome> {
    if (method === 'HEAD') return { status: 200, body: {} };
    if (method !== 'POST') return reject(405, 'method_not_allowed', 'Webhooks are POSTed');
    let rawBody: unknown;
    try {
      rawBody = await read();
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return reject(413, 'body_too_large', `Body over ${maxBodyBytes} bytes`);
      return reject(400, 'unreadable_body', 'The request body could not be read');
    }
    try {
      await verifyWebhook(options.vendor, {
        rawBody: rawBody as Uint8Array,
        headers,
        secret: options.secret,
        ...(options.callbackURL ? { callbackURL: options.callbackURL } : {}),
        ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        // A parsed body is our own misconfiguration (a JSON body parser ran first), not the sender's fault.
        return reject(error.reason === 'parsed_body' ? 500 : 401, error.reason, error.message);
      }
      throw error;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder().decode(rawBody as Uint8Array));
    } catch {
      return reject(400, 'invalid_payload', 'The verified body is not JSON');
    }
    const parseOptions: ParseWebhookOptions = { headers };
    if (options.trelloLists) parseOptions.trelloLists = options.trelloLists;
    const event = parseWebhookEvent(options.vendor, payload, parseOptions);
    try {
      await options.onEvent?.(event);
      if (options.bus) publish(options.bus, event);
    } catch {
      return reject(500, 'handler_failed', 'The event handler failed; the sender may retry');
    }
    return { status: 200, body: { ok: true, type: event.type } };
  }

  return {
    node(req, res) {
      const read = () =>
        new Promise<Uint8Array | unknown>((resolve, reject) => {
          // A body parser that ran first leaves the parsed body on req.body and the stream consumed.
          if (req.readableEnded && req.body !== undefined) {
            resolve(req.body); // a string or bytes verifies; a parsed object is refused by verifyWebhook
            return;
          }
          const chunks: Uint8Array[] = [];
          let size = 0;
          req.on('data', (chunk) => {
            const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
            size += bytes.length;
            if (size > maxBodyBytes) reject(new BodyTooLarge());
            else chunks.push(bytes);
          });
          req.on('end', () => {
            const body = new Uint8Array(size);
            let offset = 0;
            for (const chunk of chunks) {
              body.set(chunk, offset);
              offset += chunk.length;
            }
            resolve(body);
          });
          req.on('error', (error) => reject(error));
        });
      handle((req.method ?? 'GET').toUpperCase(), req.headers, read)
        .catch(() => ({ status: 500, body: { error: 'internal_error' } }))
        .then((outcome) => {
          res.statusCode = outcome.status;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(outcome.body));
        });
    },
    async fetch(request) {
      const read = async () => {
        const declared = Number(request.headers.get('content-length') ?? '0');
        if (declared > maxBodyBytes) throw new BodyTooLarge();
        const body = new Uint8Array(await request.arrayBuffer());
        if (body.length > maxBodyBytes) throw new BodyTooLarge();
        return body;
      };
      const outcome = await handle(request.method.toUpperCase(), request.headers, read).catch(() => ({
        status: 500,
        body: { error: 'internal_error' } as Record<string, unknown>,
      }));
      return new Response(request.method.toUpperCase() === 'HEAD' ? null : JSON.stringify(outcome.body), {
        status: outcome.status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}
