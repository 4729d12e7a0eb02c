import { DateTime } from 'luxon';
import { ValidationError } from '../errors/validation.js';
import type { Schedule } from '../models/schedule.js';
import { type ArithmeticSchedule, arithmeticSchedule, utcDay } from './business-arithmetic.js';

// The business-time engine over an already-parsed schedule. It imports no zod, so `supportkit-ts/automations`
// (which checks its own loose input) can use it without paying for the models at import.

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const DAY = 86_400_000;
const TWO_DAYS = 2 * DAY;
/** Spans up to this long are laid out day by day; longer ones are computed by arithmetic (business-arithmetic.ts). */
const LAYOUT_SPAN = 400 * DAY;
/** The Date range, less a margin where Luxon can still lay out whole local days. */
const MAX_MS = 8.64e15;
const LAYOUT_LIMIT = MAX_MS - LAYOUT_SPAN;
/** How far ahead addBusinessMinutes lays out before searching by arithmetic. */
const NEAR = 62 * DAY;

/**
 * A schedule laid out as absolute open spans (epoch ms) over a window that grows on demand, with a running
 * total of open time, so the business time between any two instants is two binary searches. Local → UTC
 * conversion is Luxon's (the tz database, DST included): a local 01:00–05:00 window on the night clocks go
 * forward starts at 00:00Z and ends at 03:00Z, so it holds 180 real minutes.
 */
export class CompiledSchedule {
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** prefix[i] = open ms in spans 0..i-1. */
  private prefix = new Float64Array(1);
  /** The laid-out window, as local dates (inclusive first, exclusive last). */
  private firstDay: DateTime | null = null;
  private lastDay: DateTime | null = null;
  private windowStartMs = 0;
  private windowEndMs = 0;
  private readonly byWeekday: { from: number; to: number }[][];
  /** Holidays as merged day ranges (a holiday spanning millennia costs one range, not a day each). */
  readonly arithmetic: ArithmeticSchedule;

  constructor(readonly schedule: Schedule) {
    this.arithmetic = arithmeticSchedule(schedule);
    // Cut the weekly intervals into per-weekday pieces (0 = Sunday, as Zendesk counts), in local minutes of day.
    this.byWeekday = Array.from({ length: 7 }, () => []);
    for (const interval of schedule.intervals) {
      for (
        let day = Math.floor(interval.start / DAY_MINUTES);
        day * DAY_MINUTES < interval.end && day < 7;
        day++
      ) {
        const from = Math.max(interval.start, day * DAY_MINUTES) - day * DAY_MINUTES;
        const to = Math.min(interval.end, (day + 1) * DAY_MINUTES) - day * DAY_MINUTES;
        if (to > from) this.byWeekday[day]!.push({ from, to });
      }
    }
    for (const pieces of this.byWeekday) pieces.sort((a, b) => a.from - b.from);
  }

  get hasHours(): boolean {
    return this.byWeekday.some((pieces) => pieces.length > 0);
  }

