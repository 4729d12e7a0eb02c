import type { Schedule } from '../../models/schedule.js';
import type { ReportFormatter } from '../format.js';

/** What every planning section is built with: the report's moment, zone and formatter, and the user's figures. */
export interface PlanningContext {
  asOf: number;
  timeZone: string;
  fmt: ReportFormatter;
  schedule: Schedule | undefined;
  staffing: { ahtMinutes: number; replyWithinMinutes: number; shrinkage: number };
  forecastWeeks: number;
}

/** Arrival counts per quarter hour as forecast history points, from `from` (inclusive) to `to` (exclusive). */
export function historyPoints(quarters: ReadonlyMap<number, number>, from: number, to: number) {
  const points: { start: number; value: number }[] = [];
  for (const [quarter, value] of quarters) {
    const start = quarter * 900_000;
    if (start >= from && start < to) points.push({ start, value });
  }
  return points.sort((a, b) => a.start - b.start);
}
