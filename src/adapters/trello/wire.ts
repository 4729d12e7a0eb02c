/**
 * Trello's wire shapes, lenient on purpose — a key Trello adds or a value it starts sending as null must not
 * break reading a board — named after the schemas of
 * ../shared/specs/trello/trello-swagger.v3.json (Card, Action, TrelloList, Label, Member, CustomField,
 * CustomFieldItems).
 */
import { z } from 'zod';

export const TrelloLabel = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  color: z.string().nullable().optional(),
});
export type TrelloLabel = z.output<typeof TrelloLabel>;

export const TrelloList = z.looseObject({
  id: z.string(),
  name: z.string(),
  closed: z.boolean().optional(),
  pos: z.number().optional(),
});
export type TrelloList = z.output<typeof TrelloList>;

export const TrelloMember = z.looseObject({
  id: z.string(),
  fullName: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export type TrelloMember = z.output<typeof TrelloMember>;

export const TrelloCustomFieldItem = z.looseObject({
  id: z.string().optional(),
  idCustomField: z.string(),
  idValue: z.string().nullable().optional(),
  value: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const TrelloCustomField = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  type: z.string(),
  options: z
    .array(z.looseObject({ id: z.string(), value: z.record(z.string(), z.unknown()).optional() }))
    .nullable()
    .optional(),
  display: z.looseObject({ name: z.string().optional() }).optional(),
});
export type TrelloCustomField = z.output<typeof TrelloCustomField>;

export const TrelloAction = z.looseObject({
  id: z.string(),
  idMemberCreator: z.string().nullable().optional(),
  type: z.string(),
  date: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type TrelloAction = z.output<typeof TrelloAction>;

export const TrelloCard = z.looseObject({
  id: z.string(),
  name: z.string(),
  desc: z.string().nullable().optional(),
  closed: z.boolean().optional(),
  idList: z.string(),
  idBoard: z.string().optional(),
  idLabels: z.array(z.string()).nullable().optional(),
  /** Label objects as Trello sends them; the OpenAPI description types them as label ids, also read. */
  labels: z
    .array(z.union([TrelloLabel, z.string()]))
    .nullable()
    .optional(),
  idMembers: z.array(z.string()).nullable().optional(),
  due: z.string().nullable().optional(),
  dateLastActivity: z.string().nullable().optional(),
  url: z.string().optional(),
  shortUrl: z.string().optional(),
  customFieldItems: z.array(TrelloCustomFieldItem).nullable().optional(),
  actions: z.array(TrelloAction).nullable().optional(),
});
export type TrelloCard = z.output<typeof TrelloCard>;

/**
 * A file attached to a card, as the upload answers; an answer without an id is read as one with an empty id.
 * @example `TrelloAttachment.parse({ id: '5abbe4b7ddc1b351ef961414', bytes: 1024, url: 'https://trello.com/…' })`
 */
export const TrelloAttachment = z.looseObject({
  id: z.string().catch(''),
  bytes: z.number().nullable().optional().catch(undefined),
  url: z.string().nullable().optional().catch(undefined),
});
export type TrelloAttachment = z.output<typeof TrelloAttachment>;

/**
 * One answer of `GET /batch`: the body under its status code (`{ "200": card }`, `{ "404": … }`).
 * @example `TrelloBatchAnswer.parse({ 200: card })[200]`
 */
export const TrelloBatchAnswer = z.looseObject({ 200: z.unknown().optional() });
