/**
 * Listing tickets through Zendesk's incremental export from a local server on 127.0.0.1 (1000 per page):
 * supportkit vs node-zendesk vs a bare fetch + JSON.parse loop (the floor), at 50k and 200k tickets, each client
 * run in its own process. The server is one more process, started once for the run, so generating and
 * serialising the pages does not share the measured client's CPU, and every client reads the same server.
 * Targets: supportkit's peak RSS does not grow with tickets (≤ 1.2× from 50k to 200k), and its throughput is
 * ≥ 0.8× the bare loop's. The machines are noisy (one run in five can take half as long again), so at the large
 * size bare and supportkit run seven times, alternating, and each figure is the median run's; the ratio of every
 * alternating pair is reported too.
 *
 * Besides wall-clock throughput (what a caller waits for, including the server's time), every run reports its
 * own CPU seconds: bare CPU / supportkit CPU is the equal-work figure, what the client itself spends beyond
 * fetch + JSON.parse to hand back canonical tickets, whatever the server and the machine's other load did.
 *
 *   npx tsx bench/zendesk-export.ts [tickets=200000]    (ZENDESK_EXPORT_ROUNDS=7: alternating pairs at 200k)
 */
import { loadavg } from 'node:os';
import { machine, runWorker, writeResult } from './lib/measure.js';
import { startExportServerProcess } from './lib/zendesk-export-server.js';

interface Run {
  way: string;
  tickets: number;
  seconds: number;
  ticketsPerSecond: number;
  cpuSeconds: number;
  peakRssMiB: number;
}
const large = Number(process.argv[2] ?? 200_000);
const small = Math.round(large / 4);
// The machine is shared: its 1-minute load average before and after the run goes with the figures.
const load = () => Math.round(loadavg()[0]! * 100) / 100;
const loadBefore = load();
const server = await startExportServerProcess();
const run = (way: string, n: number) => runWorker<Run>('zendesk-export.ts', [way, String(n), server.url]);
const ROUNDS = Number(process.env.ZENDESK_EXPORT_ROUNDS ?? 7);
const median = (runs: Run[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results: Record<string, Record<string, Run>> = {};
const pairRatios: number[] = [];
const cpuPairRatios: number[] = [];
// A failed run stops the server too (it would keep this process waiting).
try {
  for (const n of [small, large]) {
    const bare: Run[] = [];
    const ours: Run[] = [];
    for (let round = 0; round < (n === large ? ROUNDS : 1); round++) {
      bare.push(run('bare', n));
      ours.push(run('supportkit', n));
      if (n === large) {
        pairRatios.push(ours.at(-1)!.ticketsPerSecond / bare.at(-1)!.ticketsPerSecond);
        cpuPairRatios.push(bare.at(-1)!.cpuSeconds / ours.at(-1)!.cpuSeconds);
      }
    }
    results[n] = { bare: median(bare), supportkit: median(ours), nodeZendesk: run('node-zendesk', n) };
  }
} finally {
  server.stop();
}
const big = results[large]!;
const result = {
  benchmark: 'incremental ticket export from a local server in its own process, 1000 per page',
  results,
  throughputVsBare: big.supportkit!.ticketsPerSecond / big.bare!.ticketsPerSecond,
  pairRatios,
  medianPairRatio: middle(pairRatios),
  // Equal work: the client's own CPU time, bare over supportkit, pair by pair (1 = no overhead at all).
  cpuVsBare: middle(cpuPairRatios),
  cpuPairRatios,
  rssGrowth: big.supportkit!.peakRssMiB / results[small]!.supportkit!.peakRssMiB,
  nodeZendeskListed: `${big.nodeZendesk!.tickets} of ${large}`,
  targets: { throughputVsBare: '≥ 0.8', rssGrowth: '≤ 1.2' },
  machine: { ...machine(), loadAverage1m: { before: loadBefore, after: load() } },
};
writeResult('zendesk-export', result);
console.log(JSON.stringify(result, null, 2));
