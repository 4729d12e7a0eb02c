import { ExportStalledError, JobFailedError } from '../../errors/operations.js';
import { ValidationError } from '../../errors/validation.js';
import type { HelpdeskEventBus } from '../../events/index.js';
import type { AuthOption } from '../../http/auth.js';
import { abortableSleep as sleep } from '../../http/client.js';
import { createRateLimiter, type RateLimiter } from '../../http/rate-limit.js';
import type { RetryPolicy } from '../../http/retry-policy.js';
import type { Agent } from '../../models/agent.js';
import type { Customer } from '../../models/customer.js';
import type { DatasetRecord } from '../../models/dataset.js';
import {
  type AttachmentUpload,
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
  argumentChecks,
  badCheckpoint,
  callOptions,
  checkOptions,
  createAdapterTransport,
  guardArguments,
  guardCall,
  httpUrlProblem,
  integerProblem,
  type ParsedTicketFilter,
  rateLimiterOptions,
  sinceFilter,
  ticketFilter,
  transportOptionChecks,
  unsupportedList,
  wireReader,
} from '../kit/index.js';
import { zendeskArticles } from './articles.js';
import { cursorList } from './endpoints.js';
import { checkpointAt, type FeedPosition, positionOf } from './feed.js';
import {
  agentFromZendesk,
  type BulkResult,
  bulkResults,
  csatFromZendesk,
  customerFromZendesk,
  groupFromZendesk,
  isStaff,
  messageCreateToZendesk,
  messageFromZendesk,
  organizationFromZendesk,
  scheduleFromZendesk,
  ticketCreateToZendesk,
  ticketEventsFromZendesk,
  ticketFromZendesk,
  ticketMetricsFromZendesk,
  ticketPatchToZendesk,
  type ZendeskScheduleWire,
  type ZendeskTicketMetrics,
} from './map.js';
import { zendeskSlaPolicies } from './sla-policies.js';
import {
  isPlainZendeskTicket,
  ZendeskComment,
  ZendeskGroup,
  ZendeskJobStatus,
  ZendeskOrganization,
  ZendeskSatisfactionRating,
  ZendeskTicket,
  ZendeskTicketEventsPage,
  ZendeskTicketMetric,
  ZendeskUser,
} from './wire.js';

/** One page of the incremental ticket export. */
export interface TicketExportPage {
  tickets: Ticket[];
  checkpoint: Checkpoint;
  /** Zendesk said `end_of_stream`: the export has caught up. */
  caughtUp: boolean;
}

/** Options of a bulk write: the job is polled until it completes. */
export interface BulkOptions extends RequestOptions {
  /** First wait between polls of the job status, doubling up to 10 s. @default 1000 */
  pollIntervalMs?: number;
  /** Give up on a job still running after this long (it may still finish in Zendesk). @default 600000 */
  jobTimeoutMs?: number;
}

/** One page of the incremental user export. */
export interface UserExportPage {
  customers: Customer[];
  agents: Agent[];
  checkpoint: Checkpoint;
  caughtUp: boolean;
}

