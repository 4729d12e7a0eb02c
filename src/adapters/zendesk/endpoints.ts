/**
 * Zendesk paths and paging, in one place. Cursor pagination (`page[size]`, `links.next`, `meta.has_more`) is
 * Zendesk's recommended paging for lists; offset paging stops at 100 pages.
 * https://developer.zendesk.com/api-reference/introduction/pagination/
 */
import type { HttpClient } from '../../http/client.js';
import { paginate } from '../../http/paginate.js';
import type { RequestOptions } from '../contract.js';

/** Cursor-paged list: yields the items under `key`, following `links.next` while `meta.has_more`. */
export function cursorList<T>(
  http: HttpClient,
  path: string,
  key: string,
  query: Record<string, string | number | undefined>,
  pageSize: number,
  options: RequestOptions = {},
  onPage?: (body: Record<string, unknown>) => void,
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

/** Offset-paged list (Help Center): follows `next_page` URLs. */
export function offsetList<T>(
  http: HttpClient,
  path: string,
  key: string,
  pageSize: number,
  options: RequestOptions = {},
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
