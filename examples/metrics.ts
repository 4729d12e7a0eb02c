// The README's "Metrics in ten lines", kept runnable: `npm test` runs this file as it is.
import { businessMinutes, holidaysFor, nps, summarize } from 'supportkit-ts';
import { generateDataset } from 'supportkit-ts/testing';

console.log(nps([10, 9, 8, 6, 3])); // { score: 0, promoters: 2, detractors: 2, marginOfError: 78.4…, interval: […], … }

const schedule = {
  timeZone: 'Europe/Rome',
  intervals: [1, 2, 3, 4, 5].map((d) => ({ start: d * 1440 + 540, end: d * 1440 + 1080 })), // Mon–Fri 9–18
  holidays: holidaysFor({ country: 'IT' }, [2026]),
};
console.log(businessMinutes('2026-03-06T17:00:00+01:00', '2026-03-09T10:00:00+01:00', schedule)); // 120

const dataset = generateDataset({ seed: 1, tickets: 2000, days: 60 });
const report = summarize(dataset, { timeZone: 'Europe/Rome', interval: 'week', schedule });
console.log(
  report.firstReply.businessMinutes?.median,
  report.csat.score,
  report.tagTrends.tags.filter((t) => t.rising),
);
