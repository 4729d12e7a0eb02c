import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bundleDataset,
  firstReplyTime,
  MetricsReport,
  parse,
  parseDataset,
  parseTicket,
  summarize,
  summarizeRecords,
  summaryAccumulator,
  type Ticket,
  tagTrends,
  tagTrendsAccumulator,
  ValidationError,
  volumes,
  volumesAccumulator,
} from '../../src/index.js';
import { datasetAsOf, generateDataset, RISING_TAGS, streamDataset } from '../../src/testing/index.js';

const t = (id: string, createdAt: string, tags: string[] = [], extra: Record<string, unknown> = {}): Ticket =>
  parseTicket({
    id,
    subject: '',
    status: 'open',
    requesterId: 'c',
    createdAt,
    updatedAt: createdAt,
    tags,
    ...extra,
  });
const status = (ticketId: string, at: string, from: string | null, to: string) => ({
  id: `${ticketId}-${at}-${to}`,
  ticketId,
  type: 'status',
  at,
  from,
  to,
});

describe('volumes', () => {
  it('hand-worked: created, solved and backlog per local day', () => {
    const dataset = parseDataset({
      tickets: [
        // Created 2026-03-01 23:30 Rome (22:30Z): day 03-01 in Rome, 03-01 in UTC too.
        t('a', '2026-03-01T22:30:00Z'),
        // Created 2026-03-01 23:30Z = 03-02 00:30 Rome: a different day in Rome than in UTC.
        t('b', '2026-03-01T23:30:00Z'),
        t('c', '2026-03-02T10:00:00Z'),
      ],
      events: [
        status('a', '2026-03-01T22:30:00Z', null, 'new'),
        status('a', '2026-03-02T09:00:00Z', 'new', 'solved'), // solved on 03-02
        status('b', '2026-03-01T23:30:00Z', null, 'new'),
        status('b', '2026-03-03T09:00:00Z', 'new', 'solved'), // solved on 03-03
        status('b', '2026-03-03T12:00:00Z', 'solved', 'open'), // reopened the same day: backlog again
        status('c', '2026-03-02T10:00:00Z', null, 'new'),
        status('c', '2026-03-02T11:00:00Z', 'new', 'solved'), // solved the day it was created
      ],
    });
    const rome = volumes(dataset, { interval: 'day', timeZone: 'Europe/Rome' });
    expect(rome.map((p) => [p.period, p.created, p.solved, p.backlog])).toEqual([
      ['2026-03-01', 1, 0, 1], // a open at the end of the day
      ['2026-03-02', 2, 2, 1], // b, c created; a, c solved; b still open
      ['2026-03-03', 0, 1, 1], // b solved then reopened: open at the end of the day
    ]);
    const utc = volumes(dataset, { interval: 'day', timeZone: 'UTC' });
    expect(utc.map((p) => [p.period, p.created])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 1],
      ['2026-03-03', 0],
    ]);
    expect(rome[0]!.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
  });

  it('weeks start on Monday and months follow the calendar; bad options are ValidationErrors naming them', () => {
    const dataset = parseDataset({
      tickets: [t('a', '2026-03-01T12:00:00Z'), t('b', '2026-03-02T12:00:00Z')],
    });
    expect(volumes(dataset, { interval: 'week' }).map((p) => p.period)).toEqual(['2026-02-23', '2026-03-02']);
    expect(volumes(dataset, { interval: 'month' }).map((p) => [p.period, p.created])).toEqual([
      ['2026-03-01', 2],
    ]);
    expect(() => volumes(dataset, { interval: 'year' as never })).toThrow(/\binterval: /);
    expect(() => volumes(dataset, { timeZone: 'Mars/Base' })).toThrow(/\btimeZone: /);
    expect(volumes(parseDataset({}))).toEqual([]);
  });
});

