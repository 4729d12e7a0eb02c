import { describe, expect, it } from 'vitest';
import { multipart } from '../../../src/adapters/trello/attachments.js';

describe('multipart', () => {
  it('holds the name and the file as two form-data parts, the bytes unchanged', () => {
    const data = new Uint8Array([0, 1, 2, 255]);
    const { body, contentType } = multipart({
      fileName: 'log.bin',
      contentType: 'application/octet-stream',
      data,
    });
    const boundary = contentType.replace('multipart/form-data; boundary=', '');
    const text = Buffer.from(body).toString('latin1');
    expect(
      text.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nlog.bin\r\n`),
    ).toBe(true);
    expect(text).toContain(
      'name="file"; filename="log.bin"\r\nContent-Type: application/octet-stream\r\n\r\n',
    );
    expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
    expect(Buffer.from(body).includes(Buffer.from(data))).toBe(true);
  });

  it('replaces quotes and line breaks in the file name, which could end a part header', () => {
    const { body } = multipart({
      fileName: 'a"b\r\nc.txt',
      contentType: 'text/plain',
      data: new Uint8Array(),
    });
    expect(Buffer.from(body).toString('latin1')).toContain('filename="a_b__c.txt"');
  });
});
