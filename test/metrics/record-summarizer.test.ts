import { describe, expect, it } from 'vitest';
import { recordSummarizer, summarize } from '../../src/metrics/index.js';
import { datasetAsOf, generateDataset, streamDataset } from '../../src/testing/index.js';

const generated = { seed: 3, tickets: 120, days: 20, startDate: '2026-02-02', timeZone: 'Europe/Rome' };
const options = { asOf: datasetAsOf(generated), timeZone: 'Europe/Rome', ticketMemory: Infinity };

describe('recordSummarizer', () => {
  it("shard states merged through its accumulator hold every shard's last ticket", () => {
    const records = [...streamDataset(generated)];
    const firstTicket = records.findIndex((r) => r.kind === 'tickets');
    const cut = records.findIndex((r, i) => i > records.length / 2 && r.kind === 'tickets');
    const reference = records.slice(0, firstTicket);
    const a = recordSummarizer(options);
    const b = recordSummarizer(options);
    for (const record of records.slice(0, cut)) a.push(record);
    for (const record of [...reference, ...records.slice(cut)]) b.push(record);
    // Read the state before finish(): the ticket each shard was still grouping must be in it.
    const merged = recordSummarizer(options);
    merged.accumulator.merge(a.accumulator.toJSON()).merge(b.accumulator.toJSON());
    const whole = summarize(generateDataset(generated), options);
    expect(merged.finish().tickets.total).toBe(generated.tickets);
    expect(merged.accumulator.result()).toEqual(whole);
  });
});
