import { createReadStream } from 'node:fs';
import { invalidArgument, invalidOption, ValidationError } from '../errors/validation.js';
import type { DatasetRecord } from '../models/dataset.js';
import { utcTextMs } from '../models/utc-text.js';

/**
 * The timestamp fields of each record kind, revived to Dates. A Map, because the kind comes from the file: a
 * plain object would answer `constructor` or `__proto__` with Object's own members (the kind comes from the file, whoever wrote it).
 */
const DATE_KEYS: ReadonlyMap<string, readonly string[]> = new Map([
  ['tickets', ['createdAt', 'updatedAt', 'solvedAt', 'dueAt']],
  ['messages', ['createdAt']],
  ['events', ['at']],
  ['csat', ['createdAt']],
  ['nps', ['createdAt']],
  ['ces', ['createdAt']],
  ['customers', ['createdAt', 'updatedAt']],
  ['agents', ['createdAt', 'updatedAt']],
  ['organizations', ['createdAt', 'updatedAt']],
  ['articles', ['createdAt', 'updatedAt']],
  ['groups', ['updatedAt']],
  ['schedules', []],
  ['slaPolicies', []],
  ['sops', ['updatedAt']],
]);

const NOTE_DATE_KEYS = ['createdAt', 'updatedAt'] as const;

/** Turns the timestamp strings at `keys` into Dates (written by `toISOString`: read by arithmetic). */
function reviveDates(value: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const text = value[key];
    if (typeof text === 'string') value[key] = new Date(utcTextMs(text) ?? text);
  }
}

/**
 * A line that is not a record: the file and the line number, never the line's content. Internal.
 *
 * @example
 * ```ts
 * throw badLine('/data/changes.jsonl', 12, 'not JSON'); // Invalid JSONL file /data/changes.jsonl at line 12 …
 * ```
 */
export const badLine = (file: string, line: number, message: string) =>
  new ValidationError(`JSONL file ${file} at line ${line}`, [
    { path: ['line', line], code: 'custom', message },
  ]);

/**
 * One line of a JSONL file as a record, timestamps revived; a line that is not one throws ValidationError
 * naming the file and line. Internal to supportkit-ts/sync.
 *
 * @example
 * ```ts
 * const record = reviveLine('{"kind":"events","value":{"id":"e1","at":"2026-03-02T10:00:00Z"}}', 1, 'f.jsonl');
 * ```
 */
export function reviveLine(text: string, line: number, file: string): DatasetRecord {
  let record: { kind?: unknown; value?: Record<string, unknown> };
  try {
    record = JSON.parse(text);
  } catch {
    throw badLine(file, line, 'not JSON');
  }
  const keys = typeof record?.kind === 'string' ? DATE_KEYS.get(record.kind) : undefined;
  if (!keys || !record.value || typeof record.value !== 'object' || Array.isArray(record.value))
    throw badLine(file, line, 'expected { kind, value } with a known record kind');
  reviveDates(record.value, keys);
  if (record.kind === 'customers' && Array.isArray(record.value.notes))
    for (const note of record.value.notes as unknown[])
      if (note && typeof note === 'object') reviveDates(note as Record<string, unknown>, NOTE_DATE_KEYS);
  return record as unknown as DatasetRecord;
}

/**
 * Reads back a JSONL file that {@link jsonlFileSink} (or a sync) wrote: `{ kind, value }` records with their
 * timestamps revived to Dates, one batch per chunk read (about 4 MiB), never the whole file in memory. A line
 * that is not a record throws ValidationError naming the line number (never its content); a half-written last
 * line (a writer killed mid-line) is reported the same way unless `tolerateTornTail` skips it.
 * Records are revived, not re-validated: run them through the models' `parse` if the file is not your own.
 *
 * @example
 * ```ts
 * import { readJsonlRecords } from 'supportkit-ts/sync';
 * import { recordSummarizer } from 'supportkit-ts/metrics';
 * const summarizer = recordSummarizer({ asOf: new Date(), timeZone: 'Europe/Rome' });
 * for await (const batch of readJsonlRecords('changes.jsonl')) for (const record of batch) summarizer.push(record);
 * const report = summarizer.finish();
 * ```
 */
export async function* readJsonlRecords(
  path: string,
  options: { tolerateTornTail?: boolean } = {},
): AsyncGenerator<DatasetRecord[]> {
  if (typeof path !== 'string' || path === '')
    throw invalidArgument('readJsonlRecords()', 'path', 'expected the path of a JSONL file');
  if (typeof options !== 'object' || options === null)
    throw invalidOption('readJsonlRecords', '', 'must be an object');
  yield* readJsonlRange(path, { start: 0, tolerateTornTail: options.tolerateTornTail === true });
}

/** How many bytes each read of the file takes (a line may span reads). Internal; tests place boundaries by it. */
export const READ_BYTES = 1 << 22;

const KIND_PREFIX = Buffer.from('{"kind":"');
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Whether the line at byte `start` may hold one of `kinds`: a line written as sync writes them (`{"kind":"…"`
 * first) is judged by that prefix without decoding it; any other line is parsed, and its kind checked by the caller.
 */
function wanted(bytes: Buffer, start: number, end: number, kinds: ReadonlySet<string>): boolean {
  const from = start + KIND_PREFIX.length;
  if (from > end || bytes.compare(KIND_PREFIX, 0, KIND_PREFIX.length, start, from) !== 0) return true;
  const close = bytes.indexOf(QUOTE, from);
  return close !== -1 && close < end && kinds.has(bytes.toString('latin1', from, close));
}

/**
 * {@link readJsonlRecords} over the bytes `[start, end)` of a file (a range that begins at a line start); line
 * numbers in errors count from the range's first line; with `kinds`, lines of other kinds may be skipped unparsed
 * (the caller still filters by kind). Internal to supportkit-ts/sync.
 *
 * @example
 * ```ts
 * for await (const batch of readJsonlRange('records.jsonl', { start: 0, end: 4096, tolerateTornTail: false })) {}
 * ```
 */
export async function* readJsonlRange(
  path: string,
  range: { start: number; end?: number; tolerateTornTail: boolean; kinds?: ReadonlySet<string> },
): AsyncGenerator<DatasetRecord[]> {
  if (range.end !== undefined && range.end <= range.start) return;
  let rest: Buffer | null = null;
  let line = 0;
  // Bytes, not text: each line is decoded on its own, so an all-ASCII line stays a one-byte string (cheaper to
  // parse) even when a neighbour holds an accent, and lines of unwanted kinds are never decoded at all.
  const stream = createReadStream(path, {
    highWaterMark: READ_BYTES,
    start: range.start,
    ...(range.end !== undefined ? { end: range.end - 1 } : {}),
  });
  for await (const chunk of stream) {
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    const batch: DatasetRecord[] = [];
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      line++;
      if (end > start && (!range.kinds || wanted(bytes, start, end, range.kinds)))
        batch.push(reviveLine(bytes.toString('utf8', start, end), line, path));
      start = end + 1;
    }
    rest = start < bytes.length ? bytes.subarray(start) : null;
    if (batch.length > 0) yield batch;
  }
  const tail = rest ? rest.toString('utf8') : '';
  if (tail.trim() === '') return;
  line++;
  try {
    yield [reviveLine(tail, line, path)];
  } catch (error) {
    if (!range.tolerateTornTail) throw error;
  }
}
