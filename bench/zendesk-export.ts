/**
 * Listing tickets through Zendesk's incremental export from a local server on 127.0.0.1 (1000 per page):
 * supportkit vs node-zendesk vs a bare fetch + JSON.parse loop (the floor), at 50k and 200k tickets, each run in
 * its own process. Targets: supportkit's peak RSS does not grow with tickets (≤ 1.2× from 50k to 200k), and its
 * throughput is ≥ 0.8× the bare loop's.
 *
 *   npx tsx bench/zendesk-export.ts [tickets=200000]
 */
import { machine, runWorker, writeResult } from './lib/measure.js';

interface Run {
  way: string;
  tickets: number;
  seconds: number;
  ticketsPerSecond: number;
  peakRssMiB: number;
}
const large = Number(process.argv[2] ?? 200_000);
const small = Math.round(large / 4);
const run = (way: string, n: number) => runWorker<Run>('zendesk-export.ts', [way, String(n)]);
const results: Record<string, Record<string, Run>> = {};
for (const n of [small, large]) {
  results[n] = {
    bare: run('bare', n),
    supportkit: run('supportkit', n),
    nodeZendesk: run('node-zendesk', n),
  };
}
const big = results[large]!;
const result = {
  benchmark: 'incremental ticket export from a local server, 1000 per page',
  results,
  throughputVsBare: big.supportkit!.ticketsPerSecond / big.bare!.ticketsPerSecond,
  rssGrowth: big.supportkit!.peakRssMiB / results[small]!.supportkit!.peakRssMiB,
  nodeZendeskListed: `${big.nodeZendesk!.tickets} of ${large}`,
  targets: { throughputVsBare: '≥ 0.8', rssGrowth: '≤ 1.2' },
  machine: machine(),
};
writeResult('zendesk-export', result);
console.log(JSON.stringify(result, null, 2));
