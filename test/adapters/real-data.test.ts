/**
 * Real vendor records (test/fixtures/real, sources in SOURCES.md) through the adapters' pure map functions and
 * the canonical models; the regressions real data showed, each proved on a real record; and a property test
 * that a mapper never returns an invalid model, on records derived from the real ones with fields dropped or
 * nulled.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventsFromTrello,
  labelsOfCard,
  labelTag,
  messagesFromTrello,
  type TrelloBoard,
  ticketFromTrello,
  UNKNOWN_REQUESTER,
} from '../../src/adapters/trello/map.js';
import { TrelloCard, TrelloCustomField, TrelloLabel, TrelloList } from '../../src/adapters/trello/wire.js';
import {
  agentFromZendesk,
  customerFromZendesk,
  groupFromZendesk,
  isStaff,
  messageFromZendesk,
  messagesFromZendeskAudit,
  organizationFromZendesk,
  slaPolicyFromZendesk,
  ticketEventsFromZendesk,
  ticketFromZendesk,
} from '../../src/adapters/zendesk/map/index.js';
import {
  ZendeskAudit,
  ZendeskComment,
  ZendeskGroup,
  ZendeskOrganization,
  ZendeskSlaPolicy,
  ZendeskTicket,
  ZendeskUser,
} from '../../src/adapters/zendesk/wire.js';
import {
  Agent,
  Customer,
  Dataset,
  Group,
  Message,
  Organization,
  SlaPolicy,
  selectSlaPolicy,
  slaStatus,
  summarize,
  Ticket,
  TicketEvent,
  ValidationError,
  volumes,
} from '../../src/index.js';

const fixture = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/real/${path}`, import.meta.url), 'utf8')) as T;

type Json = Record<string, unknown>;
const zendesk = {
  tickets: [
    ...fixture<{ tickets: Json[] }>('zendesk/go-zendesk.tickets.json').tickets,
    ...fixture<{ results: Json[] }>('zendesk/go-zendesk.search_ticket.json').results,
  ],
  comments: fixture<{ comments: Json[] }>('zendesk/go-zendesk.ticket_comments.json').comments,
  redacted: fixture<{ comment: Json }>('zendesk/go-zendesk.redact_ticket_comment.json').comment,
  audits: fixture<{ audits: Json[] }>('zendesk/go-zendesk.ticket_audits.json').audits,
  users: fixture<{ users: Json[] }>('zendesk/go-zendesk.users.json').users,
  groups: fixture<{ groups: Json[] }>('zendesk/go-zendesk.groups.json').groups,
  organizations: fixture<{ organizations: Json[] }>('zendesk/go-zendesk.organizations.json').organizations,
  customStatuses: fixture<{ custom_statuses: Json[] }>('zendesk/go-zendesk.custom_ticket_statuses.json')
    .custom_statuses,
  slaPolicies: fixture<{ sla_policies: Json[] }>('zendesk/go-zendesk.sla_policies.json').sla_policies,
};
const trello = {
  cards: fixture<Json[]>('trello/ruby-trello.board-cards.json'),
  labels: fixture<Json[]>('trello/ruby-trello.board-labels.json'),
  lists: fixture<Json[]>('trello/ruby-trello.board-lists.json'),
  customFields: fixture<Json[]>('trello/ruby-trello.board-customFields.json'),
};
/** The board as the adapter reads it (src/adapters/trello/board.ts reads the same calls, map.ts boardShapeFromTrello shapes them). */
const board: TrelloBoard = {
  lists: new Map(trello.lists.map((l) => TrelloList.parse(l)).map((l) => [l.id, l.name])),
  labels: new Map(trello.labels.map((l) => TrelloLabel.parse(l)).map((l) => [l.id, labelTag(l)])),
  customFields: trello.customFields.map((f) => TrelloCustomField.parse(f)),
  members: new Set(['5e679b808e6e8828784b30e1']),
};

