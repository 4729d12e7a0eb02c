import { IANAZone } from 'luxon';
import type { Schedule } from '../models/schedule.js';

/**
 * Business time over long spans without walking day by day: the cost depends on the schedule's intervals, its
 * holidays and the zone's offset changes, not on the days spanned. Same wall-clock semantics as the day-by-day
 * layout in business-time.ts (which still serves short spans and is this code's reference in the tests):
 *
 *   open ms in [a, b) = open wall time between wall(a) and wall(b)
 *                       − open wall time skipped by each spring-forward jump in (a, b]
 *                       + open wall time repeated by each fall-back jump in (a, b]
 *
 * "Wall time" is local time written as if it were UTC (nominal ms), where the weekly pattern and whole-day
 * holidays are plain arithmetic. Every local ↔ real conversion is Luxon's (`IANAZone#offset`, the tz database);
 * nothing here knows a DST rule. Offset changes are found once per zone by sampling Luxon's offsets over
 * 1800–2440 and bisecting to the second. Before 1800 every zone is on its constant local mean time in the tz
 * database; after 2040 the database's final rules repeat with the Gregorian 400-year cycle (146,097 days, a
 * whole number of weeks), so later instants are mapped back by whole cycles.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const CYCLE = 146_097 * DAY; // 400 Gregorian years
const ERA_START = utcDay(1800, 1, 1) * DAY;
const CYCLE_START = utcDay(2040, 1, 1) * DAY;
const ERA_END = CYCLE_START + CYCLE; // 2440-01-01
/** Sampling step for offset changes: shorter than the gap between any two real transitions (Morocco's ~30 days). */
const STEP = 14 * DAY;
/** Spans up to this long sum their transitions one by one; longer ones use prefix sums over the whole era. */
const SHORT_SPAN = 50 * 365 * DAY;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (years 0–99 included, unlike Date.UTC).
 * @example `utcDay(1970, 1, 2); // 1; utcDay(1, 1, 1) is year 1, not 1901`
 */
export function utcDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY);
}

interface Transition {
  /** The first real instant with the new offset. */
  at: number;
  /** Offsets before and after, in ms. */
  before: number;
  after: number;
}

/** Samples per block: offset changes are found a block (about 14 years) at a time, when first needed. */
const BLOCK_STEPS = 364;
const BLOCK = BLOCK_STEPS * STEP;
const BLOCKS = Math.ceil((ERA_END - ERA_START) / BLOCK);

/** A zone's offset changes over the era, found with Luxon block by block; cached per zone. */
class ZoneTransitions {
  private readonly zone: IANAZone;
  private readonly blocks: (Transition[] | undefined)[] = [];
  private all: Transition[] | null = null;

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  /** The era's transitions in block i (those in (t_n, t_n+1] for the samples t_n of the block). */
  private block(i: number): Transition[] {
    let hit = this.blocks[i];
    if (hit) return hit;
    hit = [];
    const first = ERA_START + i * BLOCK;
    let previous = this.raw(first);
    for (let n = 1; n <= BLOCK_STEPS; n++) {
      const t = first + n * STEP;
      const offset = this.raw(t);
      if (offset === previous) continue;
      // Bisect to the second (the tz database's precision): raw(lo) === previous, raw(hi) !== previous.
      let lo = t - STEP;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.raw(mid) === previous) lo = mid;
        else hi = mid;
      }
      if (hi < ERA_END) hit.push({ at: hi, before: previous, after: this.raw(hi) });
      previous = offset;
    }
    this.blocks[i] = hit;
    return hit;
  }

  /** Every transition of the era, in order (lays out every block). */
  get list(): Transition[] {
    if (!this.all) {
      this.all = [];
      for (let i = 0; i < BLOCKS; i++) this.all.push(...this.block(i));
    }
    return this.all;
  }

  /** The era's transitions with a < at ≤ b, from the blocks that hold them only. */
  private eraBetween(a: number, b: number, out: Transition[], shift: number): void {
    const from = Math.max(0, Math.floor((Math.max(a, ERA_START) - ERA_START) / BLOCK));
    const to = Math.min(BLOCKS - 1, Math.floor((Math.min(b, ERA_END) - ERA_START) / BLOCK));
    for (let i = from; i <= to; i++) {
      for (const t of this.block(i))
        if (t.at > a && t.at <= b) out.push(shift ? { ...t, at: t.at + shift } : t);
    }
  }

  private raw(t: number): number {
    return Math.round(this.zone.offset(t) * MINUTE);
  }

  /** The zone's offset (ms) at a real instant, for any instant in the Date range. */
  offset(t: number): number {
    // Before the era: the zone's constant local mean time. After it: the same offset one or more cycles back.
    if (t < ERA_START) return this.raw(ERA_START - DAY);
    if (t >= ERA_END) return this.raw(t - Math.floor((t - CYCLE_START) / CYCLE) * CYCLE);
    return this.raw(t);
  }

  /** How many of the era's transitions are at or before t. */
  countUpTo(t: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid]!.at <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Transitions with a < at ≤ b, the periodic tail mapped forward by whole cycles. Meant for short windows. */
  between(a: number, b: number): Transition[] {
    const out: Transition[] = [];
    if (b <= a) return out;
    if (a < ERA_END) this.eraBetween(a, Math.min(b, ERA_END - 1), out, 0);
    // Beyond the era: cycle k covers [CYCLE_START + k·CYCLE, CYCLE_START + (k+1)·CYCLE), k ≥ 1.
    for (
      let k = Math.max(1, Math.floor((Math.max(a, ERA_END) - CYCLE_START) / CYCLE));
      CYCLE_START + k * CYCLE <= b;
      k++
    ) {
      this.eraBetween(
        Math.max(a - k * CYCLE, CYCLE_START - 1),
        Math.min(b - k * CYCLE, ERA_END - 1),
        out,
        k * CYCLE,
      );
    }
    return out;
  }
}

