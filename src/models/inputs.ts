import { z } from 'zod';
import { AuthorRole } from './message.js';
import { CustomFields, Id, Timestamp } from './primitives.js';
import { Channel, TicketPriority, TicketStatus } from './ticket.js';

/**
 * A requester given by e-mail (a web form, an automation) instead of a vendor user id: each adapter resolves it
 * natively — an existing user with this address (compared case-insensitively) is used, otherwise one is created
 * with `name` (default: the address). Repeating the create never makes a second user.
 *
 * @example
 * ```ts
 * RequesterByEmail.parse({ email: 'ada@example.com', name: 'Ada Rossi' });
 * ```
 */
export const RequesterByEmail = z.strictObject({
  email: z.email({ message: 'expected an e-mail address' }),
  name: z.string().trim().min(1).optional(),
});
/** A requester given by e-mail. */
export type RequesterByEmail = z.output<typeof RequesterByEmail>;

/** The fields of a new ticket, checked for exactly one requester; exported typed as {@link TicketCreate}. */
const TicketCreateObject = z
  .strictObject({
    subject: z.string().min(1),
    description: z.string().optional(),
    requesterId: Id.optional(),
    requester: RequesterByEmail.optional(),
    status: TicketStatus.optional(),
    priority: TicketPriority.optional(),
    channel: Channel.optional(),
    assigneeId: Id.nullable().optional(),
    groupId: Id.nullable().optional(),
    tags: z.array(z.string().min(1)).optional(),
    customFields: CustomFields.optional(),
  })
  .superRefine((input, ctx) => {
    const given = (input.requesterId !== undefined ? 1 : 0) + (input.requester !== undefined ? 1 : 0);
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [given === 0 ? 'requesterId' : 'requester'],
        message:
          given === 0
            ? 'required: a requesterId, or a requester given by e-mail ({ email, name? })'
            : 'give either requesterId or requester, not both',
      });
  });
/** The requester of a new ticket: by vendor user id or by e-mail, exactly one of the two. */
type RequesterOf<R> = { requesterId: Id; requester?: undefined } | { requester: R; requesterId?: undefined };
/** What creating a ticket takes: the requester by id or by e-mail, never both (the type says so too). */
export type TicketCreate = Omit<z.output<typeof TicketCreateObject>, 'requesterId' | 'requester'> &
  RequesterOf<RequesterByEmail>;
/**
 * What creating a ticket accepts before parsing.
 * @example `const input: TicketCreateInput = { subject: 'Help', requester: { email: 'ada@example.com' } };`
 */
export type TicketCreateInput = Omit<z.input<typeof TicketCreateObject>, 'requesterId' | 'requester'> &
  RequesterOf<z.input<typeof RequesterByEmail>>;
/**
 * What creating a ticket takes, on any adapter. The requester is either a vendor user id (`requesterId`) or an
 * e-mail address (`requester: { email, name? }`), exactly one of the two. The description becomes the first
 * message, from the requester.
 *
 * @example
 * ```ts
 * TicketCreate.parse({ subject: 'Cannot log in', description: 'Since this morning…', requesterId: 'c-17' });
 * TicketCreate.parse({ subject: 'Where is my order?', requester: { email: 'ada@example.com', name: 'Ada' } });
 * ```
 */
export const TicketCreate = TicketCreateObject as unknown as z.ZodType<TicketCreate, TicketCreateInput>;

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
 * A new message on a ticket: a public reply or a private note. Without `authorId` the message is written as the
 * authenticated user of the adapter (an agent): Zendesk's API user, RT's API user, the Trello token's member, the
 * memory adapter's `defaultAuthorId`. `authorRole` defaults to `agent`; an end-user author needs an `authorId`.
 *
 * @example
 * ```ts
 * MessageCreate.parse({ public: true, body: 'We are on it' }); // by the authenticated agent
 * MessageCreate.parse({ authorId: 'agent-3', authorRole: 'agent', public: false, body: 'Checked the logs' });
 * ```
 */
export const MessageCreate = z
  .strictObject({
    /** Who writes it. @default the adapter's authenticated user */
    authorId: Id.optional(),
    /** @default 'agent' */
    authorRole: AuthorRole.optional(),
    public: z.boolean(),
    body: z.string().min(1),
    /** Files to attach: uploaded by the adapter, then attached to this message. */
    attachments: z.array(z.lazy(() => AttachmentUpload)).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.authorId === undefined && input.authorRole !== undefined && input.authorRole !== 'agent')
      ctx.addIssue({
        code: 'custom',
        path: ['authorId'],
        message: 'required when authorRole is not agent: the default author is the authenticated agent',
      });
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

/**
 * A signed note to store on a customer in a helpdesk (`customers.addNote`): who wrote it, when, and the text.
 * With the `id` of a note already stored it is a new revision of that note: edits are appended, never rewritten.
 *
 * @example
 * ```ts
 * CustomerNoteCreate.parse({ authorId: '381', authorName: 'Marco', body: 'Call back after 5 pm', at: '2026-03-02T10:00:00Z' });
 * ```
 */
export const CustomerNoteCreate = z.strictObject({
  id: Id.optional(),
  /** The operator who signs the note. */
  authorId: Id,
  authorName: z.string().min(1).optional(),
  body: z.string().refine((text) => text.trim() !== '', { message: 'expected a non-empty note' }),
  at: Timestamp,
});
/** A signed note to store on a customer. */
export type CustomerNoteCreate = z.output<typeof CustomerNoteCreate>;
/** What {@link CustomerNoteCreate} accepts. */
export type CustomerNoteCreateInput = z.input<typeof CustomerNoteCreate>;