const agents = new Set(zendesk.users.filter((u) => isStaff(u.role)).map((u) => String(u.id)));
/** A real ticket with some fields changed, as the brief or a record the fixtures lack says they come. */
const realTicket = (changes: Json = {}) => ZendeskTicket.parse({ ...zendesk.tickets[0], ...changes });
/** Every object of the fixtures, mapped and parsed; the counts are the report's table. */
function mapEverything() {
  const tickets = zendesk.tickets.map((t) => ticketFromZendesk(ZendeskTicket.parse(t)));
  const messages = zendesk.comments.map((c) => messageFromZendesk(ZendeskComment.parse(c), '2', agents));
  const customers = zendesk.users
    .filter((u) => !isStaff(u.role))
    .map((u) => customerFromZendesk(ZendeskUser.parse(u)));
  const staff = zendesk.users
    .filter((u) => isStaff(u.role))
    .map((u) => agentFromZendesk(ZendeskUser.parse(u)));
  const organizations = zendesk.organizations.map((o) =>
    organizationFromZendesk(ZendeskOrganization.parse(o)),
  );
  const groups = zendesk.groups.map((g) => groupFromZendesk(ZendeskGroup.parse(g)));
  const audits = zendesk.audits.map((a) => ZendeskAudit.parse(a));
  const auditMessages = audits.flatMap((a) => messagesFromZendeskAudit(a, agents));
  const auditEvents = audits.flatMap((a) =>
    ticketEventsFromZendesk({
      id: a.id,
      ticketId: String(a.ticket_id),
      at: new Date(a.created_at),
      authorId: a.author_id,
      events: a.events ?? [],
    }),
  );
  const cards = trello.cards.map((c) => TrelloCard.parse(c));
  const trelloTickets = cards.map((c) => ticketFromTrello(c, board));
  const trelloMessages = trelloTickets.flatMap((t) => messagesFromTrello(t, [], board));
  return {
    tickets,
    messages,
    customers,
    staff,
    organizations,
    groups,
    auditMessages,
    auditEvents,
    trelloTickets,
    trelloMessages,
  };
}

describe('real vendor records through the pure mappers and the canonical models', () => {
  it('maps and parses every real object (tickets, comments, audits, users, organizations, groups, cards)', () => {
    const all = mapEverything();
    const counts = {
      'zendesk tickets': all.tickets.length,
      'zendesk comments': all.messages.length,
      'zendesk audit comments': all.auditMessages.length,
      'zendesk audit events': all.auditEvents.length,
      'zendesk end users': all.customers.length,
      'zendesk agents and admins': all.staff.length,
      'zendesk organizations': all.organizations.length,
      'zendesk groups': all.groups.length,
      'trello cards': all.trelloTickets.length,
      'trello messages': all.trelloMessages.length,
    };
    expect(counts).toEqual({
      'zendesk tickets': 3,
      'zendesk comments': 2,
      'zendesk audit comments': 1,
      'zendesk audit events': 1,
      'zendesk end users': 1,
      'zendesk agents and admins': 1,
      'zendesk organizations': 2,
      'zendesk groups': 1,
      'trello cards': 3,
      'trello messages': 1,
    });
    for (const t of [...all.tickets, ...all.trelloTickets]) expect(Ticket.parse(t)).toEqual(t);
    for (const m of [...all.messages, ...all.auditMessages, ...all.trelloMessages])
      expect(Message.parse(m)).toEqual(m);
    for (const e of all.auditEvents) expect(TicketEvent.parse(e)).toEqual(e);
    for (const c of all.customers) expect(Customer.parse(c)).toEqual(c);
    for (const a of all.staff) expect(Agent.parse(a)).toEqual(a);
    for (const o of all.organizations) expect(Organization.parse(o)).toEqual(o);
    for (const g of all.groups) expect(Group.parse(g)).toEqual(g);
    // One bundle, as a sync would write it: the Dataset's cross-checks (ids unique, records owned) hold.
    const dataset = Dataset.parse({
      tickets: [...all.tickets, ...all.trelloTickets],
      messages: [...all.messages, ...all.trelloMessages],
      customers: all.customers,
      agents: all.staff,
      organizations: all.organizations,
      groups: all.groups,
    });
    expect(dataset.tickets).toHaveLength(6);
  });

  it('reads the real shapes as they are: priority null and urgent, e-mail/web/api channels, an admin, Rails zones', () => {
    const all = mapEverything();
    expect(all.tickets.map((t) => [t.id, t.status, t.priority, t.channel])).toEqual([
      ['2', 'solved', null, 'email'],
      ['3', 'solved', null, 'web'],
      ['4', 'new', 'urgent', 'api'],
    ]);
    expect(all.staff[0]).toMatchObject({ role: 'admin', active: true, timeZone: 'Asia/Tokyo' });
    expect(all.customers[0]).toMatchObject({ active: true, timeZone: 'Asia/Tokyo', language: 'en-US' });
  });
});

