import { invalidArgument, invalidOption } from '../../errors/validation.js';
import type { Schedule, ScheduleInput } from '../../models/schedule.js';
import { businessMinutesBetween } from '../business-time.js';
import { checkOptionNames } from '../forecast/options.js';
import { scheduleArg } from '../input.js';
import { type AgentsForResult, agentsFor, STAFFING_LIMITS } from './agents.js';

const PLAN_OPTIONS = [
  'channel',
  'ahtSeconds',
  'serviceLevel',
  'targetSeconds',
  'targetMinutes',
  'shrinkage',
  'maxOccupancy',
  'patienceSeconds',
  'concurrency',
  'staffTo',
  'roster',
  'peaks',
];

/** One forecast period as {@link staffingPlan} reads it (a `forecastVolume()` point fits). */
export interface PlanPeriod {
  start: Date | string | number;
  end: Date | string | number;
  forecast: number;
  upper80?: number;
  upper95?: number;
  period?: string;
}

/** Options of {@link staffingPlan}. */
export interface StaffingPlanOptions {
  /**
   * `phone` and `chat` are sized by Erlang (chat with `concurrency`); `email` and `web` by a backlog model: every
   * request answered within `targetMinutes`, so the agent-hours of the work arriving in the last `targetMinutes`
   * are spread over that window. @default 'phone'
   */
  channel?: 'phone' | 'chat' | 'email' | 'web';
  ahtSeconds: number;
  /** Erlang channels: the service-level goal (0.8 for 80/20). @default 0.8 */
  serviceLevel?: number;
  /** Erlang channels: answered within this many seconds. @default 20 */
  targetSeconds?: number;
  /** Backlog channels: the reply target in minutes (e.g. an SLA first-reply target). @default 240 */
  targetMinutes?: number;
  shrinkage?: number;
  maxOccupancy?: number;
  patienceSeconds?: number;
  concurrency?: number;
  /** Which figure to staff for: the point forecast or an interval's upper end. @default 'forecast' */
  staffTo?: 'forecast' | 'upper80' | 'upper95';
  /** Agents on shift per period (same order), or a Schedule and a headcount on shift while it is open. */
  roster?: readonly number[] | { schedule: Schedule | ScheduleInput; headcount: number };
  /** How many peak periods to list, a whole number ≥ 0. @default 5 */
  peaks?: number;
}

/** Staffing for one period. */
export interface PlanInterval {
  period: string;
  start: Date;
  end: Date;
  contacts: number;
  /** Agents needed on contacts (whole), and as a real number. */
  agents: number;
  fractionalAgents: number;
  /** Agents to schedule after shrinkage. */
  scheduled: number;
  /** Erlang channels: what `agents` achieve; null for backlog channels. */
  achieved: AgentsForResult['achieved'] | null;
  /** Agents on shift, when a roster was given. */
  roster: number | null;
  /** roster − scheduled: negative = short. Null without a roster. */
  gap: number | null;
}

/** The result of {@link staffingPlan}. */
export interface StaffingPlan {
  intervals: PlanInterval[];
  /** The periods needing the most agents, most first (ties in whole agents: the higher fractional need first). */
  peaks: PlanInterval[];
  /** Σ scheduled agents × period hours. */
  scheduledHours: number;
  /** Periods where the roster is short (gap < 0), when a roster was given. */
  shortIntervals: number | null;
}

const toMs = (fn: string, v: unknown, i: number, key: string) => {
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : v;
  if (typeof t !== 'number' || !Number.isFinite(t))
    throw invalidArgument(`${fn}()`, `forecast[${i}].${key}`, 'expected a date');
  return t;
};

