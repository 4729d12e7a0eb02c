import { NotFoundError } from '../../errors/api.js';
import { ChangeRefusedError } from '../../errors/operations.js';
import type { HelpdeskEventBus } from '../../events/index.js';
import type { AuthOption } from '../../http/auth.js';
import { createHttpClient } from '../../http/client.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { RetryPolicy } from '../../http/retry-policy.js';
import type { Agent } from '../../models/agent.js';
import type { DatasetRecord } from '../../models/dataset.js';
import {
  CustomerCreate,
  CustomerPatch,
  MessageCreate,
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
import {
  type AdapterTransportOptions,
  badCheckpoint,
  callOptions,
  checkOptions,
  createAdapterTransport,
  guardArguments,
  httpUrlProblem,
  inProcessIdempotency,
  integerProblem,
  sinceFilter,
  ticketFilter,
  transportOptionChecks,
  unsupportedCall,
  unsupportedList,
  wireReader,
} from '../kit/index.js';
import {
  agentFromRt,
  customerFromRt,
  eventsFromRt,
  groupFromRt,
  isMessageTransaction,
  messageFromRt,
  statusToRt,
  ticketCreateToRt,
  ticketFromRt,
  ticketPatchToRt,
} from './map.js';
import { RtAttachment, RtPage, RtQueue, RtTicket, RtTransaction, RtUser } from './wire.js';

/** Options of {@link createRequestTrackerAdapter}. */
export interface RequestTrackerAdapterOptions extends AdapterTransportOptions {
  /** Where RT is served, e.g. `https://rt.example.org` (REST2 lives under `/REST/2.0`). */
  baseUrl: string;
  /**
   * `tokenAuth(token)` for an RT auth token, or `basicAuth({ username, password })`; plain `{ token }` and
   * `{ username, password }` are read the same way.
   */
  auth: AuthOption;
  /** The queues (names or ids) this adapter covers: lists and the change feed see only these. @default all */
  queues?: readonly string[];
  /** Where new tickets go when the input names no group. @default the first of `queues`, else "General" */
  defaultQueue?: string;
  /** The multi-value ticket custom field that holds tags. @default 'Tags' */
  tagsField?: string;
  /** Records per page (RT allows up to 100). @default 50 */
  pageSize?: number;
}

const NAME = 'request-tracker';
const CAPABILITIES: AdapterCapabilities = {
  ...FULL_CAPABILITIES,
  organizations: false,
  surveys: { csat: false, nps: false },
  schedules: false,
  slaPolicies: false,
  articles: false,
};
const TICKET_FIELDS =
  'Subject,Status,Priority,Queue,Owner,Creator,Requestor,CustomFields,Type,Created,LastUpdated,Resolved,Due';
const TRANSACTION_FIELDS = 'Type,Field,OldValue,NewValue,Created,Creator,ObjectId,ObjectType';
const ATTACHMENT_FIELDS = 'TransactionId,ContentType,Filename,Content,ContentLength';
const USER_FIELDS =
  'Name,RealName,EmailAddress,MobilePhone,WorkPhone,Organization,Lang,Timezone,Disabled,Created,LastUpdated';
const SYSTEM_USERS = new Set(['RT_System', 'Nobody']);

/** A TicketSQL string literal. */
const sql = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** TicketSQL wants `YYYY-MM-DD HH:MM:SS`. */
const sqlDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

const fromWire = wireReader('Request Tracker');
const unsupported = (operation: string, reason: string) => unsupportedList(NAME, operation, reason);

/**
 * The Request Tracker 5 adapter over REST2: queues as groups, privileged users as agents and the others as
 * customer cards, tickets searched with TicketSQL, messages and history from transactions (Create = the
 * opening message, Correspond = a public reply, Comment = a private note; status, owner, queue, priority and
 * tag changes), and a change feed over the transaction ids, which only grow. RT has no organizations, surveys,
 * schedules, SLA policies or articles in REST2: those throw UnsupportedError.
 *
 * @example
 * ```ts
 * import { createRequestTrackerAdapter } from 'supportkit/request-tracker';
 * import { tokenAuth } from 'supportkit';
 * const rt = createRequestTrackerAdapter({ baseUrl: 'https://rt.example.org', auth: tokenAuth(process.env.RT_TOKEN!), queues: ['Support'] });
 * for await (const ticket of rt.tickets.list({ status: ['open'] })) console.log(ticket.subject);
 * ```
 */
export function createRequestTrackerAdapter(options: RequestTrackerAdapterOptions): HelpdeskAdapter {
  checkOptions('createRequestTrackerAdapter', options, {
    ...transportOptionChecks,
    baseUrl: httpUrlProblem,
    auth: (value) => (value ? undefined : 'required'),
    tagsField: (value) =>
      value === undefined || (typeof value === 'string' && value.trim() !== '')
        ? undefined
        : 'expected a custom field name',
    defaultQueue: (value) =>
      value === undefined || (typeof value === 'string' && value.trim() !== '')
        ? undefined
        : 'expected a queue name or id',
    pageSize: (value) => integerProblem(value, 1, 100),
    queues: (value) =>
      value === undefined ||
      (Array.isArray(value) && value.every((q) => typeof q === 'string' && q.trim() !== ''))
        ? undefined
        : 'expected a list of queue names or ids',
  });
  const base = new URL(options.baseUrl);
  const pageSize = options.pageSize ?? 50;
  const baseUrl = base.toString().replace(/\/$/, '');
  const context = { baseUrl, tagsField: options.tagsField ?? 'Tags' };
  const queues = [...(options.queues ?? [])];
  const defaultQueue = options.defaultQueue ?? queues[0] ?? 'General';
  const http = createAdapterTransport(options, {
    adapter: NAME,
    baseUrl: `${baseUrl}/REST/2.0`,
    auth: options.auth,
    tokenScheme: 'token',
  });
  const request = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    extra: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
    opts?: RequestOptions,
  ) =>
    // REST2 reads answer with an object; writes with an object or an array of messages, never null.
    (
      await http.request<T>({
        method,
        path,
        expect: method === 'GET' ? 'object' : 'json',
        ...extra,
        ...callOptions(opts),
      })
    ).data;

  /** Every item of a collection, page by page (`page` and `per_page`), one page held at a time. */
  async function* collection(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number | undefined>,
    body?: unknown,
    opts?: RequestOptions,
  ): AsyncGenerator<Record<string, unknown>> {
    for (let page = 1; ; page++) {
      const data = fromWire(
        RtPage,
        await request<unknown>(
          method,
          path,
          { query: { ...query, page, per_page: pageSize }, ...(body ? { body } : {}) },
          opts,
        ),
      );
      yield* data.items;
      if (data.items.length < pageSize || (data.pages !== undefined && page >= data.pages)) return;
    }
  }

  const scope = () =>
    queues.length
      ? `(${queues.map((q) => (/^\d+$/.test(q) ? `Queue = ${q}` : `Queue = ${sql(q)}`)).join(' OR ')})`
      : '';
  const where = (...terms: string[]) => terms.filter(Boolean).join(' AND ') || 'id > 0';

  const searchTickets = (query: string, opts?: RequestOptions) =>
    collection(
      'GET',
      '/tickets',
      { query, fields: TICKET_FIELDS, orderby: 'id', order: 'ASC' },
      undefined,
      opts,
    );

  const getTicket = async (id: string, opts?: RequestOptions) =>
    fromWire(RtTicket, await request<unknown>('GET', `/ticket/${encodeURIComponent(id)}`, {}, opts));

  const history = async (ticketId: string, opts?: RequestOptions) => {
    const out: RtTransaction[] = [];
    for await (const t of collection(
      'GET',
      `/ticket/${encodeURIComponent(ticketId)}/history`,
      { fields: TRANSACTION_FIELDS, orderby: 'id', order: 'ASC' },
      undefined,
      opts,
    ))
      out.push(fromWire(RtTransaction, t));
    return out;
  };

  const attachmentsBetween = async (after: number, upTo: number, opts?: RequestOptions) => {
    const out: RtAttachment[] = [];
    for await (const a of collection(
      'POST',
      '/attachments',
      { fields: ATTACHMENT_FIELDS, orderby: 'id', order: 'ASC' },
      [
        { field: 'TransactionId', operator: '>', value: after },
        { field: 'TransactionId', operator: '<=', value: upTo },
      ],
      opts,
    ))
      out.push(fromWire(RtAttachment, a));
    return out;
  };

  const ticketAttachments = async (ticketId: string, opts?: RequestOptions) => {
    const out: RtAttachment[] = [];
    for await (const a of collection(
      'GET',
      `/ticket/${encodeURIComponent(ticketId)}/attachments`,
      { fields: ATTACHMENT_FIELDS, orderby: 'id', order: 'ASC' },
      undefined,
      opts,
    ))
      out.push(fromWire(RtAttachment, a));
    return out;
  };

  let staff: Promise<RtUser[]> | undefined;
  /** The privileged users (agents), fetched once per adapter: their names tell agents' messages apart. */
  const privileged = (opts?: RequestOptions) => {
    staff ??= (async () => {
      const groups = fromWire(
        RtPage,
        await request<unknown>(
          'POST',
          '/groups',
          {
            body: [
              { field: 'Domain', value: 'SystemInternal' },
              { field: 'Name', value: 'Privileged' },
            ],
          },
          opts,
        ),
      );
      const group = groups.items[0];
      if (!group) return [];
      const users: RtUser[] = [];
      for await (const member of collection('GET', `/group/${String(group.id)}/members`, {}, undefined, opts))
        users.push(fromWire(RtUser, await request<unknown>('GET', `/user/${String(member.id)}`, {}, opts)));
      return users;
    })();
    staff.catch(() => {
      staff = undefined;
    });
    return staff;
  };
  const agentNames = async (opts?: RequestOptions) => new Set((await privileged(opts)).map((u) => u.Name));
  let nobody: Promise<RtUser> | undefined;
  /** User numbers → names, as owner changes need: the agents, and Nobody (an unowned ticket's owner). */
  const userNames = async (opts?: RequestOptions) => {
    nobody ??= request<unknown>('GET', '/user/Nobody', {}, opts).then((u) => fromWire(RtUser, u));
    nobody.catch(() => {
      nobody = undefined;
    });
    const users = [...(await privileged(opts)), await nobody];
    return new Map(users.map((u) => [String(u.id), u.Name]));
  };

  const messagesFrom = (
    ticketId: string,
    requesterId: string,
    transactions: readonly RtTransaction[],
    attachments: readonly RtAttachment[],
    agents: ReadonlySet<string>,
  ): Message[] =>
    transactions
      .filter(isMessageTransaction)
      .map((txn) => messageFromRt(txn, attachments, { ticketId, requesterId, agents }))
      // A Create without content (a ticket opened with no description) is no message.
      .filter((m) => m.body !== '' || m.attachments.length > 0);

  // RT has no idempotency keys: a repeated call with the same key in this process returns the first result,
  // and creates are never retried on their own (a retried POST could open the ticket twice).
  const once = inProcessIdempotency();

  const customer = async (id: string, opts?: RequestOptions) =>
    customerFromRt(
      fromWire(RtUser, await request<unknown>('GET', `/user/${encodeURIComponent(id)}`, {}, opts)),
    );

  const adapter: HelpdeskAdapter = {
    name: NAME,
    capabilities: CAPABILITIES,
    tickets: {
      async *list(input, opts) {
        const filter = ticketFilter(input);
        const statuses = [...new Set((filter.status ?? []).map(statusToRt))];
        const query = where(
          scope(),
          statuses.length ? `(${statuses.map((s) => `Status = ${sql(s)}`).join(' OR ')})` : '',
          ...(filter.tags ?? []).map((tag) => `CF.{${context.tagsField}} = ${sql(tag)}`),
          // A day early: TicketSQL reads dates in the API user's zone; the exact cut is made below.
          filter.updatedSince
            ? `LastUpdated >= ${sql(sqlDate(new Date(filter.updatedSince.getTime() - 86_400_000)))}`
            : '',
        );
        for await (const wire of searchTickets(query, opts)) {
          const t = ticketFromRt(fromWire(RtTicket, wire), context);
          if (filter.status?.length && !filter.status.includes(t.status)) continue;
          if (filter.tags?.length && !filter.tags.every((tag) => t.tags.includes(tag))) continue;
          if (filter.updatedSince && t.updatedAt < filter.updatedSince) continue;
          yield t;
        }
      },
      get: async (id, opts) => ticketFromRt(await getTicket(id, opts), context),
      async create(input, opts) {
        const body = parse(TicketCreate, input, 'ticket to create');
        return once(opts?.idempotencyKey, async () => {
          const created = await request<{ id: string | number }>(
            'POST',
            '/ticket',
            { body: ticketCreateToRt(body, body.groupId ?? defaultQueue, context) },
            { ...opts, maxRetries: 0 },
          );
          return ticketFromRt(await getTicket(String(created.id), opts), context);
        });
      },
      async update(id, patch, opts) {
        const body = parse(TicketPatch, patch, 'ticket changes');
        await getTicket(id, opts); // a missing ticket is NotFoundError, not RT's 200 with a message
        await request<unknown>(
          'PUT',
          `/ticket/${encodeURIComponent(id)}`,
          { body: ticketPatchToRt(body, context) },
          opts,
        );
        const after = ticketFromRt(await getTicket(id, opts), context);
        // RT answers 200 with a message per field, some of them refusals: check what took.
        const refused = [
          body.status !== undefined &&
          after.status !== body.status &&
          statusToRt(after.status) !== statusToRt(body.status)
            ? 'status'
            : '',
          body.assigneeId !== undefined && after.assigneeId !== body.assigneeId ? 'assigneeId' : '',
          body.subject !== undefined && after.subject !== body.subject ? 'subject' : '',
          body.tags !== undefined && [...after.tags].sort().join('\n') !== [...body.tags].sort().join('\n')
            ? 'tags'
            : '',
        ].filter(Boolean);
        if (refused.length)
          throw new ChangeRefusedError({
            message: `Request Tracker did not apply the change to ${refused.join(', ')} of ticket ${id}`,
            fields: refused,
          });
        return after;
      },
      async addMessage(ticketId, input, opts) {
        const message = parse(MessageCreate, input, 'message to add');
        const kind = message.public ? 'correspond' : 'comment';
        const { requesterId } = ticketFromRt(await getTicket(ticketId, opts), context);
        const before = await history(ticketId, opts);
        const lastId = Math.max(0, ...before.map((t) => Number(t.id)));
        await request<unknown>(
          'POST',
          `/ticket/${encodeURIComponent(ticketId)}/${kind}`,
          {
            body: {
              Content: message.body,
              ContentType: 'text/plain',
              ...(message.attachments?.length
                ? {
                    Attachments: message.attachments.map((file) => ({
                      FileName: file.fileName,
                      FileType: file.contentType,
                      FileContent: Buffer.from(file.data).toString('base64'),
                    })),
                  }
                : {}),
            },
          },
          { ...opts, maxRetries: 0 },
        );
        // REST2 answers with a sentence; the message is the new transaction of that type.
        const added = (await history(ticketId, opts)).find(
          (t) => Number(t.id) > lastId && t.Type === (message.public ? 'Correspond' : 'Comment'),
        );
        if (!added)
          throw new ChangeRefusedError({
            message: `Request Tracker recorded no ${kind} on ticket ${ticketId}`,
            fields: [kind],
            notRecorded: true,
          });
        const attachments = await attachmentsBetween(Number(added.id) - 1, Number(added.id), opts);
        return messageFromRt(added, attachments, { ticketId, requesterId, agents: await agentNames(opts) });
      },
      async *listMessages(ticketId, opts) {
        const ticket = ticketFromRt(await getTicket(ticketId, opts), context);
        const [transactions, attachments, agents] = await Promise.all([
          history(ticketId, opts),
          ticketAttachments(ticketId, opts),
          agentNames(opts),
        ]);
        yield* messagesFrom(ticketId, ticket.requesterId, transactions, attachments, agents);
      },
      async *listEvents(ticketId, opts) {
        const wire = await getTicket(ticketId, opts);
        const tagsField = (wire.CustomFields ?? []).find((cf) => cf.name === context.tagsField);
        const [transactions, names] = await Promise.all([history(ticketId, opts), userNames(opts)]);
        yield* eventsFromRt(ticketId, transactions, {
          currentTags: ticketFromRt(wire, context).tags,
          ...(tagsField ? { tagsFieldId: String(tagsField.id) } : {}),
          userNames: names,
        });
      },
    },
    customers: {
      get: (id, opts) => customer(id, opts),
      async findByEmail(email, opts) {
        const wanted = email.trim().toLowerCase();
        for await (const u of collection(
          'POST',
          '/users',
          { fields: USER_FIELDS },
          [{ field: 'EmailAddress', operator: 'LIKE', value: wanted }],
          opts,
        )) {
          const user = fromWire(RtUser, u);
          if (user.EmailAddress?.toLowerCase() === wanted) return customerFromRt(user);
        }
        return null;
      },
      async *list(input, opts) {
        const filter = sinceFilter(input, 'customers.list');
        const agents = await agentNames(opts);
        for await (const u of collection(
          'POST',
          '/users',
          { fields: USER_FIELDS, orderby: 'id', order: 'ASC' },
          [{ field: 'id', operator: '>', value: 0 }],
          opts,
        )) {
          const user = fromWire(RtUser, u);
          if (agents.has(user.Name) || SYSTEM_USERS.has(user.Name) || user.Name === 'root') continue;
          const card = customerFromRt(user);
          if (!filter.since || card.createdAt >= filter.since) yield card;
        }
      },
      async create(input, opts) {
        const body = parse(CustomerCreate, input, 'customer to create');
        return once(opts?.idempotencyKey, async () => {
          const created = await request<{ id: string | number }>(
            'POST',
            '/user',
            {
              body: {
                Name: body.email ?? body.name,
                RealName: body.name,
                Privileged: 0,
                ...(body.email ? { EmailAddress: body.email } : {}),
                ...(body.phone ? { MobilePhone: body.phone } : {}),
                ...(body.language ? { Lang: body.language } : {}),
                ...(body.timeZone ? { Timezone: body.timeZone } : {}),
              },
            },
            { ...opts, maxRetries: 0 },
          );
          return customer(String(created.id), opts);
        });
      },
      async update(id, patch, opts) {
        const body = parse(CustomerPatch, patch, 'customer changes');
        await customer(id, opts);
        await request<unknown>(
          'PUT',
          `/user/${encodeURIComponent(id)}`,
          {
            body: {
              ...(body.name !== undefined ? { RealName: body.name } : {}),
              ...(body.email !== undefined ? { EmailAddress: body.email } : {}),
              ...(body.phone !== undefined ? { MobilePhone: body.phone } : {}),
              ...(body.language !== undefined ? { Lang: body.language } : {}),
              ...(body.timeZone !== undefined ? { Timezone: body.timeZone } : {}),
            },
          },
          opts,
        );
        return customer(id, opts);
      },
    },
    agents: {
      async *list(opts) {
        for (const user of await privileged(opts))
          if (String(user.Disabled ?? '0') === '0') yield agentFromRt(user);
      },
      async get(id, opts) {
        const user = fromWire(
          RtUser,
          await request<unknown>('GET', `/user/${encodeURIComponent(id)}`, {}, opts),
        );
        if (!(await agentNames(opts)).has(user.Name))
          throw new NotFoundError({
            status: 404,
            adapter: NAME,
            method: 'GET',
            url: `/user/${encodeURIComponent(id)} (not an agent)`,
          });
        return agentFromRt(user) as Agent;
      },
    },
    groups: {
      async *list(opts) {
        for await (const q of collection(
          'GET',
          '/queues/all',
          { fields: 'Name,Description,Disabled' },
          undefined,
          opts,
        ))
          yield groupFromRt(fromWire(RtQueue, q));
      },
      get: async (id, opts) =>
        groupFromRt(
          fromWire(RtQueue, await request<unknown>('GET', `/queue/${encodeURIComponent(id)}`, {}, opts)),
        ),
    },
    organizations: {
      list: () =>
        unsupported('organizations.list', "RT has no organizations (a user's Organization is free text)"),
      get: unsupportedCall(NAME, 'organizations.get', 'RT has no organizations'),
    },
    surveys: {
      listCsat: () => unsupported('surveys.listCsat', 'RT has no satisfaction surveys'),
      listNps: () => unsupported('surveys.listNps', 'RT has no NPS surveys'),
    },
    schedules: { list: () => unsupported('schedules.list', 'REST2 exposes no business hours') },
    slaPolicies: { list: () => unsupported('slaPolicies.list', 'REST2 exposes no SLA policies') },
    articles: {
      list: () => unsupported('articles.list', 'REST2 exposes no articles'),
      get: unsupportedCall(NAME, 'articles.get', 'REST2 exposes no articles'),
    },
    async *changes(checkpoint, opts) {
      let last = cursorOf(checkpoint);
      if (!checkpoint && queues.length) {
        // A feed over some queues need not read RT's whole history: nothing about their tickets precedes the
        // Create transaction of the oldest of them (ticket ids and transaction ids both only grow).
        const oldest = fromWire(
          RtPage,
          await request<unknown>(
            'GET',
            '/tickets',
            { query: { query: where(scope()), orderby: 'id', order: 'ASC', per_page: 1 } },
            opts,
          ),
        ).items[0];
        if (!oldest) {
          yield { records: [], checkpoint: { adapter: NAME, cursor: '0' }, caughtUp: true };
          return;
        }
        const first = fromWire(
          RtPage,
          await request<unknown>(
            'GET',
            `/ticket/${String(oldest.id)}/history`,
            { query: { orderby: 'id', order: 'ASC', per_page: 1 } },
            opts,
          ),
        ).items[0];
        if (first) last = Number(first.id) - 1;
      }
      const agents = await agentNames(opts);
      const names = await userNames(opts);
      for (;;) {
        const page = fromWire(
          RtPage,
          await request<unknown>(
            'POST',
            '/transactions',
            {
              query: { fields: TRANSACTION_FIELDS, orderby: 'id', order: 'ASC', per_page: pageSize, page: 1 },
              body: [
                { field: 'id', operator: '>', value: last },
                { field: 'ObjectType', value: 'RT::Ticket' },
              ],
            },
            opts,
          ),
        );
        const transactions = page.items.map((t) => fromWire(RtTransaction, t));
        if (transactions.length === 0) {
          yield { records: [], checkpoint: { adapter: NAME, cursor: String(last) }, caughtUp: true };
          return;
        }
        const first = Number(transactions[0]!.id);
        const upTo = Number(transactions.at(-1)!.id);
        const touched = [...new Set(transactions.map((t) => String(t.ObjectId)))];
        const tickets = new Map<string, Ticket>();
        for await (const wire of searchTickets(
          where(scope(), `(${touched.map((id) => `id = ${Number(id)}`).join(' OR ')})`),
          opts,
        )) {
          const t = ticketFromRt(fromWire(RtTicket, wire), context);
          tickets.set(t.id, t);
        }
        const attachments = transactions.some(isMessageTransaction)
          ? await attachmentsBetween(first - 1, upTo, opts)
          : [];
        const records: DatasetRecord[] = [...tickets.values()].map((value) => ({ kind: 'tickets', value }));
        for (const [ticketId, ticket] of tickets) {
          const own = transactions.filter((t) => String(t.ObjectId) === ticketId);
          for (const value of messagesFrom(ticketId, ticket.requesterId, own, attachments, agents))
            records.push({ kind: 'messages', value });
          // Tag changes need the ticket's whole history to replay; the feed carries the others.
          for (const value of eventsFromRt(ticketId, own, { userNames: names }) as TicketEvent[])
            records.push({ kind: 'events', value });
        }
        last = upTo;
        const caughtUp = transactions.length < pageSize;
        const batch: ChangeBatch = { records, checkpoint: { adapter: NAME, cursor: String(last) }, caughtUp };
        yield batch;
        if (caughtUp) return;
      }
    },
  };
  return guardArguments(adapter);
}

/** The last transaction id a checkpoint stands for (0 = the beginning). */
function cursorOf(checkpoint: Checkpoint | null | undefined): number {
  if (!checkpoint) return 0;
  if (checkpoint.adapter !== NAME) throw badCheckpoint(NAME, 'adapter', 'belongs to another adapter');
  if (!/^\d+$/.test(checkpoint.cursor))
    throw badCheckpoint(NAME, 'cursor', 'is not a transaction id this adapter wrote');
  return Number(checkpoint.cursor);
}