describe('real Zendesk SLA policies', () => {
  it('map with their conditions and targets, parse as SlaPolicy, and apply only to incidents', () => {
    const policies = zendesk.slaPolicies.map((p) => slaPolicyFromZendesk(ZendeskSlaPolicy.parse(p)));
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      expect(SlaPolicy.parse(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
      // `type is incident` is a canonical condition, not an unmapped one: every ticket can be decided.
      expect(policy.filter.unmappedConditions ?? []).toEqual([]);
      expect(policy.targets.map((t) => `${t.priority}:${t.metric}:${t.minutes}`)).toEqual([
        'normal:firstReply:30',
        'urgent:firstReply:10',
        'low:requesterWait:180',
        'normal:requesterWait:160',
        'high:requesterWait:140',
        'urgent:requesterWait:120',
      ]);
    }
    const incident = ticketFromZendesk(realTicket({ type: 'incident', priority: 'urgent' }), {
      subdomain: 'd3v',
    });
    const question = ticketFromZendesk(realTicket({ type: 'question', priority: 'urgent' }), {
      subdomain: 'd3v',
    });
    expect(selectSlaPolicy(policies, incident)).toMatchObject({
      outcome: 'policy',
      policy: { id: '36000643450' },
    });
    expect(selectSlaPolicy(policies, question)).toEqual({ outcome: 'none' });
  });
});

describe('Zendesk regressions seen on real data', () => {
  it("a creation audit's unset fields (value: null) give no event, and the history parses in a Dataset", () => {
    // The real audit, with the creation events the brief reports (`{"type":"Create","field_name":"priority",
    // "value":null}`): before, that became a priority event with `to: null` the Dataset refused.
    const audit = zendesk.audits[0]! as { events: Json[] };
    const events = ticketEventsFromZendesk({
      id: 2127301143,
      ticketId: '2',
      at: new Date('2019-06-03T02:23:47Z'),
      authorId: 377922500012,
      events: [
        { id: 1, type: 'Create', field_name: 'status', value: 'new' },
        { id: 2, type: 'Create', field_name: 'priority', value: null },
        { id: 3, type: 'Create', field_name: 'assignee_id', value: null },
        { id: 4, type: 'Create', field_name: 'tags', value: [] },
        ...audit.events,
      ],
    });
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['status', null, 'new'],
      ['status', 'new', 'open'],
    ]);
    const ticket = ticketFromZendesk(ZendeskTicket.parse(zendesk.tickets[0]));
    expect(() => Dataset.parse({ tickets: [ticket], events })).not.toThrow();
    // A priority cleared later is a real change, to null.
    const cleared = ticketEventsFromZendesk({
      id: 9,
      ticketId: '2',
      at: new Date('2019-06-03T02:25:28Z'),
      authorId: 377922500012,
      events: [{ id: 5, type: 'Change', field_name: 'priority', value: null, previous_value: 'high' }],
    });
    expect(cleared.map((e) => [e.type, e.from, e.to])).toEqual([['priority', 'high', null]]);
    expect(() => Dataset.parse({ tickets: [ticket], events: cleared })).not.toThrow();
  });

  it('a closed ticket under custom statuses stays closed (its solved-category status does not make it solved)', () => {
    // Closed tickets carry a solved-category custom status id; the account's real custom statuses give the map.
    const customStatuses = new Map([
      ...zendesk.customStatuses.map((s) => [String(s.id), String(s.status_category)] as const),
      ['99001', 'solved'],
    ]);
    const closed = ticketFromZendesk(realTicket({ status: 'closed', custom_status_id: 99001 }), {
      customStatuses,
    });
    expect(closed.status).toBe('closed');
    const solved = ticketFromZendesk(realTicket({ status: 'solved', custom_status_id: 99001 }), {
      customStatuses,
    });
    expect(solved.status).toBe('solved');
    const open = ticketFromZendesk(realTicket({ status: 'open', custom_status_id: 35436 }), {
      customStatuses,
    });
    expect(open.status).toBe('open');
  });

  it('a move between two custom statuses of one category is kept as a stage event', () => {
    // The account's two real custom statuses are both "open": the status stays, the move is recorded.
    const [first, second] = zendesk.customStatuses as [Json, Json];
    const events = ticketEventsFromZendesk({
      id: 11,
      ticketId: '2',
      at: new Date('2019-06-03T02:24:00Z'),
      authorId: 377922500012,
      events: [
        { id: 1, type: 'Change', field_name: 'custom_status_id', value: second.id, previous_value: first.id },
      ],
    });
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([['stage', '35436', '32451']]);
    for (const e of events) expect(TicketEvent.parse(e)).toEqual(e);
  });

  it("a comment without created_at takes the audit's time (audit comments, redacted comments)", () => {
    const [message] = messagesFromZendeskAudit(ZendeskAudit.parse(zendesk.audits[0]), agents);
    expect(message).toMatchObject({
      ticketId: '666',
      authorId: '5246746',
      public: false,
      body: 'This is a new private comment',
      createdAt: new Date('2011-09-25T22:35:44Z'),
    });
    const redacted = ZendeskComment.parse(zendesk.redacted);
    const fromRedaction = messageFromZendesk(redacted, '2', agents, '2019-06-03T02:23:47Z');
    expect(fromRedaction).toMatchObject({ body: 'My ID number is ▇▇▇▇!', public: true });
    expect(Message.parse(fromRedaction)).toEqual(fromRedaction);
    // With no time at all it is refused, naming the field, never inventing one.
    expect(() => messageFromZendesk(redacted, '2', agents)).toThrow(ValidationError);
  });

  it('a ticket without a priority has priority null, not normal', () => {
    const tickets = zendesk.tickets.map((t) => ticketFromZendesk(ZendeskTicket.parse(t)));
    expect(tickets.map((t) => t.priority)).toEqual([null, null, 'urgent']);
    expect(Ticket.parse({ ...tickets[0] })).toMatchObject({ priority: null });
  });

  it('a deleted ticket is status deleted, and volumes, backlog and times leave it out unless includeDeleted', () => {
    const kept = ticketFromZendesk(realTicket({ id: 2, status: 'open' }));
    const deleted = ticketFromZendesk(realTicket({ id: 3, status: 'deleted' }));
    expect(deleted.status).toBe('deleted');
    const dataset = Dataset.parse({ tickets: [kept, deleted], asOf: '2019-06-10T00:00:00Z' });
    const [day] = volumes(dataset);
    expect(day).toMatchObject({ created: 1, backlog: 1 });
    expect(volumes(dataset, { includeDeleted: true })[0]).toMatchObject({ created: 2, backlog: 2 });
    expect(summarize(dataset).tickets).toMatchObject({ total: 1, unresolved: 1 });
    expect(summarize(dataset, { includeDeleted: true }).tickets).toMatchObject({ total: 2 });
  });

  it("solvedAt comes from the metric set's solved_at, else the audits' last change to solved", () => {
    const wire = ZendeskTicket.parse(zendesk.tickets[0]);
    expect(ticketFromZendesk(wire).solvedAt).toBeNull(); // the ticket itself does not say
    const bySet = ticketFromZendesk(wire, { metricSet: { solved_at: '2019-06-03T02:25:28Z' } });
    expect(bySet.solvedAt).toEqual(new Date('2019-06-03T02:25:28Z'));
    const events = ticketEventsFromZendesk({
      id: 7,
      ticketId: '2',
      at: new Date('2019-06-03T02:25:00Z'),
      authorId: 377922500012,
      events: [{ id: 1, type: 'Change', field_name: 'status', value: 'solved', previous_value: 'open' }],
    });
    expect(ticketFromZendesk(wire, { events }).solvedAt).toEqual(new Date('2019-06-03T02:25:00Z'));
    // Not solved now: no solvedAt, whatever the metric set remembers.
    const reopened = ticketFromZendesk(realTicket({ status: 'open' }), {
      metricSet: { solved_at: '2019-06-03T02:25:28Z' },
    });
    expect(reopened.solvedAt).toBeNull();
  });

  it('an inactive or suspended user is an inactive customer (and agent)', () => {
    const [endUser, admin] = zendesk.users as [Json, Json];
    expect(customerFromZendesk(ZendeskUser.parse(endUser)).active).toBe(true);
    expect(customerFromZendesk(ZendeskUser.parse({ ...endUser, active: false })).active).toBe(false);
    expect(customerFromZendesk(ZendeskUser.parse({ ...endUser, suspended: true })).active).toBe(false);
    expect(agentFromZendesk(ZendeskUser.parse({ ...admin, suspended: true })).active).toBe(false);
  });
});

