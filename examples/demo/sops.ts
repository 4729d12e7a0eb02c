/**
 * The SOP part of the demo: reads an example SOP from Markdown, checks it, prints it as a new colleague reads it,
 * then simulates 60 runs of it as a checklist and prints where the time goes and where runs stop.
 */
import { readFileSync } from 'node:fs';
import {
  advanceSopRun,
  checkSop,
  parseSopMarkdown,
  renderSop,
  type SopRun,
  sopRunStats,
  startSopRun,
} from 'supportkit-ts';

/** A seeded generator, so the demo prints the same figures every time. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Follows the complaint SOP like an agent would: the customer accepts the first remedy 60% of the time. */
function simulate(sop: ReturnType<typeof parseSopMarkdown>, n: number, next: () => number): SopRun[] {
  const minutes: Record<string, number> = {
    listen: 6,
    log: 2,
    propose: 4,
    accepted: 3,
    tries: 1,
    apply: 3,
    manager: 5,
  };
  const runs: SopRun[] = [];
  for (let i = 0; i < n; i++) {
    let clock = Date.UTC(2026, 10, 2 + (i % 20), 9, 0);
    let run = startSopRun(sop, { operatorId: `agent-${1 + (i % 4)}`, ticketId: 5000 + i, at: clock });
    let proposals = 0;
    while (run.status === 'active' && run.current !== null) {
      const step = run.current;
      if (step === 'apply' && next() < 0.1) break; // the agent leaves the run open: abandoned
      clock += Math.round((minutes[step] ?? 2) * (0.5 + next() * 1.5) * 60_000);
      const choice =
        step === 'accepted'
          ? next() < 0.6
            ? 'yes'
            : 'no'
          : step === 'tries'
            ? proposals >= 2
              ? 'yes'
              : 'no'
            : undefined;
      if (step === 'propose') proposals++;
      run = advanceSopRun(run, {
        stepId: step,
        operatorId: run.startedBy,
        at: clock,
        ...(choice ? { choice } : {}),
      });
    }
    runs.push(run);
  }
  return runs;
}

/** Prints one SOP and the statistics of simulated runs. */
export function sopsDemo(): void {
  const text = readFileSync(new URL('../sops/complaint-handling.en.md', import.meta.url), 'utf8');
  const sop = parseSopMarkdown(text);
  const findings = checkSop(sop, { asOf: new Date('2026-11-29T10:00:00Z') });
  console.log(`\nStandard operating procedures\n─────────────────────────────`);
  console.log(
    `checkSop: ${findings.length === 0 ? 'no findings' : findings.map((f) => f.code).join(', ')}\n`,
  );
  console.log(renderSop(sop, { format: 'text' }));
  const stats = sopRunStats(simulate(sop, 60, random(2026)), { asOf: new Date('2026-12-31T00:00:00Z') });
  console.log(`${stats.runs} simulated runs: ${stats.completed} completed, ${stats.abandoned} abandoned`);
  for (const s of stats.steps)
    console.log(
      `  ${s.stepId.padEnd(10)} median ${s.medianMinutes.toFixed(1).padStart(5)} min   p90 ${s.p90Minutes.toFixed(1).padStart(5)} min   (${s.samples} times)`,
    );
  for (const b of stats.branches)
    console.log(`  ${b.stepId} → ${b.label}: ${b.count} (${(b.share * 100).toFixed(0)}%)`);
  for (const a of stats.abandonedAt) console.log(`  abandoned at ${a.stepId}: ${a.count}`);
}
