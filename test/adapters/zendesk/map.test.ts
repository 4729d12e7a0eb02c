import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentFromZendesk,
  channelFromVia,
  csatFromZendesk,
  customerFromZendesk,
  groupFromZendesk,
  ianaZoneFromZendesk,
  messageCreateToZendesk,
  messageFromZendesk,
  organizationFromZendesk,
  readTicket,
  scheduleFromZendesk,
  slaPolicyFromZendesk,
  ticketCreateToZendesk,
  ticketEventsFromZendesk,
  ticketFromZendesk,
  ticketPatchToZendesk,
  usersFromZendesk,
} from '../../../src/adapters/zendesk/map/index.js';
import {
  isPlainZendeskTicket,
  ZendeskComment,
  ZendeskGroup,
  ZendeskOrganization,
  ZendeskSatisfactionRating,
  ZendeskSlaPolicy,
  ZendeskTicket,
  ZendeskUser,
  ZendeskUserIdentity,
} from '../../../src/adapters/zendesk/wire.js';
import { Customer, Ticket, ValidationError } from '../../../src/index.js';
import { readSpecFixture, specExample } from '../openapi.js';

// The vendor's own examples, from Zendesk's OpenAPI description as derived into test/fixtures/specs/zendesk.json.
const spec = readSpecFixture('zendesk');
const example = (name: string) => specExample(spec, name);

