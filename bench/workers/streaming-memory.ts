/** Worker: summarize a generated stream of N tickets, with every message repeated k times; print peak RSS. */
import { summarizeRecords } from '../../src/index.js';
import type { DatasetRecord } from '../../src/models/index.js';
import { datasetAsOf, streamDataset } from '../../src/testing/index.js';
import { peakRssMiB } from '../lib/measure.js';

const [tickets, copies] = process.argv.slice(2).map(Number) as [number, number];
const options = { seed: 5, tickets, days: 180 };
let messages = 0;
function* withCopies(): Generator<DatasetRecord> {
  for (const record of streamDataset(options)) {
    yield record;
    if (record.kind !== 'messages') continue;
    messages++;
    for (let j = 1; j < copies; j++) {
      messages++;
      yield { kind: 'messages', value: { ...record.value, id: `${record.value.id}-copy${j}` } };
    }
  }
}
const started = performance.now();
const report = await summarizeRecords(withCopies(), { asOf: datasetAsOf(options), timeZone: 'Europe/Rome' });
console.log(
  JSON.stringify({
    tickets: report.tickets.total,
    messages,
    seconds: (performance.now() - started) / 1000,
    peakRssMiB: peakRssMiB(),
  }),
);
