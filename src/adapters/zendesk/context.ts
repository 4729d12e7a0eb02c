/**
 * What every Zendesk resource shares, built once by the factory: the http client, the wire reader, page sizes,
 * what ticket mapping needs of the account (subdomain, custom statuses), the staff roster (read once) and the
 * paging helpers. Resources take this context and only fetch; conversions live in `map/`.
 */
import type { z } from 'zod';
import type { HttpClient } from '../../http/client.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { RequestOptions } from '../contract.js';
import {
  cachedPromise,
  callOptions,
  checkOptions,
  createAdapterTransport,
  integerProblem,
  transportOptionChecks,
  wireReader,
} from '../kit/index.js';
import { customStatusesProblem, toCustomStatusMap } from './custom-statuses.js';
import {
  type CursorListRequest,
  type CursorPageRequest,
  cursorList,
  cursorPage,
  offsetList,
} from './endpoints.js';
import type { ZendeskAdapterOptions } from './index.js';
import type { ZendeskTicketMapping } from './map/tickets.js';
import { ZendeskUserRole } from './wire.js';

/**
 * The adapter's name: in checkpoints, sources, errors and events.
 * @example `{ adapter: ADAPTER, cursor }`
 */
export const ADAPTER = 'zendesk';

/**
 * A write: POST or PUT with a JSON body. `idempotent: false` marks a write that must not be retried without the
 * caller's idempotency key (it would act twice); left out, the transport decides by method.
 * @example `context.write({ method: 'POST', path: '/api/v2/tickets.json', body, options })`
 */
export interface WriteRequest {
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  options?: RequestOptions | undefined;
  idempotent?: boolean;
}

/**
 * The shared context of the Zendesk resources.
 * @example `const tickets = zendeskTickets(createZendeskContext(options, zendeskRateLimiter));`
 */
export interface ZendeskContext {
  readonly http: HttpClient;
  /** Records per page of lists. */
  readonly pageSize: number;
  /** Records per page of the incremental exports. */
  readonly exportPageSize: number;
  /** The account's subdomain, when known: tickets link to the agent UI with it. */
  readonly subdomain: string | undefined;
  /** Custom status id → its category. */
  readonly customStatuses: ReadonlyMap<string, string>;
  /** What ticket mapping knows of the account (subdomain, custom statuses). */
  readonly ticketMapping: ZendeskTicketMapping;
  /** Reads a vendor record through its wire schema: a malformed one is a ValidationError naming the path. */
  read<T>(schema: z.ZodType<T>, value: unknown): T;
  /** The body of a GET. */
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  /** The body of a write; the caller's idempotency key goes along. */
  write<T>(request: WriteRequest): Promise<T>;
  /** A cursor-paged list at this adapter's page size. */
  cursorList<T>(request: CursorListRequest): AsyncGenerator<T>;
  /** One page of a cursor-paged list at this adapter's page size, and the next page's cursor. */
  cursorPage<T>(request: CursorPageRequest): Promise<{ items: T[]; after: string | undefined }>;
  /** An offset-paged list at this adapter's page size. */
  offsetList<T>(request: Omit<CursorListRequest, 'query' | 'onPage'>): AsyncGenerator<T>;
  /**
   * Agent and admin ids, read once per adapter (comments in the event export carry no author role); a failed
   * read is forgotten, so the next call tries again.
   */
  staffIds(options?: RequestOptions): Promise<ReadonlySet<string>>;
}

const fromWire = wireReader('Zendesk');