const zones = new Map<string, ZoneTransitions>();
function transitionsOf(zone: string): ZoneTransitions {
  let hit = zones.get(zone);
  if (!hit) {
    hit = new ZoneTransitions(zone);
    zones.set(zone, hit);
  }
  return hit;
}

/**
 * A schedule's business time by arithmetic; build with {@link arithmeticSchedule}.
 * @example `arithmeticSchedule(schedule).isOpen(Date.parse('2026-03-09T09:30:00Z')); // true on Mon–Fri 09–18 Rome`
 */
export class ArithmeticSchedule {
  /** Merged weekly intervals in minutes from Sunday 00:00. */
  private readonly weekly: [number, number][] = [];
  private readonly weekOpen: number;
  /** Merged holiday ranges as day numbers [first, last + 1), and open pattern ms before each (prefix). */
  private readonly holidayStart: number[] = [];
  private readonly holidayEnd: number[] = [];
  private readonly holidayPrefix: number[] = [0];
  private zone: ZoneTransitions | null = null;
  /** Prefix sums over the era's transitions of the pattern-only adjustment (no holidays). */
  private adjPrefix: number[] | null = null;
  /** Per holiday range: what its transitions' adjustments lose to the holiday (pattern − actual). */
  private holidayLoss: (number | undefined)[] | null = null;

