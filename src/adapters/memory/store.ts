import { NotFoundError } from '../../errors/api.js';
import { ValidationError } from '../../errors/validation.js';
import type { Customer } from '../../models/customer.js';
import type { Dataset } from '../../models/dataset.js';
import type { RequesterByEmail } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import type { RequestOptions } from '../contract.js';

/** The memory adapter's name, in sources, checkpoints and errors. */
export const ADAPTER = 'memory';

/**
 * The state one memory adapter holds, and the small operations every resource shares: ids, idempotent writes,
 * recorded events, paging with copies (a caller never holds the store's own objects).
 *
 * @example
 * ```ts
 * const store = createStore(parse(Dataset, dataset), { now: () => new Date(), pageSize: 100 });
 * ```
 */
export interface MemoryStore {
  readonly data: Dataset;
  readonly now: () => Date;
  readonly pageSize: number;
  readonly defaultAuthorId: string | undefined;
  readonly tickets: Map<string, Ticket>;
  readonly messagesOf: Map<string, Message[]>;
  readonly eventsOf: Map<string, TicketEvent[]>;
  readonly customers: Map<string, Customer>;
  nextId(prefix: string, taken?: (id: string) => boolean): string;
  /**
   * The time of a write to a customer or a ticket (its new version's, and a new record's creation): the clock's,
   * or 1 ms past the latest version time the store holds of that kind when the clock has not passed it. The
   * change feed orders each kind by (time, id) and resumes after a position; a write stamped at or before that
   * position — two writes in one clock tick, a later one with a smaller id — would never be carried, and the
   * sync's `recordKey` would take two versions with one time for one.
   */
  stamp(kind: 'customers' | 'tickets'): Date;
  /** Runs a write once per idempotency key: a repeat returns the first result and writes nothing. */
  once<T>(operation: string, options: RequestOptions | undefined, write: () => T): Promise<T>;
  /** Appends a TicketEvent to the ticket's history. */
  record(ticket: Ticket, type: TicketEvent['type'], from: unknown, to: unknown, at: Date): void;
  /** The ticket, or the NotFoundError a remote helpdesk would give. */
  ticket(id: string): Ticket;
  /** The customer with this e-mail (case-insensitively), or undefined. */
  customerWithEmail(email: string): Customer | undefined;
  /** The id of the customer with this e-mail, created when there is none. */
  customerByEmail(requester: RequesterByEmail): string;
  /** Copies of the items, page by page. */
  pages<T>(items: () => readonly T[]): AsyncGenerator<T>;
  /** A `get(id)` over a list, with a NotFoundError naming the collection. */
  byId<T extends { id: string }>(list: readonly T[], what: string): (id: string) => Promise<T>;
  /** The items created at or after `from`. */
  since<T extends { createdAt: Date }>(list: readonly T[], from?: Date): readonly T[];
}

/**
 * The NotFoundError a remote helpdesk would answer with, on a `memory://` URL naming the collection.
 * @example `throw notFound('tickets', '42');`
 */
