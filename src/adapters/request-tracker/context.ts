/**
 * What every Request Tracker resource shares, built once by the factory: the transport and the request helper,
 * the wire reader, the page size, the mapping options, the queues the adapter covers, and the reads kept for the
 * adapter's lifetime (each user read, the tags field).
 */

import { NotFoundError } from '../../errors/api.js';
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
  /**
   * A user by name or number, read once for the adapter's lifetime and kept under both; null when RT has no such
   * user. Read one by one because only a single user's read says whether the user is privileged (an agent):
   * collections leave `Privileged` empty, and REST2 will not search RT's system groups.
   */
  user: (nameOrNumber: string, options?: RequestOptions) => Promise<RtUser | null>;
  /**
   * The ticket custom field that holds tags, read once: its number and name, or null when RT has no such field
   * (a stock RT has no ticket custom fields at all).
   */
  tagsField: ((options?: RequestOptions) => Promise<{ id: string; name: string } | null>) & { clear(): void };
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
    user: userDirectory(request, fromWire),
    tagsField: cachedPromise(ADAPTER, async (callOpts: RequestOptions) => {
      const name = options.tagsField ?? 'Tags';
      const body = [
        { field: 'Name', value: name },
        { field: 'LookupType', value: 'RT::Queue-RT::Ticket' },
        { field: 'Disabled', value: 0 },
      ];
      const page = await request('POST', '/customfields', { body, query: { fields: 'Name' } }, callOpts);
      // Names match without regard to case in RT's search: the exact name is picked out here.
      const found = fromWire(RtPage, page).items.find((cf) => cf.Name === name);
      return found ? { id: String(found.id), name } : null;
    }),
    once: inProcessIdempotency(),
  };
}

/** Users by name or number, each read at most once (a failed read is tried again next time). */
function userDirectory(request: RtRequest, fromWire: RtAdapterContext['fromWire']): RtAdapterContext['user'] {
  const known = new Map<string, Promise<RtUser | null>>();
  return (key, options) => {
    let read = known.get(key);
    if (!read) {
      const { signal: _own, ...shared } = options ?? {};
      const pending = request('GET', path`/user/${key}`, {}, shared).then(
        (body) => {
          const user = fromWire(RtUser, body);
          known.set(String(user.id), pending);
          known.set(user.Name, pending);
          return user;
        },
        (error: unknown) => {
          known.delete(key);
          if (error instanceof NotFoundError) return null;
          throw error;
        },
      );
      read = pending;
      known.set(key, read);
    }
    return read;
  };
}

/** Whether an RT user is privileged: an agent, in supportkit's words. */
export const isPrivileged = (user: RtUser | null): boolean => String(user?.Privileged ?? '0') === '1';

/**
 * How many users are read at once, one request each ({@link peopleOf}, the change feed's users).
 * @example `for (let i = 0; i < keys.length; i += READS_AT_ONCE) await Promise.all(keys.slice(i, i + READS_AT_ONCE).map(read));`
 */
export const READS_AT_ONCE = 4;

/**
 * The people a set of transactions names — authors by name, owners by number — read through the directory: the
 * names of the agents among them, and every user number → name (owner changes name users by number).
 * @example `const { agents, names } = await peopleOf(context, peopleIn(transactions), options);`
 */
export async function peopleOf(
  context: RtAdapterContext,
  keys: Iterable<string>,
  options?: RequestOptions,
): Promise<{ agents: Set<string>; names: Map<string, string> }> {
  const agents = new Set<string>();
  const names = new Map<string, string>();
  const wanted = [...new Set(keys)].filter((key) => key !== '' && key !== '0');
  for (let i = 0; i < wanted.length; i += READS_AT_ONCE)
    for (const user of await Promise.all(
      wanted.slice(i, i + READS_AT_ONCE).map((key) => context.user(key, options)),
    )) {
      if (!user) continue;
      names.set(String(user.id), user.Name);
      if (isPrivileged(user)) agents.add(user.Name);
    }
  return { agents, names };
}