describe('Trello regressions seen on the real board', () => {
  it('keeps the real cards that have no createCard action, and their unnamed labels as colour tags', () => {
    // The recorded cards come without actions, as cards of a board copied from a template do: before, the
    // first one threw "no requester field and no creator" and the list stopped there.
    const tickets = trello.cards.map((c) => ticketFromTrello(TrelloCard.parse(c), board));
    expect(tickets.map((t) => t.requesterId)).toEqual([
      UNKNOWN_REQUESTER,
      UNKNOWN_REQUESTER,
      UNKNOWN_REQUESTER,
    ]);
    expect(tickets[2]).toMatchObject({ tags: ['color:green', 'color:orange'], priority: null });
    expect(labelsOfCard(TrelloCard.parse(trello.cards[2]), board).tags).toEqual([
      'color:green',
      'color:orange',
    ]);
    // And a move between two lists of one status is kept (as a stage event).
    const events = eventsFromTrello(
      tickets[0]!,
      [
        {
          id: '5ec0e621fe539f18d8d81990',
          idMemberCreator: '5e679b808e6e8828784b30e1',
          type: 'updateCard',
          date: '2020-05-17T08:00:00.000Z',
          data: {
            listBefore: { id: '5e93bac014d40e501ee46b8d' },
            listAfter: { id: '5e93bac014d40e501ee46b8e' },
          },
        },
      ],
      board,
    );
    expect(events.map((e) => e.type)).toEqual(['stage']);
  });
});

