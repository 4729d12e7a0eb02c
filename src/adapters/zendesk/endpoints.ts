/**
 * Zendesk paging, in one place. Cursor pagination (`page[size]`, `links.next`, `meta.has_more`) is Zendesk's
 * recommended paging for lists; offset paging stops at 100 pages and is left to the endpoints that have nothing
 * else (SLA policies).
 * https://developer.zendesk.com/api-reference/introduction/pagination/
 */
import type { HttpClient } from '../../http/client.js';
import { paginate } from '../../http/paginate.js';
import type { RequestOptions } from '../contract.js';

/**
 * One cursor-paged list: where it lives, the key its items sit under, and what else the first request asks.
 *
 * @example
 * ```ts
 * const request: CursorListRequest = { path: '/api/v2/groups.json', key: 'groups' };
 * ```
 */
export interface CursorListRequest {
  path: string;
  /** The body key that holds the page's items (`tickets`, `users`, `results`…). */
  key: string;
  /** Query parameters of the first request; later pages follow `links.next`, which carries them along. */
  query?: Record<string, string | number | undefined>;
  /** The caller's per-call options (deadline, retries, signal). */
  options?: RequestOptions;
  /** Sees every page's whole body: side-loads (`users`, `metric_sets`) sit beside the items. */
  onPage?: (body: Record<string, unknown>) => void;
}

/**
 * Cursor-paged list: yields the items under `key`, following `links.next` while `meta.has_more`.
 *
 * @example
 * ```ts
 * for await (const group of cursorList(http, 100, { path: '/api/v2/groups.json', key: 'groups' })) use(group);
 * ```
 */
export function cursorList<T>(
  http: HttpClient,
  pageSize: number,
  { path, key, query = {}, options = {}, onPage }: CursorListRequest,
): AsyncGenerator<T> {
  return paginate<T, string>(async (next) => {
    const response = await http.request<Record<string, unknown>>({
      method: 'GET',
      path: next ?? path,
      ...(next ? {} : { query: { ...query, 'page[size]': pageSize } }),
      ...options,
    });
    const body = response.data ?? {};
    onPage?.(body);
    const meta = (body.meta ?? {}) as { has_more?: boolean };
    const links = (body.links ?? {}) as { next?: string | null };
    const items = (body[key] ?? []) as T[];
    return { items, next: meta.has_more && links.next ? links.next : undefined };
  });
}

/**
 * One page of a cursor-paged list, asked for by its cursor: what a feed that checkpoints between pages reads
 * (the cursor, unlike a `links.next` URL, names no host).
 * @example `const page: CursorPageRequest = { path: '/api/v2/groups.json', key: 'groups', after: saved };`
 */
export interface CursorPageRequest extends Omit<CursorListRequest, 'onPage'> {
  /** `meta.after_cursor` of the page before; absent = the first page. */
  after?: string | null | undefined;
}

/**
 * One page of a cursor-paged list: its items, and the cursor of the next page (undefined on the last).
 *
 * @example
 * ```ts
 * const { items, after } = await cursorPage(http, 100, { path: '/api/v2/groups.json', key: 'groups', after: saved });
 * ```
 */
export async function cursorPage<T>(
  http: HttpClient,
  pageSize: number,
  { path, key, query = {}, options = {}, after }: CursorPageRequest,
): Promise<{ items: T[]; after: string | undefined }> {
  const response = await http.request<Record<string, unknown>>({
    method: 'GET',
    path,
    query: { ...query, 'page[size]': pageSize, ...(after ? { 'page[after]': after } : {}) },
    ...options,
  });
  const body = response.data ?? {};
  const meta = (body.meta ?? {}) as { has_more?: boolean; after_cursor?: string | null };
  const items = Array.isArray(body[key]) ? (body[key] as T[]) : [];
  const next = meta.has_more && typeof meta.after_cursor === 'string' ? meta.after_cursor : undefined;
  return { items, after: next };
}

/**
 * Offset-paged list: follows `next_page` URLs.
 *
 * @example
 * ```ts
 * for await (const p of offsetList(http, 100, { path: '/api/v2/slas/policies.json', key: 'sla_policies' })) use(p);
 * ```
 */
export function offsetList<T>(
  http: HttpClient,
  pageSize: number,
  { path, key, options = {} }: Omit<CursorListRequest, 'query' | 'onPage'>,
): AsyncGenerator<T> {
  return paginate<T, string>(async (next) => {
    const response = await http.request<Record<string, unknown>>({
      method: 'GET',
      path: next ?? path,
      ...(next ? {} : { query: { per_page: pageSize } }),
      ...options,
    });
    const body = response.data ?? {};
    const nextPage = typeof body.next_page === 'string' ? body.next_page : undefined;
    return { items: (body[key] ?? []) as T[], next: nextPage };
  });
}
