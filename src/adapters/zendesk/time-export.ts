/**
 * Zendesk's time-based incremental exports (ticket events, organizations), read the one way: from a
 * `start_time`, a page at a time, skipping what the previous page delivered at its last second, never asking
 * for the last minute (which the exports leave out), and giving up on an export whose `end_time` stops moving.
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/#time-based-incremental-exports
 */
import { ExportStalledError } from '../../errors/operations.js';
import type { RequestOptions } from '../contract.js';
import { callOptions } from '../kit/index.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { boundaryAfter, type TimeExportPosition } from './feed.js';

/**
 * Zendesk's time-based exports leave out the last minute.
 * @example `const horizon = Math.floor(Date.now() / 1000) - EXPORT_LAG_SECONDS;`
 */
export const EXPORT_LAG_SECONDS = 60;
/** Pages in a row whose `end_time` did not move and that brought nothing new before the export counts as stalled. */
const STALLED_PAGES = 3;

/**
 * One page of a time-based export as its reader sees it: the records with the id and second the export orders
 * them by, and where the page ends.
 * @example `const page: TimePage<Wire> = { records: [{ id: 7, timestamp: 1772323260, value: wire }], endTime: 1772323260, endOfStream: true };`
 */
export interface TimePage<T> {
  records: { id: string | number; timestamp: number; value: T }[];
  endTime: number | null | undefined;
  endOfStream: boolean;
}

/**
 * What a time-based export is: its path and extra query, the name its errors use, and how a response body
 * reads as a page.
 * @example `const organizations: TimeExport<unknown> = { path: '/api/v2/incremental/organizations.json', name: 'organization', read };`
 */
export interface TimeExport<T> {
  path: string;
  query?: Record<string, string | number>;
  /** The export's name in an {@link ExportStalledError} (`ticket-event`, `organization`). */
  name: string;
  read(body: unknown): TimePage<T>;
}

/**
 * One page read: the records not delivered before, the position after it, and whether the export caught up.
 * @example `for await (const { fresh, position } of timeExportPages(context, spec, start)) save(fresh, position);`
 */
export interface TimeStep<T> {
  fresh: T[];
  position: TimeExportPosition;
  caughtUp: boolean;
}

/** Reads the export page at a position. */
async function step<T>(
  context: ZendeskContext,
  spec: TimeExport<T>,
  position: TimeExportPosition,
  opts?: RequestOptions,
): Promise<TimeStep<T> & { stood: boolean }> {
  const startTime = position.start ?? 0;
  const response = await context.http.request<unknown>({
    method: 'GET',
    path: spec.path,
    query: { ...spec.query, start_time: startTime, per_page: context.exportPageSize },
    ...callOptions(opts),
  });
  const page = spec.read(response.data ?? {});
  const seen = new Set(position.seen);
  // Records before start_time were delivered already (a repeated page); at start_time, `seen` knows.
  const fresh = page.records.filter(
    (r) => r.timestamp > startTime || (r.timestamp === startTime && !seen.has(String(r.id))),
  );
  const next = boundaryAfter(position, startTime, page.records, page.endTime);
  const caughtUp = page.endOfStream || page.records.length === 0;
  return {
    fresh: fresh.map((r) => r.value),
    position: next,
    caughtUp,
    stood: !caughtUp && next.start === startTime && fresh.length === 0,
  };
}

/**
 * The pages of a time-based export from a position, until it catches up. Never asks for the last minute, which
 * Zendesk excludes: a later run picks it up (then nothing is read). Three pages in a row that neither move the
 * clock nor bring anything new throw {@link ExportStalledError}.
 *
 * @example
 * ```ts
 * for await (const page of timeExportPages(context, organizationExport, { start: null, seen: [] })) use(page.fresh);
 * ```
 */
export async function* timeExportPages<T>(
  context: ZendeskContext,
  spec: TimeExport<T>,
  start: TimeExportPosition,
  opts?: RequestOptions,
): AsyncGenerator<TimeStep<T>> {
  let position = start;
  let stalled = 0;
  for (;;) {
    if ((position.start ?? 0) > Math.floor(Date.now() / 1000) - EXPORT_LAG_SECONDS) return;
    const { stood, ...page } = await step(context, spec, position, opts);
    position = page.position;
    stalled = stood ? stalled + 1 : 0;
    if (stalled >= STALLED_PAGES)
      throw new ExportStalledError({
        adapter: ADAPTER,
        export: spec.name,
        detail: 'its end_time stopped advancing',
      });
    yield page;
    if (page.caughtUp) return;
  }
}
