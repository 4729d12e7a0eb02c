/**
 * End-to-end `summarize` over a JSONL file of generated tickets (with their messages, events and surveys),
 * against DuckDB computing the calendar-time subset with SQL over the same file, in the same run. Each side runs
 * in its own process, so peak RSS is its own. Target: supportkit within 1.5× of DuckDB's time.
 *
 *   npx tsx bench/summarize-vs-duckdb.ts [tickets=1000000]
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetAsOf, streamDataset } from '../src/testing/index.js';
import { writeJsonl } from './lib/jsonl.js';
import { dataDir, machine, runWorker, writeResult } from './lib/measure.js';

interface WorkerResult {
  ms: number;
  peakRssMiB: number;
  figures: {
    days: number;
    createdPerDay: [string, number][];
    firstReplyMedian: number;
    firstReplyP90: number;
    csat: number;
    nps: number;
    tags: Record<string, number>;
  };
}

const tickets = Number(process.argv[2] ?? 1_000_000);
const options = { seed: 1, tickets, days: 365, startDate: '2025-11-03', timeZone: 'Europe/Rome' };
mkdirSync(dataDir, { recursive: true });
const path = join(dataDir, `dataset-${tickets}.jsonl`);
if (!existsSync(path)) {
  const t = performance.now();
  const lines = await writeJsonl(path, streamDataset(options));
  console.error(`wrote ${lines} records to ${path} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const asOf = datasetAsOf(options).toISOString();
const duck = runWorker<WorkerResult>('duckdb-subset.ts', [path]);
const ours = runWorker<WorkerResult>('supportkit-summarize.ts', [path, asOf]);
// The floor for any JavaScript reader: read the file and JSON.parse each line, nothing else.
const floor = runWorker<{ ms: number; peakRssMiB: number; lines: number }>('parse-only.ts', [path]);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
const agreement = {
  createdPerDay: JSON.stringify(ours.figures.createdPerDay) === JSON.stringify(duck.figures.createdPerDay),
  firstReplyMedian: close(ours.figures.firstReplyMedian, duck.figures.firstReplyMedian),
  firstReplyP90: close(ours.figures.firstReplyP90, duck.figures.firstReplyP90),
  csat: close(ours.figures.csat, duck.figures.csat),
  nps: close(ours.figures.nps, duck.figures.nps),
  tags:
    JSON.stringify(Object.entries(ours.figures.tags).sort()) ===
    JSON.stringify(Object.entries(duck.figures.tags).sort()),
};
const ratio = ours.ms / duck.ms;
const result = {
  benchmark: 'summarize (full report) vs DuckDB (calendar-time subset), end to end from JSONL',
  tickets,
  fileMiB: statSync(path).size / 2 ** 20,
  supportkit: { seconds: ours.ms / 1000, peakRssMiB: ours.peakRssMiB },
  duckdb: { seconds: duck.ms / 1000, peakRssMiB: duck.peakRssMiB },
  jsonParseFloor: { seconds: floor.ms / 1000, lines: floor.lines, ratioToDuckdb: floor.ms / duck.ms },
  ratio,
  target: 'supportkit ≤ 1.5× DuckDB time',
  met: ratio <= 1.5,
  agreement,
  figures: {
    firstReplyMedian: ours.figures.firstReplyMedian,
    firstReplyP90: ours.figures.firstReplyP90,
    csat: ours.figures.csat,
    nps: ours.figures.nps,
  },
  machine: machine(),
};
writeResult('summarize-vs-duckdb', result);
console.log(JSON.stringify(result, null, 2));
if (Object.values(agreement).some((ok) => !ok)) {
  console.error('supportkit and DuckDB disagree on a figure: see "agreement"');
  process.exitCode = 1;
}
