import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DatasetRecord, ValidationError } from '../../src/index.js';
import { jsonlFileSink, readJsonlRecords } from '../../src/sync/index.js';
import { READ_BYTES, readJsonlRange } from '../../src/sync/jsonl-reader.js';
import { generateDataset } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'supportkit-jsonl-'));
let n = 0;
const file = () => join(dir, `f${++n}.jsonl`);
const readAll = async (path: string, options?: { tolerateTornTail?: boolean }) => {
  const out: DatasetRecord[] = [];
  for await (const batch of readJsonlRecords(path, options)) out.push(...batch);
  return out;
};

// Generated once, outside the tests (one per run timed out on busy cores); each run of the property writes an
// arbitrary selection of its records, of every kind it has.
const pool = Object.entries(generateDataset({ tickets: 20, days: 3, seed: 1 })).flatMap(([kind, values]) =>
  Array.isArray(values) ? values.map((value) => ({ kind, value }) as DatasetRecord) : [],
);

describe('readJsonlRecords', () => {
  it('reads back exactly what the JSONL sink wrote, Dates and all (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(pool, { minLength: 1 }), async (records) => {
        const path = file();
        const sink = jsonlFileSink(path);
        await sink.write(records);
        await sink.close();
        expect(await readAll(path)).toEqual(records);
      }),
      { numRuns: 15 },
    );
  });

  it('names the line that is not a record, never its content; a torn last line can be skipped', async () => {
    const path = file();
    writeFileSync(
      path,
      '{"kind":"events","value":{"id":"e","ticketId":"t","type":"status","at":"2026-03-02T10:00:00Z","from":null,"to":"open"}}\n',
    );
    appendFileSync(path, 'card 4111 1111 1111 1111\n');
    const error = await readAll(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('line 2');
    expect((error as ValidationError).message).not.toContain('4111');
    const torn = file();
    writeFileSync(
      torn,
      '{"kind":"events","value":{"id":"e","ticketId":"t","type":"status","at":"2026-03-02T10:00:00Z","from":null,"to":"open"}}\n{"kind":"tick',
    );
    await expect(readAll(torn)).rejects.toThrow(/line 2/);
    const kept = await readAll(torn, { tolerateTornTail: true });
    expect(kept).toHaveLength(1);
    expect((kept[0]!.value as { at: Date }).at).toEqual(new Date('2026-03-02T10:00:00Z'));
  });

  it('keeps a character whose bytes straddle a 4 MiB read, and counts lines across reads', async () => {
    // Reads come in READ_BYTES (4 MiB) pieces. The body pads the first line so that the 4-byte emoji of line 2
    // starts 2 bytes before the first boundary.
    const chunk = READ_BYTES;
    const line = (id: string, body: string) =>
      `${JSON.stringify({ kind: 'messages', value: { id, ticketId: 't', authorId: 'a', authorRole: 'agent', public: true, body, createdAt: '2026-03-02T10:00:00.000Z', attachments: [] } })}\n`;
    const bare = Buffer.byteLength(line('m1', ''));
    const lead = line('m2', '').indexOf('"body":"') + '"body":"'.length;
    const first = line('m1', 'x'.repeat(chunk - 2 - bare - lead));
    const path = file();
    writeFileSync(path, `${first}${line('m2', '😀 è')}${line('m3', 'ok')}not a record\n`);
    expect(Buffer.byteLength(first) + lead).toBe(chunk - 2);
    const error = await readAll(path).catch((e: unknown) => e);
    expect((error as ValidationError).message).toContain('line 4');
    writeFileSync(path, `${first}${line('m2', '😀 è')}${line('m3', 'ok')}`);
    const records = await readAll(path);
    expect(records.map((r) => (r.value as { body: string }).body.slice(0, 4))).toEqual([
      'xxxx',
      '😀 è',
      'ok',
    ]);
  });

  it('reads a byte range of CRLF lines, keeping only wanted kinds, with line numbers counted from the range', async () => {
    const event = (id: string) =>
      JSON.stringify({
        kind: 'events',
        value: { id, ticketId: 't', type: 'status', at: '2026-03-02T10:00:00.000Z', from: null, to: 'open' },
      });
    const customer = JSON.stringify({
      kind: 'customers',
      value: { id: 'c', name: 'Zoë', createdAt: '2026-03-01T10:00:00.000Z' },
    });
    const lines = [event('e1'), customer, event('e2'), '{"value":[],"kind":"events"}', event('e3')];
    const path = file();
    writeFileSync(path, lines.map((l) => `${l}\r\n`).join(''));
    // The range starts at line 2 and ends after line 4: e2, then the key-order-swapped line (parsed, since its
    // kind cannot be read from its first bytes, and refused: its value is not a record).
    const start = Buffer.byteLength(`${lines[0]}\r\n`);
    const end = start + Buffer.byteLength(`${lines[1]}\r\n${lines[2]}\r\n${lines[3]}\r\n`);
    const read = async (kinds?: ReadonlySet<string>, to = end) => {
      const out: DatasetRecord[] = [];
      for await (const batch of readJsonlRange(path, {
        start,
        end: to,
        tolerateTornTail: false,
        ...(kinds ? { kinds } : {}),
      }))
        out.push(...batch);
      return out;
    };
    const events = new Set(['events']);
    const twoLines = await read(events, end - Buffer.byteLength(`${lines[3]}\r\n`));
    expect(twoLines.map((r) => r.value.id)).toEqual(['e2']); // the customer line skipped undecoded
    expect((twoLines[0]!.value as { at: Date }).at.getTime()).toBe(Date.parse('2026-03-02T10:00:00.000Z'));
    expect((await read(undefined, end - Buffer.byteLength(`${lines[3]}\r\n`))).map((r) => r.kind)).toEqual([
      'customers',
      'events',
    ]);
    await expect(read(events)).rejects.toThrow(/line 3/);
  });
});
