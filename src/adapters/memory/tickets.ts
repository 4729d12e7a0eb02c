import { MessageCreate, TicketCreate, TicketPatch } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { parse } from '../../models/parse.js';
import type { Ticket } from '../../models/ticket.js';
import type { HelpdeskAdapter } from '../contract.js';
import { matchesTicketFilter, ticketFilter } from '../kit/index.js';
import { ADAPTER, type MemoryStore, noDefaultAuthor } from './store.js';

/** The fields a patch may change that are recorded as events, with the event type each one records. */
const RECORDED = {
  status: 'status',
  priority: 'priority',
  assigneeId: 'assignee',
  groupId: 'group',
} as const;

function createTicket(store: MemoryStore, body: TicketCreate): Ticket {
  const at = store.stamp('tickets');
  const requesterId = body.requester ? store.customerByEmail(body.requester) : body.requesterId;
  const id = store.nextId('t', (taken) => store.tickets.has(taken));
  const ticket: Ticket = {
    id,
    source: { adapter: ADAPTER, id },
    subject: body.subject,
    ...(body.description !== undefined ? { description: body.description } : {}),
    status: body.status ?? 'new',
    priority: body.priority ?? null,
    channel: body.channel ?? 'api',
    requesterId,
    assigneeId: body.assigneeId ?? null,
    groupId: body.groupId ?? null,
    organizationId: store.customers.get(requesterId)?.organizationId ?? null,
    tags: body.tags ?? [],
    customFields: body.customFields ?? {},
    createdAt: at,
    updatedAt: at,
    solvedAt: null,
    dueAt: null,
  };
  store.tickets.set(id, ticket);
  store.record(ticket, 'status', null, ticket.status, at);
  // The description is the requester's opening message, as every helpdesk shows it.
  if (body.description)
    store.messagesOf.set(id, [
      {
        id: store.nextId('m'),
        ticketId: id,
        authorId: requesterId,
        authorRole: 'end-user',
        public: true,
        body: body.description,
        createdAt: at,
        attachments: [],
      },
    ]);
  return ticket;
}

function updateTicket(store: MemoryStore, id: string, changes: TicketPatch): Ticket {
  const ticket = store.ticket(id);
  const at = store.stamp('tickets');
  for (const [field, eventType] of Object.entries(RECORDED) as [keyof typeof RECORDED, never][]) {
    const value = changes[field];
    if (value === undefined || value === ticket[field]) continue;
    store.record(ticket, eventType, ticket[field], value, at);
    (ticket as Record<string, unknown>)[field] = value;
  }
  if (changes.tags && changes.tags.join('\u0000') !== ticket.tags.join('\u0000')) {
    store.record(ticket, 'tags', [...ticket.tags], [...changes.tags], at);
    ticket.tags = [...changes.tags];
  }
  if (changes.subject !== undefined) ticket.subject = changes.subject;
  if (changes.customFields) ticket.customFields = { ...ticket.customFields, ...changes.customFields };
  if (changes.status === 'solved') ticket.solvedAt = at;
  ticket.updatedAt = at;
  return ticket;
}

function addMessage(store: MemoryStore, ticketId: string, body: MessageCreate): Message {
  const ticket = store.ticket(ticketId);
  const at = store.stamp('tickets');
  const { attachments = [], authorId = store.defaultAuthorId, authorRole = 'agent', ...fields } = body;
  if (authorId === undefined) throw noDefaultAuthor();
  const message: Message = {
    id: store.nextId('m'),
    ticketId,
    authorId,
    authorRole,
    ...fields,
    createdAt: at,
    attachments: attachments.map((file) => ({
      id: store.nextId('att'),
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.data.byteLength,
    })),
  };
  store.messagesOf.set(ticketId, [...(store.messagesOf.get(ticketId) ?? []), message]);
  ticket.updatedAt = at;
  return message;
}

/**
 * The memory adapter's tickets: writes record TicketEvents for status, priority, assignee, group and tag changes,
 * and honour idempotency keys.
 *
 * @example
 * ```ts
 * const tickets = memoryTickets(store);
 * await tickets.update('t1', { status: 'solved' });
 * ```
 */
export function memoryTickets(store: MemoryStore): HelpdeskAdapter['tickets'] {
  return {
    list(input) {
      const filter = ticketFilter(input);
      return store.pages(() => [...store.tickets.values()].filter((t) => matchesTicketFilter(t, filter)));
    },
    get: async (id) => structuredClone(store.ticket(id)),
    async create(input, options) {
      const body = parse(TicketCreate, input, 'ticket to create');
      return store.once('tickets.create', options, () => createTicket(store, body));
    },
    async update(id, patch, options) {
      const changes = parse(TicketPatch, patch, 'ticket changes');
      return store.once(`tickets.update:${id}`, options, () => updateTicket(store, id, changes));
    },
    async addMessage(ticketId, input, options) {
      const body = parse(MessageCreate, input, 'message to add');
      return store.once(`tickets.addMessage:${ticketId}`, options, () => addMessage(store, ticketId, body));
    },
    async *listMessages(ticketId) {
      store.ticket(ticketId); // a missing ticket rejects on iteration, like a remote 404
      yield* store.pages(() => store.messagesOf.get(ticketId) ?? []);
    },
    async *listEvents(ticketId) {
      store.ticket(ticketId);
      yield* store.pages(() => store.eventsOf.get(ticketId) ?? []);
    },
  };
}
