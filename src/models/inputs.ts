import { z } from 'zod';
import { AuthorRole } from './message.js';
import { CustomFields, Id } from './primitives.js';
import { Channel, TicketPriority, TicketStatus } from './ticket.js';

/**
 * What creating a ticket takes, on any adapter. The description becomes the first message, from the requester.
 *
 * @example
 * ```ts
 * TicketCreate.parse({ subject: 'Cannot log in', description: 'Since this morning…', requesterId: 'c-17' });
 * ```
 */
export const TicketCreate = z.strictObject({
  subject: z.string().min(1),
  description: z.string().optional(),
  requesterId: Id,
  status: TicketStatus.optional(),
  priority: TicketPriority.optional(),
  channel: Channel.optional(),
  assigneeId: Id.nullable().optional(),
  groupId: Id.nullable().optional(),
  tags: z.array(z.string().min(1)).optional(),
  customFields: CustomFields.optional(),
});
/** What creating a ticket takes. */
export type TicketCreate = z.output<typeof TicketCreate>;

/**
 * A change to a ticket: only the fields given change. Status, priority, assignee, group and tag changes are
 * recorded as TicketEvents.
 *
 * @example
 * ```ts
 * TicketPatch.parse({ status: 'solved', tags: ['billing'] });
 * ```
 */
export const TicketPatch = z.strictObject({
  subject: z.string().min(1).optional(),
  status: TicketStatus.optional(),
  priority: TicketPriority.optional(),
  assigneeId: Id.nullable().optional(),
  groupId: Id.nullable().optional(),
  tags: z.array(z.string().min(1)).optional(),
  customFields: CustomFields.optional(),
});
/** A change to a ticket. */
export type TicketPatch = z.output<typeof TicketPatch>;

/**
 * A new message on a ticket: a public reply or a private note.
 *
 * @example
 * ```ts
 * MessageCreate.parse({ authorId: 'agent-3', authorRole: 'agent', public: false, body: 'Checked the logs' });
 * ```
 */
export const MessageCreate = z.strictObject({
  authorId: Id,
  authorRole: AuthorRole,
  public: z.boolean(),
  body: z.string().min(1),
  /** Files to attach: uploaded by the adapter, then attached to this message. */
  attachments: z.array(z.lazy(() => AttachmentUpload)).optional(),
});
/** A new message on a ticket. */
export type MessageCreate = z.output<typeof MessageCreate>;

/**
 * A file to attach to a new message: its name, MIME type and bytes.
 *
 * @example
 * ```ts
 * AttachmentUpload.parse({ fileName: 'log.txt', contentType: 'text/plain', data: Buffer.from('boot ok') });
 * ```
 */
export const AttachmentUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'expected a MIME type such as image/png' }),
  data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
    message: 'expected the file bytes as a Uint8Array or Buffer',
  }),
});
/** A file to attach to a new message. */
export type AttachmentUpload = z.output<typeof AttachmentUpload>;

/**
 * A new customer (or the fields to change on one).
 *
 * @example
 * ```ts
 * CustomerCreate.parse({ name: 'Ada Rossi', email: 'ada@example.com', language: 'it' });
 * ```
 */
export const CustomerCreate = z.strictObject({
  name: z.string().min(1),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, { message: 'expected an E.164 phone number' })
    .optional(),
  organizationId: Id.nullable().optional(),
  language: z.string().optional(),
  timeZone: z.string().optional(),
  tags: z.array(z.string().min(1)).optional(),
});
/** A new customer. */
export type CustomerCreate = z.output<typeof CustomerCreate>;

/** Fields to change on a customer. @example `CustomerPatch.parse({ language: 'de' })` */
export const CustomerPatch = CustomerCreate.partial();
/** Fields to change on a customer. */
export type CustomerPatch = z.output<typeof CustomerPatch>;
