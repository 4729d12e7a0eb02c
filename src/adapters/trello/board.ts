/**
 * The board's shape — lists, labels, custom fields, members — as the mapping and the writes need it. The context
 * keeps one read of it per adapter: cards name their list and labels by id, and only the board says what those
 * ids are.
 */
import type { RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import type { TrelloAdapterContext } from './context.js';
import { boardShapeFromTrello, type TrelloBoardShape } from './map.js';
import { TrelloCustomField, TrelloLabel, TrelloList, TrelloMember } from './wire.js';

/**
 * The board as the mapping knows it, plus what writes look up: the open lists in board order with their
 * statuses, and label ids by lower-cased tag (labels created by this adapter are added to both maps).
 * @example `const { listIds } = await context.board(options);`
 */
export type BoardShape = TrelloBoardShape;

/**
 * Reads the board's lists (archived ones too: their cards still name them), labels, custom fields and members,
 * all at once.
 *
 * @example
 * ```ts
 * const shape = await readBoardShape(context, options);
 * ```
 */
export async function readBoardShape(
  context: Pick<TrelloAdapterContext, 'request' | 'fromWire' | 'boardId' | 'mapping'>,
  options?: RequestOptions,
): Promise<BoardShape> {
  const { request, fromWire, boardId } = context;
  const [lists, labels, fields, members] = await Promise.all([
    request<unknown[]>('GET', path`/boards/${boardId}/lists`, { filter: 'all' }, options),
    request<unknown[]>('GET', path`/boards/${boardId}/labels`, { limit: 1000 }, options),
    request<unknown[]>('GET', path`/boards/${boardId}/customFields`, {}, options),
    request<unknown[]>('GET', path`/boards/${boardId}/members`, {}, options),
  ]);
  return boardShapeFromTrello(
    {
      lists: lists.map((l) => fromWire(TrelloList, l)),
      labels: labels.map((l) => fromWire(TrelloLabel, l)),
      customFields: fields.map((f) => fromWire(TrelloCustomField, f)),
      members: members.map((m) => fromWire(TrelloMember, m)),
    },
    context.mapping,
  );
}
