/**
 * Webhook deliveries as the vendors sent them (test/fixtures/real/webhooks/<vendor>/, sources in
 * test/fixtures/real/SOURCES.md), not payloads we signed ourselves. Every file in the folder is parsed: the event
 * must be a valid canonical event (its ticket, message and customer parse through the canonical models), its
 * time must be a real Date equal to the time in the payload, and what the table below says about it — type,
 * statuses, channel — must hold. A file without a row in the table fails, so a new recording says what it means.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Customer,
  type HelpdeskEvent,
  Message,
  parseWebhookEvent,
  Ticket,
  TicketStatus,
  type WebhookVendor,
} from '../../src/index.js';
import { WEBHOOK_VENDORS } from '../../src/webhooks/index.js';

const root = new URL('../fixtures/real/webhooks/', import.meta.url);
type Json = Record<string, unknown>;

/** What each recorded delivery must become. `at` is the payload's time, written out by hand. */
interface Expected {
  type: HelpdeskEvent['type'];
  vendorType: string;
  at: string;
  id: string;
  ticketId?: string;
  from?: string | null;
  to?: string;
  /** For ticket.created: the ticket's status and channel. */
  ticket?: { status: string; channel: string };
  messageBody?: string;
}

const EXPECTED: Record<string, Expected> = {
  // Trello, "Test Board" (zircbot): lists "User Stories" (open by the default names), "In Progress", "To Do".
  'trello/zircbot.createCard.json': {
    type: 'ticket.created',
    vendorType: 'createCard',
    at: '2015-12-14T20:35:25.651Z',
    id: '566f280ddcff0bc39616c079',
    ticketId: '566f280ddcff0bc39616c078',
    ticket: { status: 'open', channel: 'other' },
  },
  'trello/zircbot.updateCard-move.json': {
    type: 'ticket.status_changed',
    vendorType: 'updateCard',
    at: '2015-12-14T18:58:52.564Z',
    id: '566f116cbad4979631602343',
    ticketId: '5497fb29a42aa12be882402c',
    from: 'open',
    to: 'new',
  },
  'trello/zircbot.updateCard-archive.json': {
    type: 'ticket.status_changed',
    vendorType: 'updateCard',
    at: '2015-12-14T20:36:36.679Z',
    id: '566f28541335ebf3fdac8888',
    ticketId: '566f280ddcff0bc39616c078',
    from: 'open',
    to: 'closed',
  },
  'trello/zircbot.deleteCard.json': {
    type: 'ticket.deleted',
    vendorType: 'deleteCard',
    at: '2015-12-14T20:40:16.650Z',
    id: '566f2930e9957c76c87c1612',
    ticketId: '566f280ddcff0bc39616c078',
  },
  'trello/zircbot.commentCard.json': {
    type: 'message.created',
    vendorType: 'commentCard',
    at: '2015-12-14T20:47:10.236Z',
    id: '566f2ace4467e9352498485a',
    ticketId: '54975a30b01aaaca5ef22e2a',
    messageBody: 'comment',
  },
  // Trello, "Welcome Board" (Zulip): lists "Basics" and "Intermediate", both open by the default names.
  'trello/zulip.archiving_card.json': {
    type: 'ticket.status_changed',
    vendorType: 'updateCard',
    at: '2016-05-05T16:43:57.557Z',
    id: '572b784d97893f947c179ccb',
    ticketId: '53582e2da0fac5676a71428b',
    from: 'open',
    to: 'closed',
  },
  'trello/zulip.reopening_card.json': {
    type: 'ticket.status_changed',
    vendorType: 'updateCard',
    at: '2016-05-05T16:53:31.423Z',
    id: '572b7a8b7ef0703562559b3a',
    ticketId: '53582e2da0fac5676a71428b',
    from: 'closed',
    to: 'open',
  },
  'trello/zulip.changing_cards_list.json': {
    // Basics → Intermediate: two lists of one status, so no status change.
    type: 'ticket.updated',
    vendorType: 'updateCard',
    at: '2016-05-04T17:40:22.254Z',
    id: '572a340644ed9c7d8b6f9a30',
    ticketId: '53582e2da0fac5676a71427f',
  },
  'intercom/zulip.conversation_user_created.json': {
    type: 'unknown',
    vendorType: 'conversation.user.created',
    at: '2019-03-22T21:29:58.000Z',
    id: 'notif_3ac27816-d27c-45fd-a65a-bbaf021cf780',
  },
  'intercom/zulip.conversation_admin_closed.json': {
    type: 'unknown',
    vendorType: 'conversation.admin.closed',
    at: '2019-03-22T21:49:50.000Z',
    id: 'notif_2bc4bf3a-0064-4fb0-9e17-dc44d91bcb9b',
  },
  'front/zulip.archive.json': {
    type: 'unknown',
    vendorType: 'archive',
    at: '2017-10-26T06:59:06.525Z',
    id: 'evt_11aqjdt',
  },
  'front/zulip.unassign.json': {
    type: 'unknown',
    vendorType: 'unassign',
    at: '2017-10-26T08:04:06.206Z',
    id: 'evt_11b53ip',
  },
};