describe('tagTrends', () => {
  // Four weeks of 100 tickets each: "billing" steady at 20%, "api" rising 2% → 2% → 2% → 30%.
  const tickets: Ticket[] = [];
  for (let week = 0; week < 4; week++) {
    for (let i = 0; i < 100; i++) {
      const day = String(2 + week * 7).padStart(2, '0');
      const tags = [];
      if (i < 20) tags.push('billing');
      if (i >= 50 && i < 50 + (week === 3 ? 30 : 2)) tags.push('api');
      if (i < 5) tags.push('refund'); // always with billing
      tickets.push(t(`${week}-${i}`, `2026-03-${day}T10:00:00Z`, tags));
    }
  }

  it('flags the rising tag by a significance test, not the steady one', () => {
    const trends = tagTrends({ tickets }, { interval: 'week' });
    expect(trends.periods).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(trends.baseline).toEqual({ from: '2026-03-02', to: '2026-03-16' });
    const api = trends.tags.find((x) => x.tag === 'api')!;
    const billing = trends.tags.find((x) => x.tag === 'billing')!;
    expect(api.counts).toEqual([2, 2, 2, 30]);
    expect(api.baselineShare).toBeCloseTo(2, 12);
    expect(api.recentShare).toBe(30);
    expect(api.growth).toBeCloseTo(15, 12);
    expect(api.rising).toBe(true);
    expect(api.pValue!).toBeLessThan(1e-10);
    expect(billing.rising).toBe(false);
    expect(billing.growth).toBe(1);
  });

  it('computes co-occurrence lift: P(a∧b) / (P(a)·P(b))', () => {
    const trends = tagTrends({ tickets }, { interval: 'week' });
    const pair = trends.cooccurrence.find((p) => p.tags.join() === 'billing,refund')!;
    // 20 tickets with both of 400; billing on 80, refund on 20: lift = (20·400)/(80·20) = 5.
    expect(pair).toEqual({ tags: ['billing', 'refund'], count: 20, lift: 5 });
  });

  // Generating the dataset dominates; under a full parallel run on two cores it can pass 5 s.
  it('finds the generator’s rising tags in generated data', { timeout: 30_000 }, () => {
    const dataset = generateDataset({ seed: 8, tickets: 6000, days: 84 });
    const trends = tagTrends(dataset, { interval: 'week', timeZone: 'Europe/Rome', baseline: { recent: 3 } });
    const rising = trends.tags.filter((x) => x.rising).map((x) => x.tag);
    for (const { tag } of RISING_TAGS) expect(rising).toContain(tag);
    expect(rising).not.toContain('billing');
  });
});

describe('summarize', () => {
  const options = { seed: 21, tickets: 1500, days: 42 };
  const dataset = generateDataset(options);
  const report = summarize(dataset, { timeZone: 'Europe/Rome', interval: 'week' });

  it('is a valid MetricsReport that survives JSON', () => {
    expect(parse(MetricsReport, JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('agrees with the single-ticket functions and with itself', () => {
    expect(report.tickets.total).toBe(1500);
    expect(report.volumes.reduce((sum, p) => sum + p.created, 0)).toBe(1500);
    expect(report.firstReply.replied + report.firstReply.unreplied).toBe(1500);
    const groups = new Map(dataset.groups.map((g) => [g.id, g]));
    const schedules = new Map(dataset.schedules.map((s) => [s.id, s]));
    const calendar: number[] = [];
    const business: number[] = [];
    for (const { ticket, messages } of bundleDataset(dataset)) {
      const schedule = schedules.get(groups.get(ticket.groupId!)!.scheduleId!)!;
      const reply = firstReplyTime(ticket, messages, { schedule });
      if (reply) {
        calendar.push(reply.calendarMinutes);
        business.push(reply.businessMinutes!);
      }
    }
    calendar.sort((a, b) => a - b);
    business.sort((a, b) => a - b);
    const median = (xs: number[]) =>
      xs.length % 2 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2;
    expect(report.firstReply.calendarMinutes.median).toBeCloseTo(median(calendar), 9);
    expect(report.firstReply.businessMinutes?.median).toBeCloseTo(median(business), 9);
    const byChannel = report.breakdowns.channel.reduce((sum, row) => sum + row.tickets, 0);
    expect(byChannel).toBe(1500);
    expect(report.nps.n).toBe(dataset.nps.length);
    expect(report.sla.find((s) => s.metric === 'firstReply')!.achieved).toBeGreaterThan(0);
  });

  it('streams records to the same report, and refuses records out of place', {
    timeout: 30_000,
  }, async () => {
    const streamed = await summarizeRecords(streamDataset(options), {
      asOf: datasetAsOf(options),
      timeZone: 'Europe/Rome',
      interval: 'week',
    });
    expect(streamed).toEqual(report);
    // Surveys follow their ticket in the stream, so remembering a single ticket attributes them all the same.
    const forgetful = await summarizeRecords(streamDataset(options), {
      asOf: datasetAsOf(options),
      timeZone: 'Europe/Rome',
      interval: 'week',
      ticketMemory: 1,
    });
    expect(forgetful).toEqual(report);
    const records = [...streamDataset({ seed: 1, tickets: 3, days: 1 })];
    const message = records.find((r) => r.kind === 'messages')!;
    await expect(summarizeRecords([message], { asOf: 1e12 })).rejects.toThrow(ValidationError);
  });

  it('needs asOf when the dataset has none', () => {
    expect(() => summarize(parseDataset({}))).toThrow(/asOf/);
    expect(summarize(parseDataset({}), { asOf: 1e12 }).firstReply.calendarMinutes.median).toBeNull();
  });

  it('merge(shards) = whole for random splits of the tickets', () => {
    const asOf = dataset.asOf!;
    const bundles = [...bundleDataset(dataset)];
    const make = () => {
      const acc = summaryAccumulator({ asOf, timeZone: 'Europe/Rome', interval: 'week' });
      for (const value of dataset.schedules) acc.add({ kind: 'schedules', value });
      for (const value of dataset.groups) acc.add({ kind: 'groups', value });
      for (const value of dataset.slaPolicies) acc.add({ kind: 'slaPolicies', value });
      return acc;
    };
    const surveysOf = new Map<string, typeof dataset.csat>();
    for (const r of dataset.csat) surveysOf.set(r.ticketId!, [...(surveysOf.get(r.ticketId!) ?? []), r]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bundles.length - 1 }), { maxLength: 4 }),
        (cuts) => {
          const points = [...cuts].sort((a, b) => a - b);
          const merged = make();
          let from = 0;
          for (const to of [...points, bundles.length]) {
            const shard = make();
            for (const bundle of bundles.slice(from, to)) {
              shard.add({ kind: 'bundle', value: bundle });
              for (const value of surveysOf.get(bundle.ticket.id) ?? []) shard.add({ kind: 'csat', value });
            }
            merged.merge(JSON.parse(JSON.stringify(shard.toJSON())));
            from = to;
          }
          for (const value of dataset.nps) merged.add({ kind: 'nps', value });
          for (const value of dataset.ces) merged.add({ kind: 'ces', value });
          expect(merged.result()).toEqual(report);
        },
      ),
      { numRuns: 5 },
    );
  });
});

