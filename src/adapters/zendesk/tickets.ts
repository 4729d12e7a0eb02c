/**
 * Tickets: listed through the ticket list (metric sets side-loaded, for `solvedAt`) or, when filtered, the
 * search export; read, created and changed one at a time; their history from the audits. Messages come from
 * the comment resource.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
 */
import { TicketCreate, TicketPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { Ticket } from '../../models/ticket.js';
import type { TicketEvent } from '../../models/ticket-event.js';
import type { RequestOptions, TicketFilter } from '../contract.js';
import {
  isFiltered,
  matchesTicketFilter,
  type ParsedTicketFilter,
  path,
  ticketFilter,
} from '../kit/index.js';
import { zendeskComments } from './comments.js';
import type { ZendeskContext } from './context.js';
import {
  metricSetsOf,
  readTicket,
  ticketCreateToZendesk,
  ticketEventsFromAudit,
  ticketPatchToZendesk,
  ticketSearchQuery,
} from './map/index.js';
import { ZendeskAudit, type ZendeskSideLoadedMetricSet } from './wire.js';

/** Every ticket, with the metric sets side-loaded into `metricSets` as each page arrives. */
const everyTicket = (
  context: ZendeskContext,
  metricSets: Map<string, ZendeskSideLoadedMetricSet>,
  opts?: RequestOptions,
) =>
  context.cursorList<unknown>({
    path: '/api/v2/tickets.json',
    key: 'tickets',
    query: { include: 'metric_sets' },
    options: opts,
    onPage: (body) => metricSetsOf(body, metricSets),
  });

/** Tickets the search export finds for a filter: plain search stops at 1000 results, the export does not. */
const searchTickets = (context: ZendeskContext, filter: ParsedTicketFilter, opts?: RequestOptions) =>
  context.cursorList<unknown>({
    path: '/api/v2/search/export.json',
    key: 'results',
    query: { query: ticketSearchQuery(filter), 'filter[type]': 'ticket' },
    options: opts,
  });

/**
 * The ticket resource of the Zendesk adapter, the contract's `tickets`.
 *
 * @example
 * ```ts
 * for await (const ticket of zendeskTickets(context).list({ status: 'open' })) console.log(ticket.subject);
 * ```
 */
export function zendeskTickets(context: ZendeskContext) {
  const comments = zendeskComments(context);

  return {
    async *list(input?: TicketFilter, opts?: RequestOptions): AsyncGenerator<Ticket> {
      const filter = ticketFilter(input);
      const metricSets = new Map<string, ZendeskSideLoadedMetricSet>();
      const source = isFiltered(filter)
        ? searchTickets(context, filter, opts)
        : everyTicket(context, metricSets, opts);
      for await (const wire of source) {
        const id = String((wire as { id?: unknown } | null)?.id);
        const ticket = readTicket(wire, context.ticketMapping, metricSets.get(id));
        metricSets.delete(id);
        // Zendesk ORs repeated status terms; tags and times are exact in search, checked again here.
        if (matchesTicketFilter(ticket, filter)) yield ticket;
      }
    },
    async get(id: string, opts?: RequestOptions): Promise<Ticket> {
      const body = await context.get<Record<string, unknown>>(
        `${path`/api/v2/tickets/${id}.json`}?include=metric_sets`,
        opts,
      );
      const sets = new Map<string, ZendeskSideLoadedMetricSet>();
      metricSetsOf(body, sets);
      const ticketId = String((body.ticket as { id?: unknown } | null)?.id);
      return readTicket(body.ticket, context.ticketMapping, sets.get(ticketId));
    },
    async create(input: TicketCreate, opts?: RequestOptions): Promise<Ticket> {
      const body = ticketCreateToZendesk(parse(TicketCreate, input, 'ticket to create'));
      const response = await context.write<{ ticket: unknown }>({
        method: 'POST',
        path: '/api/v2/tickets.json',
        body,
        options: opts,
      });
      return readTicket(response.ticket, context.ticketMapping);
    },
    async update(id: string, patch: TicketPatch, opts?: RequestOptions): Promise<Ticket> {
      const body = ticketPatchToZendesk(parse(TicketPatch, patch, 'ticket changes'));
      const response = await context.write<{ ticket: unknown }>({
        method: 'PUT',
        path: path`/api/v2/tickets/${id}.json`,
        body,
        options: opts,
      });
      return readTicket(response.ticket, context.ticketMapping);
    },
    addMessage: comments.add,
    listMessages: comments.list,
    async *listEvents(ticketId: string, opts?: RequestOptions): AsyncGenerator<TicketEvent> {
      const audits = context.cursorList<unknown>({
        path: path`/api/v2/tickets/${ticketId}/audits.json`,
        key: 'audits',
        options: opts,
      });
      for await (const audit of audits)
        yield* ticketEventsFromAudit(context.read(ZendeskAudit, audit), ticketId);
    },
  };
}
