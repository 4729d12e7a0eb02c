/**
 * Peak memory of the streaming path: summarizeRecords over a generated stream, each run in its own process.
 * Same tickets with 1× and 10× the messages: peak RSS must not grow with messages (target ≤ 1.2×). For
 * reference, the growth with tickets (exact medians keep one number per ticket per distribution).
 *
 *   npx tsx bench/streaming-memory.ts [tickets=200000]
 */
import { machine, runWorker, writeResult } from './lib/measure.js';

interface Run {
  tickets: number;
  messages: number;
  seconds: number;
  peakRssMiB: number;
}
const tickets = Number(process.argv[2] ?? 200_000);
const base = runWorker<Run>('streaming-memory.ts', [String(tickets), '1']);
const tenfold = runWorker<Run>('streaming-memory.ts', [String(tickets), '10']);
const quarter = runWorker<Run>('streaming-memory.ts', [String(Math.round(tickets / 4)), '1']);
const messageGrowth = tenfold.peakRssMiB / base.peakRssMiB;
const result = {
  benchmark: 'peak RSS of summarizeRecords on a stream',
  runs: { base, tenTimesTheMessages: tenfold, aQuarterOfTheTickets: quarter },
  messageGrowth,
  target: 'peak RSS with 10× the messages ≤ 1.2× the base',
  met: messageGrowth <= 1.2,
  ticketGrowth: base.peakRssMiB / quarter.peakRssMiB,
  machine: machine(),
};
writeResult('streaming-memory', result);
console.log(JSON.stringify(result, null, 2));
