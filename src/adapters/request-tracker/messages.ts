/**
 * Messages: the Create, Correspond and Comment transactions of a ticket, with the attachments that hold their
 * bodies and files.
 */
import { ChangeRefusedError } from '../../errors/operations.js';
import { MessageCreate } from '../../models/inputs.js';
import { parse } from '../../models/parse.js';
import type { HelpdeskAdapter, RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import { peopleOf, type RtAdapterContext } from './context.js';
import { ticketHistory } from './history.js';
import {
  messageCreateToRt,
  messageFromRt,
  messagesOfTransactions,
  ticketFromRt,
  usersNamedBy,
} from './map.js';
import { readTicket } from './tickets.js';
import { RtAttachment } from './wire.js';

const ATTACHMENT_FIELDS = 'TransactionId,ContentType,Filename,Content,ContentLength';

/** Every item of an attachment collection, read through the wire schema. */
async function readAttachments(
  context: RtAdapterContext,
  read: { method: 'GET' | 'POST'; path: string; body?: unknown },
  options?: RequestOptions,
): Promise<RtAttachment[]> {
  const out: RtAttachment[] = [];
  for await (const a of context.collection({
    ...read,
    query: { fields: ATTACHMENT_FIELDS, orderby: 'id', order: 'ASC' },
    options,
  }))
    out.push(context.fromWire(RtAttachment, a));
  return out;
}

/**
 * The attachments of the transactions after `after` up to `upTo` (the change feed reads a page of them at once).
 * @example `await attachmentsBetween(context, 41, 42, options) // transaction 42's parts`
 */
export const attachmentsBetween = (
  context: RtAdapterContext,
  after: number,
  upTo: number,
  options?: RequestOptions,
) =>
  readAttachments(
    context,
    {
      method: 'POST',
      path: '/attachments',
      // Two conditions on one field are OR'ed by RT's search unless told otherwise: without AND this read every
      // attachment RT holds, each batch.
      body: [
        { field: 'TransactionId', operator: '>', value: after },
        { field: 'TransactionId', operator: '<=', value: upTo, entry_aggregator: 'AND' },
      ],
    },
    options,
  );

/**
 * The messages resource: list a ticket's messages, add a reply or a private note.
 * @example `await createMessages(context).addMessage('7', { body: 'On it', public: true });`
 */
export function createMessages(
  context: RtAdapterContext,
): Pick<HelpdeskAdapter['tickets'], 'addMessage' | 'listMessages'> {
  return {
    async addMessage(ticketId, input, options) {
      const message = parse(MessageCreate, input, 'message to add');
      const kind = message.public ? 'correspond' : 'comment';
      const { requesterId } = ticketFromRt(await readTicket(context, ticketId, options), context.mapping);
      const before = await ticketHistory(context, ticketId, options);
      const lastId = before.reduce((last, t) => Math.max(last, Number(t.id)), 0);
      await context.request(
        'POST',
        path`/ticket/${ticketId}/${kind}`,
        { body: messageCreateToRt(message) },
        // Not retried: a repeated POST would add the message twice.
        { ...options, maxRetries: 0 },
      );
      // REST2 answers with a sentence; the message is the new transaction of that type.
      const added = (await ticketHistory(context, ticketId, options)).find(
        (t) => Number(t.id) > lastId && t.Type === (message.public ? 'Correspond' : 'Comment'),
      );
      if (!added)
        throw new ChangeRefusedError({
          message: `Request Tracker recorded no ${kind} on ticket ${ticketId}`,
          fields: [kind],
          notRecorded: true,
        });
      const attachments = await attachmentsBetween(context, Number(added.id) - 1, Number(added.id), options);
      const { agents } = await peopleOf(context, usersNamedBy([added]), options);
      return messageFromRt(added, attachments, { ticketId, requesterId, agents });
    },
    async *listMessages(ticketId, options) {
      const ticket = ticketFromRt(await readTicket(context, ticketId, options), context.mapping);
      const [transactions, attachments] = await Promise.all([
        ticketHistory(context, ticketId, options),
        readAttachments(context, { method: 'GET', path: path`/ticket/${ticketId}/attachments` }, options),
      ]);
      const { agents } = await peopleOf(context, usersNamedBy(transactions), options);
      yield* messagesOfTransactions(ticketId, ticket.requesterId, transactions, attachments, agents);
    },
  };
}