/** The time each vendor writes in the payload, read here independently of the parser. */
function payloadTime(vendor: WebhookVendor, payload: Json): number {
  const field = (value: unknown, key: string) => (value as Json | undefined)?.[key];
  switch (vendor) {
    case 'zendesk':
      return Date.parse(String(payload.time));
    case 'trello':
      return Date.parse(String(field(payload.action, 'date')));
    case 'intercom':
      return (payload.created_at as number) * 1000;
    case 'front':
      return Math.round(((field(payload.payload, 'emitted_at') ?? payload.emitted_at) as number) * 1000);
    default:
      return Number.NaN;
  }
}

const deliveries = WEBHOOK_VENDORS.flatMap((vendor) => {
  let files: string[] = [];
  try {
    files = readdirSync(new URL(`${vendor}/`, root)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((file) => ({ vendor, file, key: `${vendor}/${file}` }));
});

describe('recorded webhook deliveries', () => {
  it('are there to read, several per vendor that has recordings', () => {
    const count = (vendor: WebhookVendor) => deliveries.filter((d) => d.vendor === vendor).length;
    expect(count('trello')).toBeGreaterThanOrEqual(5);
    expect(count('intercom')).toBeGreaterThanOrEqual(2);
    expect(count('front')).toBeGreaterThanOrEqual(2);
  });

  it.each(deliveries)('$key parses into a valid canonical event at the payload’s time', ({ vendor, key }) => {
    const payload = JSON.parse(readFileSync(new URL(key, root), 'utf8')) as Json;
    const expected = EXPECTED[key];
    expect(expected, `${key} has no row in EXPECTED: say what it should become`).toBeDefined();
    if (!expected) return;
    const event = parseWebhookEvent(vendor, payload);

    expect(event.vendor).toBe(vendor);
    expect(event.raw).toBe(payload);
    expect(event.occurredAt).toBeInstanceOf(Date);
    expect(Number.isNaN(event.occurredAt!.getTime())).toBe(false);
    expect(event.occurredAt!.getTime()).toBe(payloadTime(vendor, payload));
    expect(event.occurredAt!.toISOString()).toBe(expected.at);
    expect({ type: event.type, vendorType: event.vendorType, id: event.id }).toEqual({
      type: expected.type,
      vendorType: expected.vendorType,
      id: expected.id,
    });

    // The models inside the event parse through the canonical schemas unchanged.
    if ('ticket' in event && event.ticket) expect(Ticket.parse(event.ticket)).toEqual(event.ticket);
    if ('message' in event && event.message) expect(Message.parse(event.message)).toEqual(event.message);
    if ('customer' in event && event.customer) expect(Customer.parse(event.customer)).toEqual(event.customer);

    if ('ticketId' in event) expect(event.ticketId).toBe(expected.ticketId);
    if (event.type === 'ticket.status_changed') {
      expect(TicketStatus.parse(event.to)).toBe(event.to);
      if (event.from !== null) expect(TicketStatus.parse(event.from)).toBe(event.from);
      expect({ from: event.from, to: event.to }).toEqual({ from: expected.from, to: expected.to });
    }
    if (event.type === 'ticket.created') {
      expect(event.ticket).toBeDefined();
      expect({ status: event.ticket?.status, channel: event.ticket?.channel }).toEqual(expected.ticket);
      expect(event.ticket?.createdAt).toEqual(event.occurredAt);
    }
    if (event.type === 'message.created') {
      expect(event.message).toBeDefined();
      expect(event.message?.body).toBe(expected.messageBody);
      expect(event.message?.createdAt).toEqual(event.occurredAt);
    }
  });

  it('every row of the table has its recording', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(deliveries.map((d) => d.key).sort());
  });
});
