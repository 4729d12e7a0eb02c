import { z } from 'zod';
import { invalidArgument, invalidOption } from '../../errors/validation.js';
import { quantileSorted } from '../../metrics/stats.js';
import { parse } from '../../models/parse.js';
import { SopRun } from './run.js';

/**
 * Options of {@link sopRunStats}.
 * @example `sopRunStats(runs, { asOf: new Date(), idleMinutes: 120 })`
 */
export interface SopRunStatsOptions {
  /** The moment runs are judged at. @default now */
  asOf?: Date;
  /** An unfinished run idle for longer than this is abandoned; a more recent one is still in progress. @default 1440 */
  idleMinutes?: number;
}

/**
 * What managers read to improve an SOP: how long each step takes, which branches are taken, where runs stop.
 * @example `sopRunStats(runs).steps.find((s) => s.stepId === 'verify')?.medianMinutes`
 */
export interface SopRunStats {
  sopId: string;
  /** The SOP versions the runs followed, in first-seen order. */
  versions: string[];
  runs: number;
  completed: number;
  inProgress: number;
  abandoned: number;
  /** Minutes from reaching a step to doing it, per step, in the SOP's node order. */
  steps: { stepId: string; samples: number; medianMinutes: number; p90Minutes: number }[];
  /** How often each decision branch was taken, and its share of that decision's choices (0..1). */
  branches: { stepId: string; label: string; count: number; share: number }[];
  /** Where abandoned runs stopped: the step they were waiting for. */
  abandonedAt: { stepId: string; count: number }[];
}

const Runs = z.array(SopRun);

function readOptions(options: SopRunStatsOptions) {
  if (typeof options !== 'object' || options === null)
    throw invalidOption('sopRunStats', '', 'expected an object');
  const asOf = options.asOf ?? new Date();
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
    throw invalidOption('sopRunStats', 'asOf', 'expected a valid Date');
  const idle = options.idleMinutes ?? 1440;
  if (typeof idle !== 'number' || !(idle >= 0))
    throw invalidOption('sopRunStats', 'idleMinutes', 'expected minutes, 0 or more');
  return { asOf: asOf.getTime(), idleMs: idle * 60_000 };
}

const counter = () => new Map<string, number>();
const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/** What the runs add up to before it is summarised. */
interface Tally {
  durations: Map<string, number[]>;
  taken: Map<string, number>;
  stopped: Map<string, number>;
  order: Map<string, number>;
  versions: string[];
  completed: number;
  abandoned: number;
}

function tally(all: readonly SopRun[], asOf: number, idleMs: number): Tally {
  const t: Tally = {
    durations: new Map(),
    taken: counter(),
    stopped: counter(),
    order: new Map(),
    versions: [],
    completed: 0,
    abandoned: 0,
  };
  const seenVersions = new Set<string>();
  for (const run of all) {
    if (!seenVersions.has(run.sop.version)) {
      seenVersions.add(run.sop.version);
      t.versions.push(run.sop.version);
    }
    run.sop.nodes.forEach((n, i) => {
      t.order.set(n.id, Math.min(t.order.get(n.id) ?? i, i));
    });
    let since = Date.parse(run.startedAt);
    for (const entry of run.log) {
      const at = Date.parse(entry.at);
      const minutes = (at - since) / 60_000;
      const samples = t.durations.get(entry.stepId);
      if (samples)
        samples.push(minutes); // not a copy per sample: that was quadratic in the runs
      else t.durations.set(entry.stepId, [minutes]);
      if (entry.choice !== undefined) bump(t.taken, JSON.stringify([entry.stepId, entry.choice]));
      since = at;
    }
    if (run.status === 'completed') t.completed++;
    else if (asOf - since > idleMs && run.current !== null) {
      t.abandoned++;
      bump(t.stopped, run.current);
    }
  }
  return t;
}

/**
 * Statistics over runs of one SOP (any of its versions): per step the median and 90th percentile of the minutes
 * between reaching it and doing it (type-7 quantiles), per decision how often each branch was taken, and how many
 * runs completed, are still in progress, or were abandoned (unfinished and idle longer than `idleMinutes`) and at
 * which step. Runs of different SOPs are a ValidationError; no runs give zero counts and empty lists.
 *
 * @example
 * ```ts
 * import { sopRunStats } from 'supportkit-ts';
 * const stats = sopRunStats(runs, { asOf: new Date('2026-12-01T00:00:00Z') });
 * stats.steps; // [{ stepId: 'verify', samples: 40, medianMinutes: 3, p90Minutes: 9 }, …]
 * stats.abandonedAt; // [{ stepId: 'call_back', count: 4 }]
 * ```
 */
export function sopRunStats(runs: readonly SopRun[], options: SopRunStatsOptions = {}): SopRunStats {
  const all = parse(Runs, runs, 'sopRunStats() runs');
  const { asOf, idleMs } = readOptions(options);
  const sopId = all[0]?.sop.id ?? '';
  if (all.some((r) => r.sop.id !== sopId))
    throw invalidArgument('sopRunStats()', 'runs', 'expected runs of one SOP');
  const { durations, taken, stopped, order, versions, completed, abandoned } = tally(all, asOf, idleMs);
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const steps = [...durations]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([stepId, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return {
        stepId,
        samples: sorted.length,
        medianMinutes: quantileSorted(sorted, 0.5) as number,
        p90Minutes: quantileSorted(sorted, 0.9) as number,
      };
    });
  const perDecision = counter();
  for (const [key, count] of taken)
    perDecision.set(JSON.parse(key)[0], (perDecision.get(JSON.parse(key)[0]) ?? 0) + count);
  const branches = [...taken]
    .map(([key, count]) => {
      const [stepId, label] = JSON.parse(key) as [string, string];
      return { stepId, label, count, share: count / (perDecision.get(stepId) as number) };
    })
    .sort((a, b) => rank(a.stepId) - rank(b.stepId) || b.count - a.count);
  const abandonedAt = [...stopped]
    .map(([stepId, count]) => ({ stepId, count }))
    .sort((a, b) => b.count - a.count || rank(a.stepId) - rank(b.stepId));
  return {
    sopId,
    versions,
    runs: all.length,
    completed,
    inProgress: all.length - completed - abandoned,
    abandoned,
    steps,
    branches,
    abandonedAt,
  };
}
