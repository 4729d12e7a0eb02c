import { describe, expect, it } from 'vitest';
import {
  buildCardIndex,
  CustomerCard,
  customerCard,
  deriveCardState,
  modelJsonSchema,
  ValidationError,
} from '../../src/index.js';
import { adaRecords, customer, message, ticket } from './fixtures.js';

const asOf = '2026-03-02T12:00:00Z';

async function adaIndex() {
  return buildCardIndex(
    [
      ...adaRecords,
      { kind: 'agents', value: { id: 'ag1', name: 'Operatore Uno', email: 'uno@shop.example' } },
      ticket('rt', '55', 'r9', { channel: 'email', tags: ['billing', 'invoice'] }),
      message('rt', 'm1', '55', { authorId: 'r9', body: 'My invoice is wrong' }),
    ],
    { defaultRegion: 'IT' },
  );
}

describe('customerCard', () => {
  it('moves red → yellow → green → red on a new request', async () => {
    const index = await adaIndex();
    const cardId = index.find({ phone: '347 123 4567' })!;
    const card = () => customerCard(index, cardId, { asOf });
    expect(card().state).toBe('red');

    // An operator answers and opens the ticket: acted on.
    index.add(
      message('rt', 'm2', '55', { authorId: 'ag1', authorRole: 'agent', createdAt: '2026-03-02T09:00:00Z' }),
    );
    index.add(ticket('rt', '55', 'r9', { status: 'open', updatedAt: '2026-03-02T09:00:00Z' }));
    expect(card().state).toBe('yellow');

    index.add(ticket('rt', '55', 'r9', { status: 'solved', updatedAt: '2026-03-02T10:00:00Z' }));
    expect(card().state).toBe('green');

    // The same person writes again, on another helpdesk, with another spelling of the e-mail.
    index.add(
      ticket('zendesk', '900', 'z1', {
        status: 'open',
        createdAt: '2026-03-02T11:00:00Z',
        updatedAt: '2026-03-02T11:00:00Z',
      }),
    );
    expect(card().state).toBe('red');
    expect(card().tickets.map((t) => t.id)).toEqual(['900', '55']);
  });

  it('an open ticket with only an automation on it is still red; by the status rule it is yellow', async () => {
    const index = await buildCardIndex([
      customer('zendesk', 'z1', [{ kind: 'email', value: 'eva@example.test' }]),
      ticket('zendesk', '1', 'z1', { status: 'open' }),
      message('zendesk', 'm1', '1', { authorId: 'bot', authorRole: 'system', body: 'We got your e-mail' }),
    ]);
    const [cardId] = index.cardIds();
    expect(customerCard(index, cardId!, { asOf }).state).toBe('red');
    expect(customerCard(index, cardId!, { asOf, stateRule: 'status' }).state).toBe('yellow');
  });

  it('puts messages, status changes and surveys of a ticket on one timeline, and computes the figures', async () => {
    const index = await adaIndex();
    for (const record of [
      message('rt', 'm2', '55', {
        authorId: 'ag1',
        authorRole: 'agent',
        public: false,
        body: 'checking',
        createdAt: '2026-03-02T08:30:00Z',
      }),
      message('rt', 'm3', '55', {
        authorId: 'ag1',
        authorRole: 'agent',
        body: 'Fixed',
        createdAt: '2026-03-02T09:00:00Z',
      }),
      message('rt', 'm4', '55', { authorId: 'r9', body: 'Still wrong', createdAt: '2026-03-02T10:00:00Z' }),
      {
        kind: 'events',
        value: {
          id: 'e1',
          ticketId: '55',
          type: 'status',
          at: '2026-03-02T09:00:00Z',
          actorId: 'ag1',
          from: 'new',
          to: 'open',
        },
      },
      {
        kind: 'csat',
        value: {
          id: 's1',
          ticketId: '55',
          customerId: 'r9',
          source: { adapter: 'rt', id: 's1' },
          rating: 'bad',
          createdAt: '2026-03-02T11:00:00Z',
        },
      },
      ticket('rt', '55', 'r9', { status: 'open', channel: 'email', tags: ['billing', 'invoice'] }),
      ticket('zendesk', '7', 'z1', {
        status: 'solved',
        channel: 'phone',
        tags: ['billing'],
        createdAt: '2025-12-20T10:00:00Z',
        updatedAt: '2025-12-21T10:00:00Z',
      }),
    ])
      index.add(record);
    const card = customerCard(index, index.find({ email: 'ada.verdi@example.com' })!, { asOf });
    expect(CustomerCard.safeParse(card).success).toBe(true);
    const rt = card.tickets.find((t) => t.id === '55')!;
    expect(rt.timeline.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'message:m1',
      'message:m2',
      'message:m3',
      'status:e1',
      'message:m4',
      'csat:s1',
    ]);
    expect(rt.timeline[1]).toMatchObject({ public: false, authorName: 'Operatore Uno' });
    // The customer's own message is signed with the name of their record on that helpdesk (fixtures: `Customer <id>`).
    expect(rt.timeline[4]).toMatchObject({ authorId: 'r9', authorName: 'Customer r9' });
    expect(card.state).toBe('yellow');
    expect(card.figures).toMatchObject({
      openRequests: 1,
      oldestUnansweredMinutes: 120, // m4 at 10:00, as of 12:00
      firstReplyMedianMinutes: 60, // created 08:00, public reply 09:00
      lastCsat: { value: 'bad', ticketId: '55' },
      lastNps: null,
      contactsLast30Days: 1,
      contactsLast90Days: 2,
      topTags: [
        { tag: 'billing', count: 2 },
        { tag: 'invoice', count: 1 },
      ],
      channels: [
        { channel: 'email', count: 1 },
        { channel: 'phone', count: 1 },
      ],
    });
    expect(card.records).toHaveLength(3);
    expect(card.identities.filter((i) => i.kind === 'phone')).toEqual([
      { kind: 'phone', value: '+393471234567', primary: false },
    ]);
  });

  it('refuses a missing asOf or an unknown card with a ValidationError', async () => {
    const index = await adaIndex();
    const [cardId] = index.cardIds();
    expect(() => customerCard(index, cardId!, {} as never)).toThrow(ValidationError);
    expect(() => customerCard(index, 'card_0000000000000000', { asOf })).toThrow(ValidationError);
    expect(() => customerCard({} as never, cardId!, { asOf })).toThrow(ValidationError);
  });
});

