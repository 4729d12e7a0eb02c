/**
 * Issue #35 end to end: the same people in two helpdesks (a Zendesk, through its fake over msw, and a memory
 * helpdesk), each synced into its folder by the command line, one of them killed and resumed; then one card
 * found by e-mail and by phone across both folders, and a report that names agents, groups and organizations.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import type { Dataset, DatasetRecord } from '../../src/models/dataset.js';
import { parseDataset } from '../../src/models/index.js';
import { checkpointFile, jsonlFileSink, sync } from '../../src/sync/index.js';
import { streamHelpdesks } from '../../src/testing/index.js';
import { fakeZendesk } from '../adapters/zendesk/fake.js';
import { runCli } from './run.js';

const PEOPLE = new Set(['customers', 'agents', 'groups', 'organizations']);

/** The two desks' datasets: records of each desk, and the shared reference data (agents, groups…) in both. */
function desks(): { zendesk: Dataset; memory: Dataset } {
  const lists = { zendesk: new Map<string, unknown[]>(), memory: new Map<string, unknown[]>() };
  const push = (desk: 'zendesk' | 'memory', record: DatasetRecord) => {
    const list = lists[desk].get(record.kind) ?? [];
    list.push(record.value);
    lists[desk].set(record.kind, list);
  };
  let desk: 'zendesk' | 'memory' = 'zendesk';
  for (const record of streamHelpdesks({
    seed: 11,
    tickets: 160,
    days: 30,
    helpdesks: ['zendesk', 'memory'],
    phoneFormat: 'e164',
  })) {
    const value = record.value as { source?: { adapter: string }; sources?: { adapter: string }[] };
    const adapter = value.source?.adapter ?? value.sources?.[0]?.adapter;
    if (record.kind === 'tickets') desk = adapter as typeof desk;
    if (adapter === 'zendesk' || adapter === 'memory') push(adapter, record);
    else if (record.kind === 'messages' || record.kind === 'events') push(desk, record);
    else {
      push('zendesk', record);
      push('memory', record);
    }
  }
  const dataset = (m: Map<string, unknown[]>) => parseDataset(Object.fromEntries(m));
  return { zendesk: dataset(lists.zendesk), memory: dataset(lists.memory) };
}

const { zendesk, memory } = desks();
const fake = fakeZendesk(zendesk);
const server = setupServer(...fake.handlers);
const env = { ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: 'admin@acme.test', ZENDESK_TOKEN: 'tok' };
let dir: string;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  dir = mkdtempSync(join(tmpdir(), 'supportkit-people-'));
});
afterAll(() => server.close());

const versions = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { kind: string; value: { id: string; updatedAt?: string } })
    .filter((r) => PEOPLE.has(r.kind))
    .map((r) => `${r.kind}:${r.value.id}:${r.value.updatedAt ?? ''}`);

describe('the whole helpdesk in one sync (#35)', { timeout: 120_000 }, () => {
  it('a Zendesk sync stopped after its first batch and resumed writes each person once, as one run does', async () => {
    const whole = await runCli(['sync', 'zendesk', '--out', 'zd-once', '--json'], { cwd: dir, env });
    expect(whole.code).toBe(0);
    const summary = JSON.parse(whole.stdout);
    expect(summary.people).toBeGreaterThan(0);
    const stop = new AbortController();
    stop.abort(); // Ctrl-C during the first batch
    const stopped = await runCli(['sync', 'zendesk', '--out', 'zd'], { cwd: dir, env, signal: stop.signal });
    expect(stopped.code).toBe(130);
    const resumed = await runCli(['sync', 'zendesk', '--out', 'zd', '--json'], { cwd: dir, env });
    expect(JSON.parse(resumed.stdout)).toMatchObject({ resumed: true, interrupted: false });
    const once = versions(join(dir, 'zd-once', 'records.jsonl'));
    const twice = versions(join(dir, 'zd', 'records.jsonl'));
    expect(new Set(twice).size).toBe(twice.length); // no version written twice
    expect([...twice].sort()).toEqual([...once].sort());
    expect(once.filter((v) => v.startsWith('customers:')).length).toBe(zendesk.customers.length);
  });

  it('one card by e-mail and by phone across the Zendesk and the memory folder; the report names people', async () => {
    const out = join(dir, 'mem');
    const saved = checkpointFile(join(out, 'checkpoint.json'));
    const sink = jsonlFileSink(join(out, 'records.jsonl'));
    try {
      await sync(createMemoryAdapter(memory), { sink, checkpoint: saved.load(), onCheckpoint: saved.save });
    } finally {
      await sink.close();
    }
    // Someone on both desks: the memory desk knows their e-mail (in another case) and their phone.
    const both = memory.customers.find((c) => {
      const email = c.identities.find((i) => i.kind === 'email')?.value.toLowerCase();
      return (
        c.identities.some((i) => i.kind === 'phone') &&
        zendesk.customers.some((z) =>
          z.identities.some((i) => i.kind === 'email' && i.value.toLowerCase() === email),
        )
      );
    })!;
    const email = both.identities.find((i) => i.kind === 'email')!.value;
    const phone = both.identities.find((i) => i.kind === 'phone')!.value;
    const asOf = ['--as-of', '2026-12-01T00:00:00Z', '--json'];
    const byEmail = await runCli(['card', 'zd', 'mem', '--email', email.toUpperCase(), ...asOf], {
      cwd: dir,
    });
    expect(byEmail.stderr).toBe('');
    expect(byEmail.stdout).not.toBe('');
    const card = JSON.parse(byEmail.stdout);
    expect(new Set(card.records.map((r: { adapter: string }) => r.adapter))).toEqual(
      new Set(['zendesk', 'memory']),
    );
    const byPhone = await runCli(['card', 'zd', 'mem', '--phone', phone, ...asOf], { cwd: dir });
    expect(JSON.parse(byPhone.stdout).id).toBe(card.id);

    const report = await runCli(['report', 'zd', '--json'], { cwd: dir });
    expect(report.stderr).toBe('');
    const data = JSON.parse(report.stdout);
    const agentRows = data.report.breakdowns.agent.map((row: { key: string }) => row.key);
    const named = agentRows.filter((key: string) => data.names.agent[key] !== undefined);
    expect(named.length).toBeGreaterThan(0);
    const text = (await runCli(['report', 'zd'], { cwd: dir })).stdout;
    expect(text).toContain(data.names.agent[named[0]]);
  });
});
