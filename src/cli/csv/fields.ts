import type { z } from 'zod';
import { CesResponse, CsatResponse, NpsResponse } from '../../models/survey.js';
import { Ticket } from '../../models/ticket.js';

/** What a CSV export holds: tickets or one kind of survey answer. */
export type CsvKind = 'tickets' | 'nps' | 'csat' | 'ces';

/**
 * How a cell is read: plain text, a date, a number (with the mapping's decimal separator), minutes, tags, a
 * CSAT rating, an NPS answer, a CES score, or a status/priority/channel word.
 */
export type CellKind =
  | 'text'
  | 'date'
  | 'minutes'
  | 'list'
  | 'rating'
  | 'nps'
  | 'ces'
  | 'status'
  | 'priority'
  | 'channel';

/** The kinds of cell read as words, which the mapping's `values` can extend. */
export const WORD_CELLS: ReadonlySet<CellKind> = new Set(['status', 'priority', 'channel', 'rating']);

/** The model each kind's rows are checked against. */
export const MODELS: Record<CsvKind, z.ZodObject> = {
  tickets: Ticket,
  nps: NpsResponse,
  csat: CsatResponse,
  ces: CesResponse,
};

/** The fields every survey answer has besides its score. */
const SURVEY_FIELDS: Record<string, CellKind> = {
  id: 'text',
  ticketId: 'text',
  customerId: 'text',
  agentId: 'text',
  comment: 'text',
  createdAt: 'date',
};

/**
 * The fields of a ticket row that are not ticket fields: what people record in a ticket export, turned into the
 * records the metrics read (messages for the first reply, agents, groups, organizations and customers by name,
 * survey answers tied to the ticket). See "supportkit import csv" in docs/cli.md.
 */
export const TICKET_EXTRAS: Record<string, CellKind> = {
  firstReplyAt: 'date',
  firstReplyMinutes: 'minutes',
  assigneeName: 'text',
  groupName: 'text',
  organizationName: 'text',
  requesterName: 'text',
  requesterEmail: 'text',
  csat: 'rating',
  nps: 'nps',
  ces: 'ces',
};

/** The fields a CSV cell can fill, per kind, and how the cell is read. */
export const FIELDS: Record<CsvKind, Record<string, CellKind>> = {
  tickets: {
    id: 'text',
    subject: 'text',
    description: 'text',
    status: 'status',
    priority: 'priority',
    type: 'text',
    channel: 'channel',
    requesterId: 'text',
    assigneeId: 'text',
    groupId: 'text',
    organizationId: 'text',
    tags: 'list',
    createdAt: 'date',
    updatedAt: 'date',
    solvedAt: 'date',
    dueAt: 'date',
    language: 'text',
    ...TICKET_EXTRAS,
  },
  nps: { ...SURVEY_FIELDS, score: 'nps' },
  csat: { ...SURVEY_FIELDS, rating: 'rating' },
  ces: { ...SURVEY_FIELDS, score: 'ces' },
};

/**
 * The fields a mapping must map, each as the alternatives that satisfy it: what the model has no default for,
 * except what a ticket row can derive (`updatedAt` from its latest date, `requesterId` from the requester's
 * e-mail or name); a CSAT rating column too (a blank rating is "unanswered", a missing column a slip).
 *
 * @example
 * ```ts
 * requiredFields('tickets'); // [['id'], ['subject'], ['status'], ['requesterId', 'requesterEmail', 'requesterName'], ['createdAt']]
 * ```
 */
export function requiredFields(kind: CsvKind): string[][] {
  const shape = MODELS[kind].shape as Record<string, z.ZodType>;
  const required = Object.keys(FIELDS[kind]).filter(
    (field) => shape[field] !== undefined && !shape[field].safeParse(undefined).success,
  );
  if (kind === 'csat') return [...required, 'rating'].map((field) => [field]);
  if (kind !== 'tickets') return required.map((field) => [field]);
  return required
    .filter((field) => field !== 'updatedAt')
    .map((field) => (field === 'requesterId' ? ['requesterId', 'requesterEmail', 'requesterName'] : [field]));
}
