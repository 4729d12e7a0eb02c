/**
 * Golden reports: `summarize` and `summaryAccumulator` on generated datasets, byte for byte against files
 * recorded before summarize was rebuilt from the per-metric accumulators. Any change to a number, a key order or
 * the accumulator's JSON state (which users keep in files and merge later) fails here.
 *
 * To record again after an intended change: `UPDATE_GOLDEN=1 npx vitest run test/metrics/summarize-golden`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bundleDataset,
  type Dataset,
  type SummaryInput,
  type SummaryOptions,
  summarize,
  summarizeRecords,
  summaryAccumulator,
} from '../../src/index.js';
import { type GenerateOptions, generateDataset, streamDataset } from '../../src/testing/index.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `text` with the golden file `name` (or writes it when recording). JSON goldens are compared in their
 * compact form, parsed and stringified again: the formatter may re-indent the files, but a number, a key or a
 * key's place changes that form (JSON numbers round-trip exactly through parse and stringify).
 */
function expectGolden(name: string, text: string): void {
  const file = new URL(name, GOLDEN);
  const json = name.endsWith('.json');
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${json ? JSON.stringify(JSON.parse(text), null, 2) : text}\n`);
    return;
  }
  expect(existsSync(file), `${name} is recorded`).toBe(true);
  const recorded = readFileSync(file, 'utf8');
  expect(text).toBe(json ? JSON.stringify(JSON.parse(recorded)) : recorded.replace(/\n$/, ''));
}

/** A golden JSON file in its compact form. */
const readGolden = (name: string) => JSON.parse(readFileSync(new URL(name, GOLDEN), 'utf8'));

/** A digest for the large states, so the golden files stay small while still pinning every byte. */
const digest = (text: string) => `${text.length} ${createHash('sha256').update(text).digest('hex')}`;

interface Case {
  name: string;
  generate: GenerateOptions;
  options?: (dataset: Dataset) => SummaryOptions;
  /** Reshapes the generated dataset (no schedules, extra SLA policies, deleted tickets…). */
  reshape?: (dataset: Dataset) => Dataset;
  /** Store the full JSON state (small datasets) rather than its digest. */
  fullState?: boolean;
}

/** Policies that exercise the parts of SLA the generated one does not: undecided matches, every metric. */
function withPolicyMix(dataset: Dataset): Dataset {
  const [standard] = dataset.slaPolicies;
  const undecided = {
    ...standard!,
    id: 'sla-brand',
    title: 'Brand',
    position: 0,
    filter: {
      ...standard!.filter,
      channels: ['email' as const],
      unmappedConditions: [{ group: 'all' as const, field: 'brand_id', operator: 'is', value: '10001' }],
    },
  };
  const everything = {
    ...standard!,
    id: 'sla-all-metrics',
    title: 'All metrics',
    position: 1,
    filter: { ...standard!.filter, channels: ['chat' as const, 'phone' as const, 'web' as const] },
    targets: (['low', 'normal', 'high', 'urgent'] as const).flatMap((priority, i) =>
      (
        ['firstReply', 'nextReply', 'periodicUpdate', 'requesterWait', 'agentWork', 'resolution'] as const
      ).map((metric, j) => ({
        priority,
        metric,
        minutes: 30 * (i + 1) * (j + 1),
        businessHours: (i + j) % 2 === 0,
      })),
    ),
  };
  const standardLast = { ...standard!, position: 2 };
  // Half the tickets lose their applied-policy event, so the policy is chosen by matching.
  const dropped = new Set(dataset.tickets.filter((_, i) => i % 2 === 0).map((t) => t.id));
  return {
    ...dataset,
    slaPolicies: [standardLast, undecided, everything],
    events: dataset.events.filter((e) => !(e.type === 'sla' && dropped.has(e.ticketId))),
    // A few tickets deleted in the helpdesk.
    tickets: dataset.tickets.map((t, i) => (i % 17 === 3 ? { ...t, status: 'deleted' as const } : t)),
  };
}

const CASES: Case[] = [
  { name: 'seed1-t60', generate: { seed: 1, tickets: 60, days: 20 }, fullState: true },
  {
    name: 'seed7-t200-newyork-fivepoint',
    generate: { seed: 7, tickets: 200, days: 45, timeZone: 'America/New_York', csatScale: 'five-point' },
    options: () => ({ timeZone: 'America/New_York', interval: 'day' }),
  },
  {
    // Christmas closure, New Year and Epiphany holidays, and the March DST change.
    name: 'seed42-t400-holidays-dst',
    generate: { seed: 42, tickets: 400, days: 120, startDate: '2025-12-01' },
    options: () => ({ timeZone: 'Europe/Rome', interval: 'month', recentPeriods: 2 }),
  },
  {
    name: 'seed3-t150-no-schedules',
    generate: { seed: 3, tickets: 150, days: 30, timeZone: 'Asia/Kolkata' },
    reshape: (d) => ({ ...d, schedules: [] }),
    fullState: true,
  },
  {
    name: 'seed5-t160-policy-mix',
    generate: { seed: 5, tickets: 160, days: 40 },
    reshape: withPolicyMix,
    options: () => ({ recentPeriods: 3 }),
  },
  {
    name: 'seed5-t160-policy-mix-deleted-schedule',
    generate: { seed: 5, tickets: 160, days: 40, csatScale: 'five-point' },
    reshape: withPolicyMix,
    options: (d) => ({ includeDeleted: true, schedule: d.schedules[1]!, interval: 'day', timeZone: 'UTC' }),
  },
  {
    name: 'seed11-t80-policy-mix-no-schedules',
    generate: { seed: 11, tickets: 80, days: 15 },
    reshape: (d) => ({ ...withPolicyMix(d), schedules: [] }),
    fullState: true,
  },
];

/** Adds a dataset to accumulators the way summarize does; surveys go to the shard that holds their ticket. */
function feed(dataset: Dataset, shards: ReturnType<typeof summaryAccumulator>[]): void {
  const shardOf = new Map<string, number>();
  for (const acc of shards) {
    for (const value of dataset.schedules) acc.add({ kind: 'schedules', value });
    for (const value of dataset.groups) acc.add({ kind: 'groups', value });
    for (const value of dataset.slaPolicies) acc.add({ kind: 'slaPolicies', value });
  }
  let i = 0;
  for (const value of bundleDataset(dataset)) {
    const shard = i++ % shards.length;
    shardOf.set(value.ticket.id, shard);
    shards[shard]!.add({ kind: 'bundle', value });
  }
  const survey = (input: SummaryInput & { value: { ticketId?: string | null } }) =>
    shards[(input.value.ticketId && shardOf.get(input.value.ticketId)) || 0]!.add(input);
  for (const value of dataset.csat) survey({ kind: 'csat', value });
  for (const value of dataset.nps) survey({ kind: 'nps', value });
  for (const value of dataset.ces) survey({ kind: 'ces', value });
}

describe('summarize golden reports', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const generated = generateDataset(c.generate);
      const dataset = c.reshape ? c.reshape(generated) : generated;
      const options = { asOf: dataset.asOf!, ...c.options?.(dataset) };

      it('summarize() report', () => {
        expectGolden(`${c.name}.report.json`, JSON.stringify(summarize(dataset, options)));
      });

      it('accumulator state, JSON round trip and merge of a saved state', () => {
        const acc = summaryAccumulator(options);
        feed(dataset, [acc]);
        const state = JSON.stringify(acc.toJSON());
        expectGolden(
          `${c.name}.state.${c.fullState ? 'json' : 'sha256'}`,
          c.fullState ? state : digest(state),
        );
        // A state read back from JSON merges into a fresh accumulator and gives the same state and report.
        const restored = summaryAccumulator(options).merge(JSON.parse(state));
        expect(JSON.stringify(restored.toJSON())).toBe(state);
        expect(JSON.stringify(restored.result())).toBe(JSON.stringify(summarize(dataset, options)));
      });

      it('three shards merged from JSON', () => {
        const shards = [0, 1, 2].map(() => summaryAccumulator(options));
        feed(dataset, shards);
        const whole = summaryAccumulator(options);
        for (const shard of shards) whole.merge(JSON.parse(JSON.stringify(shard.toJSON())));
        expectGolden(`${c.name}.sharded.sha256`, digest(JSON.stringify(whole.toJSON())));
        expectGolden(`${c.name}.sharded-report.sha256`, digest(JSON.stringify(whole.result())));
      });
    });
  }

  it('summarizeRecords() over the generator stream', async () => {
    const generate = { seed: 13, tickets: 120, days: 25, csatScale: 'five-point' as const };
    const asOf = generateDataset(generate).asOf!;
    const report = await summarizeRecords(streamDataset(generate), { asOf, interval: 'day' });
    expectGolden('seed13-t120-records.report.json', JSON.stringify(report));
  });

  it('a state saved by an older release still merges (the recorded full states)', () => {
    for (const c of CASES.filter((c) => c.fullState)) {
      const generated = generateDataset(c.generate);
      const dataset = c.reshape ? c.reshape(generated) : generated;
      const options = { asOf: dataset.asOf!, ...c.options?.(dataset) };
      const report = summaryAccumulator(options)
        .merge(readGolden(`${c.name}.state-0.2.json`))
        .result();
      // States saved by 0.2 (before the organization breakdown): it is empty: it is empty, everything else is as recorded.
      expect(report.breakdowns.organization).toEqual([]);
      const golden = readGolden(`${c.name}.report.json`);
      golden.breakdowns.organization = [];
      expect(JSON.stringify(report)).toBe(JSON.stringify(golden));
    }
  });
});
