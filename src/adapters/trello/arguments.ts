/**
 * What the public Trello mappers (`supportkit-ts/trello`) read their arguments through, besides the wire schemas:
 * the board as the mapping knows it, the mapping, and the parts of a ticket the message and history mappers
 * read.
 */
import { z } from 'zod';
import { Timestamp } from '../../models/primitives.js';
import { stringMap, stringSet } from '../kit/index.js';
import { TrelloAction, TrelloCustomField } from './wire.js';

/**
 * What the mapping needs to know about the board: list and label names by id, custom fields, member ids.
 * @example `TrelloBoardArgument.parse({ lists: new Map(), labels: new Map(), customFields: [], members: new Set() })`
 */
export const TrelloBoardArgument = z.looseObject({
  lists: stringMap,
  labels: stringMap,
  customFields: z.array(TrelloCustomField),
  members: stringSet,
});

/**
 * How a board maps onto the canonical model; every part is optional.
 * @example `TrelloMappingArgument.parse({ lists: { 'Waiting on customer': 'pending' } })`
 */
export const TrelloMappingArgument = z
  .looseObject({
    lists: z.record(z.string(), z.string()).optional(),
    priorityLabels: z.record(z.string(), z.string()).optional(),
    priorityField: z.string().optional(),
    requesterField: z.string().optional(),
    privateNotePrefix: z.string().optional(),
  })
  .optional();

/**
 * An action whose label, when it names one, is a label object: the history reads its name.
 * @example `TrelloActionArgument.parse(body[0])`
 */
export const TrelloActionArgument = TrelloAction.extend({
  data: z
    .looseObject({
      label: z
        .looseObject({
          id: z.string().optional(),
          name: z.string().nullable().optional(),
          color: z.string().nullable().optional(),
        })
        .nullable()
        .optional(),
    })
    .default({}),
});

/**
 * The parts of a ticket {@link messagesFromTrello} reads.
 * @example `TicketForMessages.parse({ id: 'c1', requesterId: 'm1', createdAt: '2026-03-01T09:00:00Z' })`
 */
export const TicketForMessages = z.looseObject({
  id: z.string(),
  description: z.string().optional(),
  requesterId: z.string(),
  createdAt: Timestamp,
});

/**
 * The parts of a ticket {@link eventsFromTrello} reads.
 * @example `TicketForEvents.parse({ id: 'c1', tags: ['vip'], priority: null })`
 */
export const TicketForEvents = z.looseObject({
  id: z.string(),
  tags: z.array(z.string()),
  priority: z.string().nullable(),
});
