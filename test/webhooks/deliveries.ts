/** Signed test deliveries for every vendor and scheme, shared by the webhook handler tests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  signWebhook,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookVendor,
} from '../../src/index.js';
import type { FrontWebhookScheme, WebhookHandlerCommonOptions } from '../../src/webhooks/index.js';

export const secret = 'whsec_deliveries_7e1a';
export const callbackURL = 'https://hooks.example.com/trello/board-1';

/** One signing set-up: a vendor and, for Front, which of its schemes. */
export interface Case {
  name: string;
  vendor: WebhookVendor;
  frontScheme?: FrontWebhookScheme;
}

export const CASES: Case[] = [
  { name: 'zendesk', vendor: 'zendesk' },
  { name: 'trello', vendor: 'trello' },
  { name: 'helpscout', vendor: 'helpscout' },
  { name: 'intercom', vendor: 'intercom' },
  { name: 'front (rule)', vendor: 'front', frontScheme: 'rule' },
  { name: 'front (application)', vendor: 'front', frontScheme: 'application' },
];

/** A realistic body for each vendor, with a non-ASCII subject so a wrong decoding shows. `n` varies the event. */
export function payloadFor(c: Case, n = 1): string {
  switch (c.vendor) {
    case 'zendesk':
      return JSON.stringify({
        type: 'zen:event-type:ticket.created',
        id: `zen-evt-${n}`,
        time: new Date().toISOString(),
        detail: { id: String(100 + n), subject: 'Café ☕', status: 'NEW', requester_id: '7' },
      });
    case 'trello':
      return JSON.stringify({
        action: {
          id: `act-${n}`,
          type: 'commentCard',
          date: '2026-11-23T10:00:00.000Z',
          data: { card: { id: 'card-1', name: 'Café ☕' }, text: 'Refunded' },
          memberCreator: { id: 'mem-1' },
        },
        model: { id: 'b1' },
      });
    case 'helpscout':
      // Help Scout sends the conversation itself: its numeric id is the conversation's, not the delivery's.
      return JSON.stringify({ id: 4242, number: 17, subject: 'Café ☕', status: 'active', threads: n });
    case 'intercom':
      return JSON.stringify({
        type: 'notification_event',
        topic: 'conversation.user.created',
        id: `notif_${n}`,
      });
    case 'front':
      return c.frontScheme === 'application'
        ? JSON.stringify({
            type: 'inbound_received',
            authorization: { id: 'cmp_abc' },
            payload: { id: `evt_app_${n}`, type: 'inbound', conversation: { subject: 'Café ☕' } },
          })
        : JSON.stringify({ id: `evt_rule_${n}`, type: 'inbound', conversation: { subject: 'Café ☕' } });
  }
}

/** The vendor's event name in {@link payloadFor}'s body, as the parsed event reports it. */
export function vendorTypeFor(c: Case): string {
  return {
    zendesk: 'zen:event-type:ticket.created',
    trello: 'commentCard',
    helpscout: 'convo.created',
    intercom: 'conversation.user.created',
    front: c.frontScheme === 'application' ? 'inbound_received' : 'inbound',
  }[c.vendor];
}

/** Handler options for a case. */
export function handlerOptions(
  c: Case,
  more: Partial<WebhookHandlerCommonOptions> = {},
): WebhookHandlerOptions {
  if (c.vendor === 'trello') return { vendor: 'trello', secret, callbackURL, ...more };
  if (c.vendor === 'front')
    return { vendor: 'front', secret, ...(c.frontScheme ? { frontScheme: c.frontScheme } : {}), ...more };
  return { vendor: c.vendor, secret, ...more };
}

/** The headers the vendor would send with `body`. */
export async function signedHeaders(c: Case, body: string): Promise<Record<string, string>> {
  const headers = await signWebhook(c.vendor, {
    body,
    secret,
    ...(c.vendor === 'trello' ? { callbackURL } : {}),
    ...(c.frontScheme ? { frontScheme: c.frontScheme } : {}),
  });
  if (c.vendor === 'helpscout') headers['X-HelpScout-Event'] = 'convo.created';
  return headers;
}

const servers: Server[] = [];

/** Listens on 127.0.0.1 with `listener`; {@link closeServers} in afterEach. */
export async function listen(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

export async function closeServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((resolve) => {
          s.closeAllConnections();
          s.close(resolve);
        }),
    ),
  );
}

/** Serves the Node listener directly on 127.0.0.1. */
export async function serveNode(handler: WebhookHandler): Promise<string> {
  return (await listen(handler.node)).url;
}