/** The Zendesk adapter: the contract, plus what only Zendesk has. */
export interface ZendeskAdapter extends HelpdeskAdapter {
  readonly bulk: {
    /**
     * Creates many tickets through background jobs (100 a job, one job at a time), polls each job to its end, and
     * reports every input's outcome in input order: an id, or the error Zendesk gave. Inputs are validated before
     * anything is sent.
     */
    createTickets(inputs: readonly TicketCreate[], options?: BulkOptions): Promise<BulkResult[]>;
  };
  readonly ticketMetrics: {
    /** Zendesk's measurements of one ticket (reply, resolution and wait times, reopens). */
    get(ticketId: string, options?: RequestOptions): Promise<ZendeskTicketMetrics>;
    /** Every ticket's measurements, newest ticket first. */
    list(options?: RequestOptions): AsyncGenerator<ZendeskTicketMetrics>;
  };
  readonly incremental: {
    /**
     * Tickets changed since a checkpoint (null = from the beginning), page by page through the cursor-based
     * incremental export, holding one page at a time.
     */
    tickets(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncGenerator<TicketExportPage>;
    /**
     * Users changed since a checkpoint through the cursor-based user export: end users as customer cards, agents
     * and admins as agents.
     */
    users(checkpoint?: Checkpoint | null, options?: RequestOptions): AsyncGenerator<UserExportPage>;
  };
}

/** Options of {@link createZendeskAdapter}. */
export interface ZendeskAdapterOptions extends AdapterTransportOptions {
  /**
   * The account's subdomain: `acme` for acme.zendesk.com. A bare DNS label, nothing else. Required unless
   * `baseUrl` is given.
   */
  subdomain?: string;
  /** A provider (oauthAuth, apiTokenAuth, …) or plain `{ email, token }` (API token) or `{ token }` (bearer). */
  auth: AuthOption;
  /**
   * Another base URL (a proxy, a test server, a host mapped to the account): an absolute http(s) URL. With it,
   * `subdomain` may be left out. @default https://{subdomain}.zendesk.com
   */
  baseUrl?: string;
  /** Records per page of lists. @default 100 */
  pageSize?: number;
  /** Tickets per page of the incremental export (Zendesk allows up to 1000). @default 1000 */
  exportPageSize?: number;
  /** Custom status id → its category (new, open, pending, hold, solved), for accounts that use custom statuses. */
  customStatuses?: Record<string, string>;
  /**
   * Replaces Zendesk's budgets (the account limit from headers, incremental exports 10 a minute) — for a test
   * server or a proxy with limits of its own; `zendeskRateLimiter({ nonBlocking: true })` throws RateLimitError
   * instead of waiting. @default zendeskRateLimiter()
   */
  rateLimiter?: RateLimiter;
}

/**
 * Zendesk's rate-limit budgets: the account limit its headers report, and 10 incremental-export requests a
 * minute. https://developer.zendesk.com/api-reference/introduction/rate-limits/
 *
 * @example
 * ```ts
 * createZendeskAdapter({ subdomain: 'acme', auth, rateLimiter: zendeskRateLimiter({ nonBlocking: true }) });
 * ```
 */
export function zendeskRateLimiter(options: { nonBlocking?: boolean } = {}): RateLimiter {
  const { nonBlocking } = rateLimiterOptions('zendeskRateLimiter', options);
  return createRateLimiter({
    budgets: { incremental: { limit: 10, windowMs: 60_000 } },
    budgetsFor: (_method, path) => (path.includes('/incremental/') ? ['incremental'] : []),
    nonBlocking,
  });
}

const NAME = 'zendesk';
/** Zendesk's time-based exports leave out the last minute. */
const EXPORT_LAG_SECONDS = 60;
const isComment = (event: Record<string, unknown>) => (event.event_type ?? event.type) === 'Comment';
const CAPABILITIES: AdapterCapabilities = { ...FULL_CAPABILITIES, surveys: { csat: true, nps: false } };

const fromWire = wireReader('Zendesk');

/**
 * The Zendesk Support adapter: tickets, comments (public and private, authors' roles from side-loaded users),
 * ticket history from audits, users as customer cards and agents, organizations, groups, satisfaction ratings,
 * schedules with holidays, SLA policies, Help Center articles, and a resumable change feed over the incremental
 * cursor export. Auth is any provider from `supportkit` (OAuth with refresh rotation, client credentials, or API
 * token while Zendesk still accepts them).
 *
 * @example
 * ```ts
 * import { createZendeskAdapter, oauthAuth } from 'supportkit';
 * const zendesk = createZendeskAdapter({ subdomain: 'acme', auth: oauthAuth({ ... }) });
 * for await (const ticket of zendesk.tickets.list({ status: ['open'] })) console.log(ticket.subject);
 * ```
 */
export function createZendeskAdapter(options: ZendeskAdapterOptions): ZendeskAdapter {
  const checked = checkOptions('createZendeskAdapter', options, {
    subdomain: (value, all) =>
      value === undefined
        ? all.baseUrl === undefined
          ? 'required unless baseUrl is given'
          : undefined
        : typeof value === 'string' && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(value)
          ? undefined
          : 'expected a bare DNS label such as "acme"',
    ...transportOptionChecks,
    auth: (value) => (value ? undefined : 'required'),
    pageSize: (value) => integerProblem(value, 1, 100),
    exportPageSize: (value) => integerProblem(value, 1, 1000),
    customStatuses: (value) =>
      value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))
        ? undefined
        : 'expected an object of custom status id → category',
  });
  const pageSize = options.pageSize ?? 100;
  const exportPageSize = options.exportPageSize ?? 1000;
  const baseURL = (options.baseUrl ?? `https://${checked.subdomain}.zendesk.com`).replace(/\/+$/, '');
  // Without a subdomain, a *.zendesk.com base URL still names the account (for links to tickets); a proxy does not.
  const subdomain = checked.subdomain ?? /^([a-z0-9-]+)\.zendesk\.com$/i.exec(new URL(baseURL).hostname)?.[1];
  const customStatuses = new Map(Object.entries(options.customStatuses ?? {}));
  const context = { ...(subdomain ? { subdomain } : {}), customStatuses };
  const http = createAdapterTransport(options, {
    adapter: NAME,
    baseUrl: baseURL,
    auth: options.auth,
    // Every Zendesk endpoint answers with a JSON object: `200 null`, an array or HTML is a typed error.
    expect: 'object',
    rateLimiter: zendeskRateLimiter,
  });
  const get = async <T>(path: string, opts?: RequestOptions) =>
    (await http.request<T>({ method: 'GET', path, ...callOptions(opts) })).data;
  const write = async <T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    opts?: RequestOptions,
    idempotent?: boolean,
  ) =>
    (
      await http.request<T>({
        method,
        path,
        body,
        ...(idempotent === undefined ? {} : { idempotent }),
        ...callOptions(opts),
        ...(opts?.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
      })
    ).data;
  // Well-formed tickets skip the schema's copy (the export maps a million of them); the rest get its errors.
  // A side-loaded metric set gives solvedAt, which the ticket does not carry.
  const ticket = (wire: unknown, metricSet?: { solved_at?: string | null } | null) =>
    ticketFromZendesk(isPlainZendeskTicket(wire) ? wire : fromWire(ZendeskTicket, wire), {
      ...context,
      ...(metricSet ? { metricSet } : {}),
    });
  /** The `metric_sets` side-load of a page, by ticket id. */
  const metricSetsOf = (body: Record<string, unknown>, into: Map<string, { solved_at?: string | null }>) => {
    const sets = Array.isArray(body.metric_sets)
      ? body.metric_sets
      : body.metric_set
        ? [body.metric_set]
        : [];
    for (const set of sets as { ticket_id?: unknown; solved_at?: string | null }[])
      if (set && set.ticket_id !== undefined && set.ticket_id !== null) into.set(String(set.ticket_id), set);
  };
  const list = <T>(
    path: string,
    key: string,
    query: Record<string, string | number | undefined> = {},
    opts?: RequestOptions,
  ) => cursorList<T>(http, path, key, query, pageSize, callOptions(opts));

  async function* messagesOf(ticketId: string, opts?: RequestOptions): AsyncGenerator<Message> {
    // Side-load the authors so agent and end-user comments are told apart without one request per author.
    const agents = new Set<string>();
    const pages = cursorList<unknown>(
      http,
      `/api/v2/tickets/${encodeURIComponent(ticketId)}/comments.json`,
      'comments',
      { include: 'users' },
      pageSize,
      callOptions(opts),
      (body) => {
        for (const user of (body.users ?? []) as { id: unknown; role?: unknown }[])
          if (isStaff(user.role)) agents.add(String(user.id));
      },
    );
    for await (const comment of pages)
      yield messageFromZendesk(fromWire(ZendeskComment, comment), ticketId, agents);
  }

  async function* eventsOf(ticketId: string, opts?: RequestOptions): AsyncGenerator<TicketEvent> {
    for await (const audit of list<{
      id: string | number;
      created_at: string;
      author_id?: unknown;
      events?: Record<string, unknown>[];
    }>(`/api/v2/tickets/${encodeURIComponent(ticketId)}/audits.json`, 'audits', {}, opts)) {
      yield* ticketEventsFromZendesk({
        id: audit.id,
        ticketId,
        at: new Date(audit.created_at),
        authorId: audit.author_id,
        events: audit.events ?? [],
      });
    }
  }

  const searchQuery = (filter: ParsedTicketFilter) =>
    [
      'type:ticket',
      ...(filter.status?.length ? filter.status.map((s) => `status:${s}`) : []),
      ...(filter.tags ?? []).map((t) => `tags:${t}`),
      ...(filter.updatedSince ? [`updated>=${filter.updatedSince.toISOString()}`] : []),
    ].join(' ');

  /** Pages of a cursor-based incremental export (`tickets` or `users`), holding one page at a time. */
  async function* cursorExport(
    resource: 'tickets' | 'users',
    checkpoint: Checkpoint | null | undefined,
    opts?: RequestOptions,
  ): AsyncGenerator<{ items: unknown[]; checkpoint: Checkpoint; caughtUp: boolean }> {
    if (checkpoint && checkpoint.adapter !== NAME)
      throw badCheckpoint(NAME, 'adapter', 'belongs to another adapter');
    let cursor = checkpoint?.cursor;
    for (;;) {
      const response = await http.request<Record<string, unknown>>({
        method: 'GET',
        path: `/api/v2/incremental/${resource}/cursor.json`,
        query: cursor ? { cursor, per_page: exportPageSize } : { start_time: 0, per_page: exportPageSize },
        ...callOptions(opts),
      });
      const body = response.data ?? {};
      const after = typeof body.after_cursor === 'string' ? body.after_cursor : undefined;
      const next = after ?? cursor;
      const caughtUp = body.end_of_stream === true || !next;
      yield {
        items: Array.isArray(body[resource]) ? (body[resource] as unknown[]) : [],
        checkpoint: { adapter: NAME, cursor: next ?? '' },
        caughtUp,
      };
      if (caughtUp) return;
      cursor = next;
    }
  }

  async function* exportTickets(
    checkpoint?: Checkpoint | null,
    opts?: RequestOptions,
  ): AsyncGenerator<TicketExportPage> {
    for await (const page of cursorExport('tickets', checkpoint, opts))
      yield {
        tickets: page.items.map((wire) => ticket(wire)),
        checkpoint: page.checkpoint,
        caughtUp: page.caughtUp,
      };
  }

  async function* exportUsers(
    checkpoint?: Checkpoint | null,
    opts?: RequestOptions,
  ): AsyncGenerator<UserExportPage> {
    for await (const page of cursorExport('users', checkpoint, opts)) {
      const users = page.items.map((wire) => fromWire(ZendeskUser, wire));
      yield {
        customers: users.filter((u) => !isStaff(u.role)).map(customerFromZendesk),
        agents: users.filter((u) => isStaff(u.role)).map(agentFromZendesk),
        checkpoint: page.checkpoint,
        caughtUp: page.caughtUp,
      };
    }
  }

  /**
   * Uploads files for one comment: the first upload returns a token, the rest join it (Zendesk groups the files
   * of a comment under one token). Returns undefined when there is nothing to upload.
   */
  async function uploadFiles(files: readonly AttachmentUpload[], opts?: RequestOptions) {
    let token: string | undefined;
    for (const file of files) {
      const response = await http.request<{ upload?: { token?: string } }>({
        method: 'POST',
        path: '/api/v2/uploads.json',
        query: { filename: file.fileName, ...(token ? { token } : {}) },
        body: file.data,
        headers: { 'content-type': file.contentType },
        // An upload is not idempotent; a retried one could attach the file twice.
        maxRetries: 0,
        ...callOptions(opts),
      });
      token = response.data.upload?.token ?? token;
      if (!token)
        throw new ValidationError('Zendesk response', [
          { path: ['upload', 'token'], code: 'custom', message: 'the upload returned no token' },
        ]);
    }
    return token;
  }

  /** Polls a job status until it completes or fails, waiting longer between polls (1 s, 2 s, … up to 10 s). */
  async function awaitJob(id: string, opts: BulkOptions = {}): Promise<ZendeskJobStatus> {
    const deadline = Date.now() + (opts.jobTimeoutMs ?? 10 * 60_000);
    let wait = opts.pollIntervalMs ?? 1000;
    for (;;) {
      const body = await get<{ job_status: unknown }>(
        `/api/v2/job_statuses/${encodeURIComponent(id)}.json`,
        opts,
      );
      const job = fromWire(ZendeskJobStatus, body.job_status);
      if (job.status === 'completed') return job;
      if (job.status === 'failed' || job.status === 'killed')
        throw new JobFailedError({ adapter: 'Zendesk', jobId: id, status: job.status });
      if (Date.now() + wait > deadline)
        throw new JobFailedError({ adapter: 'Zendesk', jobId: id, status: job.status, timedOut: true });
      await sleep(wait, opts.signal);
      wait = Math.min(wait * 2, 10_000);
    }
  }

  async function createMany(inputs: readonly TicketCreate[], opts: BulkOptions = {}): Promise<BulkResult[]> {
    const tickets = inputs.map(
      (input, index) =>
        ticketCreateToZendesk(parse(TicketCreate, input, `tickets to create[${index}]`)).ticket,
    );
    const results: BulkResult[] = [];
    // Zendesk takes 100 tickets a job; the jobs run one after another to stay inside the account's job limit.
    for (let offset = 0; offset < tickets.length; offset += 100) {
      const chunk = tickets.slice(offset, offset + 100);
      const { idempotencyKey, ...rest } = opts;
      const queued = await write<{ job_status: unknown }>(
        'POST',
        '/api/v2/tickets/create_many.json',
        { tickets: chunk },
        { ...rest, ...(idempotencyKey ? { idempotencyKey: `${idempotencyKey}:${offset / 100}` } : {}) },
      );
      const job = await awaitJob(fromWire(ZendeskJobStatus, queued.job_status).id, opts);
      results.push(...bulkResults(job, offset, chunk.length));
    }
    return results;
  }

  let staff: Promise<Set<string>> | undefined;
  /** Agent and admin ids, fetched once per adapter: comments in the event export carry no author role. */
  const staffIds = (opts?: RequestOptions) => {
    staff ??= (async () => {
      const ids = new Set<string>();
      for (const role of ['agent', 'admin'])
        for await (const user of list<{ id: unknown }>(
          '/api/v2/users.json',
          'users',
          { 'role[]': role },
          opts,
        ))
          ids.add(String(user.id));
      return ids;
    })();
    staff.catch(() => {
      staff = undefined;
    });
    return staff;
  };

  /**
   * Comments and field changes since a position, from the time-based ticket-event export (comments
   * side-loaded). Never asks for the last minute, which Zendesk excludes: a later run picks it up.
   */
  async function* ticketUpdates(start: FeedPosition, opts?: RequestOptions): AsyncGenerator<ChangeBatch> {
    let position = start;
    let stalled = 0;
    for (;;) {
      const startTime = position.events ?? 0;
      const seen = new Set(position.seen);
      if (startTime > Math.floor(Date.now() / 1000) - EXPORT_LAG_SECONDS) {
        yield { records: [], checkpoint: checkpointAt(position), caughtUp: true };
        return;
      }
      const response = await http.request<unknown>({
        method: 'GET',
        path: '/api/v2/incremental/ticket_events.json',
        query: { start_time: startTime, include: 'comment_events', per_page: exportPageSize },
        ...callOptions(opts),
      });
      const body = fromWire(ZendeskTicketEventsPage, response.data ?? {});
      const updates = body.ticket_events ?? [];
      // Updates before start_time were delivered already (a repeated page); at start_time, `seen` knows.
      const fresh = updates.filter(
        (u) => u.timestamp > startTime || (u.timestamp === startTime && !seen.has(String(u.id))),
      );
      const records: DatasetRecord[] = [];
      const hasComments = fresh.some((u) => (u.child_events ?? []).some(isComment));
      const agents = hasComments ? await staffIds(opts) : new Set<string>();
      for (const update of fresh) {
        const ticketId = String(update.ticket_id);
        const at = update.created_at ?? new Date(update.timestamp * 1000).toISOString();
        for (const child of update.child_events ?? []) {
          if (!isComment(child)) continue;
          const comment = fromWire(ZendeskComment, {
            ...child,
            author_id: child.author_id ?? update.updater_id,
            created_at: child.created_at ?? at,
          });
          records.push({ kind: 'messages', value: messageFromZendesk(comment, ticketId, agents) });
        }
        for (const value of ticketEventsFromZendesk({
          id: update.id,
          ticketId,
          at: new Date(at),
          authorId: update.updater_id,
          events: update.child_events ?? [],
        }))
          records.push({ kind: 'events', value });
      }
      const endTime = body.end_time ?? updates.at(-1)?.timestamp ?? startTime;
      const atEnd = updates.filter((u) => u.timestamp === endTime).map((u) => String(u.id));
      position = {
        ...position,
        events: endTime,
        seen: [...new Set([...(endTime === startTime ? seen : []), ...atEnd])],
      };
      const caughtUp = body.end_of_stream === true || updates.length === 0;
      stalled = !caughtUp && endTime === startTime && fresh.length === 0 ? stalled + 1 : 0;
      if (stalled >= 3)
        throw new ExportStalledError({
          adapter: 'Zendesk',
          export: 'ticket-event',
          detail: 'its end_time stopped advancing',
        });
      yield { records, checkpoint: checkpointAt(position), caughtUp };
      if (caughtUp) return;
    }
  }

  const adapter: ZendeskAdapter = {
    name: NAME,
    incremental: {
      tickets: guardCall(
        NAME,
        'incremental.tickets',
        [['checkpoint', argumentChecks.checkpoint]],
        exportTickets,
        {
          list: true,
        },
      ),
      users: guardCall(NAME, 'incremental.users', [['checkpoint', argumentChecks.checkpoint]], exportUsers, {
        list: true,
      }),
    },
    bulk: {
      createTickets: guardCall(NAME, 'bulk.createTickets', [['inputs', argumentChecks.list]], createMany, {
        extraOptions: ['pollIntervalMs', 'jobTimeoutMs'],
      }),
    },
    ticketMetrics: {
      get: guardCall(
        NAME,
        'ticketMetrics.get',
        [['ticketId', argumentChecks.id]],
        async (ticketId: string, opts?: RequestOptions) => {
          const body = await get<{ ticket_metric: unknown }>(
            `/api/v2/tickets/${encodeURIComponent(ticketId)}/metrics.json`,
            opts,
          );
          // Zendesk answers with an object; its OpenAPI description says a one-item array. Either is read.
          const wire = Array.isArray(body.ticket_metric) ? body.ticket_metric[0] : body.ticket_metric;
          return ticketMetricsFromZendesk(fromWire(ZendeskTicketMetric, wire));
        },
      ),
      async *list(opts) {
        for await (const m of list<unknown>('/api/v2/ticket_metrics.json', 'ticket_metrics', {}, opts))
          yield ticketMetricsFromZendesk(fromWire(ZendeskTicketMetric, m));
      },
    },
    capabilities: CAPABILITIES,
    tickets: {
      async *list(input, opts) {
        const filter = ticketFilter(input);
        const filtered = Boolean(filter.status?.length || filter.tags?.length || filter.updatedSince);
        const metricSets = new Map<string, { solved_at?: string | null }>();
        // Plain search stops at 1000 results; the search export does not.
        const source = filtered
          ? list<unknown>(
              '/api/v2/search/export.json',
              'results',
              { query: searchQuery(filter), 'filter[type]': 'ticket' },
              opts,
            )
          : cursorList<unknown>(
              http,
              '/api/v2/tickets.json',
              'tickets',
              { include: 'metric_sets' },
              pageSize,
              callOptions(opts),
              (body) => metricSetsOf(body, metricSets),
            );
        for await (const wire of source) {
          const wireId = (wire as { id?: unknown } | null)?.id;
          const t = ticket(wire, metricSets.get(String(wireId)));
          metricSets.delete(String(wireId));
          // Zendesk ORs repeated status terms; tags and times are exact in search, checked again here.
          if (filter.status?.length && !filter.status.includes(t.status)) continue;
          if (filter.tags?.length && !filter.tags.every((tag) => t.tags.includes(tag))) continue;
          if (filter.updatedSince && t.updatedAt < filter.updatedSince) continue;
          yield t;
        }
      },
      async get(id, opts) {
        const body = await get<{ ticket: unknown } & Record<string, unknown>>(
          `/api/v2/tickets/${encodeURIComponent(id)}.json?include=metric_sets`,
          opts,
        );
        const sets = new Map<string, { solved_at?: string | null }>();
        metricSetsOf(body, sets);
        return ticket(body.ticket, sets.get(String((body.ticket as { id?: unknown } | null)?.id)));
      },
      async create(input, opts) {
        const body = ticketCreateToZendesk(parse(TicketCreate, input, 'ticket to create'));
        return ticket((await write<{ ticket: unknown }>('POST', '/api/v2/tickets.json', body, opts)).ticket);
      },
      async update(id, patch, opts) {
        const body = ticketPatchToZendesk(parse(TicketPatch, patch, 'ticket changes'));
        return ticket(
          (
            await write<{ ticket: unknown }>(
              'PUT',
              `/api/v2/tickets/${encodeURIComponent(id)}.json`,
              body,
              opts,
            )
          ).ticket,
        );
      },
      async addMessage(ticketId, input, opts) {
        const message = parse(MessageCreate, input, 'message to add');
        const token = await uploadFiles(message.attachments ?? [], opts);
        const response = await write<{
          ticket: unknown;
          audit?: { created_at?: string; author_id?: unknown; events?: Record<string, unknown>[] };
        }>(
          'PUT',
          `/api/v2/tickets/${encodeURIComponent(ticketId)}.json`,
          messageCreateToZendesk(message, token),
          opts,
          // This PUT appends a comment: sent twice, the customer gets it twice. Retried only with the caller's
          // idempotencyKey (docs/transport.md, "Retries").
          false,
        );
        // The new comment comes back as the audit's Comment event.
        const event = response.audit?.events?.find((e) => e.type === 'Comment');
        if (!event)
          throw new ValidationError('Zendesk response', [
            { path: ['audit', 'events'], code: 'custom', message: 'no Comment event in the audit' },
          ]);
        // Without authorId Zendesk writes the comment as the authenticated user, an agent: the audit names them.
        const authorId = event.author_id ?? message.authorId ?? response.audit?.author_id;
        const agents = new Set(
          (message.authorRole ?? 'agent') === 'agent' && authorId !== undefined ? [String(authorId)] : [],
        );
        return messageFromZendesk(
          fromWire(ZendeskComment, {
            ...event,
            author_id: authorId,
            created_at: event.created_at ?? response.audit?.created_at,
          }),
          ticketId,
          agents,
        );
      },
      listMessages: (ticketId, opts) => messagesOf(ticketId, opts),
      listEvents: (ticketId, opts) => eventsOf(ticketId, opts),
    },
    customers: {
      get: async (id, opts) =>
        customerFromZendesk(
          fromWire(
            ZendeskUser,
            (await get<{ user: unknown }>(`/api/v2/users/${encodeURIComponent(id)}.json`, opts)).user,
          ),
        ),
      async findByEmail(email, opts) {
        const body = await http.request<{ users?: unknown[] }>({
          method: 'GET',
          path: '/api/v2/users/search.json',
          query: { query: `email:${email.trim()}` },
          ...callOptions(opts),
        });
        const wanted = email.trim().toLowerCase();
        const match = (body.data.users ?? [])
          .map((u) => fromWire(ZendeskUser, u))
          .find((u) => u.email?.toLowerCase() === wanted);
        return match ? customerFromZendesk(match) : null;
      },
      async *list(input, opts) {
        const filter = sinceFilter(input, 'customers.list');
        for await (const user of list<unknown>('/api/v2/users.json', 'users', { role: 'end-user' }, opts)) {
          const customer = customerFromZendesk(fromWire(ZendeskUser, user));
          if (!filter.since || customer.createdAt >= filter.since) yield customer;
        }
      },
      async create(input, opts) {
        const body = parse(CustomerCreate, input, 'customer to create');
        const user = {
          name: body.name,
          role: 'end-user',
          ...(body.email ? { email: body.email } : {}),
          ...(body.phone ? { phone: body.phone } : {}),
          ...(body.organizationId
            ? { organization_id: Number(body.organizationId) || body.organizationId }
            : {}),
          ...(body.language ? { locale: body.language } : {}),
          ...(body.tags ? { tags: body.tags } : {}),
        };
        return customerFromZendesk(
          fromWire(
            ZendeskUser,
            (await write<{ user: unknown }>('POST', '/api/v2/users.json', { user }, opts)).user,
          ),
        );
      },
      async update(id, patch, opts) {
        const body = parse(CustomerPatch, patch, 'customer changes');
        const user: Record<string, unknown> = {};
        if (body.name !== undefined) user.name = body.name;
        if (body.email !== undefined) user.email = body.email;
        if (body.phone !== undefined) user.phone = body.phone;
        if (body.organizationId !== undefined)
          user.organization_id =
            body.organizationId === null ? null : Number(body.organizationId) || body.organizationId;
        if (body.language !== undefined) user.locale = body.language;
        if (body.tags !== undefined) user.tags = body.tags;
        return customerFromZendesk(
          fromWire(
            ZendeskUser,
            (
              await write<{ user: unknown }>(
                'PUT',
                `/api/v2/users/${encodeURIComponent(id)}.json`,
                { user },
                opts,
              )
            ).user,
          ),
        );
      },
    },
    agents: {
      async *list(opts) {
        for await (const user of list<unknown>('/api/v2/users.json', 'users', { 'role[]': 'agent' }, opts))
          yield agentFromZendesk(fromWire(ZendeskUser, user));
        for await (const user of list<unknown>('/api/v2/users.json', 'users', { 'role[]': 'admin' }, opts))
          yield agentFromZendesk(fromWire(ZendeskUser, user));
      },
      get: async (id, opts) =>
        agentFromZendesk(
          fromWire(
            ZendeskUser,
            (await get<{ user: unknown }>(`/api/v2/users/${encodeURIComponent(id)}.json`, opts)).user,
          ),
        ),
    },
    groups: {
      async *list(opts) {
        for await (const g of list<unknown>('/api/v2/groups.json', 'groups', {}, opts))
          yield groupFromZendesk(fromWire(ZendeskGroup, g));
      },
      get: async (id, opts) =>
        groupFromZendesk(
          fromWire(
            ZendeskGroup,
            (await get<{ group: unknown }>(`/api/v2/groups/${encodeURIComponent(id)}.json`, opts)).group,
          ),
        ),
    },
    organizations: {
      async *list(opts) {
        for await (const o of list<unknown>('/api/v2/organizations.json', 'organizations', {}, opts))
          yield organizationFromZendesk(fromWire(ZendeskOrganization, o));
      },
      get: async (id, opts) =>
        organizationFromZendesk(
          fromWire(
            ZendeskOrganization,
            (
              await get<{ organization: unknown }>(
                `/api/v2/organizations/${encodeURIComponent(id)}.json`,
                opts,
              )
            ).organization,
          ),
        ),
    },
    surveys: {
      async *listCsat(input, opts) {
        const filter = sinceFilter(input, 'surveys.listCsat');
        const query = filter.since ? { start_time: Math.floor(filter.since.getTime() / 1000) } : {};
        for await (const r of list<unknown>(
          '/api/v2/satisfaction_ratings.json',
          'satisfaction_ratings',
          query,
          opts,
        )) {
          const response = csatFromZendesk(fromWire(ZendeskSatisfactionRating, r));
          if (response) yield response;
        }
      },
      listNps: () => unsupportedList(NAME, 'surveys.listNps', 'Zendesk retired NPS surveys'),
    },
    schedules: {
      async *list(opts) {
        const body = await get<{
          schedules?: ZendeskScheduleWire[];
        }>('/api/v2/business_hours/schedules.json', opts);
        for (const s of body.schedules ?? []) {
          const holidays = await get<{ holidays?: { name: string; start_date: string; end_date: string }[] }>(
            `/api/v2/business_hours/schedules/${encodeURIComponent(String(s.id))}/holidays.json`,
            opts,
          );
          const schedule = scheduleFromZendesk(s, holidays.holidays ?? []);
          yield schedule;
        }
      },
    },
    slaPolicies: zendeskSlaPolicies({ http, pageSize }),
    articles: zendeskArticles({ http, pageSize }),
    async *changes(checkpoint, opts) {
      let position = positionOf(checkpoint);
      const from = position.tickets === null ? null : { adapter: NAME, cursor: position.tickets };
      for await (const page of exportTickets(from, opts)) {
        if (page.tickets.length === 0) continue;
        position = { ...position, tickets: page.checkpoint.cursor };
        yield {
          records: page.tickets.map((value) => ({ kind: 'tickets', value })),
          checkpoint: checkpointAt(position),
          caughtUp: false,
        } satisfies ChangeBatch;
      }
      yield* ticketUpdates(position, opts);
    },
  };
  return guardArguments(adapter);
}
