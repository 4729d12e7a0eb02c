/**
 * The change feed: tickets from the cursor-based ticket export, then comments and field changes from the
 * time-based ticket-event export (comments side-loaded), both positions in one checkpoint (see feed.ts).
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/#incremental-ticket-event-export
 */
import { ExportStalledError } from '../../errors/operations.js';
import type { DatasetRecord } from '../../models/dataset.js';
import type { ChangeBatch, Checkpoint, RequestOptions } from '../contract.js';
import { callOptions } from '../kit/index.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { checkpointAt, type FeedPosition, positionAfter, positionOf } from './feed.js';
import type { ZendeskIncrementalExports } from './incremental.js';
import { changeRecordsFromZendesk, isCommentEvent } from './map/index.js';
import { type ZendeskTicketEvent, ZendeskTicketEventsPage } from './wire.js';

/** Zendesk's time-based exports leave out the last minute. */
const EXPORT_LAG_SECONDS = 60;
/** Pages in a row whose `end_time` did not move and that brought nothing new before the export counts as stalled. */
const STALLED_PAGES = 3;

/** One page of the ticket-event export, read: where the feed stands after it, and what it brought. */
interface EventsStep {
  batch: ChangeBatch;
  position: FeedPosition;
  /** The page neither moved the clock nor brought a fresh update. */
  stood: boolean;
}

/** The records of fresh updates; the staff roster is read only when a comment needs its author's role. */
async function recordsOf(
  context: ZendeskContext,
  updates: readonly ZendeskTicketEvent[],
  opts?: RequestOptions,
) {
  const hasComments = updates.some((u) => (u.child_events ?? []).some(isCommentEvent));
  const agents = hasComments ? await context.staffIds(opts) : new Set<string>();
  return updates.flatMap((update): DatasetRecord[] => changeRecordsFromZendesk(update, agents));
}

/** Reads the export page at a position. */
async function eventsStep(
  context: ZendeskContext,
  position: FeedPosition,
  opts?: RequestOptions,
): Promise<EventsStep> {
  const startTime = position.events ?? 0;
  const response = await context.http.request<unknown>({
    method: 'GET',
    path: '/api/v2/incremental/ticket_events.json',
    query: { start_time: startTime, include: 'comment_events', per_page: context.exportPageSize },
    ...callOptions(opts),
  });
  const body = context.read(ZendeskTicketEventsPage, response.data ?? {});
  const updates = body.ticket_events ?? [];
  const seen = new Set(position.seen);
  // Updates before start_time were delivered already (a repeated page); at start_time, `seen` knows.
  const fresh = updates.filter(
    (u) => u.timestamp > startTime || (u.timestamp === startTime && !seen.has(String(u.id))),
  );
  const records = await recordsOf(context, fresh, opts);
  const next = positionAfter(position, startTime, updates, body.end_time);
  const caughtUp = body.end_of_stream === true || updates.length === 0;
  return {
    batch: { records, checkpoint: checkpointAt(next), caughtUp },
    position: next,
    stood: !caughtUp && next.events === startTime && fresh.length === 0,
  };
}

/**
 * The change feed of the Zendesk adapter (the contract's `changes`): tickets first, then their updates.
 *
 * @example
 * ```ts
 * const changes = zendeskChanges(context, zendeskIncremental(context));
 * for await (const batch of changes(saved)) await store(batch.records, batch.checkpoint);
 * ```
 */
export function zendeskChanges(context: ZendeskContext, incremental: ZendeskIncrementalExports) {
  /**
   * Comments and field changes since a position. Never asks for the last minute, which Zendesk excludes: a
   * later run picks it up.
   */
  async function* ticketUpdates(start: FeedPosition, opts?: RequestOptions): AsyncGenerator<ChangeBatch> {
    let position = start;
    let stalled = 0;
    for (;;) {
      if ((position.events ?? 0) > Math.floor(Date.now() / 1000) - EXPORT_LAG_SECONDS) {
        yield { records: [], checkpoint: checkpointAt(position), caughtUp: true };
        return;
      }
      const step = await eventsStep(context, position, opts);
      position = step.position;
      stalled = step.stood ? stalled + 1 : 0;
      if (stalled >= STALLED_PAGES)
        throw new ExportStalledError({
          adapter: ADAPTER,
          export: 'ticket-event',
          detail: 'its end_time stopped advancing',
        });
      yield step.batch;
      if (step.batch.caughtUp) return;
    }
  }

  return async function* changes(
    checkpoint?: Checkpoint | null,
    opts?: RequestOptions,
  ): AsyncGenerator<ChangeBatch> {
    let position = positionOf(checkpoint);
    const from = position.tickets === null ? null : { adapter: ADAPTER, cursor: position.tickets };
    for await (const page of incremental.tickets(from, opts)) {
      if (page.tickets.length === 0) continue;
      position = { ...position, tickets: page.checkpoint.cursor };
      yield {
        records: page.tickets.map((value) => ({ kind: 'tickets', value })),
        checkpoint: checkpointAt(position),
        caughtUp: false,
      } satisfies ChangeBatch;
    }
    yield* ticketUpdates(position, opts);
  };
}
