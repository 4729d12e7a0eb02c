/**
 * Users and queues in the change feed, read by when RT last changed them.
 *
 * REST2 (RT 5.0.3) cannot search users by `LastUpdated`: its JSON search on `/users` takes only a user's public
 * fields (Name, EmailAddress, RealName, …) and silently drops any other condition, `LastUpdated` and `id`
 * included. It does sort by any column. So each run reads the collection newest first — `LastUpdated`, then `id`,
 * both descending — page by page, and stops at the first record it delivered before: one page when little
 * changed. Every change RT records on a user (a field, `Disabled`, `Privileged`, `Comments`) is a transaction,
 * and every transaction sets `LastUpdated`, so nothing changes a user without moving it to the front.
 *
 * Reading newest first by page number never skips a record: a record changed during a run moves to the front,
 * ahead of the pages still to read (the next run reads it), and everything else only moves back, so a page may
 * repeat a record already delivered (the sink writes a version once), never miss one. RT's clock has one-second
 * resolution, so the last seconds before a run (by the server's `Date`) are read again by the next run, in case
 * a record changed later in the same second.
 *
 * Only a user read on its own says whether it is privileged and disabled (collections leave both empty), so a
 * page of users costs one search and one read per changed user.
 */
import type { DatasetRecord } from '../../models/dataset.js';
import type { RequestOptions } from '../contract.js';
import { callOptions, path } from '../kit/index.js';
import { isPrivileged, READS_AT_ONCE, type RtAdapterContext } from './context.js';
import { isAfter, type RtKey, type ScanPosition } from './feed-position.js';
import { agentFromRt, groupFromRt, rtDate, SYSTEM_USERS } from './map.js';
import { customerCard } from './users.js';
import { isUserSummary, RtPage, RtQueue, RtUser } from './wire.js';

/** Seconds before the server's `Date` that the next run reads again: RT times records to the second. */
const SETTLE_SECONDS = 2;

/**
 * One kind of record the feed reads by change time: where its collection is, which fields a page asks for, and
 * the records a page of changed items makes — or null when RT hides what they need from this API user.
 */
interface ChangeSource {
  /** The whole collection: RT's users search with no condition, or every queue (a queue search needs one). */
  method: 'GET' | 'POST';
  path: '/users' | '/queues/all';
  fields: string;
  records(
    context: RtAdapterContext,
    items: Record<string, unknown>[],
    options?: RequestOptions,
  ): Promise<DatasetRecord[] | null>;
}

/**
 * One page of a change read: its records, the position after it, and whether the read is done for this run.
 * @example `for await (const step of readChanges(context, 'users', position.users)) position.users = step.position;`
 */
export interface ChangeStep {
  records: DatasetRecord[];
  position: ScanPosition;
  done: boolean;
}

/** A record's key: its `LastUpdated` in Unix seconds (0 when RT says "not set") and its number. */
const keyOf = (item: Record<string, unknown>): RtKey => [
  Math.floor((rtDate(item.LastUpdated as string | undefined)?.getTime() ?? 0) / 1000),
  Number(item.id),
];

/**
 * Where the next run starts, given the newest key of this one and the server's clock: the key itself, or — when
 * it is within the last seconds, which may still see changes — the start of those seconds (id 0: all of them).
 */
function settled(newest: RtKey, serverSecond: number): RtKey {
  const open = serverSecond - SETTLE_SECONDS;
  return newest[0] >= open ? [open, 0] : newest;
}

const users: ChangeSource = {
  method: 'POST',
  path: '/users',
  fields: 'id,Name,LastUpdated',
  async records(context, items, options) {
    const records: DatasetRecord[] = [];
    for (let i = 0; i < items.length; i += READS_AT_ONCE) {
      const bodies = await Promise.all(
        items
          .slice(i, i + READS_AT_ONCE)
          .map((item) =>
            context.request<Record<string, unknown>>('GET', path`/user/${String(item.id)}`, {}, options),
          ),
      );
      for (const body of bodies) {
        // A summary: this API user lacks AdminUsers, and RT hides users' times from it.
        if (isUserSummary(body)) return null;
        const user = context.fromWire(RtUser, body);
        if (SYSTEM_USERS.has(user.Name)) continue;
        if (isPrivileged(user)) records.push({ kind: 'agents', value: agentFromRt(user) });
        else records.push({ kind: 'customers', value: await customerCard(context, user, options) });
      }
    }
    return records;
  },
};

