import type { RequestOptions } from '../http/client.js';

export type { RequestOptions };

import type { Agent } from '../models/agent.js';
import type { Article } from '../models/article.js';
import type { Customer, CustomerNote } from '../models/customer.js';
import type { DatasetRecord } from '../models/dataset.js';
import type { Group } from '../models/group.js';
import type {
  CustomerCreate,
  CustomerNoteCreateInput,
  CustomerPatch,
  MessageCreate,
  TicketCreate,
  TicketPatch,
} from '../models/inputs.js';
import type { Message } from '../models/message.js';
import type { Organization } from '../models/organization.js';
import type { Schedule } from '../models/schedule.js';
import type { SlaPolicy } from '../models/sla-policy.js';
import type { CsatResponse, NpsResponse } from '../models/survey.js';
import type { Ticket, TicketStatus } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';

/**
 * Filters for listing tickets. They take what the models take — a status or several, a tag or several, an
 * instant as a `Date`, epoch milliseconds or an ISO 8601 string with an offset — and anything else is a
 * `ValidationError` naming the filter (a date without an offset is refused: its instant would depend on a zone).
 *
 * @example
 * ```ts
 * helpdesk.tickets.list({ status: 'open', updatedSince: '2026-03-01T00:00:00Z' });
 * helpdesk.tickets.list({ status: ['new', 'open'], tags: 'vip', updatedSince: Date.now() - 86_400_000 });
 * ```
 */
export interface TicketFilter {
  /** Only tickets updated at or after this instant (Date, epoch ms, or ISO 8601 with `Z` or `±hh:mm`). */
  updatedSince?: Date | string | number;
  /** Tickets in this status, or in any of these. */
  status?: TicketStatus | readonly TicketStatus[];
  /** Tickets carrying this tag, or every one of these tags. */
  tags?: string | readonly string[];
}

/**
 * Filters for listing customers, surveys and articles: `since` is a `Date`, epoch ms or an ISO 8601 string with
 * an offset.
 *
 * @example
 * ```ts
 * helpdesk.surveys.listCsat({ since: '2026-03-01T00:00:00+01:00' });
 * ```
 */
export interface SinceFilter {
  since?: Date | string | number;
}

/**
 * Where a change feed stopped: opaque to callers, JSON-serialisable, and enough to resume exactly there.
 */
export interface Checkpoint {
  adapter: string;
  cursor: string;
}

/** One batch of a change feed: records grouped by ticket, and the checkpoint to resume after them. */
export interface ChangeBatch {
  records: DatasetRecord[];
  checkpoint: Checkpoint;
  /** True when the feed has caught up (for now): a sync should stop here and run again later. */
  caughtUp: boolean;
}

/** What an adapter supports, up front: every operation marked false throws UnsupportedError. */
export interface AdapterCapabilities {
  tickets: {
    list: boolean;
    get: boolean;
    create: boolean;
    update: boolean;
    addMessage: boolean;
    listMessages: boolean;
    listEvents: boolean;
    /** `create` takes a requester by e-mail (`requester: { email, name? }`) and resolves it in the helpdesk. */
    requesterByEmail: boolean;
  };
  customers: {
    get: boolean;
    findByEmail: boolean;
    list: boolean;
    create: boolean;
    update: boolean;
    /**
     * The helpdesk keeps notes on a customer (Zendesk's user notes): `customers.addNote` appends a signed one.
     * Without it the caller stores the note (see `saveCardNote`).
     */
    notes: boolean;
  };
  agents: boolean;
  groups: boolean;
  organizations: boolean;
  surveys: { csat: boolean; nps: boolean };
  schedules: boolean;
  slaPolicies: boolean;
  articles: boolean;
  changes: boolean;
}

/**
 * Every capability switched on: the memory adapter's, and the base an adapter narrows to what its vendor lacks.
 *
 * @example
 * ```ts
 * const capabilities = { ...FULL_CAPABILITIES, surveys: { csat: true, nps: false } };
 * ```
 */
