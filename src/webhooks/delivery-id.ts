import { invalidOption } from '../errors/validation.js';
import { concatBytes, sha256, toBytes, toHex } from './crypto.js';
import type { FrontWebhookScheme } from './front/signature.js';
import { getHeader } from './headers.js';
import { schemeFor } from './schemes.js';
import type { HeaderInput, RawBody, WebhookVendor } from './types.js';

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function idText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/**
 * The id the vendor gives this event — the same on every redelivery of it — or null when the payload carries
 * none. Help Scout is always null: its payload `id` is the conversation's (or customer's), shared by every
 * event about it, so deduplicating on it would drop legitimate events.
 *
 * @example
 * ```ts
 * vendorEventId('trello', { action: { id: '5f1c…' } }); // '5f1c…'
 * vendorEventId('helpscout', { id: 4242 }); // null — use webhookDeliveryId
 * ```
 */
export function vendorEventId(vendor: WebhookVendor, payload: unknown): string | null {
  switch (vendor) {
    case 'zendesk':
    case 'intercom':
      return idText(field(payload, 'id'));
    case 'trello':
      return idText(field(field(payload, 'action'), 'id'));
    case 'front':
      // Rule webhooks send the event itself; application webhooks wrap it in `payload`.
      return idText(field(payload, 'id')) ?? idText(field(field(payload, 'payload'), 'id'));
    default:
      return null;
  }
}

/**
 * What {@link webhookDeliveryId} needs.
 *
 * @example
 * ```ts
 * const input: WebhookDeliveryIdInput = { rawBody, headers: request.headers };
 * ```
 */
export interface WebhookDeliveryIdInput {
  /** The verified body exactly as received. */
  rawBody: RawBody;
  headers: HeaderInput;
  /** The parsed body, when you already have it (saves a parse). */
  payload?: unknown;
  /** Front only, as in `verifyWebhook`. @default 'rule' */
  frontScheme?: FrontWebhookScheme;
}

/**
 * A stable id for one webhook delivery, the same on every redelivery of it: the vendor's event id when the
 * payload carries one (Zendesk and Intercom `id`, Trello `action.id`, Front's event `id`), else
 * `sha256:` + the hex SHA-256 of the verified body and its signature header (Help Scout, and any payload without
 * an id). Use it as the key of a replay store. Call it only on a verified body: an attacker can choose the id of
 * an unverified one.
 *
 * @example
 * ```ts
 * import { verifyWebhook, webhookDeliveryId } from 'supportkit-ts/webhooks';
 * await verifyWebhook('helpscout', { rawBody, headers, secret });
 * const id = await webhookDeliveryId('helpscout', { rawBody, headers }); // 'sha256:…'
 * ```
 */
export async function webhookDeliveryId(
  vendor: WebhookVendor,
  input: WebhookDeliveryIdInput,
): Promise<string> {
  const scheme = schemeFor(vendor, input, 'webhookDeliveryId');
  if (!input || typeof input !== 'object') throw invalidOption('webhookDeliveryId', '', 'are required');
  const raw = input.rawBody;
  if (!(typeof raw === 'string' || raw instanceof Uint8Array || raw instanceof ArrayBuffer))
    throw invalidOption('webhookDeliveryId', 'rawBody', 'expected the raw body as a string or bytes');
  const body = toBytes(raw);
  let payload = input.payload;
  if (payload === undefined) {
    try {
      payload = JSON.parse(new TextDecoder().decode(body));
    } catch {
      payload = undefined;
    }
  }
  const fromVendor = vendorEventId(vendor, payload);
  if (fromVendor !== null) return fromVendor;
  if (!input.headers || typeof input.headers !== 'object')
    throw invalidOption('webhookDeliveryId', 'headers', 'is required when the payload carries no event id');
  const signature = getHeader(input.headers, scheme.signatureHeader) ?? '';
  // A zero byte between body and signature, so no two (body, signature) pairs share a message.
  const digest = await sha256(concatBytes(body, new Uint8Array([0]), toBytes(signature.trim())));
  return `sha256:${toHex(digest)}`;
}
