/**
 * The change feed: tickets over RT's transaction ids, which only grow — each batch carries the tickets the next
 * page of transactions touched, their messages and their events — then the users and queues changed since the
 * last run (people-feed.ts). One checkpoint holds all three positions (feed-position.ts).
 */
import type { DatasetRecord } from '../../models/dataset.js';
import type { Ticket } from '../../models/ticket.js';
import type { ChangeBatch, HelpdeskAdapter, RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import { peopleOf, type RtAdapterContext } from './context.js';
import { checkpointAt, positionOf } from './feed-position.js';
import { TRANSACTION_FIELDS } from './history.js';
import {
  eventsFromRt,
  isMessageTransaction,
  messagesOfTransactions,
  ticketIdOfTransaction,
  usersNamedBy,
} from './map.js';
import { attachmentsBetween } from './messages.js';
import { readChanges } from './people-feed.js';
import { queueScope, where } from './ticket-sql.js';
import { searchTickets } from './tickets.js';
import { RtPage, RtTransaction } from './wire.js';

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
 * The ticket records after a transaction id, one page of transactions a step, and the last transaction of each
 * step. A feed over some queues that has not started yet starts at their oldest ticket; it has nothing to read
 * while they hold none.
 */
async function* ticketChanges(context: RtAdapterContext, after: number | null, options?: RequestOptions) {
  let last = after ?? 0;
  if (after === null && context.queues.length) {
    const start = await firstOfQueues(context, options);
    if (start === null) return;
    last = start;
  }
  for (;;) {
    const transactions = await transactionsAfter(context, last, options);
    if (transactions.length === 0) return;
    const records = await recordsOf(context, transactions, options);
    last = Number(transactions.at(-1)!.id);
    yield { records, last };
    if (transactions.length < context.pageSize) return;
  }
}

/**
 * The change feed resource: the tickets the next pages of transactions touched (with their messages and
 * events), then the users changed since the last run (privileged ones as agents, the others as customers), then
 * the queues (as groups). Each batch is one page; the last one of a run says `caughtUp`.
 *
 * @example `for await (const batch of createChanges(context)(null)) save(batch.records, batch.checkpoint);`
 */
export function createChanges(context: RtAdapterContext): HelpdeskAdapter['changes'] {
  return async function* changes(checkpoint, options) {
    const position = positionOf(checkpoint);
    for await (const step of ticketChanges(context, position.tickets, options)) {
      position.tickets = step.last;
      yield { records: step.records, checkpoint: checkpointAt(position), caughtUp: false };
    }
    for (const kind of ['users', 'groups'] as const) {
      for await (const step of readChanges(context, kind, position[kind], options)) {
        position[kind] = step.position;
        const caughtUp = kind === 'groups' && step.done;
        // A page with nothing new is no batch, unless it ends the run.
        if (step.records.length || caughtUp) {
          const batch: ChangeBatch = { records: step.records, checkpoint: checkpointAt(position), caughtUp };
          yield batch;
        }
      }
    }
  };
}
