/**
 * The SOP tools on a large procedure, each next to the baseline of validating the same document through the
 * `SopDocument` model (what any caller pays to accept an SOP), measured in the same run and reported as a ratio.
 * The procedure is a chain of steps with a decision every fifth node that loops back or goes on, ending in one end.
 *
 *   npx tsx bench/sops.ts [nodes=200] [runs=2000]
 *   SOP_BENCH_NODES=100 npx tsx bench/sops.ts
 */
import {
  advanceSopRun,
  checkSop,
  parseSopDocument,
  parseSopMarkdown,
  renderSop,
  type SopDocumentInput,
  type SopRun,
  sopRunStats,
  sopToMarkdown,
  startSopRun,
} from '../src/index.js';
import { bestOf, machine, writeResult } from './lib/measure.js';

const nodes = Number(process.argv[2] ?? process.env.SOP_BENCH_NODES ?? 200);
const runCount = Number(process.argv[3] ?? process.env.SOP_BENCH_RUNS ?? 2000);

function procedure(n: number): SopDocumentInput {
  const list: SopDocumentInput['instructions']['nodes'] = [
    { id: 'n0', kind: 'start', text: 'Customer writes', next: 'n1' },
  ];
  for (let i = 1; i < n - 1; i++) {
    const next = `n${i + 1}`;
    if (i % 5 === 0)
      list.push({
        id: `n${i}`,
        kind: 'decision',
        question: `Is check ${i} passed?`,
        branches: [
          { label: 'yes', next },
          { label: 'no', next: `n${i - 1}` },
        ],
      });
    else
      list.push({
        id: `n${i}`,
        kind: 'step',
        text: `Do step ${i} of the procedure and note it on the ticket`,
        role: 'L1 agent',
        next,
      });
  }
  list.push({ id: `n${n - 1}`, kind: 'end', outcome: 'Done' });
  return {
    id: 'sop-bench',
    title: 'Large procedure',
    department: 'Support',
    purpose: 'Measure the SOP tools',
    terms: [{ term: 'L1', definition: 'First-level support' }],
    instructions: { start: 'n0', nodes: list },
    owner: 'lead',
    version: '1.0.0',
    reviewDate: '2030-01-01',
  };
}

/** Simulated runs of a small SOP: every decision says yes after one no, every step takes 1–4 minutes. */
function simulatedRuns(count: number): SopRun[] {
  const sop = procedure(12);
  const runs: SopRun[] = [];
  for (let i = 0; i < count; i++) {
    let at = Date.UTC(2026, 0, 1) + i * 3_600_000;
    let run = startSopRun(sop, { operatorId: 'agent', at });
    const seen = new Set<string>();
    while (run.current !== null) {
      const id = run.current;
      at += 60_000 * (1 + ((i + id.length) % 4));
      const choice = id === 'n5' || id === 'n10' ? (seen.has(id) ? 'yes' : 'no') : undefined;
      seen.add(id);
      run = advanceSopRun(run, { stepId: id, operatorId: 'agent', at, ...(choice ? { choice } : {}) });
    }
    runs.push(run);
  }
  return runs;
}

const input = procedure(nodes);
const markdown = sopToMarkdown(input);
const sop = parseSopDocument(input);
const baselineMs = bestOf(() => parseSopDocument(input));
const figures = {
  parseSopMarkdown: bestOf(() => parseSopMarkdown(markdown)),
  sopToMarkdown: bestOf(() => sopToMarkdown(sop)),
  checkSop: bestOf(() => checkSop(sop, { asOf: new Date('2026-11-29T00:00:00Z') })),
  renderMarkdown: bestOf(() => renderSop(sop, { format: 'markdown' })),
  renderHtmlWithSvg: bestOf(() => renderSop(sop, { format: 'html' }), 1),
};
const runs = simulatedRuns(runCount);
const runsBaselineMs = bestOf(() => JSON.parse(JSON.stringify(runs)));
const statsMs = bestOf(() => sopRunStats(runs, { asOf: new Date('2030-01-01T00:00:00Z') }));

const result = {
  benchmark: 'SOP tools on a large procedure',
  nodes,
  markdownBytes: markdown.length,
  baseline: { what: 'parseSopDocument(same document as JSON)', ms: baselineMs },
  figures: Object.fromEntries(
    Object.entries(figures).map(([name, ms]) => [name, { ms, ratioToBaseline: ms / baselineMs }]),
  ),
  runStats: {
    runs: runCount,
    baseline: { what: 'JSON round-trip of the same runs', ms: runsBaselineMs },
    sopRunStats: { ms: statsMs, ratioToBaseline: statsMs / runsBaselineMs },
  },
  machine: machine(),
};
writeResult('sops', result);
console.log(JSON.stringify(result, null, 2));
