/**
 * Ticket comments (the contract's messages): listed with their authors side-loaded, added through the ticket
 * update that carries them, files uploaded first.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/
 */

import { ValidationError } from '../../errors/validation.js';
import { type AttachmentUpload, MessageCreate } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import { parse } from '../../models/parse.js';
import type { RequestOptions } from '../contract.js';
import { callOptions, path } from '../kit/index.js';
import type { ZendeskContext } from './context.js';
import {
  addStaffIds,
  messageCreateToZendesk,
  messageFromCommentAudit,
  messageFromZendesk,
} from './map/index.js';
import { ZendeskComment, ZendeskCommentAudit, ZendeskUpload } from './wire.js';

/**
 * The comment resource: `list` and `add` become the tickets' `listMessages` and `addMessage`.
 *
 * @example
 * ```ts
 * const comments = zendeskComments(context);
 * for await (const message of comments.list('35436')) console.log(message.authorRole, message.body);
 * ```
 */
export function zendeskComments(context: ZendeskContext) {
  /**
   * Uploads files for one comment: the first upload returns a token, the rest join it (Zendesk groups the files
   * of a comment under one token). Returns undefined when there is nothing to upload.
   */
  async function upload(files: readonly AttachmentUpload[], opts?: RequestOptions) {
    let token: string | undefined;
    for (const file of files) {
      const response = await context.http.request<unknown>({
        method: 'POST',
        path: '/api/v2/uploads.json',
        query: { filename: file.fileName, ...(token ? { token } : {}) },
        body: file.data,
        headers: { 'content-type': file.contentType },
        // An upload is not idempotent; a retried one could attach the file twice.
        maxRetries: 0,
        ...callOptions(opts),
      });
      token = context.read(ZendeskUpload, response.data).upload?.token ?? token;
      if (!token)
        throw new ValidationError('Zendesk response', [
          { path: ['upload', 'token'], code: 'custom', message: 'the upload returned no token' },
        ]);
    }
    return token;
  }

  return {
    async *list(ticketId: string, opts?: RequestOptions): AsyncGenerator<Message> {
      // Side-load the authors so agent and end-user comments are told apart without one request per author.
      const agents = new Set<string>();
      const comments = context.cursorList<unknown>({
        path: path`/api/v2/tickets/${ticketId}/comments.json`,
        key: 'comments',
        query: { include: 'users' },
        options: opts,
        onPage: (body) => addStaffIds(body.users, agents),
      });
      for await (const comment of comments)
        yield messageFromZendesk(context.read(ZendeskComment, comment), ticketId, agents);
    },

    async add(ticketId: string, input: MessageCreate, opts?: RequestOptions): Promise<Message> {
      const message = parse(MessageCreate, input, 'message to add');
      const token = await upload(message.attachments ?? [], opts);
      const response = await context.write<unknown>({
        method: 'PUT',
        path: path`/api/v2/tickets/${ticketId}.json`,
        body: messageCreateToZendesk(message, token),
        options: opts,
        // This PUT appends a comment: sent twice, the customer gets it twice. Retried only with the caller's
        // idempotencyKey (docs/transport.md, "Retries").
        idempotent: false,
      });
      return messageFromCommentAudit(context.read(ZendeskCommentAudit, response), ticketId, message);
    },
  };
}
