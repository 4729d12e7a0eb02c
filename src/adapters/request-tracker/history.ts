/**
 * A ticket's history: its transactions, read in full and oldest first, and the events they make.
 */
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import { peopleOf, type RtAdapterContext } from './context.js';
import { eventsFromRt, tagsFieldIdOfRt, ticketFromRt, usersNamedBy } from './map.js';
import { readTicket } from './tickets.js';
import { RtTransaction } from './wire.js';

/**
 * The transaction fields the mappers read.
 * @example `{ fields: TRANSACTION_FIELDS, orderby: 'id', order: 'ASC' }`
 */
export const TRANSACTION_FIELDS = 'Type,Field,OldValue,NewValue,Created,Creator,ObjectId,ObjectType';

/**
 * Every transaction of a ticket, oldest first.
 * @example `const transactions = await ticketHistory(context, '7', options);`
 */
export async function ticketHistory(
  context: RtAdapterContext,
  ticketId: string,
  options?: RequestOptions,
): Promise<RtTransaction[]> {
  const out: RtTransaction[] = [];
  for await (const t of context.collection({
    method: 'GET',
    path: path`/ticket/${ticketId}/history`,
    query: { fields: TRANSACTION_FIELDS, orderby: 'id', order: 'ASC' },
    options,
  }))
    out.push(context.fromWire(RtTransaction, t));
  return out;
}

/**
 * The history resource: a ticket's status, priority, owner, queue and tag changes.
 * @example `for await (const event of createHistory(context).listEvents('7')) …`
 */
export function createHistory(context: RtAdapterContext): Pick<HelpdeskAdapter['tickets'], 'listEvents'> {
  return {
    async *listEvents(ticketId, options) {
      const wire = await readTicket(context, ticketId, options);
      // Tag changes name the tags field by its number: the ticket tells which number it has.
      const tagsFieldId = tagsFieldIdOfRt(wire, context.mapping);
      const transactions = await ticketHistory(context, ticketId, options);
      const { names } = await peopleOf(context, usersNamedBy(transactions), options);
      yield* eventsFromRt(ticketId, transactions, {
        currentTags: ticketFromRt(wire, context.mapping).tags,
        ...(tagsFieldId !== undefined ? { tagsFieldId } : {}),
        userNames: names,
      });
    },
  };
}
