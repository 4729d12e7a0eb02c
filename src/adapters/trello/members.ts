/**
 * The board's members are the agents.
 */
import { NotFoundError } from '../../errors/api.js';
import type { HelpdeskAdapter } from '../contract.js';
import { path } from '../kit/index.js';
import { ADAPTER, type TrelloAdapterContext } from './context.js';
import { agentFromTrello } from './map.js';
import { TrelloMember } from './wire.js';

/**
 * The agents resource: the board's members; anyone else is no agent of this helpdesk.
 * @example `for await (const agent of createMembers(context).list()) …`
 */
export function createMembers(context: TrelloAdapterContext): HelpdeskAdapter['agents'] {
  return {
    async *list(options) {
      const members = await context.request<unknown[]>(
        'GET',
        path`/boards/${context.boardId}/members`,
        {},
        options,
      );
      for (const m of members) yield agentFromTrello(context.fromWire(TrelloMember, m));
    },
    async get(id, options) {
      if (!(await context.board(options)).members.has(id))
        throw new NotFoundError({
          status: 404,
          adapter: ADAPTER,
          method: 'GET',
          url: `${path`/members/${id}`} (not on the board)`,
        });
      const member = await context.request('GET', path`/members/${id}`, {}, options);
      return agentFromTrello(context.fromWire(TrelloMember, member));
    },
  };
}
