/**
 * Worker: summarise a JSONL dataset end to end with the built package (dist/); prints timing, peak RSS and the
 * figures DuckDB also computes. Modes: `one` — the full report on one thread (`summarizeRecords` over
 * `readJsonlRecords`); `all` — the full report on every core (`summarizeJsonlFile`); `subset` — only what the
 * DuckDB query computes (daily volumes, first reply, CSAT, NPS, tag counts), on one thread: the equal-work run.
 */
import { availableParallelism } from 'node:os';
import type * as Metrics from '../../src/metrics/index.js';
import type { DatasetRecord, Message, Ticket } from '../../src/models/index.js';
import type * as Sync from '../../src/sync/index.js';
import { peakRssMiB, root } from '../lib/measure.js';

const [path, asOfText, mode = 'one'] = process.argv.slice(2) as [string, string, string?];
const metrics: typeof Metrics = await import(`${root}/dist/metrics/index.js`);
const sync: typeof Sync = await import(`${root}/dist/sync/index.js`);
const asOf = new Date(asOfText);
const options = { asOf, timeZone: 'Europe/Rome', interval: 'day' as const };

interface Figures {
  tickets: number;
  days: number;
  createdPerDay: [string, number][];
  firstReplyMedian: number | null;
  firstReplyP90: number | null;
  csat: number | null;
  nps: number | null;
  tags: Record<string, number>;
}

async function fullReport(): Promise<Figures> {
  const report =
    mode === 'all'
      ? await sync.summarizeJsonlFile(path, { ...options, workers: availableParallelism() })
      : await metrics.summarizeRecords(sync.readJsonlRecords(path), options);
  return {
    tickets: report.tickets.total,
    days: report.volumes.length,
    createdPerDay: report.volumes.map((v) => [v.period, v.created]),
    firstReplyMedian: report.firstReply.calendarMinutes.median,
    firstReplyP90: report.firstReply.calendarMinutes.p90,
    csat: report.csat.score,
    nps: report.nps.score,
    tags: Object.fromEntries(report.tagTrends.tags.map((t) => [t.tag, t.counts.reduce((a, b) => a + b, 0)])),
  };
}

/** The SQL subset, through the library's own accumulators and nothing else. */
async function subset(): Promise<Figures> {
  const volumes = metrics.volumesAccumulator(options);
  const firstReply = metrics.firstReplyAccumulator();
  const csat = metrics.csatAccumulator();
  const nps = metrics.npsAccumulator();
  const tags = new Map<string, number>();
  let ticket: Ticket | null = null;
  let messages: Message[] = [];
  const flush = () => {
    if (!ticket) return;
    const bundle = { ticket, messages, events: [] };
    volumes.add(bundle);
    firstReply.add(bundle);
  };
  for await (const batch of sync.readJsonlRecords(path))
    for (const record of batch as DatasetRecord[]) {
      if (record.kind === 'tickets') {
        flush();
        ticket = record.value;
        messages = [];
        for (const tag of ticket.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
      } else if (record.kind === 'messages') messages.push(record.value);
      else if (record.kind === 'csat' && record.value.rating !== null) csat.add(record.value.rating);
      else if (record.kind === 'nps') nps.add(record.value.score);
    }
  flush();
  const days = volumes.result();
  const reply = firstReply.result();
  return {
    tickets: days.reduce((n, d) => n + d.created, 0),
    days: days.length,
    createdPerDay: days.map((d) => [d.period, d.created]),
    firstReplyMedian: reply.calendarMinutes.median,
    firstReplyP90: reply.calendarMinutes.p90,
    csat: csat.result().score,
    nps: nps.result().score,
    tags: Object.fromEntries(tags),
  };
}

const started = performance.now();
const figures = mode === 'subset' ? await subset() : await fullReport();
console.log(JSON.stringify({ ms: performance.now() - started, peakRssMiB: peakRssMiB(), figures }));
