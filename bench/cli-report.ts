/**
 * What the command line adds to the library. (1) `supportkit report <file> --format html` on a synced JSONL file
 * against the library's `summarizeRecords(readJsonlRecords(file))` on the same file, in the same process,
 * alternating, so machine load hits both alike: the ratio is report ÷ summarize (target ≤ 1.1). (2) Startup of
 * the built bin's `supportkit --help` against a bare `node -e ""` (target ≤ 150 ms more).
 *
 *   SUPPORTKIT_BENCH_TICKETS=100000 SUPPORTKIT_BENCH_RUNS=3 npx tsx bench/cli-report.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { summarizeRecords } from '../src/metrics/index.js';
import { datasetAsOf, streamDataset } from '../src/testing/index.js';
import { readJsonl, writeJsonl } from './lib/jsonl.js';
import { dataDir, machine, root, writeResult } from './lib/measure.js';

const tickets = Number(process.env.SUPPORTKIT_BENCH_TICKETS ?? 100_000);
const runs = Number(process.env.SUPPORTKIT_BENCH_RUNS ?? 3);
const options = { seed: 3, tickets, days: 180, startDate: '2025-10-06', timeZone: 'Europe/Rome' };
const asOf = datasetAsOf(options);
mkdirSync(dataDir, { recursive: true });
const file = join(dataDir, `cli-report-${tickets}.jsonl`);
if (!existsSync(file)) await writeJsonl(file, streamDataset(options));

const out = join(mkdtempSync(join(tmpdir(), 'supportkit-bench-')), 'report.html');
const silent = { write: () => {} };
const io = { stdout: silent, stderr: silent, env: {}, cwd: root };
const cliArgs = [
  'report',
  file,
  '--as-of',
  asOf.toISOString(),
  '--tz',
  options.timeZone,
  '--format',
  'html',
  '--out',
  out,
  // One thread, as the library call it is compared with: the equal-work comparison (bench/summarize-vs-duckdb.ts
  // measures the all-core reading).
  '--workers',
  '1',
];
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const library = () => summarizeRecords(readJsonl(file), { asOf, timeZone: options.timeZone });
const cli = async () => {
  if ((await main(cliArgs, io)) !== 0) throw new Error('supportkit report failed');
};
await library(); // warm-up
await cli();
const libraryMs: number[] = [];
const cliMs: number[] = [];
for (let i = 0; i < runs; i++) {
  libraryMs.push(await time(library));
  cliMs.push(await time(cli));
}

// Startup: the built bin (built here if absent), alternating with a bare node.
const bin = join(root, 'dist', 'bin', 'cli.js');
if (!existsSync(bin))
  execFileSync('npx', ['tsup', '--config', 'tsup.cli.config.ts'], { cwd: root, stdio: 'inherit' });
const spawnMs = (args: string[]) => {
  const t = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - t;
};
const helpMs: number[] = [];
const bareMs: number[] = [];
for (let i = 0; i < 11; i++) {
  bareMs.push(spawnMs(['-e', '']));
  helpMs.push(spawnMs([bin, '--help']));
}

const result = {
  tickets,
  runs,
  reportHtmlMs: Math.round(median(cliMs)),
  summarizeRecordsMs: Math.round(median(libraryMs)),
  ratio: Number((median(cliMs) / median(libraryMs)).toFixed(3)),
  helpStartupMs: Math.round(median(helpMs)),
  bareNodeMs: Math.round(median(bareMs)),
  startupOverheadMs: Math.round(median(helpMs) - median(bareMs)),
  machine: machine(),
};
console.log(JSON.stringify(result));
writeResult('cli-report', result);