describe('metrics with null priorities (as Zendesk does)', () => {
  const base = ticketFromZendesk(realTicket({ status: 'open' }));
  const policy = SlaPolicy.parse({
    id: 'p1',
    title: 'Urgent and normal',
    filter: { priorities: ['urgent', 'normal'] },
    targets: [
      { priority: 'urgent', metric: 'firstReply', minutes: 60, businessHours: false },
      { priority: 'normal', metric: 'firstReply', minutes: 480, businessHours: false },
    ],
  });

  it('SLA: a policy naming priorities does not match a ticket without one, and no target applies to it', () => {
    expect(slaStatus(base, [], [], policy, { asOf: '2019-06-10T00:00:00Z' })).toEqual([]);
    const urgent = { ...base, priority: 'urgent' };
    expect(slaStatus(urgent, [], [], policy, { asOf: '2019-06-10T00:00:00Z' })).toHaveLength(1);
    const report = summarize(
      Dataset.parse({ tickets: [base], slaPolicies: [policy], asOf: '2019-06-10T00:00:00Z' }),
    );
    expect(report.sla.every((m) => m.achieved + m.breached + m.active === 0)).toBe(true);
  });

  it("breakdowns by priority put tickets without one in '(no priority)'", () => {
    const urgent = ticketFromZendesk(ZendeskTicket.parse(zendesk.tickets[2]));
    const report = summarize(Dataset.parse({ tickets: [base, urgent], asOf: '2019-06-10T00:00:00Z' }));
    expect(report.breakdowns.priority.map((row) => [row.key, row.tickets])).toEqual([
      ['(no priority)', 1],
      ['urgent', 1],
    ]);
  });
});

