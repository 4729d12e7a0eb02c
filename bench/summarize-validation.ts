/**
 * What validating at the entry costs `summarize` (every public function validates its input once, at the
 * entry). The same generated dataset is summarised as parsed models with Dates — the fast path, which should cost a few `instanceof` checks per record — and as model JSON
 * (ISO strings), which is parsed once. With `BASELINE` pointing at another checkout's `src/metrics/index.ts`
 * (e.g. one extracted with `git archive <commit> src | tar -x -C .tmp/base`), that version runs in the same
 * process, alternating with this one, so machine load hits both alike; the ratio is new ÷ baseline. Without
 * `BASELINE`, the last commit before entry validation (b10b95a) is extracted into .tmp/ (inside the repository,
 * so it resolves the same node_modules) and used: `npm run bench` always prints the figure beside its baseline.
 *
 *   BASELINE=.tmp/base/src/metrics/index.ts npx tsx bench/summarize-validation.ts [tickets=3000] [runs=9]
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { summarize } from '../src/metrics/index.js';
import { datasetAsOf, generateDataset } from '../src/testing/index.js';

type Summarize = (dataset: unknown, options: { asOf: Date }) => unknown;
const tickets = Number(process.argv[2] ?? 3000);
const runs = Number(process.argv[3] ?? 9);
const options = { seed: 1, tickets, days: 120, startDate: '2025-11-03', timeZone: 'Europe/Rome' };
const parsed = generateDataset(options);
const asOf = datasetAsOf(options);
const json: unknown = JSON.parse(JSON.stringify(parsed));
const ours = summarize as Summarize;
/** The pre-validation metrics, extracted from git once (b10b95a: the commit before entry validation). */
function defaultBaseline(): string {
  const dir = resolve(import.meta.dirname, '../.tmp/summarize-validation-baseline');
  const entry = resolve(dir, 'src/metrics/index.ts');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    execSync(`git archive b10b95a src | tar -x -C "${dir}"`, { cwd: resolve(import.meta.dirname, '..') });
  }
  return entry;
}
const baseline = (
  (await import(process.env.BASELINE ? resolve(process.env.BASELINE) : defaultBaseline())) as {
    summarize: Summarize;
  }
).summarize;

const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

ours(parsed, { asOf }); // warm-up: compile schedules, JIT
baseline(parsed, { asOf });
const mine: number[] = [];
const base: number[] = [];
const fromJson: number[] = [];
for (let i = 0; i < runs; i++) {
  base.push(time(() => baseline(parsed, { asOf })));
  mine.push(time(() => ours(parsed, { asOf })));
}
// Last: the objects zod builds have other shapes than the generator's, so mixing them earlier would make the
// comparison above about polymorphic property access rather than about validation.
for (let i = 0; i < runs; i++) fromJson.push(time(() => ours(json, { asOf })));
const result = {
  tickets,
  runs,
  parsedMs: Math.round(median(mine)),
  jsonMs: Math.round(median(fromJson)),
  baselineParsedMs: Math.round(median(base)),
  ratio: Number((median(mine) / median(base)).toFixed(3)),
};
console.log(JSON.stringify(result));
