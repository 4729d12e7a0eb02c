/**
 * "Agents needed per hour, next 7 days": the hourly forecast of the next seven local days (from the last eight
 * weeks of arrivals) sized by the staffing module's backlog model for e-mail and web requests — enough agent-hours
 * to answer each request within the reply target — with shrinkage. Per day: agent-hours, the peak hour and its
 * agents, hours needing someone; the HTML page adds a day × hour heat map. The note names the peak of the week.
 */
import { DateTime } from 'luxon';
import { ValidationError } from '../../errors/validation.js';
import { forecastVolume, staffingPlan } from '../../metrics/index.js';
import type { ReportSection } from '../data.js';
import { fill } from '../format.js';
import { heatMap } from '../svg.js';
import { localPoints, type PlanningContext } from './context.js';

/** Weeks of hourly history the forecast reads: enough for its backtest, recent enough to follow the trend. */
const HISTORY_WEEKS = 8;

/**
 * Whether an hour is the busier of two: more agents to schedule, or as many and more requests forecast (whole
 * agents tie over many hours; the real peak is where the work is).
 */
const busier = (a: { scheduled: number; contacts: number }, b: { scheduled: number; contacts: number }) =>
  a.scheduled > b.scheduled || (a.scheduled === b.scheduled && a.contacts > b.contacts);

const hhmm = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');

/**
 * The staffing section.
 * @example `staffingSection(quarters, context).note // 'Agents to schedule per local hour … Peak: Tue 7 Apr 10:00, 6 agents.'`
 */
export function staffingSection(quarters: ReadonlyMap<number, number>, ctx: PlanningContext): ReportSection {
  const { fmt, timeZone, staffing } = ctx;
  const L = fmt.labels.planning.staffing;
  const base = { id: 'staffing', title: L.title, table: { header: [], rows: [] } };
  const now = DateTime.fromMillis(ctx.asOf, { zone: timeZone });
  const end = now.startOf('hour');
  // The seven whole local days from the report's moment (from tomorrow when it falls inside a day).
  const firstDay = now.equals(now.startOf('day')) ? now : now.startOf('day').plus({ days: 1 });
  const lastDay = firstDay.plus({ days: 7 });
  const history = localPoints(
    quarters,
    timeZone,
    'hour',
    end.minus({ weeks: HISTORY_WEEKS }).toMillis(),
    end.toMillis(),
  );
  const horizon = Math.ceil(lastDay.diff(end, 'hours').hours) + 1;
  let plan: ReturnType<typeof staffingPlan>;
  try {
    if (history.length === 0) throw new ValidationError('staffing', []);
    const next = forecastVolume(history, {
      interval: 'hour',
      timeZone,
      end: end.toMillis(),
      horizon,
      ...(ctx.schedule ? { holidays: ctx.schedule.holidays } : {}),
    });
    const week = next.points.filter(
      (p) => p.start.getTime() >= firstDay.toMillis() && p.start.getTime() < lastDay.toMillis(),
    );
    plan = staffingPlan(week, {
      channel: 'email',
      ahtSeconds: staffing.ahtMinutes * 60,
      targetMinutes: staffing.replyWithinMinutes,
      shrinkage: staffing.shrinkage,
    });
  } catch (error) {
    if (error instanceof ValidationError) return { ...base, note: L.notEnough };
    throw error;
  }
  const days = Array.from({ length: 7 }, (_, d) => firstDay.plus({ days: d }));
  const grid = days.map(() => new Array<number>(24).fill(0));
  const rows = days.map((day, d) => {
    const next = day.plus({ days: 1 }).toMillis();
    const hours = plan.intervals.filter(
      (x) => x.start.getTime() >= day.toMillis() && x.start.getTime() < next,
    );
    let peak = hours[0];
    let agentHours = 0;
    for (const x of hours) {
      agentHours += (x.scheduled * (x.end.getTime() - x.start.getTime())) / 3_600_000;
      if (peak === undefined || busier(x, peak)) peak = x;
      const hour = DateTime.fromMillis(x.start.getTime(), { zone: timeZone }).hour;
      grid[d]![hour] = Math.max(grid[d]![hour]!, x.scheduled); // the repeated hour of a DST change: the busier
    }
    return [
      fmt.weekdayDate(day.toMillis()),
      fmt.decimal(agentHours, 0),
      peak && peak.scheduled > 0 ? hhmm(peak.start.getTime(), timeZone) : '—',
      fmt.count(peak?.scheduled ?? 0),
      fmt.decimal(peak?.contacts ?? 0, 1),
      fmt.count(hours.filter((x) => x.scheduled > 0).length),
    ];
  });
  let top = plan.intervals[0];
  for (const x of plan.intervals) if (top === undefined || busier(x, top)) top = x;
  // A target of whole hours reads as such (4 h, not 4.0 h).
  const within = (minutes: number) =>
    minutes >= 60 && minutes % 60 === 0
      ? `${fmt.count(minutes / 60)} ${fmt.labels.units.hours}`
      : fmt.duration(minutes);
  const assumptions = fill(L.assumptions, {
    aht: fmt.duration(staffing.ahtMinutes),
    target: within(staffing.replyWithinMinutes),
    shrinkage: fmt.percent(staffing.shrinkage * 100, 0),
  });
  const peak =
    top && top.scheduled > 0
      ? ` ${fill(L.peak, {
          time: `${fmt.weekdayDate(top.start.getTime())} ${hhmm(top.start.getTime(), timeZone)}`,
          agents: fmt.counted(L.agents, top.scheduled),
        })}`
      : '';
  const svg = heatMap(
    L.chart,
    grid,
    days.map((day) => fmt.weekdayDate(day.toMillis())),
    (value, digits) => fmt.decimal(value, digits),
  );
  return {
    ...base,
    note: `${assumptions}${peak}`,
    ...(svg ? { svg } : {}),
    table: {
      header: [L.day, L.agentHours, L.peakHour, L.peakAgents, L.peakRequests, L.staffedHours],
      rows,
    },
  };
}
