import { NotFoundError } from '../../errors/api.js';
import { invalidOption, ValidationError } from '../../errors/validation.js';
import type { Customer } from '../../models/customer.js';
import { Dataset, type DatasetRecord } from '../../models/dataset.js';
import {
  CustomerCreate,
  CustomerPatch,
  MessageCreate,
  type RequesterByEmail,
  TicketCreate,
  TicketPatch,
} from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { parse } from '../../models/parse.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import {
  type AdapterCapabilities,
  type ChangeBatch,
  type Checkpoint,
  FULL_CAPABILITIES,
  type HelpdeskAdapter,
  type RequestOptions,
} from '../contract.js';
import { guardArguments, sinceFilter, ticketFilter } from '../kit/index.js';

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** The clock for created and updated times. @default () => new Date() */
  now?: () => Date;
  /** Records per page of a list, and tickets per change batch. @default 100 */
  pageSize?: number;
  /**
   * The agent who writes a message added without `authorId` — the memory adapter's "authenticated user".
   * @default the first agent of the dataset
   */
  defaultAuthorId?: string;
}

const ALL: AdapterCapabilities = FULL_CAPABILITIES;

const NAME = 'memory';
const notFound = (what: string, id: string) =>
  new NotFoundError({
    status: 404,
    adapter: NAME,
    method: 'GET',
    url: `memory://${what}/${encodeURIComponent(id)}`,
  });

/** Yields items page by page, as a remote adapter would, so consumers meet the same shape everywhere. */
async function* pages<T>(items: () => readonly T[], pageSize: number): AsyncGenerator<T> {
  for (let offset = 0; ; offset += pageSize) {
    const page = items().slice(offset, offset + pageSize);
    yield* page;
    if (page.length < pageSize) return;
    await Promise.resolve(); // a page boundary: let the consumer's break stop us here
  }
}

/** Cursor of the change feed: last ticket updatedAt (ms) and id seen, in (updatedAt, id) order. */
function encodeCursor(ms: number, id: string): string {
  return `${ms}:${id}`;
}
/**
 * The position a checkpoint stands for. Anything but null/undefined (the beginning) or a cursor this adapter
 * wrote is a ValidationError naming the field, never its value: garbage must not restart the feed from zero.
 * Own properties only, so a parsed `__proto__` key cannot lend it a cursor.
 */
function decodeCursor(checkpoint: Checkpoint | null | undefined): [number, string] {
  if (checkpoint === null || checkpoint === undefined) return [Number.NEGATIVE_INFINITY, ''];
  const bad = (path: string[], message: string) =>
    new ValidationError('memory adapter checkpoint', [{ path, code: 'custom', message }]);
  if (typeof checkpoint !== 'object' || Array.isArray(checkpoint))
    throw bad([], 'expected a checkpoint { adapter, cursor }');
  const own = (key: 'adapter' | 'cursor') => (Object.hasOwn(checkpoint, key) ? checkpoint[key] : undefined);
  if (own('adapter') !== NAME)
    throw bad(['adapter'], `expected "${NAME}": the checkpoint is another adapter's`);
  const cursor = own('cursor');
  const match = typeof cursor === 'string' ? /^(-?\d{1,16}):(.+)$/s.exec(cursor) : null;
  if (!match) throw bad(['cursor'], 'expected "<updated ms>:<ticket id>" as this adapter writes it');
  return [Number(match[1]), match[2]!];
}

/**
 * The in-memory reference adapter: every operation of the contract over a Dataset held in memory. It is the
 * embedded default for demos and the test double for users' own tests: writes record TicketEvents for status,
 * priority, assignee, group and tag changes, idempotency keys are honoured, and `changes()` is a resumable feed.
 *
 * @example
 * ```ts
 * import { createMemoryAdapter } from 'supportkit/testing';
 * const helpdesk = createMemoryAdapter(generateDataset({ tickets: 100 }));
 * const ticket = await helpdesk.tickets.create({ subject: 'Printer on fire', requesterId: 'c-1' }, { idempotencyKey: 'k1' });
 * await helpdesk.tickets.update(ticket.id, { status: 'solved' });
 * ```
 */