export const FULL_CAPABILITIES: AdapterCapabilities = {
  tickets: {
    list: true,
    get: true,
    create: true,
    update: true,
    addMessage: true,
    listMessages: true,
    listEvents: true,
    requesterByEmail: true,
  },
  customers: { get: true, findByEmail: true, list: true, create: true, update: true, notes: true },
  agents: true,
  groups: true,
  organizations: true,
  surveys: { csat: true, nps: true },
  schedules: true,
  slaPolicies: true,
  articles: true,
  changes: true,
};

/**
 * The one contract every helpdesk adapter fulfils. Lists are async iterables that fetch page by page and hold
 * one page in memory; `get` of a missing record throws NotFoundError; writes accept an idempotency key; an
 * operation the vendor lacks throws UnsupportedError naming the adapter and the operation.
 *
 * @example
 * ```ts
 * async function openTickets(helpdesk: HelpdeskAdapter) {
 *   const out = [];
 *   for await (const ticket of helpdesk.tickets.list({ status: ['new', 'open'] })) out.push(ticket);
 *   return out;
 * }
 * ```
 */
export interface HelpdeskAdapter {
  readonly name: string;
  readonly capabilities: AdapterCapabilities;
  readonly tickets: {
    list(filter?: TicketFilter, options?: RequestOptions): AsyncIterable<Ticket>;
    get(id: string, options?: RequestOptions): Promise<Ticket>;
    create(input: TicketCreate, options?: RequestOptions): Promise<Ticket>;
    update(id: string, patch: TicketPatch, options?: RequestOptions): Promise<Ticket>;
    addMessage(ticketId: string, input: MessageCreate, options?: RequestOptions): Promise<Message>;
    listMessages(ticketId: string, options?: RequestOptions): AsyncIterable<Message>;
    listEvents(ticketId: string, options?: RequestOptions): AsyncIterable<TicketEvent>;
  };
  readonly customers: {
    get(id: string, options?: RequestOptions): Promise<Customer>;
    findByEmail(email: string, options?: RequestOptions): Promise<Customer | null>;
    list(filter?: SinceFilter, options?: RequestOptions): AsyncIterable<Customer>;
    create(input: CustomerCreate, options?: RequestOptions): Promise<Customer>;
    update(id: string, patch: CustomerPatch, options?: RequestOptions): Promise<Customer>;
    /**
     * Appends a signed note (author, time) to the customer's notes in the helpdesk and returns it as stored;
     * the same `id` appends a revision. Earlier text is never rewritten. UnsupportedError without
     * `capabilities.customers.notes`.
     */
    addNote(
      customerId: string,
      note: CustomerNoteCreateInput,
      options?: RequestOptions,
    ): Promise<CustomerNote>;
  };
  readonly agents: {
    list(options?: RequestOptions): AsyncIterable<Agent>;
    get(id: string, options?: RequestOptions): Promise<Agent>;
  };
  readonly groups: {
    list(options?: RequestOptions): AsyncIterable<Group>;
    get(id: string, options?: RequestOptions): Promise<Group>;
  };
  readonly organizations: {
    list(options?: RequestOptions): AsyncIterable<Organization>;
    get(id: string, options?: RequestOptions): Promise<Organization>;
  };
  readonly surveys: {
    listCsat(filter?: SinceFilter, options?: RequestOptions): AsyncIterable<CsatResponse>;
    listNps(filter?: SinceFilter, options?: RequestOptions): AsyncIterable<NpsResponse>;
  };
  readonly schedules: { list(options?: RequestOptions): AsyncIterable<Schedule> };
  readonly slaPolicies: { list(options?: RequestOptions): AsyncIterable<SlaPolicy> };
  readonly articles: {
    list(filter?: SinceFilter, options?: RequestOptions): AsyncIterable<Article>;
    get(id: string, options?: RequestOptions): Promise<Article>;
  };
  /** Changed records since a checkpoint (null = from the beginning), in batches that each carry a resumable checkpoint. */
  changes(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncIterable<ChangeBatch>;
}
