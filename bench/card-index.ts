/**
 * Customer cards at scale: buildCardIndex over N customers and 5N tickets against a plain Map from each identity
 * to its records, built from the same records in the same run; each contender in its own process so peak RSS is
 * its own. Targets: build ≤ 2× the Map's time and ≤ 1.5× its peak RSS. Also lookups per second, and a card for a
 * customer with 1,000 tickets (2,000 messages) against reading those records from the Map.
 *
 * The baseline (`map`) normalises identities as the index must (e-mail case, phone to E.164), so both do the same
 * work per identity; `mapRaw`, keyed on identities as written, is shown for reference (see the worker).
 *
 *   CARD_INDEX_CUSTOMERS=100000 npx tsx bench/card-index.ts      (default 1,000,000 customers, 5,000,000 tickets)
 *   CARD_INDEX_CHECKED=0 …   skips the run that checks every record with its model (slow and big: see results)
 *   npx tsx bench/card-index.ts incremental [n]   only `add()` one by one into one large card whose adds keep
 *                                                 crossing the conflict threshold, at n, 2n, 4n (default 4,000)
 */
import { machine, runWorker, writeResult } from './lib/measure.js';

/** `CardIndex.add()` one record at a time into one card whose adds keep crossing the conflict threshold (#28). */
interface IncrementalRun {
  n: number;
  cards: number;
  addsSeconds: number;
  rebuildSeconds: number;
  interleavedSeconds: number | null;
}
if (process.argv[2] === 'incremental') {
  // npx tsx bench/card-index.ts incremental [n]   (n, 2n and 4n records; default 4,000: seconds in all)
  const base = Number(process.argv[3] ?? 4000);
  const runs = [base, 2 * base, 4 * base].map((n) =>
    runWorker<IncrementalRun>('card-index-incremental.ts', [String(n), '1']),
  );
  const ratio = (pick: (run: IncrementalRun) => number | null) =>
    runs.slice(1).map((run, i) => (pick(run) ?? Number.NaN) / (pick(runs[i]!) ?? Number.NaN));
  const result = {
    benchmark: 'CardIndex.add() into one card whose adds cross the conflict threshold, against a rebuild',
    runs,
    /** Time at 2n ÷ time at n, and at 4n ÷ at 2n: 2 is linear, 4 quadratic. */
    ratios: {
      adds: ratio((run) => run.addsSeconds),
      interleaved: ratio((run) => run.interleavedSeconds),
      rebuild: ratio((run) => run.rebuildSeconds),
    },
    addsToRebuild: runs.map((run) => run.addsSeconds / run.rebuildSeconds),
    machine: machine(),
  };
  writeResult('card-index-incremental', result);
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

interface Run {
  mode: string;
  customers: number;
  tickets: number;
  records: number;
  size: number;
  buildSeconds: number;
  /** The index: the first call that takes a card id, which maps every card id back to its record (0 for Maps). */
  firstCardIdSeconds: number;
  peakRssMiB: number;
  recordsRssMiB: number;
  lookupsPerSecond: number;
  bigCardSeconds: number;
}
const customers = Number(process.env.CARD_INDEX_CUSTOMERS ?? 1_000_000);
const withChecked = process.env.CARD_INDEX_CHECKED !== '0';
const mapRaw = runWorker<Run>('card-index.ts', ['map-raw', String(customers)]);
const map = runWorker<Run>('card-index.ts', ['map', String(customers)]);
const trusted = runWorker<Run>('card-index.ts', ['index-trusted', String(customers)]);
const checked = withChecked ? runWorker<Run>('card-index.ts', ['index', String(customers)]) : null;
const ratios = (run: Run) => ({
  buildTime: run.buildSeconds / map.buildSeconds,
  /** The build and the first call that takes a card id: the time until the index answers every call. */
  buildTimeWithFirstCardId: (run.buildSeconds + run.firstCardIdSeconds) / map.buildSeconds,
  peakRss: run.peakRssMiB / map.peakRssMiB,
  /** Peak RSS above the records themselves (held by every contender), index ÷ Map. */
  rssAboveRecords: (run.peakRssMiB - run.recordsRssMiB) / (map.peakRssMiB - map.recordsRssMiB),
  lookups: run.lookupsPerSecond / map.lookupsPerSecond,
  bigCard: run.bigCardSeconds / map.bigCardSeconds,
});
const trustedRatios = ratios(trusted);
/** The index against the Map on identities as written (less work than the index: no case folding, no E.164). */
const toRaw = (run: Run) => ({
  buildTime: run.buildSeconds / mapRaw.buildSeconds,
  peakRss: run.peakRssMiB / mapRaw.peakRssMiB,
  lookups: run.lookupsPerSecond / mapRaw.lookupsPerSecond,
});
const result = {
  benchmark: 'buildCardIndex vs a plain Map from each identity to its records',
  customers,
  tickets: 5 * customers,
  size: 'map and mapRaw: distinct identity keys; the index: cards (each twin pair is one card)',
  runs: { mapRaw, map, indexTrusted: trusted, indexChecked: checked },
  ratios: {
    indexTrusted: trustedRatios,
    indexChecked: checked && ratios(checked),
    indexTrustedToRawMap: toRaw(trusted),
  },
  targets:
    'build ≤ 2× the Map (time), ≤ 1.5× (peak RSS), Map on normalised identities; trusted records (already read through the models)',
  met: trustedRatios.buildTime <= 2 && trustedRatios.peakRss <= 1.5,
  machine: machine(),
};
writeResult('card-index', result);
console.log(JSON.stringify(result, null, 2));
