/** Worker: stream N generated tickets without keeping them; print time and peak RSS. */
import { streamDataset } from '../../src/testing/index.js';
import { peakRssMiB } from '../lib/measure.js';

const tickets = Number(process.argv[2]);
const started = performance.now();
let records = 0;
for (const _ of streamDataset({ seed: 1, tickets, days: 365, customers: 50_000 })) records++;
console.log(
  JSON.stringify({
    tickets,
    records,
    seconds: (performance.now() - started) / 1000,
    peakRssMiB: peakRssMiB(),
  }),
);
