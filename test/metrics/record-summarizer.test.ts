import { describe, expect, it } from 'vitest';
import { recordSummarizer, summarize, summaryAccumulator } from '../../src/metrics/index.js';
import { datasetAsOf, generateDataset, streamDataset } from '../../src/testing/index.js';

const generated = { seed: 3, tickets: 120, days: 20, startDate: '2026-02-02', timeZone: 'Europe/Rome' };
const options = { asOf: datasetAsOf(generated), timeZone: 'Europe/Rome', ticketMemory: Infinity };
const records = [...streamDataset(generated)];

describe('recordSummarizer', () => {
  it("flush() ends each shard's last ticket, so merged shard states equal the whole", () => {
    const firstTicket = records.findIndex((r) => r.kind === 'tickets');
    const cut = records.findIndex((r, i) => i > records.length / 2 && r.kind === 'tickets');
    const a = recordSummarizer(options);
    const b = recordSummarizer(options);
    for (const record of records.slice(0, cut)) a.push(record);
    for (const record of [...records.slice(0, firstTicket), ...records.slice(cut)]) b.push(record);
    // Shard b ends with its last ticket's messages and events (nothing after them ends that ticket).
    expect(records.at(-1)!.kind).not.toBe('tickets');
    const inB = records.slice(cut).filter((r) => r.kind === 'tickets').length;
    a.flush();
    expect(b.accumulator.toJSON().tickets.total).toBe(inB - 1);
    b.flush();
    expect(b.accumulator.toJSON().tickets.total).toBe(inB);
    const merged = recordSummarizer(options);
    merged.accumulator.merge(a.accumulator.toJSON()).merge(b.accumulator.toJSON());
    expect(merged.finish()).toEqual(summarize(generateDataset(generated), options));
  }, 30_000);

  it('reading the accumulator mid-stream (a progress checkpoint) leaves the stream intact', () => {
    const checked = recordSummarizer(options);
    const plain = recordSummarizer(options);
    let tickets = 0;
    for (const record of records) {
      checked.push(record);
      plain.push(record);
      if (record.kind === 'tickets' && ++tickets % 10 === 0) checked.accumulator.toJSON();
    }
    expect(checked.finish()).toEqual(plain.finish());
  }, 30_000);

  it('a bundle object reused for every ticket gives the report of fresh objects (measures are remembered by bundle)', () => {
    const dataset = generateDataset({ tickets: 40, days: 5, seed: 3 });
    const asOf = datasetAsOf({ tickets: 40, days: 5, seed: 3 });
    const bundles = dataset.tickets.map((ticket) => ({
      ticket,
      messages: dataset.messages.filter((m) => m.ticketId === ticket.id),
      events: dataset.events.filter((e) => e.ticketId === ticket.id),
    }));
    const fresh = summaryAccumulator({ asOf, timeZone: 'Europe/Rome' });
    for (const bundle of bundles) fresh.add({ kind: 'bundle', value: { ...bundle } });
    const reused = summaryAccumulator({ asOf, timeZone: 'Europe/Rome' });
    const one = { ...bundles[0]! };
    for (const bundle of bundles) reused.add({ kind: 'bundle', value: Object.assign(one, bundle) });
    expect(reused.result()).toEqual(fresh.result());
    expect(fresh.result().firstReply.calendarMinutes.n).toBeGreaterThan(10);
  });
});
