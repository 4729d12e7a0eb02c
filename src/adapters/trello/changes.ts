/**
 * The change feed over the board's actions: a checkpoint is the id of the last action read, and each batch
 * carries up to 100 actions' tickets, messages and events. Every run begins with the board's members as agents.
 */
import { RequestAbortedError } from '../../errors/operations.js';
import type { Agent } from '../../models/agent.js';
import type { DatasetRecord } from '../../models/dataset.js';
import type { Ticket } from '../../models/ticket.js';
import type { Checkpoint, HelpdeskAdapter, RequestOptions } from '../contract.js';
import { ownCursor, path } from '../kit/index.js';
import { HISTORY } from './actions.js';
import { CARD_QUERY } from './cards.js';
import { ADAPTER, type TrelloAdapterContext } from './context.js';
import { cardIdOfAction, eventsFromTrello, messagesFromTrello, ticketFromTrello } from './map.js';
import { createMembers } from './members.js';
import { TrelloAction, TrelloBatchAnswer, TrelloCard } from './wire.js';

const FEED = `${HISTORY},commentCard`;
/** Trello's most actions per page. */
const PAGE = 1000;
/** Actions per batch: each batch is resumable from the last action it holds. */
const BATCH = 100;

/** The action id a checkpoint stands for; none for the beginning (an empty cursor is the beginning too). */
function sinceOf(checkpoint: Checkpoint | null | undefined): string | undefined {
  if (!checkpoint) return undefined;
  const cursor = ownCursor(
    ADAPTER,
    checkpoint,
    (c) => c === '' || /^[0-9a-f]{24}$/i.test(c),
    'is not a Trello action id this adapter wrote',
  );
  return cursor === '' ? undefined : cursor;
}

/** The board's feed actions after `since`, oldest first: read newest first, page by page back to it (`before`). */
async function actionsSince(
  context: TrelloAdapterContext,
  since: string | undefined,
  options?: RequestOptions,
) {
  const actions: TrelloAction[] = [];
  for (let before: string | undefined; ; ) {
    const query = { filter: FEED, limit: PAGE, ...(since ? { since } : {}), ...(before ? { before } : {}) };
    const page = await context.request<unknown[]>(
      'GET',
      path`/boards/${context.boardId}/actions`,
      query,
      options,
    );
    actions.push(...page.map((a) => context.fromWire(TrelloAction, a)));
    if (page.length < PAGE) break;
    before = actions.at(-1)!.id;
  }
  return actions.reverse();
}

/** The cards with these ids as raw answers: a few ten to a `/batch` request, many by reading the whole board. */
async function readCards(context: TrelloAdapterContext, ids: readonly string[], options?: RequestOptions) {
  if (ids.length > 50)
    return context.request<unknown[]>('GET', path`/boards/${context.boardId}/cards/all`, CARD_QUERY, options);
  const raws: unknown[] = [];
  const query = new URLSearchParams(CARD_QUERY).toString();
  for (let i = 0; i < ids.length; i += 10) {
    const urls = ids.slice(i, i + 10).map((id) => `${path`/cards/${id}`}?${query}`);
    const answers = await context.request<unknown[]>('GET', '/batch', { urls: urls.join(',') }, options);
    for (const answer of answers) {
      const card = context.fromWire(TrelloBatchAnswer, answer)['200'];
      if (card) raws.push(card);
    }
  }
  return raws;
}

/** The records of one batch of actions: each touched card's ticket, messages and events. */
function recordsOf(
  context: TrelloAdapterContext,
  chunk: readonly TrelloAction[],
  cards: ReadonlyMap<string, Ticket>,
  board: Awaited<ReturnType<TrelloAdapterContext['board']>>,
): DatasetRecord[] {
  const records: DatasetRecord[] = [];
  for (const id of new Set(chunk.map(cardIdOfAction).filter((x): x is string => x !== undefined))) {
    const ticket = cards.get(id);
    if (!ticket) continue; // deleted since
    records.push({ kind: 'tickets', value: ticket });
    const own = chunk.filter((a) => cardIdOfAction(a) === id);
    // The description is the opening message: it belongs to the batch that holds the card's creation.
    const created = own.some((a) => a.type === 'createCard');
    const source = created ? ticket : { ...ticket, description: undefined };
    for (const value of messagesFromTrello(source, own, board, context.mapping))
      records.push({ kind: 'messages', value });
    // Tag events need the card's whole history to replay: the feed carries status, assignee and priority.
    for (const value of eventsFromTrello(ticket, own, board, context.mapping, { tags: false }))
      records.push({ kind: 'events', value });
  }
  return records;
}

/**
 * The board's members as agents, in full: Trello lists a board's members in one answer, without paging, and has
 * neither a "changed since" filter nor a time a member changed
 * (https://developer.atlassian.com/cloud/trello/rest/api-group-boards/#api-boards-id-members-get). The sync's
 * `recordKey` versions an agent without an updated time by its content, so an unchanged member is written once
 * and a renamed one again.
 */
async function boardAgents(context: TrelloAdapterContext, options?: RequestOptions) {
  const agents: Agent[] = [];
  for await (const agent of createMembers(context).list(options)) agents.push(agent);
  return agents;
}

/** Stops the feed between batches once the caller's signal has aborted (its actions may all be read already). */
function stopIfAborted(options?: RequestOptions) {
  const signal = options?.signal;
  if (signal?.aborted)
    throw new RequestAbortedError({ adapter: ADAPTER, method: 'changes', reason: signal.reason });
}

/**
 * The change feed resource: each run, one batch of the board's members as agents (at the checkpoint it started
 * from), then the actions after the checkpoint, 100 to a batch.
 * @example `for await (const batch of createChanges(context)(null)) save(batch.records, batch.checkpoint);`
 */
export function createChanges(context: TrelloAdapterContext): HelpdeskAdapter['changes'] {
  return async function* changes(checkpoint, options) {
    const since = sinceOf(checkpoint);
    const agents = await boardAgents(context, options);
    const actions = await actionsSince(context, since, options);
    yield {
      records: agents.map((value) => ({ kind: 'agents', value })),
      checkpoint: { adapter: ADAPTER, cursor: since ?? '' },
      caughtUp: actions.length === 0,
    };
    if (actions.length === 0) return;
    const touched = [...new Set(actions.map(cardIdOfAction).filter((x): x is string => x !== undefined))];
    const wires = (await readCards(context, touched, options)).map((raw) =>
      context.fromWire(TrelloCard, raw),
    );
    const board = await context.boardKnowing(
      wires.map((wire) => wire.idList),
      options,
    );
    const cards = new Map<string, Ticket>();
    for (const wire of wires) {
      const ticket = ticketFromTrello(wire, board, context.mapping);
      cards.set(ticket.id, ticket);
    }
    for (let start = 0; start < actions.length; start += BATCH) {
      stopIfAborted(options);
      const chunk = actions.slice(start, start + BATCH);
      const checkpointAt = { adapter: ADAPTER, cursor: chunk.at(-1)!.id };
      yield {
        records: recordsOf(context, chunk, cards, board),
        checkpoint: checkpointAt,
        caughtUp: start + BATCH >= actions.length,
      };
    }
  };
}
