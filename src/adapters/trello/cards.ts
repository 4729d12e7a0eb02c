/**
 * Cards are tickets: listed from the board, read, created in the list of their status and updated by moving,
 * archiving, relabelling or reassigning them.
 */
import { NotFoundError } from '../../errors/api.js';
import { UnsupportedError } from '../../errors/unsupported.js';
import { TicketCreate, TicketPatch } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { Ticket, TicketPriority, TicketStatus } from '../../models/ticket.js';
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { matchesTicketFilter, path, ticketFilter } from '../kit/index.js';
import { ADAPTER, type TrelloAdapterContext } from './context.js';
import { requesterFieldOf, ticketFromTrello } from './map.js';
import { TrelloCard, TrelloLabel } from './wire.js';

/**
 * What a card read asks for besides the card: its custom field values and its creating action (the requester).
 * @example `await context.request('GET', path\`/cards/${id}\`, CARD_QUERY)`
 */
export const CARD_QUERY = {
  customFieldItems: 'true',
  actions: 'createCard',
  action_fields: 'idMemberCreator,date,type,data',
};

/**
 * One card as Trello sends it; what cannot be a card id is NotFoundError without a request, as for any other
 * adapter (Trello would answer 400 "invalid id").
 * @example `const wire = await readCard(context, '5abbe4b7ddc1b351ef961414', options);`
 */
export async function readCard(context: TrelloAdapterContext, id: string, options?: RequestOptions) {
  if (!/^[0-9a-f]{24}$/i.test(id) && !/^[0-9A-Za-z]{8}$/.test(id))
    throw new NotFoundError({ status: 404, adapter: ADAPTER, method: 'GET', url: '/cards/(not a card id)' });
  return context.fromWire(TrelloCard, await context.request('GET', path`/cards/${id}`, CARD_QUERY, options));
}

/**
 * A card as a ticket, with the board it is on.
 * @example `const ticket = await ticketOf(context, await readCard(context, id));`
 */
export const ticketOf = async (context: TrelloAdapterContext, wire: TrelloCard, options?: RequestOptions) =>
  ticketFromTrello(wire, await context.boardKnowing([wire.idList], options), context.mapping);

/**
 * One card as a ticket.
 * @example `const ticket = await readTicket(context, '5abbe4b7ddc1b351ef961414');`
 */
export const readTicket = async (context: TrelloAdapterContext, id: string, options?: RequestOptions) =>
  ticketOf(context, await readCard(context, id, options), options);

/** The first open list (in board order) whose status is `status`. */
async function listFor(context: TrelloAdapterContext, status: TicketStatus, options?: RequestOptions) {
  const list = (await context.board(options)).listIds.find((l) => l.status === status);
  if (!list)
    throw new UnsupportedError(
      ADAPTER,
      `status "${status}"`,
      'no list on the board maps to it (see mapping.lists)',
    );
  return list.id;
}

/** The ids of the labels for these tags and priority, each label created on the board when it has none yet. */
async function labelIdsFor(
  context: TrelloAdapterContext,
  tags: readonly string[],
  priority: TicketPriority | null | undefined,
  options?: RequestOptions,
): Promise<string[]> {
  const board = await context.board(options);
  // Normal priority is the absence of a priority label: it gets none.
  const names = [...tags, ...(priority && priority !== 'normal' ? [priority] : [])];
  const ids: string[] = [];
  for (const name of names) {
    let id = board.labelIds.get(name.toLowerCase());
    if (!id) {
      const query = { name, color: 'null', idBoard: context.boardId };
      id = context.fromWire(TrelloLabel, await context.request('POST', '/labels', query, options)).id;
      board.labelIds.set(name.toLowerCase(), id);
      (board.labels as Map<string, string>).set(id, name);
    }
    ids.push(id);
  }
  return ids;
}

/** The id of the text custom field that holds requesters, when the board has one. */
const requesterFieldId = async (context: TrelloAdapterContext, options?: RequestOptions) =>
  requesterFieldOf(await context.board(options), context.mapping)?.id;

