import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'supportkit-sync-'));
});
const lines = (path: string) => readFileSync(join(dir, path), 'utf8').trim().split('\n');
const keys = (path: string) =>
  lines(path)
    .map((line) => {
      const { kind, value } = JSON.parse(line);
      return `${kind}:${value.id}`;
    })
    .sort();

describe('supportkit sync', { timeout: 30_000 }, () => {
  it('memory: writes records.jsonl and checkpoint.json, progress on stderr, a summary on stdout', async () => {
    const run = await runCli(['sync', 'memory', '--out', 'demo', '--tickets', '120', '--page-size', '50'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    // 50 a page: 1 of customers (48), 1 each of agents, groups, organizations, 3 of tickets, 1 each of NPS and CES.
    expect(run.stdout).toMatch(
      /^synced: \d+ records in 9 batches into demo\/records\.jsonl\nwrote 120 tickets and (\d+) people \((\d+) customers, (\d+) agents, (\d+) groups, (\d+) organizations\)\n$/,
    );
    const counted = (kind: string) =>
      lines('demo/records.jsonl').filter((l) => l.startsWith(`{"kind":"${kind}"`)).length;
    const [, people, ...byKind] =
      /and (\d+) people \((\d+) customers, (\d+) agents, (\d+) groups, (\d+) organizations/.exec(run.stdout)!;
    expect(byKind.map(Number)).toEqual(['customers', 'agents', 'groups', 'organizations'].map(counted));
    expect(Number(people)).toBe(byKind.map(Number).reduce((a, b) => a + b, 0));
    expect(Number(people)).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/^sync: \d+ records, \d+ batches, fetching\n/m);
    expect(lines('demo/records.jsonl').filter((l) => l.startsWith('{"kind":"tickets"'))).toHaveLength(120);
    expect(JSON.parse(readFileSync(join(dir, 'demo/checkpoint.json'), 'utf8'))).toMatchObject({
      adapter: 'memory',
    });
  });

  it('Ctrl-C stops after the current batch (exit 130); the next run resumes and ends with the same records', async () => {
    const full = await runCli(
      ['sync', 'memory', '--out', 'full', '--tickets', '120', '--page-size', '50', '--json'],
      { cwd: dir },
    );
    expect(JSON.parse(full.stdout)).toMatchObject({ batches: 9, resumed: false, interrupted: false });
    const controller = new AbortController();
    controller.abort(); // Ctrl-C pressed during the first batch
    const stopped = await runCli(
      ['sync', 'memory', '--out', 'part', '--tickets', '120', '--page-size', '50', '--json'],
      {
        cwd: dir,
        signal: controller.signal,
      },
    );
    expect(stopped.code).toBe(130);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ batches: 1, interrupted: true });
    expect(stopped.stderr).toContain('interrupted after batch 1');
    // The first batch is the customers' page (the feed carries people before tickets): 48 of them.
    expect(lines('part/records.jsonl').filter((l) => l.startsWith('{"kind":"customers"'))).toHaveLength(48);
    expect(lines('part/records.jsonl')).toHaveLength(48);
    const resumed = await runCli(
      ['sync', 'memory', '--out', 'part', '--tickets', '120', '--page-size', '50', '--json'],
      { cwd: dir },
    );
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ batches: 8, resumed: true, interrupted: false });
    expect(keys('part/records.jsonl')).toEqual(keys('full/records.jsonl'));
  });

  it('missing credentials name the variables, never a value; exit 1', async () => {
    const run = await runCli(['sync', 'zendesk', '--out', 'z'], {
      cwd: dir,
      env: { ZENDESK_SUBDOMAIN: 'acme' },
    });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'supportkit: missing zendesk credentials: ZENDESK_EMAIL, ZENDESK_TOKEN\n' +
        'hint: set those environment variables, or put "email", "token" in a --config file\n',
    });
    const trello = await runCli(['sync', 'trello', '--out', 't', '--json'], {
      cwd: dir,
      env: { TRELLO_KEY: 'sekrit-key' },
    });
    expect(JSON.parse(trello.stderr).error.code).toBe('missing_credentials');
    expect(trello.stderr).not.toContain('sekrit');
  });

  it('a bad config file is an error; usage errors are exit 2', async () => {
    writeFileSync(join(dir, 'rt.json'), '[1]');
    expect(
      (await runCli(['sync', 'request-tracker', '--config', 'rt.json', '--out', 'r'], { cwd: dir })).stderr,
    ).toContain('config rt.json is not a JSON object');
    expect((await runCli(['sync', 'freshdesk', '--out', 'x'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['sync', 'memory'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['sync', 'memory', '--out', 'x', '--token', 'abc'], { cwd: dir })).code).toBe(2);
  });
});

