import { DateTime } from 'luxon';
import type { Holiday, ScheduleInterval } from '../models/index.js';

const MINUTE = 60_000;

/**
 * The open periods of a weekly schedule laid out as absolute UTC instants over a date range, so the generator
 * can ask "when is the next open minute" with a binary search. Local → UTC conversion is Luxon's (tz database,
 * DST included); nothing here does time-zone arithmetic by hand.
 */
export class WorkCalendar {
  /** Flat [start0, end0, start1, end1, …] in epoch ms, sorted, non-overlapping. */
  private readonly bounds: Float64Array;

  constructor(
    timeZone: string,
    intervals: readonly ScheduleInterval[],
    holidays: readonly Holiday[],
    firstLocalDay: DateTime,
    dayCount: number,
  ) {
    const closed = new Set<string>();
    for (const holiday of holidays) {
      let day = DateTime.fromISO(holiday.startDate, { zone: timeZone });
      const last = DateTime.fromISO(holiday.endDate, { zone: timeZone });
      while (day <= last) {
        closed.add(day.toISODate()!);
        day = day.plus({ days: 1 });
      }
    }
    const spans: number[] = [];
    let day = firstLocalDay.setZone(timeZone).startOf('day');
    for (let i = 0; i < dayCount; i++, day = day.plus({ days: 1 })) {
      if (closed.has(day.toISODate()!)) continue;
      const weekStart = (day.weekday % 7) * 1440; // Luxon: Monday = 1 … Sunday = 7; Zendesk counts from Sunday.
      for (const interval of intervals) {
        const from = Math.max(interval.start, weekStart);
        const to = Math.min(interval.end, weekStart + 1440);
        if (from >= to) continue;
        const start = day.plus({ minutes: from - weekStart });
        const end = to - weekStart === 1440 ? day.plus({ days: 1 }) : day.plus({ minutes: to - weekStart });
        spans.push(start.toMillis(), end.toMillis());
      }
    }
    // Sort by start and merge touching spans (an interval ending at 24:00 and one starting at 00:00).
    const pairs: [number, number][] = [];
    for (let i = 0; i < spans.length; i += 2) pairs.push([spans[i]!, spans[i + 1]!]);
    pairs.sort((x, y) => x[0] - y[0]);
    const merged: number[] = [];
    for (const [s, e] of pairs) {
      if (merged.length > 0 && s <= merged[merged.length - 1]!) {
        merged[merged.length - 1] = Math.max(merged[merged.length - 1]!, e);
      } else merged.push(s, e);
    }
    this.bounds = Float64Array.from(merged);
  }

  /** Index of the first span whose end is after `t`, or the span count when none is. */
  private spanAfter(t: number): number {
    let lo = 0;
    let hi = this.bounds.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bounds[mid * 2 + 1]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when `t` falls inside an open period. */
  isOpen(t: number): boolean {
    const i = this.spanAfter(t);
    return i < this.bounds.length / 2 && this.bounds[i * 2]! <= t;
  }

  /**
   * The instant at which `minutes` of open time have passed since `t`; past the laid-out range it continues in
   * calendar time, which only affects records the generator drops at `asOf` anyway.
   */
  addOpenMinutes(t: number, minutes: number): number {
    let remaining = minutes * MINUTE;
    let at = t;
    for (let i = this.spanAfter(t); i < this.bounds.length / 2; i++) {
      const start = Math.max(at, this.bounds[i * 2]!);
      const end = this.bounds[i * 2 + 1]!;
      if (end - start >= remaining) return start + remaining;
      remaining -= end - start;
      at = end;
    }
    return at + remaining;
  }
}
