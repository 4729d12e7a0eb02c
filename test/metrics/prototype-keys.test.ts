import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundleDataset,
  parseDataset,
  statusDurations,
  summarize,
  summaryAccumulator,
  tagTrends,
  tagTrendsAccumulator,
  volumesAccumulator,
} from '../../src/index.js';

/** Keys that, on a plain `{}`, reach Object.prototype or shadow its methods. */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const key = fc.constantFrom(...HOSTILE, 'billing');

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  const probe: Record<string, unknown> = {};
  for (const name of ['calendarMinutes', 'tickets', 'billing', 'achieved', '1'])
    expect(probe[name]).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}
afterEach(expectPrototypeUntouched);

const rows = fc.array(
  fc.record({
    channel: key,
    agent: key,
    group: key,
    priority: key,
    status: key,
    tags: fc.array(key, { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);

type Rows = {
  channel: string;
  agent: string;
  group: string;
  priority: string;
  status: string;
  tags: string[];
}[];

function datasetOf(input: Rows) {
  return parseDataset({
    asOf: '2026-03-20T00:00:00Z',
    tickets: input.map((row, i) => ({
      id: `t${i}`,
      subject: '',
      status: 'open',
      requesterId: 'c',
      channel: row.channel,
      assigneeId: row.agent,
      groupId: row.group,
      priority: row.priority,
      tags: row.tags,
      createdAt: `2026-03-0${1 + (i % 9)}T09:00:00Z`,
      updatedAt: `2026-03-0${1 + (i % 9)}T09:00:00Z`,
    })),
    messages: input.flatMap((_, i) => [
      {
        id: `m${i}a`,
        ticketId: `t${i}`,
        authorId: 'c',
        authorRole: 'end-user',
        public: true,
        body: '',
        createdAt: `2026-03-0${1 + (i % 9)}T09:00:00Z`,
      },
      {
        id: `m${i}b`,
        ticketId: `t${i}`,
        authorId: 'a',
        authorRole: 'agent',
        public: true,
        body: '',
        createdAt: `2026-03-0${1 + (i % 9)}T09:30:00Z`,
      },
    ]),
    events: input.map((row, i) => ({
      id: `e${i}`,
      ticketId: `t${i}`,
      type: 'status',
      at: `2026-03-0${1 + (i % 9)}T10:00:00Z`,
      from: 'open',
      to: row.status,
    })),
  });
}

/** Counts of a key function over the parsed tickets, as a Map (the reference). */
function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(keyOf(item), (out.get(keyOf(item)) ?? 0) + 1);
  return out;
}

describe('keys that come from data never reach Object.prototype (STYLE 16)', () => {
  it('summarize breakdowns by channel, agent, group and priority count every key, __proto__ included', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const dataset = datasetOf(input as Rows);
        const report = summarize(dataset, { timeZone: 'UTC', interval: 'day' });
        const dims = {
          channel: (t: (typeof dataset.tickets)[number]) => t.channel,
          agent: (t: (typeof dataset.tickets)[number]) => t.assigneeId ?? '(unassigned)',
          group: (t: (typeof dataset.tickets)[number]) => t.groupId ?? '(no group)',
          priority: (t: (typeof dataset.tickets)[number]) => String(t.priority),
        } as const;
        for (const [dimension, keyOf] of Object.entries(dims)) {
          const expected = countBy(dataset.tickets, keyOf);
          const got = report.breakdowns[dimension as keyof typeof dims];
          expect(new Map(got.map((row) => [row.key, row.tickets]))).toEqual(expected);
          for (const row of got) expect(row.firstReply.calendarMinutes.n).toBe(expected.get(row.key));
        }
        expectPrototypeUntouched();
      }),
      { numRuns: 60 },
    );
  });

  it('summaryAccumulator shards shipped as JSON merge to the whole, hostile keys included', () => {
    fc.assert(
      fc.property(rows, fc.nat(), (input, cut) => {
        const dataset = datasetOf(input as Rows);
        const options = { asOf: dataset.asOf!, timeZone: 'UTC', interval: 'day' as const };
        const bundles = [...bundleDataset(dataset)];
        const k = cut % (bundles.length + 1);
        const left = summaryAccumulator(options);
        const right = summaryAccumulator(options);
        for (const [i, value] of bundles.entries()) (i < k ? left : right).add({ kind: 'bundle', value });
        const merged = summaryAccumulator(options)
          .merge(JSON.parse(JSON.stringify(left.toJSON())))
          .merge(JSON.parse(JSON.stringify(right.toJSON())));
        expect(merged.result()).toEqual(summarize(dataset, options));
        expectPrototypeUntouched();
      }),
      { numRuns: 60 },
    );
  });

  it('tagTrends counts hostile tags, and its JSON state merges back', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const dataset = datasetOf(input as Rows);
        const trends = tagTrends(dataset, { interval: 'day', timeZone: 'UTC', minPairSupport: 1 });
        const expected = countBy(
          dataset.tickets.flatMap((t) => [...new Set(t.tags)]),
          (tag) => tag,
        );
        expect(new Map(trends.tags.map((row) => [row.tag, row.counts.reduce((a, b) => a + b, 0)]))).toEqual(
          expected,
        );
        for (const pair of trends.cooccurrence) expect(Number.isFinite(pair.lift)).toBe(true);
        const shard = tagTrendsAccumulator({ interval: 'day', timeZone: 'UTC', minPairSupport: 1 });
        for (const ticket of dataset.tickets) shard.add(ticket);
        const merged = tagTrendsAccumulator({ interval: 'day', timeZone: 'UTC', minPairSupport: 1 }).merge(
          JSON.parse(JSON.stringify(shard.toJSON())),
        );
        expect(merged.result()).toEqual(trends);
        expectPrototypeUntouched();
      }),
      { numRuns: 60 },
    );
  });

  it('statusDurations reports time in a status named __proto__, constructor, toString…', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const dataset = datasetOf(input as Rows);
        for (const { ticket, events } of bundleDataset(dataset)) {
          const d = statusDurations(ticket, events, { asOf: '2026-03-01T12:00:00Z' });
          const status = events[0]!.to as string;
          expect(Object.keys(d.byStatus)).toContain(status);
          expect(typeof d.byStatus[status]?.calendarMinutes).toBe('number');
        }
        expectPrototypeUntouched();
      }),
      { numRuns: 30 },
    );
  });

  it('a volumes state read back from JSON with hostile keys does not reach the prototype', () => {
    const hostile = JSON.parse(
      '{"interval":"day","timeZone":"UTC","created":{"__proto__":{"polluted":1},"2026-03-01":2},"solved":{"constructor":1},"backlogDelta":{"2026-03-01":1}}',
    );
    const acc = volumesAccumulator({ interval: 'day', timeZone: 'UTC' }).merge(hostile);
    expect(JSON.parse(JSON.stringify(acc.toJSON())).created['2026-03-01']).toBe(2);
    expectPrototypeUntouched();
  });
});