describe('Zendesk map.ts on the spec’s examples', () => {
  it('maps TicketObject', () => {
    const wire = ZendeskTicket.parse(example('TicketObject'));
    const ticket = ticketFromZendesk(wire, { subdomain: 'company' });
    expect(ticket).toMatchObject({
      id: '35436',
      source: { adapter: 'zendesk', id: '35436', url: 'https://company.zendesk.com/agent/tickets/35436' },
      subject: 'Help, my printer is on fire!',
      status: 'open',
      priority: 'high',
      type: 'incident',
      requesterId: '20978392',
      submitterId: '76872',
      assigneeId: '235323',
      groupId: '98738',
      organizationId: '509974',
    });
    expect(ticket.createdAt.toISOString()).toBe('2009-07-20T22:55:29.000Z');
    expect(ticket.updatedAt.toISOString()).toBe('2011-05-05T10:38:52.000Z');
  });

  it('builds tickets the canonical schema accepts unchanged, for any wire ticket (property)', () => {
    const wireTicket = fc.record({
      id: fc.integer({ min: 1 }),
      subject: fc.option(fc.string(), { nil: null }),
      status: fc.constantFrom('new', 'open', 'pending', 'hold', 'solved', 'closed', 'Open', 'custom-x'),
      priority: fc.option(fc.constantFrom('low', 'normal', 'high', 'urgent', 'HIGH'), { nil: null }),
      type: fc.option(fc.constantFrom('question', 'incident', 'problem', 'task'), { nil: null }),
      via: fc.record({ channel: fc.constantFrom('web', 'email', 'voice', 'api', 'weird') }),
      requester_id: fc.integer({ min: 1 }),
      assignee_id: fc.option(fc.integer({ min: 0 }), { nil: null }),
      tags: fc.array(fc.stringMatching(/^[a-z0-9_]{0,8}$/), { maxLength: 4 }),
      custom_fields: fc.array(
        fc.record({
          id: fc.integer({ min: 1 }),
          value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string())),
        }),
        { maxLength: 3 },
      ),
      created_at: fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => `${d.toISOString().slice(0, 19)}Z`),
      updated_at: fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => `${d.toISOString().slice(0, 19)}Z`),
    });
    fc.assert(
      fc.property(wireTicket, (wire) => {
        const ticket = ticketFromZendesk(ZendeskTicket.parse(wire));
        expect(Ticket.parse(ticket)).toEqual(ticket);
        // The export's fast path maps the raw wire ticket to the very same ticket.
        expect(isPlainZendeskTicket(wire)).toBe(true);
        if (isPlainZendeskTicket(wire)) expect(ticketFromZendesk(wire)).toEqual(ticket);
      }),
      { numRuns: 200 },
    );
  });

  it('reads every timestamp shape as Date.parse does, refusing what it cannot read (property)', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc.oneof(
      // Zendesk's own shape, with out-of-range parts too (month 13, 31 April, hour 24…).
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), two, two, two, two, two)
        .map(([y, mo, d, h, mi, s]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}Z`),
      fc
        .date({ min: new Date('1970-01-01Z'), max: new Date('2100-01-01Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom('2026-03-02T10:00:00+01:00', '2026-03-02T10:00:00', '2026-03-02', 'soon'),
    );
    fc.assert(
      fc.property(stamp, (created_at) => {
        const wire = ZendeskTicket.parse({ id: 1, requester_id: 2, created_at });
        const expected = /(?:Z|[+-]\d\d:?\d\d)$/i.test(created_at) ? Date.parse(created_at) : Number.NaN;
        if (Number.isNaN(expected)) expect(() => ticketFromZendesk(wire)).toThrow(/createdAt/);
        else expect(ticketFromZendesk(wire).createdAt.getTime()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("the export's fast path accepts nothing the wire schema rejects, and every ordinary ticket (property)", () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom('id', 'value', 'channel', 'x'),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      ),
    );
    // Every field the fast path checks, each by name.
    const keys = [
      'id',
      'url',
      'subject',
      'raw_subject',
      'description',
      'status',
      'priority',
      'type',
      'custom_status_id',
      'via',
      'requester_id',
      'submitter_id',
      'assignee_id',
      'group_id',
      'organization_id',
      'tags',
      'custom_fields',
      'created_at',
      'updated_at',
      'due_at',
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), anything), fc.boolean(), (wire, withBasics) => {
        const candidate = withBasics ? { id: 1, created_at: '2026-03-02T10:00:00Z', ...wire } : wire;
        if (isPlainZendeskTicket(candidate)) expect(ZendeskTicket.safeParse(candidate).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(
      isPlainZendeskTicket({
        id: 35436,
        subject: 'Help',
        status: 'open',
        via: { channel: 'web', source: { from: {} } },
        requester_id: 20978392,
        assignee_id: null,
        tags: ['a'],
        custom_fields: [{ id: 27642, value: '745' }],
        created_at: '2009-07-20T22:55:29Z',
        updated_at: '2011-05-05T10:38:52Z',
        due_at: null,
        extra: { anything: true },
      }),
    ).toBe(true);
  });

  it("maps recorded Zendesk tickets on the export's path to tickets the canonical schema accepts unchanged", () => {
    // The export maps without a canonical schema pass (readTicket's fast path): the recorded responses hold it to
    // the schema, and to the schema path's answer.
    const recorded = (name: string, key: string) =>
      (
        JSON.parse(
          readFileSync(new URL(`../../fixtures/real/zendesk/${name}`, import.meta.url), 'utf8'),
        ) as Record<string, unknown[]>
      )[key]!;
    const wires = [
      ...recorded('go-zendesk.tickets.json', 'tickets'),
      ...recorded('go-zendesk.search_ticket.json', 'results'),
    ];
    expect(wires.length).toBeGreaterThan(2);
    const mapping = { subdomain: 'acme', customStatuses: new Map([['1', 'pending']]) };
    for (const wire of wires) {
      expect(isPlainZendeskTicket(wire)).toBe(true);
      const ticket = readTicket(wire, mapping);
      expect(Ticket.parse(ticket)).toEqual(ticket);
      expect(ticket).toEqual(ticketFromZendesk(ZendeskTicket.parse(wire), mapping));
      // A copy, not the wire's array: a caller changing the ticket's tags leaves the response alone.
      expect(ticket.tags).not.toBe((wire as { tags?: unknown }).tags);
    }
  });

  it('maps custom statuses through their category', () => {
    const wire = ZendeskTicket.parse({
      ...(example('TicketObject') as object),
      status: 'open',
      custom_status_id: 123,
    });
    expect(ticketFromZendesk(wire, { customStatuses: new Map([['123', 'pending']]) }).status).toBe('pending');
  });

  it('maps TicketCommentObject, telling agents from end users', () => {
    const wire = ZendeskComment.parse(example('TicketCommentObject'));
    const asCustomer = messageFromZendesk(wire, '35436', new Set());
    expect(asCustomer).toMatchObject({
      id: '1274',
      ticketId: '35436',
      authorId: '123123',
      authorRole: 'end-user',
      public: true,
      body: 'Thanks for your help!',
      channel: 'web',
      attachments: [{ id: '498483', fileName: 'crash.log', contentType: 'text/plain', size: 2532 }],
    });
    expect(messageFromZendesk(wire, '35436', new Set(['123123'])).authorRole).toBe('agent');
  });

  it('maps OrganizationObject, GroupObject and SatisfactionRatingObject', () => {
    expect(organizationFromZendesk(ZendeskOrganization.parse(example('OrganizationObject')))).toMatchObject({
      id: '35436',
      name: 'One Organization',
      domains: ['example.com', 'test.com'],
      tags: ['enterprise', 'other_tag'],
      customFields: { org_decimal: 5.2, org_dropdown: 'option_1' },
    });
    expect(groupFromZendesk(ZendeskGroup.parse(example('GroupObject')))).toMatchObject({
      id: '3432',
      name: 'First Level Support',
    });
    expect(
      csatFromZendesk(ZendeskSatisfactionRating.parse(example('SatisfactionRatingObject'))),
    ).toMatchObject({
      id: '35436',
      ticketId: '208',
      customerId: '7881',
      agentId: '135',
      rating: 'good',
    });
    const offered = ZendeskSatisfactionRating.parse({
      ...(example('SatisfactionRatingObject') as object),
      score: 'offered',
    });
    expect(csatFromZendesk(offered)?.rating).toBeNull();
    const unoffered = ZendeskSatisfactionRating.parse({
      ...(example('SatisfactionRatingObject') as object),
      score: 'unoffered',
    });
    expect(csatFromZendesk(unoffered)).toBeNull();
  });

  it('maps end users to customer cards with their identities', () => {
    const customer = customerFromZendesk({
      id: 20978392,
      name: 'Ada',
      email: 'ada@example.com',
      phone: '+390612345678',
      role: 'end-user',
      organization_id: 509974,
      locale: 'it',
      iana_time_zone: 'Europe/Rome',
      created_at: '2025-01-01T00:00:00Z',
    });
    expect(customer.identities.map((i) => i.kind)).toEqual(['email', 'phone', 'external']);
    expect(customer).toMatchObject({ organizationId: '509974', language: 'it', timeZone: 'Europe/Rome' });
  });

  it('refuses a ticket without the fields the model needs, naming them', () => {
    const wire = ZendeskTicket.parse({ id: 1, created_at: '2026-01-01T00:00:00Z', requester_id: null });
    expect(() => ticketFromZendesk(wire)).toThrow(ValidationError);
    expect(() => ticketFromZendesk(wire)).toThrow(/requesterId/);
  });
});

describe('Zendesk map.ts, canonical → wire', () => {
  it('builds create, update and comment bodies', () => {
    expect(
      ticketCreateToZendesk({
        subject: 'Help',
        description: 'Printer on fire',
        requesterId: '20978392',
        tags: ['printer'],
      }),
    ).toEqual({
      ticket: {
        subject: 'Help',
        requester_id: 20978392,
        comment: { body: 'Printer on fire', public: true, author_id: 20978392 },
        tags: ['printer'],
      },
    });
    expect(
      ticketPatchToZendesk({ status: 'solved', assigneeId: null, customFields: { '27642': '745' } }),
    ).toEqual({
      ticket: { status: 'solved', assignee_id: null, custom_fields: [{ id: 27642, value: '745' }] },
    });
    expect(
      messageCreateToZendesk({ authorId: '76872', authorRole: 'agent', public: false, body: 'note' }),
    ).toEqual({
      ticket: { comment: { body: 'note', public: false, author_id: 76872 } },
    });
  });

  it('maps channels', () => {
    expect(
      ['web', 'email', 'voice', 'twitter', 'native_messaging', 'api', 'carrier_pigeon'].map(channelFromVia),
    ).toEqual(['web', 'email', 'phone', 'social', 'chat', 'api', 'other']);
  });

  it('reads ticket history from audits and from the ticket-event export alike', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    const audit = ticketEventsFromZendesk({
      id: 9,
      ticketId: '35',
      at,
      authorId: 7,
      events: [
        { id: 1, type: 'Create', field_name: 'status', value: 'new' },
        { id: 2, type: 'Change', field_name: 'status', value: 'Solved', previous_value: 'open' },
        { id: 3, type: 'Change', field_name: 'assignee_id', value: 301, previous_value: null },
        { id: 4, type: 'Change', field_name: 'tags', value: ['a', 'c'], previous_value: ['a', 'b'] },
        { id: 5, type: 'Comment', body: 'not history', public: true },
        { id: 6, type: 'Change', field_name: 'subject', value: 'x', previous_value: 'y' },
      ],
    });
    const exported = ticketEventsFromZendesk({
      id: 9,
      ticketId: '35',
      at,
      authorId: 7,
      events: [
        { id: 1, event_type: 'Create', status: 'new' },
        { id: 2, event_type: 'Change', status: 'Solved', previous_value: 'open' },
        { id: 3, event_type: 'Change', assignee_id: 301, previous_value: null },
        { id: 4, event_type: 'Change', tags: ['a', 'c'], added_tags: ['c'], removed_tags: ['b'] },
        { id: 5, event_type: 'Comment', comment_present: true },
        { id: 6, event_type: 'Change', subject: 'x', previous_value: 'y' },
      ],
    });
    const expected = [
      { id: '9-1', type: 'status', from: null, to: 'new' },
      { id: '9-2', type: 'status', from: 'open', to: 'solved' },
      { id: '9-3', type: 'assignee', from: null, to: '301' },
      { id: '9-4', type: 'tags', from: ['a', 'b'], to: ['a', 'c'] },
    ].map((e) => ({ ...e, ticketId: '35', at, actorId: '7' }));
    expect(audit).toEqual(expected);
    expect(exported).toEqual(expected);
    // Zendesk's system user (-1) is nobody.
    expect(
      ticketEventsFromZendesk({
        id: 1,
        ticketId: '1',
        at,
        authorId: -1,
        events: [{ id: 2, type: 'Create', field_name: 'priority', value: 'high' }],
      })[0]?.actorId,
    ).toBeNull();
  });

  it('maps the Rails zone names Zendesk schedules and users carry to IANA names', () => {
    expect(ianaZoneFromZendesk('Eastern Time (US & Canada)')).toBe('America/New_York');
    expect(ianaZoneFromZendesk('Rome')).toBe('Europe/Rome');
    expect(ianaZoneFromZendesk('Europe/Rome')).toBe('Europe/Rome');
    const schedule = scheduleFromZendesk(
      {
        id: 9,
        name: 'EU desk',
        time_zone: 'Amsterdam',
        intervals: [{ start_time: 1980, end_time: 2460 }],
      },
      [{ name: 'Koningsdag', start_date: '2026-04-27', end_date: '2026-04-27' }],
    );
    expect(schedule).toMatchObject({
      id: '9',
      timeZone: 'Europe/Amsterdam',
      intervals: [{ start: 1980, end: 2460 }],
      holidays: [{ name: 'Koningsdag', startDate: '2026-04-27', endDate: '2026-04-27' }],
    });
    const error = (() => {
      try {
        scheduleFromZendesk({ id: 1, name: 'x', time_zone: 'Atlantis Standard' }, []);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('timeZone');
    const user = customerFromZendesk(
      ZendeskUser.parse({
        id: 5,
        name: 'Ada',
        role: 'end-user',
        time_zone: 'Berlin',
        created_at: '2026-01-01T00:00:00Z',
      }),
    );
    expect(user.timeZone).toBe('Europe/Berlin');
  });
});

describe('Zendesk SLA policies (map.ts) on the spec’s examples', () => {
  // Copied from the OpenAPI description into a fixture (see its _source): tests read nothing outside the repo.
  const sla = JSON.parse(
    readFileSync(new URL('../../fixtures/zendesk-sla-policies.json', import.meta.url), 'utf8'),
  ) as Record<string, { sla_policies?: unknown[]; sla_policy?: unknown; definitions?: unknown }>;
  const mapped = (wire: unknown) => slaPolicyFromZendesk(ZendeskSlaPolicy.parse(wire));

  it('maps SLAPoliciesResponseExample: conditions kept, not emptied', () => {
    const policy = mapped(sla.SLAPoliciesResponseExample!.sla_policies![0]);
    expect(policy).toMatchObject({
      id: '36',
      source: { adapter: 'zendesk', id: '36' },
      title: 'Incidents',
      description: 'For urgent incidents, we will respond to tickets in 10 minutes',
      position: 3,
      targets: [{ priority: 'low', metric: 'firstReply', minutes: 60, businessHours: false }],
    });
    expect(policy.filter.all).toEqual([
      { field: 'type', operator: 'is', values: ['incident'] },
      { field: 'channel', operator: 'is', values: ['email'] },
    ]);
    expect(policy.filter.any).toEqual([]);
    expect(policy.filter.unmappedConditions).toEqual([]);
  });

  it('maps SLAPolicyCreateResponse and SLAPolicyUpdateResponse targets (requester wait included)', () => {
    for (const name of ['SLAPolicyCreateResponse', 'SLAPolicyUpdateResponse', 'SLAPolicyResponseExample']) {
      const wire = sla[name]!.sla_policy as { policy_metrics: unknown[] };
      const policy = mapped(wire);
      expect(policy.targets).toHaveLength(wire.policy_metrics.length);
      expect(policy.filter.all?.[0]).toEqual({ field: 'type', operator: 'is', values: ['incident'] });
    }
    expect(mapped(sla.SLAPolicyCreateResponse!.sla_policy).targets).toContainEqual({
      priority: 'urgent',
      metric: 'requesterWait',
      minutes: 120,
      businessHours: false,
    });
  });

  it('keeps what has no canonical counterpart visibly aside: custom statuses (SLAPolicyObject), brands', () => {
    const silver = mapped(sla.SLAPolicyObjectExample);
    expect(silver.filter.unmappedConditions).toEqual([
      { group: 'all', field: 'custom_status_id', operator: 'includes', value: ['1', '2'] },
    ]);
    // SLAPolicyFilterDefinitionResponseExample lists brand_id (is / is_not, "10001" = Support) as a condition.
    const definitions = sla.SLAPolicyFilterDefinitionResponseExample!.definitions as {
      any: { value: string; operators: { value: string }[]; values: { list: { value: string }[] } }[];
    };
    const brand = definitions.any[0]!;
    const branded = mapped({
      id: 40,
      title: 'Support brand',
      filter: {
        all: [],
        any: [
          { field: brand.value, operator: brand.operators[1]!.value, value: brand.values.list[0]!.value },
        ],
      },
      policy_metrics: [],
    });
    expect(branded.filter.unmappedConditions).toEqual([
      { group: 'any', field: 'brand_id', operator: 'is_not', value: '10001' },
    ]);
    // A policy whose targets have no canonical metric still claims its tickets.
    expect(branded.targets).toEqual([]);
  });

  it('maps each documented condition it can express, and nothing else', () => {
    const policy = mapped({
      id: 41,
      title: 'Hand-made',
      position: 1,
      filter: {
        all: [
          { field: 'priority', operator: 'greater_than', value: 'normal' },
          { field: 'priority', operator: 'is_not', value: 'low' },
          { field: 'group_id', operator: 'is', value: 296220096 },
          { field: 'organization_id', operator: 'is_not', value: '' },
          { field: 'assignee_id', operator: 'is', value: 'current_user' },
          { field: 'current_tags', operator: 'not_includes', value: 'spam  test' },
          { field: 'via_id', operator: 'is', value: 0 },
          { field: 'ticket_form_id', operator: 'is', value: '360000' },
        ],
        any: [
          { field: 'current_tags', operator: 'includes', value: 'vip gold' },
          { field: 'requester_id', operator: 'is', value: '77' },
          { field: 'via_id', operator: 'is_not', value: 4 },
        ],
      },
      policy_metrics: [
        { priority: 'high', metric: 'pausable_update_time', target: 30, business_hours: true },
        { priority: 'high', metric: 'total_resolution_time', target: 600, business_hours: true },
      ],
    });
    expect(policy.filter.all).toEqual([
      { field: 'priority', operator: 'greaterThan', values: ['normal'] },
      { field: 'priority', operator: 'isNot', values: ['low'] },
      { field: 'groupId', operator: 'is', values: ['296220096'] },
      { field: 'organizationId', operator: 'isNot', values: [null] },
      { field: 'tags', operator: 'includesNone', values: ['spam', 'test'] },
    ]);
    expect(policy.filter.any).toEqual([
      { field: 'tags', operator: 'includesAny', values: ['vip', 'gold'] },
      { field: 'requesterId', operator: 'is', values: ['77'] },
      { field: 'channel', operator: 'isNot', values: ['email'] },
    ]);
    expect(policy.filter.unmappedConditions).toEqual([
      { group: 'all', field: 'assignee_id', operator: 'is', value: 'current_user' },
      // Via id 0 (web form) is one of several via types the canonical `web` channel gathers: not exact.
      { group: 'all', field: 'via_id', operator: 'is', value: 0 },
      { group: 'all', field: 'ticket_form_id', operator: 'is', value: '360000' },
    ]);
    expect(policy.targets).toEqual([
      { priority: 'high', metric: 'resolution', minutes: 600, businessHours: true },
    ]);
  });

  it('keeps a condition value of a shape it does not know, as JSON, rather than refusing the policy', () => {
    const policy = mapped({
      id: 42,
      title: 'Future condition',
      filter: { all: [{ field: 'custom_fields_360', operator: 'is', value: { option: 'gold' } }] },
    });
    expect(policy.filter.unmappedConditions).toEqual([
      { group: 'all', field: 'custom_fields_360', operator: 'is', value: '{"option":"gold"}' },
    ]);
  });

  it('refuses a malformed policy with a ValidationError naming the path, not the value', () => {
    expect(() => ZendeskSlaPolicy.parse({ id: 1, filter: {} })).toThrow();
    const error = (() => {
      try {
        mapped({
          id: 1,
          title: 'Bad',
          policy_metrics: [{ priority: 'low', metric: 'first_reply_time', target: -5 }],
        });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.issues[0]?.path).toEqual(['targets', 0, 'minutes']);
  });
});

/** A recorded response (test/fixtures/real/SOURCES.md names where each comes from). */
const recorded = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/real/zendesk/${name}`, import.meta.url), 'utf8')) as T;

