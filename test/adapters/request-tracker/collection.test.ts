import { describe, expect, it } from 'vitest';
import { wireReader } from '../../../src/adapters/kit/index.js';
import { collectionReader } from '../../../src/adapters/request-tracker/collection.js';
import type { RtRequest } from '../../../src/adapters/request-tracker/context.js';

/** A request double answering pages of `total` items, `pageSize` to a page, recording what it was asked. */
function pages(total: number, pageSize: number, announcePages: boolean) {
  const calls: { method: string; path: string; query: Record<string, unknown>; body: unknown }[] = [];
  const request = (async (method, path, extra = {}) => {
    calls.push({ method, path, query: extra.query ?? {}, body: extra.body });
    const page = Number(extra.query?.page);
    const items = Array.from({ length: total }, (_, i) => ({ id: i + 1 })).slice(
      (page - 1) * pageSize,
      page * pageSize,
    );
    return { items, ...(announcePages ? { pages: Math.max(1, Math.ceil(total / pageSize)) } : {}) };
  }) as RtRequest;
  return { calls, collection: collectionReader(request, wireReader('Request Tracker'), pageSize) };
}

const all = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('collectionReader', () => {
  it('reads page by page with page and per_page, keeping the query and the search body', async () => {
    const { calls, collection } = pages(5, 2, false);
    const body = [{ field: 'id', operator: '>', value: 0 }];
    const items = await all(collection({ method: 'POST', path: '/users', query: { fields: 'Name' }, body }));
    expect(items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
    expect(calls.map((c) => c.query)).toEqual([
      { fields: 'Name', page: 1, per_page: 2 },
      { fields: 'Name', page: 2, per_page: 2 },
      { fields: 'Name', page: 3, per_page: 2 },
    ]);
    expect(calls.every((c) => c.method === 'POST' && c.path === '/users' && c.body === body)).toBe(true);
  });

  it('stops at the last page RT announces, without reading an empty one', async () => {
    const { calls, collection } = pages(4, 2, true);
    expect(await all(collection({ method: 'GET', path: '/queues/all' }))).toHaveLength(4);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body).toBeUndefined();
  });

  it('reads past short pages to an empty one when RT cannot count (pages: null, records hidden by rights)', async () => {
    // What RT sends an API user without the rights to count: each page has the visible records of its rows only.
    const visible = [[1], [2, 3], [], [7]];
    const calls: number[] = [];
    const request = (async (_method, _path, extra = {}) => {
      const page = Number(extra.query?.page);
      calls.push(page);
      return { items: (visible[page - 1] ?? []).map((id) => ({ id })), pages: null, total: null };
    }) as RtRequest;
    const collection = collectionReader(request, wireReader('Request Tracker'), 3);
    // A short page is read past; an empty one ends the read (RT says no more than that).
    expect((await all(collection({ method: 'GET', path: '/ticket/7/history' }))).map((i) => i.id)).toEqual([
      1, 2, 3,
    ]);
    expect(calls).toEqual([1, 2, 3]);
  });
});
