import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChangeBatch,
  type Checkpoint,
  createMemoryAdapter,
  type DatasetRecord,
  type HelpdeskAdapter,
} from '../../src/index.js';
import { callbackSink, jsonlFileSink, SyncStalledError, sync } from '../../src/sync/index.js';
import { generateDataset } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'supportkit-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataset = generateDataset({ seed: 9, tickets: 120, days: 10 });
const small = generateDataset({ seed: 9, tickets: 24, days: 4 });
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('sync', () => {
  it('streams every change into a callback sink and reports progress', async () => {
    const received: DatasetRecord[] = [];
    const progress: number[] = [];
    const result = await sync(createMemoryAdapter(dataset, { pageSize: 25 }), {
      sink: callbackSink((records) => void received.push(...records)),
      onProgress: (p) => progress.push(p.records),
    });
    expect(received.filter((r) => r.kind === 'tickets')).toHaveLength(120);
    expect(received.filter((r) => r.kind === 'messages')).toHaveLength(dataset.messages.length);
    // A page of 25 at most per batch: 2 of customers, 1 each of agents, groups and organizations, 5 of tickets, 1
    // each of NPS and CES answers.
    expect(result.batches).toBe(12);
    expect(progress[progress.length - 1]).toBe(received.length);
  });

  it('killed at any batch and restarted from the saved checkpoint, ends with exactly the same records', async () => {
    // Small data, six batches of several record kinds, and the kill points that behave differently rather than
    // random ones: the first batch (before any checkpoint: the restart starts from null over a non-empty file),
    // one in the middle, and the last (after its checkpoint the restart finds an empty feed). Each is killed
    // before and after its checkpoint is saved, with and without a torn line: 12 runs, every case every time.
    const adapter = createMemoryAdapter(small, { pageSize: 4 });
    const reference = join(dir, 'reference.jsonl');
    const sink = jsonlFileSink(reference);
    const { batches: total } = await sync(adapter, { sink });
    await sink.close();
    expect(total).toBe(15); // 4 a page: 3 of customers, 2 agents, 1 groups, 1 organizations, 6 tickets, 1 NPS, 1 CES
    const expected = lines(reference).sort();
    expect(new Set(expected.map((line) => JSON.parse(line).kind)).size).toBeGreaterThanOrEqual(3);

    for (const killAfter of [1, Math.ceil(total / 2), total])
      for (const beforeCheckpoint of [true, false])
        for (const tornLine of [false, true]) {
          const path = join(dir, `run-${killAfter}-${beforeCheckpoint}-${tornLine}.jsonl`);
          let saved: Checkpoint | null = null;
          let batches = 0;
          const first = jsonlFileSink(path);
          await sync(adapter, {
            sink: first,
            onCheckpoint: (checkpoint) => {
              batches++;
              // Dying before the checkpoint is saved means the sink has records the checkpoint does not cover.
              if (batches === killAfter && beforeCheckpoint) throw new Error('killed');
              saved = checkpoint;
              if (batches === killAfter) throw new Error('killed');
            },
          }).catch((error) => expect((error as Error).message).toBe('killed'));
          await first.close();
          if (tornLine) writeFileSync(path, `${readFileSync(path, 'utf8')}{"kind":"tickets","val`); // died mid-write
          const second = jsonlFileSink(path);
          await sync(adapter, { sink: second, checkpoint: saved });
          await second.close();
          expect(lines(path).sort(), `killed after batch ${killAfter}`).toEqual(expected);
        }
  });

  it('de-duplicates versions a feed sends twice, and detects a cursor that stops advancing', async () => {
    const memory = createMemoryAdapter(dataset, { pageSize: 50 });
    const batches: ChangeBatch[] = [];
    for await (const batch of memory.changes(null)) batches.push(batch);
    const repeating: HelpdeskAdapter = {
      ...memory,
      async *changes() {
        // The same page again and again, same cursor: once is tolerated, a stuck cursor is not.
        for (let i = 0; i < 10; i++) yield { ...batches[0]!, caughtUp: false };
      },
    };
    const received: DatasetRecord[] = [];
    await expect(
      sync(repeating, { sink: callbackSink((r) => void received.push(...r)) }),
    ).rejects.toBeInstanceOf(SyncStalledError);
    expect(received).toHaveLength(batches[0]!.records.length);
  });

  it('requires a sink', async () => {
    await expect(sync(createMemoryAdapter(), {} as never)).rejects.toThrow(/sink/);
  });
});