describe('Zendesk people (map.ts) on recorded responses and the spec’s examples', () => {
  const users = recorded<{ users: unknown[] }>('go-zendesk.users.json').users.map((u) =>
    ZendeskUser.parse(u),
  );

  it('dates recorded users, groups and organizations with their updated_at, and keeps an active user undeleted', () => {
    const { customers, agents } = usersFromZendesk(users);
    expect(customers.map((c) => [c.id, c.updatedAt?.toISOString(), c.deleted, c.active])).toEqual([
      ['369531345753', '2018-11-23T16:05:14.000Z', undefined, true],
    ]);
    expect(agents.map((a) => [a.id, a.role, a.updatedAt?.toISOString()])).toEqual([
      ['369537351454', 'admin', '2018-11-30T19:12:34.000Z'],
    ]);
    const groups = recorded<{ groups: unknown[] }>('go-zendesk.groups.json').groups;
    expect(groups.map((g) => groupFromZendesk(ZendeskGroup.parse(g)).updatedAt?.toISOString())).toEqual([
      '2018-11-23T16:05:15.000Z',
    ]);
    const organizations = recorded<{ organizations: unknown[] }>(
      'go-zendesk.organizations.json',
    ).organizations;
    expect(
      organizations.map((o) =>
        organizationFromZendesk(ZendeskOrganization.parse(o)).updatedAt?.toISOString(),
      ),
    ).toEqual(['2019-09-17T21:22:18.000Z', '2019-09-17T21:22:18.000Z']);
    // The organization export's example, as the feed reads it.
    const exported = example('ExportIncrementalOrganizationsResponse') as { organizations: unknown[] };
    expect(organizationFromZendesk(ZendeskOrganization.parse(exported.organizations[0]))).toMatchObject({
      id: '4112492',
      domains: ['remain.com'],
      updatedAt: new Date('2018-11-14T00:54:22Z'),
    });
  });

  it('marks a deleted user deleted and inactive, a suspended one inactive only, and never guesses a merge', () => {
    const [customer] = users;
    const deleted = customerFromZendesk(ZendeskUser.parse({ ...customer, active: false }));
    expect(deleted).toMatchObject({ id: '369531345753', deleted: true, active: false });
    expect(deleted.mergedIntoId).toBeUndefined();
    // The example export's user is suspended (and an agent): inactive, not deleted.
    const exported = example('CursorBasedExportIncrementalUsersResponse') as { users: unknown[] };
    const suspended = ZendeskUser.parse(exported.users[0]);
    expect(customerFromZendesk(suspended)).toMatchObject({ active: false });
    expect(customerFromZendesk(suspended).deleted).toBeUndefined();
    expect(agentFromZendesk(ZendeskUser.parse({ ...suspended, active: false })).active).toBe(false);
  });

  it('gives a card every identity once: side-loaded identities, the user’s own e-mail, phone and external id', () => {
    const exported = example('CursorBasedExportIncrementalUsersResponse') as { users: unknown[] };
    const user = ZendeskUser.parse(exported.users[0]);
    // UserIdentityObject, then the other identities of the ListUserIdentities example (a Twitter handle and a
    // phone number written the way people type them), all given to the example user.
    const identities = [
      example('UserIdentityObject'),
      { id: 77136, user_id: 135, type: 'twitter', value: 'didgeridooboy', primary: false },
      { id: 88136, user_id: 135, type: 'phone_number', value: '+1 555-123-4567', primary: true },
      { id: 88137, user_id: 135, type: 'email', value: 'Johnny@Example.com', primary: false },
    ].map((i) => ZendeskUserIdentity.parse({ ...(i as object), user_id: user.id }));
    const card = customerFromZendesk(user, identities);
    expect(card.identities).toEqual([
      { kind: 'email', value: 'someone@example.com', primary: true },
      { kind: 'handle', channel: 'twitter', value: 'didgeridooboy', primary: false },
      // Not E.164: kept as a handle on the phone channel rather than lost.
      { kind: 'handle', channel: 'phone', value: '+1 555-123-4567', primary: true },
      // The user's own `email` differs only by case from an identity: once.
      { kind: 'email', value: 'Johnny@Example.com', primary: false },
      { kind: 'phone', value: '+15551234567', primary: false },
      { kind: 'handle', channel: 'external_id', value: 'sai989sur98w9', primary: false },
      { kind: 'external', adapter: 'zendesk', value: '35436', primary: false },
    ]);
    expect(() => Customer.parse(card)).not.toThrow();
  });

  it('matches side-loaded identities to their users by user_id, and gives a user without any its own fields', () => {
    const [customer] = users;
    const other = ZendeskUser.parse({ ...customer, id: 9, email: 'nine@example.com' });
    const identities = [
      { user_id: 369531345753, type: 'email', value: 'customer@example.com', primary: true },
      { user_id: 369531345753, type: 'facebook', value: '100004', primary: false },
      { user_id: 42, type: 'email', value: 'someone-else@example.com', primary: true },
    ].map((i) => ZendeskUserIdentity.parse(i));
    const { customers } = usersFromZendesk([users[0]!, other], identities);
    expect(customers.map((c) => c.identities.map((i) => `${i.kind}:${i.value}`))).toEqual([
      ['email:customer@example.com', 'handle:100004', 'external:369531345753'],
      ['email:nine@example.com', 'external:9'],
    ]);
  });
});
