import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/index.js';
import { checkpointFile, jsonlFileSink, OutputLockedError, sync } from '../../src/sync/index.js';
import { generateDataset } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'supportkit-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
// Generated once, outside the tests: generating is the slow part on busy cores.
const data = generateDataset({ seed: 11, tickets: 30, days: 3 });
const childData = generateDataset({ seed: 5, tickets: 24, days: 3 }); // as in fixtures/sync-child.ts
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

/** Syncs everything of `data` into a fresh file and returns its lines, sorted: what every run must end with. */
async function reference(data: ReturnType<typeof generateDataset>, pageSize: number) {
  const path = join(dir, `reference-${Math.random()}.jsonl`);
  const sink = jsonlFileSink(path);
  await sync(createMemoryAdapter(data, { pageSize }), { sink });
  await sink.close();
  return lines(path).sort();
}

describe('the JSONL output lock', () => {
  it('two concurrent syncs on one output and checkpoint: one writes every record once, the other gets OutputLockedError', async () => {
    const expected = await reference(data, 5);
    const path = join(dir, 'shared.jsonl');
    const saved = checkpointFile(join(dir, 'shared.checkpoint.json'));
    const run = async () => {
      const sink = jsonlFileSink(path);
      try {
        return await sync(createMemoryAdapter(data, { pageSize: 5 }), {
          sink,
          checkpoint: saved.load(),
          onCheckpoint: saved.save,
        });
      } finally {
        await sink.close();
      }
    };
    const [first, second] = await Promise.allSettled([run(), run()]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    const error = (second as PromiseRejectedResult).reason as OutputLockedError;
    expect(error).toBeInstanceOf(OutputLockedError);
    expect(error.code).toBe('output_locked');
    expect(error.lockPath).toBe(`${path}.lock`);
    expect(error.message).toContain(`${path}.lock`);
    expect(lines(path).sort()).toEqual(expected); // nothing lost, nothing twice
    // Released on close: the next run takes the lock, resumes from the checkpoint and adds nothing.
    await expect(run()).resolves.toMatchObject({ records: 0 });
    expect(lines(path).sort()).toEqual(expected);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a sink whose lock another sync took over stops writing; lockStaleMs below 2 s is refused', async () => {
    expect(() => jsonlFileSink(join(dir, 'short.jsonl'), { lockStaleMs: 500 })).toThrow(/lockStaleMs/);
    const path = join(dir, 'taken.jsonl');
    const sink = jsonlFileSink(path, { lockStaleMs: 2000 });
    const records = [...(await reference(data, 5))].map((line) => JSON.parse(line));
    await sink.write(records.slice(0, 3));
    // Another process judged this lock stale (this one stalled) and made it its own: a different mtime.
    const theirs = new Date(Date.now() + 60_000);
    utimesSync(`${path}.lock`, theirs, theirs);
    let error: unknown;
    for (let waited = 0; !error && waited < 10_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the holder checks its lock every second
      error = await sink.write([]).catch((e: unknown) => e);
    }
    expect(error).toBeInstanceOf(OutputLockedError);
    await expect(sink.write(records.slice(3))).rejects.toBeInstanceOf(OutputLockedError);
    expect(lines(path)).toHaveLength(3);
    await sink.close();
    expect(existsSync(`${path}.lock`)).toBe(true); // the other sync's lock is left alone
  }, 20_000);

  it('a sync in a process killed mid-sync holds the output until its lock is stale; then a restart takes it over and completes', async () => {
    const staleMs = 3000;
    const expected = await reference(childData, 4);
    const out = join(dir, 'killed.jsonl');
    const saved = join(dir, 'killed.checkpoint.json');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./fixtures/sync-child.ts', import.meta.url)),
        out,
        saved,
        String(staleMs),
        '2',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    // Wait until the child has saved its second checkpoint and stopped there, alive and holding the lock.
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('batch 2\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the child exited early (${code})`)));
    });
    expect(() => jsonlFileSink(out, { lockStaleMs: staleMs })).toThrow(OutputLockedError); // alive: refused
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL'); // no exit handler runs: the lock is left behind
    await exited;
    const killedAt = Date.now();
    expect(existsSync(`${out}.lock`)).toBe(true);
    expect(() => jsonlFileSink(out, { lockStaleMs: staleMs })).toThrow(OutputLockedError); // not stale yet

    // Retry as a scheduler would until the staleness window has passed.
    let sink: ReturnType<typeof jsonlFileSink> | undefined;
    while (!sink) {
      try {
        sink = jsonlFileSink(out, { lockStaleMs: staleMs });
      } catch (error) {
        expect(error).toBeInstanceOf(OutputLockedError);
        expect(Date.now() - killedAt).toBeLessThan(staleMs + 5000);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const store = checkpointFile(saved);
    const checkpoint = store.load();
    expect(checkpoint).not.toBeNull(); // the restart resumes, it does not start over
    try {
      await sync(createMemoryAdapter(childData, { pageSize: 4 }), {
        sink,
        checkpoint,
        onCheckpoint: store.save,
      });
    } finally {
      await sink.close();
    }
    expect(lines(out).sort()).toEqual(expected);
  }, 60_000); // a child process: its TypeScript start-up alone takes seconds on busy cores
});
