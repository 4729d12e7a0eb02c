/**
 * JSONL helpers for the benchmarks: write a generated dataset as one `{ kind, value }` record per line, and read
 * it back as canonical records (timestamps revived to Dates) without holding the file in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import type { DatasetRecord } from '../../src/models/index.js';

const DATE_KEYS: Record<string, readonly string[]> = {
  tickets: ['createdAt', 'updatedAt', 'solvedAt', 'dueAt'],
  messages: ['createdAt'],
  events: ['at'],
  csat: ['createdAt'],
  nps: ['createdAt'],
  ces: ['createdAt'],
  customers: ['createdAt', 'updatedAt'],
  agents: ['createdAt'],
  organizations: ['createdAt'],
  articles: ['createdAt', 'updatedAt'],
};

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

/**
 * Reads a JSONL file of `{ kind, value }` records, reviving timestamps. Yields one batch (array) per chunk read,
 * so the consumer pays one promise per megabyte rather than one per record.
 */
export async function* readJsonl(path: string): AsyncGenerator<DatasetRecord[]> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    const text = rest + (chunk as string);
    const batch: DatasetRecord[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) batch.push(revive(JSON.parse(text.slice(start, end))));
      start = end + 1;
    }
    rest = text.slice(start);
    yield batch;
  }
  if (rest.trim() !== '') yield [revive(JSON.parse(rest))];
}

function revive(record: { kind: string; value: Record<string, unknown> }): DatasetRecord {
  for (const key of DATE_KEYS[record.kind] ?? []) {
    const value = record.value[key];
    if (typeof value === 'string') record.value[key] = new Date(value);
  }
  if (record.kind === 'customers') {
    for (const note of (record.value.notes as { createdAt: unknown }[]) ?? [])
      note.createdAt = new Date(note.createdAt as string);
  }
  return record as unknown as DatasetRecord;
}
