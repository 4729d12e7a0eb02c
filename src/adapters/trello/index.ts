import { NotFoundError } from '../../errors/api.js';
import { UnsupportedError } from '../../errors/unsupported.js';
import type { HelpdeskEventBus } from '../../events/index.js';
import { type AuthOption, trelloAuth } from '../../http/auth.js';
import { createHttpClient } from '../../http/client.js';
import { createRateLimiter, type RateLimiter } from '../../http/rate-limit.js';
import type { RetryPolicy } from '../../http/retry-policy.js';
import type { DatasetRecord } from '../../models/dataset.js';
import { type AttachmentUpload, MessageCreate, TicketCreate, TicketPatch } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { parse } from '../../models/parse.js';
import type { Ticket, TicketStatus } from '../../models/ticket.js';
import {
  type AdapterCapabilities,
  type Checkpoint,
  FULL_CAPABILITIES,
  type HelpdeskAdapter,
  type RequestOptions,
} from '../contract.js';
import {
  type AdapterTransportOptions,
  anyValue,
  badCheckpoint,
  callOptions,
  checkOptions,
  createAdapterTransport,
  guardArguments,
  httpUrlProblem,
  inProcessIdempotency,
  rateLimiterOptions,
  ticketFilter,
  transportOptionChecks,
  unsupportedCall as unsupportedCallOf,
  unsupportedList,
  wireReader,
} from '../kit/index.js';
import {
  agentFromTrello,
  eventsFromTrello,
  labelTag,
  messagesFromTrello,
  statusOfList,
  type TrelloBoard,
  type TrelloMapping,
  ticketFromTrello,
} from './map.js';
import {
  TrelloAction,
  TrelloCard,
  TrelloCustomField,
  TrelloLabel,
  TrelloList,
  TrelloMember,
} from './wire.js';

/** Options of {@link createTrelloAdapter}. */
export interface TrelloAdapterOptions extends AdapterTransportOptions {
  key: string;
  token: string;
  /** The board that is the helpdesk. */
  boardId: string;
  mapping?: TrelloMapping;
  /** Another base URL (a proxy, a test server). @default https://api.trello.com/1 */
  baseUrl?: string;
  /** Replaces Trello's budgets (300 requests per 10 s per key, 100 per 10 s per token). */
  rateLimiter?: RateLimiter;
  /** Provide your own auth instead of key and token (tests), a provider or plain `{ key, token }`. */
  auth?: AuthOption;
}

const NAME = 'trello';
const CAPABILITIES: AdapterCapabilities = {
  ...FULL_CAPABILITIES,
  customers: { get: false, findByEmail: false, list: false, create: false, update: false },
  groups: false,
  organizations: false,
  surveys: { csat: false, nps: false },
  schedules: false,
  slaPolicies: false,
  articles: false,
};
const HISTORY =
  'createCard,updateCard,addLabelToCard,removeLabelFromCard,addMemberToCard,removeMemberFromCard';
const FEED = `${HISTORY},commentCard`;
const CARD_QUERY = {
  customFieldItems: 'true',
  actions: 'createCard',
  action_fields: 'idMemberCreator,date,type,data',
};

/**
 * Trello's rate limits: 300 requests per 10 s per API key and 100 per 10 s per token.
 * https://developer.atlassian.com/cloud/trello/guides/rest-api/rate-limits/
 *
 * @example
 * ```ts
 * createTrelloAdapter({ key, token, boardId, rateLimiter: trelloRateLimiter() });
 * ```
 */
export function trelloRateLimiter(options: { nonBlocking?: boolean } = {}): RateLimiter {
  const { nonBlocking } = rateLimiterOptions('trelloRateLimiter', options);
  return createRateLimiter({
    budgets: { key: { limit: 300, windowMs: 10_000 }, token: { limit: 100, windowMs: 10_000 } },
    budgetsFor: () => ['key', 'token'],
    nonBlocking,
  });
}

const fromWire = wireReader('Trello');
const unsupported = (operation: string, reason: string) => unsupportedList(NAME, operation, reason);
const unsupportedCall = (operation: string, reason: string) => unsupportedCallOf(NAME, operation, reason);

