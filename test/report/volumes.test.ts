/**
 * The volume table stops at the report's moment: no period after it, no solve after it, and the backlog of the
 * period holding it is the headline's "unresolved" (#29: the table showed the week after --to, backlog 0).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/metrics/index.js';
import { renderReport } from '../../src/report/index.js';
import { collect, dataset, OPTIONS } from './fixture.js';

const start = Date.parse('2026-01-12T00:00:00Z');

/** Tickets solved in [from, to), each once: straight from the status events (solvedAt without any). */
function solvedBetween(from: number, to: number): number {
  let n = 0;
  for (const ticket of dataset.tickets) {
    if (ticket.status === 'deleted' || ticket.createdAt.getTime() >= to) continue;
    const status = dataset.events.filter((e) => e.ticketId === ticket.id && e.type === 'status');
    const times =
      status.length > 0
        ? status.filter((e) => e.type === 'status' && e.to === 'solved').map((e) => e.at.getTime())
        : ticket.solvedAt
          ? [ticket.solvedAt.getTime()]
          : [];
    if (times.some((t) => t >= from && t < to)) n++;
  }
  return n;
}
const end = dataset.asOf!.getTime();

describe('volumes as of the report’s moment', () => {
  it('stop at the period holding asOf, agree with the library before it, and end on the headline’s backlog', () => {
    const library = summarize(dataset, { timeZone: OPTIONS.timeZone, interval: 'week' }).volumes;
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (asOf) => {
        const data = collect({ asOf }).finish();
        const volumes = data.report.volumes;
        const last = volumes[volumes.length - 1]!;
        // The last period holds asOf (its start before, its end at or after it).
        expect(last.start.getTime()).toBeLessThan(asOf);
        expect(last.end.getTime()).toBeGreaterThanOrEqual(asOf);
        // Its backlog is the backlog at asOf: the headline's "unresolved", computed by other code.
        expect(last.backlog).toBe(data.report.tickets.unresolved);
        // Every ticket created before asOf, once; none after.
        const created = dataset.tickets.filter((t) => t.createdAt.getTime() < asOf && t.status !== 'deleted');
        expect(volumes.reduce((n, v) => n + v.created, 0)).toBe(created.length);
        expect(data.report.tickets.total).toBe(created.length);
        // Periods that ended by asOf are the library's own rows; the one holding asOf counts no more solves.
        for (const v of volumes) {
          const whole = library.find((row) => row.period === v.period)!;
          if (v.end.getTime() <= asOf) expect(v).toEqual(whole);
          else expect(v.solved).toBe(solvedBetween(v.start.getTime(), asOf));
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('a bare MetricsReport is cut at its asOf too: the week after it is not shown', () => {
    const asOf = new Date('2026-02-18T12:00:00+01:00'); // a Wednesday: its week is cut
    const report = summarize(
      { ...dataset, asOf, tickets: dataset.tickets.filter((t) => t.createdAt < asOf) },
      { timeZone: OPTIONS.timeZone, interval: 'week' },
    );
    // The library's volumes run on to the last event of those tickets.
    expect(report.volumes.at(-1)!.start.getTime()).toBeGreaterThan(asOf.getTime());
    const text = renderReport(report, { format: 'text', timeZone: OPTIONS.timeZone });
    const table = text.split('Weekly volume and backlog\n')[1]!.split('\n\n')[0]!.split('\n').slice(2);
    expect(table.at(-1)).toMatch(/^Feb 16, 2026 \(to Feb 18, 2026\) +\d+ +\d+ +(\d+)$/);
    expect(Number(table.at(-1)!.split(/ +/).at(-1))).toBe(report.tickets.unresolved);
    expect(text).not.toMatch(/^Feb 23, 2026/m);
  });
});
