/**
 * A synced folder is a log: a second run appends a ticket's new version (and its new messages) after the first.
 * Read in one pass it would count that ticket twice; every reader must give the helpdesk as it stands now.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { summarize } from '../../src/metrics/index.js';
import {
  checkpointFile,
  jsonlFileSink,
  readDataset,
  summarizeJsonlFile,
  sync,
} from '../../src/sync/index.js';
import { generateDataset } from '../../src/testing/index.js';
import { runCli } from '../cli/run.js';

describe('a folder written by two sync runs', { timeout: 60_000 }, () => {
  it('reports each ticket once, in its latest version, in one pass, on two threads and from the CLI', async () => {
    const dataset = generateDataset({ seed: 21, tickets: 120, days: 20 });
    const asOf = new Date(dataset.asOf!.getTime() + 86_400_000);
    let clock = dataset.asOf!.getTime();
    const helpdesk = createMemoryAdapter(dataset, {
      pageSize: 40,
      now: () => {
        clock += 60_000;
        return new Date(clock);
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-log-'));
    const run = async () => {
      const saved = checkpointFile(join(dir, 'checkpoint.json'));
      const sink = jsonlFileSink(join(dir, 'records.jsonl'));
      try {
        await sync(helpdesk, { sink, checkpoint: saved.load(), onCheckpoint: saved.save });
      } finally {
        await sink.close();
      }
    };
    await run();
    // Between the runs an agent answers an open ticket and solves it.
    const open = dataset.tickets.find((t) => t.status === 'open' || t.status === 'new')!;
    await helpdesk.tickets.addMessage(open.id, { body: 'Fixed now', public: true, authorId: 'agent-1' });
    await helpdesk.tickets.update(open.id, { status: 'solved' });
    await run();

    const now = await readDataset(dir);
    expect(now.tickets).toHaveLength(120);
    expect(now.tickets.find((t) => t.id === open.id)!.status).toBe('solved');
    const expected = summarize(now, { asOf });
    expect(expected.tickets.total).toBe(120);
    const file = join(dir, 'records.jsonl');
    expect(await summarizeJsonlFile(file, { asOf, workers: 1 })).toEqual(expected);
    expect(await summarizeJsonlFile(file, { asOf, workers: 2 })).toEqual(expected);
    const cli = await runCli(['report', dir, '--json', '--as-of', asOf.toISOString()], { cwd: dir });
    expect(cli.stderr).toBe('');
    const report = JSON.parse(cli.stdout).report;
    expect(report.tickets).toEqual(JSON.parse(JSON.stringify(expected.tickets)));
    expect(report.firstReply).toEqual(JSON.parse(JSON.stringify(expected.firstReply)));
  });
});
