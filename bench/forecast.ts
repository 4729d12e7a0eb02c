/**
 * forecastVolume on a generated year of hourly arrivals (Europe/Rome local hours, DST included) with a known
 * hour-of-week profile, a trend of +30% over the year and Poisson noise, against the seasonal-naive baseline
 * measured in the same run:
 *  - accuracy: the method `auto` chooses (from the history before the test weeks) and seasonal-naive, each fitted
 *    at 8 rolling weekly origins over the last 8 weeks and forecasting the next 168 hours; MASE of each, and
 *    1 − MASE(chosen) ÷ MASE(naive). Target: ≥ 15% better.
 *  - the chosen method's 80% interval coverage over those 8 × 168 hours. Target: 75–85%.
 *  - fit time on the whole year, chosen method vs seasonal-naive (median of 3).
 *
 *   npx tsx bench/forecast.ts            (FORECAST_BENCH_WEEKS=52 by default; FORECAST_BENCH_SEED=2026)
 */
import { DateTime } from 'luxon';
import { backtestCore } from '../src/metrics/forecast/backtest.js';
import { chooseMethod } from '../src/metrics/forecast/forecast-volume.js';
import { fitModel } from '../src/metrics/forecast/models.js';
import { toSeries } from '../src/metrics/forecast/series.js';
import { createRandom } from '../src/testing/index.js';
import { machine, writeResult } from './lib/measure.js';

const weeks = Number(process.env.FORECAST_BENCH_WEEKS ?? 52);
const seed = Number(process.env.FORECAST_BENCH_SEED ?? 2026);
const testWeeks = 8;
const timeZone = 'Europe/Rome';
const random = createRandom(seed);

/** Poisson(mean): Knuth's product method below 30, a rounded normal above. */
function poisson(mean: number): number {
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random.next();
    while (p > limit) {
      k++;
      p *= random.next();
    }
    return k;
  }
  const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}

// The known profile: weekday office-hours peaks (11:00 and 15:00), quieter Fridays, light weekends.
const DAY_FACTOR = [1, 1, 0.95, 0.95, 0.85, 0.35, 0.25];
const hours = weeks * 168;
const points: { start: number; value: number }[] = [];
let d = DateTime.fromISO('2026-01-05T00:00', { zone: timeZone });
for (let t = 0; t < hours; t++) {
  const shape = 0.1 + Math.exp(-((d.hour - 11) ** 2) / 8) + 0.8 * Math.exp(-((d.hour - 15) ** 2) / 6);
  const mean = 30 * DAY_FACTOR[d.weekday - 1]! * shape * (1 + (0.3 * t) / hours);
  points.push({ start: d.toMillis(), value: poisson(mean) });
  d = d.plus({ hours: 1 });
}
const series = toSeries('bench', points, { interval: 'hour', timeZone });
const cut = series.values.length - testWeeks * 168;
const history = { ...series, values: series.values.slice(0, cut), slots: series.slots.slice(0, cut) };

let t0 = performance.now();
const choice = chooseMethod(
  history,
  ['seasonal-naive', 'holt-winters', 'holt-winters-trend', 'holt-winters-damped'],
  168,
);
const chooseMs = performance.now() - t0;

t0 = performance.now();
const scores = backtestCore(series, [choice.method, 'seasonal-naive'], 168, testWeeks, 168);
const backtestMs = performance.now() - t0;
const chosen = scores[0]!;
const naive = scores[1]!;

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
};
const fitChosenMs = time(() => fitModel(series, choice.method));
const fitNaiveMs = time(() => fitModel(series, 'seasonal-naive'));

const improvement = 1 - chosen.mase! / naive.mase!;
const result = {
  benchmark: 'forecastVolume (auto) vs seasonal-naive on a generated year of hourly arrivals',
  hours,
  weeks,
  seed,
  timeZone,
  chosenMethod: choice.method,
  selectionScores: choice.scores.map((s) => ({ method: s.method, mase: s.mase })),
  rollingOrigin: { origins: testWeeks, horizonHours: 168 },
  chosen: {
    mase: chosen.mase,
    smape: chosen.smape,
    coverage80: chosen.coverage80,
    coverage95: chosen.coverage95,
  },
  seasonalNaive: {
    mase: naive.mase,
    smape: naive.smape,
    coverage80: naive.coverage80,
    coverage95: naive.coverage95,
  },
  maseRatio: chosen.mase! / naive.mase!,
  improvementOverNaive: improvement,
  targets: { improvement: '≥ 0.15', coverage80: '0.75–0.85' },
  met: {
    improvement: improvement >= 0.15,
    coverage80: chosen.coverage80! >= 0.75 && chosen.coverage80! <= 0.85,
  },
  fitMs: { chosen: fitChosenMs, seasonalNaive: fitNaiveMs, ratio: fitChosenMs / fitNaiveMs },
  selectionMs: chooseMs,
  backtestMs,
  machine: machine(),
};
writeResult('forecast', result);
console.log(JSON.stringify(result, null, 2));
