/**
 * "SOP runs": per SOP, how its runs went (completed, in progress, abandoned, the slowest step) when runs are
 * given; else the SOP documents the data holds and that no runs are in it; else "not in this data". Runs are kept
 * by the app that runs the checklists, not by a helpdesk, so a synced folder has documents at most.
 */
import { type SopRun, sopRunStats } from '../../care/index.js';
import { SopDocument } from '../../models/sop.js';
import type { ReportSection } from '../data.js';
import { fill } from '../format.js';
import type { PlanningContext } from './context.js';

/**
 * The SOP section.
 * @example `sopsSection([], [], context).note // 'not in this data'`
 */
export function sopsSection(
  documents: readonly unknown[],
  runs: readonly SopRun[],
  ctx: PlanningContext,
): ReportSection {
  const { fmt } = ctx;
  const L = fmt.labels.planning.sops;
  const sops = documents.flatMap((d) => {
    const parsed = SopDocument.safeParse(d);
    return parsed.success ? [parsed.data] : [];
  });
  const base = { id: 'sops', title: L.title };
  if (runs.length > 0) {
    const bySop = new Map<string, SopRun[]>();
    for (const run of runs) bySop.set(run.sop.id, [...(bySop.get(run.sop.id) ?? []), run]);
    const rows = [...bySop].map(([id, list]) => {
      const stats = sopRunStats(list, { asOf: new Date(ctx.asOf) });
      const slowest = [...stats.steps].sort((a, b) => b.medianMinutes - a.medianMinutes)[0];
      const title = sops.find((s) => s.id === id)?.title ?? list[list.length - 1]!.sop.title;
      return [
        title,
        fmt.count(stats.runs),
        fmt.count(stats.completed),
        fmt.count(stats.inProgress),
        fmt.count(stats.abandoned),
        slowest ? `${slowest.stepId} (${fmt.duration(slowest.medianMinutes)})` : '—',
      ];
    });
    return {
      ...base,
      table: { header: [L.sop, L.runs, L.completed, L.inProgress, L.abandoned, L.slowestStep], rows },
    };
  }
  if (sops.length === 0)
    return { ...base, note: fmt.labels.notes.notInData, table: { header: [], rows: [] } };
  return {
    ...base,
    note: fill(L.noRuns, { n: fmt.count(sops.length) }),
    table: {
      header: [L.sop, L.version, L.review, L.steps],
      rows: sops.map((s) => [
        s.title,
        s.version,
        fmt.date(Date.parse(`${s.reviewDate}T12:00:00Z`)),
        fmt.count(s.instructions.nodes.filter((n) => n.kind === 'step').length),
      ]),
    },
  };
}
