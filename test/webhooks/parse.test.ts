import { describe, expect, it } from 'vitest';
import { channelFromVia } from '../../src/adapters/zendesk/map/index.js';
import { parseWebhookEvent } from '../../src/index.js';
import { trelloListStatus } from '../../src/webhooks/index.js';

const zendesk = (type: string, detail: Record<string, unknown>, event: Record<string, unknown> = {}) => ({
  type: `zen:event-type:${type}`,
  account_id: 88888888,
  id: '01HN-EXAMPLE',
  time: '2026-04-17T17:18:10Z',
  zendesk_event_version: '2022-11-06',
  subject: `zen:ticket:${detail.id}`,
  detail,
  event,
});
const ticketDetail = {
  id: '35436',
  subject: 'Printer on fire',
  status: 'OPEN',
  priority: 'HIGH',
  type: 'INCIDENT',
  via: { channel: 'web_form' },
  requester_id: '20978392',
  assignee_id: '0',
  group_id: '98738',
  organization_id: null,
  tags: ['printer', 'fire'],
  created_at: '2026-04-17T17:18:10Z',
  updated_at: '2026-04-17T17:18:10Z',
};

describe('Zendesk event webhooks', () => {
  it('ticket.created carries a canonical ticket', () => {
    const event = parseWebhookEvent('zendesk', zendesk('ticket.created', ticketDetail));
    expect(event).toMatchObject({
      type: 'ticket.created',
      vendor: 'zendesk',
      ticketId: '35436',
      id: '01HN-EXAMPLE',
    });
    if (event.type !== 'ticket.created') return;
    expect(event.ticket).toMatchObject({
      id: '35436',
      status: 'open',
      priority: 'high',
      type: 'incident',
      channel: 'web',
      requesterId: '20978392',
      assigneeId: null,
      groupId: '98738',
      tags: ['printer', 'fire'],
    });
    expect(event.occurredAt).toEqual(new Date('2026-04-17T17:18:10Z'));
  });

  it('status changes, comments and other ticket events', () => {
    const status = parseWebhookEvent(
      'zendesk',
      zendesk('ticket.status_changed', ticketDetail, { current: 'SOLVED', previous: 'OPEN' }),
    );
    expect(status).toMatchObject({ type: 'ticket.status_changed', from: 'open', to: 'solved' });
    const comment = parseWebhookEvent(
      'zendesk',
      zendesk('ticket.comment_added', ticketDetail, {
        comment: {
          id: '777',
          body: 'On it',
          is_public: false,
          author: { id: '42', is_staff: true, name: 'Agent' },
        },
      }),
    );
    expect(comment).toMatchObject({
      type: 'message.created',
      ticketId: '35436',
      message: { id: '777', authorId: '42', authorRole: 'agent', public: false, body: 'On it' },
    });
    expect(parseWebhookEvent('zendesk', zendesk('ticket.tags_changed', ticketDetail)).type).toBe(
      'ticket.updated',
    );
  });

  it('keeps the raw payload and degrades instead of failing on thin payloads', () => {
    const thin = zendesk('ticket.created', { id: '9' });
    const event = parseWebhookEvent('zendesk', thin);
    expect(event).toMatchObject({ type: 'ticket.created', ticketId: '9', raw: thin });
    expect('ticket' in event && event.ticket).toBeFalsy();
    expect(parseWebhookEvent('zendesk', { nonsense: true })).toMatchObject({
      type: 'unknown',
      raw: { nonsense: true },
    });
    expect(parseWebhookEvent('zendesk', null).type).toBe('unknown');
  });

  it('reads the API channel as event payloads write it (web_service), and gives ticket events their ticket', () => {
    // Event webhooks say `via.channel: "web_service"` for tickets made through the API; before, that was `other`.
    const apiTicket = { ...ticketDetail, via: { channel: 'web_service' } };
    const created = parseWebhookEvent('zendesk', zendesk('ticket.created', apiTicket));
    expect(created).toMatchObject({
      type: 'ticket.created',
      ticket: { channel: 'api', source: { adapter: 'zendesk', id: '35436' } },
    });
    const changed = parseWebhookEvent(
      'zendesk',
      zendesk(
        'ticket.status_changed',
        { ...apiTicket, status: 'SOLVED' },
        { current: 'SOLVED', previous: 'OPEN' },
      ),
    );
    expect(changed).toMatchObject({
      type: 'ticket.status_changed',
      to: 'solved',
      ticket: { id: '35436', status: 'solved', channel: 'api' },
    });
    // The REST mapper reads the same word the same way.
    expect(channelFromVia('web_service')).toBe('api');
  });

  it('a soft or permanent deletion is ticket.deleted', () => {
    for (const type of ['ticket.soft_deleted', 'ticket.permanently_deleted'])
      expect(parseWebhookEvent('zendesk', zendesk(type, ticketDetail))).toMatchObject({
        type: 'ticket.deleted',
        ticketId: '35436',
      });
  });

  it('user events of end users become customer.updated', () => {
    const event = parseWebhookEvent('zendesk', {
      type: 'zen:event-type:user.active_changed',
      id: 'u-evt',
      time: '2026-07-04T05:33:18Z',
      detail: {
        id: '6596848315901',
        email: 'ada@example.com',
        role: 'end-user',
        created_at: '2026-07-04T05:27:58Z',
        organization_id: '0',
      },
    });
    expect(event).toMatchObject({
      type: 'customer.updated',
      customerId: '6596848315901',
      customer: {
        identities: [
          { kind: 'email', value: 'ada@example.com' },
          { kind: 'external', adapter: 'zendesk' },
        ],
        organizationId: null,
      },
    });
  });
});