/** Creates the card of a new ticket and, when the board has a requester field, fills it in. */
async function createCard(context: TrelloAdapterContext, body: TicketCreate, options?: RequestOptions) {
  const field = await requesterFieldId(context, options);
  // A requester by e-mail lives only in the requester field: without one it would be lost, so refuse before
  // the card exists. (A requesterId without the field falls back to the card's creator.)
  if (body.requester && !field)
    throw new UnsupportedError(
      ADAPTER,
      'tickets.create with a requester by e-mail',
      `the board has no "${context.mapping.requesterField ?? 'Requester'}" text custom field to hold it (mapping.requesterField)`,
    );
  const labels = await labelIdsFor(context, body.tags ?? [], body.priority, options);
  const query = {
    idList: await listFor(context, body.status ?? 'new', options),
    name: body.subject,
    ...(body.description ? { desc: body.description } : {}),
    ...(body.assigneeId ? { idMembers: body.assigneeId } : {}),
    ...(labels.length ? { idLabels: labels.join(',') } : {}),
  };
  // Not retried (but after a 429, which the transport waits out): a repeated POST would open two cards.
  const created = context.fromWire(
    TrelloCard,
    await context.request('POST', '/cards', query, { ...options, maxRetries: 0 }),
  );
  if (field)
    await context.request('PUT', path`/cards/${created.id}/customField/${field}/item`, {}, options, {
      // Trello has no users for requesters: the field's text (an id or the e-mail) is the requester.
      body: { value: { text: body.requester ? body.requester.email : body.requesterId } },
    });
  return created.id;
}

/** The query of a card update: name, list (or archiving), members and labels, as far as the patch asks. */
async function updateQuery(
  context: TrelloAdapterContext,
  current: TrelloCard,
  patch: TicketPatch,
  options?: RequestOptions,
) {
  const query: Record<string, string> = {};
  if (patch.subject !== undefined) query.name = patch.subject;
  if (patch.status === 'closed') query.closed = 'true';
  else if (patch.status !== undefined) {
    query.idList = await listFor(context, patch.status, options);
    if (current.closed) query.closed = 'false';
  }
  if (patch.assigneeId !== undefined) query.idMembers = patch.assigneeId ?? '';
  if (patch.tags !== undefined || patch.priority !== undefined) {
    // Tags and priority are both labels: setting one keeps the other as it is.
    const before = await ticketOf(context, current, options);
    const tags = patch.tags ?? before.tags;
    const priority = patch.priority ?? before.priority;
    query.idLabels = (await labelIdsFor(context, tags, priority, options)).join(',');
  }
  return query;
}

/**
 * The tickets resource: list, get, create and update.
 * @example `const { list, get } = createCards(context);`
 */
export function createCards(
  context: TrelloAdapterContext,
): Pick<HelpdeskAdapter['tickets'], 'list' | 'get' | 'create' | 'update'> {
  return {
    async *list(input, options) {
      const filter = ticketFilter(input);
      const cards = await context.request<unknown[]>(
        'GET',
        path`/boards/${context.boardId}/cards/all`,
        CARD_QUERY,
        options,
      );
      for (const raw of cards) {
        const ticket: Ticket = await ticketOf(context, context.fromWire(TrelloCard, raw), options);
        if (matchesTicketFilter(ticket, filter)) yield ticket;
      }
    },
    get: (id, options) => readTicket(context, id, options),
    async create(input, options) {
      const body = parse(TicketCreate, input, 'ticket to create');
      return context.once(options?.idempotencyKey, async () =>
        readTicket(context, await createCard(context, body, options), options),
      );
    },
    async update(id, patch, options) {
      const body = parse(TicketPatch, patch, 'ticket changes');
      const current = await readCard(context, id, options);
      await context.request(
        'PUT',
        path`/cards/${id}`,
        await updateQuery(context, current, body, options),
        options,
      );
      return readTicket(context, id, options);
    },
  };
}