const queues: ChangeSource = {
  method: 'GET',
  path: '/queues/all',
  fields: 'id,Name,Description,Disabled,Created,LastUpdated',
  // Every queue, as `groups.list()` lists them, whatever queues the adapter's tickets are scoped to: like users,
  // queues are the whole helpdesk's.
  async records(context, items) {
    const records: DatasetRecord[] = [];
    for (const item of items) {
      const queue = context.fromWire(RtQueue, item);
      // Disabled 2 is RT's internal approvals queue; a queue merely disabled still names its tickets' group.
      if (String(queue.Disabled ?? '0') === '2') continue;
      records.push({ kind: 'groups', value: groupFromRt(queue) });
    }
    return records;
  },
};

const SOURCES = { users, groups: queues } as const;

/** One page of a collection, newest change first, and the server's clock when it answered (Unix seconds). */
async function pageOf(
  context: RtAdapterContext,
  source: ChangeSource,
  page: number,
  options?: RequestOptions,
) {
  const response = await context.http.request<unknown>({
    method: source.method,
    // Two sort columns: the query object holds one value per name, so they are written into the path.
    path: `${source.path}?orderby=LastUpdated&order=DESC&orderby=id&order=DESC`,
    query: { fields: source.fields, find_disabled_rows: 1, page, per_page: context.pageSize },
    ...(source.method === 'POST' ? { body: [] } : {}),
    expect: 'object',
    // A search changes nothing: safe to send again.
    idempotent: true,
    ...callOptions(options),
  });
  const data = context.fromWire(RtPage, response.data);
  const date = Date.parse(response.headers.date ?? '');
  const last =
    data.pages === null
      ? data.items.length === 0 // RT cannot count what this user may see: a short page is not the last
      : data.items.length < context.pageSize || (data.pages !== undefined && page >= data.pages);
  return {
    items: data.items,
    last,
    serverSecond: Math.floor((Number.isNaN(date) ? Date.now() : date) / 1000),
  };
}

/**
 * The users (`users`: agents and customers) or queues (`groups`) changed since a position, one page a step,
 * newest first; the last step of a run is `done`. When RT hides users' times from the API user (no AdminUsers),
 * the users are left out of the feed and the position stays where it was.
 *
 * @example
 * ```ts
 * for await (const step of readChanges(context, 'groups', position.groups)) save(step.records);
 * ```
 */
export async function* readChanges(
  context: RtAdapterContext,
  kind: keyof typeof SOURCES,
  start: ScanPosition,
  options?: RequestOptions,
): AsyncGenerator<ChangeStep> {
  const source = SOURCES[kind];
  const { since } = start;
  let scan = start.scan;
  for (;;) {
    const number = (scan?.pages ?? 0) + 1;
    const page = await pageOf(context, source, number, options);
    const keyed = page.items.map((item) => ({ item, key: keyOf(item) }));
    const fresh = keyed.filter((k) => isAfter(k.key, since));
    // The first page of a run fixes where the next run starts: its newest record, settled.
    const next = scan ? scan.next : fresh[0] ? settled(fresh[0].key, page.serverSecond) : since;
    const records = fresh.length
      ? await source.records(
          context,
          fresh.map((k) => k.item),
          options,
        )
      : [];
    if (records === null) {
      yield { records: [], position: start, done: true };
      return;
    }
    // Newest first: a record delivered before means all after it were too.
    const done = page.last || fresh.length < keyed.length;
    const position: ScanPosition = done
      ? { since: next && isAfter(next, since) ? next : since, scan: null }
      : { since, scan: { next, pages: number } };
    yield { records, position, done };
    if (done) return;
    scan = position.scan;
  }
}
