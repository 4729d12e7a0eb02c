/**
 * Comments between Zendesk and the canonical Message: a comment read (the author's role from the agents the
 * caller knows), the comments of an audit, and a new message as the ticket update that adds it.
 */
import { ValidationError } from '../../../errors/validation.js';
import type { MessageCreate } from '../../../models/inputs.js';
import type { Message } from '../../../models/message.js';
import { Message as MessageSchema } from '../../../models/message.js';
import { parse } from '../../../models/parse.js';
import { ADAPTER } from '../context.js';
import { channelFromVia } from '../fields.js';
import {
  type ZendeskAudit,
  type ZendeskComment,
  type ZendeskCommentAudit,
  ZendeskComment as ZendeskCommentSchema,
} from '../wire.js';
import { numericId } from './tickets.js';

/**
 * A Zendesk comment as a canonical Message. The author's role needs the users: pass the ids of agents (from
 * side-loaded users) so end-user and agent comments are told apart. A comment without `created_at` (inside an
 * audit, or as a redaction returns it) takes `at` — the audit's time; without either it is refused, naming
 * `createdAt`. A redacted comment's text is its `plain_body`.
 *
 * @example
 * ```ts
 * messageFromZendesk(comment, '35436', new Set(['76872']));
 * messageFromZendesk(auditComment, '35436', agents, audit.created_at);
 * ```
 */
export function messageFromZendesk(
  wire: ZendeskComment,
  ticketId: string,
  agentIds: ReadonlySet<string>,
  at?: string | Date,
): Message {
  const authorId = String(wire.author_id);
  const channel = wire.via?.channel ?? wire.metadata?.via?.channel;
  return parse(
    MessageSchema,
    {
      id: String(wire.id),
      ticketId,
      source: { adapter: ADAPTER, id: String(wire.id) },
      authorId,
      authorRole: wire.author_id === -1 ? 'system' : agentIds.has(authorId) ? 'agent' : 'end-user',
      public: wire.public,
      body: wire.body ?? wire.plain_body ?? '',
      ...(wire.html_body ? { html: wire.html_body } : {}),
      ...(channel !== undefined ? { channel: channelFromVia(channel) } : {}),
      createdAt: wire.created_at ?? at,
      attachments: (wire.attachments ?? []).map((a) => ({
        id: String(a.id),
        fileName: a.file_name,
        contentType: a.content_type,
        size: a.size,
        ...(a.content_url ? { url: a.content_url } : {}),
      })),
    },
    'Zendesk comment',
  );
}

/**
 * The comments of a ticket audit as canonical Messages. Comment events carry no time of their own: each takes
 * the audit's; the author is the event's, else the audit's.
 *
 * @example
 * ```ts
 * messagesFromZendeskAudit(ZendeskAudit.parse(audit), new Set(['76872']));
 * ```
 */
export function messagesFromZendeskAudit(audit: ZendeskAudit, agentIds: ReadonlySet<string>): Message[] {
  const out: Message[] = [];
  for (const event of audit.events ?? []) {
    const type = String(event.type ?? '');
    if (type !== 'Comment' && type !== 'VoiceComment') continue;
    const comment = parse(
      ZendeskCommentSchema,
      { ...event, author_id: event.author_id ?? audit.author_id, public: event.public ?? true },
      'Zendesk audit comment',
    );
    out.push(messageFromZendesk(comment, String(audit.ticket_id), agentIds, audit.created_at));
  }
  return out;
}

/**
 * A new message as the Zendesk ticket update that adds it (comments are created through the Tickets API).
 * Without `authorId` the comment's author is left to Zendesk, which makes it the authenticated user.
 *
 * @example
 * ```ts
 * messageCreateToZendesk({ authorId: '76872', authorRole: 'agent', public: false, body: 'Checked the logs' });
 * messageCreateToZendesk({ public: true, body: 'On it' }); // by the API user
 * // with files uploaded first (POST /api/v2/uploads), their token attaches them:
 * messageCreateToZendesk(input, 'a1b2c3upload');
 * ```
 */
export function messageCreateToZendesk(
  input: MessageCreate,
  uploadToken?: string,
): {
  ticket: { comment: Record<string, unknown> };
} {
  return {
    ticket: {
      comment: {
        body: input.body,
        public: input.public,
        ...(input.authorId !== undefined ? { author_id: numericId(input.authorId) } : {}),
        ...(uploadToken ? { uploads: [uploadToken] } : {}),
      },
    },
  };
}

/**
 * The message a comment-adding ticket update created, from Zendesk's answer: the audit's Comment event. Without
 * `authorId` Zendesk writes the comment as the authenticated user, an agent, whom the audit names.
 *
 * @example
 * ```ts
 * messageFromCommentAudit(ZendeskCommentAudit.parse(body), '35436', { public: true, body: 'On it' });
 * ```
 */
export function messageFromCommentAudit(
  response: ZendeskCommentAudit,
  ticketId: string,
  input: MessageCreate,
): Message {
  const audit = response.audit;
  const event = audit?.events?.find((e) => e.type === 'Comment');
  if (!event)
    throw new ValidationError('Zendesk response', [
      { path: ['audit', 'events'], code: 'custom', message: 'no Comment event in the audit' },
    ]);
  const authorId = event.author_id ?? input.authorId ?? audit?.author_id;
  const agents = new Set(
    (input.authorRole ?? 'agent') === 'agent' && authorId !== undefined ? [String(authorId)] : [],
  );
  const comment = parse(
    ZendeskCommentSchema,
    { ...event, author_id: authorId, created_at: event.created_at ?? audit?.created_at },
    'Zendesk response',
  );
  return messageFromZendesk(comment, ticketId, agents);
}
