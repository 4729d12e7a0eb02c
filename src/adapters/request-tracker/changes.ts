/**
 * The change feed over RT's transaction ids, which only grow: a checkpoint is the last transaction id read, and
 * each batch carries the tickets the next page of transactions touched, their messages and their events.
 */
import type { DatasetRecord } from '../../models/dataset.js';
import type { Ticket } from '../../models/ticket.js';
import type { ChangeBatch, Checkpoint, HelpdeskAdapter, RequestOptions } from '../contract.js';
import { ownCursor, path } from '../kit/index.js';
import { ADAPTER, peopleOf, type RtAdapterContext } from './context.js';
import { TRANSACTION_FIELDS } from './history.js';
import {
  eventsFromRt,
  isMessageTransaction,
  messagesOfTransactions,
  ticketIdOfTransaction,
  usersNamedBy,
} from './map.js';
import { attachmentsBetween } from './messages.js';
import { queueScope, where } from './ticket-sql.js';
import { searchTickets } from './tickets.js';
import { RtPage, RtTransaction } from './wire.js';

const checkpointAt = (last: number): Checkpoint => ({ adapter: ADAPTER, cursor: String(last) });

/** The last transaction id a checkpoint stands for (0 = the beginning). */
const cursorOf = (checkpoint: Checkpoint | null | undefined): number =>
  checkpoint
    ? Number(
        ownCursor(ADAPTER, checkpoint, (c) => /^\d+$/.test(c), 'is not a transaction id this adapter wrote'),
      )
    : 0;

/**
 * Where a feed over some queues starts: just before the Create transaction of their oldest ticket (ticket ids and
 * transaction ids both only grow, so nothing about their tickets precedes it), without reading RT's whole
 * history; null when the queues hold no ticket.
 */
async function firstOfQueues(context: RtAdapterContext, options?: RequestOptions): Promise<number | null> {
  const { request, fromWire } = context;
  const query = { query: where(queueScope(context.queues)), orderby: 'id', order: 'ASC', per_page: 1 };
  const oldest = fromWire(RtPage, await request('GET', '/tickets', { query }, options)).items[0];
  if (!oldest) return null;
  const history = await request(
    'GET',
    path`/ticket/${String(oldest.id)}/history`,
    { query: { orderby: 'id', order: 'ASC', per_page: 1 } },
    options,
  );
  const first = fromWire(RtPage, history).items[0];
  return first ? Number(first.id) - 1 : 0;
}

/** The next page of ticket transactions after `last`, oldest first. */
async function transactionsAfter(
  context: RtAdapterContext,
  last: number,
  options?: RequestOptions,
): Promise<RtTransaction[]> {
  const query = {
    fields: TRANSACTION_FIELDS,
    orderby: 'id',
    order: 'ASC',
    per_page: context.pageSize,
    page: 1,
  };
  const body = [
    { field: 'id', operator: '>', value: last },
    { field: 'ObjectType', value: 'RT::Ticket' },
  ];
  const page = await context.request('POST', '/transactions', { query, body }, options);
  return context.fromWire(RtPage, page).items.map((t) => context.fromWire(RtTransaction, t));
}

/** The records one page of transactions makes: the tickets they touched (in scope), their messages and events. */
async function recordsOf(
  context: RtAdapterContext,
  transactions: readonly RtTransaction[],
  options?: RequestOptions,
): Promise<DatasetRecord[]> {
  const first = Number(transactions[0]!.id);
  const upTo = Number(transactions.at(-1)!.id);
  const touched = [...new Set(transactions.map(ticketIdOfTransaction))];
  const tickets = new Map<string, Ticket>();
  const ids = `(${touched.map((id) => `id = ${Number(id)}`).join(' OR ')})`;
  for await (const t of searchTickets(context, where(queueScope(context.queues), ids), options))
    tickets.set(t.id, t);
  const attachments = transactions.some(isMessageTransaction)
    ? await attachmentsBetween(context, first - 1, upTo, options)
    : [];
  const people = await peopleOf(context, usersNamedBy(transactions), options);
  const records: DatasetRecord[] = [...tickets.values()].map((value) => ({ kind: 'tickets', value }));
  for (const [ticketId, ticket] of tickets) {
    const own = transactions.filter((t) => ticketIdOfTransaction(t) === ticketId);
    for (const value of messagesOfTransactions(ticketId, ticket.requesterId, own, attachments, people.agents))
      records.push({ kind: 'messages', value });
    // Tag changes need the ticket's whole history to replay; the feed carries the others.
    for (const value of eventsFromRt(ticketId, own, { userNames: people.names }))
      records.push({ kind: 'events', value });
  }
  return records;
}

/**
 * The change feed resource.
 * @example `for await (const batch of createChanges(context)(null)) save(batch.records, batch.checkpoint);`
 */
export function createChanges(context: RtAdapterContext): HelpdeskAdapter['changes'] {
  return async function* changes(checkpoint, options) {
    let last = cursorOf(checkpoint);
    if (!checkpoint && context.queues.length) {
      const start = await firstOfQueues(context, options);
      if (start === null) {
        yield { records: [], checkpoint: checkpointAt(0), caughtUp: true };
        return;
      }
      last = start;
    }
    for (;;) {
      const transactions = await transactionsAfter(context, last, options);
      if (transactions.length === 0) {
        yield { records: [], checkpoint: checkpointAt(last), caughtUp: true };
        return;
      }
      const records = await recordsOf(context, transactions, options);
      last = Number(transactions.at(-1)!.id);
      const caughtUp = transactions.length < context.pageSize;
      const batch: ChangeBatch = { records, checkpoint: checkpointAt(last), caughtUp };
      yield batch;
      if (caughtUp) return;
    }
  };
}
