import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import type { DatasetRecord } from '../models/dataset.js';
import { recordKey, type SyncSink } from './sink.js';

/**
 * A JSONL file sink: one `{ kind, value }` record per line, appended and fsynced before `write` resolves, so a
 * checkpoint saved after it never points past what is on disk. On open it drops a half-written last line (a
 * process killed mid-write) and remembers the versions already in the file, so records re-sent after a restart
 * from an older checkpoint are not written twice.
 *
 * @example
 * ```ts
 * import { jsonlFileSink, sync } from 'supportkit';
 * await sync(helpdesk, { sink: jsonlFileSink('tickets.jsonl'), checkpoint: saved, onCheckpoint: save });
 * ```
 */
export function jsonlFileSink(path: string): SyncSink & { readonly written: number } {
  const seen = new Set<string>();
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
    for (const line of text.slice(0, complete).split('\n')) {
      if (line === '') continue;
      const record = JSON.parse(line) as { kind: DatasetRecord['kind']; value: Record<string, unknown> };
      for (const key of ['updatedAt', 'createdAt'] as const) {
        if (typeof record.value[key] === 'string') record.value[key] = new Date(record.value[key] as string);
      }
      seen.add(recordKey(record as unknown as DatasetRecord));
    }
  }
  const fd = openSync(path, 'a');
  let written = 0;
  return {
    get written() {
      return written;
    },
    async write(records) {
      let chunk = '';
      for (const record of records) {
        const key = recordKey(record);
        if (seen.has(key)) continue;
        seen.add(key);
        chunk += `${JSON.stringify(record)}\n`;
        written++;
      }
      if (chunk !== '') {
        writeSync(fd, chunk);
        fsyncSync(fd);
      }
    },
    async close() {
      closeSync(fd);
    },
  };
}
