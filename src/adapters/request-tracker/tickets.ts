/**
 * Tickets: searched with TicketSQL, read, created and updated over REST2. An update is checked against what RT
 * kept, because RT answers 200 with one message per field, refusals included.
 */
import { ChangeRefusedError } from '../../errors/operations.js';
import { UnsupportedError } from '../../errors/unsupported.js';
import { TicketCreate, TicketPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { Ticket } from '../../models/ticket.js';
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { matchesTicketFilter, path, ticketFilter } from '../kit/index.js';
import { ADAPTER, type RtAdapterContext } from './context.js';
import { statusToRt, ticketCreateToRt, ticketFromRt, ticketPatchToRt } from './map.js';
import { queueScope, sql, sqlDate, where } from './ticket-sql.js';
import { RtTicket } from './wire.js';

const TICKET_FIELDS =
  'Subject,Status,Priority,Queue,Owner,Creator,Requestor,CustomFields,Type,Created,LastUpdated,Resolved,Due';
const DAY_MS = 86_400_000;

/**
 * One ticket as REST2 sends it; a missing one is NotFoundError.
 * @example `const wire = await readTicket(context, '7', options);`
 */
export const readTicket = async (context: RtAdapterContext, id: string, options?: RequestOptions) =>
  context.fromWire(RtTicket, await context.request('GET', path`/ticket/${id}`, {}, options));

/**
 * The tickets a TicketSQL query finds, oldest first, as canonical tickets.
 * @example `for await (const t of searchTickets(context, "Status = 'open'")) …`
 */
export async function* searchTickets(
  context: RtAdapterContext,
  query: string,
  options?: RequestOptions,
): AsyncGenerator<Ticket> {
  for await (const wire of context.collection({
    method: 'GET',
    path: '/tickets',
    query: { query, fields: TICKET_FIELDS, orderby: 'id', order: 'ASC' },
    options,
  }))
    yield ticketFromRt(context.fromWire(RtTicket, wire), context.mapping);
}

/**
 * The name of the ticket custom field that holds tags, when an operation needs it; an UnsupportedError naming
 * the operation when RT has no such field (a stock RT has none): a tag filter would otherwise find nothing, and
 * tags written would be dropped without a word.
 */
async function tagsFieldFor(context: RtAdapterContext, operation: string, options?: RequestOptions) {
  const field = await context.tagsField(options);
  if (field) return field.name;
  throw new UnsupportedError(
    ADAPTER,
    operation,
    `RT has no ticket custom field "${context.mapping.tagsField}" to keep tags in: create one (Freeform, multiple values) applied to the queues, or name another with the tagsField option`,
  );
}

/** The TicketSQL for a parsed ticket filter, within the adapter's queues. */
async function filterQuery(
  context: RtAdapterContext,
  filter: ReturnType<typeof ticketFilter>,
  options?: RequestOptions,
): Promise<string> {
  const tags = filter.tags ?? [];
  const tagsField = tags.length ? await tagsFieldFor(context, 'tickets.list({ tags })', options) : '';
  const statuses = [...new Set((filter.status ?? []).map(statusToRt))];
  return where(
    queueScope(context.queues),
    statuses.length ? `(${statuses.map((s) => `Status = ${sql(s)}`).join(' OR ')})` : '',
    ...tags.map((tag) => `CF.{${tagsField}} = ${sql(tag)}`),
    // A day early: TicketSQL reads dates in the API user's zone; the exact cut is made after mapping.
    filter.updatedSince
      ? `LastUpdated >= ${sql(sqlDate(new Date(filter.updatedSince.getTime() - DAY_MS)))}`
      : '',
  );
}

/** The fields of a patch that RT did not apply, judged by the ticket as RT has it afterwards. */
function refusedFields(patch: TicketPatch, after: Ticket): string[] {
  // RT keeps a field's values as a set: ['vip', 'vip'] is kept as ['vip'].
  const asSet = (tags: readonly string[]) => [...new Set(tags)].sort().join('\n');
  const sameTags = (a: readonly string[], b: readonly string[]) => asSet(a) === asSet(b);
  return [
    // Two canonical statuses can be one RT status (hold and pending are both stalled): compare as RT sees them.
    patch.status !== undefined &&
    after.status !== patch.status &&
    statusToRt(after.status) !== statusToRt(patch.status)
      ? 'status'
      : '',
    patch.assigneeId !== undefined && after.assigneeId !== patch.assigneeId ? 'assigneeId' : '',
    patch.subject !== undefined && after.subject !== patch.subject ? 'subject' : '',
    patch.tags !== undefined && !sameTags(after.tags, patch.tags) ? 'tags' : '',
  ].filter(Boolean);
}

/**
 * The tickets resource: list, get, create and update.
 * @example `const { list, get } = createTickets(context);`
 */
export function createTickets(
  context: RtAdapterContext,
): Pick<HelpdeskAdapter['tickets'], 'list' | 'get' | 'create' | 'update'> {
  const { request, mapping } = context;
  const get = async (id: string, options?: RequestOptions) =>
    ticketFromRt(await readTicket(context, id, options), mapping);
  return {
    async *list(input, options) {
      const filter = ticketFilter(input);
      for await (const ticket of searchTickets(context, await filterQuery(context, filter, options), options))
        if (matchesTicketFilter(ticket, filter)) yield ticket;
    },
    get,
    async create(input, options) {
      const body = parse(TicketCreate, input, 'ticket to create');
      if (body.tags?.length) await tagsFieldFor(context, 'tickets.create({ tags })', options);
      // The ticket and what RT left out of it are kept together under the key: once the POST has opened the ticket,
      // a retry with the same key must not open it again, refused tags or not.
      const { ticket, refused } = await context.once(options?.idempotencyKey, async () => {
        const created = await request<{ id: string | number }>(
          'POST',
          '/ticket',
          { body: ticketCreateToRt(body, body.groupId ?? context.defaultQueue, mapping) },
          // A retried POST could open the ticket twice.
          { ...options, maxRetries: 0 },
        );
        const opened = await get(String(created.id), options);
        // The field exists but may not apply to the ticket's queue: RT then opens the ticket without the tags.
        return { ticket: opened, refused: refusedFields({ tags: body.tags ?? [] }, opened) };
      });
      if (refused.length)
        throw new ChangeRefusedError({
          message: `Request Tracker opened ticket ${ticket.id} without its ${refused.join(', ')} (is the "${mapping.tagsField}" custom field applied to its queue?)`,
          fields: refused,
        });
      return ticket;
    },
    async update(id, patch, options) {
      const body = parse(TicketPatch, patch, 'ticket changes');
      if (body.tags?.length) await tagsFieldFor(context, 'tickets.update({ tags })', options);
      await readTicket(context, id, options); // a missing ticket is NotFoundError, not RT's 200 with a message
      await request('PUT', path`/ticket/${id}`, { body: ticketPatchToRt(body, mapping) }, options);
      const after = await get(id, options);
      const refused = refusedFields(body, after);
      if (refused.length)
        throw new ChangeRefusedError({
          message: `Request Tracker did not apply the change to ${refused.join(', ')} of ticket ${id}`,
          fields: refused,
        });
      return after;
    },
  };
}
