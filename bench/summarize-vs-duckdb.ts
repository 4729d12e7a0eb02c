/**
 * End to end from a JSONL file of generated tickets (with their messages, events and surveys): DuckDB computing
 * the calendar-time subset with SQL (the baseline), against supportkit computing the full report on one thread,
 * the full report on every core (`summarizeJsonlFile`), and only the subset (equal work), all in the same run,
 * each in its own process so peak RSS is its own. Also the floor of any JavaScript reader: reading the file and
 * `JSON.parse` of every line. Target (issue #18): the full report ≤ 2× DuckDB's time (stretch 1.5×).
 * Measures the built package: run `npm run build` first.
 *
 *   npx tsx bench/summarize-vs-duckdb.ts [tickets=100000,1000000]
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetAsOf, streamDataset } from '../src/testing/index.js';
import { writeJsonl } from './lib/jsonl.js';
import { dataDir, machine, root, runWorker, writeResult } from './lib/measure.js';

interface Figures {
  days: number;
  createdPerDay: [string, number][];
  firstReplyMedian: number;
  firstReplyP90: number;
  csat: number;
  nps: number;
  tags: Record<string, number>;
}
interface Run {
  ms: number;
  peakRssMiB: number;
  figures: Figures;
}

if (!existsSync(join(root, 'dist', 'sync', 'summarize-worker.js')))
  throw new Error('bench/summarize-vs-duckdb.ts measures the built package: run `npm run build` first');
const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
mkdirSync(dataDir, { recursive: true });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
const agreement = (ours: Figures, duck: Figures) => ({
  createdPerDay: JSON.stringify(ours.createdPerDay) === JSON.stringify(duck.createdPerDay),
  firstReplyMedian: close(ours.firstReplyMedian, duck.firstReplyMedian),
  firstReplyP90: close(ours.firstReplyP90, duck.firstReplyP90),
  csat: close(ours.csat, duck.csat),
  nps: close(ours.nps, duck.nps),
  tags: JSON.stringify(Object.entries(ours.tags).sort()) === JSON.stringify(Object.entries(duck.tags).sort()),
});

const results = [];
let disagree = false;
for (const tickets of sizes) {
  const options = { seed: 1, tickets, days: 365, startDate: '2025-11-03', timeZone: 'Europe/Rome' };
  const path = join(dataDir, `dataset-${tickets}.jsonl`);
  if (!existsSync(path)) {
    const t = performance.now();
    const lines = await writeJsonl(path, streamDataset(options));
    console.error(`wrote ${lines} records to ${path} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const asOf = datasetAsOf(options).toISOString();
  const duck = runWorker<Run>('duckdb-subset.ts', [path]);
  const one = runWorker<Run>('supportkit-summarize.ts', [path, asOf, 'one']);
  const all = runWorker<Run>('supportkit-summarize.ts', [path, asOf, 'all']);
  const subset = runWorker<Run>('supportkit-summarize.ts', [path, asOf, 'subset']);
  const floor = runWorker<{ ms: number; peakRssMiB: number; lines: number }>('parse-only.ts', [path]);
  const row = (run: { ms: number; peakRssMiB: number }) => ({
    seconds: run.ms / 1000,
    peakRssMiB: run.peakRssMiB,
    ratioToDuckdb: run.ms / duck.ms,
  });
  const agreements = {
    fullReportOneThread: agreement(one.figures, duck.figures),
    fullReportAllCores: agreement(all.figures, duck.figures),
    subset: agreement(subset.figures, duck.figures),
  };
  disagree ||= Object.values(agreements).some((a) => Object.values(a).some((ok) => !ok));
  results.push({
    tickets,
    fileMiB: statSync(path).size / 2 ** 20,
    duckdbCalendarSubset: { seconds: duck.ms / 1000, peakRssMiB: duck.peakRssMiB },
    fullReportOneThread: row(one),
    fullReportAllCores: row(all),
    allCoresSpeedup: one.ms / all.ms,
    calendarSubsetOneThread: row(subset),
    jsonParseFloor: { ...row(floor), lines: floor.lines },
    met: { target2x: all.ms / duck.ms <= 2, stretch15x: all.ms / duck.ms <= 1.5 },
    agreement: agreements,
  });
}
// Memory as tickets grow: peak RSS at the largest size over the smallest, next to the growth in tickets.
if (results.length === 0) throw new Error('no sizes to measure: pass them as "100000,1000000"');
const [first, last] = [results[0]!, results.at(-1)!];
const memoryGrowth = {
  tickets: last.tickets / first.tickets,
  oneThread: last.fullReportOneThread.peakRssMiB / first.fullReportOneThread.peakRssMiB,
  allCores: last.fullReportAllCores.peakRssMiB / first.fullReportAllCores.peakRssMiB,
  duckdb: last.duckdbCalendarSubset.peakRssMiB / first.duckdbCalendarSubset.peakRssMiB,
};
const result = {
  benchmark:
    'full MetricsReport (one thread, all cores) and the calendar subset vs DuckDB, end to end from JSONL',
  target: 'full report ≤ 2× DuckDB calendar-subset time (stretch 1.5×)',
  results,
  memoryGrowth,
  machine: machine(),
};
writeResult('summarize-vs-duckdb', result);
console.log(JSON.stringify(result, null, 2));
if (disagree) {
  console.error('supportkit and DuckDB disagree on a figure: see "agreement"');
  process.exitCode = 1;
}