describe('volumes and tag-trend accumulators merge exactly', () => {
  const dataset = generateDataset({ seed: 3, tickets: 400, days: 30 });
  const bundles = [...bundleDataset(dataset)];
  it('for random splits', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bundles.length - 1 }), { maxLength: 5 }),
        (cuts) => {
          const points = [...cuts].sort((a, b) => a - b);
          const volumesMerged = volumesAccumulator({ interval: 'day', timeZone: 'America/New_York' });
          const trendsMerged = tagTrendsAccumulator({ interval: 'week', timeZone: 'America/New_York' });
          let from = 0;
          for (const to of [...points, bundles.length]) {
            const v = volumesAccumulator({ interval: 'day', timeZone: 'America/New_York' });
            const tt = tagTrendsAccumulator({ interval: 'week', timeZone: 'America/New_York' });
            for (const bundle of bundles.slice(from, to)) {
              v.add(bundle);
              tt.add(bundle.ticket);
            }
            volumesMerged.merge(JSON.parse(JSON.stringify(v)));
            trendsMerged.merge(JSON.parse(JSON.stringify(tt)));
            from = to;
          }
          expect(volumesMerged.result()).toEqual(
            volumes(dataset, { interval: 'day', timeZone: 'America/New_York' }),
          );
          expect(trendsMerged.result()).toEqual(
            tagTrends(dataset, { interval: 'week', timeZone: 'America/New_York' }),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses to merge different periods', () => {
    expect(() =>
      volumesAccumulator({ interval: 'day' }).merge(volumesAccumulator({ interval: 'week' })),
    ).toThrow(ValidationError);
  });
});

describe('summarize without a schedule', () => {
  it('reports business-hours SLA targets it cannot judge as unmeasured, not silently dropped', () => {
    const dataset = generateDataset({ seed: 2, tickets: 200, days: 14 });
    const report = summarize({ ...dataset, schedules: [] });
    const firstReply = report.sla.find((s) => s.metric === 'firstReply')!;
    // Urgent tickets have calendar-hours targets and are still judged; the rest are unmeasured.
    const urgent = dataset.tickets.filter((t) => t.priority === 'urgent').length;
    expect(urgent).toBeGreaterThan(0);
    expect(firstReply.achieved + firstReply.breached + firstReply.active).toBe(urgent);
    expect(firstReply.unmeasured).toBe(200 - urgent);
    expect(report.firstReply.businessMinutes).toBeNull();
    const counted = firstReply.achieved + firstReply.breached + firstReply.active + firstReply.unmeasured;
    expect(counted).toBe(200);
  });
});