function periodsOf(fn: string, forecast: unknown, staffTo: 'forecast' | 'upper80' | 'upper95') {
  const points = Array.isArray(forecast) ? forecast : (forecast as { points?: unknown })?.points;
  if (!Array.isArray(points))
    throw invalidArgument(`${fn}()`, 'forecast', 'expected forecastVolume() output or an array of periods');
  return points.map((p: PlanPeriod, i) => {
    const start = toMs(fn, p?.start, i, 'start');
    const end = toMs(fn, p?.end, i, 'end');
    const contacts = p[staffTo];
    if (!(end > start) || typeof contacts !== 'number' || !(contacts >= 0) || !Number.isFinite(contacts))
      throw invalidArgument(
        `${fn}()`,
        `forecast[${i}]`,
        `expected end after start and a count ≥ 0 in ${staffTo}`,
      );
    return { start, end, contacts, label: p.period ?? new Date(start).toISOString() };
  });
}

function rosterOf(
  fn: string,
  roster: StaffingPlanOptions['roster'],
  periods: { start: number; end: number }[],
) {
  if (roster === undefined) return null;
  if (Array.isArray(roster)) {
    if (
      roster.length !== periods.length ||
      roster.some((r) => typeof r !== 'number' || !(r >= 0) || !Number.isFinite(r))
    )
      throw invalidOption(fn, 'roster', 'must hold one agent count ≥ 0 per forecast period');
    return roster as number[];
  }
  const { schedule, headcount } = roster as { schedule: Schedule; headcount: number };
  if (typeof headcount !== 'number' || !(headcount >= 0) || !Number.isFinite(headcount))
    throw invalidOption(fn, 'roster.headcount', 'must be a finite number ≥ 0');
  const parsed = scheduleArg(schedule, fn);
  // Agents on shift for the open share of each period.
  return periods.map(
    (p) => (headcount * businessMinutesBetween(p.start, p.end, parsed)) / ((p.end - p.start) / 60_000),
  );
}

/**
 * Agents needed per forecast period: phone and chat by Erlang C/A ({@link agentsFor}), e-mail and web requests
 * by a backlog model (enough agent-hours to answer the work of the last `targetMinutes` within them); the peak
 * periods; and, with a roster, the gap per period.
 *
 * @example
 * ```ts
 * import { forecastVolume, staffingPlan } from 'supportkit-ts';
 * const next = forecastVolume(calls, { interval: 'hour', timeZone: 'Europe/Rome', horizon: 24 });
 * const plan = staffingPlan(next, { channel: 'phone', ahtSeconds: 240, serviceLevel: 0.8, targetSeconds: 20, shrinkage: 0.3 });
 * for (const p of plan.peaks) console.log(p.period, p.scheduled);
 * ```
 */
export function staffingPlan(forecast: unknown, options: StaffingPlanOptions): StaffingPlan {
  const fn = 'staffingPlan';
  if (options === null || typeof options !== 'object')
    throw invalidOption(fn, '', 'expected an options object');
  checkOptionNames(fn, options, PLAN_OPTIONS);
  const channel = options.channel ?? 'phone';
  if (!['phone', 'chat', 'email', 'web'].includes(channel))
    throw invalidOption(fn, 'channel', 'must be phone, chat, email or web');
  const peakCount = options.peaks ?? 5;
  if (typeof peakCount !== 'number' || !Number.isInteger(peakCount) || peakCount < 0)
    throw invalidOption(fn, 'peaks', 'must be a whole number ≥ 0');
  const staffTo = options.staffTo ?? 'forecast';
  if (!['forecast', 'upper80', 'upper95'].includes(staffTo))
    throw invalidOption(fn, 'staffTo', 'must be forecast, upper80 or upper95');
  const periods = periodsOf(fn, forecast, staffTo);
  const roster = rosterOf(fn, options.roster, periods);
  const sizes =
    channel === 'email' || channel === 'web'
      ? backlogSizes(fn, periods, options)
      : erlangSizes(periods, options);
  const intervals: PlanInterval[] = periods.map((p, i) => {
    const size = sizes[i]!;
    const onShift = roster === null ? null : roster[i]!;
    return {
      period: p.label,
      start: new Date(p.start),
      end: new Date(p.end),
      contacts: p.contacts,
      ...size,
      roster: onShift,
      gap: onShift === null ? null : onShift - size.scheduled,
    };
  });
  // Most agents first; among periods rostering the same whole number, the busiest (fractional agents) first —
  // else a morning hour that rounds up to the peak's headcount would be named the peak.
  const peaks = [...intervals].sort(
    (a, b) =>
      b.scheduled - a.scheduled ||
      b.fractionalAgents - a.fractionalAgents ||
      a.start.getTime() - b.start.getTime(),
  );
  return {
    intervals,
    peaks: peaks.slice(0, peakCount),
    scheduledHours: intervals.reduce(
      (s, x) => s + (x.scheduled * (x.end.getTime() - x.start.getTime())) / 3_600_000,
      0,
    ),
    shortIntervals: roster === null ? null : intervals.filter((x) => x.gap! < 0).length,
  };
}

