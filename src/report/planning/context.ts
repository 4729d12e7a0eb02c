import { IANAZone } from 'luxon';
import type { Schedule } from '../../models/schedule.js';
import type { ReportFormatter } from '../format.js';

/**
 * What every planning section is built with: the report's moment, zone and formatter, and the user's figures.
 * @example `forecastSection(quarters, { asOf, timeZone, fmt, schedule: undefined, staffing, forecastWeeks: 4 })`
 */
export interface PlanningContext {
  asOf: number;
  timeZone: string;
  fmt: ReportFormatter;
  schedule: Schedule | undefined;
  staffing: { ahtMinutes: number; replyWithinMinutes: number; shrinkage: number };
  forecastWeeks: number;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Arrivals per quarter hour summed into local hours or days of `zone`, as forecast history points from `from`
 * (inclusive) to `to` (exclusive). Each point sits in the middle of its local hour, or at local noon, so the
 * forecasting module puts it in the right period without a time-zone conversion per quarter hour; the two
 * hours of a DST change that share a local name stay two points.
 *
 * @example
 * ```ts
 * localPoints(new Map([[1_960_000, 3]]), 'Europe/Rome', 'hour', 0, Infinity); // [{ start: …, value: 3 }]
 * ```
 */
export function localPoints(
  quarters: ReadonlyMap<number, number>,
  zone: string,
  unit: 'hour' | 'day',
  from: number,
  to: number,
): { start: number; value: number }[] {
  const tz = IANAZone.create(zone);
  // A zone's offset is the same through most hours: looked up once per UTC hour, per instant where it changes.
  const hours = new Map<number, number | null>();
  const offsetAt = (ms: number) => {
    const hour = Math.floor(ms / HOUR);
    let offset = hours.get(hour);
    if (offset === undefined) {
      const first = tz.offset(hour * HOUR);
      offset = first === tz.offset(hour * HOUR + HOUR - 1) ? first : null;
      hours.set(hour, offset);
    }
    return (offset ?? tz.offset(ms)) * 60_000;
  };
  const size = unit === 'hour' ? HOUR : DAY;
  const sums = new Map<number, number>();
  for (const [quarter, value] of quarters) {
    const ms = quarter * 900_000;
    if (ms < from || ms >= to) continue;
    const offset = offsetAt(ms);
    const middle = Math.floor((ms + offset) / size) * size + size / 2 - offset;
    sums.set(middle, (sums.get(middle) ?? 0) + value);
  }
  return [...sums].sort((a, b) => a[0] - b[0]).map(([start, value]) => ({ start, value }));
}
