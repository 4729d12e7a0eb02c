/** Worker: summarize a JSONL dataset end to end with supportkit; prints timing, peak RSS and key figures. */
import { summarizeRecords } from '../../src/index.js';
import { readJsonl } from '../lib/jsonl.js';
import { peakRssMiB } from '../lib/measure.js';

const [path, asOf] = process.argv.slice(2) as [string, string];
const started = performance.now();
const report = await summarizeRecords(readJsonl(path), {
  asOf: new Date(asOf),
  timeZone: 'Europe/Rome',
  interval: 'day',
});
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    peakRssMiB: peakRssMiB(),
    figures: {
      tickets: report.tickets.total,
      days: report.volumes.length,
      createdPerDay: report.volumes.map((v) => [v.period, v.created]),
      firstReplyMedian: report.firstReply.calendarMinutes.median,
      firstReplyP90: report.firstReply.calendarMinutes.p90,
      csat: report.csat.score,
      nps: report.nps.score,
      tags: Object.fromEntries(
        report.tagTrends.tags.map((t) => [t.tag, t.counts.reduce((a, b) => a + b, 0)]),
      ),
    },
  }),
);