function erlangSizes(periods: { start: number; end: number; contacts: number }[], o: StaffingPlanOptions) {
  return periods.map((p) => {
    const r = agentsFor({
      contacts: p.contacts,
      intervalMinutes: (p.end - p.start) / 60_000,
      ahtSeconds: o.ahtSeconds,
      serviceLevel: o.serviceLevel ?? 0.8,
      targetSeconds: o.targetSeconds ?? 20,
      ...(o.shrinkage === undefined ? {} : { shrinkage: o.shrinkage }),
      ...(o.maxOccupancy === undefined ? {} : { maxOccupancy: o.maxOccupancy }),
      ...(o.patienceSeconds === undefined ? {} : { patienceSeconds: o.patienceSeconds }),
      ...(o.concurrency === undefined ? {} : { concurrency: o.concurrency }),
    });
    return {
      agents: r.agents,
      fractionalAgents: r.fractionalAgents,
      scheduled: r.scheduled,
      achieved: r.achieved,
    };
  });
}

function backlogSizes(
  fn: string,
  periods: { start: number; end: number; contacts: number }[],
  o: StaffingPlanOptions,
) {
  // The same ranges as agentsFor (STAFFING_LIMITS), so that no option can ask for an absurd roster.
  const L = STAFFING_LIMITS;
  const aht = o.ahtSeconds;
  if (typeof aht !== 'number' || !(aht >= L.minAhtSeconds) || !Number.isFinite(aht))
    throw invalidOption(fn, 'ahtSeconds', `must be a finite number ≥ ${L.minAhtSeconds}`);
  const target = o.targetMinutes ?? 240;
  if (typeof target !== 'number' || !(target > 0) || !Number.isFinite(target))
    throw invalidOption(fn, 'targetMinutes', 'must be a finite number > 0');
  const shrinkage = o.shrinkage ?? 0;
  const occupancy = o.maxOccupancy ?? 1;
  if (typeof shrinkage !== 'number' || !(shrinkage >= 0 && shrinkage <= L.maxShrinkage))
    throw invalidOption(fn, 'shrinkage', `must be a number ≥ 0 and ≤ ${L.maxShrinkage}`);
  if (typeof occupancy !== 'number' || !(occupancy >= L.minOccupancy && occupancy <= 1))
    throw invalidOption(fn, 'maxOccupancy', `must be a number ≥ ${L.minOccupancy} and ≤ 1`);
  return periods.map((p, i) => {
    // The work of the periods whose replies fall due within this one's window: those started in the last target.
    let workMinutes = 0;
    let windowMinutes = 0;
    for (let j = i; j >= 0 && p.end - periods[j]!.start <= Math.max(target * 60_000, p.end - p.start); j--) {
      workMinutes += (periods[j]!.contacts * aht) / 60;
      windowMinutes = (p.end - periods[j]!.start) / 60_000;
    }
    const fractionalAgents = workMinutes / windowMinutes / occupancy;
    if (!(fractionalAgents <= L.maxServers))
      throw invalidArgument(
        `${fn}()`,
        `forecast[${i}]`,
        `needs more than ${L.maxServers.toLocaleString('en-US')} agents: check ahtSeconds and the forecast's units`,
      );
    return {
      agents: Math.ceil(fractionalAgents - 1e-9),
      fractionalAgents,
      scheduled: Math.ceil(fractionalAgents / (1 - shrinkage) - 1e-9),
      achieved: null,
    };
  });
}