export function createMemoryAdapter(
  dataset?: Partial<Dataset>,
  options: MemoryAdapterOptions = {},
): HelpdeskAdapter {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidOption('createMemoryAdapter', '', 'must be an object');
  const data: Dataset = structuredClone(parse(Dataset, dataset ?? {}, 'memory adapter dataset'));
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new ValidationError('createMemoryAdapter options', [
      { path: ['pageSize'], code: 'invalid_value', message: 'expected an integer ≥ 1' },
    ]);
  if (
    options.defaultAuthorId !== undefined &&
    !data.agents.some((agent) => agent.id === options.defaultAuthorId)
  )
    throw new ValidationError('createMemoryAdapter options', [
      {
        path: ['defaultAuthorId'],
        code: 'invalid_value',
        message: 'expected the id of an agent of the dataset',
      },
    ]);
  const defaultAuthorId = options.defaultAuthorId ?? data.agents[0]?.id;
  const tickets = new Map(data.tickets.map((t) => [t.id, t]));
  const messagesOf = new Map<string, Message[]>();
  for (const m of data.messages) messagesOf.set(m.ticketId, [...(messagesOf.get(m.ticketId) ?? []), m]);
  const eventsOf = new Map<string, TicketEvent[]>();
  for (const e of data.events) eventsOf.set(e.ticketId, [...(eventsOf.get(e.ticketId) ?? []), e]);
  const customers = new Map(data.customers.map((c) => [c.id, c]));
  const idempotent = new Map<string, unknown>();
  let sequence = 0;
  const nextId = (prefix: string, taken: (id: string) => boolean) => {
    let id: string;
    do id = `${prefix}${++sequence}`;
    while (taken(id));
    return id;
  };

  /** Runs a write once per idempotency key: a repeat returns the first result and writes nothing. */
  async function once<T>(operation: string, opts: RequestOptions | undefined, write: () => T): Promise<T> {
    if (!opts?.idempotencyKey) return structuredClone(write());
    const key = `${operation}\u0000${opts.idempotencyKey}`;
    if (!idempotent.has(key)) idempotent.set(key, write());
    return structuredClone(idempotent.get(key) as T);
  }
  const record = (ticket: Ticket, type: TicketEvent['type'], from: unknown, to: unknown, at: Date) => {
    const event = {
      id: nextId('e', () => false),
      ticketId: ticket.id,
      type,
      at,
      from,
      to,
      actorId: null,
    } as TicketEvent;
    eventsOf.set(ticket.id, [...(eventsOf.get(ticket.id) ?? []), event]);
  };
  const getTicket = (id: string) => {
    const ticket = tickets.get(id);
    if (!ticket) throw notFound('tickets', id);
    return ticket;
  };
  const withEmail = (email: string) => {
    const wanted = email.trim().toLowerCase();
    for (const customer of customers.values())
      if (customer.identities.some((i) => i.kind === 'email' && i.value.toLowerCase() === wanted))
        return customer;
    return undefined;
  };
  /**
   * Finds the customer with this e-mail (case-insensitively) or creates one: a repeated create, with or without
   * an idempotency key, finds the customer the first one made instead of making a second.
   */
  const customerByEmail = (requester: RequesterByEmail) => {
    const found = withEmail(requester.email);
    if (found) return found.id;
    const customer: Customer = {
      id: nextId('c', (id) => customers.has(id)),
      sources: [],
      name: requester.name ?? requester.email,
      identities: [{ kind: 'email', value: requester.email, primary: true }],
      organizationId: null,
      active: true,
      tags: [],
      customFields: {},
      notes: [],
      createdAt: now(),
    };
    customers.set(customer.id, customer);
    return customer.id;
  };
  const byId =
    <T extends { id: string }>(list: readonly T[], what: string) =>
    async (id: string) => {
      const found = list.find((x) => x.id === id);
      if (!found) throw notFound(what, id);
      return structuredClone(found);
    };
  const clonePages = <T>(items: () => readonly T[]) =>
    (async function* () {
      for await (const item of pages(items, pageSize)) yield structuredClone(item);
    })();
  const since = <T extends { createdAt: Date }>(list: readonly T[], from?: Date) =>
    from ? list.filter((x) => x.createdAt.getTime() >= from.getTime()) : list;

  const adapter: HelpdeskAdapter = {
    name: NAME,
    capabilities: ALL,
    tickets: {
      list(input) {
        const filter = ticketFilter(input);
        return clonePages(() =>
          [...tickets.values()].filter(
            (t) =>
              (!filter.updatedSince || t.updatedAt.getTime() >= filter.updatedSince.getTime()) &&
              (!filter.status?.length || filter.status.includes(t.status)) &&
              (!filter.tags?.length || filter.tags.every((tag) => t.tags.includes(tag))),
          ),
        );
      },
      get: async (id) => structuredClone(getTicket(id)),
      async create(input, opts) {
        const body = parse(TicketCreate, input, 'ticket to create');
        return once('tickets.create', opts, () => {
          const at = now();
          const requesterId = body.requester ? customerByEmail(body.requester) : body.requesterId;
          const ticket: Ticket = {
            id: nextId('t', (id) => tickets.has(id)),
            source: { adapter: NAME, id: '' },
            subject: body.subject,
            ...(body.description !== undefined ? { description: body.description } : {}),
            status: body.status ?? 'new',
            priority: body.priority ?? null,
            channel: body.channel ?? 'api',
            requesterId,
            assigneeId: body.assigneeId ?? null,
            groupId: body.groupId ?? null,
            organizationId: customers.get(requesterId)?.organizationId ?? null,
            tags: body.tags ?? [],
            customFields: body.customFields ?? {},
            createdAt: at,
            updatedAt: at,
            solvedAt: null,
            dueAt: null,
          };
          ticket.source = { adapter: NAME, id: ticket.id };
          tickets.set(ticket.id, ticket);
          record(ticket, 'status', null, ticket.status, at);
          if (body.description) {
            const message: Message = {
              id: nextId('m', () => false),
              ticketId: ticket.id,
              authorId: requesterId,
              authorRole: 'end-user',
              public: true,
              body: body.description,
              createdAt: at,
              attachments: [],
            };
            messagesOf.set(ticket.id, [message]);
          }
          return ticket;
        });
      },
      async update(id, patch, opts) {
        const changes = parse(TicketPatch, patch, 'ticket changes');
        return once(`tickets.update:${id}`, opts, () => {
          const ticket = getTicket(id);
          const at = now();
          const fields = ['status', 'priority', 'assigneeId', 'groupId'] as const;
          const eventType = {
            status: 'status',
            priority: 'priority',
            assigneeId: 'assignee',
            groupId: 'group',
          } as const;
          for (const field of fields) {
            const value = changes[field];
            if (value === undefined || value === ticket[field]) continue;
            record(ticket, eventType[field], ticket[field], value, at);
            (ticket as Record<string, unknown>)[field] = value;
          }
          if (changes.tags && changes.tags.join('\u0000') !== ticket.tags.join('\u0000')) {
            record(ticket, 'tags', [...ticket.tags], [...changes.tags], at);
            ticket.tags = [...changes.tags];
          }
          if (changes.subject !== undefined) ticket.subject = changes.subject;
          if (changes.customFields) ticket.customFields = { ...ticket.customFields, ...changes.customFields };
          if (changes.status === 'solved') ticket.solvedAt = at;
          ticket.updatedAt = at;
          return ticket;
        });
      },
      async addMessage(ticketId, input, opts) {
        const body = parse(MessageCreate, input, 'message to add');
        return once(`tickets.addMessage:${ticketId}`, opts, () => {
          const ticket = getTicket(ticketId);
          const at = now();
          const { attachments = [], authorId = defaultAuthorId, authorRole = 'agent', ...fields } = body;
          if (authorId === undefined)
            throw new ValidationError('message to add', [
              {
                path: ['authorId'],
                code: 'custom',
                message:
                  'required: the dataset has no agents, so there is no default author (defaultAuthorId)',
              },
            ]);
          const message: Message = {
            id: nextId('m', () => false),
            ticketId,
            authorId,
            authorRole,
            ...fields,
            createdAt: at,
            attachments: attachments.map((file) => ({
              id: nextId('att', () => false),
              fileName: file.fileName,
              contentType: file.contentType,
              size: file.data.byteLength,
            })),
          };
          messagesOf.set(ticketId, [...(messagesOf.get(ticketId) ?? []), message]);
          ticket.updatedAt = at;
          return message;
        });
      },
      async *listMessages(ticketId) {
        getTicket(ticketId); // a missing ticket rejects on iteration, like a remote 404
        yield* clonePages(() => messagesOf.get(ticketId) ?? []);
      },
      async *listEvents(ticketId) {
        getTicket(ticketId);
        yield* clonePages(() => eventsOf.get(ticketId) ?? []);
      },
    },
    customers: {
      get: async (id) => {
        const customer = customers.get(id);
        if (!customer) throw notFound('customers', id);
        return structuredClone(customer);
      },
      findByEmail: async (email) => {
        const wanted = email.trim().toLowerCase();
        for (const customer of customers.values()) {
          if (customer.identities.some((i) => i.kind === 'email' && i.value.toLowerCase() === wanted))
            return structuredClone(customer);
        }
        return null;
      },
      list: (filter) =>
        clonePages(() => since([...customers.values()], sinceFilter(filter, 'customers.list').since)),
      async create(input, opts) {
        const body = parse(CustomerCreate, input, 'customer to create');
        return once('customers.create', opts, () => {
          if (
            body.email &&
            [...customers.values()].some((c) =>
              c.identities.some(
                (i) => i.kind === 'email' && i.value.toLowerCase() === body.email!.toLowerCase(),
              ),
            )
          ) {
            throw new ValidationError('customer to create', [
              { path: ['email'], code: 'custom', message: 'another customer has this e-mail' },
            ]);
          }
          const customer: Customer = {
            id: nextId('c', (id) => customers.has(id)),
            sources: [],
            name: body.name,
            identities: [
              ...(body.email ? [{ kind: 'email' as const, value: body.email, primary: true }] : []),
              ...(body.phone ? [{ kind: 'phone' as const, value: body.phone, primary: false }] : []),
            ],
            organizationId: body.organizationId ?? null,
            active: true,
            ...(body.language ? { language: body.language } : {}),
            ...(body.timeZone ? { timeZone: body.timeZone } : {}),
            tags: body.tags ?? [],
            customFields: {},
            notes: [],
            createdAt: now(),
          };
          customers.set(customer.id, customer);
          return customer;
        });
      },
      async update(id, patch, opts) {
        const body = parse(CustomerPatch, patch, 'customer changes');
        return once(`customers.update:${id}`, opts, () => {
          const customer = customers.get(id);
          if (!customer) throw notFound('customers', id);
          if (body.name !== undefined) customer.name = body.name;
          if (body.email !== undefined) {
            customer.identities = [
              ...customer.identities.filter((i) => i.kind !== 'email'),
              { kind: 'email', value: body.email, primary: true },
            ];
          }
          if (body.organizationId !== undefined) customer.organizationId = body.organizationId;
          if (body.language !== undefined) customer.language = body.language;
          if (body.timeZone !== undefined) customer.timeZone = body.timeZone;
          if (body.tags !== undefined) customer.tags = body.tags;
          customer.updatedAt = now();
          return customer;
        });
      },
    },
    agents: { list: () => clonePages(() => data.agents), get: byId(data.agents, 'agents') },
    groups: { list: () => clonePages(() => data.groups), get: byId(data.groups, 'groups') },
    organizations: {
      list: () => clonePages(() => data.organizations),
      get: byId(data.organizations, 'organizations'),
    },
    surveys: {
      listCsat: (filter) => clonePages(() => since(data.csat, sinceFilter(filter, 'surveys.listCsat').since)),
      listNps: (filter) => clonePages(() => since(data.nps, sinceFilter(filter, 'surveys.listNps').since)),
    },
    schedules: { list: () => clonePages(() => data.schedules) },
    slaPolicies: { list: () => clonePages(() => data.slaPolicies) },
    articles: {
      list: (filter) => clonePages(() => since(data.articles, sinceFilter(filter, 'articles.list').since)),
      get: byId(data.articles, 'articles'),
    },
    async *changes(checkpoint) {
      const [afterMs, afterId] = decodeCursor(checkpoint);
      const order = (t: Ticket) => [t.updatedAt.getTime(), t.id] as const;
      const changed = [...tickets.values()]
        .filter((t) => {
          const [ms, id] = order(t);
          return ms > afterMs || (ms === afterMs && id > afterId);
        })
        .sort(
          (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
      const surveysOf = new Map<string, DatasetRecord[]>();
      for (const value of data.csat)
        if (value.ticketId)
          surveysOf.set(value.ticketId, [...(surveysOf.get(value.ticketId) ?? []), { kind: 'csat', value }]);
      for (let i = 0; i < changed.length; i += pageSize) {
        const batch = changed.slice(i, i + pageSize);
        const records: DatasetRecord[] = [];
        for (const ticket of batch) {
          records.push({ kind: 'tickets', value: structuredClone(ticket) });
          for (const value of messagesOf.get(ticket.id) ?? [])
            records.push({ kind: 'messages', value: structuredClone(value) });
          for (const value of eventsOf.get(ticket.id) ?? [])
            records.push({ kind: 'events', value: structuredClone(value) });
          for (const survey of surveysOf.get(ticket.id) ?? []) records.push(structuredClone(survey));
        }
        const last = batch[batch.length - 1]!;
        const result: ChangeBatch = {
          records,
          checkpoint: { adapter: NAME, cursor: encodeCursor(last.updatedAt.getTime(), last.id) },
          caughtUp: i + pageSize >= changed.length,
        };
        yield result;
      }
    },
  };
  return guardArguments(adapter);
}
