/**
 * The dataset generator streams: peak RSS for 1M tickets against 200k tickets, each in its own process, in one
 * run. Target: it does not grow with the number of tickets beyond one day's worth (≤ 1.5× for 5× the tickets).
 *
 *   npx tsx bench/generator-memory.ts [tickets=1000000]
 */
import { machine, runWorker, writeResult } from './lib/measure.js';

interface Run {
  tickets: number;
  records: number;
  seconds: number;
  peakRssMiB: number;
}
const tickets = Number(process.argv[2] ?? 1_000_000);
const small = runWorker<Run>('generator.ts', [String(Math.round(tickets / 5))]);
const large = runWorker<Run>('generator.ts', [String(tickets)]);
const growth = large.peakRssMiB / small.peakRssMiB;
const result = {
  benchmark: 'streamDataset peak RSS, 5× the tickets',
  runs: { small, large },
  growth,
  target: '≤ 1.5× peak RSS for 5× the tickets',
  met: growth <= 1.5,
  recordsPerSecond: large.records / large.seconds,
  machine: machine(),
};
writeResult('generator-memory', result);
console.log(JSON.stringify(result, null, 2));
