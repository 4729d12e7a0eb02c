/**
 * A stateful fake of the Zendesk Support API for msw: the paths, parameters and bodies follow the OpenAPI
 * description in test/fixtures/specs (TicketObject, TicketCommentObject, TicketAuditObject, UserObject,
 * UserIdentityObject, OrganizationObject, GroupObject, SatisfactionRatingObject, cursor pagination with
 * meta.has_more / meta.after_cursor / links.next, the cursor-based ticket and user exports, the time-based
 * ticket-event and organization exports).
 */
import { HttpResponse, http } from 'msw';
import type { Dataset } from '../../../src/index.js';
import { openApiRequestValidator, readSpecFixture } from '../openapi.js';

export const BASE = 'https://acme.zendesk.com';
type Wire = Record<string, unknown>;

const num = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);
const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
/** The spec types ids and `type` as non-nullable: an absent value is an absent key, not null. */
const compact = (wire: Wire): Wire =>
  Object.fromEntries(Object.entries(wire).filter(([, v]) => v !== null && v !== undefined));
const notFound = () =>
  HttpResponse.json({ error: 'RecordNotFound', description: 'Not found' }, { status: 404 });

/**
 * The published API description, read once when this module loads (not inside a test's time budget): request
 * bodies the fake takes are checked against it.
 */
const requestErrorsOf = openApiRequestValidator(readSpecFixture('zendesk'));
requestErrorsOf('/api/v2/tickets', 'post', {}); // compiles the validator now, too
/** Zendesk's answer to a body it cannot take. */
const recordInvalid = (details: Record<string, unknown>) =>
  HttpResponse.json(
    { error: 'RecordInvalid', description: 'Record validation errors', details },
    { status: 422 },
  );

export interface FakeZendesk {
  handlers: ReturnType<typeof http.get>[];
  state: {
    tickets: Map<string, Wire>;
    users: Map<string, Wire>;
    identities: Map<string, Wire[]>;
    groups: Wire[];
    organizations: Wire[];
    ratings: Wire[];
    requests: string[];
  };
}

