/**
 * The change feed: tickets from the cursor-based ticket export, then comments and field changes from the
 * time-based ticket-event export (comments side-loaded), then the people — users, organizations, groups — and
 * satisfaction ratings (see feed.ts for the order and the position, people-feed.ts and survey-feed.ts for the
 * sources). Every batch is one page of one source; every position travels in one checkpoint.
 * https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/#incremental-ticket-event-export
 */
import type { DatasetRecord } from '../../models/dataset.js';
import type { ChangeBatch, Checkpoint, RequestOptions } from '../contract.js';
import { ADAPTER, type ZendeskContext } from './context.js';
import { checkpointAt, type FeedPosition, positionOf } from './feed.js';
import type { FeedSource } from './feed-steps.js';
import type { ZendeskIncrementalExports } from './incremental.js';
import { changeRecordsFromZendesk, isCommentEvent } from './map/index.js';
import { zendeskGroupSource, zendeskOrganizationSource, zendeskUserSource } from './people-feed.js';
import { zendeskCsatSource } from './survey-feed.js';
import { type TimeExport, timeExportPages } from './time-export.js';
import { type ZendeskTicketEvent, ZendeskTicketEventsPage } from './wire.js';

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

/** The time-based ticket-event export with comments side-loaded, read by {@link timeExportPages}. */
function ticketEventExport(context: ZendeskContext): TimeExport<ZendeskTicketEvent> {
  return {
    path: '/api/v2/incremental/ticket_events.json',
    query: { include: 'comment_events' },
    name: 'ticket-event',
    read(body) {
      const page = context.read(ZendeskTicketEventsPage, body);
      return {
        records: (page.ticket_events ?? []).map((value) => ({
          id: value.id,
          timestamp: value.timestamp,
          value,
        })),
        endTime: page.end_time,
        endOfStream: page.end_of_stream === true,
      };
    },
  };
}

/** Tickets changed since the position's cursor, a page of the ticket export per step. */
function ticketSource(incremental: ZendeskIncrementalExports): FeedSource {
  return async function* tickets(start, opts) {
    const from = start.tickets === null ? null : { adapter: ADAPTER, cursor: start.tickets };
    for await (const page of incremental.tickets(from, opts))
      yield {
        records: page.tickets.map((value) => ({ kind: 'tickets' as const, value })),
        position: {
          ...start,
          tickets: page.checkpoint.cursor === '' ? start.tickets : page.checkpoint.cursor,
        },
      };
  };
}

/** Comments and field changes since the position's second, a page of the ticket-event export per step. */
function ticketEventSource(context: ZendeskContext): FeedSource {
  const spec = ticketEventExport(context);
  return async function* ticketEvents(start, opts) {
    const from = { start: start.events, seen: start.seen };
    for await (const page of timeExportPages(context, spec, from, opts))
      yield {
        records: await recordsOf(context, page.fresh, opts),
        position: { ...start, events: page.position.start, seen: page.position.seen },
      };
  };
}

const samePosition = (a: FeedPosition, b: FeedPosition) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The change feed of the Zendesk adapter (the contract's `changes`): tickets, their updates, users,
 * organizations, groups and satisfaction ratings, each from where the checkpoint left it. A page that brought
 * nothing and moved nothing is not a batch; the run ends with a batch that says it caught up.
 *
 * @example
 * ```ts
 * const changes = zendeskChanges(context, zendeskIncremental(context));
 * for await (const batch of changes(saved)) await store(batch.records, batch.checkpoint);
 * ```
 */
export function zendeskChanges(context: ZendeskContext, incremental: ZendeskIncrementalExports) {
  const sources: readonly FeedSource[] = [
    ticketSource(incremental),
    ticketEventSource(context),
    zendeskUserSource(incremental),
    zendeskOrganizationSource(context),
    zendeskGroupSource(context),
    zendeskCsatSource(context),
  ];
  return async function* changes(
    checkpoint?: Checkpoint | null,
    opts?: RequestOptions,
  ): AsyncGenerator<ChangeBatch> {
    let position = positionOf(checkpoint);
    for (const source of sources) {
      // Each source starts from the position the sources before it left.
      const start = position;
      for await (const step of source(start, opts)) {
        const moved = !samePosition(step.position, position);
        position = step.position;
        if (step.records.length === 0 && !moved) continue;
        yield { records: step.records, checkpoint: checkpointAt(position), caughtUp: false };
      }
    }
    yield { records: [], checkpoint: checkpointAt(position), caughtUp: true };
  };
}