describe('CustomerCard model', () => {
  it('round-trips a card through JSON and has a JSON Schema', async () => {
    const index = await adaIndex();
    const card = customerCard(index, index.cardIds()[0]!, { asOf });
    expect(CustomerCard.parse(JSON.parse(JSON.stringify(card)))).toEqual(card);
    const schema = modelJsonSchema('CustomerCard') as { properties?: Record<string, unknown> };
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['state', 'tickets', 'notes', 'figures']),
    );
  });
});

describe('the state rule and business-hours figures', () => {
  it('deriveCardState reads acted: an open request nobody acted on is red, whatever else is open', () => {
    expect(
      deriveCardState([
        { status: 'pending', acted: true },
        { status: 'open', acted: false },
      ]),
    ).toBe('red');
    expect(
      deriveCardState([
        { status: 'pending', acted: true },
        { status: 'solved', acted: false },
      ]),
    ).toBe('yellow');
    expect(deriveCardState([{ status: 'open' }])).toBe('yellow'); // no flag: the status alone, as before
    expect(deriveCardState([{ status: 'new' }])).toBe('red');
    // Still `new` (no public reply yet) but an agent wrote an internal note or logged the call: being worked.
    expect(deriveCardState([{ status: 'new', acted: true }])).toBe('yellow');
    expect(deriveCardState([{ status: 'new', acted: false }])).toBe('red');
  });

  it('gives the first-reply median in business minutes with a schedule', async () => {
    const index = await buildCardIndex([
      customer('zendesk', 'z1', [{ kind: 'email', value: 'fabio@example.test' }]),
      // Created Friday 17:00 Rome time, answered Monday 10:00: 1 business hour (Mon 9–10) of 65 calendar hours.
      ticket('zendesk', '1', 'z1', {
        status: 'solved',
        createdAt: '2026-03-06T16:00:00Z',
        updatedAt: '2026-03-09T09:00:00Z',
      }),
      message('zendesk', 'm1', '1', { authorId: 'z1', createdAt: '2026-03-06T16:00:00Z' }),
      message('zendesk', 'm2', '1', {
        authorId: 'ag',
        authorRole: 'agent',
        createdAt: '2026-03-09T09:00:00Z',
      }),
    ]);
    const schedule = {
      timeZone: 'Europe/Rome',
      intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1020 })),
    };
    const card = customerCard(index, index.cardIds()[0]!, { asOf: '2026-03-10T00:00:00Z', schedule });
    expect(card.figures.firstReplyMedianMinutes).toBe(65 * 60);
    expect(card.figures.firstReplyMedianBusinessMinutes).toBe(60);
    expect(card.state).toBe('green');
  });
});
