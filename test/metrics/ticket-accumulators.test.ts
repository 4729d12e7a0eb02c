import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bundleDataset,
  firstReplyAccumulator,
  reopensAccumulator,
  replyTimesAccumulator,
  resolutionAccumulator,
  slaAccumulator,
  statusDurationAccumulator,
  summarize,
  type TicketBundle,
} from '../../src/index.js';
import { generateDataset } from '../../src/testing/index.js';

const dataset = generateDataset({ seed: 31, tickets: 300, days: 21 });
const bundles = [...bundleDataset(dataset)];
const schedule = dataset.schedules.find((s) => s.id === 'sched-team')!;
const asOf = dataset.asOf!;
const policy = dataset.slaPolicies[0]!;

type Make = () => {
  add(b: TicketBundle): unknown;
  merge(s: unknown): unknown;
  result(): unknown;
  toJSON(): unknown;
};
const makers: Record<string, Make> = {
  firstReply: () => firstReplyAccumulator({ schedule }),
  replyTimes: () => replyTimesAccumulator({ schedule }),
  firstResolution: () => resolutionAccumulator({ schedule }),
  fullResolution: () => resolutionAccumulator({ which: 'full' }),
  requesterWait: () => statusDurationAccumulator({ asOf, schedule }),
  agentWait: () => statusDurationAccumulator({ asOf, aggregate: 'agentWait' }),
  reopens: () => reopensAccumulator(),
  sla: () => slaAccumulator(policy, { asOf, schedule }),
};

describe('per-ticket metric accumulators', () => {
  it.each(Object.keys(makers))('%s: merge(shards as JSON) = whole', (name) => {
    const make = makers[name]!;
    const whole = make();
    for (const b of bundles) whole.add(b);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bundles.length - 1 }), { maxLength: 4 }),
        (cuts) => {
          const merged = make();
          let from = 0;
          for (const to of [...[...cuts].sort((a, b) => a - b), bundles.length]) {
            const shard = make();
            for (const b of bundles.slice(from, to)) shard.add(b);
            merged.merge(JSON.parse(JSON.stringify(shard.toJSON())));
            from = to;
          }
          expect(merged.result()).toEqual(whole.result());
        },
      ),
      { numRuns: 10 },
    );
  });

  it('agree with summarize when given the same schedule', () => {
    const report = summarize(dataset, { schedule });
    const first = firstReplyAccumulator({ schedule });
    const reopen = reopensAccumulator();
    for (const b of bundles) {
      first.add(b);
      reopen.add(b);
    }
    expect(first.result().calendarMinutes).toEqual(report.firstReply.calendarMinutes);
    expect(first.result().businessMinutes).toEqual(report.firstReply.businessMinutes);
    expect(first.result().unmeasured).toBe(report.firstReply.unreplied);
    expect(reopen.result()).toMatchObject({
      reopenedTickets: report.tickets.reopenedTickets,
      reopens: report.tickets.reopens,
    });
  });

  it('rejects a wrong option', () => {
    expect(() => resolutionAccumulator({ which: 'last' as never })).toThrow(/\bwhich: /);
  });
});