  constructor(readonly schedule: Schedule) {
    const intervals = [...schedule.intervals].sort((a, b) => a.start - b.start);
    for (const { start, end } of intervals) {
      const last = this.weekly[this.weekly.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else this.weekly.push([start, end]);
    }
    this.weekOpen = this.weekly.reduce((sum, [s, e]) => sum + (e - s), 0) * MINUTE;
    const days = schedule.holidays
      .map((h) => [dayOf(h.startDate), dayOf(h.endDate) + 1] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    for (const [from, to] of days) {
      const n = this.holidayEnd.length;
      if (n > 0 && from <= this.holidayEnd[n - 1]!)
        this.holidayEnd[n - 1] = Math.max(this.holidayEnd[n - 1]!, to);
      else {
        this.holidayStart.push(from);
        this.holidayEnd.push(to);
      }
    }
    for (let i = 0; i < this.holidayStart.length; i++) {
      this.holidayPrefix.push(
        this.holidayPrefix[i]! +
          this.pattern(this.holidayEnd[i]! * DAY) -
          this.pattern(this.holidayStart[i]! * DAY),
      );
    }
  }

  /** Whether a local date (day number) is a holiday. */
  isHoliday(day: number): boolean {
    const i = upperBound(this.holidayStart, day) - 1;
    return i >= 0 && day < this.holidayEnd[i]!;
  }

  /** Open pattern ms from the wall-time origin (a Sunday) to nominal wall ms x, ignoring holidays. */
  private pattern(x: number): number {
    const sunday = -4; // 1970-01-01 was a Thursday: day −4 was a Sunday
    const weeks = Math.floor((x / DAY - sunday) / 7);
    const minute = (x - (weeks * 7 + sunday) * DAY) / MINUTE;
    let within = 0;
    for (const [s, e] of this.weekly) {
      if (minute <= s) break;
      within += Math.min(minute, e) - s;
    }
    return weeks * this.weekOpen + within * MINUTE;
  }

  /** Open wall ms from the origin to x, holidays taken out. */
  private wall(x: number): number {
    const day = Math.floor(x / DAY);
    const i = upperBound(this.holidayStart, day) - 1;
    if (i < 0) return this.pattern(x);
    const inside = Math.min(x, this.holidayEnd[i]! * DAY);
    return (
      this.pattern(x) -
      this.holidayPrefix[i]! -
      (this.pattern(inside) - this.pattern(this.holidayStart[i]! * DAY))
    );
  }

  private zoneData(): ZoneTransitions {
    this.zone ??= transitionsOf(this.schedule.timeZone);
    return this.zone;
  }

  /** Adjustment for one transition: open wall time skipped (−) or repeated (+). */
  private adjust(t: Transition, measure: (x: number) => number): number {
    return t.after > t.before
      ? -(measure(t.at + t.after) - measure(t.at + t.before))
      : measure(t.at + t.before) - measure(t.at + t.after);
  }

  private adjustPattern(t: Transition): number {
    return this.adjust(t, (x) => this.pattern(x));
  }

  private adjustActual(t: Transition): number {
    return this.adjust(t, (x) => this.wall(x));
  }

  /** Σ pattern-only adjustments of transitions at ≤ t, from the era's start, periodic beyond it. */
  private adjustedBefore(t: number): number {
    const zone = this.zoneData();
    if (!this.adjPrefix) {
      this.adjPrefix = [0];
      for (const tr of zone.list)
        this.adjPrefix.push(this.adjPrefix[this.adjPrefix.length - 1]! + this.adjustPattern(tr));
    }
    const prefix = this.adjPrefix;
    const upTo = (x: number) => prefix[zone.countUpTo(x)]!; // transitions with at ≤ x
    if (t < ERA_END) return upTo(t);
    const cycle = upTo(ERA_END) - upTo(CYCLE_START - 1);
    const k = Math.floor((t - CYCLE_START) / CYCLE);
    return upTo(t - k * CYCLE) + k * cycle;
  }

  /** Σ pattern-only adjustments of transitions in (a, b]. */
  private patternAdjustments(a: number, b: number): number {
    if (b <= a) return 0;
    if (b - a > SHORT_SPAN) return this.adjustedBefore(b) - this.adjustedBefore(a);
    let sum = 0;
    for (const t of this.zoneData().between(a, b)) sum += this.adjustPattern(t);
    return sum;
  }

  /**
   * What holidays take from the adjustments of transitions in (a, b]: for a transition whose skipped or repeated
   * wall time falls on a holiday, the pattern-only adjustment overstates it. Transitions well inside a holiday
   * range lose their whole pattern adjustment; the few within two days of its edges are computed exactly.
   */
  private holidayCorrection(a: number, b: number): number {
    if (this.holidayStart.length === 0) return 0;
    this.holidayLoss ??= [];
    const lossOf = (i: number) => {
      this.holidayLoss![i] ??= this.rangeLoss(i, -Infinity, Infinity);
      return this.holidayLoss![i]!;
    };
    // Ranges whose real window [start − 1 day, end + 1 day] meets (a, b].
    const first = upperBound(this.holidayEnd, Math.floor(a / DAY) - 1);
    const last = upperBound(this.holidayStart, Math.floor(b / DAY) + 1) - 1;
    let total = 0;
    for (let i = first; i <= last; i++) {
      const lo = (this.holidayStart[i]! - 1) * DAY;
      const hi = (this.holidayEnd[i]! + 1) * DAY;
      total += lo >= a && hi <= b ? lossOf(i) : this.rangeLoss(i, a, b);
    }
    return total;
  }

  /** Loss of holiday range i over transitions in (a, b]. Edge transitions belong to the range they are next to. */
  private rangeLoss(i: number, a: number, b: number): number {
    const zone = this.zoneData();
    const lo = (this.holidayStart[i]! - 1) * DAY;
    const hi = (this.holidayEnd[i]! + 1) * DAY;
    // The previous range's right edge may overlap this range's left edge: start after it to count a transition once.
    const previousHi = i > 0 ? (this.holidayEnd[i - 1]! + 1) * DAY : -Infinity;
    let loss = 0;
    const edge = (from: number, to: number) => {
      for (const t of zone.between(Math.max(from, a, previousHi), Math.min(to, b)))
        loss += this.adjustPattern(t) - this.adjustActual(t);
    };
    const innerFrom = lo + 2 * DAY;
    const innerTo = hi - 2 * DAY;
    if (innerTo > innerFrom) {
      edge(lo, innerFrom);
      loss += this.patternAdjustments(Math.max(innerFrom, a), Math.min(innerTo, b));
      edge(innerTo, hi);
    } else edge(lo, hi);
    return loss;
  }

  /** Open ms in [a, b), a ≤ b, epoch ms anywhere in the Date range. */
  openBetween(a: number, b: number): number {
    const zone = this.zoneData();
    const wa = a + zone.offset(a);
    const wb = b + zone.offset(b);
    return this.wall(wb) - this.wall(wa) + this.patternAdjustments(a, b) - this.holidayCorrection(a, b);
  }

  /** Whether the instant is inside business hours. */
  isOpen(t: number): boolean {
    const x = t + this.zoneData().offset(t);
    return !this.isHoliday(Math.floor(x / DAY)) && this.pattern(x + 1) - this.pattern(x) > 0;
  }
}

function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return utcDay(y, m, d);
}

/** Number of items ≤ x in an ascending array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const cache = new WeakMap<Schedule, ArithmeticSchedule>();
/**
 * The arithmetic form of a parsed schedule, cached per schedule object.
 * @example `arithmeticSchedule(parsedSchedule).openBetween(Date.UTC(2026, 0, 1), Date.UTC(3026, 0, 1)); // ms`
 */
export function arithmeticSchedule(schedule: Schedule): ArithmeticSchedule {
  let hit = cache.get(schedule);
  if (!hit) {
    hit = new ArithmeticSchedule(schedule);
    cache.set(schedule, hit);
  }
  return hit;
}