  /**
   * Open spans of one local day, as [start, end] epoch ms, with wall-clock semantics: a minute is open when the
   * local clock shows a time inside an interval. So on the night clocks go forward the skipped wall times hold
   * no business time, and on the night they go back a repeated wall time counts twice. The day is cut into
   * stretches of constant UTC offset (at most two: real zones change offset at most once a day), and within a
   * stretch wall time and real time differ by that offset.
   */
  private daySpans(day: DateTime, out: number[]): void {
    if (this.arithmetic.isHoliday(utcDay(day.year, day.month, day.day))) return;
    const pieces = this.byWeekday[day.weekday % 7]!;
    if (pieces.length === 0) return;
    const zone = this.schedule.timeZone;
    const nominal = Date.UTC(day.year, day.month - 1, day.day); // local midnight as if it were UTC
    const start = day.toMillis();
    const end = day.plus({ days: 1 }).startOf('day').toMillis();
    const startOffset = day.offset;
    const endOffset = DateTime.fromMillis(end - 1, { zone }).offset;
    const stretches: [number, number, number][] = [];
    if (startOffset === endOffset) stretches.push([start, end, startOffset]);
    else {
      // Find the transition: the first whole minute after local midnight whose offset differs (offsets change
      // on whole minutes). About eleven look-ups, twice a year.
      let lo = 0; // offset(start + lo minutes) === startOffset
      let hi = Math.round((end - start) / MINUTE); // offset at or before the end differs
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (DateTime.fromMillis(start + mid * MINUTE, { zone }).offset === startOffset) lo = mid;
        else hi = mid;
      }
      const transition = start + hi * MINUTE;
      stretches.push([start, transition, startOffset], [transition, end, endOffset]);
    }
    for (const [from, to, offset] of stretches) {
      // Wall minutes since local midnight covered by this stretch.
      const wallFrom = (from - nominal) / MINUTE + offset;
      const wallTo = (to - nominal) / MINUTE + offset;
      for (const piece of pieces) {
        const lo = Math.max(piece.from, wallFrom);
        const hi = Math.min(piece.to, wallTo);
        if (hi > lo) out.push(nominal + (lo - offset) * MINUTE, nominal + (hi - offset) * MINUTE);
      }
    }
  }

  /** Makes sure the laid-out window covers [from, to] (epoch ms), growing it by at least a year at a time. */
  ensure(from: number, to: number): void {
    // Fast path without any time-zone work: well inside the window (two days of margin covers any UTC offset).
    if (this.firstDay && from - TWO_DAYS >= this.windowStartMs && to + TWO_DAYS <= this.windowEndMs) return;
    const zone = this.schedule.timeZone;
    // One local day of slack either side: an instant near midnight UTC can sit on the neighbouring local date.
    // Lay out generously (a month before, two months after) so neighbouring queries hit the fast path.
    const wantFirst = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 31 });
    const wantLast = DateTime.fromMillis(to, { zone }).startOf('day').plus({ days: 62 });
    if (this.firstDay && this.lastDay && wantFirst >= this.firstDay && wantLast <= this.lastDay) return;
    // A query far from the laid-out window starts a new window rather than laying out the years between.
    if (this.firstDay && (from > this.windowEndMs + LAYOUT_SPAN || to < this.windowStartMs - LAYOUT_SPAN)) {
      this.firstDay = null;
      this.lastDay = null;
    }
    let first = this.firstDay && this.firstDay < wantFirst ? this.firstDay : wantFirst;
    let last = this.lastDay && this.lastDay > wantLast ? this.lastDay : wantLast;
    if (this.firstDay && first < this.firstDay)
      first = DateTime.min(first, this.firstDay.minus({ years: 1 }));
    if (this.lastDay && last > this.lastDay) last = DateTime.max(last, this.lastDay.plus({ years: 1 }));
    const flat: number[] = [];
    for (let day = first; day < last; day = day.plus({ days: 1 }).startOf('day')) this.daySpans(day, flat);
    // Merge spans that touch (Saturday 24:00 and Sunday 00:00, or two touching intervals).
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const s = flat[i]!;
      const e = flat[i + 1]!;
      if (e <= s) continue; // a piece swallowed by a DST gap
      if (ends.length > 0 && s <= ends[ends.length - 1]!)
        ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, e);
      else {
        starts.push(s);
        ends.push(e);
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.prefix = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) this.prefix[i + 1] = this.prefix[i]! + (ends[i]! - starts[i]!);
    this.firstDay = first;
    this.lastDay = last;
    this.windowStartMs = first.toMillis();
    this.windowEndMs = last.toMillis();
  }

  /** Index of the last span starting at or before t, or -1. */
  private spanAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Open spans overlapping [from, to), clipped to it, as [start, end] epoch ms (the window must cover it). */
  spansIn(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    for (let i = Math.max(0, this.spanAtOrBefore(from)); i < this.starts.length; i++) {
      const start = this.starts[i]!;
      if (start >= to) break;
      const end = Math.min(this.ends[i]!, to);
      if (end > from) out.push([Math.max(start, from), end]);
    }
    return out;
  }

  /** Whether t falls inside an open span. */
  isOpen(t: number): boolean {
    const i = this.spanAtOrBefore(t);
    return i >= 0 && t < this.ends[i]!;
  }

  /** Open ms from the start of the window to t. */
  cumulative(t: number): number {
    const i = this.spanAtOrBefore(t);
    if (i < 0) return 0;
    return this.prefix[i]! + Math.min(t, this.ends[i]!) - this.starts[i]!;
  }

  /** The instant at which the cumulative open time reaches `target` ms, or null past the window. */
  instantAt(target: number): number | null {
    const total = this.prefix[this.starts.length]!;
    if (target > total) return null;
    // First span whose prefix end reaches the target.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.prefix[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo]! + (target - this.prefix[lo]!);
  }

  get windowEnd(): number {
    return this.windowEndMs;
  }
}

const laidOut = new WeakMap<object, CompiledSchedule>();

/**
 * The compiled form of an already-parsed schedule, cached per schedule object (internal: no input checks).
 * @example `openAt(Date.now(), compiledFor(parsedSchedule)); // true during business hours`
 */
export function compiledFor(schedule: Schedule): CompiledSchedule {
  let hit = laidOut.get(schedule);
  if (!hit) {
    hit = new CompiledSchedule(schedule);
    laidOut.set(schedule, hit);
  }
  return hit;
}

