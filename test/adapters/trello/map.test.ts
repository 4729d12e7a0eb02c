/** The pure Trello mapping, on bodies shaped as Trello's API returns them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createdAtOfTrelloId,
  customFieldValue,
  eventsFromTrello,
  labelsOfCard,
  labelTag,
  messagesFromTrello,
  statusForListName,
  statusOfList,
  type TrelloBoard,
  ticketFromTrello,
  UNKNOWN_REQUESTER,
} from '../../../src/adapters/trello/map.js';
import { TrelloAction, TrelloCard, TrelloCustomField } from '../../../src/adapters/trello/wire.js';
import { Ticket, TicketEvent, ValidationError } from '../../../src/index.js';
import { trelloListStatus } from '../../../src/webhooks/index.js';

const hexId = (iso: string, n: number) =>
  `${Math.floor(Date.parse(iso) / 1000)
    .toString(16)
    .padStart(8, '0')}${n.toString(16).padStart(16, '0')}`;
const LISTS = {
  inbox: hexId('2025-01-01T00:00:00Z', 1),
  doing: hexId('2025-01-01T00:00:00Z', 2),
  vendor: hexId('2025-01-01T00:00:00Z', 3),
  done: hexId('2025-01-01T00:00:00Z', 4),
};
const LABELS = {
  vip: hexId('2025-01-01T00:00:00Z', 5),
  urgent: hexId('2025-01-01T00:00:00Z', 6),
  billing: hexId('2025-01-01T00:00:00Z', 7),
};
const REQUESTER = hexId('2025-01-01T00:00:00Z', 8);
const PLAN = hexId('2025-01-01T00:00:00Z', 9);
const MARCO = hexId('2025-01-01T00:00:00Z', 10);
const board: TrelloBoard = {
  lists: new Map([
    [LISTS.inbox, '📥 Inbox'],
    [LISTS.doing, 'Doing'],
    [LISTS.vendor, 'Waiting on vendor'],
    [LISTS.done, '✅ Done'],
  ]),
  labels: new Map([
    [LABELS.vip, 'vip'],
    [LABELS.urgent, 'Urgent'],
    [LABELS.billing, 'billing'],
  ]),
  customFields: [
    TrelloCustomField.parse({ id: REQUESTER, name: 'Requester', type: 'text' }),
    TrelloCustomField.parse({
      id: PLAN,
      name: 'Plan',
      type: 'list',
      options: [{ id: 'opt1', value: { text: 'Pro' } }],
    }),
  ],
  members: new Set([MARCO]),
};
const cardId = hexId('2026-03-06T16:30:00Z', 11);
const card = TrelloCard.parse({
  id: cardId,
  name: 'Invoice is wrong',
  desc: 'My invoice is wrong',
  closed: false,
  idList: LISTS.vendor,
  idLabels: [LABELS.vip, LABELS.urgent],
  labels: [{ id: LABELS.vip, name: 'vip', color: 'green' }, LABELS.urgent],
  idMembers: [MARCO],
  dateLastActivity: '2026-03-09T10:00:00.000Z',
  due: null,
  shortUrl: 'https://trello.com/c/AbCd1234',
  customFieldItems: [
    { id: 'i1', idCustomField: REQUESTER, value: { text: 'ada@example.com' } },
    { id: 'i2', idCustomField: PLAN, idValue: 'opt1' },
  ],
});
const action = (type: string, iso: string, n: number, data: Record<string, unknown>, by = MARCO) =>
  TrelloAction.parse({
    id: hexId(iso, n),
    idMemberCreator: by,
    type,
    date: iso,
    data: { card: { id: cardId }, ...data },
  });

describe('Trello mapping', () => {
  it('maps a card: list → status (mapping first), labels → tags and priority, requester and other custom fields', () => {
    const ticket = ticketFromTrello(card, board, { lists: { 'waiting on vendor': 'hold' } });
    expect(ticket).toMatchObject({
      id: cardId,
      subject: 'Invoice is wrong',
      status: 'hold',
      priority: 'urgent',
      tags: ['vip'],
      requesterId: 'ada@example.com',
      assigneeId: MARCO,
      customFields: { Plan: 'Pro' },
      createdAt: new Date('2026-03-06T16:30:00Z'),
      updatedAt: new Date('2026-03-09T10:00:00Z'),
    });
    expect(Ticket.parse(ticket)).toEqual(ticket);
    expect(ticketFromTrello({ ...card, closed: true }, board).status).toBe('closed');
    // A priority custom field wins over priority labels, and is not a custom field of the ticket any more.
    const byField = ticketFromTrello(card, board, { priorityField: 'Plan', priorityLabels: { pro: 'high' } });
    expect(byField).toMatchObject({ priority: 'high', customFields: {} });
    expect(ticketFromTrello(card, board).status).toBe('pending');
  });

  it('keeps custom-field numbers and checkboxes in their types, not the strings Trello wraps them in', () => {
    // Trello sends `{ number: "3" }` and `{ checked: "true" }`; before, the ticket said "3" and "true".
    const POINTS = hexId('2025-01-01T00:00:00Z', 20);
    const PAID = hexId('2025-01-01T00:00:00Z', 21);
    const SEEN = hexId('2025-01-01T00:00:00Z', 22);
    const DUE = hexId('2025-01-01T00:00:00Z', 23);
    const withFields: TrelloBoard = {
      ...board,
      customFields: [
        ...board.customFields,
        TrelloCustomField.parse({ id: POINTS, name: 'Point', type: 'number' }),
        TrelloCustomField.parse({ id: PAID, name: 'Paid', type: 'checkbox' }),
        TrelloCustomField.parse({ id: SEEN, name: 'Seen', type: 'checkbox' }),
        TrelloCustomField.parse({ id: DUE, name: 'Follow up', type: 'date' }),
      ],
    };
    const typed = ticketFromTrello(
      TrelloCard.parse({
        ...card,
        customFieldItems: [
          { id: 'i3', idCustomField: POINTS, value: { number: '3.5' } },
          { id: 'i4', idCustomField: PAID, value: { checked: 'true' } },
          { id: 'i5', idCustomField: SEEN, value: { checked: 'false' } },
          { id: 'i6', idCustomField: DUE, value: { date: '2026-03-10T09:00:00.000Z' } },
        ],
      }),
      withFields,
    );
    expect(typed.customFields).toEqual({
      Point: 3.5,
      Paid: true,
      Seen: false,
      'Follow up': '2026-03-10T09:00:00.000Z',
    });
    expect(Ticket.parse(typed)).toEqual(typed);
    // A number Trello could not have written stays the text it was, rather than becoming NaN.
    const odd = ticketFromTrello(
      TrelloCard.parse({
        ...card,
        customFieldItems: [{ id: 'i7', idCustomField: POINTS, value: { number: 'lots' } }],
      }),
      withFields,
    );
    expect(odd.customFields).toEqual({ Point: 'lots' });
  });

  it('reads any number Trello writes back as that number, and checkboxes as booleans (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        // Trello writes numbers as their decimal text; -0 reads back as 0, which is the same field value.
        expect(customFieldValue({ number: String(n) })).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
    fc.assert(
      fc.property(fc.boolean(), (checked) => {
        expect(customFieldValue({ checked: String(checked) })).toBe(checked);
      }),
    );
  });

  it('keeps a card with no createCard action (copied from a template, copied, converted): creator, else first actor, else unknown', () => {
    // A board copied from a template: its cards come with no action at all. Before, this threw "no requester
    // field and no creator" and tickets.list stopped at the first such card.
    const noActions = ticketFromTrello({ ...card, customFieldItems: [], actions: [] }, board);
    expect(noActions.requesterId).toBe(UNKNOWN_REQUESTER);
    expect(Ticket.parse(noActions)).toEqual(noActions);
    const copied = ticketFromTrello(
      {
        ...card,
        customFieldItems: [],
        actions: [action('copyCard', '2026-03-06T16:30:00Z', 13, { cardSource: { id: 'x' } }, 'feed01')],
      },
      board,
    );
    expect(copied.requesterId).toBe('feed01');
    const converted = ticketFromTrello(
      {
        ...card,
        customFieldItems: [],
        actions: [
          action('commentCard', '2026-03-07T16:30:00Z', 15, { text: 'later' }, 'beef02'),
          action('updateCard', '2026-03-06T17:30:00Z', 14, { old: { name: 'x' } }, 'beef01'),
        ],
      },
      board,
    );
    expect(converted.requesterId).toBe('beef01');
    const byCreator = ticketFromTrello(
      {
        ...card,
        customFieldItems: [],
        actions: [action('createCard', '2026-03-06T16:30:00Z', 12, {}, 'c0ffee')],
      },
      board,
    );
    expect(byCreator.requesterId).toBe('c0ffee');
  });

  it('reads list names as statuses, and ids as creation times (property)', () => {
    expect(
      [
        'Inbox',
        'To Do',
        'Doing',
        'In progress',
        'Waiting',
        'Awaiting reply',
        'Blocked',
        'On hold',
        'Done',
        'Resolved',
        'Misc',
      ].map(statusForListName),
    ).toEqual([
      'new',
      'new',
      'open',
      'open',
      'pending',
      'pending',
      'hold',
      'hold',
      'solved',
      'solved',
      'open',
    ]);
    // One table: the webhook parser reads a list name as the adapter does.
    for (const name of ['On hold', 'Blocked', 'Awaiting reply', 'Waiting on customer', '✅ Done', 'Misc'])
      expect(trelloListStatus(name)).toBe(statusForListName(name));
    expect(statusOfList(LISTS.done, board, { lists: { [LISTS.done]: 'closed' } })).toBe('closed');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2011-01-01Z'), max: new Date('2090-01-01Z'), noInvalidDate: true }),
        (d) => {
          const seconds = Math.floor(d.getTime() / 1000);
          expect(
            createdAtOfTrelloId(`${seconds.toString(16).padStart(8, '0')}0000000000000001`).getTime(),
          ).toBe(seconds * 1000);
        },
      ),
    );
    expect(() => createdAtOfTrelloId('not-an-id')).toThrow(ValidationError);
    expect(labelsOfCard({ ...card, labels: [], idLabels: [LABELS.billing] }, board)).toEqual({
      tags: ['billing'],
      priority: null,
    });
  });

  it('reads messages: the description opens, comments reply, a prefixed comment is a private note', () => {
    const ticket = ticketFromTrello(card, board);
    const messages = messagesFromTrello(
      ticket,
      [
        action('commentCard', '2026-03-06T16:40:00Z', 13, { text: '[private] Checking with billing' }),
        action('commentCard', '2026-03-09T09:15:00Z', 14, { text: 'Fixed, sorry!' }),
        action('commentCard', '2026-03-09T09:20:00Z', 15, { text: 'Thanks!' }, 'f00d'),
      ],
      board,
    );
    expect(messages.map((m) => [m.authorId, m.authorRole, m.public, m.body])).toEqual([
      ['ada@example.com', 'end-user', true, 'My invoice is wrong'],
      [MARCO, 'agent', false, 'Checking with billing'],
      [MARCO, 'agent', true, 'Fixed, sorry!'],
      ['f00d', 'end-user', true, 'Thanks!'],
    ]);
  });

  it('reads history: moves and archiving as status, members as assignee, labels as tags or priority', () => {
    const ticket = ticketFromTrello(card, board);
    const events = eventsFromTrello(
      ticket,
      [
        action('createCard', '2026-03-06T16:30:00Z', 20, { list: { id: LISTS.inbox } }),
        action('addMemberToCard', '2026-03-06T16:35:00Z', 21, { idMember: MARCO }),
        action('addLabelToCard', '2026-03-06T16:36:00Z', 22, { label: { id: LABELS.vip, name: 'vip' } }),
        action('addLabelToCard', '2026-03-06T16:37:00Z', 23, {
          label: { id: LABELS.urgent, name: 'Urgent' },
        }),
        action('updateCard', '2026-03-09T10:00:00Z', 24, {
          listBefore: { id: LISTS.inbox },
          listAfter: { id: LISTS.done },
        }),
        action('updateCard', '2026-03-09T11:00:00Z', 25, {
          old: { closed: false },
          card: { id: cardId, closed: true, idList: LISTS.done },
        }),
        action('updateCard', '2026-03-09T12:00:00Z', 26, {
          listBefore: { id: LISTS.done },
          listAfter: { id: LISTS.vendor },
        }),
      ],
      board,
    );
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['status', null, 'new'],
      ['assignee', null, MARCO],
      ['tags', [], ['vip']],
      ['priority', null, 'urgent'],
      ['stage', LISTS.inbox, LISTS.done],
      ['status', 'new', 'solved'],
      ['status', 'solved', 'closed'],
      ['stage', LISTS.done, LISTS.vendor],
      ['status', 'solved', 'pending'],
    ]);
    expect(
      eventsFromTrello(
        ticket,
        [action('addLabelToCard', '2026-03-06T16:36:00Z', 27, { label: { name: 'vip' } })],
        board,
        {},
        { tags: false },
      ),
    ).toEqual([]);
  });

  it('keeps a move between two lists of one status as a stage event', () => {
    // Doing and "In progress" both map to open: before, the move vanished from the history.
    const twoOpen: TrelloBoard = { ...board, lists: new Map([...board.lists, [LISTS.inbox, 'In progress']]) };
    const ticket = ticketFromTrello(card, twoOpen);
    const events = eventsFromTrello(
      ticket,
      [
        action('updateCard', '2026-03-09T10:00:00Z', 30, {
          listBefore: { id: LISTS.doing, name: 'Doing' },
          listAfter: { id: LISTS.inbox, name: 'In progress' },
        }),
      ],
      twoOpen,
    );
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([['stage', LISTS.doing, LISTS.inbox]]);
    for (const e of events) expect(TicketEvent.parse(e)).toEqual(e);
  });

  it('keeps unnamed labels as tags by colour', () => {
    // Trello shows a label without a name by its colour alone; before, such labels were dropped.
    const tags = labelsOfCard(
      { ...card, idLabels: [], labels: [{ id: LABELS.billing, name: '', color: 'green' }] },
      board,
    ).tags;
    expect(tags).toEqual(['color:green']);
    expect(labelTag({ id: 'x', name: null, color: null })).toBe('label:x');
    const ticket = ticketFromTrello(card, board);
    const events = eventsFromTrello(
      { ...ticket, tags: ['color:green', 'vip'] },
      [
        action('addLabelToCard', '2026-03-06T16:36:00Z', 31, {
          label: { id: 'nolabel', name: '', color: 'green' },
        }),
      ],
      board,
    );
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([['tags', ['vip'], ['color:green', 'vip']]]);
  });
});
