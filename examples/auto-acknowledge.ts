/**
 * Acknowledge every new ticket at once, with a reply time the team keeps: a signed "ticket created" webhook
 * arrives, the handler verifies it, and the acknowledgement — promise, hours when the team is closed, articles
 * that may already answer — is posted back on the ticket as a public system message.
 *
 *   npx tsx examples/auto-acknowledge.ts
 *
 * Offline: the helpdesk is the memory adapter holding a generated history, and the webhook is handed to the
 * handler's Fetch-API entry point (mount `handler.node` on a real server, as examples/webhook-server.ts does).
 * The articles come from a generated help centre through the knowledge-base suggestions (supportkit-ts/care).
 */
import {
  acknowledgement,
  coverage,
  createArticleIndex,
  createMemoryAdapter,
  createWebhookHandler,
  firstReplyTime,
  type Message,
  parseDataset,
  promiseReplyBy,
  sendAcknowledgement,
  signWebhook,
  suggestArticles,
} from 'supportkit-ts';
import { generateDataset, generateHelpCentre } from 'supportkit-ts/testing';

// Two months of a made-up helpdesk: the history the promise learns from.
const history = generateDataset({ seed: 7, tickets: 800, days: 60, startDate: '2026-10-01' });
const schedule = history.schedules.find((s) => s.id === 'sched-team')!;
// "Now" is Thursday 24 December 2026, 19:30 in Rome: out of hours, the evening before Christmas.
let now = Date.parse('2026-12-24T18:30:00Z');
const helpdesk = createMemoryAdapter(
  parseDataset({
    agents: history.agents,
    customers: [
      {
        id: 'c-ada',
        name: 'Ada',
        identities: [{ kind: 'email', value: 'ada@example.com' }],
        language: 'it',
        timeZone: 'Europe/Rome',
        createdAt: '2026-01-10T10:00:00Z',
      },
    ],
  }),
  { now: () => new Date(now) },
);
// The help centre (Italian and English articles), indexed once: suggestions below a score of 0.2 are left out.
const helpCentre = await createArticleIndex(generateHelpCentre({ seed: 7 }).articles);

const secret = process.env.ZENDESK_WEBHOOK_SECRET ?? 'demo-zendesk-secret';
const handler = createWebhookHandler({
  vendor: 'zendesk',
  secret,
  onEvent: async (event) => {
    if (event.type !== 'ticket.created') return;
    const ticket = await helpdesk.tickets.get(event.ticketId);
    const customer = await helpdesk.customers.get(ticket.requesterId);
    const locale = customer.language ?? 'en';
    // No SLA policy is passed: the promise is the p90 of what the team really did for similar tickets.
    const promise = promiseReplyBy(ticket, { schedule, history });
    console.log(`promise: ${promise.by.toISOString()} — ${promise.rule}`);
    const articles = suggestArticles(helpCentre, ticket, { locale, limit: 2 });
    console.log(
      `suggested: ${articles.map((s) => `${s.article.id} (${s.score.toFixed(2)})`).join(', ') || 'none'}`,
    );
    const ack = acknowledgement(ticket, {
      locale,
      promise,
      coverage: coverage(schedule, ticket.createdAt, { locale }),
      articles,
      brand: 'Acme',
      customer,
    });
    await sendAcknowledgement(helpdesk, ticket.id, ack, { authorId: 'automation' });
    console.log(`\nSubject: ${ack.subject}\n\n${ack.text}\n`);
  },
});

// A customer writes in; the helpdesk then calls the webhook (here the body Zendesk would send, signed).
const ticket = await helpdesk.tickets.create({
  subject: 'Ordine non arrivato',
  description: "Il pacco dell'ordine 4471 non è ancora arrivato.",
  requesterId: 'c-ada',
  channel: 'email',
  priority: 'normal',
});
const body = JSON.stringify({
  type: 'zen:event-type:ticket.created',
  id: `evt-${ticket.id}`,
  time: ticket.createdAt.toISOString(),
  detail: {
    id: ticket.id,
    subject: ticket.subject,
    status: 'NEW',
    requester_id: ticket.requesterId,
    created_at: ticket.createdAt.toISOString(),
    updated_at: ticket.createdAt.toISOString(),
  },
});
const response = await handler.fetch(
  new Request('http://127.0.0.1/zendesk', {
    method: 'POST',
    headers: await signWebhook('zendesk', { body, secret }),
    body,
  }),
);
console.log(`webhook answered ${response.status}`);

// An agent answers on Monday morning; the acknowledgement did not stop the first-reply clock.
now = Date.parse('2026-12-28T08:40:00Z');
await helpdesk.tickets.addMessage(ticket.id, { public: true, body: 'Ciao Ada, il pacco arriva domani.' });
const messages: Message[] = [];
for await (const message of helpdesk.tickets.listMessages(ticket.id)) messages.push(message);
console.log(
  messages
    .map((m) => `${m.createdAt.toISOString()}  ${m.authorRole.padEnd(8)} ${m.body.split('\n')[0]}`)
    .join('\n'),
);
const first = firstReplyTime(ticket, messages, { schedule });
console.log(
  `first reply: ${first?.calendarMinutes.toFixed(0)} calendar minutes, ${first?.businessMinutes?.toFixed(0)} business minutes (the system message does not count)`,
);
