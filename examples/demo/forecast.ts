/**
 * The demo's forecasting section: the next two weeks by hour with their intervals, the surge check, agents per
 * hour for one day, and the backtest against seasonal-naive — all on the generated helpdesk's arrivals.
 */
import {
  backtestForecast,
  type Dataset,
  detectSurge,
  forecastVolume,
  holidaysFor,
  staffingPlan,
} from 'supportkit-ts';

const title = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);
const n = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));

/** Prints the section for a dataset whose tickets end at `asOf`. */
export function forecastDemo(dataset: Pick<Dataset, 'tickets'>, timeZone: string, asOf: Date): void {
  const arrivals = dataset.tickets.map((t) => t.createdAt);
  // Whole hours only: the hour `asOf` falls in is still filling up.
  const end = new Date(Math.floor(asOf.getTime() / 3_600_000) * 3_600_000);
  const holidays = holidaysFor({ country: 'IT' }, [end.getUTCFullYear()]);
  const shared = { interval: 'hour' as const, timeZone, end, holidays };

  const next = forecastVolume(arrivals, { ...shared, horizon: 14 * 24 });
  title(`Forecast: the next two weeks by hour (${next.method}, from ${next.history} hours of history)`);
  const days = new Map<string, typeof next.points>();
  for (const p of next.points)
    days.set(p.period.slice(0, 10), [...(days.get(p.period.slice(0, 10)) ?? []), p]);
  for (const [day, points] of days) {
    const total = points.reduce((s, p) => s + p.forecast, 0);
    const peak = points.reduce((a, b) => (b.forecast > a.forecast ? b : a));
    console.log(
      `  ${day}${points[0]!.holiday ? ' (holiday)' : '          '}  ≈ ${total.toFixed(0).padStart(3)} requests` +
        `   peak ${peak.period.slice(11, 16)}: ${n(peak.forecast)} (80% ${n(peak.lower80)}–${n(peak.upper80)}, 95% up to ${n(peak.upper95)})`,
    );
  }

  title('Surge check: the last 24 hours against their forecast');
  const surge = detectSurge(arrivals, { ...shared, window: 24 });
  const above = surge.checked.filter((p) => p.excess > 0).length;
  if (surge.surges.length === 0)
    console.log(`  no surge (${above} of 24 hours above the 95% bound, none in a run)`);
  for (const s of surge.surges)
    console.log(
      `  ${s.ongoing ? 'SURGE NOW' : 'surge'} from ${s.start.toISOString()} for ${s.periods} h: ${s.actual} requests vs ${n(s.expected, 0)} expected (+${n(s.excess, 0)} above the bound)`,
    );

  const firstWeekday = [...days.entries()].find(
    ([d, points]) => !points[0]!.holiday && ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
  )![0];
  const day = next.points.filter((p) => p.period.startsWith(firstWeekday));
  const plan = staffingPlan(day, { channel: 'email', ahtSeconds: 480, targetMinutes: 240, shrinkage: 0.3 });
  title(`Agents per hour on ${firstWeekday} (e-mail, 8-minute handling, reply within 4 h, 30% shrinkage)`);
  console.log(
    `  ${plan.intervals
      .filter((x) => x.fractionalAgents >= 0.05)
      .map((x) => `${x.period.slice(11, 13)}h ${x.fractionalAgents.toFixed(1)}`)
      .join(' · ')}`,
  );
  console.log(
    `  (agents on e-mail; rostered after shrinkage: ${plan.peaks[0]!.scheduled} at the ${plan.peaks[0]!.period.slice(11, 16)} peak, ${n(plan.scheduledHours, 0)} agent-hours in the day)`,
  );

  title('Backtest: the last 2 weeks, one week ahead from each origin');
  const bt = backtestForecast(arrivals, { ...shared, horizon: 168, origins: 2 });
  for (const s of bt.scores)
    console.log(
      `  ${s.method.padEnd(20)} MASE ${n(s.mase, 3)}  sMAPE ${n(s.smape)}%  80% interval held ${n(s.coverage80 === null ? null : s.coverage80 * 100, 0)}%`,
    );
  console.log(
    `  best: ${bt.best}, ${n(bt.improvementOverNaive === null ? null : bt.improvementOverNaive * 100, 0)}% smaller errors than "same hour last week"`,
  );
}