describe('Trello webhooks', () => {
  const action = (type: string, data: Record<string, unknown>) => ({
    action: {
      id: 'act-1',
      type,
      date: '2026-05-01T09:00:00.000Z',
      data: {
        board: { id: 'b1', name: 'Support' },
        card: { id: 'card-1', name: 'Refund for order 42' },
        ...data,
      },
      memberCreator: { id: 'mem-1', fullName: 'Marco' },
    },
    model: { id: 'b1', name: 'Support' },
  });

  it('createCard is a new ticket in the status of its list', () => {
    const event = parseWebhookEvent('trello', action('createCard', { list: { id: 'l1', name: 'Inbox' } }));
    expect(event).toMatchObject({
      type: 'ticket.created',
      ticketId: 'card-1',
      ticket: { subject: 'Refund for order 42', status: 'new', channel: 'other' },
    });
  });

  it('moving a card between lists is a status change, with a configurable mapping', () => {
    const move = action('updateCard', { listBefore: { name: 'Doing' }, listAfter: { name: 'Done' } });
    expect(parseWebhookEvent('trello', move)).toMatchObject({
      type: 'ticket.status_changed',
      from: 'open',
      to: 'solved',
    });
    const custom = action('updateCard', { listBefore: { name: 'Triage' }, listAfter: { name: 'Shipped' } });
    expect(parseWebhookEvent('trello', custom, { trelloLists: { Shipped: 'solved' } })).toMatchObject({
      from: 'new',
      to: 'solved',
    });
  });

  it('archiving a card closes the ticket, restoring it reopens it in its list’s status', () => {
    // As the adapter reads the same action in a card's history; before, both were plain ticket.updated.
    const archived = action('updateCard', {
      list: { id: 'l2', name: 'Waiting on customer' },
      card: { id: 'card-1', name: 'Refund for order 42', closed: true },
      old: { closed: false },
    });
    expect(parseWebhookEvent('trello', archived)).toMatchObject({
      type: 'ticket.status_changed',
      ticketId: 'card-1',
      from: 'pending',
      to: 'closed',
    });
    const restored = action('updateCard', {
      list: { id: 'l2', name: 'Waiting on customer' },
      card: { id: 'card-1', name: 'Refund for order 42', closed: false },
      old: { closed: true },
    });
    expect(parseWebhookEvent('trello', restored)).toMatchObject({ from: 'closed', to: 'pending' });
    // Without the list in the payload the status before is unknown, and a restored card is open.
    const bare = action('updateCard', { card: { id: 'card-1', closed: true }, old: { closed: false } });
    expect(parseWebhookEvent('trello', bare)).toMatchObject({ from: null, to: 'closed' });
  });

  it('deleting a card is ticket.deleted', () => {
    expect(parseWebhookEvent('trello', action('deleteCard', { list: { name: 'Inbox' } }))).toMatchObject({
      type: 'ticket.deleted',
      ticketId: 'card-1',
      id: 'act-1',
    });
  });

  it('a move between two lists of one status is an update, not a status change from open to open', () => {
    const sideways = action('updateCard', {
      listBefore: { name: 'Basics' },
      listAfter: { name: 'Intermediate' },
    });
    const event = parseWebhookEvent('trello', sideways);
    expect(event).toMatchObject({ type: 'ticket.updated', ticketId: 'card-1' });
    // A mapping that gives the two lists different statuses makes it a status change again.
    expect(parseWebhookEvent('trello', sideways, { trelloLists: { Intermediate: 'pending' } })).toMatchObject(
      {
        type: 'ticket.status_changed',
        from: 'open',
        to: 'pending',
      },
    );
  });

  it('comments are messages; other card actions are updates', () => {
    expect(parseWebhookEvent('trello', action('commentCard', { text: 'Refunded' }))).toMatchObject({
      type: 'message.created',
      message: { id: 'act-1', ticketId: 'card-1', authorId: 'mem-1', body: 'Refunded' },
    });
    expect(parseWebhookEvent('trello', action('addLabelToCard', { label: { name: 'urgent' } })).type).toBe(
      'ticket.updated',
    );
    expect(trelloListStatus('Waiting on customer')).toBe('pending');
    expect(trelloListStatus('On hold')).toBe('hold');
    expect(trelloListStatus('Ideas')).toBe('open');
  });
});

