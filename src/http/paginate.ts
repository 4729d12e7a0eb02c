import { PaginationLoopError } from '../errors/operations.js';
import { invalidArgument, ValidationError } from '../errors/validation.js';

/** One page: its items and how to ask for the next (undefined when this is the last). */
export interface Page<T, C> {
  items: readonly T[];
  next: C | undefined;
}

/**
 * Pagination written once, so every list pages the same way: an async iterable that fetches page by page, holds one page in
 * memory, and stops fetching as soon as the consumer breaks out of `for await`. A cursor that repeats (a server
 * handing back the page it just gave) ends the iteration with an error instead of looping forever.
 *
 * @example
 * ```ts
 * const tickets = paginate((cursor?: string) => fetchTicketsPage(cursor));
 * for await (const ticket of tickets) {
 *   if (done(ticket)) break; // no further page is requested
 * }
 * ```
 */
export async function* paginate<T, C>(
  fetchPage: (cursor: C | undefined) => Promise<Page<T, C>>,
): AsyncGenerator<T, void, undefined> {
  if (typeof fetchPage !== 'function')
    throw invalidArgument(
      'paginate()',
      'fetchPage',
      'expected a function (cursor) => Promise<{ items, next }>',
    );
  let cursor: C | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page: unknown = await fetchPage(cursor);
    if (typeof page !== 'object' || page === null || !Array.isArray((page as { items?: unknown }).items))
      throw new ValidationError('paginate() page', [
        {
          path: ['items'],
          code: 'invalid_type',
          message: 'fetchPage must resolve to { items: [...], next }',
        },
      ]);
    const { items, next } = page as Page<T, C>;
    yield* items;
    if (next === undefined || next === null) return;
    let key: string;
    try {
      key = JSON.stringify(next);
    } catch {
      throw new ValidationError('paginate() page', [
        {
          path: ['next'],
          code: 'invalid_type',
          message: 'a cursor must be JSON-serialisable (no cycles or BigInt)',
        },
      ]);
    }
    if (seen.has(key)) throw new PaginationLoopError();
    seen.add(key);
    cursor = next;
  }
}

/**
 * The `next` URL of an RFC 8288 Link header (`<https://…?page=2>; rel="next"`), or undefined.
 *
 * @example
 * ```ts
 * nextLink('<https://api.example.com/items?page=2>; rel="next", <https://api.example.com/items?page=9>; rel="last"');
 * // 'https://api.example.com/items?page=2'
 * ```
 */
export function nextLink(header: string | undefined): string | undefined {
  if (typeof header !== 'string' || !header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /\brel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}
