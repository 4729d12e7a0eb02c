/**
 * The planning sections of a report, filled into `ReportData.sections`: the next weeks' forecast with its
 * intervals, agents needed per hour, customers by card state, SOP runs and knowledge-base coverage — each from
 * what the data holds, or saying "not in this data".
 */
import { type SopRun, SopRun as SopRunSchema } from '../../care/index.js';
import { invalidOption } from '../../errors/validation.js';
import type { Schedule } from '../../models/schedule.js';
import type { ReportSection } from '../data.js';
import { reportFormatter } from '../format.js';
import { reportLocale } from '../labels/index.js';
import { cardsSection } from './cards.js';
import { forecastSection } from './forecast.js';
import { kbSection } from './kb.js';
import { sopsSection } from './sops.js';
import { staffingSection } from './staffing.js';
import type { PlanningState } from './state.js';

/**
 * Options of the collector's `planning()`.
 * @example `await collector.planning({ locale: 'it', ahtMinutes: 6, shrinkage: 0.35 })`
 */
export interface PlanningOptions {
  /** The language of the sections: `en`, `it`, `es`, `fr`, `de` or a tag of one of them. @default 'en' */
  locale?: string;
  /** Runs of SOPs as the app that ran them kept them (a helpdesk keeps none). @default [] */
  sopRuns?: readonly SopRun[];
  /** Minutes of handling per request, for the agents needed per hour. @default 8 */
  ahtMinutes?: number;
  /** Every request answered within this many minutes. @default 240 */
  replyWithinMinutes?: number;
  /** Share of paid time not on requests (breaks, absence), 0 to under 1. @default 0.3 */
  shrinkage?: number;
  /** Weeks to forecast. @default 4 */
  forecastWeeks?: number;
}

const OPTIONS = ['locale', 'sopRuns', 'ahtMinutes', 'replyWithinMinutes', 'shrinkage', 'forecastWeeks'];

function positive(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max)
    throw invalidOption('planning', name, `must be a number above 0 and at most ${max}`);
  return value;
}

/**
 * The options, checked; a wrong one throws a ValidationError naming it.
 * @example `planningOptions({ locale: 'it', shrinkage: 0.35 }).staffing.shrinkage // 0.35`
 */
export function planningOptions(options: unknown) {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw invalidOption('planning', '', 'expected an options object');
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!OPTIONS.includes(key))
      throw invalidOption('planning', key, `is not an option (${OPTIONS.join(', ')})`);
  const shrinkage = o.shrinkage ?? 0.3;
  if (typeof shrinkage !== 'number' || !(shrinkage >= 0 && shrinkage < 1))
    throw invalidOption('planning', 'shrinkage', 'must be a share from 0 to under 1');
  const weeks = positive(o.forecastWeeks, 'forecastWeeks', 4, 52);
  if (!Number.isInteger(weeks)) throw invalidOption('planning', 'forecastWeeks', 'must be a whole number');
  if (o.sopRuns !== undefined && !Array.isArray(o.sopRuns))
    throw invalidOption('planning', 'sopRuns', 'must be an array of SOP runs');
  const sopRuns = ((o.sopRuns as unknown[] | undefined) ?? []).map((run, i) => {
    const parsed = SopRunSchema.safeParse(run);
    if (!parsed.success) throw invalidOption('planning', `sopRuns.${i}`, 'is not an SOP run (startSopRun)');
    return parsed.data;
  });
  return {
    locale: reportLocale(o.locale ?? 'en', 'planning'),
    sopRuns,
    staffing: {
      ahtMinutes: positive(o.ahtMinutes, 'ahtMinutes', 8, 24 * 60),
      replyWithinMinutes: positive(o.replyWithinMinutes, 'replyWithinMinutes', 240, 7 * 24 * 60),
      shrinkage,
    },
    forecastWeeks: weeks,
  };
}

/**
 * The planning sections from a collector's planning state.
 * @example `await planningSections(state, { asOf, timeZone: 'Europe/Rome', schedule: undefined }, planningOptions({ locale: 'it' }))`
 */
export async function planningSections(
  state: PlanningState,
  report: { asOf: number; timeZone: string; schedule: Schedule | undefined },
  options: ReturnType<typeof planningOptions>,
): Promise<ReportSection[]> {
  const ctx = {
    asOf: report.asOf,
    timeZone: report.timeZone,
    schedule: report.schedule,
    fmt: reportFormatter(options.locale, report.timeZone),
    staffing: options.staffing,
    forecastWeeks: options.forecastWeeks,
  };
  const quarters = new Map(state.quarters);
  return [
    forecastSection(quarters, ctx),
    staffingSection(quarters, ctx),
    cardsSection(new Map(state.customers), ctx),
    sopsSection(
      state.sops.map(([, value]) => value),
      options.sopRuns,
      ctx,
    ),
    await kbSection(
      state.articles.map(([, value]) => value),
      state.recent,
      ctx,
    ),
  ];
}
