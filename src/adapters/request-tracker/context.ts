/**
 * What every Request Tracker resource shares, built once by the factory: the transport and the request helper,
 * the wire reader, the page size, the mapping options, the queues the adapter covers, and the reads kept for the
 * adapter's lifetime (the staff roster, the Nobody user).
 */
import type { AuthOption } from '../../http/auth.js';
import type { HttpClient } from '../../http/client.js';
import type { RequestOptions } from '../contract.js';
import {
  type AdapterTransportOptions,
  cachedPromise,
  callOptions,
  createAdapterTransport,
  inProcessIdempotency,
  path,
  wireReader,
} from '../kit/index.js';
import { type Collection, collectionReader } from './collection.js';
import type { RtContext } from './map.js';
import { ADAPTER } from './map.js';
import { RtPage, RtUser } from './wire.js';

/**
 * The adapter's name, in its records' `source`, its errors and its checkpoints (declared beside the mapping,
 * which writes it into every `source`).
 * @example `{ adapter: ADAPTER, cursor: '0' } // a checkpoint at the beginning of the feed`
 */
export { ADAPTER };

/**
 * A query string as REST2 reads it.
 * @example `const query: RtQuery = { fields: 'Name', orderby: 'id' };`
 */
export type RtQuery = Record<string, string | number | undefined>;

/**
 * One REST2 call: a read answers with an object, a write with an object or an array of messages.
 * @example `await context.request('GET', path\`/ticket/${id}\`, {}, options)`
 */
export type RtRequest = <T = unknown>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  extra?: { query?: RtQuery; body?: unknown },
  options?: RequestOptions,
) => Promise<T>;

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

/**
 * The shared context of the Request Tracker resources.
 * @example `const tickets = createTickets(createRtContext(options));`
 */
export interface RtAdapterContext {
  http: HttpClient;
  request: RtRequest;
  /** Reads a REST2 record through its wire schema: a malformed one is a ValidationError naming the path. */
  fromWire: ReturnType<typeof wireReader>;
  /** Every item of a collection, page by page. */
  collection: Collection;
  pageSize: number;
  /** What the mappers need: where RT lives (for links) and which custom field holds tags. */
  mapping: Required<RtContext>;
  /** The queues (names or ids) the adapter covers; empty for all. */
  queues: readonly string[];
  defaultQueue: string;
  /** The privileged users (agents), read once: their names tell agents' messages apart. */
  staff: ((options?: RequestOptions) => Promise<RtUser[]>) & { clear(): void };
  /** Nobody, the owner of an unowned ticket, read once: owner changes name it by number. */
  nobody: ((options?: RequestOptions) => Promise<RtUser>) & { clear(): void };
  /** RT has no idempotency keys: a call repeated with a key in this process returns the first result. */
  once: ReturnType<typeof inProcessIdempotency>;
}

/**
 * Builds the context once per adapter from its checked options.
 * @example `const context = createRtContext(checkedOptions);`
 */
export function createRtContext(options: RequestTrackerAdapterOptions): RtAdapterContext {
  const baseUrl = new URL(options.baseUrl).toString().replace(/\/$/, '');
  const pageSize = options.pageSize ?? 50;
  const queues = [...(options.queues ?? [])];
  const http = createAdapterTransport(options, {
    adapter: ADAPTER,
    baseUrl: `${baseUrl}/REST/2.0`,
    auth: options.auth,
    tokenScheme: 'token',
  });
  const request: RtRequest = async (method, requestPath, extra = {}, callOpts) =>
    // REST2 reads answer with an object; writes with an object or an array of messages, never null.
    (
      await http.request({
        method,
        path: requestPath,
        expect: method === 'GET' ? 'object' : 'json',
        ...extra,
        ...callOptions(callOpts),
      })
    ).data as never;
  const fromWire = wireReader('Request Tracker');
  const collection = collectionReader(request, fromWire, pageSize);
  return {
    http,
    request,
    fromWire,
    collection,
    pageSize,
    mapping: { baseUrl, tagsField: options.tagsField ?? 'Tags' },
    queues,
    defaultQueue: options.defaultQueue ?? queues[0] ?? 'General',
    staff: cachedPromise(ADAPTER, (callOpts: RequestOptions) =>
      readStaff(request, fromWire, collection, callOpts),
    ),
    nobody: cachedPromise(ADAPTER, async (callOpts: RequestOptions) =>
      fromWire(RtUser, await request('GET', '/user/Nobody', {}, callOpts)),
    ),
    once: inProcessIdempotency(),
  };
}

/** The members of RT's Privileged system group, each read in full (the membership list holds only ids). */
async function readStaff(
  request: RtRequest,
  fromWire: RtAdapterContext['fromWire'],
  collection: Collection,
  options?: RequestOptions,
): Promise<RtUser[]> {
  const body = [
    { field: 'Domain', value: 'SystemInternal' },
    { field: 'Name', value: 'Privileged' },
  ];
  const group = fromWire(RtPage, await request('POST', '/groups', { body }, options)).items[0];
  if (!group) return [];
  const users: RtUser[] = [];
  for await (const member of collection({
    method: 'GET',
    path: path`/group/${String(group.id)}/members`,
    options,
  }))
    users.push(fromWire(RtUser, await request('GET', path`/user/${String(member.id)}`, {}, options)));
  return users;
}

/**
 * The names of the agents, as messages name their authors.
 * @example `if ((await agentNames(context, options)).has(user.Name)) …`
 */
export const agentNames = async (context: RtAdapterContext, options?: RequestOptions) =>
  new Set((await context.staff(options)).map((u) => u.Name));

/**
 * User numbers → names, as owner changes need: the agents, and Nobody (an unowned ticket's owner).
 * @example `eventsFromRt(ticketId, transactions, { userNames: await userNames(context, options) })`
 */
export const userNames = async (context: RtAdapterContext, options?: RequestOptions) => {
  const nobody = context.nobody(options);
  const users = [...(await context.staff(options)), await nobody];
  return new Map(users.map((u) => [String(u.id), u.Name]));
};
