import { invalidArgument, invalidOption } from '../../errors/validation.js';
import { addBusinessMillis, businessMinutesBetween, type Instant } from '../../metrics/business-time.js';
import { instantArg, policyArg, scheduleArg, ticketArg } from '../../metrics/input.js';
import { selectSlaPolicyOf } from '../../metrics/sla-match.js';
import type { Schedule, ScheduleInput } from '../../models/schedule.js';
import type { SlaPolicy, SlaPolicyInput, SlaTarget } from '../../models/sla-policy.js';
import type { Ticket, TicketInput } from '../../models/ticket.js';
import {
  estimateFromHistory,
  type HistoryInput,
  type ReplyHistory,
  replyHistory,
} from './promise-history.js';

const MINUTE = 60_000;

/**
 * Options of {@link promiseReplyBy}.
 * @example `promiseReplyBy(ticket, { schedule, policies, history: dataset, quantile: 0.9 })`
 */
export interface PromiseOptions {
  /** When the promise is made. @default the ticket's creation */
  asOf?: Instant;
  /** The team's business hours and holidays: promises are counted in business time on it. */
  schedule?: ScheduleInput;
  /** SLA policies: the one that applies (first match by position) decides when it has a first-reply target. */
  policies?: readonly SlaPolicyInput[];
  /** Past tickets and their messages: what the team really does, used when no SLA target applies. */
  history?: HistoryInput;
  /** Which quantile of past first replies to promise. @default 0.9 */
  quantile?: number;
  /** How far back "recent" reaches, in days before `asOf`. @default 90 */
  windowDays?: number;
  /** Fewest answered tickets a quantile is taken over; fewer widens the comparison. @default 20 */
  minSamples?: number;
  /**
   * The promise, in business minutes (calendar minutes without a schedule), when neither an SLA target nor
   * enough history decides.
   * @default 960 (two 8-hour working days)
   */
  fallbackMinutes?: number;
}

/**
 * A reply promise: the latest time by which the team will reply, and why.
 * @example `const { by, rule } = promiseReplyBy(ticket, { schedule, history });`
 */
export interface ReplyPromise {
  /** The promised time. */
  by: Date;
  /** Which rule decided, in words a team lead understands. */
  rule: string;
  /** `sla`: a policy's first-reply target; `history`: a quantile of past replies; `fallback`: neither. */
  basis: 'sla' | 'history' | 'fallback';
  /** Answered past tickets the quantile was taken over (0 unless `basis` is `history`). */
  samples: number;
  /** Business minutes from `asOf` to `by`, or null without a schedule. */
  businessMinutes: number | null;
  /** Calendar minutes from `asOf` to `by`. */
  calendarMinutes: number;
}

/** Options read once: what {@link promiseOf} takes. */
export interface PromiseSettings {
  schedule: Schedule | null;
  policies: SlaPolicy[];
  history: ReplyHistory | null;
  quantile: number;
  windowDays: number;
  minSamples: number;
  fallbackMinutes: number;
}

const FN = 'promiseReplyBy';
const OPTIONS = new Set([
  'asOf',
  'schedule',
  'policies',
  'history',
  'quantile',
  'windowDays',
  'minSamples',
  'fallbackMinutes',
]);

function numberOption(
  o: Record<string, unknown>,
  name: string,
  fn: string,
  fallback: number,
  ok: (n: number) => boolean,
  rule: string,
): number {
  const value = o[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw invalidOption(fn, name, rule);
  return value;
}

/**
 * Reads and checks promise options (shared with the backtest, which passes its own history).
 * @example `readPromiseOptions(options, 'promiseReplyBy', new Set(['asOf']))`
 */
export function readPromiseOptions(
  options: unknown,
  fn: string,
  extra: ReadonlySet<string> = new Set(),
): PromiseSettings & { asOf?: number; raw: Record<string, unknown> } {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidArgument(`${fn}()`, 'options', 'expected an options object');
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!OPTIONS.has(key) && !extra.has(key)) throw invalidOption(fn, key.slice(0, 64), 'unknown option');
  const schedule = o.schedule === undefined ? null : scheduleArg(o.schedule, fn);
  if (o.policies !== undefined && !Array.isArray(o.policies))
    throw invalidOption(fn, 'policies', 'expected an array of SLA policies');
  const policies = ((o.policies as unknown[] | undefined) ?? []).map((p) => policyArg(p, fn));
  if (o.history !== undefined && (typeof o.history !== 'object' || o.history === null))
    throw invalidOption(fn, 'history', 'expected a dataset with tickets and messages');
  return {
    ...(o.asOf === undefined ? {} : { asOf: instantArg(o.asOf, `${fn}() asOf`) }),
    raw: o,
    schedule,
    policies,
    history: o.history === undefined ? null : replyHistory(o.history as object, schedule, fn),
    quantile: numberOption(o, 'quantile', fn, 0.9, (n) => n > 0 && n <= 1, 'must be a number in (0, 1]'),
    windowDays: numberOption(o, 'windowDays', fn, 90, (n) => n > 0, 'must be a number of days > 0'),
    minSamples: numberOption(
      o,
      'minSamples',
      fn,
      20,
      (n) => Number.isInteger(n) && n >= 1,
      'must be an integer ≥ 1',
    ),
    fallbackMinutes: numberOption(
      o,
      'fallbackMinutes',
      fn,
      960,
      (n) => n > 0,
      'must be a number of minutes > 0',
    ),
  };
}

