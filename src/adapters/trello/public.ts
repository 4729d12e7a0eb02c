/**
 * `supportkit-ts/trello`: a Trello board as a helpdesk — the adapter, its rate-limit budgets, and the pure mapping.
 * The mappers here read each argument through its wire schema first (raw Trello JSON is fine): a wrong one is a
 * ValidationError naming the function and the path.
 *
 * @packageDocumentation
 */
import { z } from 'zod';
import { publicMapper } from '../kit/index.js';
import {
  TicketForEvents,
  TicketForMessages,
  TrelloActionArgument,
  TrelloBoardArgument,
  TrelloMappingArgument,
} from './arguments.js';
import * as map from './map.js';
import { TrelloCard, TrelloMember } from './wire.js';

export { createTrelloAdapter, type TrelloAdapterOptions, trelloRateLimiter } from './index.js';
export { type TrelloBoard, type TrelloMapping, UNKNOWN_REQUESTER } from './map.js';

/**
 * A board member as an agent.
 *
 * @example
 * ```ts
 * agentFromTrello({ id: '5abbe4b7ddc1b351ef961414', fullName: 'Marco Bianchi', username: 'marco' });
 * ```
 */
export const agentFromTrello = publicMapper(
  'agentFromTrello',
  [['member', TrelloMember]],
  map.agentFromTrello,
);

/**
 * When a Trello object was created: its id starts with the Unix time in seconds, as 8 hex digits.
 *
 * @example
 * ```ts
 * createdAtOfTrelloId('5abbe4b7ddc1b351ef961414'); // 2018-03-28T18:53:43.000Z
 * ```
 */
export const createdAtOfTrelloId = publicMapper(
  'createdAtOfTrelloId',
  [['id', z.string()]],
  map.createdAtOfTrelloId,
);

/**
 * A card's history from its actions (oldest first): list moves and archiving are status changes, member changes
 * assignee changes, label changes tag or priority changes.
 *
 * @example
 * ```ts
 * eventsFromTrello(ticket, actions, board);
 * ```
 */
export const eventsFromTrello = publicMapper(
  'eventsFromTrello',
  [
    ['ticket', TicketForEvents],
    ['actions', z.array(TrelloActionArgument)],
    ['board', TrelloBoardArgument],
    ['mapping', TrelloMappingArgument],
    ['options', z.looseObject({ tags: z.boolean().optional() }).optional()],
  ],
  map.eventsFromTrello,
);

/**
 * A card's label names, split into tags and the priority a priority label gives.
 *
 * @example
 * ```ts
 * labelsOfCard(card, board); // { tags: ['vip'], priority: 'urgent' } for labels vip and Urgent
 * ```
 */
export const labelsOfCard = publicMapper(
  'labelsOfCard',
  [
    ['card', TrelloCard],
    ['board', TrelloBoardArgument],
    ['mapping', TrelloMappingArgument],
  ],
  map.labelsOfCard,
);

/**
 * The tag of a label: its name, or for an unnamed label its colour (`color:green`), or its id.
 *
 * @example
 * ```ts
 * labelTag({ id: '57ab3cf884e677fd36e00cc7', name: '', color: 'green' }); // 'color:green'
 * ```
 */
export const labelTag = publicMapper(
  'labelTag',
  [
    [
      'label',
      z.looseObject({
        id: z.string().optional(),
        name: z.string().nullable().optional(),
        color: z.string().nullable().optional(),
      }),
    ],
  ],
  map.labelTag,
);

/**
 * A card's messages: its description is the opening message, by the requester; each comment action a reply by
 * its author — a private note when it starts with the private-note prefix (stripped).
 *
 * @example
 * ```ts
 * messagesFromTrello(ticket, commentActions, board);
 * ```
 */
export const messagesFromTrello = publicMapper(
  'messagesFromTrello',
  [
    ['ticket', TicketForMessages],
    ['comments', z.array(TrelloActionArgument)],
    ['board', TrelloBoardArgument],
    ['mapping', TrelloMappingArgument],
  ],
  map.messagesFromTrello,
);

/**
 * The requester of a card: the requester custom field, else whoever created it, else whoever acted on it
 * first; null when no action is known.
 *
 * @example
 * ```ts
 * requesterOfCard(card, board); // 'ada@example.com' (the Requester field), else the creator's member id
 * ```
 */
export const requesterOfCard = publicMapper(
  'requesterOfCard',
  [
    ['card', TrelloCard],
    ['board', TrelloBoardArgument],
    ['mapping', TrelloMappingArgument],
  ],
  map.requesterOfCard,
);

/**
 * A status from a list's name: Inbox/New/To do → new, Waiting/Blocked/On hold → pending, Done/Resolved/Closed →
 * solved; anything else → open.
 *
 * @example
 * ```ts
 * statusForListName('✅ Done'); // 'solved'
 * ```
 */
export const statusForListName = publicMapper(
  'statusForListName',
  [['name', z.string()]],
  map.statusForListName,
);

/**
 * The status of a list (by id), as the mapping and the list's name say.
 *
 * @example
 * ```ts
 * statusOfList(card.idList, board, { lists: { 'Waiting on vendor': 'hold' } }); // 'hold'
 * ```
 */
export const statusOfList = publicMapper(
  'statusOfList',
  [
    ['listId', z.string()],
    ['board', TrelloBoardArgument],
    ['mapping', TrelloMappingArgument],
  ],
  map.statusOfList,
);

/**
 * A card (`GET /cards/{id}`, with its custom field items and creating action) as a canonical Ticket.
 *
 * @example
 * ```ts
 * ticketFromTrello(body, board, { lists: { 'Waiting on customer': 'pending' } });
 * ```
 */
export const ticketFromTrello = publicMapper(
  'ticketFromTrello',
  [
    ['card', TrelloCard],
    ['board', TrelloBoardArgument],
    ['mapping', TrelloMappingArgument],
  ],
  map.ticketFromTrello,
);
