/**
 * Request Tracker 5 REST2 wire shapes, lenient on purpose — an RT upgrade or a local extension that adds a key
 * must not break reading — so unknown keys are ignored and values RT sends as strings or numbers are both
 * accepted. https://docs.bestpractical.com/rt/5.0.3/RT/REST2.html
 */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number()]);

/** A reference to another record: `{ type, id, _url }`. Users are referred to by name, not number. */
export const RtRef = z.looseObject({ id: scalar, type: z.string().optional(), _url: z.string().optional() });
export type RtRef = z.output<typeof RtRef>;

/** One page of a collection. */
export const RtPage = z.looseObject({
  items: z.array(z.looseObject({})).default([]),
  page: z.number().optional(),
  pages: z.number().nullable().optional(),
  per_page: z.number().optional(),
  total: z.number().nullable().optional(),
  next_page: z.string().optional(),
});

export const RtCustomFieldValue = z.looseObject({
  id: scalar,
  name: z.string().optional(),
  values: z.array(z.string()).default([]),
});

/**
 * A ticket's custom fields. RT answers `""` instead of a list when no ticket custom field applies to the ticket's
 * queue — every ticket of a stock RT, which has none — and that means none.
 */
const RtCustomFields = z.preprocess(
  (v) => (v === '' ? [] : v),
  z.array(RtCustomFieldValue).nullable().optional(),
);

/**
 * A transaction's old or new value: text (or a number) in collections; a record read on its own may name a
 * principal instead (`{ type: 'principal', id }`, e.g. AddWatcher), read here as its id.
 */
const RtTransactionValue = z
  .union([scalar, RtRef])
  .nullable()
  .optional()
  .transform((v) => (v === null || v === undefined ? v : typeof v === 'object' ? String(v.id) : String(v)));

export const RtTicket = z.looseObject({
  id: scalar,
  Subject: z.string().nullable().optional(),
  Status: z.string(),
  Priority: scalar.nullable().optional(),
  Queue: RtRef.nullable().optional(),
  Owner: RtRef.nullable().optional(),
  Creator: RtRef.nullable().optional(),
  Requestor: z.array(RtRef).nullable().optional(),
  CustomFields: RtCustomFields,
  Type: z.string().nullable().optional(),
  Created: z.string(),
  LastUpdated: z.string().nullable().optional(),
  Resolved: z.string().nullable().optional(),
  Due: z.string().nullable().optional(),
});
export type RtTicket = z.output<typeof RtTicket>;

/**
 * A transaction. Collections give `ObjectId`/`ObjectType` as asked; a transaction read on its own
 * (`GET /transaction/{id}`) names its record as `Object: { type: 'ticket', id }` instead, read here the same way.
 */
export const RtTransaction = z
  .looseObject({
    id: scalar,
    Type: z.string(),
    Field: z.string().nullable().optional(),
    OldValue: RtTransactionValue,
    NewValue: RtTransactionValue,
    Created: z.string(),
    Creator: RtRef.nullable().optional(),
    ObjectId: scalar.nullable().optional(),
    ObjectType: z.string().nullable().optional(),
    Object: RtRef.nullable().optional(),
  })
  .transform(({ Object: object, ...txn }) =>
    txn.ObjectId == null && object
      ? {
          ...txn,
          ObjectId: object.id,
          ObjectType: txn.ObjectType ?? (object.type === 'ticket' ? 'RT::Ticket' : object.type),
        }
      : txn,
  );
export type RtTransaction = z.output<typeof RtTransaction>;

/**
 * An attachment (a message part or a file). Collections give `Content` as stored; a record read on its own
 * (`GET /attachment/{id}`, which carries `_hyperlinks`) gives it base64-encoded (RT::REST2::Resource::Attachment),
 * decoded here so both read the same.
 */
export const RtAttachment = z
  .looseObject({
    id: scalar,
    TransactionId: z.union([scalar, RtRef]),
    ContentType: z.string().nullable().optional(),
    Filename: z.string().nullable().optional(),
    Content: z.string().nullable().optional(),
    ContentLength: scalar.nullable().optional(),
    _hyperlinks: z.unknown().optional(),
  })
  .transform(({ _hyperlinks, ...attachment }) =>
    _hyperlinks !== undefined && typeof attachment.Content === 'string'
      ? { ...attachment, Content: Buffer.from(attachment.Content, 'base64').toString('utf8') }
      : attachment,
  );
export type RtAttachment = z.output<typeof RtAttachment>;

/** The number in a record's `self` hyperlink, where a summary leaves `id` out. */
const selfId = (value: unknown): unknown => {
  if (!value || typeof value !== 'object' || 'id' in value) return value;
  const links = (value as { _hyperlinks?: unknown })._hyperlinks;
  const self = Array.isArray(links)
    ? links.find((link) => link && typeof link === 'object' && link.ref === 'self')
    : undefined;
  return self && (typeof self.id === 'number' || typeof self.id === 'string')
    ? { ...value, id: self.id }
    : value;
};

/**
 * A user. Read by an API user without the AdminUsers right, REST2 sends only a summary — `Name`, `RealName`,
 * `EmailAddress`, `Privileged` and `_hyperlinks` (RT's `UserSummaryExtraInfo`) — whose number is in the `self`
 * link; it is read the same way. `Comments` is the user's free-text comments field, where signed card notes are
 * appended. In a collection `Privileged` and `Disabled` are always empty (they are not columns of RT's Users
 * table), and without AdminUsers the dates are RT's "not set" (1970-01-01).
 */
export const RtUser = z.preprocess(
  selfId,
  z.looseObject({
    id: scalar,
    Name: z.string(),
    RealName: z.string().nullable().optional(),
    EmailAddress: z.string().nullable().optional(),
    NickName: z.string().nullable().optional(),
    MobilePhone: z.string().nullable().optional(),
    WorkPhone: z.string().nullable().optional(),
    HomePhone: z.string().nullable().optional(),
    PagerPhone: z.string().nullable().optional(),
    Organization: z.string().nullable().optional(),
    Lang: z.string().nullable().optional(),
    Timezone: z.string().nullable().optional(),
    Privileged: scalar.nullable().optional(),
    Disabled: scalar.nullable().optional(),
    Comments: z.string().nullable().optional(),
    Created: z.string().nullable().optional(),
    LastUpdated: z.string().nullable().optional(),
  }),
);
export type RtUser = z.output<typeof RtUser>;

/**
 * Whether a user read on its own (`GET /user/{id}`) is the summary REST2 sends an API user without AdminUsers:
 * only the full record has `Disabled` (and `Comments`, the dates, the phones), even when it is 0.
 * @example `isUserSummary({ Name: 'ada', Privileged: 0, _hyperlinks: [] }) // true`
 */
export const isUserSummary = (body: Record<string, unknown>): boolean => !('Disabled' in body);

/** A queue; `Disabled` is 0, 1 (disabled) or 2 (RT's internal approvals queue). */
export const RtQueue = z.looseObject({
  id: scalar,
  Name: z.string(),
  Description: z.string().nullable().optional(),
  Disabled: scalar.nullable().optional(),
  Created: z.string().nullable().optional(),
  LastUpdated: z.string().nullable().optional(),
});
export type RtQueue = z.output<typeof RtQueue>;
