import { AuthorRole } from '../../models/message.js';
import { MAX_EPOCH_MS } from '../../models/primitives.js';
import { Channel, TicketPriority, TicketStatus } from '../../models/ticket.js';

/**
 * The checked path's fast lane. Tickets and messages are five records in six, and most arrive already in their
 * model's output form (from an adapter, the sync, `parseDataset`, the generator). Parsing such a record again
 * costs some 20 µs and a full copy kept for the index's life (in the 100,000-customer bench, 2.6× the memory of
 * the records themselves). These checks accept only a record that its model would return unchanged: every field
 * present in its parsed form, nothing the model would fold, fill in or refuse. Anything else (a missing default,
 * an ISO string date, `"Solved"` for `solved`, an attachment, a field this file does not know) goes through the model as
 * before, so a bad record is still a ValidationError with its path, and the answer never depends on the lane.
 * test/care/identity/canonical.test.ts checks both claims, and that these key lists match the models' shapes.
 */

/** Ticket fields: required (always in the model's output) and optional (absent unless given). */
export const TICKET_FIELDS = {
  required: [
    'id',
    'subject',
    'status',
    'priority',
    'channel',
    'requesterId',
    'assigneeId',
    'groupId',
    'organizationId',
    'tags',
    'customFields',
    'createdAt',
    'updatedAt',
    'solvedAt',
    'dueAt',
  ],
  optional: ['source', 'description', 'submitterId'],
  /** Optional fields the fast lane leaves to the model (their rules are not worth repeating here). */
  toModel: ['type', 'language'],
} as const;

/** Message fields, as {@link TICKET_FIELDS}. */
export const MESSAGE_FIELDS = {
  required: ['id', 'ticketId', 'authorId', 'authorRole', 'public', 'body', 'createdAt', 'attachments'],
  optional: ['source', 'html', 'channel'],
  toModel: [],
} as const;

/**
 * Whether an open enum (status, priority, channel) returns a value as it is: a canonical value, or a vendor
 * value it keeps (`awaiting parts`), not a spelling it folds (`Solved`). Asked of the model itself, once per
 * distinct value (a helpdesk has a handful); past `MEMO_LIMIT` values the answer is no longer kept.
 */
function keepsAsIs(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }) {
  const answers = new Map<unknown, boolean>();
  return (value: unknown): boolean => {
    let kept = answers.get(value);
    if (kept === undefined) {
      if (typeof value !== 'string') return false;
      const parsed = schema.safeParse(value);
      kept = parsed.success && parsed.data === value;
      if (answers.size < MEMO_LIMIT) answers.set(value, kept);
    }
    return kept;
  };
}
const MEMO_LIMIT = 1000;
const isStatus = keepsAsIs(TicketStatus);
const isPriority = keepsAsIs(TicketPriority);
const isChannel = keepsAsIs(Channel);
const ROLES = new Set<unknown>(AuthorRole.options);
const TICKET_KEYS = new Set<string>([...TICKET_FIELDS.required, ...TICKET_FIELDS.optional]);
const MESSAGE_KEYS = new Set<string>([...MESSAGE_FIELDS.required, ...MESSAGE_FIELDS.optional]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isId = (value: unknown) => typeof value === 'string' && value !== '';
const isIdOrNull = (value: unknown) => value === null || isId(value);
/** A Date the Timestamp model returns as the same instant. */
const isTime = (value: unknown): value is Date =>
  value instanceof Date && Math.abs(value.getTime()) <= MAX_EPOCH_MS; // NaN fails the comparison
const isTimeOrNull = (value: unknown) => value === null || isTime(value);

/**
 * Whether `record` has only keys of `known`, and at least `required` of them. Each required field's own check
 * below refuses `undefined`, so a missing one is caught there; an optional one may be `undefined`, as the model
 * leaves it.
 */
function hasShape(record: Record<string, unknown>, known: ReadonlySet<string>, required: number): boolean {
  let count = 0;
  for (const key in record) {
    if (!known.has(key)) return false;
    count++;
  }
  return count >= required;
}

/** A Source as the model returns it, without a URL (the URL rules are left to the model). */
function isSource(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isPlainObject(value)) return false;
  let count = 0;
  for (const key in value) {
    if (key !== 'adapter' && key !== 'id') return false;
    count++;
  }
  return count === 2 && isId(value.adapter) && isId(value.id);
}

/** Custom field values as the model returns them: strings, finite numbers, booleans, null, lists of strings. */
function isCustomFields(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (Array.isArray(field)) {
      for (const item of field) if (typeof item !== 'string') return false;
    } else if (
      !(field === null || typeof field === 'string' || typeof field === 'boolean' || Number.isFinite(field))
    ) {
      return false;
    }
  }
  return true;
}

/** Non-empty strings; `for…of`, not `every`, so a hole in a sparse array counts as the `undefined` it reads as. */
function isTags(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const tag of value) if (typeof tag !== 'string' || tag === '') return false;
  return true;
}

/** Whether the Ticket model would return `value` unchanged (it is already a parsed ticket). */
export function isCanonicalTicket(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const t = value;
  return (
    hasShape(t, TICKET_KEYS, TICKET_FIELDS.required.length) &&
    isId(t.id) &&
    isSource(t.source) &&
    typeof t.subject === 'string' &&
    (t.description === undefined || typeof t.description === 'string') &&
    isStatus(t.status) &&
    (t.priority === null || isPriority(t.priority)) &&
    isChannel(t.channel) &&
    isId(t.requesterId) &&
    (t.submitterId === undefined || isId(t.submitterId)) &&
    isIdOrNull(t.assigneeId) &&
    isIdOrNull(t.groupId) &&
    isIdOrNull(t.organizationId) &&
    isTags(t.tags) &&
    isCustomFields(t.customFields) &&
    isTime(t.createdAt) &&
    isTime(t.updatedAt) &&
    isTimeOrNull(t.solvedAt) &&
    isTimeOrNull(t.dueAt) &&
    // The model's own rules across fields.
    t.updatedAt.getTime() >= t.createdAt.getTime() &&
    (t.solvedAt === null || (t.solvedAt as Date).getTime() >= t.createdAt.getTime())
  );
}

/** Whether the Message model would return `value` unchanged (it is already a parsed message, no attachments). */
export function isCanonicalMessage(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const m = value;
  return (
    hasShape(m, MESSAGE_KEYS, MESSAGE_FIELDS.required.length) &&
    isId(m.id) &&
    isId(m.ticketId) &&
    isSource(m.source) &&
    isId(m.authorId) &&
    ROLES.has(m.authorRole) &&
    typeof m.public === 'boolean' &&
    typeof m.body === 'string' &&
    (m.html === undefined || typeof m.html === 'string') &&
    (m.channel === undefined || isChannel(m.channel)) &&
    isTime(m.createdAt) &&
    Array.isArray(m.attachments) &&
    m.attachments.length === 0
  );
}

/**
 * Whether a record of `kind` is already exactly what its model returns, so parsing it again can be skipped.
 * @example `isCanonical('tickets', parseTicket(input)) // true`
 */
export function isCanonical(kind: string, value: unknown): boolean {
  return kind === 'tickets'
    ? isCanonicalTicket(value)
    : kind === 'messages'
      ? isCanonicalMessage(value)
      : false;
}
