/**
 * REST2 collections, read page by page: `page` and `per_page` in the query, items and page count in the answer.
 * https://docs.bestpractical.com/rt/5.0.3/RT/REST2.html#Pagination
 */
import type { RequestOptions } from '../contract.js';
import type { wireReader } from '../kit/index.js';
import type { RtQuery, RtRequest } from './context.js';
import { RtPage } from './wire.js';

/**
 * One collection read: a GET with a query, or a POST whose JSON body is the search (REST2's way to filter).
 * @example `{ method: 'POST', path: '/users', query: { fields: 'Name' }, body: [{ field: 'EmailAddress', operator: 'LIKE', value: 'ada@' }] }`
 */
export interface CollectionRead {
  method: 'GET' | 'POST';
  path: string;
  query?: RtQuery;
  body?: unknown;
  options?: RequestOptions | undefined;
}

/**
 * Every item of a collection, one page held at a time.
 * @example `for await (const item of context.collection({ method: 'GET', path: '/queues/all' })) …`
 */
export type Collection = (read: CollectionRead) => AsyncGenerator<Record<string, unknown>>;

/**
 * The collection reader of one adapter: it stops at a short page or at the last page RT announced, so a
 * collection whose size is a multiple of the page size costs no extra empty read when RT says how many pages.
 * For an API user without the rights to see every record (RT answers `pages: null`), a page may come back short
 * of records the user may not see, so a short page is no last page: the reader goes on to the first empty one
 * (RT 5 applies ticket rights in SQL by default, so ticket pages are full where rows remain).
 *
 * @example
 * ```ts
 * const collection = collectionReader(request, wireReader('Request Tracker'), 50);
 * ```
 */
export function collectionReader(
  request: RtRequest,
  fromWire: ReturnType<typeof wireReader>,
  pageSize: number,
): Collection {
  return async function* collection({ method, path, query = {}, body, options }) {
    for (let page = 1; ; page++) {
      const data = fromWire(
        RtPage,
        await request(
          method,
          path,
          { query: { ...query, page, per_page: pageSize }, ...(body ? { body } : {}) },
          options,
        ),
      );
      yield* data.items;
      if (data.pages === null) {
        if (data.items.length === 0) return;
      } else if (data.items.length < pageSize || (data.pages !== undefined && page >= data.pages)) return;
    }
  };
}
