/**
 * Customer cards at scale: buildCardIndex over N customers and 5N tickets against a plain Map from each identity
 * to its records, built from the same records in the same run; each contender in its own process so peak RSS is
 * its own. Targets: build ≤ 2× the Map's time and ≤ 1.5× its peak RSS. Also lookups per second, and a card for a
 * customer with 1,000 tickets (2,000 messages) against reading those records from the Map.
 *
 *   CARD_INDEX_CUSTOMERS=100000 npx tsx bench/card-index.ts      (default 1,000,000 customers, 5,000,000 tickets)
 */
import { machine, runWorker, writeResult } from './lib/measure.js';

interface Run {
  mode: string;
  customers: number;
  tickets: number;
  records: number;
  size: number;
  buildSeconds: number;
  peakRssMiB: number;
  recordsRssMiB: number;
  lookupsPerSecond: number;
  bigCardSeconds: number;
}
const customers = Number(process.env.CARD_INDEX_CUSTOMERS ?? 1_000_000);
const map = runWorker<Run>('card-index.ts', ['map', String(customers)]);
const trusted = runWorker<Run>('card-index.ts', ['index-trusted', String(customers)]);
const checked = runWorker<Run>('card-index.ts', ['index', String(customers)]);
const ratios = (run: Run) => ({
  buildTime: run.buildSeconds / map.buildSeconds,
  peakRss: run.peakRssMiB / map.peakRssMiB,
  /** Peak RSS above the records themselves (held by every contender), index ÷ Map. */
  rssAboveRecords: (run.peakRssMiB - run.recordsRssMiB) / (map.peakRssMiB - map.recordsRssMiB),
  lookups: run.lookupsPerSecond / map.lookupsPerSecond,
  bigCard: run.bigCardSeconds / map.bigCardSeconds,
});
const trustedRatios = ratios(trusted);
const result = {
  benchmark: 'buildCardIndex vs a plain Map from each identity to its records',
  customers,
  tickets: 5 * customers,
  runs: { map, indexTrusted: trusted, indexChecked: checked },
  ratios: { indexTrusted: trustedRatios, indexChecked: ratios(checked) },
  targets: 'build ≤ 2× the Map (time), ≤ 1.5× (peak RSS); trusted records (already read through the models)',
  met: trustedRatios.buildTime <= 2 && trustedRatios.peakRss <= 1.5,
  machine: machine(),
};
writeResult('card-index', result);
console.log(JSON.stringify(result, null, 2));
