/**
 * `supportkit import csv` on an Italian ticket spreadsheet (test/cli/fixtures/spreadsheet.ts: BOM, CRLF, `;`,
 * day-first dates in Europe/Rome, decimal comma, names, CSAT and NPS columns) of 20,000 rows, in this process.
 *
 * (1) Against a baseline measured in the same run, alternating so that load on the machine hits both alike: the
 * CSV parse alone (`readCsv`, the floor of any importer) — the ratio is import ÷ parse (target ≤ 12: reading
 * dates in a zone with luxon, checking every ticket against the model and writing ~80,000 records cost about ten
 * parses). (2) Linearity: the same import at n/4, n/2 and n rows, in ms per row (target: n within 1.3× of n/4).
 * The absolute figure is reported too (issue 29 asks for "seconds" for 20,000 rows; CPU time is steadier than
 * wall time on a shared machine).
 *
 *   SUPPORTKIT_BENCH_ROWS=20000 SUPPORTKIT_BENCH_RUNS=3 npx tsx bench/import-csv.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../src/cli/csv/read.js';
import { main } from '../src/cli/main.js';
import { ticketSpreadsheet } from '../test/cli/fixtures/spreadsheet.js';
import { dataDir, machine, writeResult } from './lib/measure.js';

const rows = Number(process.env.SUPPORTKIT_BENCH_ROWS ?? 20_000);
const runs = Number(process.env.SUPPORTKIT_BENCH_RUNS ?? 3);
mkdirSync(dataDir, { recursive: true });

/** The sheet of `n` rows and its mapping, written once to bench/.data. */
function sheetFile(n: number): string {
  const sheet = ticketSpreadsheet({ locale: 'it', rows: n });
  const csv = join(dataDir, `import-it-${n}.csv`);
  writeFileSync(csv, sheet.csv);
  writeFileSync(join(dataDir, `import-it-${n}.json`), JSON.stringify(sheet.mapping));
  return csv;
}

const silent = { write: () => {} };
const work = mkdtempSync(join(tmpdir(), 'supportkit-bench-import-'));
let outs = 0;
/** One import into a fresh folder: wall and CPU ms. */
async function importOnce(n: number): Promise<{ wall: number; cpu: number }> {
  const out = join(work, `out-${outs++}`);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const code = await main(
    [
      'import',
      'csv',
      join(dataDir, `import-it-${n}.csv`),
      '--map',
      join(dataDir, `import-it-${n}.json`),
      '--out',
      out,
    ],
    { stdout: silent, stderr: silent, env: {}, cwd: work },
  );
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (code !== 0) throw new Error(`supportkit import csv exited ${code}`);
  rmSync(out, { recursive: true, force: true });
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function parseOnce(n: number): number {
  const text = readFileSync(join(dataDir, `import-it-${n}.csv`), 'utf8');
  const start = performance.now();
  readCsv(text, 'sheet.csv', ';');
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sizes = [Math.round(rows / 4), Math.round(rows / 2), rows];
for (const n of sizes) sheetFile(n);
await importOnce(sizes[0]!); // warm-up: the command's modules load once

const importWall: number[] = [];
const importCpu: number[] = [];
const parse: number[] = [];
for (let i = 0; i < runs; i++) {
  parse.push(parseOnce(rows));
  const once = await importOnce(rows);
  importWall.push(once.wall);
  importCpu.push(once.cpu);
}
const perRow = new Map<number, number>();
for (const n of sizes.slice(0, 2)) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await importOnce(n)).cpu);
  perRow.set(n, median(times) / n);
}
perRow.set(rows, median(importCpu) / rows);
rmSync(work, { recursive: true, force: true });

const ratio = median(importWall) / median(parse);
const growth = perRow.get(rows)! / perRow.get(sizes[0]!)!;
const result = {
  rows,
  runs,
  importWallMs: Math.round(median(importWall)),
  importCpuMs: Math.round(median(importCpu)),
  parseOnlyMs: Math.round(median(parse)),
  ratio: Number(ratio.toFixed(2)),
  ratioTarget: 12,
  cpuMsPerThousandRows: Object.fromEntries([...perRow].map(([n, ms]) => [n, Number((ms * 1000).toFixed(1))])),
  perRowGrowth: Number(growth.toFixed(2)),
  perRowGrowthTarget: 1.3,
  pass: ratio <= 12 && growth <= 1.3,
  machine: machine(),
};
console.log(JSON.stringify(result));
writeResult('import-csv', result);