/** A multipart/form-data body with one file, as Trello's attachment upload takes it. */
function multipart(file: AttachmentUpload): { body: Uint8Array; contentType: string } {
  const boundary = `supportkit-${crypto.randomUUID()}`;
  const safeName = file.fileName.replace(/["\r\n]/g, '_');
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${safeName}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + file.data.length + tail.length);
  body.set(head, 0);
  body.set(file.data, head.length);
  body.set(tail, head.length + file.data.length);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A Trello board as a helpdesk: lists are statuses (by name — Inbox/New, Doing/In progress, Waiting, Done — or
 * `mapping.lists`), cards are tickets, labels tags (priority labels set the priority), members agents, comments
 * messages (a comment starting with `mapping.privateNotePrefix` is a private note; the card description is the
 * opening message), and card moves, label and member changes from the board's actions the tickets' history. The
 * requester lives in a text custom field ("Requester"). Trello has no customers, groups, organizations, surveys,
 * schedules, SLA policies or articles: those throw UnsupportedError.
 *
 * @example
 * ```ts
 * import { createTrelloAdapter } from 'supportkit/trello';
 * const board = createTrelloAdapter({ key: process.env.TRELLO_KEY!, token: process.env.TRELLO_TOKEN!, boardId: 'kV2cF3Yq' });
 * for await (const ticket of board.tickets.list({ status: ['new'] })) console.log(ticket.subject);
 * ```
 */
export function createTrelloAdapter(options: TrelloAdapterOptions): HelpdeskAdapter {
  const secret = (value: unknown, all: Record<string, unknown>) =>
    all.auth !== undefined || (typeof value === 'string' && value.trim() !== '')
      ? undefined
      : 'required unless auth is given';
  checkOptions('createTrelloAdapter', options, {
    boardId: (value) =>
      typeof value === 'string' && /^[0-9A-Za-z]+$/.test(value)
        ? undefined
        : value === undefined
          ? 'required: a board id or short link'
          : 'expected a board id or short link',
    key: secret,
    token: secret,
    ...transportOptionChecks,
    auth: anyValue,
    mapping: (value) =>
      value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))
        ? undefined
        : 'expected an object',
  });
  const mapping = options.mapping ?? {};
  const boardId = options.boardId;
  const http = createAdapterTransport(options, {
    adapter: NAME,
    baseUrl: options.baseUrl ?? 'https://api.trello.com/1',
    auth: options.auth ?? trelloAuth({ key: options.key, token: options.token }),
    // A 429 comes without Retry-After: wait out Trello's 10-second window.
    retry: { rateLimitWindowMs: 10_000 },
    rateLimiter: trelloRateLimiter,
  });
  const request = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    query: Record<string, string | number | undefined> = {},
    opts?: RequestOptions,
    extra: { body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    (
      await http.request<T>({
        method,
        path,
        query,
        // One card or member is an object, and so is every write's answer; every other read is a list.
        expect: method !== 'GET' || /^\/(cards|members)\/[^/]+$/.test(path) ? 'object' : 'array',
        ...extra,
        ...callOptions(opts),
      })
    ).data;

  let shape:
    | Promise<
        TrelloBoard & { listIds: { id: string; status: TicketStatus }[]; labelIds: Map<string, string> }
      >
    | undefined;
  /** The board's lists, labels, custom fields and members, read once per adapter. */
  const board = (opts?: RequestOptions) => {
    shape ??= (async () => {
      const [lists, labels, fields, members] = await Promise.all([
        request<unknown[]>('GET', `/boards/${boardId}/lists`, { filter: 'all' }, opts),
        request<unknown[]>('GET', `/boards/${boardId}/labels`, { limit: 1000 }, opts),
        request<unknown[]>('GET', `/boards/${boardId}/customFields`, {}, opts),
        request<unknown[]>('GET', `/boards/${boardId}/members`, {}, opts),
      ]);
      const listObjects = lists.map((l) => fromWire(TrelloList, l));
      const labelObjects = labels.map((l) => fromWire(TrelloLabel, l));
      const shaped: TrelloBoard = {
        lists: new Map(listObjects.map((l) => [l.id, l.name])),
        labels: new Map(labelObjects.map((l) => [l.id, labelTag(l)])),
        customFields: fields.map((f) => fromWire(TrelloCustomField, f)),
        members: new Set(members.map((m) => fromWire(TrelloMember, m).id)),
      };
      return {
        ...shaped,
        listIds: listObjects
          .filter((l) => !l.closed)
          .sort((a, b) => (a.pos ?? 0) - (b.pos ?? 0))
          .map((l) => ({ id: l.id, status: statusOfList(l.id, shaped, mapping) })),
        labelIds: new Map(labelObjects.map((l) => [labelTag(l).toLowerCase(), l.id])),
      };
    })();
    shape.catch(() => {
      shape = undefined;
    });
    return shape;
  };

  const listFor = async (status: TicketStatus, opts?: RequestOptions) => {
    const b = await board(opts);
    const list = b.listIds.find((l) => l.status === status);
    if (!list)
      throw new UnsupportedError(
        NAME,
        `status "${status}"`,
        'no list on the board maps to it (see mapping.lists)',
      );
    return list.id;
  };
  const labelIdsFor = async (names: readonly string[], opts?: RequestOptions) => {
    const b = await board(opts);
    const ids: string[] = [];
    for (const name of names) {
      let id = b.labelIds.get(name.toLowerCase());
      if (!id) {
        const created = fromWire(
          TrelloLabel,
          await request<unknown>('POST', '/labels', { name, color: 'null', idBoard: boardId }, opts),
        );
        id = created.id;
        b.labelIds.set(name.toLowerCase(), id);
        (b.labels as Map<string, string>).set(id, name);
      }
      ids.push(id);
    }
    return ids;
  };
  const requesterFieldId = async (opts?: RequestOptions) => {
    const b = await board(opts);
    const name = (mapping.requesterField ?? 'Requester').toLowerCase();
    return b.customFields.find((f) => (f.name ?? f.display?.name ?? '').toLowerCase() === name)?.id;
  };

  const card = async (id: string, opts?: RequestOptions) => {
    // Trello answers 400 "invalid id" for what cannot be a card id: no such card, as for any other adapter.
    if (!/^[0-9a-f]{24}$/i.test(id) && !/^[0-9A-Za-z]{8}$/.test(id))
      throw new NotFoundError({ status: 404, adapter: NAME, method: 'GET', url: '/cards/(not a card id)' });
    return fromWire(
      TrelloCard,
      await request<unknown>('GET', `/cards/${encodeURIComponent(id)}`, CARD_QUERY, opts),
    );
  };
  const ticketOf = async (wire: TrelloCard, opts?: RequestOptions) =>
    ticketFromTrello(wire, await board(opts), mapping);
  const cardActions = async (id: string, filter: string, opts?: RequestOptions) =>
    (
      await request<unknown[]>(
        'GET',
        `/cards/${encodeURIComponent(id)}/actions`,
        { filter, limit: 1000 },
        opts,
      )
    )
      .map((a) => fromWire(TrelloAction, a))
      .reverse(); // Trello lists newest first

  // Trello has no idempotency keys: kept in this process; creates are not retried except after a 429.
  const once = inProcessIdempotency();

  const adapter: HelpdeskAdapter = {
    name: NAME,
    capabilities: CAPABILITIES,
    tickets: {
      async *list(input, opts) {
        const filter = ticketFilter(input);
        const cards = await request<unknown[]>('GET', `/boards/${boardId}/cards/all`, CARD_QUERY, opts);
        for (const raw of cards) {
          const t = await ticketOf(fromWire(TrelloCard, raw), opts);
          if (filter.status?.length && !filter.status.includes(t.status)) continue;
          if (filter.tags?.length && !filter.tags.every((tag) => t.tags.includes(tag))) continue;
          if (filter.updatedSince && t.updatedAt < filter.updatedSince) continue;
          yield t;
        }
      },
      get: async (id, opts) => ticketOf(await card(id, opts), opts),
      async create(input, opts) {
        const body = parse(TicketCreate, input, 'ticket to create');
        return once(opts?.idempotencyKey, async () => {
          const field = await requesterFieldId(opts);
          // A requester by e-mail lives only in the requester field: without one it would be lost, so refuse
          // before the card exists. (A requesterId without the field falls back to the card's creator, as before.)
          if (body.requester && !field)
            throw new UnsupportedError(
              NAME,
              'tickets.create with a requester by e-mail',
              `the board has no "${mapping.requesterField ?? 'Requester'}" text custom field to hold it (mapping.requesterField)`,
            );
          const labels = await labelIdsFor(
            [...(body.tags ?? []), ...(body.priority && body.priority !== 'normal' ? [body.priority] : [])],
            opts,
          );
          const created = fromWire(
            TrelloCard,
            await request<unknown>(
              'POST',
              '/cards',
              {
                idList: await listFor(body.status ?? 'new', opts),
                name: body.subject,
                ...(body.description ? { desc: body.description } : {}),
                ...(body.assigneeId ? { idMembers: body.assigneeId } : {}),
                ...(labels.length ? { idLabels: labels.join(',') } : {}),
              },
              { ...opts, maxRetries: 0 },
            ),
          );
          if (field)
            await request<unknown>('PUT', `/cards/${created.id}/customField/${field}/item`, {}, opts, {
              // Trello has no users for requesters: the field's text (an id or the e-mail) is the requester.
              body: { value: { text: body.requester ? body.requester.email : body.requesterId } },
            });
          return ticketOf(await card(created.id, opts), opts);
        });
      },
      async update(id, patch, opts) {
        const body = parse(TicketPatch, patch, 'ticket changes');
        const current = await card(id, opts);
        const query: Record<string, string> = {};
        if (body.subject !== undefined) query.name = body.subject;
        if (body.status === 'closed') query.closed = 'true';
        else if (body.status !== undefined) {
          query.idList = await listFor(body.status, opts);
          if (current.closed) query.closed = 'false';
        }
        if (body.assigneeId !== undefined) query.idMembers = body.assigneeId ?? '';
        if (body.tags !== undefined || body.priority !== undefined) {
          const before = await ticketOf(current, opts);
          const tags = body.tags ?? before.tags;
          const priority = body.priority ?? before.priority;
          query.idLabels = (
            await labelIdsFor([...tags, ...(priority && priority !== 'normal' ? [priority] : [])], opts)
          ).join(',');
        }
        await request<unknown>('PUT', `/cards/${encodeURIComponent(id)}`, query, opts);
        return ticketOf(await card(id, opts), opts);
      },
      async addMessage(ticketId, input, opts) {
        const message = parse(MessageCreate, input, 'message to add');
        const ticket = await ticketOf(await card(ticketId, opts), opts);
        const prefix = mapping.privateNotePrefix ?? '[private] ';
        const action = fromWire(
          TrelloAction,
          await request<unknown>(
            'POST',
            `/cards/${encodeURIComponent(ticketId)}/actions/comments`,
            { text: message.public ? message.body : `${prefix}${message.body}` },
            { ...opts, maxRetries: 0 },
          ),
        );
        const [added] = messagesFromTrello(
          { ...ticket, description: undefined },
          [action],
          await board(opts),
          mapping,
        );
        const attachments: Message['attachments'] = [];
        // Trello attaches files to the card: each is uploaded there and listed on this message.
        for (const file of message.attachments ?? []) {
          const { body, contentType } = multipart(file);
          const uploaded = (await request<{ id: string; bytes?: number; url?: string }>(
            'POST',
            `/cards/${encodeURIComponent(ticketId)}/attachments`,
            {},
            { ...opts, maxRetries: 0 },
            { body, headers: { 'content-type': contentType } },
          )) ?? { id: '' };
          attachments.push({
            id: uploaded.id,
            fileName: file.fileName,
            contentType: file.contentType,
            size: uploaded.bytes ?? file.data.byteLength,
            ...(uploaded.url ? { url: uploaded.url } : {}),
          });
        }
        return { ...added!, attachments };
      },
      async *listMessages(ticketId, opts) {
        const ticket = await ticketOf(await card(ticketId, opts), opts);
        yield* messagesFromTrello(
          ticket,
          await cardActions(ticketId, 'commentCard', opts),
          await board(opts),
          mapping,
        );
      },
      async *listEvents(ticketId, opts) {
        const ticket = await ticketOf(await card(ticketId, opts), opts);
        yield* eventsFromTrello(
          ticket,
          await cardActions(ticketId, HISTORY, opts),
          await board(opts),
          mapping,
        );
      },
    },
    customers: {
      get: unsupportedCall('customers.get', 'Trello has no customers'),
      findByEmail: unsupportedCall('customers.findByEmail', 'Trello has no customers'),
      list: () => unsupported('customers.list', 'Trello has no customers'),
      create: unsupportedCall('customers.create', 'Trello has no customers'),
      update: unsupportedCall('customers.update', 'Trello has no customers'),
    },
    agents: {
      async *list(opts) {
        for (const m of await request<unknown[]>('GET', `/boards/${boardId}/members`, {}, opts))
          yield agentFromTrello(fromWire(TrelloMember, m));
      },
      async get(id, opts) {
        const b = await board(opts);
        if (!b.members.has(id))
          throw new NotFoundError({
            status: 404,
            adapter: NAME,
            method: 'GET',
            url: `/members/${encodeURIComponent(id)} (not on the board)`,
          });
        return agentFromTrello(
          fromWire(
            TrelloMember,
            await request<unknown>('GET', `/members/${encodeURIComponent(id)}`, {}, opts),
          ),
        );
      },
    },
    groups: {
      list: () => unsupported('groups.list', 'a Trello board has no groups'),
      get: unsupportedCall('groups.get', 'a Trello board has no groups'),
    },
    organizations: {
      list: () => unsupported('organizations.list', 'Trello has no customer organizations'),
      get: unsupportedCall('organizations.get', 'Trello has no customer organizations'),
    },
    surveys: {
      listCsat: () => unsupported('surveys.listCsat', 'Trello has no surveys'),
      listNps: () => unsupported('surveys.listNps', 'Trello has no surveys'),
    },
    schedules: { list: () => unsupported('schedules.list', 'Trello has no business hours') },
    slaPolicies: { list: () => unsupported('slaPolicies.list', 'Trello has no SLA policies') },
    articles: {
      list: () => unsupported('articles.list', 'Trello has no knowledge base'),
      get: unsupportedCall('articles.get', 'Trello has no knowledge base'),
    },
    async *changes(checkpoint, opts) {
      const since = sinceOf(checkpoint);
      // The board's actions after the checkpoint, newest first, page by page back to it (`before`).
      const actions: TrelloAction[] = [];
      let before: string | undefined;
      for (;;) {
        const page = (
          await request<unknown[]>(
            'GET',
            `/boards/${boardId}/actions`,
            { filter: FEED, limit: 1000, ...(since ? { since } : {}), ...(before ? { before } : {}) },
            opts,
          )
        ).map((a) => fromWire(TrelloAction, a));
        actions.push(...page);
        if (page.length < 1000) break;
        before = page.at(-1)!.id;
      }
      actions.reverse();
      if (actions.length === 0) {
        yield { records: [], checkpoint: { adapter: NAME, cursor: since ?? '' }, caughtUp: true };
        return;
      }
      const b = await board(opts);
      const cards = new Map<string, Ticket>();
      const touchedIds = [
        ...new Set(actions.map((a) => (a.data.card as { id?: string } | undefined)?.id).filter(Boolean)),
      ] as string[];
      // A few cards: read just those, ten to a /batch request; many: the whole board in one request.
      const raws: unknown[] = [];
      if (touchedIds.length <= 50) {
        const query = new URLSearchParams(CARD_QUERY).toString();
        for (let i = 0; i < touchedIds.length; i += 10) {
          const urls = touchedIds.slice(i, i + 10).map((id) => `/cards/${id}?${query}`);
          const answers = await request<Record<string, unknown>[]>(
            'GET',
            '/batch',
            { urls: urls.join(',') },
            opts,
          );
          for (const answer of answers) if (answer['200']) raws.push(answer['200']);
        }
      } else
        raws.push(...(await request<unknown[]>('GET', `/boards/${boardId}/cards/all`, CARD_QUERY, opts)));
      for (const raw of raws) {
        const t = ticketFromTrello(fromWire(TrelloCard, raw), b, mapping);
        cards.set(t.id, t);
      }
      // One batch per 100 actions: each resumable from the last action it holds.
      for (let start = 0; start < actions.length; start += 100) {
        const chunk = actions.slice(start, start + 100);
        const records: DatasetRecord[] = [];
        const touched = [
          ...new Set(chunk.map((a) => (a.data.card as { id?: string } | undefined)?.id).filter(Boolean)),
        ] as string[];
        for (const id of touched) {
          const ticket = cards.get(id);
          if (!ticket) continue; // deleted since
          records.push({ kind: 'tickets', value: ticket });
          const own = chunk.filter((a) => (a.data.card as { id?: string } | undefined)?.id === id);
          const created = own.some((a) => a.type === 'createCard');
          for (const value of messagesFromTrello(
            created ? ticket : { ...ticket, description: undefined },
            own,
            b,
            mapping,
          ))
            records.push({ kind: 'messages', value });
          // Tag events need the card's whole history to replay: the feed carries status, assignee and priority.
          for (const value of eventsFromTrello(ticket, own, b, mapping, { tags: false }))
            records.push({ kind: 'events', value });
        }
        const done = start + 100 >= actions.length;
        yield { records, checkpoint: { adapter: NAME, cursor: chunk.at(-1)!.id }, caughtUp: done };
      }
    },
  };
  return guardArguments(adapter);
}

function sinceOf(checkpoint: Checkpoint | null | undefined): string | undefined {
  if (!checkpoint) return undefined;
  if (checkpoint.adapter !== NAME) throw badCheckpoint(NAME, 'adapter', 'belongs to another adapter');
  if (checkpoint.cursor === '') return undefined;
  if (!/^[0-9a-f]{24}$/i.test(checkpoint.cursor))
    throw badCheckpoint(NAME, 'cursor', 'is not a Trello action id this adapter wrote');
  return checkpoint.cursor;
}