/**
 * The latest time by which the team will reply to a ticket, as of `options.asOf` (default: its creation), and
 * the rule that decided it:
 *
 * 1. **SLA**: the first-reply target of the policy that applies (`selectSlaPolicy`) for the ticket's priority,
 *    counted from creation in business time on `schedule` (holidays included) or in calendar time, as the
 *    target says;
 * 2. **history**: otherwise the `quantile` (p90) of first-reply business minutes of tickets created in the last
 *    `windowDays` and answered by `asOf` — same channel and priority; with fewer than `minSamples`, same
 *    priority, then same channel, then every ticket (the rule says which);
 * 3. **fallback**: `fallbackMinutes` when there is not enough history either.
 *
 * A deadline already past at `asOf` (a promise made late) is counted again from `asOf`, and the rule says so.
 *
 * @example
 * ```ts
 * import { promiseReplyBy } from 'supportkit-ts';
 * const promise = promiseReplyBy(ticket, { schedule, policies, history: pastDataset });
 * promise.by;   // Date
 * promise.rule; // 'p90 of first replies to 212 answered email/normal tickets created in the last 90 days: 312 business minutes'
 * ```
 */
export function promiseReplyBy(ticket: Ticket | TicketInput, options: PromiseOptions = {}): ReplyPromise {
  const settings = readPromiseOptions(options, FN);
  const parsed = ticketArg(ticket, FN);
  return promiseOf(parsed, settings.asOf ?? parsed.createdAt.getTime(), settings);
}

/** The first-reply target that applies to a ticket, and the policy's title; null when none does. */
function slaTarget(
  ticket: Ticket,
  policies: readonly SlaPolicy[],
): { target: SlaTarget; title: string } | null {
  if (policies.length === 0 || ticket.priority === null) return null;
  const selection = selectSlaPolicyOf(policies, ticket);
  if (selection.outcome !== 'policy') return null;
  const target = selection.policy.targets.find(
    (t) => t.metric === 'firstReply' && t.priority === ticket.priority,
  );
  return target ? { target, title: selection.policy.title } : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * {@link promiseReplyBy} on a parsed ticket and settings (the backtest's path: no second check).
 * @example `promiseOf(parsedTicket, Date.now(), settings).by`
 */
export function promiseOf(ticket: Ticket, asOf: number, s: PromiseSettings): ReplyPromise {
  const created = ticket.createdAt.getTime();
  const sla = slaTarget(ticket, s.policies);
  let minutes: number;
  let business: boolean;
  let rule: string;
  let basis: ReplyPromise['basis'];
  let samples = 0;
  if (sla) {
    ({ minutes, businessHours: business } = sla.target);
    if (business && !s.schedule)
      throw invalidOption(FN, 'schedule', 'is required: the SLA target counts business hours');
    basis = 'sla';
    rule = `SLA "${sla.title}": first reply within ${plural(minutes, business ? 'business minute' : 'minute')} for ${ticket.priority} priority`;
  } else {
    const estimate = s.history
      ? estimateFromHistory(s.history, {
          ticketId: ticket.id,
          channel: ticket.channel,
          priority: ticket.priority ?? 'none',
          asOf,
          windowDays: s.windowDays,
          quantile: s.quantile,
          minSamples: s.minSamples,
        })
      : null;
    business = s.schedule !== null;
    const unit = business ? 'business minute' : 'minute';
    const p = `p${Math.round(s.quantile * 1000) / 10}`;
    if (estimate) {
      ({ minutes, samples } = estimate);
      basis = 'history';
      rule = `${p} of first replies to ${estimate.samples} answered ${estimate.scope} created in the last ${plural(s.windowDays, 'day')}: ${plural(minutes, unit)}`;
      if (estimate.widened) rule += ` (${estimate.widened})`;
    } else {
      minutes = s.fallbackMinutes;
      basis = 'fallback';
      const why = s.history
        ? `fewer than ${s.minSamples} answered tickets in the last ${plural(s.windowDays, 'day')}`
        : 'no SLA target and no history';
      rule = `fallback of ${plural(minutes, unit)}: ${why}`;
    }
  }
  const add = (from: number) =>
    business ? addBusinessMillis(from, minutes, s.schedule!) : from + minutes * MINUTE;
  let by = add(created);
  if (by <= asOf && asOf > created) {
    by = add(asOf);
    rule += '; the deadline from creation had passed, so it is counted from now';
  }
  return {
    by: new Date(by),
    rule,
    basis,
    samples,
    businessMinutes: s.schedule ? businessMinutesBetween(asOf, by, s.schedule) : null,
    calendarMinutes: (by - asOf) / MINUTE,
  };
}
