/**
 * JSONL helpers for the benchmarks: write a generated dataset as one `{ kind, value }` record per line (fast,
 * no fsync per batch, unlike the sync sink), and read it back with supportkit's reader.
 */
import { createWriteStream } from 'node:fs';
import type { DatasetRecord } from '../../src/models/index.js';

/** Writes records as JSONL, honouring back-pressure. Returns the number of lines. */
export async function writeJsonl(path: string, records: Iterable<DatasetRecord>): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let lines = 0;
  let buffer = '';
  for (const record of records) {
    buffer += `${JSON.stringify(record)}\n`;
    lines++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
  return lines;
}

/** Reading back is the library's own reader (supportkit-ts/sync). */
export { readJsonlRecords as readJsonl } from '../../src/sync/jsonl-reader.js';
