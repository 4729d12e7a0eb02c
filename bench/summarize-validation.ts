/**
 * What validating at the entry costs `summarize` (STYLE 17). The same generated dataset is summarised as parsed
 * models with Dates — the fast path, which should cost a few `instanceof` checks per record — and as model JSON
 * (ISO strings), which is parsed once. With `BASELINE` pointing at another checkout's `src/metrics/index.ts`
 * (e.g. one extracted with `git archive <commit> src | tar -x -C /tmp/base`), that version runs in the same
 * process, alternating with this one, so machine load hits both alike; the ratio is new ÷ baseline.
 *
 *   BASELINE=/tmp/base/src/metrics/index.ts npx tsx bench/summarize-validation.ts [tickets=3000] [runs=9]
 */
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
const baseline = process.env.BASELINE
  ? ((await import(process.env.BASELINE)) as { summarize: Summarize }).summarize
  : null;

const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

ours(parsed, { asOf }); // warm-up: compile schedules, JIT
baseline?.(parsed, { asOf });
const mine: number[] = [];
const base: number[] = [];
const fromJson: number[] = [];
for (let i = 0; i < runs; i++) {
  if (baseline) base.push(time(() => baseline(parsed, { asOf })));
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
  baselineParsedMs: baseline ? Math.round(median(base)) : null,
  ratio: baseline ? Number((median(mine) / median(base)).toFixed(3)) : null,
};
console.log(JSON.stringify(result));
