/**
 * Volumes as of the report's moment: the library's `volumes()` counts every record it is given, so a report cut
 * at `--to` or `--as-of` would show the weeks after the cut and a backlog that includes solves that had not
 * happened yet. Here nothing after `asOf` counts: periods stop at the one holding `asOf`, a solve after it is not a
 * solve, and the last period's backlog is the backlog at `asOf` — the "unresolved" of the headline.
 */
import { solveTimes, unresolvedIntervals } from '../metrics/bundle.js';
import { type Interval, PeriodIndex } from '../metrics/periods.js';
import type { Ticket } from '../models/ticket.js';
import type { TicketEvent } from '../models/ticket-event.js';

/**
 * The JSON state of {@link volumesToDate}: per period key, created, solved and the backlog's change.
 * @example `volumesToDate(asOf, 'week', 'UTC').toJSON().created // [['2026-03-02', 41]]`
 */
export interface VolumesToDateState {
  created: [string, number][];
  solved: [string, number][];
  backlogDelta: [string, number][];
}

/**
 * One period of {@link volumesToDate}: the `MetricsReport.volumes` row shape.
 * @example `const row: VolumeRow = volumesToDate(asOf, 'week', 'UTC').result()[0]!;`
 */
export interface VolumeRow {
  period: string;
  start: Date;
  end: Date;
  created: number;
  solved: number;
  backlog: number;
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/**
 * Created, solved and backlog per period up to `asOf` (exclusive), mergeable across shards.
 *
 * @example
 * ```ts
 * const volumes = volumesToDate(asOf, 'week', 'Europe/Rome');
 * volumes.add(ticket, sortedEvents);
 * volumes.result(); // [{ period: '2026-03-02', created: 41, solved: 38, backlog: 12, … }]
 * ```
 */
export function volumesToDate(asOf: number, interval: Interval, timeZone: string) {
  const periods = new PeriodIndex(interval, timeZone, 'report');
  const created = new Map<string, number>();
  const solved = new Map<string, number>();
  const backlogDelta = new Map<string, number>();
  return {
    /** A ticket with its events sorted by time. Tickets created at or after `asOf` do not count. */
    add(ticket: Ticket, events: readonly TicketEvent[]): void {
      if (ticket.status === 'deleted') return; // as the library's volumes
      if (!(ticket.createdAt.getTime() < asOf)) return;
      bump(created, periods.keyOf(ticket.createdAt.getTime()));
      let lastKey: string | null = null; // solved twice in one period counts once there
      for (const t of solveTimes(ticket, events)) {
        if (t >= asOf) break;
        const key = periods.keyOf(t);
        if (key !== lastKey) bump(solved, key);
        lastKey = key;
      }
      for (const [from, to] of unresolvedIntervals(ticket, events)) {
        if (from >= asOf) continue;
        // Unresolved on [from, to): counts at the end of each period (or at asOf) that falls in it.
        const a = periods.keyOf(from);
        if (to === null || to > asOf) bump(backlogDelta, a);
        else {
          const b = periods.keyOf(to);
          if (a !== b) {
            bump(backlogDelta, a);
            bump(backlogDelta, b, -1);
          }
        }
      }
    },
    toJSON: (): VolumesToDateState => ({
      created: [...created],
      solved: [...solved],
      backlogDelta: [...backlogDelta],
    }),
    merge(state: VolumesToDateState): void {
      for (const [key, n] of state.created) bump(created, key, n);
      for (const [key, n] of state.solved) bump(solved, key, n);
      for (const [key, n] of state.backlogDelta) bump(backlogDelta, key, n);
    },
    /** Every period from the first with a ticket to the one holding `asOf`, without gaps. */
    result(): VolumeRow[] {
      const keys = [...created.keys(), ...solved.keys(), ...backlogDelta.keys()].sort();
      if (keys.length === 0) return [];
      let backlog = 0;
      return periods.range(keys[0]!, periods.keyOf(asOf - 1)).map((period) => {
        backlog += backlogDelta.get(period.key) ?? 0;
        return {
          period: period.key,
          start: period.start,
          end: period.end,
          created: created.get(period.key) ?? 0,
          solved: solved.get(period.key) ?? 0,
          backlog,
        };
      });
    },
  };
}
