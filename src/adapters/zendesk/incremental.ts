/**
 * The cursor-based incremental exports of tickets and users: everything changed since a checkpoint, a page
 * (up to 1000 records) at a time, holding one page in memory. The user export side-loads each page's identities
 * (`include=identities`, a users side-load), so a customer card carries every e-mail address, phone number and
 * handle without a request per user.
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/
 * https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/#supported-endpoints
 */
import type { Agent } from '../../models/agent.js';
import type { Customer } from '../../models/customer.js';
import type { Ticket } from '../../models/ticket.js';
import type { Checkpoint, RequestOptions } from '../contract.js';
import { argumentChecks, callOptions, guardCall, ownCursor, path } from '../kit/index.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { readTicket, usersFromZendesk } from './map/index.js';
import { ZendeskUser, ZendeskUserIdentity } from './wire.js';

/**
 * One page of the incremental ticket export.
 * @example `for await (const { tickets, checkpoint } of zendesk.incremental.tickets(saved)) save(tickets, checkpoint);`
 */
export interface TicketExportPage {
  tickets: Ticket[];
  checkpoint: Checkpoint;
  /** Zendesk said `end_of_stream`: the export has caught up. */
  caughtUp: boolean;
}

/**
 * One page of the incremental user export.
 * @example `for await (const { customers, agents } of zendesk.incremental.users(null)) store(customers, agents);`
 */
export interface UserExportPage {
  customers: Customer[];
  agents: Agent[];
  checkpoint: Checkpoint;
  caughtUp: boolean;
}

/**
 * Zendesk's incremental exports (the adapter's `incremental`).
 * @example `for await (const page of zendesk.incremental.users(null)) if (page.caughtUp) break;`
 */
export interface ZendeskIncrementalExports {
  /** Tickets changed since a checkpoint (null = from the beginning), page by page, one page at a time. */
  tickets(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncGenerator<TicketExportPage>;
  /**
   * Users changed since a checkpoint: end users as customer cards with every identity, agents and admins as
   * agents. A deleted user comes as it is (a card with `deleted: true`, an inactive agent).
   */
  users(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncGenerator<UserExportPage>;
}

/** A page of either export, before its records are read. */
interface ExportPage {
  items: unknown[];
  /** The side-loaded identities of a user page (none for tickets). */
  identities: unknown[];
  checkpoint: Checkpoint;
  caughtUp: boolean;
}

/** What each export asks for besides its cursor: users with their identities side-loaded. */
const SIDELOADS: Record<'tickets' | 'users', Record<string, string>> = {
  tickets: {},
  users: { include: 'identities' },
};

/** One page of an export: from the cursor, or from the beginning (`start_time=0`) without one. */
async function exportPage(
  context: ZendeskContext,
  resource: 'tickets' | 'users',
  cursor: string | undefined,
  opts?: RequestOptions,
): Promise<ExportPage & { next: string | undefined }> {
  const per_page = context.exportPageSize;
  const response = await context.http.request<Record<string, unknown>>({
    method: 'GET',
    path: path`/api/v2/incremental/${resource}/cursor.json`,
    query: { ...(cursor ? { cursor } : { start_time: 0 }), per_page, ...SIDELOADS[resource] },
    ...callOptions(opts),
  });
  const body = response.data ?? {};
  const after =
    typeof body.after_cursor === 'string' && body.after_cursor !== '' ? body.after_cursor : undefined;
  // A page without a new cursor keeps the old one: the next run asks from the same place.
  const next = after ?? cursor;
  return {
    items: Array.isArray(body[resource]) ? (body[resource] as unknown[]) : [],
    identities: Array.isArray(body.identities) ? (body.identities as unknown[]) : [],
    checkpoint: { adapter: ADAPTER, cursor: next ?? '' },
    caughtUp: body.end_of_stream === true || !next,
    next,
  };
}

/** Pages of a cursor-based export, from a checkpoint this adapter wrote (null = from the beginning). */
async function* exportPages(
  context: ZendeskContext,
  resource: 'tickets' | 'users',
  checkpoint: Checkpoint | null | undefined,
  opts?: RequestOptions,
): AsyncGenerator<ExportPage> {
  let cursor = checkpoint ? ownCursor(ADAPTER, checkpoint) : undefined;
  for (;;) {
    const { next, ...page } = await exportPage(context, resource, cursor, opts);
    yield page;
    if (page.caughtUp) return;
    cursor = next;
  }
}

const checkpointArgument: Parameters<typeof guardCall>[2] = [['checkpoint', argumentChecks.checkpoint]];

/**
 * The incremental-export resource of the Zendesk adapter; a checkpoint of another adapter is refused on
 * iteration, before any request.
 *
 * @example
 * ```ts
 * for await (const page of zendeskIncremental(context).tickets(null)) if (page.caughtUp) break;
 * ```
 */
export function zendeskIncremental(context: ZendeskContext): ZendeskIncrementalExports {
  async function* tickets(
    checkpoint?: Checkpoint | null,
    opts?: RequestOptions,
  ): AsyncGenerator<TicketExportPage> {
    for await (const page of exportPages(context, 'tickets', checkpoint, opts))
      yield {
        tickets: page.items.map((wire) => readTicket(wire, context.ticketMapping)),
        checkpoint: page.checkpoint,
        caughtUp: page.caughtUp,
      };
  }
  async function* users(
    checkpoint?: Checkpoint | null,
    opts?: RequestOptions,
  ): AsyncGenerator<UserExportPage> {
    for await (const page of exportPages(context, 'users', checkpoint, opts))
      yield {
        ...usersFromZendesk(
          page.items.map((wire) => context.read(ZendeskUser, wire)),
          page.identities.map((wire) => context.read(ZendeskUserIdentity, wire)),
        ),
        checkpoint: page.checkpoint,
        caughtUp: page.caughtUp,
      };
  }
  return {
    tickets: guardCall(ADAPTER, 'incremental.tickets', checkpointArgument, tickets, { list: true }),
    users: guardCall(ADAPTER, 'incremental.users', checkpointArgument, users, { list: true }),
  };
}
