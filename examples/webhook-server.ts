/**
 * A webhook server that receives Zendesk, Trello and Front (application) webhooks, verifies them, answers Front's
 * challenge, drops replays, and prints typed events.
 *
 *   npx tsx examples/webhook-server.ts            # demo: starts, sends itself one signed webhook of each, exits
 *   npx tsx examples/webhook-server.ts --serve    # keeps listening on 127.0.0.1:$PORT (default 8787)
 *
 * Secrets come from ZENDESK_WEBHOOK_SECRET, TRELLO_APP_SECRET, TRELLO_CALLBACK_URL and FRONT_APP_SECRET (demo
 * values otherwise). Each handler keeps the ids it dispatched in memory; with several processes, pass a shared
 * `seen` store (docs/webhooks.md shows one on Redis).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventBus, createWebhookHandler, signWebhook } from 'supportkit-ts/webhooks';

const zendeskSecret = process.env.ZENDESK_WEBHOOK_SECRET ?? 'demo-zendesk-secret';
const trelloSecret = process.env.TRELLO_APP_SECRET ?? 'demo-trello-secret';
const frontSecret = process.env.FRONT_APP_SECRET ?? 'demo-front-secret';
const serveForever = process.argv.includes('--serve');
const port = serveForever ? Number(process.env.PORT ?? 8787) : 0;

// One bus for the whole app: every helpdesk's events arrive here, typed.
const helpdesk = createEventBus();
helpdesk.on('ticket.created', (e) =>
  console.log(`[${e.vendor}] ticket ${e.ticketId} created: ${e.ticket?.status ?? '?'}`),
);
helpdesk.on('ticket.status_changed', (e) =>
  console.log(`[${e.vendor}] ticket ${e.ticketId}: ${e.from} → ${e.to}`),
);
helpdesk.on('message.created', (e) =>
  console.log(`[${e.vendor}] new message on ${e.ticketId} (public: ${e.message?.public})`),
);

const server = createServer((req, res) => {
  // Trello signs the callback URL as registered: the public URL of this route.
  const callbackURL =
    process.env.TRELLO_CALLBACK_URL ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}/trello`;
  if (req.url === '/zendesk') return zendesk.node(req, res);
  if (req.url === '/trello') return trelloFor(callbackURL).node(req, res);
  if (req.url === '/front') return front.node(req, res);
  res.statusCode = 404;
  res.end();
});
const onRejected = (reason: string, status: number) => console.log(`refused (${status}): ${reason}`);
const zendesk = createWebhookHandler({ vendor: 'zendesk', secret: zendeskSecret, bus: helpdesk, onRejected });
// Front application webhooks: HMAC-SHA256 of `timestamp:body`, and a challenge when the webhook is saved.
const front = createWebhookHandler({
  vendor: 'front',
  frontScheme: 'application',
  secret: frontSecret,
  bus: helpdesk,
  onRejected,
  onEvent: (e) => console.log(`[front] ${e.vendorType} (${e.id})`),
});
const trelloHandlers = new Map<string, ReturnType<typeof createWebhookHandler>>();
const trelloFor = (callbackURL: string) => {
  let handler = trelloHandlers.get(callbackURL);
  if (!handler) {
    handler = createWebhookHandler({
      vendor: 'trello',
      secret: trelloSecret,
      callbackURL,
      bus: helpdesk,
      onRejected,
    });
    trelloHandlers.set(callbackURL, handler);
  }
  return handler;
};

await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`listening on ${base} (/zendesk, /trello, /front)`);

if (!serveForever) {
  const zendeskBody = JSON.stringify({
    type: 'zen:event-type:ticket.status_changed',
    id: 'evt-demo',
    time: new Date().toISOString(),
    detail: {
      id: '35436',
      status: 'SOLVED',
      requester_id: '7',
      created_at: '2026-11-20T09:00:00Z',
      updated_at: new Date().toISOString(),
    },
    event: { current: 'SOLVED', previous: 'OPEN' },
  });
  const trelloBody = JSON.stringify({
    action: {
      id: 'act-demo',
      type: 'commentCard',
      date: new Date().toISOString(),
      data: { card: { id: 'card-7', name: 'Refund' }, text: 'Refund issued' },
      memberCreator: { id: 'mem-1' },
    },
    model: { id: 'board-1' },
  });
  const send = async (path: string, body: string, headers: Record<string, string>) =>
    (await fetch(`${base}${path}`, { method: 'POST', headers, body })).status;
  const zendeskHeaders = await signWebhook('zendesk', { body: zendeskBody, secret: zendeskSecret });
  console.log('zendesk →', await send('/zendesk', zendeskBody, zendeskHeaders));
  // The same delivery again: answered 200, not dispatched twice.
  console.log('replay  →', await send('/zendesk', zendeskBody, zendeskHeaders));
  const callbackURL = process.env.TRELLO_CALLBACK_URL ?? `${base}/trello`;
  console.log(
    'trello  →',
    await send(
      '/trello',
      trelloBody,
      await signWebhook('trello', { body: trelloBody, secret: trelloSecret, callbackURL }),
    ),
  );
  const syncBody = JSON.stringify({ type: 'sync', authorization: { id: 'cmp_demo' } });
  const challenge = await fetch(`${base}/front`, {
    method: 'POST',
    headers: {
      ...(await signWebhook('front', { body: syncBody, secret: frontSecret, frontScheme: 'application' })),
      'x-front-challenge': 'demo-challenge',
    },
    body: syncBody,
  });
  console.log('front challenge →', challenge.status, await challenge.text());
  const frontBody = JSON.stringify({
    type: 'inbound_received',
    authorization: { id: 'cmp_demo' },
    payload: { id: 'evt_demo', type: 'inbound' },
  });
  console.log(
    'front   →',
    await send(
      '/front',
      frontBody,
      await signWebhook('front', { body: frontBody, secret: frontSecret, frontScheme: 'application' }),
    ),
  );
  console.log(
    'forged  →',
    await send('/zendesk', zendeskBody, await signWebhook('zendesk', { body: zendeskBody, secret: 'guess' })),
  );
  server.close();
}