/** GET and write over one http client: each answers with the body, the caller's per-call options passed on. */
function requests(http: HttpClient): Pick<ZendeskContext, 'get' | 'write'> {
  return {
    async get<T>(path: string, opts?: RequestOptions): Promise<T> {
      return (await http.request<T>({ method: 'GET', path, ...callOptions(opts) })).data;
    },
    async write<T>({ method, path, body, options: opts, idempotent }: WriteRequest): Promise<T> {
      const response = await http.request<T>({
        method,
        path,
        body,
        ...(idempotent === undefined ? {} : { idempotent }),
        ...callOptions(opts),
        ...(opts?.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
      });
      return response.data;
    },
  };
}

/** A DNS label: a subdomain must not smuggle a path, a port or another host into the base URL. */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Checks the factory's options: every problem is one issue of a ValidationError naming the option. */
function checkZendeskOptions(options: ZendeskAdapterOptions): ZendeskAdapterOptions {
  return checkOptions('createZendeskAdapter', options, {
    subdomain: (value, all) =>
      value === undefined
        ? all.baseUrl === undefined
          ? 'required unless baseUrl is given'
          : undefined
        : typeof value === 'string' && SUBDOMAIN.test(value)
          ? undefined
          : 'expected a bare DNS label such as "acme"',
    ...transportOptionChecks,
    auth: (value) => (value ? undefined : 'required'),
    pageSize: (value) => integerProblem(value, 1, 100),
    exportPageSize: (value) => integerProblem(value, 1, 1000),
    customStatuses: customStatusesProblem,
  });
}

/**
 * The context of one adapter, from its checked options; `rateLimiter` gives Zendesk's budgets when the caller
 * passed no limiter of their own.
 *
 * @example
 * ```ts
 * const context = createZendeskContext({ subdomain: 'acme', auth }, zendeskRateLimiter);
 * for await (const group of context.cursorList({ path: '/api/v2/groups.json', key: 'groups' })) use(group);
 * ```
 */
export function createZendeskContext(
  options: ZendeskAdapterOptions,
  rateLimiter: () => RateLimiter,
): ZendeskContext {
  const checked = checkZendeskOptions(options);
  const pageSize = checked.pageSize ?? 100;
  const baseUrl = (checked.baseUrl ?? `https://${checked.subdomain}.zendesk.com`).replace(/\/+$/, '');
  // Without a subdomain, a *.zendesk.com base URL still names the account (for links to tickets); a proxy does not.
  const subdomain = checked.subdomain ?? /^([a-z0-9-]+)\.zendesk\.com$/i.exec(new URL(baseUrl).hostname)?.[1];
  const customStatuses = toCustomStatusMap(checked.customStatuses);
  const http = createAdapterTransport(checked, {
    adapter: ADAPTER,
    baseUrl,
    auth: checked.auth,
    // Every Zendesk endpoint answers with a JSON object: `200 null`, an array or HTML is a typed error.
    expect: 'object',
    rateLimiter,
  });
  const list = <T>(request: CursorListRequest) =>
    cursorList<T>(http, pageSize, { ...request, options: callOptions(request.options) });
  return {
    http,
    pageSize,
    exportPageSize: checked.exportPageSize ?? 1000,
    subdomain,
    customStatuses,
    ticketMapping: { ...(subdomain ? { subdomain } : {}), customStatuses },
    read: fromWire,
    ...requests(http),
    cursorList: list,
    cursorPage: (request) =>
      cursorPage(http, pageSize, { ...request, options: callOptions(request.options) }),
    offsetList: (request) =>
      offsetList(http, pageSize, { ...request, options: callOptions(request.options) }),
    staffIds: cachedPromise(ADAPTER, (opts: RequestOptions) => readStaffIds(list, opts)),
  };
}

/** Agent and admin ids: two role-filtered user lists. */
async function readStaffIds(
  list: <T>(request: CursorListRequest) => AsyncGenerator<T>,
  options?: RequestOptions,
): Promise<ReadonlySet<string>> {
  const ids = new Set<string>();
  for (const role of ['agent', 'admin'])
    for await (const user of list<unknown>({
      path: '/api/v2/users.json',
      key: 'users',
      query: { 'role[]': role },
      ...(options ? { options } : {}),
    }))
      ids.add(String(fromWire(ZendeskUserRole, user).id));
  return ids;
}
