/**
 * A Request Tracker that answers from responses recorded on a stock RT 5.0.3 (test/fixtures/real/SOURCES.md):
 * the users and queues collections page by page as REST2 does (`page`, `per_page`), each user read on its own,
 * and an empty ticket history. It counts what it was asked and can set the server clock (`Date`).
 */
import { readFileSync } from 'node:fs';
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';

export const BASE = 'https://rt.example.test';
const REST = `${BASE}/REST/2.0`;

/** A recorded response body. */
export const recorded = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../fixtures/real/request-tracker/rt5-stock.${name}.json`, import.meta.url),
      'utf8',
    ),
  );

/** What one page of a collection answers, as REST2 counts it. */
function pageOf(items: unknown[], url: URL) {
  const perPage = Number(url.searchParams.get('per_page') ?? 20);
  const page = Number(url.searchParams.get('page') ?? 1);
  return {
    count: Math.max(0, Math.min(perPage, items.length - (page - 1) * perPage)),
    page,
    pages: Math.ceil(items.length / perPage),
    per_page: perPage,
    total: items.length,
    items: items.slice((page - 1) * perPage, page * perPage),
  };
}

/** The recorded users, by number, as `GET /user/{id}` answers each. */
const USERS: ReadonlyMap<string, string> = new Map([
  ['29', 'user-disabled'],
  ['27', 'user-comments'],
  ['31', 'user-agent'],
  ['14', 'user-root-full'],
  ['6', 'user-nobody'],
  ['1', 'user-rt-system'],
]);

export interface FakeRt {
  /** Every request: method, path and query. */
  seen: { method: string; path: string; query: URLSearchParams }[];
  /** The server clock sent as `Date`. */
  clock: Date;
  /** What `GET /user/{id}` answers instead of the recorded record (a summary, say). */
  userBody?: (id: string) => unknown;
  /** The smallest transaction id asked for (the `id >` of the transactions search). */
  transactionsAfter: number[];
}

/**
 * Installs the recorded RT on an msw server for one test.
 * @example `const rt = fakeRt(server);`
 */
export function fakeRt(server: SetupServer): FakeRt {
  const fake: FakeRt = { seen: [], clock: new Date('2026-12-08T01:00:00Z'), transactionsAfter: [] };
  const answer = (body: unknown, status = 200) =>
    HttpResponse.json(body as never, { status, headers: { date: fake.clock.toUTCString() } });
  const note = (request: Request) => {
    const url = new URL(request.url);
    fake.seen.push({
      method: request.method,
      path: url.pathname.replace('/REST/2.0', ''),
      query: url.searchParams,
    });
    return url;
  };
  server.use(
    http.post(`${REST}/transactions`, async ({ request }) => {
      note(request);
      const body = (await request.json()) as { field: string; operator?: string; value: number }[];
      fake.transactionsAfter.push(body.find((c) => c.field === 'id')!.value);
      return answer({ count: 0, page: 1, pages: 0, per_page: 20, total: 0, items: [] });
    }),
    http.post(`${REST}/users`, ({ request }) =>
      answer(pageOf(recorded('users-by-change').items, note(request))),
    ),
    http.get(`${REST}/queues/all`, ({ request }) =>
      answer(pageOf(recorded('queues-by-change').items, note(request))),
    ),
    http.get(`${REST}/user/:id`, ({ request, params }) => {
      note(request);
      const id = String(params.id);
      if (fake.userBody) return answer(fake.userBody(id));
      const name = USERS.get(id);
      return name ? answer(recorded(name)) : answer({ message: 'Not Found' }, 404);
    }),
  );
  return fake;
}