/** A record derived from a real one: each field kept, dropped or nulled. */
const derived = (record: Json) =>
  fc
    .record(Object.fromEntries(Object.keys(record).map((k) => [k, fc.constantFrom('keep', 'drop', 'null')])))
    .map((choice) => {
      const out: Json = {};
      for (const [k, v] of Object.entries(record)) {
        if (choice[k] === 'keep') out[k] = v;
        else if (choice[k] === 'null') out[k] = null;
      }
      return out;
    });

/** Maps through the wire schema and the mapper: a canonical model, or a ValidationError — nothing else. */
function mapsToValidOrRefuses<T>(map: () => T, check: (value: T) => void) {
  let value: T;
  try {
    value = map();
  } catch (error) {
    if (error instanceof ValidationError || (error as { name?: string }).name === 'ZodError') return;
    throw error;
  }
  check(value);
}

describe('a mapper never returns an invalid model (property, records derived from the real ones)', () => {
  const runs = { numRuns: 150 };

  it('Zendesk tickets, comments, users, organizations, groups and audits', () => {
    const same =
      <S extends { parse: (v: unknown) => unknown }>(schema: S) =>
      (value: unknown) =>
        expect(schema.parse(value)).toEqual(value);
    fc.assert(
      fc.property(fc.constantFrom(...zendesk.tickets).chain(derived), (raw) =>
        mapsToValidOrRefuses(() => ticketFromZendesk(ZendeskTicket.parse(raw)), same(Ticket)),
      ),
      runs,
    );
    fc.assert(
      fc.property(fc.constantFrom(...zendesk.comments, zendesk.redacted).chain(derived), (raw) =>
        mapsToValidOrRefuses(
          () => messageFromZendesk(ZendeskComment.parse(raw), '2', agents, '2019-06-03T02:23:47Z'),
          same(Message),
        ),
      ),
      runs,
    );
    fc.assert(
      fc.property(fc.constantFrom(...zendesk.users).chain(derived), (raw) => {
        mapsToValidOrRefuses(() => customerFromZendesk(ZendeskUser.parse(raw)), same(Customer));
        mapsToValidOrRefuses(() => agentFromZendesk(ZendeskUser.parse(raw)), same(Agent));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.constantFrom(...zendesk.organizations).chain(derived), (raw) =>
        mapsToValidOrRefuses(
          () => organizationFromZendesk(ZendeskOrganization.parse(raw)),
          same(Organization),
        ),
      ),
      runs,
    );
    fc.assert(
      fc.property(fc.constantFrom(...zendesk.groups).chain(derived), (raw) =>
        mapsToValidOrRefuses(() => groupFromZendesk(ZendeskGroup.parse(raw)), same(Group)),
      ),
      runs,
    );
    const auditEvents = [
      ...((zendesk.audits[0] as { events: Json[] }).events ?? []),
      { id: 1, type: 'Create', field_name: 'priority', value: null },
      { id: 2, type: 'Create', field_name: 'status', value: 'new' },
      { id: 3, type: 'Change', field_name: 'custom_status_id', value: 35436, previous_value: 32451 },
      { id: 4, type: 'Change', field_name: 'tags', value: ['vip'], previous_value: [] },
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...auditEvents).chain(derived), { maxLength: 6 }), (events) =>
        mapsToValidOrRefuses(
          () =>
            ticketEventsFromZendesk({
              id: 2127301143,
              ticketId: '666',
              at: new Date('2011-09-25T22:35:44Z'),
              authorId: 5246746,
              events,
            }),
          (out) => {
            for (const e of out) expect(TicketEvent.parse(e)).toEqual(e);
          },
        ),
      ),
      runs,
    );
  });

  it('Trello cards', () => {
    fc.assert(
      fc.property(fc.constantFrom(...trello.cards).chain(derived), (raw) =>
        mapsToValidOrRefuses(
          () => ticketFromTrello(TrelloCard.parse(raw), board),
          (ticket) => expect(Ticket.parse(ticket)).toEqual(ticket),
        ),
      ),
      { numRuns: 150 },
    );
  });
});
