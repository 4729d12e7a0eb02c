import { z } from 'zod';
import { Id, Source, Timestamp } from './primitives.js';
import { Channel } from './ticket.js';

/**
 * A file attached to a message.
 *
 * @example
 * ```ts
 * Attachment.parse({ id: 'a1', fileName: 'screenshot.png', contentType: 'image/png', size: 48213 });
 * ```
 */
export const Attachment = z.strictObject({
  id: Id,
  fileName: z.string().min(1),
  contentType: z.string().min(1),
  size: z.int().nonnegative(),
  url: z.url().optional(),
});
/** A file attached to a message. */
export type Attachment = z.output<typeof Attachment>;

/**
 * Who wrote a message: an agent, the customer (end user), or the system (triggers, automations).
 * @example `AuthorRole.parse('end-user')`
 */
export const AuthorRole = z.enum(['agent', 'end-user', 'system']);
/** Who wrote a message. */
export type AuthorRole = z.output<typeof AuthorRole>;

/**
 * A message on a ticket (a Zendesk comment, a Trello comment action, an RT transaction). `public: false` is a
 * private note only agents see; reply-time metrics count only public messages.
 *
 * @example
 * ```ts
 * import { parseMessage } from 'supportkit-ts';
 * parseMessage({
 *   id: 'm1', ticketId: '1001', authorId: 'agent-3', authorRole: 'agent', public: true,
 *   body: 'Thanks, we are on it.', createdAt: '2026-03-02T08:40:00Z',
 * });
 * ```
 */
export const Message = z.strictObject({
  id: Id,
  ticketId: Id,
  source: Source.optional(),
  authorId: Id,
  authorRole: AuthorRole,
  public: z.boolean(),
  body: z.string(),
  html: z.string().optional(),
  channel: Channel.optional(),
  createdAt: Timestamp,
  attachments: z.array(Attachment).default([]),
});
/** A parsed message. */
export type Message = z.output<typeof Message>;
/** What {@link Message} accepts. */
export type MessageInput = z.input<typeof Message>;
