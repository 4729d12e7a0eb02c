/**
 * Files on cards. Trello attaches files to the card, not to a comment, and takes them as multipart/form-data.
 * https://developer.atlassian.com/cloud/trello/rest/api-group-cards/#api-cards-id-attachments-post
 */
import type { AttachmentUpload } from '../../models/inputs.js';
import type { Message } from '../../models/message.js';
import type { RequestOptions } from '../contract.js';
import { path } from '../kit/index.js';
import type { TrelloAdapterContext } from './context.js';
import { attachmentFromTrello } from './map.js';
import { TrelloAttachment } from './wire.js';

/**
 * A multipart/form-data body with one file, as Trello's attachment upload takes it. The file name is written
 * into the part headers, so quotes and line breaks in it are replaced: they could end the header.
 *
 * @example
 * ```ts
 * const { body, contentType } = multipart({ fileName: 'log.txt', contentType: 'text/plain', data });
 * ```
 */
export function multipart(file: AttachmentUpload): { body: Uint8Array; contentType: string } {
  const boundary = `supportkit-${crypto.randomUUID()}`;
  const safeName = file.fileName.replace(/["\r\n]/g, '_');
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${safeName}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + file.data.length + tail.length);
  body.set(head, 0);
  body.set(file.data, head.length);
  body.set(tail, head.length + file.data.length);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Uploads one file to a card and returns it as a message attachment.
 * @example `const attachment = await uploadAttachment(context, cardId, file, options);`
 */
export async function uploadAttachment(
  context: TrelloAdapterContext,
  cardId: string,
  file: AttachmentUpload,
  options?: RequestOptions,
): Promise<Message['attachments'][number]> {
  const { body, contentType } = multipart(file);
  const uploaded = await context.request(
    'POST',
    path`/cards/${cardId}/attachments`,
    {},
    // Not retried: a repeated upload would attach the file twice.
    { ...options, maxRetries: 0 },
    { body, headers: { 'content-type': contentType } },
  );
  return attachmentFromTrello(context.fromWire(TrelloAttachment, uploaded ?? {}), file);
}
