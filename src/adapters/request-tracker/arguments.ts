/**
 * What the public Request Tracker mappers (`supportkit-ts/request-tracker`) read their arguments through, besides
 * the wire schemas: the mapping contexts.
 */
import { z } from 'zod';
import { Timestamp } from '../../models/primitives.js';
import { stringMap, stringSet } from '../kit/index.js';

/**
 * Where RT lives (for links) and which custom field holds tags.
 * @example `RtContextArgument.parse({ baseUrl: 'https://rt.example.org' })`
 */
export const RtContextArgument = z
  .looseObject({ baseUrl: z.string().optional(), tagsField: z.string().optional() })
  .optional();

/**
 * What {@link messageFromRt} needs besides the transaction: its ticket, the ticket's requester, the agents.
 * @example `RtMessageContext.parse({ ticketId: '7', requesterId: 'ada@example.com', agents: new Set(['marco']) })`
 */
export const RtMessageContext = z.looseObject({
  ticketId: z.string(),
  requesterId: z.string(),
  agents: stringSet,
});

/**
 * What {@link eventsFromRt} needs besides the transactions: the current tags, the tags field's id, user names.
 * @example `RtEventsContext.parse({ currentTags: ['vip'], tagsFieldId: '2', userNames: new Map([['14', 'marco']]) })`
 */
export const RtEventsContext = z.looseObject({
  currentTags: z.array(z.string()).optional(),
  tagsFieldId: z.string().optional(),
  userNames: stringMap.optional(),
});

/**
 * What {@link customerFromRt} may be told besides the user: the creation time to use when RT sent none (a
 * summary, read without AdminUsers) — an ISO string with an offset, a Date or epoch ms.
 * @example `RtUserContext.parse({ createdAt: '2026-03-02T08:00:00Z' })`
 */
export const RtUserContext = z.looseObject({ createdAt: Timestamp.optional() }).optional();