describe('supportkit sync against a helpdesk that rejects the credentials', { timeout: 30_000 }, () => {
  const server = setupServer(
    http.all('https://rt.example.test/*', () =>
      HttpResponse.json({ message: 'Unauthorized' }, { status: 401 }),
    ),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('says so in one line with a hint, and prints no secret', async () => {
    writeFileSync(
      join(dir, 'rt.json'),
      JSON.stringify({ baseUrl: 'https://rt.example.test', token: 'tok-SECRET-123' }),
    );
    const run = await runCli(['sync', 'request-tracker', '--config', 'rt.json', '--out', 'r'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(3);
    expect(run.stderr).toContain('hint: check the credentials in the environment or the config file');
    expect(run.stderr + run.stdout).not.toContain('SECRET');
  });
});

describe('sync progress', () => {
  it('shows rate-limit waits with their reason and remaining time, and retries with their cause', async () => {
    const { syncProgress } = await import('../../src/cli/progress.js');
    const { createEventBus } = await import('../../src/events/index.js');
    let stderr = '';
    const bus = createEventBus();
    const progress = syncProgress(
      {
        stdout: { write: () => {} },
        stderr: {
          write: (t) => {
            stderr += t;
          },
        },
        env: {},
        cwd: '.',
      },
      bus,
    );
    const event = { adapter: 'zendesk', method: 'GET', url: 'https://x.example/api', attempt: 1 };
    bus.emit('http.retry', { ...event, status: 429, delayMs: 30_000 });
    bus.emit('http.retry', { ...event, status: 503, delayMs: 2_000 });
    progress.update({ records: 100, batches: 1 });
    progress.stop();
    expect(stderr.split('\n')).toEqual([
      'sync: 0 records, 0 batches, waiting 30 s: rate limited by the helpdesk (429)',
      'sync: 0 records, 0 batches, waiting 2 s: retrying after HTTP 503',
      'sync: 100 records, 1 batches, fetching',
      '',
    ]);
  });
});

describe('supportkit sync as a process', { timeout: 120_000 }, () => {
  it('Ctrl-C (SIGINT) stops after the current batch with exit code 130; the checkpoint matches the file', async () => {
    const { spawn } = await import('node:child_process');
    const bin = join(import.meta.dirname, '../../src/cli/bin.ts');
    // tsx's loader by path: the child runs in a temporary folder, where a bare `tsx` would not resolve.
    const tsx = pathToFileURL(join(import.meta.dirname, '../../node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(
      process.execPath,
      ['--import', tsx, bin, 'sync', 'memory', '--out', 'big', '--tickets', '3000', '--page-size', '10'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('sync: ') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toMatch(
      /^stopped: \d+ records in \d+ batches into big\/records\.jsonl\nwrote \d+ tickets and \d+ people /,
    );
    expect(stderr).toMatch(/interrupted after batch \d+: everything up to it is saved/);
    const batches = Number(/in (\d+) batches/.exec(stdout)![1]);
    expect(batches).toBeLessThan(300);
    // The file holds exactly the feed's first `batches` batches, and the checkpoint is the last one's: nothing
    // written past what was saved. The same feed, in process, over the dataset the command generates.
    const { createMemoryAdapter } = await import('../../src/index.js');
    const { generateDataset } = await import('../../src/testing/index.js');
    const dataset = generateDataset({
      seed: 2026,
      tickets: 3000,
      days: 91,
      startDate: '2026-01-05',
      timeZone: 'Europe/Rome',
    });
    const expected: string[] = [];
    let checkpoint: unknown;
    let taken = 0;
    for await (const batch of createMemoryAdapter(dataset, { pageSize: 10 }).changes(null)) {
      if (taken++ === batches) break;
      expected.push(...batch.records.map((r) => `${r.kind}:${r.value.id}`));
      checkpoint = batch.checkpoint;
    }
    expect(keys('big/records.jsonl')).toEqual(expected.sort());
    expect(JSON.parse(readFileSync(join(dir, 'big/checkpoint.json'), 'utf8'))).toEqual(checkpoint);
  });
});
