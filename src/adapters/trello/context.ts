/**
 * What every Trello resource shares, built once by the factory: the transport and the request helper, the wire
 * reader, the board and how it maps, and the board's shape (lists, labels, custom fields, members) read once.
 */
import { type AuthOption, trelloAuth } from '../../http/auth.js';
import type { HttpClient } from '../../http/client.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { RequestOptions } from '../contract.js';
import {
  type AdapterTransportOptions,
  cachedPromise,
  callOptions,
  createAdapterTransport,
  inProcessIdempotency,
  wireReader,
} from '../kit/index.js';
import { type BoardShape, readBoardShape } from './board.js';
import { ADAPTER, type TrelloMapping } from './map.js';

/**
 * The adapter's name, in its records' `source`, its errors and its checkpoints (declared beside the mapping,
 * which writes it into every `source`).
 * @example `{ adapter: ADAPTER, cursor: '' } // a checkpoint at the beginning of the feed`
 */
export { ADAPTER };

/**
 * A query string as Trello reads it (writes take their fields there too).
 * @example `const query: TrelloQuery = { filter: 'all' };`
 */
export type TrelloQuery = Record<string, string | number | undefined>;

/**
 * One Trello call. A card or a member is an object, and so is every write's answer; every other read is a list.
 * @example `await context.request<unknown[]>('GET', path\`/boards/${boardId}/lists\`, { filter: 'all' })`
 */
export type TrelloRequest = <T = unknown>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  query?: TrelloQuery,
  options?: RequestOptions,
  extra?: { body?: unknown; headers?: Record<string, string> },
) => Promise<T>;

/**
 * What the context is built from: the factory's options, already checked.
 * @example `createTrelloContext({ key, token, boardId: 'kV2cF3Yq' }, trelloRateLimiter)`
 */
export interface TrelloContextOptions extends AdapterTransportOptions {
  key: string;
  token: string;
  boardId: string;
  mapping?: TrelloMapping;
  auth?: AuthOption;
}

/**
 * The shared context of the Trello resources.
 * @example `const cards = createCards(createTrelloContext(options, trelloRateLimiter));`
 */
export interface TrelloAdapterContext {
  http: HttpClient;
  request: TrelloRequest;
  /** Reads a Trello record through its wire schema: a malformed one is a ValidationError naming the path. */
  fromWire: ReturnType<typeof wireReader>;
  /** The board that is the helpdesk. */
  boardId: string;
  mapping: TrelloMapping;
  /** The board's lists, labels, custom fields and members, read once per adapter (a failed read is retried). */
  board: ((options?: RequestOptions) => Promise<BoardShape>) & { clear(): void };
  /**
   * The board, read again once when one of these lists is not in it: a list added after the adapter read the
   * board would otherwise map its cards by a missing name for the adapter's whole life.
   */
  boardKnowing(listIds: readonly string[], options?: RequestOptions): Promise<BoardShape>;
  /** Trello has no idempotency keys: a call repeated with a key in this process returns the first result. */
  once: ReturnType<typeof inProcessIdempotency>;
}

/**
 * Builds the context once per adapter from its checked options and the vendor's rate limiter.
 * @example `const context = createTrelloContext(checkedOptions, trelloRateLimiter);`
 */
export function createTrelloContext(
  options: TrelloContextOptions,
  rateLimiter: () => RateLimiter,
): TrelloAdapterContext {
  const mapping = options.mapping ?? {};
  const http = createAdapterTransport(options, {
    adapter: ADAPTER,
    baseUrl: options.baseUrl ?? 'https://api.trello.com/1',
    auth: options.auth ?? trelloAuth({ key: options.key, token: options.token }),
    // A 429 comes without Retry-After: wait out Trello's 10-second window.
    retry: { rateLimitWindowMs: 10_000 },
    rateLimiter,
  });
  const request: TrelloRequest = async (method, requestPath, query = {}, callOpts, extra = {}) =>
    (
      await http.request({
        method,
        path: requestPath,
        query,
        expect: method !== 'GET' || /^\/(cards|members)\/[^/]+$/.test(requestPath) ? 'object' : 'array',
        ...extra,
        ...callOptions(callOpts),
      })
    ).data as never;
  const fromWire = wireReader('Trello');
  const reader = { request, fromWire, boardId: options.boardId, mapping };
  const board = cachedPromise(ADAPTER, (callOpts: RequestOptions) => readBoardShape(reader, callOpts));
  return {
    http,
    ...reader,
    board,
    async boardKnowing(listIds, callOpts) {
      const known = await board(callOpts);
      if (listIds.every((id) => known.lists.has(id))) return known;
      board.clear();
      return board(callOpts);
    },
    once: inProcessIdempotency(),
  };
}
