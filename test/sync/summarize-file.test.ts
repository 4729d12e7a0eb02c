import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeRecords } from '../../src/metrics/index.js';
import type { SummaryState } from '../../src/metrics/summarize.js';
import type { DatasetRecord } from '../../src/models/index.js';
import { readJsonlRecords, summarizeJsonlFile } from '../../src/sync/index.js';
import { jsonlShards } from '../../src/sync/jsonl-shards.js';
import { runShards } from '../../src/sync/shards.js';
import { datasetAsOf, streamDataset } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'supportkit-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const generated = { seed: 7, tickets: 600, days: 60, startDate: '2026-01-05', timeZone: 'Europe/Rome' };
const options = { asOf: datasetAsOf(generated), timeZone: 'Europe/Rome', interval: 'week' as const };
const records = [...streamDataset(generated)];
const write = (name: string, lines: readonly DatasetRecord[] | string) => {
  const path = join(dir, name);
  writeFileSync(
    path,
    typeof lines === 'string' ? lines : lines.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
  return path;
};
const summaryOptions = { ...options, asOf: options.asOf.getTime() };
const onePass = (path: string) => summarizeRecords(readJsonlRecords(path), options);
const file = write('dataset.jsonl', records);

describe('jsonlShards', () => {
  it('cuts at ticket lines only, covering the file without gaps', () => {
    const { header, ranges } = jsonlShards(file, 5);
    expect(ranges.length).toBe(5);
    expect(ranges[0]!.start).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).toBe(ranges[i - 1]!.end);
    expect(header).toBeGreaterThan(0);
  });

  it('gives one range when no line is a ticket', () => {
    const path = write(
      'surveys.jsonl',
      records.filter((r) => r.kind === 'nps'),
    );
    const { ranges } = jsonlShards(path, 4);
    expect(ranges).toEqual([{ start: 0, end: expect.any(Number) }]);
  });
});

describe('summarizeJsonlFile', () => {
  it('gives the one-pass report with worker threads', async () => {
    const expected = await onePass(file);
    expect(await summarizeJsonlFile(file, { ...options, workers: 3 })).toEqual(expected);
  }, 60_000);

  it('gives the one-pass report on the calling thread and in more ranges than workers would use', async () => {
    const expected = await onePass(file);
    expect(await summarizeJsonlFile(file, { ...options, workers: 1 })).toEqual(expected);
    expect(await summarizeJsonlFile(file, options)).toEqual(expected); // a small file: one thread by default
  }, 60_000);

  it('reads again in one pass when a schedule comes after tickets (later shards would miss it)', async () => {
    const schedules = records.filter((r) => r.kind === 'schedules');
    const rest = records.filter((r) => r.kind !== 'schedules');
    const late = write('late-schedules.jsonl', [...rest.slice(0, 200), ...schedules, ...rest.slice(200)]);
    expect(await summarizeJsonlFile(late, { ...options, workers: 2 })).toEqual(await onePass(late));
  }, 60_000);

  it('reads again in one pass when a CSAT response is far from its ticket', async () => {
    const csat = records.filter((r) => r.kind === 'csat');
    const rest = records.filter((r) => r.kind !== 'csat');
    const path = write('late-csat.jsonl', [...rest, ...csat]);
    expect(await summarizeJsonlFile(path, { ...options, workers: 2 })).toEqual(await onePass(path));
  }, 60_000);

  it('throws exactly the one-pass error when a shard fails: a bad line, a bad header line, a bad record', async () => {
    const lines = records.map((r) => JSON.stringify(r));
    const firstTicket = records.findIndex((r) => r.kind === 'tickets');
    const lastTicket = records.findLastIndex((r) => r.kind === 'tickets');
    const variants = {
      'bad line near the end': (l: string[]) => l.with(l.length - 5, '{"kind":"tickets","value":{"id":'),
      'bad schedule in the header': (l: string[]) => l.with(0, '{"kind":"schedules","value":{"timeZone":1}}'),
      'a ticket without createdAt in the last shard': (l: string[]) =>
        l.with(lastTicket, l[lastTicket]!.replace(/"createdAt":"[^"]*",/, '')),
    };
    expect(firstTicket).toBeGreaterThan(0);
    for (const [name, edit] of Object.entries(variants)) {
      const path = write(`bad-${name.replaceAll(' ', '-')}.jsonl`, `${edit(lines).join('\n')}\n`);
      const sharded = await summarizeJsonlFile(path, { ...options, workers: 2 }).catch((e: unknown) => e);
      const one = await onePass(path).catch((e: unknown) => e);
      expect(sharded, name).toMatchObject({ name: 'ValidationError' });
      expect(sharded, name).toEqual(one);
      expect(String(sharded)).not.toContain('"id"');
    }
  }, 120_000);

  it('refuses a misspelt option and a bad worker count before reading', async () => {
    await expect(summarizeJsonlFile(file, { ...options, workers: 0 })).rejects.toMatchObject({
      issues: [{ path: ['workers'] }],
    });
    await expect(
      summarizeJsonlFile(file, { ...options, timezone: 'Europe/Rome' } as unknown as typeof options),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(summarizeJsonlFile(join(dir, 'missing.jsonl'), options)).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(summarizeJsonlFile(dir, options)).rejects.toMatchObject({ name: 'ValidationError' });
    const { asOf: _, ...noAsOf } = options;
    await expect(summarizeJsonlFile(file, noAsOf as unknown as typeof options)).rejects.toMatchObject({
      issues: [{ path: ['asOf'] }],
    });
  });
});

describe('runShards', () => {
  it('runs each range in a worker thread, the ranges together holding every ticket once', async () => {
    const options = { ...summaryOptions, ticketMemory: 10_000 };
    const here = fileURLToPath(new URL('../../src/sync/summarize-file.ts', import.meta.url));
    const outcomes = await runShards<typeof options, SummaryState>(file, 2, {
      worker: 'summarize-worker',
      here,
      options,
      tolerateTornTail: false,
    });
    expect(outcomes).toHaveLength(2);
    const totals = outcomes!.map((o) => o.state.tickets.total);
    expect(totals.every((n) => n > 0)).toBe(true);
    expect(totals[0]! + totals[1]!).toBe(generated.tickets);
  }, 60_000);
});