export function fakeZendesk(seed: Dataset, clockStart = Date.parse('2026-03-05T00:00:00Z')): FakeZendesk {
  let clock = clockStart;
  const now = () => {
    clock += 1000;
    return iso(new Date(clock));
  };
  let nextId = 900_000;
  const tickets = new Map<string, Wire>();
  const comments = new Map<string, Wire[]>();
  const audits = new Map<string, Wire[]>();
  const users = new Map<string, Wire>();
  const idempotency = new Map<string, unknown>();
  const requests: string[] = [];
  const uploads = new Map<string, Wire[]>();
  const jobs = new Map<string, { polls: number; results: Wire[] }>();

  /** Each user's identities (UserIdentityObject), in the order Zendesk lists them. */
  const identities = new Map<string, Wire[]>();
  // Their own numbering, so that the ids of tickets, comments and audits stay what they were.
  let nextIdentityId = 10_000_000;
  const addIdentity = (userId: string, type: string, value: string, primary: boolean, at: string) => {
    const identity = {
      url: `${BASE}/api/v2/users/${userId}/identities/${nextIdentityId + 1}.json`,
      id: ++nextIdentityId,
      user_id: num(userId),
      type,
      value,
      verified: true,
      primary,
      created_at: at,
      updated_at: at,
    };
    identities.set(userId, [...(identities.get(userId) ?? []), identity]);
  };
  /** Zendesk's identity type for a canonical identity; a helpdesk id is no Zendesk identity. */
  const IDENTITY_TYPES = new Map([
    ['email', 'email'],
    ['phone', 'phone_number'],
  ]);
  for (const c of seed.customers) {
    const at = iso(c.createdAt);
    const email = c.identities.find((i) => i.kind === 'email')?.value;
    const phone = c.identities.find((i) => i.kind === 'phone')?.value;
    users.set(
      c.id,
      compact({
        id: num(c.id),
        name: c.name,
        email: email ?? null,
        phone: phone ?? null,
        role: 'end-user',
        active: true,
        organization_id: c.organizationId ? num(c.organizationId) : null,
        created_at: at,
        updated_at: iso(c.updatedAt ?? c.createdAt),
      }),
    );
    for (const identity of c.identities) {
      const type = identity.kind === 'handle' ? identity.channel : IDENTITY_TYPES.get(identity.kind);
      if (type) addIdentity(c.id, type, identity.value, identity.value === email, at);
    }
  }
  for (const a of seed.agents) {
    users.set(a.id, {
      id: num(a.id),
      name: a.name,
      email: a.email ?? null,
      role: 'agent',
      active: true,
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
    });
    if (a.email) addIdentity(a.id, 'email', a.email, true, '2025-01-01T00:00:00Z');
  }
  /** The authenticated user: the seed's first agent. A comment sent without author_id is theirs. */
  const me = seed.agents[0] ? num(seed.agents[0].id) : -1;
  /**
   * Zendesk's write-only `requester` object on ticket create: the user with that e-mail (compared
   * case-insensitively), else a new end user named `name` (the address when no name is given). Undefined when the
   * object is malformed.
   */
  const requesterOf = (requester: unknown): Wire | undefined => {
    const { email, name } = (requester ?? {}) as Wire;
    if (typeof email !== 'string' || !email.includes('@')) return undefined;
    if (name !== undefined && typeof name !== 'string') return undefined;
    const found = [...users.values()].find(
      (u) => String(u.email ?? '').toLowerCase() === email.toLowerCase(),
    );
    if (found) return found;
    const id = String(++nextId);
    const at = now();
    const user = {
      id: Number(id),
      name: name ?? email,
      email,
      role: 'end-user',
      active: true,
      created_at: at,
      updated_at: at,
    };
    users.set(id, user);
    addIdentity(id, 'email', email, true, at);
    return user;
  };
  for (const t of seed.tickets) {
    tickets.set(
      t.id,
      compact({
        id: num(t.id),
        subject: t.subject,
        status: t.status,
        priority: t.priority,
        type: null,
        via: { channel: 'web' },
        requester_id: num(t.requesterId),
        submitter_id: num(t.requesterId),
        assignee_id: t.assigneeId ? num(t.assigneeId) : null,
        group_id: t.groupId ? num(t.groupId) : null,
        organization_id: null,
        tags: [...t.tags],
        custom_fields: [],
        created_at: iso(t.createdAt),
        updated_at: iso(t.updatedAt),
        due_at: null,
      }),
    );
  }
  for (const m of seed.messages) {
    comments.set(m.ticketId, [
      ...(comments.get(m.ticketId) ?? []),
      {
        id: num(m.id),
        type: 'Comment',
        author_id: num(m.authorId),
        body: m.body,
        public: m.public,
        created_at: iso(m.createdAt),
        attachments: [],
      },
    ]);
  }
  // Seed history: each ticket's creation, then each comment as an update of its own, as Zendesk records them.
  for (const t of seed.tickets) {
    audits.set(t.id, [
      {
        id: ++nextId,
        ticket_id: num(t.id),
        created_at: iso(t.createdAt),
        author_id: num(t.requesterId),
        events: [
          { id: ++nextId, type: 'Create', field_name: 'status', value: 'new' },
          { id: ++nextId, type: 'Create', field_name: 'priority', value: t.priority },
        ],
      },
    ]);
  }
  for (const m of seed.messages) {
    const comment = comments.get(m.ticketId)!.find((c) => c.id === num(m.id))!;
    audits.get(m.ticketId)!.push({
      id: ++nextId,
      ticket_id: num(m.ticketId),
      created_at: iso(m.createdAt),
      author_id: num(m.authorId),
      events: [comment],
    });
  }
  // Groups and organizations as GroupObject and OrganizationObject, last changed a day before the fake's clock.
  const dayBefore = iso(new Date(clockStart - 86_400_000));
  /** A second apart, in the seed's order: no two changed at the same second. */
  const secondAfter = (base: string, index: number) => iso(new Date(Date.parse(base) + index * 1000));
  const groups: Wire[] = seed.groups.map((g, index) => ({
    url: `${BASE}/api/v2/groups/${g.id}.json`,
    id: num(g.id),
    name: g.name,
    description: g.description ?? '',
    default: false,
    deleted: false,
    is_public: true,
    created_at: dayBefore,
    updated_at: secondAfter(dayBefore, index),
  }));
  const organizations: Wire[] = seed.organizations.map((o, index) => ({
    url: `${BASE}/api/v2/organizations/${o.id}.json`,
    id: num(o.id),
    name: o.name,
    domain_names: o.domains,
    tags: o.tags,
    created_at: dayBefore,
    updated_at: secondAfter(dayBefore, index),
  }));
  // The spec requires assignee_id and group_id on every rating: the fake account's first agent and group stand in.
  const ratings = seed.csat.map((r) => ({
    id: num(r.id),
    ticket_id: r.ticketId ? num(r.ticketId) : null,
    requester_id: num(r.customerId),
    assignee_id: num(r.agentId ?? seed.agents[0]!.id),
    group_id: num(seed.groups[0]!.id),
    score: r.rating === null ? 'offered' : String(r.rating),
    created_at: iso(r.createdAt),
    updated_at: iso(r.createdAt),
  }));

  /** Cursor pagination as Zendesk does it: page[size], page[after] → meta.has_more, meta.after_cursor, links.next. */
  // Help Center (not in the Support OpenAPI description): articles and sections as the Help Center reference's
  // JSON format describes them (developer.zendesk.com/api-reference/help_center/help-center-api/articles/ and
  // /sections/), one record per article and locale, sections taken from the articles that name them.
  const articles = seed.articles.map((a) =>
    compact({
      id: num(a.id),
      url: `${BASE}/api/v2/help_center/${a.locale.toLowerCase()}/articles/${a.id}.json`,
      html_url: a.url ?? null,
      title: a.title,
      body: a.html ?? a.body,
      locale: a.locale.toLowerCase(),
      source_locale: a.locale.toLowerCase(),
      author_id: a.authorId ? num(a.authorId) : null,
      section_id: a.sectionId ? num(a.sectionId) : null,
      label_names: [...a.labels],
      draft: a.draft,
      outdated: false,
      outdated_locales: a.outdated ? [a.locale.toLowerCase()] : [],
      comments_disabled: false,
      promoted: false,
      position: 0,
      vote_sum: 0,
      vote_count: 0,
      created_at: iso(a.createdAt),
      updated_at: iso(a.updatedAt),
      edited_at: iso(a.updatedAt),
    }),
  );
  const sections = new Map<string, Wire>();
  for (const a of seed.articles)
    if (a.sectionId)
      sections.set(`${a.locale.toLowerCase()}/${a.sectionId}`, {
        id: num(a.sectionId),
        name: a.sectionName ?? `Section ${a.sectionId}`,
        locale: a.locale.toLowerCase(),
        source_locale: a.locale.toLowerCase(),
        html_url: `${BASE}/hc/${a.locale.toLowerCase()}/sections/${a.sectionId}`,
        outdated: false,
        position: 0,
        created_at: iso(a.createdAt),
        updated_at: iso(a.createdAt),
      });
  const locales = [...new Set(articles.map((a) => String(a.locale)))];
  // SLA policies as SLAPolicyObject: canonical conditions back to Zendesk's, unmapped ones as they came.
  const slaCondition = (c: NonNullable<Dataset['slaPolicies'][number]['filter']['all']>[number]): Wire => {
    const value = c.values[0] ?? '';
    switch (c.field) {
      case 'tags':
        return {
          field: 'current_tags',
          operator: c.operator === 'includesAny' ? 'includes' : 'not_includes',
          value: c.values.join(' '),
        };
      case 'channel':
        return {
          field: 'via_id',
          operator: c.operator === 'is' ? 'is' : 'is_not',
          value: value === 'email' ? '4' : value,
        };
      default: {
        const field = {
          priority: 'priority',
          type: 'type',
          groupId: 'group_id',
          organizationId: 'organization_id',
          assigneeId: 'assignee_id',
          requesterId: 'requester_id',
        }[c.field];
        const operator = { is: 'is', isNot: 'is_not', lessThan: 'less_than', greaterThan: 'greater_than' }[
          c.operator as 'is'
        ];
        return { field, operator, value };
      }
    }
  };
  const SLA_METRIC_NAMES: Record<string, string> = {
    firstReply: 'first_reply_time',
    nextReply: 'next_reply_time',
    periodicUpdate: 'periodic_update_time',
    requesterWait: 'requester_wait_time',
    agentWork: 'agent_work_time',
    resolution: 'total_resolution_time',
  };
  const slaPolicies = seed.slaPolicies.map((p) => ({
    id: num(p.id),
    url: `${BASE}/api/v2/slas/policies/${p.id}.json`,
    title: p.title,
    description: p.description ?? '',
    position: p.position,
    filter: {
      all: [
        ...(p.filter.all ?? []).map(slaCondition),
        ...(p.filter.unmappedConditions ?? [])
          .filter((u) => u.group === 'all')
          .map(({ group: _, ...u }) => u),
      ],
      any: [
        ...(p.filter.any ?? []).map(slaCondition),
        ...(p.filter.unmappedConditions ?? [])
          .filter((u) => u.group === 'any')
          .map(({ group: _, ...u }) => u),
      ],
    },
    policy_metrics: p.targets.map((t) => ({
      priority: t.priority,
      metric: SLA_METRIC_NAMES[t.metric],
      target: t.minutes,
      business_hours: t.businessHours,
    })),
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }));
  const page = (request: Request, key: string, items: unknown[], extra: Wire = {}) => {
    const url = new URL(request.url);
    const size = Math.min(100, Number(url.searchParams.get('page[size]') ?? 100));
    const after = url.searchParams.get('page[after]');
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const slice = items.slice(start, start + size);
    const hasMore = start + size < items.length;
    const cursor = Buffer.from(String(start + size)).toString('base64url');
    const next = new URL(url);
    next.searchParams.set('page[after]', cursor);
    next.searchParams.set('page[size]', String(size));
    return HttpResponse.json({
      [key]: slice,
      ...extra,
      meta: { has_more: hasMore, after_cursor: hasMore ? cursor : null, before_cursor: null },
      links: { next: hasMore ? next.toString() : null, prev: null },
    });
  };
  const record = (ticketId: string, events: Wire[], authorId: unknown) => {
    const audit = {
      id: ++nextId,
      ticket_id: num(ticketId),
      created_at: now(),
      author_id: authorId ?? -1,
      events,
    };
    audits.set(ticketId, [...(audits.get(ticketId) ?? []), audit]);
    return audit;
  };
  const applyComment = (ticketId: string, comment: Wire | undefined, events: Wire[], at: string) => {
    if (!comment) return;
    const wire = {
      id: ++nextId,
      type: 'Comment',
      author_id: comment.author_id,
      body: comment.body,
      public: comment.public !== false,
      created_at: at,
      // An upload token is consumed by the comment it attaches to.
      attachments: ((comment.uploads ?? []) as string[]).flatMap((token) => {
        const files = uploads.get(token) ?? [];
        uploads.delete(token);
        return files;
      }),
    };
    comments.set(ticketId, [...(comments.get(ticketId) ?? []), wire]);
    events.push(wire);
  };
  /** The first public agent reply and the replies, as Zendesk's Ticket Metrics would count them. */
  const metricsOf = (ticketId: string): Wire => {
    const ticket = tickets.get(ticketId)!;
    const created = Date.parse(String(ticket.created_at));
    const replies = (comments.get(ticketId) ?? []).filter(
      (c) => c.public && users.get(String(c.author_id))?.role !== 'end-user',
    );
    const first = replies[0]
      ? Math.round((Date.parse(String(replies[0].created_at)) - created) / 60_000)
      : null;
    return {
      id: Number(ticketId) + 1_000_000,
      ticket_id: Number(ticketId),
      replies: replies.length,
      reopens: 0,
      reply_time_in_minutes: first === null ? {} : { calendar: first, business: first },
      first_resolution_time_in_minutes: {},
      full_resolution_time_in_minutes: {},
      // The fake solves a ticket at its last update (the spec types solved_at as a string: absent when unsolved).
      ...(['solved', 'closed'].includes(String(ticket.status)) ? { solved_at: ticket.updated_at } : {}),
      created_at: ticket.created_at,
      updated_at: ticket.updated_at,
    };
  };
  const sortedByUpdate = () =>
    [...tickets.values()].sort(
      (a, b) => String(a.updated_at).localeCompare(String(b.updated_at)) || Number(a.id) - Number(b.id),
    );

  const handlers = [
    http.get(`${BASE}/api/v2/tickets.json`, ({ request }) =>
      page(
        request,
        'tickets',
        [...tickets.values()],
        new URL(request.url).searchParams.get('include') === 'metric_sets'
          ? { metric_sets: [...tickets.keys()].map(metricsOf) }
          : {},
      ),
    ),
    http.get(`${BASE}/api/v2/search/export.json`, ({ request }) => {
      const query = new URL(request.url).searchParams.get('query') ?? '';
      const terms = query.split(/\s+/);
      const statuses = terms.filter((t) => t.startsWith('status:')).map((t) => t.slice(7));
      const tags = terms.filter((t) => t.startsWith('tags:')).map((t) => t.slice(5));
      const since = terms.find((t) => t.startsWith('updated>='))?.slice(9);
      const results = [...tickets.values()].filter(
        (t) =>
          (statuses.length === 0 || statuses.includes(String(t.status))) &&
          tags.every((tag) => (t.tags as string[]).includes(tag)) &&
          (!since || Date.parse(String(t.updated_at)) >= Date.parse(since)),
      );
      return page(
        request,
        'results',
        results.map((t) => ({ ...t, result_type: 'ticket' })),
      );
    }),
    http.get(`${BASE}/api/v2/tickets/:id.json`, ({ params, request }) => {
      const ticket = tickets.get(String(params.id));
      const include = new URL(request.url).searchParams.get('include') === 'metric_sets';
      if (!ticket) return notFound();
      return HttpResponse.json({ ticket, ...(include ? { metric_set: metricsOf(String(params.id)) } : {}) });
    }),
    http.post(`${BASE}/api/v2/tickets.json`, async ({ request }) => {
      const key = request.headers.get('idempotency-key');
      if (key && idempotency.has(key))
        return HttpResponse.json(idempotency.get(key) as Wire, { status: 201 });
      const body = (await request.json()) as { ticket: Wire };
      const invalid = requestErrorsOf('/api/v2/tickets', 'post', body);
      if (invalid.length)
        return recordInvalid({
          base: invalid.map((e) => ({ description: `${e.instancePath || '(body)'} ${e.message}` })),
        });
      if (!body.ticket?.subject) return recordInvalid({ subject: [{ description: 'blank' }] });
      let requesterId = body.ticket.requester_id;
      if (body.ticket.requester !== undefined) {
        const requester = requesterOf(body.ticket.requester);
        if (!requester) return recordInvalid({ requester: [{ description: 'needs an email' }] });
        requesterId = requester.id;
      }
      if (!users.has(String(requesterId)))
        return recordInvalid({ requester: [{ description: 'not found' }] });
      const comment = body.ticket.comment as Wire | undefined;
      const at = now();
      const id = String(++nextId);
      const wire: Wire = compact({
        id: Number(id),
        subject: body.ticket.subject,
        status: body.ticket.status ?? 'new',
        priority: body.ticket.priority ?? 'normal',
        type: null,
        via: { channel: 'api' },
        requester_id: requesterId,
        submitter_id: requesterId,
        assignee_id: body.ticket.assignee_id ?? null,
        group_id: body.ticket.group_id ?? null,
        organization_id: null,
        tags: body.ticket.tags ?? [],
        custom_fields: body.ticket.custom_fields ?? [],
        created_at: at,
        updated_at: at,
        due_at: null,
      });
      tickets.set(id, wire);
      const events: Wire[] = [{ id: ++nextId, type: 'Create', field_name: 'status', value: wire.status }];
      // The submitter (here the requester, as for a ticket they sent) writes the first comment.
      applyComment(id, comment && { ...comment, author_id: comment.author_id ?? requesterId }, events, at);
      const response = { ticket: wire, audit: record(id, events, requesterId) };
      if (key) idempotency.set(key, response);
      return HttpResponse.json(response, { status: 201 });
    }),
    http.put(`${BASE}/api/v2/tickets/:id.json`, async ({ params, request }) => {
      const id = String(params.id);
      const wire = tickets.get(id);
      if (!wire) return notFound();
      const body = (await request.json()) as { ticket: Wire };
      const at = now();
      const events: Wire[] = [];
      for (const field of ['status', 'priority', 'assignee_id', 'group_id', 'tags', 'subject']) {
        if (!(field in body.ticket)) continue;
        const value = body.ticket[field];
        if (JSON.stringify(value) === JSON.stringify(wire[field])) continue;
        events.push({
          id: ++nextId,
          type: 'Change',
          field_name: field,
          value,
          previous_value: wire[field] ?? null,
        });
        if (value === null) delete wire[field];
        else wire[field] = value;
      }
      const comment = body.ticket.comment as Wire | undefined;
      // A comment without author_id is the authenticated user's.
      applyComment(id, comment && { ...comment, author_id: comment.author_id ?? me }, events, at);
      wire.updated_at = at;
      return HttpResponse.json({ ticket: wire, audit: record(id, events, comment ? me : null) });
    }),
    http.get(`${BASE}/api/v2/tickets/:id/comments.json`, ({ params, request }) => {
      const id = String(params.id);
      if (!tickets.has(id)) return notFound();
      const list = comments.get(id) ?? [];
      const authors = [...new Set(list.map((c) => String(c.author_id)))]
        .map((a) => users.get(a))
        .filter(Boolean);
      return page(
        request,
        'comments',
        list,
        new URL(request.url).searchParams.get('include') === 'users' ? { users: authors } : {},
      );
    }),
    http.get(`${BASE}/api/v2/tickets/:id/audits.json`, ({ params, request }) => {
      const id = String(params.id);
      return tickets.has(id) ? page(request, 'audits', audits.get(id) ?? []) : notFound();
    }),
    http.get(`${BASE}/api/v2/users/search.json`, ({ request }) => {
      const query = new URL(request.url).searchParams.get('query') ?? '';
      const email = query.replace(/^email:/, '').toLowerCase();
      return HttpResponse.json({
        users: [...users.values()].filter((u) => String(u.email ?? '').toLowerCase() === email),
        next_page: null,
        count: 0,
      });
    }),
    http.get(`${BASE}/api/v2/users.json`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const roles = [...params.getAll('role'), ...params.getAll('role[]')];
      return page(
        request,
        'users',
        [...users.values()].filter((u) => roles.length === 0 || roles.includes(String(u.role))),
      );
    }),
    http.get(`${BASE}/api/v2/users/:id.json`, ({ params }) => {
      const user = users.get(String(params.id));
      return user ? HttpResponse.json({ user }) : notFound();
    }),
    http.post(`${BASE}/api/v2/users.json`, async ({ request }) => {
      const key = request.headers.get('idempotency-key');
      if (key && idempotency.has(key))
        return HttpResponse.json(idempotency.get(key) as Wire, { status: 201 });
      const body = (await request.json()) as { user: Wire };
      const id = String(++nextId);
      const at = now();
      const user: Wire = { id: Number(id), active: true, ...body.user, created_at: at, updated_at: at };
      users.set(id, user);
      if (typeof user.email === 'string') addIdentity(id, 'email', user.email, true, at);
      if (typeof user.phone === 'string') addIdentity(id, 'phone_number', user.phone, false, at);
      if (key) idempotency.set(key, { user });
      return HttpResponse.json({ user }, { status: 201 });
    }),
    http.put(`${BASE}/api/v2/users/:id.json`, async ({ params, request }) => {
      const id = String(params.id);
      const user = users.get(id);
      if (!user) return notFound();
      const changes = ((await request.json()) as { user: Wire }).user;
      // A new primary address replaces the primary e-mail identity, as the user's `email` does.
      if (typeof changes.email === 'string' && changes.email !== user.email) {
        const list = identities.get(id) ?? [];
        const primary = list.find((i) => i.type === 'email' && i.primary);
        if (primary) Object.assign(primary, { value: changes.email });
        else addIdentity(id, 'email', changes.email, true, String(user.updated_at));
      }
      Object.assign(user, changes, { updated_at: now() });
      return HttpResponse.json({ user });
    }),
    // DeleteUser: a soft delete. The user stays, inactive, in the user export; its identities are released.
    http.delete(`${BASE}/api/v2/users/:id.json`, ({ params }) => {
      const id = String(params.id);
      const user = users.get(id);
      if (!user) return notFound();
      Object.assign(user, { active: false, updated_at: now() });
      identities.delete(id);
      return HttpResponse.json({ user });
    }),
    // MergeEndUsers: the user in the path goes into the one in the body, as Zendesk's help describes it
    // (support.zendesk.com/hc/en-us/articles/4408887695898): the merging user loses all its data except tickets
    // and e-mail identities, which move to the receiving user; its tickets' requester becomes the receiving user
    // (a requester change in each ticket's events); the merging user is deleted. Agents cannot be merged.
    http.put(`${BASE}/api/v2/users/:id/merge.json`, async ({ params, request }) => {
      const id = String(params.id);
      const body = (await request.json()) as { user?: { id?: unknown } };
      const invalid = requestErrorsOf('/api/v2/users/{user_id}/merge', 'put', body);
      if (invalid.length)
        return recordInvalid({ base: invalid.map((e) => ({ description: String(e.message) })) });
      const loser = users.get(id);
      const winnerId = String(body.user?.id);
      const winner = users.get(winnerId);
      if (!loser || !winner) return notFound();
      if (loser.role !== 'end-user' || winner.role !== 'end-user' || winnerId === id)
        return recordInvalid({ base: [{ description: 'only two end users can be merged' }] });
      const at = now();
      const moved = (identities.get(id) ?? []).filter((i) => i.type === 'email');
      for (const identity of moved)
        Object.assign(identity, { user_id: num(winnerId), primary: false, updated_at: at });
      identities.set(winnerId, [...(identities.get(winnerId) ?? []), ...moved]);
      identities.delete(id);
      delete loser.email;
      delete loser.phone;
      Object.assign(loser, { active: false, updated_at: at });
      winner.updated_at = at;
      for (const [ticketId, ticket] of tickets) {
        if (String(ticket.requester_id) !== id) continue;
        ticket.requester_id = num(winnerId);
        ticket.updated_at = at;
        record(
          ticketId,
          [
            {
              id: ++nextId,
              type: 'Change',
              field_name: 'requester_id',
              value: num(winnerId),
              previous_value: num(id),
            },
          ],
          me,
        );
      }
      return HttpResponse.json({ user: winner });
    }),
    http.get(`${BASE}/api/v2/users/:id/identities.json`, ({ params }) => {
      const id = String(params.id);
      if (!users.has(id)) return notFound();
      const list = identities.get(id) ?? [];
      return HttpResponse.json({
        identities: list,
        next_page: null,
        previous_page: null,
        count: list.length,
      });
    }),
    http.get(`${BASE}/api/v2/groups.json`, ({ request }) => {
      const excludeDeleted = new URL(request.url).searchParams.get('exclude_deleted') === 'true';
      return page(request, 'groups', excludeDeleted ? groups.filter((g) => g.deleted !== true) : groups);
    }),
    http.get(`${BASE}/api/v2/groups/:id.json`, ({ params }) => {
      const group = groups.find((g) => String(g.id) === params.id);
      return group ? HttpResponse.json({ group }) : notFound();
    }),
    // UpdateGroup and UpdateOrganization (the description gives them no request schema to check a body against).
    http.put(`${BASE}/api/v2/groups/:id.json`, async ({ params, request }) => {
      const group = groups.find((g) => String(g.id) === params.id);
      if (!group) return notFound();
      const body = (await request.json()) as { group: Wire };
      Object.assign(group, body.group, { updated_at: now() });
      return HttpResponse.json({ group });
    }),
    http.get(`${BASE}/api/v2/organizations.json`, ({ request }) =>
      page(request, 'organizations', organizations),
    ),
    http.get(`${BASE}/api/v2/organizations/:id.json`, ({ params }) => {
      const organization = organizations.find((o) => String(o.id) === params.id);
      return organization ? HttpResponse.json({ organization }) : notFound();
    }),
    http.put(`${BASE}/api/v2/organizations/:id.json`, async ({ params, request }) => {
      const organization = organizations.find((o) => String(o.id) === params.id);
      if (!organization) return notFound();
      const body = (await request.json()) as { organization: Wire };
      Object.assign(organization, body.organization, { updated_at: now() });
      return HttpResponse.json({ organization });
    }),
    // Time-based organization export: organizations changed at or after start_time, never in the last minute,
    // oldest first; a page ends on a whole second and end_time is its last organization's second (as the
    // ticket-event export above).
    http.get(`${BASE}/api/v2/incremental/organizations.json`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const startTime = Number(params.get('start_time'));
      const perPage = Number(params.get('per_page') ?? 1000);
      const horizon = Math.floor(Date.now() / 1000) - 60;
      const all = organizations
        .map((o) => ({ o, at: Math.floor(Date.parse(String(o.updated_at)) / 1000) }))
        .filter((x) => x.at >= startTime && x.at <= horizon)
        .sort((a, b) => a.at - b.at || Number(a.o.id) - Number(b.o.id));
      let end = Math.min(perPage, all.length);
      while (end > 0 && end < all.length && all[end]!.at === all[end - 1]!.at) end++;
      // A page that would end where it began takes the next second too, so end_time always moves on.
      if (end > 0 && end < all.length && all[end - 1]!.at === startTime) {
        const next = all[end]!.at;
        while (end < all.length && all[end]!.at === next) end++;
      }
      const batch = all.slice(0, end);
      const endTime = batch.at(-1)?.at ?? startTime;
      return HttpResponse.json({
        organizations: batch.map((x) => x.o),
        count: batch.length,
        end_time: endTime,
        end_of_stream: end === all.length,
        next_page: `${BASE}/api/v2/incremental/organizations.json?start_time=${endTime}`,
      });
    }),
    // start_time and end_time filter on the rating's time. Zendesk does not say whether either bound is
    // inclusive; the fake takes the worse reading of both (exclusive), so a reader that relies on either loses a
    // rating here.
    http.get(`${BASE}/api/v2/satisfaction_ratings.json`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const start = params.has('start_time') ? Number(params.get('start_time')) : -Infinity;
      const end = params.has('end_time') ? Number(params.get('end_time')) : Infinity;
      const inWindow = ratings.filter((r) => {
        const at = Math.floor(Date.parse(String(r.created_at)) / 1000);
        return at > start && at < end;
      });
      return page(request, 'satisfaction_ratings', inWindow);
    }),
    // Time-based export: updates at or after start_time, never the last minute; a page ends on a whole second.
    http.get(`${BASE}/api/v2/incremental/ticket_events.json`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const startTime = Number(params.get('start_time'));
      const perPage = Number(params.get('per_page') ?? 1000);
      const withComments = params.get('include') === 'comment_events';
      const horizon = Math.floor(Date.now() / 1000) - 60;
      const all = [...audits.values()]
        .flat()
        .map((a) => ({ audit: a, timestamp: Math.floor(Date.parse(String(a.created_at)) / 1000) }))
        .filter((a) => a.timestamp >= startTime && a.timestamp <= horizon)
        .sort((a, b) => a.timestamp - b.timestamp || Number(a.audit.id) - Number(b.audit.id));
      let end = Math.min(perPage, all.length);
      while (end > 0 && end < all.length && all[end]!.timestamp === all[end - 1]!.timestamp) end++;
      // A page that would end where it began takes the next second too, so end_time always moves on.
      if (end > 0 && end < all.length && all[end - 1]!.timestamp === startTime) {
        const next = all[end]!.timestamp;
        while (end < all.length && all[end]!.timestamp === next) end++;
      }
      const batch = all.slice(0, end);
      const child = (event: Wire): Wire => {
        if (event.type === 'Comment')
          return withComments
            ? { ...event, event_type: 'Comment' }
            : { id: event.id, comment_present: true, comment_public: event.public, event_type: 'Comment' };
        const field = String(event.field_name);
        const out: Wire = { id: event.id, event_type: event.type, [field]: event.value };
        if (event.type === 'Change' && field === 'tags') {
          const before = (event.previous_value ?? []) as string[];
          const after = (event.value ?? []) as string[];
          out.added_tags = after.filter((t) => !before.includes(t));
          out.removed_tags = before.filter((t) => !after.includes(t));
        } else if (event.type === 'Change') out.previous_value = event.previous_value;
        return out;
      };
      const endTime = batch.at(-1)?.timestamp ?? startTime;
      return HttpResponse.json({
        ticket_events: batch.map(({ audit, timestamp }) => ({
          id: audit.id,
          ticket_id: audit.ticket_id,
          timestamp,
          created_at: audit.created_at,
          updater_id: audit.author_id,
          via: 'Web form',
          event_type: 'Audit',
          child_events: (audit.events as Wire[]).map(child),
        })),
        count: batch.length,
        end_time: endTime,
        end_of_stream: end === all.length,
        next_page: `${BASE}/api/v2/incremental/ticket_events.json?start_time=${endTime}`,
      });
    }),
    http.post(`${BASE}/api/v2/uploads.json`, async ({ request }) => {
      const params = new URL(request.url).searchParams;
      const filename = params.get('filename');
      if (!filename)
        return HttpResponse.json({ error: 'InvalidRequest', description: 'filename' }, { status: 400 });
      const token = params.get('token') ?? `upl${++nextId}`;
      const bytes = new Uint8Array(await request.arrayBuffer());
      const attachment = {
        id: ++nextId,
        file_name: filename,
        content_type: request.headers.get('content-type') ?? 'application/binary',
        content_url: `${BASE}/attachments/token/${token}/?name=${encodeURIComponent(filename)}`,
        size: bytes.byteLength,
        inline: false,
        deleted: false,
      };
      uploads.set(token, [...(uploads.get(token) ?? []), attachment]);
      return HttpResponse.json(
        { upload: { token, attachment, attachments: uploads.get(token) } },
        { status: 201 },
      );
    }),
    // Bulk create: a job that reports "working" on its first poll and finishes on the second.
    http.post(`${BASE}/api/v2/tickets/create_many.json`, async ({ request }) => {
      const body = (await request.json()) as { tickets: Wire[] };
      if (!Array.isArray(body.tickets) || body.tickets.length > 100)
        return HttpResponse.json({ error: 'InvalidRequest' }, { status: 400 });
      const id = `job${++nextId}`;
      const results = body.tickets.map((input, index) => {
        if (!input.subject) return { index, error: 'RecordInvalid', details: 'Subject: cannot be blank' };
        const requesterId =
          input.requester !== undefined ? requesterOf(input.requester)?.id : input.requester_id;
        if (!users.has(String(requesterId)))
          return { index, error: 'RecordInvalid', details: 'Requester: not found' };
        const ticketId = String(++nextId);
        const at = now();
        tickets.set(
          ticketId,
          compact({
            id: Number(ticketId),
            subject: input.subject,
            status: input.status ?? 'new',
            priority: input.priority ?? 'normal',
            via: { channel: 'api' },
            requester_id: requesterId,
            submitter_id: requesterId,
            tags: input.tags ?? [],
            custom_fields: [],
            created_at: at,
            updated_at: at,
          }),
        );
        return { index, id: Number(ticketId) };
      });
      jobs.set(id, { polls: 0, results });
      return HttpResponse.json({
        job_status: {
          id,
          status: 'queued',
          total: results.length,
          progress: 0,
          url: `${BASE}/api/v2/job_statuses/${id}.json`,
        },
      });
    }),
    http.get(`${BASE}/api/v2/job_statuses/:id.json`, ({ params }) => {
      const id = String(params.id);
      const job = jobs.get(id);
      if (!job) return notFound();
      job.polls++;
      const done = job.polls >= 2;
      return HttpResponse.json({
        job_status: {
          id,
          job_type: 'Create Many Tickets',
          status: done ? 'completed' : 'working',
          total: job.results.length,
          progress: done ? job.results.length : 0,
          results: done ? job.results : null,
          url: `${BASE}/api/v2/job_statuses/${id}.json`,
        },
      });
    }),
    // Zendesk's path for one ticket's metrics (the spec lists it under /api/v2/ticket_metrics/{id}: "the
    // metrics of a specific ticket"); the body follows that operation's schema, a one-item array.
    http.get(`${BASE}/api/v2/tickets/:id/metrics.json`, ({ params }) => {
      const id = String(params.id);
      return tickets.has(id) ? HttpResponse.json({ ticket_metric: [metricsOf(id)] }) : notFound();
    }),
    http.get(`${BASE}/api/v2/ticket_metrics.json`, ({ request }) =>
      page(
        request,
        'ticket_metrics',
        [...tickets.keys()].reverse().map((id) => metricsOf(id)),
      ),
    ),
    // Cursor-based user export: users in order of their last change; the cursor names the last one delivered,
    // so a user changed after it comes again. `include=identities` side-loads the page's identities.
    http.get(`${BASE}/api/v2/incremental/users/cursor.json`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const perPage = Number(params.get('per_page') ?? 1000);
      const cursor = params.get('cursor');
      const [afterAt, afterId] = cursor
        ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, number])
        : ['', -1];
      const rest = [...users.values()]
        .sort(
          (a, b) => String(a.updated_at).localeCompare(String(b.updated_at)) || Number(a.id) - Number(b.id),
        )
        .filter((u) => {
          const at = String(u.updated_at);
          return at > afterAt || (at === afterAt && Number(u.id) > afterId);
        });
      const batch = rest.slice(0, perPage);
      const last = batch.at(-1);
      const after = last
        ? Buffer.from(JSON.stringify([last.updated_at, last.id])).toString('base64url')
        : cursor;
      const sideloaded = params.get('include') === 'identities';
      return HttpResponse.json({
        users: batch,
        ...(sideloaded ? { identities: batch.flatMap((u) => identities.get(String(u.id)) ?? []) } : {}),
        after_cursor: after,
        after_url: after ? `${BASE}/api/v2/incremental/users/cursor.json?cursor=${after}` : null,
        before_cursor: null,
        before_url: null,
        end_of_stream: rest.length <= perPage,
      });
    }),
    http.get(`${BASE}/api/v2/incremental/tickets/cursor.json`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const perPage = Number(params.get('per_page') ?? 1000);
      const cursor = params.get('cursor');
      const [afterAt, afterId] = cursor
        ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, number])
        : ['', -1];
      const rest = sortedByUpdate().filter((t) => {
        const at = String(t.updated_at);
        return at > afterAt || (at === afterAt && Number(t.id) > afterId);
      });
      const batch = rest.slice(0, perPage);
      const last = batch[batch.length - 1];
      const after = last
        ? Buffer.from(JSON.stringify([last.updated_at, last.id])).toString('base64url')
        : cursor;
      return HttpResponse.json({
        tickets: batch,
        after_cursor: after,
        after_url: null,
        before_cursor: null,
        before_url: null,
        end_of_stream: rest.length <= perPage,
      });
    }),
    http.get(`${BASE}/api/v2/slas/policies.json`, () =>
      HttpResponse.json({
        sla_policies: slaPolicies,
        count: slaPolicies.length,
        next_page: null,
        previous_page: null,
      }),
    ),
    http.get(`${BASE}/api/v2/help_center/locales.json`, () =>
      HttpResponse.json({ locales, default_locale: locales[0] ?? 'en-us' }),
    ),
    http.get(`${BASE}/api/v2/help_center/:locale/sections.json`, ({ params, request }) =>
      page(
        request,
        'sections',
        [...sections.values()].filter((x) => x.locale === params.locale),
      ),
    ),
    http.get(`${BASE}/api/v2/help_center/:locale/sections/:id.json`, ({ params }) => {
      const section = sections.get(`${params.locale}/${params.id}`);
      return section ? HttpResponse.json({ section }) : notFound();
    }),
    http.get(`${BASE}/api/v2/help_center/:locale/articles.json`, ({ params, request }) =>
      page(
        request,
        'articles',
        articles.filter((a) => a.locale === params.locale),
      ),
    ),
    http.get(`${BASE}/api/v2/help_center/articles/:id.json`, ({ params }) => {
      const article = articles.find((a) => String(a.id) === params.id);
      return article ? HttpResponse.json({ article }) : notFound();
    }),
  ];
  return { handlers, state: { tickets, users, identities, groups, organizations, ratings, requests } };
}