/**
 * Business minutes between epoch-ms instants on a compiled schedule (negative when `b` is before `a`).
 * @example `minutesBetween(Date.parse('2026-03-06T16:00:00Z'), Date.parse('2026-03-09T09:00:00Z'), compiled); // 120`
 */
export function minutesBetween(a: number, b: number, compiledSchedule: CompiledSchedule): number {
  if (a === b) return 0;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  let ms: number;
  if (layoutFits(lo, hi)) {
    compiledSchedule.ensure(lo, hi);
    ms = compiledSchedule.cumulative(hi) - compiledSchedule.cumulative(lo);
  } else ms = compiledSchedule.arithmetic.openBetween(lo, hi);
  const minutes = ms / MINUTE;
  return a < b ? minutes : -minutes;
}

/** Short spans away from the ends of the Date range are laid out day by day; the rest is arithmetic. */
function layoutFits(lo: number, hi: number): boolean {
  return hi - lo <= LAYOUT_SPAN && lo >= -LAYOUT_LIMIT && hi <= LAYOUT_LIMIT;
}

/**
 * The open spans of a compiled schedule that overlap [from, to) (epoch ms, at most a year apart), clipped to it:
 * what "today's hours" and "when do we open next" read (internal: no input checks).
 * @example `spansBetween(Date.parse('2026-03-09T00:00:00+01:00'), Date.parse('2026-03-10T00:00:00+01:00'), compiled); // [[09:00, 18:00]] as epoch ms`
 */
export function spansBetween(
  from: number,
  to: number,
  compiledSchedule: CompiledSchedule,
): [number, number][] {
  if (!(to > from)) return [];
  if (!layoutFits(from, to)) {
    throw new ValidationError('openSpansBetween()', [
      { path: [], code: 'too_big', message: 'spans are laid out for windows of at most 400 days' },
    ]);
  }
  compiledSchedule.ensure(from, to);
  return compiledSchedule.spansIn(from, to);
}

/**
 * Whether an epoch-ms instant is inside business hours of a compiled schedule.
 * @example `openAt(Date.parse('2026-03-09T09:00:00Z'), compiled); // true`
 */
export function openAt(t: number, compiledSchedule: CompiledSchedule): boolean {
  if (!layoutFits(t, t)) return compiledSchedule.arithmetic.isOpen(t);
  compiledSchedule.ensure(t, t);
  return compiledSchedule.isOpen(t);
}

/**
 * The epoch ms at which `minutes` business minutes have elapsed after `t`, on a compiled schedule.
 * @example `addMillis(Date.parse('2026-03-06T16:00:00Z'), 120, compiled); // epoch ms of Monday 09:00Z`
 */
export function addMillis(t: number, minutes: number, compiledSchedule: CompiledSchedule): number {
  if (minutes === 0) return t;
  if (!compiledSchedule.hasHours) {
    throw new ValidationError('Schedule', [
      { path: ['intervals'], code: 'too_small', message: 'schedule has no business hours' },
    ]);
  }
  const wanted = minutes * MINUTE;
  // Near: lay out up to two months ahead, doubling the look-ahead (a sparse schedule needs few rebuilds).
  if (layoutFits(t, t + NEAR)) {
    let horizon = t + Math.min(NEAR, Math.max(wanted * 4, 14 * DAY));
    for (;;) {
      compiledSchedule.ensure(t, horizon);
      const at = compiledSchedule.instantAt(compiledSchedule.cumulative(t) + wanted);
      // Dates hold whole milliseconds: round up so a deadline is never early.
      if (at !== null && at <= compiledSchedule.windowEnd) return Math.ceil(at);
      if (horizon >= t + NEAR) break;
      horizon = Math.min(t + NEAR, t + 2 * (compiledSchedule.windowEnd - t));
    }
  }
  // Far: the earliest whole millisecond by which `wanted` has elapsed, by bisection over the arithmetic form
  // (about 55 steps, each independent of the span).
  const arithmetic = compiledSchedule.arithmetic;
  let lo = Math.ceil(t);
  let hi = MAX_MS;
  if (arithmetic.openBetween(t, hi) < wanted) {
    throw new ValidationError('addBusinessMinutes() minutes', [
      {
        path: [],
        code: 'too_big',
        message: 'the schedule does not hold that many business minutes before the end of the Date range',
      },
    ]);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (arithmetic.openBetween(t, mid) >= wanted) hi = mid;
    else lo = mid;
  }
  return arithmetic.openBetween(t, lo) >= wanted ? lo : hi;
}