export const notFound = (what: string, id: string) =>
  new NotFoundError({
    status: 404,
    adapter: ADAPTER,
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

const groupBy = <T extends { ticketId: string }>(list: readonly T[]) => {
  const out = new Map<string, T[]>();
  for (const item of list) out.set(item.ticketId, [...(out.get(item.ticketId) ?? []), item]);
  return out;
};

/** The customer card a ticket created for an unknown e-mail gets: the e-mail is its only identity. */
const requesterCustomer = (id: string, requester: RequesterByEmail, createdAt: Date): Customer => ({
  id,
  sources: [],
  name: requester.name ?? requester.email,
  identities: [{ kind: 'email', value: requester.email, primary: true }],
  organizationId: null,
  active: true,
  tags: [],
  customFields: {},
  notes: [],
  createdAt,
});

/**
 * A store over a parsed dataset (which it takes ownership of).
 * @example `const store = createStore(structuredClone(parse(Dataset, input)), { now, pageSize: 100 });`
 */
export function createStore(
  data: Dataset,
  options: { now: () => Date; pageSize: number; defaultAuthorId: string | undefined },
): MemoryStore {
  const tickets = new Map(data.tickets.map((t) => [t.id, t]));
  const customers = new Map(data.customers.map((c) => [c.id, c]));
  const eventsOf = groupBy(data.events);
  const idempotent = new Map<string, unknown>();
  let sequence = 0;
  const nextId = (prefix: string, taken: (id: string) => boolean = () => false) => {
    let id: string;
    do id = `${prefix}${++sequence}`;
    while (taken(id));
    return id;
  };
  // The latest version time of each kind the feed orders by time, from the dataset on.
  const latestOf = <T>(list: readonly T[], time: (item: T) => Date) =>
    list.reduce((max, item) => Math.max(max, time(item).getTime()), Number.NEGATIVE_INFINITY);
  const latest = new Map<'customers' | 'tickets', number>([
    ['customers', latestOf(data.customers, (c) => c.updatedAt ?? c.createdAt)],
    ['tickets', latestOf(data.tickets, (t) => t.updatedAt)],
  ]);
  const stamp = (kind: 'customers' | 'tickets') => {
    const at = Math.max(options.now().getTime(), latest.get(kind)! + 1);
    latest.set(kind, at);
    return new Date(at);
  };
  const customerWithEmail = (email: string) => {
    const wanted = email.trim().toLowerCase();
    for (const customer of customers.values())
      if (customer.identities.some((i) => i.kind === 'email' && i.value.toLowerCase() === wanted))
        return customer;
    return undefined;
  };
  return {
    data,
    ...options,
    tickets,
    messagesOf: groupBy(data.messages),
    eventsOf,
    customers,
    nextId,
    stamp,
    async once(operation, requestOptions, write) {
      if (!requestOptions?.idempotencyKey) return structuredClone(write());
      const key = `${operation}\u0000${requestOptions.idempotencyKey}`;
      if (!idempotent.has(key)) idempotent.set(key, write());
      return structuredClone(idempotent.get(key) as ReturnType<typeof write>);
    },
    record(ticket, type, from, to, at) {
      const event = {
        id: nextId('e'),
        ticketId: ticket.id,
        type,
        at,
        from,
        to,
        actorId: null,
      } as TicketEvent;
      eventsOf.set(ticket.id, [...(eventsOf.get(ticket.id) ?? []), event]);
    },
    ticket(id) {
      const ticket = tickets.get(id);
      if (!ticket) throw notFound('tickets', id);
      return ticket;
    },
    customerWithEmail,
    // A repeated create, with or without an idempotency key, finds the customer the first one made.
    customerByEmail(requester) {
      const found = customerWithEmail(requester.email);
      if (found) return found.id;
      const customer = requesterCustomer(
        nextId('c', (id) => customers.has(id)),
        requester,
        stamp('customers'),
      );
      customers.set(customer.id, customer);
      return customer.id;
    },
    async *pages(items) {
      for await (const item of pages(items, options.pageSize)) yield structuredClone(item);
    },
    byId: (list, what) => async (id) => {
      const found = list.find((x) => x.id === id);
      if (!found) throw notFound(what, id);
      return structuredClone(found);
    },
    since: (list, from) => (from ? list.filter((x) => x.createdAt.getTime() >= from.getTime()) : list),
  };
}

/**
 * The error of a message added without an author to a dataset that has no agent to default to.
 * @example `if (authorId === undefined) throw noDefaultAuthor();`
 */
export const noDefaultAuthor = () =>
  new ValidationError('message to add', [
    {
      path: ['authorId'],
      code: 'custom',
      message: 'required: the dataset has no agents, so there is no default author (defaultAuthorId)',
    },
  ]);
