/**
 * businessMinutes throughput against moment-business-time (the most used business-hours package) on the same
 * spans, in one run, with equal answers checked on every span both can express. Target: ≥ 20× faster.
 *
 *   npx tsx bench/business-minutes.ts [spans=1000000]
 */
import moment from 'moment-timezone';
import 'moment-business-time';
import { businessMinutes, holidaysFor, type Schedule } from '../src/index.js';
import { createRandom } from '../src/testing/index.js';
import { machine, writeResult } from './lib/measure.js';

declare module 'moment' {
  interface Moment {
    /** From moment-business-time: the working time between two moments. */
    workingDiff(other: moment.Moment, unit: 'minutes', precise: boolean): number;
  }
}

const spans = Number(process.argv[2] ?? 1_000_000);
const timeZone = 'Europe/Rome';
const holidays = holidaysFor({ country: 'IT' }, [2026, 2027]);
const schedule: Schedule = {
  timeZone,
  intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })), // Mon–Fri 09–18
  holidays,
};
const holidayDates = holidays.flatMap((h) => {
  const out: string[] = [];
  for (let d = moment.utc(h.startDate); d.isSameOrBefore(moment.utc(h.endDate)); d.add(1, 'day'))
    out.push(d.format('YYYY-MM-DD'));
  return out;
});
moment.updateLocale('en', {
  workinghours: {
    0: null,
    1: ['09:00:00', '18:00:00'],
    2: ['09:00:00', '18:00:00'],
    3: ['09:00:00', '18:00:00'],
    4: ['09:00:00', '18:00:00'],
    5: ['09:00:00', '18:00:00'],
    6: null,
  },
  holidays: holidayDates,
} as moment.LocaleSpecification);

// The same spans for both: whole-second starts in 2026, lengths up to five days.
const random = createRandom(2026);
const starts = new Float64Array(spans);
const ends = new Float64Array(spans);
const base = Date.parse('2026-01-01T00:00:00Z');
for (let i = 0; i < spans; i++) {
  starts[i] = base + Math.floor(random.next() * 364 * 86_400) * 1000;
  ends[i] = starts[i]! + Math.floor(random.next() * 5 * 86_400) * 1000;
}

function timeIt(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const ours = new Float64Array(spans);
const theirs = new Float64Array(spans);
businessMinutes(starts[0]!, ends[0]!, schedule); // lay out the schedule once, as any long-running app would
const oursMs = timeIt(() => {
  for (let i = 0; i < spans; i++) ours[i] = businessMinutes(starts[i]!, ends[i]!, schedule);
});
const theirsMs = timeIt(() => {
  for (let i = 0; i < spans; i++) {
    theirs[i] = moment.tz(ends[i]!, timeZone).workingDiff(moment.tz(starts[i]!, timeZone), 'minutes', true);
  }
});

// Equal answers where both can express the span. moment-business-time computes in wall-clock minutes, so a span
// that contains a DST change inside working hours is one it cannot express; none of ours here do (changes are at
// 02:00–03:00 on Sundays), so every span must agree to a millisecond.
let equal = 0;
let worst = 0;
for (let i = 0; i < spans; i++) {
  const diff = Math.abs(ours[i]! - theirs[i]!);
  worst = Math.max(worst, diff);
  if (diff < 1 / 60_000 + 1e-9) equal++;
}
const result = {
  benchmark: 'businessMinutes vs moment-business-time',
  spans,
  schedule: 'Mon–Fri 09:00–18:00 Europe/Rome with Italian public holidays 2026–2027',
  supportkit: { ms: oursMs, spansPerSecond: (spans / oursMs) * 1000 },
  momentBusinessTime: { ms: theirsMs, spansPerSecond: (spans / theirsMs) * 1000 },
  speedup: theirsMs / oursMs,
  target: '≥ 20× faster',
  met: theirsMs / oursMs >= 20,
  equalAnswers: equal,
  worstDifferenceMinutes: worst,
  machine: machine(),
};
writeResult('business-minutes', result);
console.log(JSON.stringify(result, null, 2));
