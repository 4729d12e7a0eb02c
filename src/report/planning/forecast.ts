/**
 * "Forecast: the next weeks": tickets per week from the complete weeks before the report's moment, with the
 * forecasting module's 80% and 95% prediction intervals, and a chart of the recent weeks running into them.
 */
import { DateTime } from 'luxon';
import { ValidationError } from '../../errors/validation.js';
import { forecastVolume } from '../../metrics/index.js';
import type { ReportSection } from '../data.js';
import { fill } from '../format.js';
import { bandChart, COLORS } from '../svg.js';
import { localPoints, type PlanningContext } from './context.js';

/**
 * Complete weeks a weekly forecast needs: Holt-Winters' shortest history, so `auto` has a choice.
 * @example `if (weeks < MIN_WEEKS) return notEnough;`
 */
export const MIN_WEEKS = 4;
/** The most weeks of history the forecast reads. */
const HISTORY_WEEKS = 104;

/**
 * The weekly forecast section.
 * @example `forecastSection(quarters, context).table.rows[0] // ['6 Apr 2026', '471', '430 – 512', '408 – 534']`
 */
export function forecastSection(quarters: ReadonlyMap<number, number>, ctx: PlanningContext): ReportSection {
  const { fmt, timeZone } = ctx;
  const L = fmt.labels.planning.forecast;
  const base = { id: 'forecast', title: L.title, table: { header: [], rows: [] } };
  if (quarters.size === 0) return { ...base, note: fill(L.notEnough, { weeks: fmt.count(0) }) };
  const end = DateTime.fromMillis(ctx.asOf, { zone: timeZone }).startOf('week', { useLocaleWeeks: false });
  let firstQuarter = Number.POSITIVE_INFINITY;
  for (const quarter of quarters.keys()) firstQuarter = Math.min(firstQuarter, quarter);
  // A first week the data starts in the middle of would read as a quiet week: history starts at a whole week.
  let start = DateTime.fromMillis(firstQuarter * 900_000, { zone: timeZone }).startOf('week', {
    useLocaleWeeks: false,
  });
  if (firstQuarter * 900_000 - start.toMillis() > 86_400_000) start = start.plus({ weeks: 1 });
  const weeks = Math.min(HISTORY_WEEKS, Math.max(0, Math.round(end.diff(start, 'weeks').weeks)));
  if (weeks < MIN_WEEKS) return { ...base, note: fill(L.notEnough, { weeks: fmt.count(weeks) }) };
  // Two years of days are history enough for weekly figures.
  const from = Math.max(start.toMillis(), end.minus({ weeks: HISTORY_WEEKS }).toMillis());
  const history = localPoints(quarters, timeZone, 'day', from, end.toMillis());
  let next: ReturnType<typeof forecastVolume>;
  try {
    next = forecastVolume(history, {
      interval: 'week',
      timeZone,
      end: end.toMillis(),
      horizon: ctx.forecastWeeks,
    });
  } catch (error) {
    if (error instanceof ValidationError)
      return { ...base, note: fill(L.notEnough, { weeks: fmt.count(weeks) }) };
    throw error;
  }
  const weekKey = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toISODate()!;
  const range = (a: number, b: number) => `${fmt.count(Math.round(a))} – ${fmt.count(Math.round(b))}`;
  const rows = next.points.map((p) => [
    fmt.period(weekKey(p.start.getTime()), 'week'),
    fmt.count(Math.round(p.forecast)),
    range(p.lower80, p.upper80),
    range(p.lower95, p.upper95),
  ]);
  // The chart: the last 8 complete weeks, then the forecast with its 80% interval.
  const totals = new Map<number, number>();
  for (const point of history) {
    const week = DateTime.fromMillis(point.start, { zone: timeZone })
      .startOf('week', { useLocaleWeeks: false })
      .toMillis();
    totals.set(week, (totals.get(week) ?? 0) + point.value);
  }
  const recent = [...totals].sort((a, b) => a[0] - b[0]).slice(-8);
  const svg = bandChart({
    label: L.chart,
    categories: [
      ...recent.map(([week]) => fmt.period(weekKey(week), 'week', true)),
      ...next.points.map((p) => fmt.period(weekKey(p.start.getTime()), 'week', true)),
    ],
    values: [...recent.map(([, n]) => n), ...next.points.map((p) => p.forecast)],
    bands: [...recent.map(() => null), ...next.points.map((p): [number, number] => [p.lower80, p.upper80])],
    min: 0,
    format: (value, digits) => fmt.decimal(value, digits),
    hollowFrom: recent.length,
    legend: [
      [fmt.labels.legends.actual, COLORS.a],
      [fmt.labels.legends.forecast, COLORS.band],
    ],
  });
  return {
    ...base,
    note: fill(L.note, { method: next.method, weeks: fmt.count(next.history) }),
    ...(svg ? { svg } : {}),
    table: { header: [L.week, L.forecast, L.interval80, L.interval95], rows },
  };
}