describe('other vendors', () => {
  it('come through as unknown with their event name', () => {
    expect(parseWebhookEvent('intercom', { topic: 'conversation.user.created', id: 'n1' })).toMatchObject({
      type: 'unknown',
      vendorType: 'conversation.user.created',
      id: 'n1',
    });
    expect(
      parseWebhookEvent('helpscout', { id: 1 }, { headers: { 'X-HelpScout-Event': 'convo.created' } })
        .vendorType,
    ).toBe('convo.created');
    expect(parseWebhookEvent('front', { type: 'inbound' }).vendorType).toBe('inbound');
  });

  it('carry the time the payload gives (before, occurredAt was always null)', () => {
    // Intercom: the notification's created_at, in epoch seconds.
    expect(
      parseWebhookEvent('intercom', { topic: 'conversation.admin.closed', created_at: 1553291390 })
        .occurredAt,
    ).toEqual(new Date('2019-03-22T21:49:50.000Z'));
    // Front rule webhooks: emitted_at in epoch seconds with milliseconds; application webhooks wrap the event.
    expect(parseWebhookEvent('front', { type: 'archive', emitted_at: 1509001146.525 }).occurredAt).toEqual(
      new Date('2017-10-26T06:59:06.525Z'),
    );
    expect(
      parseWebhookEvent('front', {
        type: 'conversation_archived',
        authorization: { id: 'cmp_1' },
        payload: { id: 'evt_1', type: 'archive', emitted_at: 1509001146.525 },
      }),
    ).toMatchObject({ id: 'evt_1', occurredAt: new Date('2017-10-26T06:59:06.525Z') });
    // Help Scout sends no event time: the resource's latest change is when the event happened.
    expect(
      parseWebhookEvent(
        'helpscout',
        { id: 1, createdAt: '2026-02-01T10:00:00Z', modifiedAt: '2026-02-03T11:30:00Z' },
        { headers: { 'X-HelpScout-Event': 'convo.customer.reply.created' } },
      ).occurredAt,
    ).toEqual(new Date('2026-02-03T11:30:00Z'));
    // Front's validation request carries no time, and no time is made up for it.
    expect(
      parseWebhookEvent('front', { type: 'sync', authorization: { id: 'cmp_1' } }).occurredAt,
    ).toBeNull();
    expect(parseWebhookEvent('intercom', { topic: 'ping', created_at: 'yesterday' }).occurredAt).toBeNull();
  });
});
