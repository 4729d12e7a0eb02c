import { DateTime } from 'luxon';
import { invalidOption, ValidationError } from '../errors/validation.js';
import { isIanaTimeZone } from '../models/vocabulary.js';

/** The calendar unit metrics are bucketed by. Weeks start on Monday (ISO 8601). */
export type Interval = 'day' | 'week' | 'month';

/** A reporting period: local start date as its key, and its absolute bounds. */
export interface Period {
  /** The local date the period starts on, `YYYY-MM-DD`: stable as a key across shards. */
  key: string;
  start: Date;
  /** Exclusive. */
  end: Date;
}

/**
 * The most periods one report spans: about 27 years of days, 190 years of weeks or 830 years of months. Periods
 * are laid out one by one (a day is 23 or 25 hours on DST changes, and only the tz database knows when), so a
 * bound keeps the cost bounded; tickets further apart are refused with a ValidationError rather than ground
 * through for seconds.
 * @example `if (days > MAX_PERIODS) useWeeks();`
 */
export const MAX_PERIODS = 10_000;
/** The shortest each interval can be, to bound a period count from a span without laying it out. */
const SHORTEST: Record<Interval, number> = {
  day: 22 * 3_600_000,
  week: 167 * 3_600_000,
  month: 27 * 86_400_000,
};

/**
 * Checks interval and time-zone options once, at the entry, so a wrong value is a ValidationError naming the
 * option rather than a RangeError from Intl deep inside a loop.
 */
export function checkPeriodOptions(fn: string, interval: unknown, timeZone: unknown): void {
  if (interval !== 'day' && interval !== 'week' && interval !== 'month') {
    throw invalidOption(fn, 'interval', `must be "day", "week" or "month"`);
  }
  if (typeof timeZone !== 'string' || !isIanaTimeZone(timeZone)) {
    throw invalidOption(fn, 'timeZone', `must be an IANA time zone name such as Europe/Rome`);
  }
}

/** A period's local start date (its key) and one of its absolute bounds, epoch ms. */
interface PeriodBound {
  key: string;
  at: number;
}

/**
 * The time-zone side of a {@link PeriodIndex}: where periods start, laid out by Luxon (so a day is 23 or 25 hours
 * on DST changes) and remembered, so that the indexes of one report (volumes, tag trends) share each period's
 * time-zone work — the costly part of laying one out — instead of repeating it.
 * @example `const steps = new PeriodSteps('day', 'Europe/Rome'); new PeriodIndex('day', 'Europe/Rome', 'volumes', steps);`
 */
export class PeriodSteps {
  /** Period start → its key and end. */
  private readonly after = new Map<number, PeriodBound>();
  /** Period start → the previous period's key and start. */
  private readonly before = new Map<number, PeriodBound>();

  constructor(
    readonly interval: Interval,
    readonly timeZone: string,
  ) {}

  /** The period containing t: its key and start. */
  containing(t: number): PeriodBound {
    const start = this.startOf(t);
    return { key: start.toISODate()!, at: start.toMillis() };
  }

  /** The period starting at `start` (a period start): its key and end. */
  startingAt(start: number): PeriodBound {
    let hit = this.after.get(start);
    if (!hit) {
      const first = DateTime.fromMillis(start, { zone: this.timeZone });
      hit = { key: first.toISODate()!, at: this.step(first).toMillis() };
      this.after.set(start, hit);
    }
    return hit;
  }

  /** The period ending at `end` (a period start): its key and start. */
  endingAt(end: number): PeriodBound {
    let hit = this.before.get(end);
    if (!hit) {
      hit = this.containing(end - 1);
      this.before.set(end, hit);
    }
    return hit;
  }

  private startOf(t: number): DateTime {
    return DateTime.fromMillis(t, { zone: this.timeZone }).startOf(this.interval, { useLocaleWeeks: false });
  }

  private step(d: DateTime): DateTime {
    return d.plus(
      this.interval === 'day' ? { days: 1 } : this.interval === 'week' ? { weeks: 1 } : { months: 1 },
    );
  }
}

/**
 * Maps instants to local calendar periods of one time zone. Boundaries come from Luxon (so a day is 23 or 25
 * hours on DST changes) and are cached in a sorted array that grows on demand, so each lookup is a binary search
 * rather than a time-zone conversion. Indexes of one interval and time zone may share their {@link PeriodSteps}.
 */
export class PeriodIndex {
  private bounds: number[] = [];
  private keys: string[] = [];
  private readonly steps: PeriodSteps;

  constructor(
    readonly interval: Interval,
    readonly timeZone: string,
    /** The public function using the index, named in errors. */
    readonly owner = 'volumes',
    /** Period starts laid out already, shared with other indexes (used when interval and time zone match). */
    steps?: PeriodSteps,
  ) {
    this.steps =
      steps && steps.interval === interval && steps.timeZone === timeZone
        ? steps
        : new PeriodSteps(interval, timeZone);
  }

  /** Refuses a span that would hold more than {@link MAX_PERIODS} periods. */
  private checkSpan(from: number, to: number): void {
    if (!(Math.abs(to - from) / SHORTEST[this.interval] <= MAX_PERIODS)) {
      throw new ValidationError(`${this.owner}() dataset`, [
        {
          path: [],
          code: 'too_big',
          message: `tickets span more than ${MAX_PERIODS} periods of one ${this.interval}; use a longer interval or split the data`,
        },
      ]);
    }
  }

  private extend(t: number): void {
    if (this.bounds.length === 0) {
      const first = this.steps.containing(t);
      this.bounds = [first.at, this.steps.startingAt(first.at).at];
      this.keys = [first.key];
      return;
    }
    this.checkSpan(t, t < this.bounds[0]! ? this.bounds[this.bounds.length - 1]! : this.bounds[0]!);
    while (t < this.bounds[0]!) {
      const first = this.steps.endingAt(this.bounds[0]!);
      this.bounds.unshift(first.at);
      this.keys.unshift(first.key);
    }
    while (t >= this.bounds[this.bounds.length - 1]!) {
      const last = this.steps.startingAt(this.bounds[this.bounds.length - 1]!);
      this.keys.push(last.key);
      this.bounds.push(last.at);
    }
  }

  /** The period containing t. */
  periodOf(t: number): Period {
    const i = this.indexOf(t);
    return { key: this.keys[i]!, start: new Date(this.bounds[i]!), end: new Date(this.bounds[i + 1]!) };
  }

  /** The key of the period containing t. */
  keyOf(t: number): string {
    const i = this.indexOf(t); // first: indexOf may replace this.keys
    return this.keys[i]!;
  }

  private indexOf(t: number): number {
    if (this.bounds.length === 0 || t < this.bounds[0]! || t >= this.bounds[this.bounds.length - 1]!)
      this.extend(t);
    let lo = 0;
    let hi = this.bounds.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.bounds[mid]! <= t) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Every period from the one holding the first key to the one holding the last, in order. */
  range(firstKey: string, lastKey: string): Period[] {
    const from = DateTime.fromISO(firstKey, { zone: this.timeZone }).toMillis();
    const to = DateTime.fromISO(lastKey, { zone: this.timeZone }).toMillis();
    if (!Number.isFinite(from) || !Number.isFinite(to)) return []; // keys from a foreign state that are no dates
    this.checkSpan(from, to);
    const out: Period[] = [];
    for (let t = from; t <= to; ) {
      const period = this.periodOf(t);
      out.push(period);
      t = period.end.getTime();
    }
    return out;
  }
}
